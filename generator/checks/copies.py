"""A file copied from another one, its id fixed but nothing else changed: the same entry
twice on the site. Reported on the file that comes second, naming the first."""

from __future__ import annotations

import json

from .context import Context

_KINDS = ("actors", "places", "events", "circuits", "notices")


def check(ctx: Context) -> None:
    for kind in _KINDS:
        seen: dict[str, str] = {}
        for _, entity_id, entity, source in ctx.entities(kind):
            content = json.dumps(entity.model_dump(mode="json", exclude={"id"}), sort_keys=True, ensure_ascii=False)
            first = seen.setdefault(content, entity_id)
            if first != entity_id:
                ctx.error(source, ("id",), "copied_entry", other=first, folder=kind)
