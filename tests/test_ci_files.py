"""The pull-request checks, validated here since they cannot run here.

The GitHub workflow and the GitLab pipeline are validated against the schemas vendored in
check-jsonschema (pinned in requirements-test.lock), with every network connection refused;
the generator commands they run are parsed by the real command line; the pre-commit hook is
run as pre-commit would run it.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO, ROOT

from generator.__main__ import parser

WORKFLOW = ROOT / ".github" / "workflows" / "verifier.yml"
PUBLISH = ROOT / ".github" / "workflows" / "publier.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"

NO_NETWORK = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network disabled by tests/test_ci_files.py")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


@pytest.fixture()
def offline(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python processes cannot open a network connection."""
    (tmp_path / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "HOME": str(tmp_path)}


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)


def _validate(schema: str, path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)], env)


def test_the_network_really_is_off(offline: dict[str, str]) -> None:
    probe = "import urllib.request; urllib.request.urlopen('https://example.org', timeout=5)"
    result = _run([sys.executable, "-c", probe], offline)
    assert result.returncode != 0
    assert "network disabled by tests/test_ci_files.py" in result.stderr


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-workflows", WORKFLOW),
        ("custom.github-workflows-require-timeout", WORKFLOW),
        ("vendor.github-workflows", PUBLISH),
        ("custom.github-workflows-require-timeout", PUBLISH),
        ("vendor.gitlab-ci", GITLAB),
    ],
)
def test_pipeline_files_match_their_schema_offline(schema: str, path: Path, offline: dict[str, str]) -> None:
    result = _validate(schema, path, offline)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_schema_check_can_fail(tmp_path: Path, offline: dict[str, str]) -> None:
    broken = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    broken["jobs"]["verifier"]["steps"][0]["uses"] = 42
    broken["jobs"]["verifier"]["runs-on"] = {"not": "a runner"}
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    result = _validate("vendor.github-workflows", path, offline)
    assert result.returncode == 1, result.stdout
    assert "network disabled" not in result.stdout + result.stderr


def _workflow() -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def _generator_arguments(script: str) -> list[list[str]]:
    """The arguments of every `python -m generator …` in a shell script."""
    found = []
    for line in script.splitlines():
        match = re.search(r"python3? -m generator (.*?)(?:\s*(?:>|\|\||&&|$))", line)
        if match:
            found.append(shlex.split(match.group(1).replace("${BASE_REF}", "main")))
    return found


def test_workflow_annotates_builds_and_keeps_a_preview() -> None:
    workflow = _workflow()
    assert "pull_request" in workflow[True]
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["verifier"]["steps"]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"not pinned: {step['uses']}"
    runs = [step["run"] for step in steps if "run" in step]
    commands = [args for run in runs for args in _generator_arguments(run)]
    annotating = [args for args in commands if args[:3] == ["check", "--format", "github"]]
    assert annotating and "--changed-since" in annotating[0]
    for args in commands:
        parser().parse_args(args)  # an option the command line does not know would exit here
    assert any("make site" in run for run in runs)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert upload["with"]["if-no-files-found"] == "error"
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "--changed-since needs the target branch's history"


def test_gitlab_pipeline_reports_builds_and_keeps_a_preview() -> None:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    check = pipeline["verifier"]
    script = "\n".join(line if isinstance(line, str) else "\n".join(line) for line in check["script"])
    commands = _generator_arguments(script)
    assert ["check", "--format", "gitlab", "--changed-since", "$CI_MERGE_REQUEST_DIFF_BASE_SHA"] in commands
    for args in commands:
        parser().parse_args(args)
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    site = pipeline["site"]
    assert any("make site" in str(line) for line in site["script"])
    assert site["artifacts"]["paths"] == ["site/"]


# GitLab's rule for `expose_as` (lib/gitlab/ci/config/entry/artifacts.rb): letters, digits,
# "-", "_" and spaces, ASCII only (Ruby's \w); a pipeline file breaking it is refused whole.
# The vendored schema does not say so: checked here.
EXPOSE_AS = re.compile(r"\w[-\w ]*", re.ASCII)


