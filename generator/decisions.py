"""Values left for a person to decide: an importer writes them, ``check`` refuses them.

An import never guesses: where a row or a calendar does not say which commune, which theme
or which opening hours, the written file holds ``"À DÉCIDER : <the question>"`` in that
field. The loader reports each such value as an error worded by its question (code
``decision_needed``), instead of the field's usual complaint, so that after an import
``check`` lists exactly the decisions left.
"""

from __future__ import annotations

from typing import Any

MARKER = "À DÉCIDER"

Path = tuple[str | int, ...]


def placeholder(question: str) -> str:
    """The value to write where ``question`` must be answered by a person."""
    return f"{MARKER} : {question}"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip().upper().startswith(MARKER)


def question_of(value: str) -> str:
    """The question of a placeholder, without its marker."""
    return value.lstrip()[len(MARKER) :].lstrip(" :\u00a0") or value


def find(data: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """Every placeholder in a file's values, with its field path, in file order."""
    found: list[tuple[Path, str]] = []
    if is_placeholder(data):
        found.append((path, question_of(data)))
    elif isinstance(data, dict):
        for key, value in data.items():
            found.extend(find(value, (*path, str(key))))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(find(value, (*path, index)))
    return found


def covers(decisions: list[Path], loc: Path) -> bool:
    """Whether a validation error at ``loc`` is about a value left to decide."""
    return any(loc[: len(path)] == path for path in decisions)
