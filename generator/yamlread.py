"""Bounded YAML reading that remembers where every value stands.

PyYAML's loaders lose positions, keep the last of two duplicate keys, read ``10:30`` as the
integer 630 and ``no`` as ``False`` (YAML 1.1), and expand alias bombs. So we take only the
event stream from libyaml's C parser and build plain Python values ourselves:

* every mapping, sequence and scalar gets its (line, column), 1-based, in :class:`Positions`;
* plain scalars follow a small YAML 1.2-like rule: ``null``/``~``/empty, ``true``/``false``,
  decimal integers and floats; everything else (``10:30``, ``no``, ``2026-09-08``) is text;
* duplicate keys, non-scalar keys and explicit tags other than ``!!str`` are refused;
* size, nesting depth and the number of values (aliases counted as expanded) are bounded,
  so a hostile file is refused in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is what makes this fast; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML is always built with libyaml in our lock
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_VALUES = 100_000

Path = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_STR_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})


@dataclass
class Positions:
    """Where each value (``values``) and each mapping key (``keys``) stands, by field path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, else of its nearest enclosing value that has one."""
        if key and path in self.keys:
            return self.keys[path]
        p = tuple(path)
        while p:
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


class YamlProblem(Exception):
    """A file that cannot be read; carries the position and a message code for translation."""

    def __init__(self, code: str, line: int, column: int, **context: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.context = context


def _resolve_plain(value: str) -> Any:
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column of byte ``offset``, the column in characters as editors count them."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    prefix = before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")
    if line == 1:
        prefix = prefix.removeprefix("\ufeff")
    return line, len(prefix) + 1


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) to text; a wrong byte is reported at its line and column."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem("file_too_large", 1, 1, size=len(raw), limit=MAX_BYTES)
    # A NUL byte means binary junk (an image, a word-processor file) even when an invalid
    # UTF-8 byte comes first; UTF-16 text has NULs too, but starts with its BOM.
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem("binary", *_byte_position(raw, raw.index(b"\x00")))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem("not_utf8", *_byte_position(raw, exc.start)) from None


@dataclass
class _Frame:
    container: Any
    path: Path
    anchor: str | None
    count_at_start: int
    pending_key: str | None = None
    seen: set[str] = field(default_factory=set)


def _shown(tag: str) -> str:
    """A tag as the contributor wrote it: ``!!python/object``, not its resolved URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def load(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into plain values and their positions.

    Raises :class:`YamlProblem` for anything we refuse; never anything else for any input.
    """
    positions = Positions()
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    count = 0
    documents = 0
    root: Any = None

    def place(value: Any, mark: Any, anchor: str | None, size: int) -> None:
        nonlocal root
        if anchor is not None:
            anchors[anchor] = (value, size)
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if top.pending_key is None:
            # a key: only scalars are keys
            if not isinstance(value, str):
                raise YamlProblem("complex_key", mark.line + 1, mark.column + 1)
            if value in top.seen:
                raise YamlProblem("duplicate_key", mark.line + 1, mark.column + 1, key=value)
            top.seen.add(value)
            top.pending_key = value
            positions.keys[top.path + (value,)] = (mark.line + 1, mark.column + 1)
            return
        top.container[top.pending_key] = value
        top.pending_key = None

    def path_for_child() -> Path:
        top = stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),)
        assert top.pending_key is not None
        return top.path + (top.pending_key,)

    def is_key_slot() -> bool:
        return bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].pending_key is None

    loader = _Loader(text)
    try:
        while True:
            event: Any = loader.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.ScalarEvent:
                count += 1
                if count > MAX_VALUES:
                    raise YamlProblem("too_many_values", event.start_mark.line + 1, 1, limit=MAX_VALUES)
                tag = event.tag
                if tag is not None and tag not in _STR_TAGS:
                    raise YamlProblem("tag", event.start_mark.line + 1, event.start_mark.column + 1, tag=_shown(tag))
                plain = bool(event.implicit[0]) and tag is None
                key_slot = is_key_slot()
                value: Any = event.value if (key_slot or not plain) else _resolve_plain(event.value)
                if key_slot and plain and value == "":
                    raise YamlProblem("complex_key", event.start_mark.line + 1, event.start_mark.column + 1)
                if not key_slot:
                    path = path_for_child() if stack else ()
                    positions.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                place(value, event.start_mark, event.anchor, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                if is_key_slot():
                    raise YamlProblem("complex_key", mark.line + 1, mark.column + 1)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem("too_deep", mark.line + 1, mark.column + 1, limit=MAX_DEPTH)
                if event.tag is not None and event.tag not in (
                    "tag:yaml.org,2002:map",
                    "tag:yaml.org,2002:seq",
                    "!",
                ):
                    raise YamlProblem("tag", mark.line + 1, mark.column + 1, tag=_shown(event.tag))
                count += 1
                path = path_for_child() if stack else ()
                positions.values[path] = (mark.line + 1, mark.column + 1)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, path, event.anchor, count))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                place(frame.container, event.start_mark, frame.anchor, count - frame.count_at_start + 1)
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                if event.anchor not in anchors:
                    raise YamlProblem("unknown_alias", mark.line + 1, mark.column + 1, alias=event.anchor)
                value, size = anchors[event.anchor]
                count += size
                if count > MAX_VALUES:
                    raise YamlProblem("too_many_values", mark.line + 1, mark.column + 1, limit=MAX_VALUES)
                if is_key_slot() and not isinstance(value, str):
                    raise YamlProblem("complex_key", mark.line + 1, mark.column + 1)
                if not is_key_slot() and stack:
                    positions.values[path_for_child()] = (mark.line + 1, mark.column + 1)
                place(value, mark, None, size)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem("several_documents", mark.line + 1, mark.column + 1)
    except yaml.MarkedYAMLError as exc:
        error_mark: Any = exc.problem_mark or exc.context_mark
        line = error_mark.line + 1 if error_mark is not None else 1
        column = error_mark.column + 1 if error_mark is not None else 1
        # Where the unclosed quote or bracket opened: messages.py words it for the user.
        opened = exc.context_mark
        lines = text.split("\n")
        here = lines[line - 1] if line <= len(lines) else ""
        char = here[column - 1] if column <= len(here) else ""
        raise YamlProblem(
            "syntax",
            line,
            column,
            detail=str(exc.problem or exc),
            within=str(exc.context or ""),
            char=char,
            opened_line=opened.line + 1 if opened is not None else 0,
            opened_column=opened.column + 1 if opened is not None else 0,
        ) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no problem_mark
        line, column = 1, 1
        position = getattr(exc, "position", None)
        if isinstance(position, int):  # libyaml gives a byte offset into the UTF-8 text
            line, column = _byte_position(text.encode("utf-8"), position)
        detail = getattr(exc, "reason", None) or str(exc)
        raise YamlProblem("syntax", line, column, detail=str(detail)) from None
    finally:
        loader.dispose()
    return root, positions
