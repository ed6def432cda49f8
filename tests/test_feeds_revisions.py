"""ICAL.md 14–16: SEQUENCE and LAST-MODIFIED from the data files' git history (the scheme of
docs/feeds.md), a deterministic fallback outside git, and byte-identical feeds for the same
data and "today" whatever the order the files are read in.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from feeds_support import copy_territory, feeds_of, load

from generator import revisions
from generator.loading import Dataset
from generator.outputs import RenderContext

CAFE = "calendriers/evenement/cafe-parents.ics"


def git(repo: Path, *args: str, when: str = "2026-01-01T10:00:00Z") -> None:
    if shutil.which("git") is None:
        pytest.fail("git is not installed: the revision tests need it")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@maillage.example",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@maillage.example",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def lines_of(content: bytes, name: str) -> list[str]:
    return [line for line in content.decode().split("\r\n") if line.startswith(f"{name}:")]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The recurrences territory committed in a repository of its own, on 1 January 2026."""
    root = tmp_path / "repo"
    copy_territory("recurrences", root / "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "data")
    return root


def test_git_history_gives_sequence_and_last_modified(repo: Path) -> None:
    data = repo / "data"
    first = feeds_of(load(data))[CAFE]
    assert set(lines_of(first, "SEQUENCE")) == {"SEQUENCE:1"}
    assert set(lines_of(first, "LAST-MODIFIED")) == {"LAST-MODIFIED:20260101T100000Z"}
    assert set(lines_of(first, "DTSTAMP")) == {"DTSTAMP:20260101T100000Z"}

    # An edit not yet committed already counts; its time is not known before the commit.
    event = data / "events" / "cafe-parents.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("end: 11:00", "end: 11:30"), encoding="utf-8")
    edited = feeds_of(load(data))[CAFE]
    assert set(lines_of(edited, "SEQUENCE")) == {"SEQUENCE:2"}
    assert set(lines_of(edited, "LAST-MODIFIED")) == {"LAST-MODIFIED:20260101T100000Z"}

    git(repo, "commit", "-q", "-am", "longer", when="2026-02-01T09:00:00Z")
    committed = feeds_of(load(data))
    assert set(lines_of(committed[CAFE], "SEQUENCE")) == {"SEQUENCE:2"}  # master and overrides alike
    assert set(lines_of(committed[CAFE], "LAST-MODIFIED")) == {"LAST-MODIFIED:20260201T090000Z"}
    # Other files' entries are untouched by that edit.
    assert lines_of(committed["calendriers/evenement/permanence-jeudi.ics"], "SEQUENCE")[0] == "SEQUENCE:1"

    # Editing a place moves LAST-MODIFIED of the events held there (not their SEQUENCE).
    place = data / "places" / "salle-natoye.yaml"
    place.write_text(place.read_text(encoding="utf-8").replace("Rue du Centre 12", "Rue du Centre 14"), "utf-8")
    git(repo, "commit", "-q", "-am", "address", when="2026-03-01T08:00:00Z")
    moved = feeds_of(load(data))["calendriers/evenement/permanence-jeudi.ics"]
    assert set(lines_of(moved, "LAST-MODIFIED")) == {"LAST-MODIFIED:20260301T080000Z"}
    assert set(lines_of(moved, "SEQUENCE")) == {"SEQUENCE:1"}


def test_outside_git_the_fallback_is_fixed(tmp_path: Path) -> None:
    content = feeds_of(load(copy_territory("recurrences", tmp_path / "data")))[CAFE]
    assert set(lines_of(content, "SEQUENCE")) == {"SEQUENCE:0"}
    assert set(lines_of(content, "DTSTAMP")) == {"DTSTAMP:20000101T000000Z"}
    assert lines_of(content, "LAST-MODIFIED") == []


def test_the_whole_history_is_read_with_three_git_processes(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(revisions.subprocess, "run", counting)
    found = revisions.file_revisions(repo / "data")
    assert len(found) == len([p for p in (repo / "data").rglob("*.yaml")])
    assert len(calls) == 3  # rev-parse, log, status — whatever the number of files


def _shuffled(dataset: Dataset, seed: int) -> Dataset:
    rng = random.Random(seed)

    def shuffle(items: dict[str, object]) -> dict[str, object]:
        keys = list(items)
        rng.shuffle(keys)
        return {k: items[k] for k in keys}

    return Dataset(
        root=dataset.root,
        territory=dataset.territory,
        actors=shuffle(dataset.actors),  # type: ignore[arg-type]
        places=shuffle(dataset.places),  # type: ignore[arg-type]
        events=shuffle(dataset.events),  # type: ignore[arg-type]
        circuits=shuffle(dataset.circuits),  # type: ignore[arg-type]
        notices=shuffle(dataset.notices),  # type: ignore[arg-type]
        sources=shuffle(dataset.sources),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("territory", ["recurrences", "demo"])
def test_feeds_do_not_depend_on_the_order_files_are_read_in(territory: str) -> None:
    context = load(territory)
    reference = feeds_of(context)
    for seed in (1, 2, 3):
        shuffled = RenderContext(_shuffled(context.dataset, seed), context.today, context.settings)
        assert feeds_of(shuffled) == reference


def test_feeds_do_not_depend_on_the_order_files_were_written_in(tmp_path: Path) -> None:
    source = copy_territory("recurrences", tmp_path / "a")
    files = sorted(p for p in source.rglob("*") if p.is_file())
    random.Random(7).shuffle(files)
    target = tmp_path / "b"
    for path in files:  # created in another order: directory listings differ
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
    assert feeds_of(load(target)) == feeds_of(load(source))
