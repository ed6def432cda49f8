"""Whatever a volunteer's editor does to a valid file, the loader answers with Problems only.

Hypothesis starts from the demo's own files (valid by construction), then breaks them the ways
people and tools do: a field dropped, a value of the wrong type, a key written twice, a file
cut short by a failed upload, stray or flipped bytes, tabs. ``read_file`` (one file) and
``validate`` (a small data folder with cross-file checks) must never raise, and every Problem
must point at a real line and column with words in it.
"""

from __future__ import annotations

import gc
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import yamlread
from generator.errors import Problem
from generator.loading import Reporter, read_file
from generator.models import KINDS, Territory
from generator.validate import validate

TODAY = date(2026, 11, 23)

# Files that between them hold every shape of the format: each recurrence kind, exceptions,
# inline and referenced locations, stops, notices; the actors and places they name follow.
ROOTS = [
    "circuits/epicerie-jeudi.yaml",
    "events/cafe-parents-havelange.yaml",  # 2nd Tuesday, skip, cancelled, changed
    "events/balade-du-dimanche.yaml",  # inline location, changed place
    "events/cafe-aidants-ciney.yaml",  # last Thursday
    "events/apres-midi-jeux-mean.yaml",  # fortnightly
    "events/atelier-smartphone-hamois.yaml",  # COUNT
    "events/week-end-des-solidarites.yaml",  # all-day
    "notices/plan-grand-froid-2026.yaml",
]

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _kind_of(relative: str) -> type[Any]:
    folder = relative.split("/")[0]
    return Territory if folder == "territory.yaml" else KINDS[folder]


def _parse(path: Path) -> Any:
    return yamlread.load(yamlread.decode(path.read_bytes()))[0]


def _small_folder_files() -> list[str]:
    """The roots plus every actor and place they reference, so that the folder is valid."""
    files = {"territory.yaml", *ROOTS}
    for relative in ROOTS:
        data = _parse(DEMO / relative)
        actors = [*data.get("organizers", []), *data.get("actors", [])]
        if "operator" in data:
            actors.append(data["operator"])
        places = [data.get("place")] + [c.get("place") for c in data.get("changed", [])]
        files.update(f"actors/{a}.yaml" for a in actors)
        files.update(f"places/{p}.yaml" for p in places if p)
    return sorted(files)


SMALL_FILES = _small_folder_files()
ALL_DEMO_FILES = sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*.yaml"))
ORIGINALS = {name: (DEMO / name).read_bytes() for name in ALL_DEMO_FILES}


def _tree_of(raw: bytes) -> Any:
    return yamlread.load(yamlread.decode(raw))[0]


# --- mutations ----------------------------------------------------------------------------

LOOK_ALIKES = [
    "сpas-ciney",  # Cyrillic "с"
    "１０:３０",  # full-width digits
    "2026‐09‐08",  # U+2010 hyphens
    "ciney\u200b",  # zero-width space
    "\u202eyenic",  # right-to-left override
    "ｔｒｕｅ",
    "٢٠٢٦-٠٩-٠٨",  # Arabic-Indic digits
    "10:30\u00a0",
    "Mo-Fr 08:30–12:00",  # en dash
    "+32 83 ９９ 01 10",
    "https://еxample.example",  # Cyrillic "е"
    "FREQ=WEEKLY;BYDAY=ＴＨ",
]
EDGE_TEXTS = [
    "25:00",
    "24:00",
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31 23:59",
    "FREQ=DAILY;COUNT=100000000",
    "FREQ=SECONDLY",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYDAY=XX",
    "Mo-Su 00:00-24:00; PH off; ",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "",
    " ",
    "-",
    "all",
]


def _scalars(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for child in value.values():
            yield from _scalars(child)
    elif isinstance(value, list):
        for child in value:
            yield from _scalars(child)
    elif not isinstance(value, str) or len(value) < 80:
        yield value


# Every short value of the demo: ids, dates, times, rules, vocabulary words. Put in the wrong
# place they stay well-typed, so they reach the cross-file checks (references, occurrences).
DEMO_SCALARS = sorted({repr(v): v for raw in ORIGINALS.values() for v in _scalars(_tree_of(raw))}.items())

VALUES: st.SearchStrategy[Any] = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.lists(st.one_of(st.integers(), st.text(max_size=6), st.none()), max_size=4),
    st.dictionaries(st.text(max_size=8), st.one_of(st.integers(), st.text(max_size=6)), max_size=3),
    st.integers(min_value=201, max_value=60_000).map(lambda n: "é" * n),  # long text
    st.text(st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=12),  # control characters
    st.text(max_size=20),
    st.sampled_from(LOOK_ALIKES),
    st.sampled_from(EDGE_TEXTS),
)

Mutation = Callable[[st.DataObject, bytes], bytes]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, path + (index,))


def _dump(value: Any) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


def drop_field(data: st.DataObject, raw: bytes) -> bytes:
    tree = _tree_of(raw)
    path = data.draw(st.sampled_from([p for p in _paths(tree) if p]), label="drop")
    del _at(tree, path[:-1])[path[-1]]
    return _dump(tree)


def retype_value(data: st.DataObject, raw: bytes) -> bytes:
    tree = _tree_of(raw)
    path = data.draw(st.sampled_from(list(_paths(tree))), label="retype")
    value = data.draw(VALUES, label="value")
    if not path:
        return _dump(value)
    _at(tree, path[:-1])[path[-1]] = value
    return _dump(tree)


