"""Problems found in the data, and the ways of printing them.

A :class:`Problem` is a user's mistake described as data: where it is (file, line, column,
field path), what is wrong and what would be right. Nothing in the generator raises for a
user's mistake; every stage returns Problems, and the command line prints them once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

_SEVERITY_WORD = {
    "fr": {"error": "erreur", "warning": "avertissement"},
    "en": {"error": "error", "warning": "warning"},
}


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or doubt) in one data file, located and explained."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    code: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line and column; duplicates removed."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.path, p.message))


# Control characters quoted from a data file (a line break inside a value) are shown as
# escapes: one problem stays one line, and a value cannot forge a line of its own.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def _one_line(text: str) -> str:
    return text.translate(_CONTROLS)


def format_text(problems: Iterable[Problem], lang: str = "fr") -> str:
    words = _SEVERITY_WORD.get(lang, _SEVERITY_WORD["fr"])
    out: list[str] = []
    for p in problems:
        where = _one_line(f"{p.file}:{p.line}:{p.column}")
        field_part = f" [{_one_line(p.path)}]" if p.path else ""
        out.append(f"{where}: {words[p.severity]}{field_part}: {_one_line(p.message)}")
        if p.hint:
            out.append(f"    → {_one_line(p.hint)}")
    return "\n".join(out)


def _escape_data(text: str) -> str:
    # GitHub workflow commands: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem], lang: str = "fr") -> str:
    """Workflow commands, so that problems show as annotations on the changed lines."""
    out = []
    for p in problems:
        title = p.path or p.file
        message = p.message + (f" — {p.hint}" if p.hint else "")
        props = ",".join(
            [
                f"file={_escape_property(p.file)}",
                f"line={p.line}",
                f"col={p.column}",
                f"title={_escape_property(title)}",
            ]
        )
        out.append(f"::{p.severity} {props}::{_escape_data(message)}")
    return "\n".join(out)


def format_json(problems: Iterable[Problem], lang: str = "fr") -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


def format_gitlab(problems: Iterable[Problem], lang: str = "fr") -> str:
    """A GitLab Code Quality report, so that problems show on the changed lines of a merge request.

    The fingerprint identifies a problem across pipelines (file, field, message), not its line:
    a problem that only moves down a few lines stays the same problem.
    """
    issues = []
    for p in problems:
        key = "\0".join([p.file, p.path, p.code, p.message]).encode("utf-8")
        issues.append(
            {
                "description": (f"[{p.path}] " if p.path else "") + p.message + (f" — {p.hint}" if p.hint else ""),
                "check_name": f"maillage/{p.code or 'problem'}",
                "fingerprint": hashlib.sha256(key).hexdigest(),
                "severity": "major" if p.is_error else "minor",
                "location": {"path": p.file, "lines": {"begin": p.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json, "gitlab": format_gitlab}