def _expose_as_values(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [str(v) for k, v in node.items() if k == "expose_as"]
        return found + [x for v in node.values() for x in _expose_as_values(v)]
    if isinstance(node, list):
        return [x for v in node for x in _expose_as_values(v)]
    return []


def test_gitlab_expose_as_names_are_ones_gitlab_accepts() -> None:
    assert not EXPOSE_AS.fullmatch("Aperçu du site")  # the name GitLab refused
    names = _expose_as_values(yaml.safe_load(GITLAB.read_text(encoding="utf-8")))
    assert names, "no expose_as: the merge request widget would not link the preview"
    for name in names:
        assert EXPOSE_AS.fullmatch(name), (
            f"expose_as {name!r}: GitLab accepts only ASCII letters, digits, - _ and spaces"
        )


def _rule_matches(rules: list[dict[str, str]], variables: dict[str, str]) -> bool:
    """GitLab's `if:` rules of the forms this project uses: `$A == $B`, `$A == "x"`."""
    for rule in rules:
        left, _, right = (part.strip() for part in rule["if"].partition("=="))
        value = variables.get(right[1:], "") if right.startswith("$") else right.strip('"')
        if variables.get(left[1:], "") == value:
            return True
    return False


def test_gitlab_publishes_pages_on_merges_and_scheduled_pipelines() -> None:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    pages = pipeline["pages"]
    assert pages["stage"] in pipeline["stages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any(str(line).strip() == "make site SITE_DIR=public" for line in pages["script"])
    assert not any("--today" in str(line) or "SOURCE_DATE_EPOCH" in str(line) for line in pages["script"])
    main = {"CI_DEFAULT_BRANCH": "main", "CI_COMMIT_BRANCH": "main"}
    merge = {"CI_DEFAULT_BRANCH": "main", "CI_PIPELINE_SOURCE": "merge_request_event"}
    for source in ("push", "schedule"):  # a merge into main, the nightly pipeline schedule
        run = {**main, "CI_PIPELINE_SOURCE": source}
        assert _rule_matches(pipeline["workflow"]["rules"], run), source
        assert _rule_matches(pages["rules"], run), source
        assert not _rule_matches(pipeline["site"]["rules"], run), "the preview is for merge requests"
    assert _rule_matches(pipeline["workflow"]["rules"], merge)
    assert not _rule_matches(pages["rules"], merge), "a merge request must not publish"


def test_github_publishes_pages_on_merges_and_every_night() -> None:
    workflow = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    on = workflow[True]
    assert on["push"]["branches"] == ["main"]
    (schedule,) = on["schedule"]
    minute, hour, *days = schedule["cron"].split()
    assert days == ["*", "*", "*"] and 0 <= int(hour) < 24 and 0 <= int(minute) < 60, "once a day"
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["construire"], workflow["jobs"]["publier"]
    steps = build["steps"] + deploy["steps"]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"not pinned: {step['uses']}"
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert "make site SITE_DIR=site" in runs
    assert not any("--today" in run or "SOURCE_DATE_EPOCH" in run for run in runs), (
        "the nightly build takes the day's date"
    )
    assert "SOURCE_DATE_EPOCH" not in str(workflow.get("env", {})) + str(build.get("env", {}))
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert deploy["needs"] == "construire"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_pull_request_template_has_a_short_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] .+$", text, re.M)
    assert 3 <= len(items) <= 7
    assert "verified.on" in text and "CONTRIBUTING.md" in text


def test_pre_commit_runs_check_locally(tmp_path: Path) -> None:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "no hook is fetched from the network"
    (hook,) = config["repos"][0]["hooks"]
    assert hook["language"] in {"system", "python"}
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/actors/cpas-ciney.yaml") and files.search("data/territory.yml")
    assert not files.search("generator/errors.py")
    entry = shlex.split(hook["entry"])
    assert entry[:3] == [".venv/bin/python", "-m", "generator"] and entry[3] == "check"
    # Run as pre-commit runs it, from the project root, on the demo and on a broken copy.
    command = [sys.executable, *entry[1:]]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    ok = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "data"
    shutil.copytree(DEMO, broken)
    (broken / "places" / "salle-maffe.yaml").unlink()
    failing = subprocess.run(
        [*command, "--data", str(broken)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert failing.returncode == 1
    assert "salle-maffe" in failing.stdout
