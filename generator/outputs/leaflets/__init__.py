"""Printed leaflets for people who are not online: PDFs under ``/imprimer/``.

A commune's leaflet (``commune-<id>.pdf``, an A5 booklet), the whole directory
(``repertoire.pdf``, an A5 booklet with contents and indexes) and each route's timetable
poster (``tournee-<id>.pdf``, A4 landscape) are made from the same Dataset and the same
Occurrences as the pages and feeds. ``selection`` picks what belongs to a document,
``pieces`` and ``words`` word it, ``documents`` assembles it as JSON-ready data, and
``engine`` hands it to the Typst templates of ``templates/``, which only lay it out.
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
