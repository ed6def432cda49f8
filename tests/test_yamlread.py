"""The bounded YAML reader: what plain values become, what is refused, and where things stand.

Volunteers write ``end: 10:30`` and ``wheelchair: no``; YAML 1.1 would read 630 and False.
These tests pin the reader's own rules, its limits against hostile files, and the 1-based
line/column of every value and key that every Problem relies on.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from generator import yamlread
from generator.yamlread import YamlProblem, decode, load


def value_of(text: str) -> Any:
    data, _ = load(text)
    return data


def refused(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        load(text)
    return info.value


def refused_bytes(raw: bytes) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        load(decode(raw))
    return info.value


# --- what plain values become -------------------------------------------------------------


@pytest.mark.parametrize("text", ["10:30", "09:30", "1:30:00", "2026-09-08", "2026-09-08 10:00"])
def test_times_and_dates_stay_text(text: str) -> None:
    assert value_of(f"end: {text}\n") == {"end": text}


def test_end_10_30_is_not_sexagesimal_630() -> None:
    data = value_of("end: 10:30\n")
    assert data["end"] == "10:30"
    assert data["end"] != 630


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "YES", "y", "n", "On", "OFF"])
def test_yaml11_booleans_stay_words(word: str) -> None:
    assert value_of(f"wheelchair: {word}\n") == {"wheelchair": word}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("true", True), ("false", False), ("True", True), ("FALSE", False)],
)
def test_true_false_are_booleans(text: str, expected: bool) -> None:
    value = value_of(f"required: {text}\n")["required"]
    assert value is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), ("-3", -3), ("+7", 7), ("0", 0), ("1.5", 1.5), ("-0.25", -0.25), (".5", 0.5), ("1e3", 1000.0)],
)
def test_numbers(text: str, expected: int | float) -> None:
    value = value_of(f"n: {text}\n")["n"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", ["0123", "05590", "007", "0800"])
def test_leading_zero_numbers_stay_text(text: str) -> None:
    # postcodes and INS codes: "05590" must not lose its zero
    assert value_of(f"code: {text}\n") == {"code": text}


@pytest.mark.parametrize("text", ["0x1F", "0o17", "1_000", ".inf", ".nan", "1,5"])
def test_other_number_spellings_stay_text(text: str) -> None:
    assert value_of(f"n: {text}\n") == {"n": text}


@pytest.mark.parametrize("text", ["", "~", "null", "Null", "NULL"])
def test_nulls(text: str) -> None:
    assert value_of(f"x: {text}\n") == {"x": None}


@pytest.mark.parametrize("text", ['"12"', "'12'", '"true"', "'no'", '"10:30"', '""', "''", '"null"', '"0123"'])
def test_quoted_values_are_always_text(text: str) -> None:
    value = value_of(f"x: {text}\n")["x"]
    assert isinstance(value, str)
    assert value == text[1:-1]


def test_explicit_str_tag_is_text() -> None:
    assert value_of("code: !!str 91030\n") == {"code": "91030"}


def test_block_scalars_keep_their_text() -> None:
    assert value_of("body: |\n  line one\n  line two\n") == {"body": "line one\nline two\n"}


def test_keys_are_always_text() -> None:
    assert value_of("1: a\ntrue: b\nno: c\n") == {"1": "a", "true": "b", "no": "c"}


def test_sequences_and_nesting() -> None:
    assert value_of("geo: [50.29, 5.1]\nstops:\n  - {village: a, arrive: 08:00}\n") == {
        "geo": [50.29, 5.1],
        "stops": [{"village": "a", "arrive": "08:00"}],
    }


def test_empty_document_is_none() -> None:
    assert value_of("") is None
    assert value_of("# only a comment\n") is None


def test_a_small_alias_is_expanded() -> None:
    assert value_of("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


# --- what is refused, and where -------------------------------------------------------------


def test_duplicate_key_refused_at_the_second_key() -> None:
    problem = refused("id: a\nname: B\n  # comment\nname: C\n")
    assert (problem.code, problem.line, problem.column) == ("duplicate_key", 4, 1)
    assert problem.context == {"key": "name"}


def test_duplicate_key_in_nested_mapping_located() -> None:
    problem = refused("contact:\n  phone: 1\n  email: x\n  phone: 2\n")
    assert (problem.code, problem.line, problem.column) == ("duplicate_key", 4, 3)


def test_same_key_in_two_mappings_is_fine() -> None:
    assert value_of("a: {x: 1}\nb: {x: 2}\n") == {"a": {"x": 1}, "b": {"x": 2}}


def test_alias_bomb_refused_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    problem = refused("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - started
    assert problem.code == "too_many_values"
    assert problem.line >= 1 and problem.column >= 1
    assert elapsed < 0.5, f"alias bomb took {elapsed:.3f} s"


def test_unknown_alias_refused() -> None:
    problem = refused("a: 1\nb: *nowhere\n")
    assert (problem.code, problem.line, problem.column) == ("unknown_alias", 2, 4)
    assert problem.context == {"alias": "nowhere"}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000 + "]" * 10_000,
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "".join(" " * i + "a:\n" for i in range(10_000)),
        "".join(" " * (2 * i) + "-\n" for i in range(10_000)),
    ],
    ids=["flow-seq", "flow-map", "block-map", "block-seq"],
)
def test_deep_nesting_refused_fast(text: str) -> None:
    started = time.perf_counter()
    problem = refused(text)
    elapsed = time.perf_counter() - started
    assert problem.code == "too_deep"
    assert problem.context == {"limit": yamlread.MAX_DEPTH}
    assert elapsed < 0.5, f"10 000-deep nesting took {elapsed:.3f} s"


def test_nesting_within_the_limit_is_read() -> None:
    depth = yamlread.MAX_DEPTH
    data = value_of("[" * depth + "]" * depth)
    for _ in range(depth - 1):
        data = data[0]
    assert data == []


def test_too_many_values_refused() -> None:
    text = "[" + ",".join(["1"] * (yamlread.MAX_VALUES + 1)) + "]"
    problem = refused(text)
    assert problem.code == "too_many_values"


def test_more_than_a_megabyte_refused_before_parsing() -> None:
    raw = b"a: " + b"x" * yamlread.MAX_BYTES
    started = time.perf_counter()
    with pytest.raises(YamlProblem) as info:
        decode(raw)
    assert time.perf_counter() - started < 0.5
    assert (info.value.code, info.value.line, info.value.column) == ("file_too_large", 1, 1)
    assert info.value.context == {"size": len(raw), "limit": yamlread.MAX_BYTES}


def test_exactly_a_megabyte_is_accepted() -> None:
    raw = b"a: " + b"x" * (yamlread.MAX_BYTES - 4) + b"\n"
    assert len(raw) == yamlread.MAX_BYTES
    assert load(decode(raw))[0] == {"a": "x" * (yamlread.MAX_BYTES - 4)}


def test_nul_byte_located() -> None:
    problem = refused_bytes(b"id: a\nname: ab\x00cd\n")
    assert (problem.code, problem.line, problem.column) == ("binary", 2, 9)


def test_invalid_utf8_located() -> None:
    problem = refused_bytes(b"id: a\nname: Ach\xeane\n")  # Latin-1 "ê"
    assert (problem.code, problem.line, problem.column) == ("not_utf8", 2, 10)


def test_invalid_utf8_on_first_line_located() -> None:
    problem = refused_bytes(b"\xff\xfei\x00d\x00")  # UTF-16 with its BOM
    assert (problem.code, problem.line, problem.column) == ("not_utf8", 1, 1)


def test_bom_accepted() -> None:
    data, positions = load(decode(b"\xef\xbb\xbfid: a\nname: B\n"))
    assert data == {"id": "a", "name": "B"}
    assert positions.keys[("id",)] == (1, 1)
    assert positions.values[("name",)] == (2, 7)


def test_crlf_accepted_with_positions() -> None:
    data, positions = load(decode(b"id: a\r\nend: 10:30\r\nbody: |\r\n  x\r\n  y\r\n"))
    assert data == {"id": "a", "end": "10:30", "body": "x\ny\n"}
    assert positions.values[("end",)] == (2, 6)
    assert positions.keys[("body",)] == (3, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: !!python/object:os.system x\n", 1, 4),
        ("a: !!python/object/apply:os.system [ls]\n", 1, 4),
        ("!!python/object:x {}\n", 1, 1),
        ("a: !!int 3\n", 1, 4),
        ("a: !!binary aGVsbG8=\n", 1, 4),
        ("a:\n  b: !custom x\n", 2, 6),
        ("a: !!set {x}\n", 1, 4),
    ],
)
def test_explicit_tags_refused(text: str, line: int, column: int) -> None:
    problem = refused(text)
    assert (problem.code, problem.line, problem.column) == ("tag", line, column)
    assert problem.context["tag"]


def test_several_documents_refused() -> None:
    problem = refused("id: a\n---\nid: b\n")
    assert (problem.code, problem.line, problem.column) == ("several_documents", 2, 1)


def test_single_explicit_document_accepted() -> None:
    assert value_of("---\nid: a\n...\n") == {"id": "a"}


@pytest.mark.parametrize("text", ["? [a]\n: 1\n", "{a: 1}: x\n", "? \n: x\n", "[a, b]: x\n"])
def test_complex_or_empty_keys_refused(text: str) -> None:
    problem = refused(text)
    assert problem.code == "complex_key"
    assert problem.line == 1


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("id: a\nname: [B\n", 3, 1),
        ("id: a\n\tname: B\n", 2, 1),
        ('id: "a\n', 2, 1),
        ("id: a\n  name: b\n", 2, 7),
    ],
)
def test_syntax_errors_located(text: str, line: int, column: int) -> None:
    problem = refused(text)
    assert problem.code == "syntax"
    assert (problem.line, problem.column) == (line, column)
    assert problem.context["detail"]


def test_control_character_located() -> None:
    problem = refused("id: a\nname: b\x07c\n")
    assert (problem.code, problem.line, problem.column) == ("syntax", 2, 8)


# --- positions ----------------------------------------------------------------------------

SAMPLE = """\
# a comment
id: cpas-ciney
name:   CPAS de Ciney
geo: [50.2960, 5.1000]
locations:
  - name: Siège
    hours: "Mo-Fr 08:30-12:00"
  - {name: Antenne, geo: [50.27, 5.11]}
