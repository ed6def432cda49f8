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
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import RenderContext
from .documents import commune_leaflet, directory, route_poster
from .engine import Engine
from .pieces import Pieces

FOLDER = "imprimer"


def documents(context: RenderContext) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file name, template, data) of every printed document, in a fixed order."""
    pieces = Pieces(context)
    for commune in context.territory.communes:
        yield f"commune-{commune.id}.pdf", "commune", commune_leaflet(pieces, commune)
    yield "repertoire.pdf", "repertoire", directory(pieces)
    for _, circuit in sorted(context.dataset.circuits.items()):
        yield f"tournee-{circuit.id}.pdf", "tournee", route_poster(pieces, circuit)


def render_leaflets(context: RenderContext) -> dict[str, bytes]:
    """File name → PDF bytes, for every printed document."""
    engine = Engine()
    return {name: engine.pdf(template, data, context.today) for name, template, data in documents(context)}


def write_leaflets(context: RenderContext, site_dir: Path) -> None:
    """The site writer: every PDF into ``<site>/imprimer/``."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, pdf in render_leaflets(context).items():
        (folder / name).write_bytes(pdf)
