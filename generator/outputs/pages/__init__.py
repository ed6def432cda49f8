"""The public website's pages, rendered from the Dataset and the one schedule.

``write_pages`` (a DOC_WRITER) writes every generated page into the docs folder as a
Markdown file holding finished HTML (see ``page``), the vendored assets (``assets``), and
``.maillage/site.json``: what the theme's templates need on every page (the notices
banner, the site language, the Content-Security-Policy of ``csp``). ``search`` writes the search's data (``recherche/index.json``,
read by ``overrides/assets/search.js``). The page families: ``home``, ``needs``, ``actors``, ``agenda``, ``routes``,
``communes``, ``others``; the lookups they share: ``view``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import RenderContext
from . import actors, agenda, communes, csp, needs, others, routes, search
from .assets import copy_assets
from .blocks import next_day
from .home import home_page
from .html import esc, typo
from .i18n import label, long_date
from .page import Page, write_if_changed
from .view import SiteView

SITE_JSON = ".maillage/site.json"


def all_pages(view: SiteView, docs: Path) -> Iterator[Page]:
    yield home_page(view, docs / "index.md")
    for family in (actors, agenda, routes, communes, needs, others):
        yield from family.pages(view)


def site_data(view: SiteView) -> dict[str, Any]:
    """What every page's template needs (strings pre-escaped: the templates print them raw)."""
    lang = view.lang
    return {
        "csp": esc(csp.policy(view.context.settings)),
        "language": lang,
        "more": esc(label("notice_more", lang)),
        # Every notice not over yet, with its period: the script shows each during its own.
        "notices": [
            {
                "id": n.id,
                "level": str(n.level),
                "title": esc(typo(view.t(n.title), lang)),
                "href": view.url("notice", n.id),
                "from": n.from_.isoformat(),
                "until": next_day(n.until),
                "later": n.from_ > view.today,
            }
            for n in view.current_notices
        ],
        # "Mis à jour le …" on every page, and the line shown once that is a week old.
        "updated": {
            "day": view.today.isoformat(),
            "words": esc(f"{label('updated', lang)} {long_date(view.today, lang)}"),
            "stale": esc(label("stale", lang)),
            "printed": esc(label("printed", lang)),
            "offline": esc(label("offline_copy", lang)),
            "timezone": esc(view.territory.timezone),
        },
        "footer": esc(label("footer_made_with", lang)),
    }


def _write_json(path: Path, data: Any) -> None:
    write_if_changed(path, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def write_pages(context: RenderContext, docs: Path) -> None:
    view = SiteView(context)
    for page in all_pages(view, docs):
        page.write(docs)
    _write_json(docs / "acteurs" / "horaires.json", actors.hours_index(view))
    _write_json(docs / "carte" / "points.json", others.map_points(view))
    _write_json(docs / "recherche" / "index.json", search.documents(view))
    _write_json(docs / SITE_JSON, site_data(view))
    copy_assets(docs)
