"""Records → YAML files that look written by hand, and the rules for writing them.

Keys keep the order the importer gives (the order of the examples in CONTRACT.md); short
lists are written in flow style ``[a, b]``; a text is written plain when it reads back as the
same text with our own YAML reader, else quoted; a text of several lines is a ``|`` block.
A file is never overwritten without ``update``; a file whose content would not change is
left alone, so that importing twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import yamlread
from ..decisions import is_placeholder
from ..models.types import slugify

INDENT = "  "
FLOW_WIDTH = 100


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    try:
        data, _ = yamlread.load(f"k: [{text}]\n" if flow else f"k: {text}\n")
    except yamlread.YamlProblem:
        return False
    expected: Any = [text] if flow else text
    return isinstance(data, dict) and data.get("k") == expected


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value in YAML, plain when it reads back the same."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if _plain_ok(text, flow):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow_list(values: list[Any]) -> str | None:
    if not all(_is_scalar(v) for v in values):
        return None
    text = "[" + ", ".join(scalar(v, flow=True) for v in values) + "]"
    return text if len(text) <= FLOW_WIDTH else None


def _flow_mapping(values: dict[str, Any]) -> str | None:
    if not all(_is_scalar(v) for v in values.values()):
        return None
    text = "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in values.items()) + "}"
    return text if len(text) <= FLOW_WIDTH and not any(is_placeholder(v) for v in values.values()) else None


def _lines(data: dict[str, Any], depth: int) -> list[str]:
    out: list[str] = []
    pad = INDENT * depth
    for key, value in data.items():
        if value is None or value == [] or value == {}:
            continue
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(_lines(value, depth + 1))
        elif isinstance(value, list):
            flow = _flow_list(value)
            if flow is not None:
                out.append(f"{pad}{key}: {flow}")
                continue
            out.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _lines(item, depth + 2)
                    first = inner[0][len(INDENT * (depth + 2)) :] if inner else "{}"
                    out.append(f"{pad}{INDENT}- {first}")
                    out.extend(inner[1:])
                else:
                    out.append(f"{pad}{INDENT}- {scalar(item)}")
        elif isinstance(value, str) and "\n" in value.strip():
            out.append(f"{pad}{key}: |")
            out.extend(f"{pad}{INDENT}{line}".rstrip() for line in value.strip().split("\n"))
        else:
            out.append(f"{pad}{key}: {scalar(value)}")
    return out


def dump(kind: str, data: dict[str, Any], comments: list[str] | None = None) -> str:
    """A data file's text: schema line, comment lines, then the fields."""
    head = [f"# yaml-language-server: $schema=../../schemas/{kind}.json"]
    head += [f"# {line}" for line in comments or []]
    return "\n".join(head + _lines(data, 0)) + "\n"


FOLDER_OF = {"actor": "actors", "place": "places", "event": "events"}


@dataclass
class Planned:
    """One file an import wants to write."""

    kind: str  # actor | place | event
    id: str
    data: dict[str, Any]
    comments: list[str] = field(default_factory=list)

    def text(self) -> str:
        return dump(self.kind, self.data, self.comments)


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted`` made an id, with ``-2``, ``-3``… if another file already has it."""
    base = slugify(wanted)[:60].strip("-") or "import"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def read_existing(path: Path) -> dict[str, Any] | None:
    """A data file already there, read with our own reader; None if it cannot be read."""
    try:
        data, _ = yamlread.load(yamlread.decode(path.read_bytes()))
    except (OSError, yamlread.YamlProblem):
        return None
    return data if isinstance(data, dict) else None


def write_file(folder: Path, planned: Planned, *, update: bool, dry_run: bool) -> tuple[str, Path]:
    """Write ``planned`` under ``folder`` (data/); → (what happened, path).

    ``created``, ``updated``, ``unchanged``, or ``exists`` (a different file is there and
    ``update`` was not given: it is left as it is)."""
    path = folder / FOLDER_OF[planned.kind] / f"{planned.id}.yaml"
    text = planned.text()
    if path.exists():
        if read_existing(path) == read_existing_text(text):
            return "unchanged", path
        if not update:
            return "exists", path
        if not dry_run:
            path.write_text(text, encoding="utf-8")
        return "updated", path
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return "created", path


def read_existing_text(text: str) -> dict[str, Any] | None:
    data, _ = yamlread.load(text)
    return data if isinstance(data, dict) else None
