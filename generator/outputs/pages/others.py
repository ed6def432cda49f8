"""The smaller page families: notices (``/avis/<id>/``), places (``/lieux/<id>/``), the
territory map (``/carte/``) and the search page (``/recherche/``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from .actors import browse_links, cards
from .blocks import agenda_line, empty_line, map_block, osm_link, section, timed
from .home import helpline as helpline_block
from .html import esc, markdown, text
from .i18n import colon, label, long_date, term, upper_first
from .needs import need_links
from .page import Links, Page
from .view import AgendaItem, SiteView


def notice_pages(view: SiteView) -> Iterator[Page]:
    lang = view.lang
    for notice in sorted(view.dataset.notices.values(), key=lambda n: n.id):
        url = view.url("notice", notice.id)
        links = Links(url)
        title = view.t(notice.title)
        where = (
            label("whole_territory", lang)
            if "all" in notice.communes
            else ", ".join(view.commune_name(c) for c in notice.communes)
        )
        period = f"{long_date(notice.from_, lang)} – {long_date(notice.until, lang)}"
        # The page stays up when the notice is over: the script says so from the day after.
        ended = f"{label('notice_ended', lang)} {long_date(notice.until, lang)}."
        state = (
            f'<p{timed(view.today, notice.until + timedelta(days=1), None, "mg-ended")} role="status"><strong>{esc(ended)}</strong></p>'
            if notice.until >= view.today
            else f'<p class="mg-ended" role="status"><strong>{esc(ended)}</strong></p>'
        )
        actors = [view.dataset.actors[a] for a in notice.actors if a in view.dataset.actors]
        body = (
            f'<article class="mg-notice-page"><h1>{text(title, lang)}</h1>'
            f'<p class="mg-small">{esc(upper_first(term("notice-level", notice.level, lang)))} · {esc(period)} · '
            f"{esc(label('concerns', lang))}{colon(lang)}{text(where, lang)}</p>{state}"
            f"{markdown(view.t(notice.body), lang)}"
            f"{section(label('related_actors', lang), cards(view, links, actors) if actors else '')}</article>"
        )
        yield Page(url, title, body)


def place_pages(view: SiteView) -> Iterator[Page]:
    lang = view.lang
    by_place: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in view.agenda:
        if item.kind == "event" and item.venue is not None and item.venue.place_id:
            by_place[item.venue.place_id].append(item)
    for place in sorted(view.dataset.places.values(), key=lambda p: p.id):
        url = view.url("place", place.id)
        links = Links(url)
        name = view.t(place.name)
        items = by_place.get(place.id, [])
        lines = "".join(agenda_line(view, links, i, with_date=True) for i in items[:30])
        lines = (
            f'<div><ul class="mg-items">{lines}</ul>{empty_line(label("no_upcoming", lang), False)}</div>'
            if lines
            else ""
        )
        points = [{"lat": place.geo[0], "lon": place.geo[1], "name": name, "url": ""}] if place.geo else []
        commune = (
            f'<a href="{links(view.url("commune", place.commune))}">{text(view.commune_name(place.commune), lang)}</a>'
        )
        body = (
            f'<article class="mg-place" data-pagefind-body><span data-pagefind-filter="type:{esc(label("type_place", lang))}"></span>'
            f'<span data-pagefind-filter="commune:{esc(view.commune_name(place.commune))}"></span>'
            f"<h1>{text(name, lang)}</h1><p>{text(place.address, lang)} ({commune})<br>"
            f'<span class="mg-small">{esc(term("wheelchair", place.wheelchair, lang))}</span></p>'
            f"{map_block(view, links, points)}" + section(label("upcoming_here", lang), lines) + "</article>"
        )
        yield Page(url, name, body)


def map_points(view: SiteView) -> list[dict[str, Any]]:
    """Every actor location and every route stop, for the territory map (site-relative URLs)."""
    points: list[dict[str, Any]] = []
    for actor in view.actors:
        for location in actor.locations:
            if location.geo is not None:
                points.append(
                    {
                        "lat": location.geo[0],
                        "lon": location.geo[1],
                        "name": view.t(actor.name),
                        "url": view.url("actor", actor.id),
                        "kind": "actor",
                    }
                )
    for circuit in sorted(view.dataset.circuits.values(), key=lambda c: c.id):
        for stop in circuit.stops:
            geo = view.stop_geo(stop)
            if geo is not None:
                words = f"{view.t(circuit.name)} · {view.village_name(stop.village)}"
                points.append(
                    {"lat": geo[0], "lon": geo[1], "name": words, "url": view.url("route", circuit.id), "kind": "stop"}
                )
    return points


def map_page(view: SiteView) -> Page:
    lang = view.lang
    url = "carte/"
    links = Links(url)
    rows = "".join(
        f'<li><a href="{links(view.url("commune", c.id))}">{text(view.commune_name(c.id), lang)}</a> — '
        f'<a href="{esc(osm_link(c.geo))}">{esc(label("osm_link", lang))}</a></li>'
        for c in view.territory.communes
    )
    body = (
        f"<h1>{esc(label('territory_map', lang))}</h1>"
        f"{map_block(view, links, [], data_url='carte/points.json')}"
        f"<h2>{esc(label('communes', lang))}</h2><ul>{rows}</ul>"
    )
    return Page(url, label("territory_map", lang), body)


def search_page(view: SiteView) -> Page:
    """``/recherche/``: the form, and the answers computed in the browser by
    ``assets/search.js`` from ``recherche/index.json``. Without JavaScript the page offers
    the needs, the lists by theme, commune and audience, and the helpline; with it, results
    come while typing, and when none answers every word the page says so and offers the
    helpline and the closest needs."""
    lang = view.lang
    url = "recherche/"
    links = Links(url)
    communes = "".join(
        f'<option value="{esc(c.id)}">{text(view.commune_name(c.id), lang)}</option>' for c in view.territory.communes
    )
    kinds = "".join(
        f'<option value="{kind}">{esc(label(key, lang))}</option>'
        for kind, key in (
            ("need", "kind_needs"),
            ("actor", "kind_actors"),
            ("event", "kind_events"),
            ("route", "kind_routes"),
            ("place", "kind_places"),
            ("commune", "kind_communes"),
        )
    )
    form = (
        f'<form class="mg-search" role="search" action="{links("recherche/")}" method="get"'
        f' data-index="index.json" data-engine="{links("assets/vendor/minisearch/minisearch.js")}" data-root="{links("")}">'
        f'<label for="mg-q">{esc(label("search_label", lang))}</label>'
        f'<div class="mg-search__row"><input id="mg-q" name="q" type="search" autocomplete="off" aria-describedby="mg-q-hint">'
        f'<button type="submit" class="md-button md-button--primary">{esc(label("search_button", lang))}</button></div>'
        f'<p id="mg-q-hint" class="mg-small">{esc(label("search_hint", lang))}</p>'
        f'<div class="mg-search__facets" data-js hidden>'
        f'<label class="mg-field"><span>{esc(label("my_commune", lang))}</span><select name="commune">'
        f'<option value="">{esc(label("any_commune", lang))}</option>{communes}</select></label>'
        f'<label class="mg-field"><span>{esc(label("type", lang))}</span><select name="type">'
        f'<option value="">{esc(label("any_kind", lang))}</option>{kinds}</select></label></div></form>'
    )
    dead_end = (
        f'<section class="mg-dead-end" hidden><h2>{esc(label("search_no_sure_answer", lang))}'
        f' <q class="mg-dead-end__query"></q></h2><p>{esc(label("search_ask_helpline", lang))}</p>{helpline_block(view)}</section>'
    )
    close_needs = (
        f'<nav class="mg-close-needs" hidden aria-labelledby="mg-close-needs"><h2 id="mg-close-needs">'
        f"{esc(label('search_close_needs', lang))}</h2><ul></ul></nav>"
    )
    unknown = f'<p class="mg-unknown mg-small" hidden>{esc(label("search_unknown", lang))} <span></span></p>'
    nojs = (
        f'<noscript><section class="mg-nojs"><p>{esc(label("search_nojs", lang))}</p>'
        f"<h2>{esc(label('needs', lang))}</h2>{need_links(view, links)}"
        f"{browse_links(view, links)}{helpline_block(view)}</section></noscript>"
    )
    words = (
        f'<template id="mg-search-words" data-none="{esc(label("search_none", lang))}" data-results="{esc(label("results", lang))}"'
        f' data-everywhere="{esc(label("whole_territory", lang))}" data-next="{esc(label("search_next", lang))}"'
        f' data-gone="{esc(label("search_gone", lang))}"></template>'
    )
    body = (
        f"<h1>{esc(label('search', lang))}</h1>{form}"
        f'<p class="mg-count" role="status" aria-live="polite"></p>{dead_end}{close_needs}{unknown}'
        f'<ol class="mg-results"></ol>{nojs}{words}'
    )
    return Page(url, label("search", lang), body)


def pages(view: SiteView) -> Iterator[Page]:
    yield from notice_pages(view)
    yield from place_pages(view)
    yield map_page(view)
    yield search_page(view)
