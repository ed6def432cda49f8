"""One invalid data fixture per rule, each with the exact problem a volunteer must see.

The valid base is ``tests/territories/mini/data/``. Each case is a folder
``tests/invalid/<nn-name>/`` holding:

* files that replace or add to the base, at the same relative path (``data/actors/x.yaml``);
* ``expected.yaml``: ``rule`` (what is broken), ``kind`` (the entity kind it concerns:
  territory, actor, place, event, circuit, notice), ``problems`` (every error expected, each
  with its exact ``file``, ``line``, ``column``, ``path``, ``message`` and ``hint``),
  optionally ``remove`` (base files to delete) and ``english`` (the first problem's message
  and hint with ``--lang en``);
* optionally ``make.py`` with ``make(root: Path) -> None``, for content that should not be
  committed as is (a file over 1 MB, NUL bytes, bytes that are not UTF-8).

Each case runs the real command line, as a contributor's CI would.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TERRITORIES, TODAY, run_cli

BASE = TERRITORIES / "mini" / "data"
CASES_DIR = Path(__file__).resolve().parent / "invalid"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())
KINDS = {"territory", "actor", "place", "event", "circuit", "notice"}
FIELDS = ("file", "line", "column", "path", "message", "hint")
SECONDS = 2.0


def expected_of(case: Path) -> dict[str, Any]:
    loaded = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), f"{case.name}/expected.yaml must be a mapping"
    return loaded


def prepare(case: Path, root: Path) -> Path:
    """Copy the base territory to ``root/data``, then lay the case over it."""
    data = root / "data"
    shutil.copytree(BASE, data)
    expected = expected_of(case)
    for relative in expected.get("remove", []):
        (root / relative).unlink()
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_dir() or relative.parts[0] != "data":
            continue
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    maker = case / "make.py"
    if maker.is_file():
        spec = importlib.util.spec_from_file_location(f"make_{case.name.replace('-', '_')}", maker)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(root)
    return data


def check(data: Path, *extra: str) -> tuple[int, list[dict[str, Any]], str, float]:
    """Run ``check --format json``; return exit code, problems, all output, seconds taken."""
    began = time.perf_counter()
    result = run_cli("check", "--format", "json", "--today", TODAY, "--data", str(data), *extra)
    seconds = time.perf_counter() - began
    output = result.stdout + result.stderr
    problems = json.loads(result.stdout) if result.stdout.strip().startswith("[") else []
    return result.returncode, problems, output, seconds


def _located(problem: dict[str, Any]) -> dict[str, Any]:
    return {name: problem.get(name, "") for name in FIELDS}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_case_reports_exactly_its_problem(case: Path, tmp_path: Path) -> None:
    expected = expected_of(case)
    data = prepare(case, tmp_path)
    code, problems, output, seconds = check(data)
    assert "Traceback" not in output, output
    assert code == 1, f"{case.name}: exit {code}, expected 1\n{output}"
    errors = [_located(p) for p in problems if p["severity"] == "error"]
    wanted = [{name: item.get(name, "") for name in FIELDS} for item in expected["problems"]]
    assert errors == wanted, f"{case.name} ({expected['rule']})"
    assert seconds < SECONDS, f"{case.name} took {seconds:.2f} s"


@pytest.mark.parametrize("case", [c for c in CASES if "english" in expected_of(c)], ids=lambda c: c.name)
def test_invalid_case_in_english(case: Path, tmp_path: Path) -> None:
    expected = expected_of(case)
    data = prepare(case, tmp_path)
    code, problems, output, _ = check(data, "--lang", "en")
    assert code == 1 and "Traceback" not in output, output
    first = expected["problems"][0]
    english = {**{name: first[name] for name in ("file", "line", "column", "path")}, **expected["english"]}
    errors = [_located(p) for p in problems if p["severity"] == "error"]
    assert {**english, "hint": english.get("hint", "")} in errors


def test_the_corpus_covers_every_kind_and_enough_rules() -> None:
    assert len(CASES) >= 50, f"only {len(CASES)} invalid fixtures"
    kinds = {expected_of(c)["kind"] for c in CASES}
    assert kinds == KINDS, f"kinds covered: {sorted(kinds)}"
    rules = [expected_of(c)["rule"] for c in CASES]
    assert len(set(rules)) == len(rules), "each fixture tests its own rule"
    for case in CASES:
        expected = expected_of(case)
        assert len(expected["problems"]) == 1, f"{case.name}: one rule, one problem"
        changes = (case / "data").is_dir() or (case / "make.py").is_file() or expected.get("remove")
        assert changes, f"{case.name} changes nothing in the base"
    assert sum(1 for c in CASES if "english" in expected_of(c)) >= 5


def test_the_base_territory_is_valid() -> None:
    code, problems, output, _ = check(BASE)
    assert code == 0, output
    assert problems == [], "the base has no warnings either, so each case shows only its own problem"


def test_bom_and_crlf_line_ends_still_pass(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    for path in sorted(data.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    code, problems, output, _ = check(data)
    assert code == 0, output
    assert problems == []
