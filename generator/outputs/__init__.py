"""Pure, deterministic renderers: pages, feeds, leaflets, exports.

Each renderer takes a :class:`RenderContext` (the dataset, "today", the site's settings and
the one schedule) and writes files. ``DOC_WRITERS`` write Markdown/assets into the docs
folder before MkDocs runs; ``SITE_WRITERS`` write finished files (feeds, PDFs, open data)
into the built site after it. Renderers never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..loading import Dataset
from ..models import InlineLocation
from ..schedule import Occurrence, Series, Where, Window, all_series, schedule, where


@dataclass
class RenderContext:
    """What every renderer reads; nothing here is written to."""

    dataset: Dataset
    today: date
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def territory(self) -> Any:
        assert self.dataset.territory is not None
        return self.dataset.territory

    @property
    def site_url(self) -> str:
        url = str(self.settings.get("site_url") or "https://maillage.example/")
        return url if url.endswith("/") else url + "/"

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "maillage.example"

    def edit_url(self, data_file: str) -> str:
        """The repository's edit page of a data file (``data/actors/x.yaml``), from
        mkdocs.yml's ``repo_url`` and ``edit_uri``; empty when no repository is set."""
        repo = str(self.settings.get("repo_url") or "").rstrip("/")
        if not repo:
            return ""
        edit_uri = str(self.settings.get("edit_uri") or "edit/main/").strip("/")
        return f"{repo}/{edit_uri}/{data_file}"

    @cached_property
    def window(self) -> Window:
        return Window.around(self.today)

    @cached_property
    def series(self) -> list[Series]:
        return all_series(self.dataset.events, self.dataset.circuits)

    @cached_property
    def occurrences(self) -> dict[str, list[Occurrence]]:
        """Series key → occurrences in the window: the one schedule all outputs share."""
        return schedule(self.dataset.events, self.dataset.circuits, self.territory.country, self.window)

    def where(self, place_id: str | None, location: InlineLocation | None) -> Where | None:
        """Where a place id or an inline location is: the schedule's one rule (``schedule.where``)."""
        return where(place_id, location, self.dataset.places, self.territory)


Writer = Callable[[RenderContext, Path], None]

# Renderers register here (one import line each).
DOC_WRITERS: list[Writer] = []
SITE_WRITERS: list[Writer] = []
# Site writers whose files no page's text depends on (feeds, PDFs, open data): the preview shows the rebuilt pages first and writes these just after.
DEFERRABLE: list[Writer] = []
# Site writers that typeset PDFs (Typst, most of a big build's CPU). They read the context
# only, never the built pages, so the build starts them first, in a process of their own; the
# other site writers follow MkDocs in the main process.
TYPESETS: list[Writer] = []


def _register() -> None:
    # Imported here, after RenderContext exists: the renderers import it from this module.
    from .freshness_page import write_freshness
    from .reference import write_reference

    DOC_WRITERS.extend([write_reference, write_freshness])
    from .feeds import write_feeds

    SITE_WRITERS.append(write_feeds)
    from .leaflets import write_leaflets

    SITE_WRITERS.append(write_leaflets)
    from .pages import write_pages

    DOC_WRITERS.append(write_pages)
    from .exports import write_exports
    from .observatory import write_observatory

    SITE_WRITERS.append(write_exports)
    DOC_WRITERS.append(write_observatory)
    from .reports import write_reports

    SITE_WRITERS.append(write_reports)
    from .admin import write_admin

    SITE_WRITERS.append(write_admin)
    DEFERRABLE.append(write_admin)
    TYPESETS.extend([write_leaflets, write_reports])
    DEFERRABLE.extend([write_feeds, write_leaflets, write_exports, write_reports])


_register()
