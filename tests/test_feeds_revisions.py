"""ICAL.md 14–16: SEQUENCE and LAST-MODIFIED from the data files' git history (the scheme of
docs/feeds.md), a deterministic fallback outside git, and byte-identical feeds for the same
data and "today" whatever the order the files are read in.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from conftest import git
from feeds_support import copy_territory, feeds_of, load

from generator import revisions
from generator.loading import Dataset
from generator.outputs import RenderContext

CAFE = "calendriers/evenement/cafe-parents.ics"


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


@pytest.mark.parametrize("territory", ["recurrences", "demo"])
def test_feeds_do_not_depend_on_the_order_the_loader_reads_files_in(
    territory: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader lists the data folder in sorted order; here it is made to read the files in
    shuffled orders instead (its ``sorted`` replaced), and the feeds must not change."""
    from generator import loading

    reference = feeds_of(load(territory))
    read: list[Path] = []
    real_read_file = loading.read_file

    def spying(reporter: object, path: Path, *args: object, **kwargs: object) -> object:
        read.append(path)
        return real_read_file(reporter, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "read_file", spying)
    rng = random.Random(11)

    def shuffled(items: object, **_: object) -> list[Path]:
        found = list(items)  # type: ignore[call-overload]
        rng.shuffle(found)
        return found

    monkeypatch.setattr(loading, "sorted", shuffled, raising=False)
    for _ in range(2):  # two different shuffles
        read.clear()
        assert feeds_of(load(territory)) == reference
        entities = [p for p in read if p.stem != "territory"]
        assert len(entities) > 5 and entities != sorted(entities)  # really read out of order


def _entries(content: bytes) -> dict[str, str]:
    """UID → the text of its VEVENTs in a feed."""
    out: dict[str, str] = {}
    for block in content.decode().split("BEGIN:VEVENT\r\n")[1:]:
        uid = next(line for line in block.split("\r\n") if line.startswith("UID:"))[4:]
        out[uid] = out.get(uid, "") + block.split("END:VEVENT\r\n")[0]
    return out


def test_uids_and_entries_survive_unrelated_edits_and_an_inserted_stop(tmp_path: Path) -> None:
    """ICAL.md 14 and CONTRACT.md §3: an edit of one file changes that file's entries only; a
    stop inserted into a route changes no other stop's UID (nor anything of its entry)."""
    data = copy_territory("recurrences", tmp_path / "data")
    before = _entries(feeds_of(load(data))["calendriers/tout.ics"])
    event = data / "events" / "cafe-parents.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("title: Café parents", "title: Café des parents"), "utf-8"
    )
    route = data / "circuits" / "epicerie-mardi.yaml"
    text = route.read_text(encoding="utf-8")
    inserted = "  - village: natoye\n    where: Place de Natoye\n"
    assert inserted in text
    stop = "  - id: ciney-ecole\n    village: ciney\n    where: École\n    arrive: 10:40\n    leave: 10:50\n"
    route.write_text(text.replace(inserted, stop + inserted), encoding="utf-8")
    after = _entries(feeds_of(load(data))["calendriers/tout.ics"])

    new = "tournee-epicerie-mardi-ciney-ecole@maillage.example"
    cafe = "evenement-cafe-parents@maillage.example"
    assert set(after) == set(before) | {new}
    assert "SUMMARY:Café des parents" in after[cafe] and after[cafe] != before[cafe]
    unchanged = {uid for uid in before if uid != cafe}
    assert len(unchanged) > 20
    assert {uid: after[uid] for uid in unchanged} == {uid: before[uid] for uid in unchanged}


def test_a_shallow_clone_is_warned_about(repo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A clone of depth 1 sees one commit per file: SEQUENCE would go down. The build says so."""
    git(repo, "commit", "-q", "--allow-empty", "-m", "second", when="2026-02-01T09:00:00Z")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    with caplog.at_level("WARNING", logger="generator.revisions"):
        assert revisions.file_revisions(shallow / "data")
    assert "shallow git clone" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="generator.revisions"):
        revisions.file_revisions(repo / "data")
    assert caplog.text == ""
