"""The search index: Pagefind run over the built site (a SITE_WRITER).

Only pages marked ``data-pagefind-body`` (actors, events, routes, communes, places) are
indexed, with their ``data-pagefind-filter`` facets (commune, theme, audience, type). The
index is written in chunks under ``/pagefind/`` and loaded by the browser on demand, then
put in a fixed order (:mod:`.stable_index`) so that two builds give the same bytes.
The bundled binary of the ``pagefind_bin`` package (PyPI) does the work; a missing binary
stops the build with what to install.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .. import RenderContext
from .stable_index import stabilise

# Only the detail pages are searched: reading the listings too would only cost time.
INDEXED = "{acteurs,evenements,tournees,communes,lieux}/*/index.html"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed."""


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:  # the pinned dependency pagefind[bin] brings it
        raise SearchIndexError("Pagefind manque : installez les dépendances (`make site`).") from exc
    return Path(get_executable())


def write_search_index(context: RenderContext, site: Path) -> None:
    lang = context.territory.default_language
    result = subprocess.run(
        [str(pagefind_binary()), "--site", str(site), "--glob", INDEXED, "--force-language", lang, "--silent"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind a échoué : {result.stderr.strip() or result.stdout.strip()}")
    stabilise(site / "pagefind")
