"""The synthetic territory used by the benchmarks: valid, deterministic, the demo at 1×."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import DEMO, TODAY, run_cli

from benchmarks.synthetic import generate
from generator.validate import validate

KINDS = ("actors", "places", "events", "circuits", "notices")


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(data_dir).as_posix(): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


def test_twice_the_demo_passes_check(tmp_path: Path) -> None:
    data_dir = generate(tmp_path / "x2", 2, seed=7)
    result = run_cli("check", "--data", str(data_dir), "--today", TODAY)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "0 erreur(s)" in result.stdout
    assert "Traceback" not in result.stderr


def test_twice_the_demo_has_twice_everything(tmp_path: Path) -> None:
    demo = validate(DEMO, today=date.fromisoformat(TODAY)).dataset
    double = validate(generate(tmp_path / "x2", 2), today=date.fromisoformat(TODAY)).dataset
    assert demo.territory is not None and double.territory is not None
    assert len(double.territory.communes) == 2 * len(demo.territory.communes)
    for kind in KINDS:
        assert len(double.collection(kind)) == 2 * len(demo.collection(kind)), kind
    clone = double.circuits["epicerie-jeudi-2"]
    assert clone.operator == "epicerie-solidaire-2"
    assert all(stop.village.endswith("-2") for stop in clone.stops)
    assert double.actors["cpas-ciney-2"].kind == demo.actors["cpas-ciney"].kind


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    first = _files(generate(tmp_path / "a", 2, seed=3))
    second = _files(generate(tmp_path / "b", 2, seed=3))
    assert first == second
    other = _files(generate(tmp_path / "c", 2, seed=4))
    assert other.keys() == first.keys()
    assert other["territory.yaml"] != first["territory.yaml"]  # the seed moves the clone


def test_scale_one_is_the_demo(tmp_path: Path) -> None:
    today = date.fromisoformat(TODAY)
    demo = validate(DEMO, today=today)
    copy = validate(generate(tmp_path / "x1", 1), today=today)
    assert copy.dataset.territory == demo.dataset.territory
    for kind in KINDS:
        assert copy.dataset.collection(kind) == demo.dataset.collection(kind), kind
    assert [(p.file, p.line, p.code) for p in copy.problems if p.is_error] == []
    assert sorted(p.code for p in copy.problems) == sorted(p.code for p in demo.problems)


def test_refuses_to_overwrite_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate(tmp_path, 1)
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_what_serves_the_demo_everywhere_serves_its_own_clone(tmp_path: Path) -> None:
    """A province of territories like the demo: clone 2's territory-wide actors and notices
    serve clone 2's communes; clone 1's stay province-wide."""
    demo = validate(DEMO, today=date.fromisoformat(TODAY)).dataset
    triple = validate(generate(tmp_path / "x3", 3), today=date.fromisoformat(TODAY)).dataset
    assert triple.territory is not None and demo.territory is not None
    everywhere = sorted(a.id for a in demo.actors.values() if a.area == ["all"])
    assert everywhere
    own = [f"{c.id}-2" for c in demo.territory.communes]
    for actor_id in everywhere:
        assert triple.actors[actor_id].area == ["all"]
        assert triple.actors[f"{actor_id}-2"].area == own
    for notice in demo.notices.values():
        if notice.communes == ["all"]:
            assert triple.notices[f"{notice.id}-3"].communes == [f"{c.id}-3" for c in demo.territory.communes]
