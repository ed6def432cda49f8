"""Names that read the same: a warning naming both files.

Two actors (or places, or routes) whose names differ only by letters of another script that
look alike (a Cyrillic ``С``), by case, by compatibility forms (full-width letters, ligatures)
or by spacing show as one name to a reader: most often the same organisation entered twice,
sometimes an impostor. Invisible characters are refused in names already (``text_invisible``),
so they need not be looked through here.
"""

from __future__ import annotations

import unicodedata

from ..models.types import LOOK_ALIKES
from .context import Context

KINDS = ("actors", "places", "circuits")


def skeleton(text: str) -> str:
    """What a name looks like: compatibility forms folded, case ignored, look-alike letters of
    other scripts read as Latin, spacing collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(LOOK_ALIKES)
    return " ".join(folded.split())


def check(ctx: Context) -> None:
    for kind in KINDS:
        seen: dict[str, tuple[str, str]] = {}  # skeleton → (entity id, file) of its first name
        for _, entity_id, entity, source in ctx.entities(kind):
            names = entity.name if isinstance(entity.name, dict) else {"": entity.name}
            for lang, name in sorted(names.items()):
                key = skeleton(name)
                first = seen.get(key)
                if first is None:
                    seen[key] = (entity_id, source.file)
                elif first[0] != entity_id:
                    path = ("name", lang) if lang else ("name",)
                    ctx.warn(source, path, "name_lookalike", value=name, other=first[0], other_file=first[1])
