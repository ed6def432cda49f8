"""`check --changed-since REV` on a small git repository built in the test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DEMO, TODAY, git, run_cli


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(DEMO, repo / "data")
    # A problem that was already there before the change: --changed-since must not report it.
    stale = repo / "data" / "actors" / "taxi-social.yaml"
    stale.write_text(stale.read_text(encoding="utf-8").replace("kind: ", "kind: x", 1), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def _problems(repo: Path, revision: str) -> tuple[int, list[dict[str, object]]]:
    result = run_cli(
        "check", "--data", str(repo / "data"), "--changed-since", revision, "--format", "json", "--today", TODAY
    )
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout or "[]")


def test_nothing_changed_reports_nothing(repo: Path) -> None:
    code, problems = _problems(repo, "HEAD")
    assert (code, problems) == (0, [])


def test_only_the_changed_file_is_reported(repo: Path) -> None:
    path = repo / "data" / "actors" / "cpas-hamois.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("themes: [", "themes: [aide-social, ", 1), encoding="utf-8"
    )
    code, problems = _problems(repo, "HEAD")
    assert code == 1
    assert {p["file"] for p in problems} == {"data/actors/cpas-hamois.yaml"}
    assert problems[0]["message"] == "`aide-social` n'est pas un thème connu"


def test_a_removal_reports_what_it_breaks_elsewhere(repo: Path) -> None:
    (repo / "data" / "places" / "salle-maffe.yaml").unlink()
    code, problems = _problems(repo, "HEAD")
    assert code == 1
    files = {p["file"] for p in problems}
    assert "data/events/cafe-parents-havelange.yaml" in files
    assert all(p["code"] == "unknown_reference" for p in problems)
    assert "data/actors/taxi-social.yaml" not in files


def test_a_new_untracked_file_is_checked(repo: Path) -> None:
    (repo / "data" / "places" / "nouvelle-salle.yaml").write_text("id: nouvelle-salle\nname: Salle\n", encoding="utf-8")
    code, problems = _problems(repo, "HEAD")
    assert code == 1
    assert {p["file"] for p in problems} == {"data/places/nouvelle-salle.yaml"}


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = run_cli("check", "--data", str(repo / "data"), "--changed-since", "no-such-rev")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
