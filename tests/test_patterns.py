"""No pattern with super-linear behaviour on data text (issue 15, item 8).

Every regular expression that reads text from data files (in ``check``, in the pages, in the
JSON Schemas the form editor runs in a browser) is given its worst inputs: long runs that a
backtracking engine retries from every position (``aaaa…@`` made the e-mail finder take 36 s
on a 900 KB file). At 100,000 characters a quadratic pattern takes tens of seconds, a linear
one milliseconds: the bound below (CPU time, so a loaded machine does not matter) separates
them by two orders of magnitude. The schema patterns are run by an ECMAScript engine too
(regress, what check-jsonschema uses), since a browser's engine backtracks as Python's does.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from generator import hours, yamlread
from generator.checks.privacy import _DATE_RUN, _DOMAIN, _PHONE_RUN, emails_in, found_in
from generator.models import links, types
from generator.outputs.pages import html

N = 100_000
BOUND = 0.5  # seconds of CPU for one pass over N characters

# Inputs that make a backtracking engine retry: long runs of what a pattern repeats,
# ended by what makes it fail.
WORST = {
    "letters then @": "a" * (N - 1) + "@",
    "local@ repeated": "a@" * (N // 2),
    "dots then @": "a." * (N // 2) + "@",
    "@ then hyphens": "x@" + "a-" * (N // 2),
    "@ then dots": "x@" + "a." * (N // 2),
    "@ then long label": "x@a." + "a" * (N - 5) + "1",
    "digits and spaces": "1 " * (N // 2),
    "digits and dots": "1." * (N // 2),
    "digits, separators in threes": "1 ./" * (N // 4),
    "spaces then letter": " " * (N - 1) + "x",
    "no-break spaces then letter": "\u00a0\u202f" * (N // 2) + "x",
    "spaces then colon in a word": " " * (N - 2) + ":x",
    "brackets": "[" * N,
    "tags never closed": "<a" * (N // 2),
    "https prefixes": "https://" * (N // 8),
    "hyphenated id": "a-" * (N // 2) + "!",
    "digits then letter": "1" * (N - 1) + "x",
    "float then letter": "1." + "1" * (N - 3) + "e",
    "invisible": "\u200b" * N,
}


def cpu(action: Callable[[], Any]) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def _python_patterns() -> dict[str, Callable[[str], Any]]:
    """Each pattern that reads data text, as the code applies it."""
    return {
        "privacy: e-mail finder": lambda text: list(emails_in(text)),
        "privacy: e-mail domain": lambda text: [_DOMAIN.match(text, i) for i in range(0, len(text), 997)],
        "privacy: runs of digits": lambda text: list(_PHONE_RUN.finditer(text)),
        "privacy: dates among digits": lambda text: _DATE_RUN.fullmatch(text),
        "privacy: the whole finder": lambda text: list(found_in(text, "BE")),
        "links: web address pattern": lambda text: re.search(links.URL_PATTERN, "https://" + text, re.DOTALL),
        "links: e-mail pattern": lambda text: re.search(links.EMAIL_PATTERN, text),
        "links: invisible characters": lambda text: links.invisible_in(text),
        "types: id": lambda text: types._ID.fullmatch(text),
        "types: date, time, date and time": lambda text: (
            types._DATE.fullmatch(text),
            types._TIME.fullmatch(text),
            types._DATETIME.fullmatch(text),
        ),
        "types: slug": types.slugify,
        "types: invisible characters": types.invisible_problem,
        "yaml: integers and floats": lambda text: (yamlread._INT.fullmatch(text), yamlread._FLOAT.fullmatch(text)),
        "pages: French spacing": lambda text: html.typo(text),
        "hours: weekday rules and closing words": lambda text: (
            hours._WEEKDAY_RULE.match(text),
            list(hours._CLOSES.finditer(text)),
        ),
    }


PYTHON = _python_patterns()


@pytest.mark.parametrize("name", sorted(PYTHON))
def test_each_pattern_is_linear_on_its_worst_inputs(name: str) -> None:
    apply = PYTHON[name]
    slow = {label: cpu(lambda text=text: apply(text)) for label, text in WORST.items()}  # type: ignore[misc]
    over = {label: round(seconds, 2) for label, seconds in slow.items() if seconds > BOUND}
    assert not over, f"{name}: over {BOUND} s of CPU on {N} characters: {over}"


def _schema_patterns() -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern" and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "schemas").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_every_schema_pattern_is_linear_for_an_ecmascript_engine() -> None:
    """The patterns the form editor and check-jsonschema run, at a browser's engine."""
    import regress

    patterns = _schema_patterns()
    assert links.URL_PATTERN in patterns and links.EMAIL_PATTERN in patterns and types.ID_PATTERN in patterns
    over = {}
    for pattern in sorted(patterns):
        engine = regress.Regex(pattern)
        for label, text in WORST.items():
            for value in (text, "https://" + text):
                seconds = cpu(lambda engine=engine, value=value: engine.find(value))  # type: ignore[misc]
                if seconds > BOUND:
                    over[(pattern[:40], label)] = round(seconds, 2)
    assert not over, over


def test_the_worst_inputs_do_reach_the_patterns() -> None:
    """The inputs are not refused before the patterns see them (a test that cannot fail)."""
    assert list(emails_in("x@" + "a." * 10 + "be")) == ["x@a.a.a.a.a.a.a.a.a.a.be"]
    assert [m.group() for m in _PHONE_RUN.finditer("tél. 0470 12 34 56.")] == ["0470 12 34 56"]
    assert html.typo("oui  : non") == "oui\u202f: non"
    assert Path(__file__).name == "test_patterns.py"
