"""Content lines of RFC 5545 §3.1: TEXT escaping, parameter quoting, CRLF and folding.

Everything that comes from data goes through :func:`text` (a TEXT value) or :func:`param`
(a parameter value) before it is written, so that no newline, ``;``, ``,``, ``\\`` or control
character from a YAML file can open a property or a component of its own.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

CRLF = "\r\n"
MAX_OCTETS = 75
# Every way a text can say "new line": CRLF, CR, NEL, LINE/PARAGRAPH SEPARATOR.
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
# The other control characters (Unicode category Cc: C0, DEL, C1), LF excepted.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _clean(value: str) -> str:
    """``value`` with newlines as LF, tabs as spaces and every other control character removed."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", value).replace("\t", " "))


def text(value: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon and comma escaped, newlines as ``\\n``."""
    escaped = _clean(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")


def text_list(values: list[str]) -> str:
    """A multi-valued TEXT property (CATEGORIES): each value escaped, joined by commas."""
    return ",".join(text(v) for v in values)


def param(value: str) -> str:
    """A quoted parameter value (§3.2): DQUOTE cannot be escaped there, so it becomes ``'``."""
    cleaned = " ".join(_clean(value).split()).replace('"', "'")
    return f'"{cleaned}"'


def utc_stamp(moment: datetime) -> str:
    """A DATE-TIME in UTC: ``20261123T080000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    """A DATE-TIME in local time (written with a TZID): ``20261123T093000``."""
    return moment.strftime("%Y%m%dT%H%M%S")


def date_stamp(day: date) -> str:
    return day.strftime("%Y%m%d")


def fold(line: str) -> str:
    """One content line folded at 75 octets (the CRLF not counted), never inside a UTF-8
    character; continuation lines start with one space, which counts in their 75 (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line + CRLF
    pieces: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while len(encoded) - start > limit:
        end = start + limit
        while encoded[end] & 0xC0 == 0x80:  # a continuation octet: cut before its character
            end -= 1
        pieces.append(encoded[start:end])
        start, limit = end, MAX_OCTETS - 1
    pieces.append(encoded[start:])
    return b"\r\n ".join(pieces).decode("utf-8") + CRLF


class Component:
    """The content lines of one component, in the order they are added."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.children: list[Component] = []

    def add(self, name: str, value: str, params: str = "") -> None:
        """Add ``NAME;PARAMS:VALUE``; ``value`` must already be escaped for its type."""
        self.lines.append(f"{name}{params}:{value}")

    def render(self) -> str:
        out = [fold(f"BEGIN:{self.name}")]
        out.extend(fold(line) for line in self.lines)
        out.extend(child.render() for child in self.children)
        out.append(fold(f"END:{self.name}"))
        return "".join(out)
