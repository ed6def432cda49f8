"""The example values of the `new` skeletons, still there: refused, so that "Nom de
l'organisation" or the example phone number is never published."""

from __future__ import annotations

from typing import Any

from ..skeletons import PLACEHOLDERS
from .context import Context, walk

_KINDS = ("actors", "places", "events", "circuits", "notices")


def _texts(value: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """(sub-path, text) of a field's value: a text, its translations, or a list of texts."""
    if isinstance(value, str):
        return [((), value)]
    if isinstance(value, dict):
        return [((lang,), text) for lang, text in value.items() if isinstance(text, str)]
    if isinstance(value, (list, tuple)):
        return [((index,), item) for index, item in enumerate(value) if isinstance(item, str)]
    return []


def check(ctx: Context) -> None:
    for _, _, entity, source in ctx.entities(*_KINDS):
        for path, _, value in walk(entity):
            for sub, text in _texts(value):
                if text.strip() in PLACEHOLDERS:
                    ctx.error(source, path + sub, "placeholder", value=text.strip())
