"""The two file formats of the open data: deterministic JSON, and CSV for spreadsheets.

JSON: keys sorted, two-space indent, UTF-8 (not ``\\u`` escapes), one final newline — the
same data and "today" give the same bytes. CSV: RFC 4180 (comma, CRLF line ends, a field
quoted when it holds a comma, a double quote or a line break, quotes doubled), UTF-8 with a
byte-order mark so that spreadsheet programs read the accents right.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula, and some also after a tab, carriage return or
line feed. Every text cell that starts with one of these characters gets a leading
apostrophe (``'=1+1``), which spreadsheets show as text; numbers the generator computes
(coordinates, counts) are written as numbers. The JSON files are never altered this way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def json_bytes(value: Any) -> bytes:
    """``value`` as sorted, indented UTF-8 JSON with a final newline."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n").encode("utf-8")


def neutralise(value: Any) -> str:
    """One CSV cell: numbers as they are, text made safe against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_bytes(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    """A CSV file: a header row of ``columns``, then one line per row (missing cells empty)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(column)) for column in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def joined(values: Iterable[Any]) -> str:
    """A list in one CSV cell: values separated by `` ; ``."""
    return " ; ".join(str(v) for v in values)