_KEY_LINE = re.compile(rb"^( *)(- )?([A-Za-z_]+:.*)$")


def swap_scalar(data: st.DataObject, raw: bytes) -> bytes:
    tree = _tree_of(raw)
    paths = [p for p in _paths(tree) if p and not isinstance(_at(tree, p), (dict, list))]
    path = data.draw(st.sampled_from(paths), label="swap")
    _, value = data.draw(st.sampled_from(DEMO_SCALARS), label="demo value")
    _at(tree, path[:-1])[path[-1]] = value
    return _dump(tree)


def _at(tree: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def duplicate_key(data: st.DataObject, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    index = data.draw(st.sampled_from(candidates), label="line")
    match = _KEY_LINE.match(lines[index])
    assert match is not None
    indent = len(match.group(1)) + (2 if match.group(2) else 0)
    copy = b" " * indent + match.group(3)
    where = data.draw(st.integers(index + 1, len(lines)), label="insert at")
    return b"\n".join([*lines[:where], copy, *lines[where:]])


def truncate(data: st.DataObject, raw: bytes) -> bytes:
    return raw[: data.draw(st.integers(0, len(raw)), label="cut")]


def flip_bytes(data: st.DataObject, raw: bytes) -> bytes:
    out = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 4), label="flips")):
        index = data.draw(st.integers(0, len(out) - 1), label="at")
        out[index] ^= data.draw(st.integers(1, 255), label="mask")
    return bytes(out)


def insert_bytes(data: st.DataObject, raw: bytes) -> bytes:
    where = data.draw(st.integers(0, len(raw)), label="at")
    junk = data.draw(st.binary(min_size=1, max_size=8), label="bytes")
    return raw[:where] + junk + raw[where:]


def insert_tabs(data: st.DataObject, raw: bytes) -> bytes:
    out = raw
    for _ in range(data.draw(st.integers(1, 3), label="tabs")):
        where = data.draw(st.integers(0, len(out)), label="at")
        out = out[:where] + b"\t" + out[where:]
    return out


MUTATIONS: list[Mutation] = [
    drop_field,
    retype_value,
    swap_scalar,
    duplicate_key,
    truncate,
    flip_bytes,
    insert_bytes,
    insert_tabs,
]


def mutate(data: st.DataObject, raw: bytes) -> bytes:
    mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    return mutation(data, raw)


# --- what every answer must look like --------------------------------------------------------


def assert_well_formed(problems: list[Problem], line_counts: dict[str, int]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file in line_counts, problem
        assert problem.line >= 1, problem
        assert problem.column >= 1, problem
        assert problem.line <= line_counts[problem.file] + 1, problem
        assert problem.message.strip(), problem
        assert problem.severity in ("error", "warning"), problem


def _line_count(raw: bytes) -> int:
    return raw.count(b"\n") + 1


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutations")


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a consistent slice of the demo, checked valid before anything is broken."""
    data_dir = tmp_path_factory.mktemp("small") / "data"
    for relative in SMALL_FILES:
        target = data_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO / relative, target)
    baseline = validate(data_dir, today=TODAY)
    assert baseline.errors == [], baseline.errors
    assert len(baseline.dataset.events) == 6 and len(baseline.dataset.circuits) == 1
    return data_dir


def test_the_mutations_start_from_valid_files() -> None:
    for relative in ALL_DEMO_FILES:
        reporter = Reporter("fr")
        model, _ = read_file(reporter, DEMO / relative, relative, _kind_of(relative))
        assert model is not None and reporter.problems == [], relative


@settings(SETTINGS, max_examples=500)
@given(data=st.data())
def test_read_file_only_returns_problems(workdir: Path, data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(ALL_DEMO_FILES), label="file")
    raw = mutate(data, ORIGINALS[relative])
    path = workdir / Path(relative).name
    path.write_bytes(raw)
    reporter = Reporter(data.draw(st.sampled_from(["fr", "en"]), label="lang"))

    model, positions = read_file(reporter, path, relative, _kind_of(relative))

    assert_well_formed(reporter.problems, {relative: _line_count(raw)})
    if model is None:
        # a file left out of the Dataset must say why
        assert any(p.is_error for p in reporter.problems)
    else:
        assert positions is not None
        assert not any(p.is_error for p in reporter.problems)


@settings(SETTINGS, max_examples=200)
@given(data=st.data())
def test_validate_only_returns_problems(small_data: Path, data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(SMALL_FILES), label="file")
    target = small_data / relative
    raw = mutate(data, ORIGINALS[relative])
    target.write_bytes(raw)
    try:
        result = validate(small_data, today=TODAY, lang=data.draw(st.sampled_from(["fr", "en"]), label="lang"))
    finally:
        target.write_bytes(ORIGINALS[relative])

    counts = {f"data/{name}": _line_count(ORIGINALS[name]) for name in SMALL_FILES}
    counts[f"data/{relative}"] = _line_count(raw)
    assert_well_formed(result.problems, counts)
    kind = relative.split("/")[0]
    if kind == "territory.yaml":
        loaded = result.dataset.territory is not None
    else:
        loaded = Path(relative).stem in result.dataset.collection(kind)
    if not loaded:
        # a file left out of the Dataset must be named by at least one error
        assert any(p.is_error and p.file == f"data/{relative}" for p in result.problems)


def test_validate_leaves_the_cycle_collector_as_it_found_it(small_data: Path) -> None:
    assert gc.isenabled()
    validate(small_data, today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        validate(small_data, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
