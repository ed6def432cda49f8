"""The scheduled re-import of partners' calendars (issue 19), in GitHub's and GitLab's files.

Both are validated against the schemas vendored in check-jsonschema with the network off
(as tests/test_ci_files.py does for the pull-request checks), their generator commands are
parsed by the real command line, and `import calendars` — what they run — is run here on a
territory whose calendars are served on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import re
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TERRITORIES

from generator.__main__ import main, parser

WORKFLOW = ROOT / ".github" / "workflows" / "agendas.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
CALENDARS = Path(__file__).resolve().parent / "importers" / "calendars"
NO_NETWORK = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network disabled by tests/test_import_ci.py")

socket.socket.connect = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def _commands(script: str) -> list[list[str]]:
    found = []
    for line in script.splitlines():
        match = re.search(r"python3? -m generator (.*?)(?:\s*(?:>|\|\||&&|$))", line)
        if match:
            found.append(shlex.split(match.group(1)))
    return found


@pytest.mark.parametrize(("schema", "path"), [("vendor.github-workflows", WORKFLOW), ("vendor.gitlab-ci", GITLAB)])
def test_the_files_match_their_schema_offline(schema: str, path: Path, tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_reimports_on_a_schedule_and_opens_a_pull_request() -> None:
    workflow: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "schedule" in workflow[True] and "workflow_dispatch" in workflow[True]
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
    (job,) = workflow["jobs"].values()
    assert job["timeout-minutes"] <= 30
    for step in job["steps"]:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"not pinned: {step['uses']}"
    runs = "\n".join(step["run"] for step in job["steps"] if "run" in step)
    commands = _commands(runs)
    assert commands == [["import", "calendars", "--update", "--report", "rapport-agendas.md"]]
    for args in commands:
        parser().parse_args(args)
    assert "gh pr create" in runs and "--body-file rapport-agendas.md" in runs
    assert "git add -- data" in runs  # only the data, never the report or anything else


def test_gitlab_job_runs_only_on_schedule_and_opens_a_merge_request() -> None:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = pipeline["agendas"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert job["stage"] in pipeline["stages"]
    script = "\n".join(job["script"])
    commands = _commands(script)
    assert commands == [["import", "calendars", "--update", "--report", "rapport-agendas.md"]]
    for args in commands:
        parser().parse_args(args)
    assert "merge_request.create" in script and "git add -- data" in script
    assert job["artifacts"]["paths"] == ["rapport-agendas.md"]


PUBLIC = "https://agenda.example"


@pytest.fixture
def served() -> Any:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    def handler(*args: Any) -> Quiet:
        return Quiet(*args, directory=str(CALENDARS))

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_import_calendars_reimports_what_territory_yaml_lists(
    served: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # territory.yaml may only name public https addresses (the link policy refuses 127.0.0.1,
    # which would let a pull request make CI fetch a machine's private services): the test's
    # public-looking address is answered by the server on 127.0.0.1.
    from generator.importers import ics

    read_source = ics.read_source
    monkeypatch.setattr(ics, "read_source", lambda url: read_source(url.replace(PUBLIC, served)))
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    territory = data / "territory.yaml"
    territory.write_text(
        territory.read_text(encoding="utf-8").replace(
            "communes:\n",
            f"calendars:\n  - {{url: {PUBLIC}/google.ics, organizer: pcs-hamois, type: workshop}}\n"
            f"  - {{url: {PUBLIC}/absent.ics, organizer: cpas-ciney}}\n"
            "communes:\n",
        ),
        encoding="utf-8",
    )
    report = tmp_path / "rapport.md"
    assert main(["import", "calendars", "--data", str(data), "--update", "--report", str(report)]) == 1
    text = report.read_text(encoding="utf-8")
    assert "| « Café des voisins » (4k2q8v1l0a9s3d7f6g5h4j3k2l@google.com) | créé |" in text
    assert f"| agenda {PUBLIC}/absent.ics (cpas-ciney) | refusé : l'agenda" in text  # the others still came
    assert "type: workshop\n" in (data / "events" / "cafe-des-voisins.yaml").read_text(encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (data / "events").glob("*.yaml")}
    assert main(["import", "calendars", "--data", str(data), "--update"]) == 1
    assert {p.name: p.read_bytes() for p in (data / "events").glob("*.yaml")} == before
    capsys.readouterr()


def test_a_calendar_whose_organizer_is_unknown_is_an_error_of_territory_yaml(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    territory = data / "territory.yaml"
    territory.write_text(
        territory.read_text(encoding="utf-8").replace(
            "communes:\n", "calendars:\n  - {url: https://agenda.example/a.ics, organizer: pcs-hamoi}\ncommunes:\n"
        ),
        encoding="utf-8",
    )
    from generator.validate import validate

    problems = validate(data).errors
    assert [(p.path, p.code) for p in problems] == [("calendars[0].organizer", "unknown_reference")]
    assert "pcs-hamois" in problems[0].hint
