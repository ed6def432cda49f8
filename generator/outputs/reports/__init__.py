"""Yearly report per commune: ``/imprimer/rapport-<annee>-<commune>.pdf`` (issue 9, item 4).

The observatory's indicators for one commune, with a chart and the table of its numbers for
each, and the network's own indicators (coordination meetings against their target, share of
actors taking part) in a section labelled as covering the whole territory: an A4 document to
attach to an activity report.

Which years: for a build whose "today" is in year Y, a report for **Y** (from 1 January to
today, "so far") and one for **Y-1** (the previous, complete year, 1 January to 31 December),
for every commune of the territory. ``content`` words a report as JSON-ready blocks,
``engine`` hands them to ``templates/rapport.typ``, which only lays them out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from .. import RenderContext
from ..typesetting import worker_count
from .content import Report
from .engine import ReportEngine

FOLDER = "imprimer"


def years(today: date) -> tuple[int, int]:
    """The years reported on: the previous complete year, then the current one so far."""
    return today.year - 1, today.year


def file_name(year: int, commune_id: str) -> str:
    return f"rapport-{year}-{commune_id}.pdf"


def documents(context: RenderContext) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file name, data) of every report, in a fixed order: by commune, then by year."""
    for commune in context.territory.communes:
        for year in years(context.today):
            yield file_name(year, commune.id), Report(context, commune.id, year).document()


def render_reports(context: RenderContext) -> dict[str, bytes]:
    """File name → PDF bytes, for every report. Typst compiles with Python's lock released:
    one thread per core, each with its own compiler; the bytes do not depend on which."""
    jobs = list(documents(context))
    local = threading.local()

    def compile_one(data: dict[str, Any]) -> bytes:
        engine: ReportEngine | None = getattr(local, "engine", None)
        if engine is None:
            engine = local.engine = ReportEngine()
        return engine.pdf(data, context.today)

    with ThreadPoolExecutor(worker_count(), thread_name_prefix="typst-report") as pool:
        pdfs = list(pool.map(compile_one, [data for _, data in jobs]))
    return {name: pdf for (name, _), pdf in zip(jobs, pdfs, strict=True)}


def write_reports(context: RenderContext, site_dir: Path) -> None:
    """The site writer: every report into ``<site>/imprimer/``."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, pdf in render_reports(context).items():
        (folder / name).write_bytes(pdf)
