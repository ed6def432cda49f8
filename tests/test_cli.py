"""The command line as CONTRACT.md §2 fixes it: exit codes, formats, languages, build safety."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import DEMO, ROOT, TODAY, run_cli


def test_check_on_the_demo_exits_zero() -> None:
    result = run_cli("check", "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 erreur(s)" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_json_lists_only_warnings_on_the_demo() -> None:
    result = run_cli("check", "--format", "json", "--today", TODAY)
    problems = json.loads(result.stdout)
    assert problems, "the demo keeps a few overdue verifications on purpose"
    assert {p["severity"] for p in problems} == {"warning"}
    assert all(p["file"].startswith("data/") and p["line"] >= 1 and p["column"] >= 1 for p in problems)


def test_usage_errors_exit_two() -> None:
    assert run_cli("check", "--format", "xml").returncode == 2
    assert run_cli("check", "--data", "/nonexistent/folder").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def _broken_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    (data / "actors" / "cpas-ciney.yaml").write_text("id: cpas-ciney\nname: [oops\n", encoding="utf-8")
    return data


def test_invalid_data_exits_one_with_a_located_message(tmp_path: Path) -> None:
    data = _broken_copy(tmp_path)
    result = run_cli("check", "--data", str(data), "--today", TODAY)
    assert result.returncode == 1
    assert "data/actors/cpas-ciney.yaml:3:1: erreur" in result.stdout
    english = run_cli("check", "--data", str(data), "--lang", "en", "--today", TODAY)
    assert "the YAML cannot be read here" in english.stdout


def test_github_format_is_workflow_annotations(tmp_path: Path) -> None:
    data = _broken_copy(tmp_path)
    result = run_cli("check", "--data", str(data), "--format", "github", "--today", TODAY)
    lines = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert lines[0].startswith("::error file=data/actors/cpas-ciney.yaml,line=3,col=1,title=")
    assert all("\n" not in line for line in lines)


def test_build_with_invalid_data_leaves_the_site_untouched(tmp_path: Path) -> None:
    data = _broken_copy(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / ".maillage-site").write_text("", encoding="utf-8")  # a site a build published
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", TODAY)
    assert result.returncode == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_build_replaces_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / ".maillage-site").write_text("", encoding="utf-8")  # a site a build published
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = run_cli("build", "--site-dir", str(site), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "index.html").is_file()
    assert (site / ".maillage-site").is_file()  # the next build may replace it in turn
    assert not (site / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_schema_writes_one_schema_per_file_kind(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["actor.json", "circuit.json", "event.json", "notice.json", "place.json", "territory.json"]
    schema = json.loads((tmp_path / "actor.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert "id" in schema["required"]


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    run_cli("schema", "--out", str(tmp_path))
    for path in tmp_path.iterdir():
        committed = ROOT / "schemas" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"schemas/{path.name} is stale: run `make schema`"
        )


def test_every_demo_file_names_its_schema() -> None:
    for path in sorted(DEMO.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "territory" if path.parent == DEMO else path.parent.name[:-1]
        depth = "../" if path.parent == DEMO else "../../"
        assert first == f"# yaml-language-server: $schema={depth}schemas/{kind}.json", path


def test_new_skeletons_fail_check_until_their_examples_are_replaced(tmp_path: Path) -> None:
    from generator.skeletons import ADDRESS, EMAIL, ORGANIZATION, PHONE, PLACEHOLDERS, YOUR_ACTOR

    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    for kind in ("actor", "place", "event", "circuit", "notice"):
        result = run_cli("new", kind, f"nouveau-{kind}", "--data", str(data))
        assert result.returncode == 0, result.stderr
        text = (data / f"{kind}s" / f"nouveau-{kind}.yaml").read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.json")
    event = (data / "events" / "nouveau-event.yaml").read_text(encoding="utf-8")
    assert f"organizers: [{YOUR_ACTOR}]" in event  # never another association
    result = run_cli("check", "--data", str(data), "--format", "json")
    assert result.returncode != 0
    errors = [p for p in json.loads(result.stdout) if p["severity"] == "error"]
    files = {p["file"].rsplit("/", 1)[-1] for p in errors if p["code"] == "placeholder"}
    assert files == {f"nouveau-{kind}.yaml" for kind in ("actor", "place", "event", "circuit", "notice")}
    assert any("l'exemple du modèle" in p["message"] for p in errors)
    # once every example is replaced by real information, the files pass
    real = {
        ORGANIZATION: "Les Amis du Village",
        ADDRESS: "Rue du Centre 3, 5590 Ciney",
        PHONE: "083 21 00 01",
        EMAIL: "amis@village.example",
        YOUR_ACTOR: "nouveau-actor",
    }
    for kind in ("actor", "place", "event", "circuit", "notice"):
        path = data / f"{kind}s" / f"nouveau-{kind}.yaml"
        text = path.read_text(encoding="utf-8")
        for example in sorted(PLACEHOLDERS, key=len, reverse=True):
            text = text.replace(example, real.get(example, f"Vraie information {len(example)}"))
        path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--data", str(data), "--format", "json")
    errors = [p for p in json.loads(result.stdout) if p["severity"] == "error"]
    assert errors == []
    assert run_cli("new", "actor", "nouveau-actor", "--data", str(data)).returncode == 2
    assert run_cli("new", "actor", "Pas Valable", "--data", str(data)).returncode == 2