description: |
  Text
empty:
"""


def test_value_positions_are_exact() -> None:
    _, positions = load(SAMPLE)
    assert positions.values == {
        (): (2, 1),
        ("id",): (2, 5),
        ("name",): (3, 9),
        ("geo",): (4, 6),
        ("geo", 0): (4, 7),
        ("geo", 1): (4, 16),
        ("locations",): (6, 3),
        ("locations", 0): (6, 5),
        ("locations", 0, "name"): (6, 11),
        ("locations", 0, "hours"): (7, 12),
        ("locations", 1): (8, 5),
        ("locations", 1, "name"): (8, 12),
        ("locations", 1, "geo"): (8, 26),
        ("locations", 1, "geo", 0): (8, 27),
        ("locations", 1, "geo", 1): (8, 34),
        ("description",): (9, 14),
        ("empty",): (11, 7),
    }


def test_key_positions_are_exact() -> None:
    _, positions = load(SAMPLE)
    assert positions.keys == {
        ("id",): (2, 1),
        ("name",): (3, 1),
        ("geo",): (4, 1),
        ("locations",): (5, 1),
        ("locations", 0, "name"): (6, 5),
        ("locations", 0, "hours"): (7, 5),
        ("locations", 1, "name"): (8, 6),
        ("locations", 1, "geo"): (8, 21),
        ("description",): (9, 1),
        ("empty",): (11, 1),
    }


def test_position_of_falls_back_to_the_nearest_enclosing_value() -> None:
    _, positions = load(SAMPLE)
    assert positions.of(("locations", 0, "missing")) == (6, 5)
    assert positions.of(("locations", 7, "x")) == (6, 3)
    assert positions.of(("nowhere",)) == (2, 1)
    assert positions.of(("geo",), key=True) == (4, 1)
    assert positions.of(("locations", 1, "name"), key=True) == (8, 6)
    assert positions.of(("unknown",), key=True) == (2, 1)


def test_alias_value_positioned_at_the_alias() -> None:
    _, positions = load("a: &x [1]\nb: *x\n")
    assert positions.values[("b",)] == (2, 4)


def test_position_of_an_empty_file_is_line_one() -> None:
    assert yamlread.Positions().of(("x",)) == (1, 1)
