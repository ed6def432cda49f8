"""The home page: the helpline in sight, current notices, entry points by need, and what
happens this week, commune by commune. The hand-written ``content/index.md`` gives its
title (first ``# `` line) and introduction."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from ...hours import in_words
from .blocks import agenda_days, empty_line, timed
from .html import esc, markdown, tel_href, text
from .i18n import colon, label
from .needs import need_links
from .page import Links, Page
from .view import SiteView


def helpline(view: SiteView) -> str:
    line = view.territory.helpline
    if line is None:
        return ""
    lang = view.lang
    hours = in_words(view.hours(line.hours), lang) if line.hours else ""
    free = f" ({label('free_call', lang)})" if line.phone.replace(" ", "").startswith("0800") else ""
    return (
        f'<aside class="mg-helpline"><p>{esc(label("helpline_call", lang))} <strong>{text(line.label, lang)}</strong>'
        f'{colon(lang)}<a class="mg-helpline__phone" href="{esc(tel_href(line.phone, view.country))}">{esc(line.phone)}</a>{esc(free)}</p>'
        + (f'<p class="mg-small">{esc(hours[:1].upper() + hours[1:])}</p>' if hours else "")
        + "</aside>"
    )


def search_form(view: SiteView, links: Links) -> str:
    """A plain GET form: the search page reads ``?q=`` (nothing is loaded before a search)."""
    lang = view.lang
    return (
        f'<form class="mg-search" role="search" action="{links("recherche/")}" method="get">'
        f'<label for="mg-home-q">{esc(label("search_label", lang))}</label><div class="mg-search__row">'
        f'<input id="mg-home-q" name="q" type="search" autocomplete="off">'
        f'<button type="submit" class="md-button md-button--primary">{esc(label("search_button", lang))}</button></div></form>'
    )


def notices(view: SiteView, links: Links) -> str:
    lang = view.lang
    items = "".join(
        f'<li{timed(view.today, n.from_, n.until, "mg-dated")}><a href="{links(view.url("notice", n.id))}">{text(view.t(n.title), lang)}</a></li>'
        for n in view.current_notices
    )
    if not items:
        return ""
    none = empty_line(label("no_notice", lang), not view.active_notices)
    return f"<section><h2>{esc(label('active_notices', lang))}</h2><ul>{items}</ul>{none}</section>"


WEEK = 7  # days the home page shows, from the visitor's today
AHEAD = 21  # days it is rendered for: the script rolls the week forward as days go by


def this_week(view: SiteView, links: Links) -> str:
    lang = view.lang
    items = view.agenda_between(view.today, view.today + timedelta(days=AHEAD - 1))
    blocks: list[str] = []
    for commune_id in view.communes:
        mine = [i for i in items if commune_id in i.communes]
        body = agenda_days(view, links, mine, "h3", f"j-{commune_id}-", "nothing_this_week", WEEK)
        count = sum(1 for i in mine if i.day < view.today + timedelta(days=WEEK))
        blocks.append(
            f'<details class="mg-week"{" open" if not blocks else ""}><summary>{text(view.commune_name(commune_id), lang)} '
            f'(<span class="mg-n">{count}</span>)</summary>{body}'
            f'<p><a href="{links(view.url("commune", commune_id))}">{text(view.commune_name(commune_id), lang)} →</a></p></details>'
        )
    return (
        f"<section><h2>{esc(label('this_week', lang))}</h2>{''.join(blocks)}"
        f'<p><a href="{links("agenda/")}">{esc(label("every_event", lang))} →</a></p></section>'
    )


def intro(content: Path, view: SiteView) -> tuple[str, str]:
    """Title and introduction from the hand-written home page (trusted, still sanitised)."""
    source = content.read_text(encoding="utf-8") if content.is_file() else ""
    title = view.t(view.territory.name)
    lines = source.splitlines()
    if lines and lines[0].startswith("# "):
        title, lines = lines[0][2:].strip(), lines[1:]
    return title, markdown("\n".join(lines), view.lang)


def home_page(view: SiteView, content: Path) -> Page:
    links = Links("")
    lang = view.lang
    title, introduction = intro(content, view)
    body = (
        f"<h1>{text(title, lang)}</h1>{introduction}{helpline(view)}{search_form(view, links)}{notices(view, links)}"
        f"<section><h2>{esc(label('need_pages', lang))}</h2>{need_links(view, links)}</section>"
        f"{this_week(view, links)}"
    )
    return Page("", title, body)
