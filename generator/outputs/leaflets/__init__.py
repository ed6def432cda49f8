"""Printed leaflets for people who are not online: PDFs under ``/imprimer/``.

A commune's leaflet (``commune-<id>.pdf``, an A5 booklet), the whole directory
(``repertoire.pdf``, an A5 booklet with contents and indexes) and each route's timetable
poster (``tournee-<id>.pdf``, A4 landscape) are made from the same Dataset and the same
Occurrences as the pages and feeds. ``selection`` picks what belongs to a document,
``pieces`` and ``words`` word it, ``documents`` assembles it as JSON-ready data, and
``engine`` hands it to the Typst templates of ``templates/``, which only lay it out.

Why an A5 booklet and not an A4 sheet folded in three: a tri-fold has six panels of about
10 cm, whatever the commune; at 12 pt (the floor for these readers) that holds a handful of
actors and no agenda, so a commune with twenty services and two months of dates would have
to be cut. A booklet grows by four pages as the data grows, every office printer prints A4
sheets in "booklet" mode and folds them in two, its pages are in reading order in the PDF
(a tri-fold's panels are not: the text layer and screen readers would read them out of
order), and an A5 page held in one hand is the size of the documents seniors already get.
The same reasoning makes the directory a booklet; the route poster is one A4 landscape
sheet, to be pinned up and read from a few steps away.

At the scale of a province (hundreds of documents, leaflets of hundreds of pages), the
documents are worded one at a time from indexes made once (``Pieces``), compiled one per
core while the next are worded (``engine.compile_documents``), written as they come, and
found again in a content-addressed cache (``cache``) when nothing they depend on changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import RenderContext
from .cache import PdfCache
from .documents import commune_leaflet, directory, route_poster
from .engine import Engine, compile_documents, document_json, timestamp
from .pieces import Pieces

__all__ = ["FOLDER", "Engine", "PdfCache", "documents", "generate", "render_leaflets", "write_leaflets"]

FOLDER = "imprimer"
# The directory lists every actor of the territory: compiled by itself (see compile_documents).
ALONE = frozenset({"repertoire"})


def documents(context: RenderContext) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file name, template, data) of every printed document, in a fixed order."""
    pieces = Pieces(context)
    for commune in context.territory.communes:
        yield f"commune-{commune.id}.pdf", "commune", commune_leaflet(pieces, commune)
    yield "repertoire.pdf", "repertoire", directory(pieces)
    for _, circuit in sorted(context.dataset.circuits.items()):
        yield f"tournee-{circuit.id}.pdf", "tournee", route_poster(pieces, circuit)


def generate(
    context: RenderContext, workers: int | None = None, cache: PdfCache | None = None
) -> Iterator[tuple[str, bytes]]:
    """(file name, PDF) of every printed document, in the order of :func:`documents`.

    The documents are worded here, one at a time, while others are compiled, ``workers`` at
    once (``engine.compile_documents``, by default one per core); with a ``cache``, a
    document whose every compilation input is already there is not compiled again.
    """
    stamp = timestamp(context.today)
    keys: dict[str, str] = {}

    def jobs() -> Iterator[tuple[str, str, str | bytes]]:
        for name, template, data in documents(context):
            document = document_json(data)
            if cache is not None:
                key = cache.key(template, document, stamp)
                pdf = cache.get(key)
                if pdf is not None:
                    yield name, template, pdf  # already made: passed on in its turn
                    continue
                keys[name] = key
            yield name, template, document

    for name, pdf in compile_documents(jobs(), context.today, workers, alone=ALONE):
        if cache is not None and name in keys:
            cache.put(keys.pop(name), pdf)
        yield name, pdf
    if cache is not None:
        cache.prune()


def render_leaflets(context: RenderContext, workers: int | None = None) -> dict[str, bytes]:
    """File name → PDF bytes, for every printed document (always compiled: no cache)."""
    return dict(generate(context, workers))


def write_leaflets(context: RenderContext, site_dir: Path) -> None:
    """The site writer: every PDF into ``<site>/imprimer/``, each written as soon as it is
    made (none kept in memory), compiled only when the cache (``cache.PdfCache``, outside
    the site; ``MAILLAGE_LEAFLET_CACHE=0`` turns it off) does not hold it yet."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, pdf in generate(context, cache=PdfCache.from_environment()):
        (folder / name).write_bytes(pdf)
