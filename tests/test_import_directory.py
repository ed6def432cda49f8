"""`import hsds` and `import data-inclusion` (issue 19): our own exports of the demo, imported
back into an empty territory, give the same data.

"The same" is judged by the format itself: the imported actors, exported again, give the
same HSDS organizations, services and actors' locations, and the same data·inclusion
structures and services, as the demo does. What a format does not carry (an actor's kind,
how its information was verified; for data·inclusion in Belgium, the area of an actor
without an address) is left to decide: the report and `check` list exactly those, and the
test then takes them from the demo, as a person would decide them.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO

from generator import decisions, yamlread
from generator.__main__ import main
from generator.importers.writing import dump
from generator.outputs import RenderContext
from generator.outputs.exports import render_exports
from generator.outputs.exports.native import plain
from generator.validate import validate

TODAY = date(2026, 11, 23)
SETTINGS = {"site_url": "https://maillage.example/"}


def _exports(data: Path) -> dict[str, Any]:
    validation = validate(data, today=TODAY)
    assert validation.ok, "\n".join(str(p) for p in validation.errors)
    files = render_exports(RenderContext(validation.dataset, validation.today, SETTINGS))
    return {path: json.loads(content) for path, content in files.items() if path.endswith(".json")}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo's exports written to a folder, and parsed."""
    folder = tmp_path_factory.mktemp("exports")
    validation = validate(DEMO, today=TODAY)
    for path, content in render_exports(RenderContext(validation.dataset, validation.today, SETTINGS)).items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return folder / "donnees", _exports(DEMO)


_ORIGINALS: dict[str, Any] = {}


def _decide(data: Path) -> list[tuple[str, tuple[str | int, ...]]]:
    """Answer every « À DÉCIDER » of the imported actors with the demo's value, as a person
    would; → what was decided (file, field)."""
    if not _ORIGINALS:
        _ORIGINALS.update({a.id: plain(a) for a in validate(DEMO, today=TODAY).dataset.actors.values()})
    originals = _ORIGINALS
    decided = []
    for path in sorted((data / "actors").glob("*.yaml")):
        fields, _ = yamlread.load(path.read_text(encoding="utf-8"))
        assert isinstance(fields, dict)
        for where, _question in decisions.find(fields):
            last = max(i for i, part in enumerate(where) if isinstance(part, str))
            holder, original, actor = fields, originals[path.stem], originals[path.stem]
            for part in where[:last]:
                holder, original = holder[part], original[part]
            key = where[last]
            holder[key] = original.get(key, actor.get(key))  # a service's own value, else its actor's
            decided.append((path.name, where))
        path.write_text(dump("actor", fields), encoding="utf-8")
    return decided


def _imported(tmp_path: Path, *command: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DEMO / "territory.yaml", data / "territory.yaml")
    assert main([*command, "--data", str(data), "--report", str(tmp_path / "rapport.md")]) == 1
    left = validate(data, today=TODAY).errors
    assert {p.code for p in left} == {"decision_needed"}  # check lists the decisions, nothing else
    report = (tmp_path / "rapport.md").read_text(encoding="utf-8")
    assert f"{len(left)} décision(s) à prendre." in report
    assert len(_decide(data)) == len(left)
    return data


def test_hsds_round_trip(demo: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    folder, wanted = demo
    data = _imported(tmp_path, "import", "hsds", str(folder / "hsds"))
    got = _exports(data)
    assert got["donnees/hsds/organizations.json"] == wanted["donnees/hsds/organizations.json"]
    assert got["donnees/hsds/services.json"] == wanted["donnees/hsds/services.json"]
    actors_locations = [x for x in wanted["donnees/hsds/locations.json"] if "organization_id" in x]
    assert got["donnees/hsds/locations.json"] == actors_locations  # places are not actors
    assert len(wanted["donnees/hsds/services.json"]) > 80


def test_data_inclusion_round_trip(demo: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    folder, wanted = demo
    files = [str(folder / "data-inclusion" / name) for name in ("structures.json", "services.json")]
    data = _imported(tmp_path, "import", "data-inclusion", *files)
    got = _exports(data)
    for name in ("structures.json", "services.json"):
        assert got[f"donnees/data-inclusion/{name}"] == wanted[f"donnees/data-inclusion/{name}"], name


def test_importing_the_package_again_changes_nothing(demo: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    folder, _ = demo
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DEMO / "territory.yaml", data / "territory.yaml")
    assert main(["import", "hsds", str(folder / "hsds"), "--data", str(data)]) == 1
    before = {p.name: p.read_bytes() for p in (data / "actors").glob("*.yaml")}
    assert main(["import", "hsds", str(folder / "hsds"), "--data", str(data), "--update"]) == 1
    assert {p.name: p.read_bytes() for p in (data / "actors").glob("*.yaml")} == before


def test_a_folder_that_is_not_a_package_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DEMO / "territory.yaml", data / "territory.yaml")
    assert main(["import", "hsds", str(tmp_path), "--data", str(data)]) == 2
    assert "organizations.json manque" in capsys.readouterr().err
    broken = tmp_path / "structures.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["import", "data-inclusion", str(broken), "--data", str(data)]) == 2
