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
from ..schedule import Occurrence, Series, Window, all_series, schedule


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


Writer = Callable[[RenderContext, Path], None]

# Renderers register here (one import line each).
DOC_WRITERS: list[Writer] = []
SITE_WRITERS: list[Writer] = []
