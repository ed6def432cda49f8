"""One page per commune at ``/communes/<id>/``: who serves it, what happens in it, where the
mobile services stop in its villages and when, its calendars and its leaflet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from .actors import cards, wide_block
from .blocks import agenda_days, first_dates, item_until, map_block, section, subscribe
from .html import esc, text
from .i18n import clock, colon, label, long_date
from .page import Links, Page
from .view import SiteView

EVENT_DAYS = 56
STOP_DATES = 3
STOP_DATES_AHEAD = 12  # rendered, for the script to show the next three as days go by


def _stops(view: SiteView, links: Links, commune_id: str) -> str:
    lang = view.lang
    rows = []
    for circuit in sorted(view.dataset.circuits.values(), key=lambda c: c.id):
        runs = view.circuit_runs(circuit)
        for stop in circuit.stops:
            if view.villages.get(stop.village, (None, ""))[1] != commune_id:
                continue
            dates: list[tuple[str, str]] = []
            for run in runs:
                found = [s for s in run.stops if s.stop == stop]
                if not found:
                    continue
                day = esc(long_date(run.day, lang, year=False))
                dates.append(
                    (
                        item_until(run),
                        f"<s>{day}</s> ({esc(label('cancelled', lang))})"
                        if found[0].occurrence.status == "cancelled"
                        else day,
                    )
                )
                if len(dates) == STOP_DATES_AHEAD:
                    break
            where = f"{view.village_name(stop.village)}, {stop.where}, {clock(stop.arrive, lang)}"
            rows.append(
                f'<li><a href="{links(view.url("route", circuit.id))}">{text(view.t(circuit.name), lang)}</a>'
                f'{colon(lang)}{text(where, lang)}<br><span class="mg-small">{esc(label("upcoming_dates", lang))}{colon(lang)}</span>{first_dates(dates, STOP_DATES, label("no_upcoming", lang))}</li>'
            )
    return f'<ul class="mg-items">{"".join(rows)}</ul>' if rows else ""


def _feeds(view: SiteView, commune_id: str) -> str:
    commune = view.communes[commune_id]
    out = [subscribe(view, view.feed("commune", commune_id), view.commune_name(commune_id), qr=True)]
    # Each village's feed gets the whole subscription block (ICAL.md point 21): a plain https
    # link would leave phone users without the webcal and Google ways in. Each is folded under
    # its village's name, so that the list reads as a list of villages on a phone.
    villages = "".join(
        f'<details class="mg-village-feed"><summary>{text(view.t(v.name), view.lang)}</summary>'
        f"{subscribe(view, view.feed('village', v.id), view.t(v.name))}</details>"
        for v in commune.villages
    )
    if villages:
        out.append(
            f'<details class="mg-browse"><summary>{esc(label("villages", view.lang))}</summary>{villages}</details>'
        )
    return "".join(out)


def _jump(view: SiteView, parts: list[tuple[str, str]]) -> str:
    """Links to the page's sections (anchor, label key): the page is long on a phone."""
    lang = view.lang
    items = "".join(f'<li><a href="#{anchor}">{esc(label(key, lang))}</a></li>' for anchor, key in parts)
    return f'<nav class="mg-jump" aria-label="{esc(label("summary", lang))}"><ul>{items}</ul></nav>'


def _unindexed(body: str) -> str:
    """Listings of other pages: searching them would bring the commune up for every word."""
    return f"<div data-pagefind-ignore>{body}</div>" if body else ""


def commune_page(view: SiteView, commune_id: str) -> Page:
    lang = view.lang
    url = view.url("commune", commune_id)
    links = Links(url)
    name = view.commune_name(commune_id)
    local, wide = view.by_commune[commune_id]
    events = [
        i
        for i in view.agenda_between(view.today, view.today + timedelta(days=EVENT_DAYS))
        if i.kind == "event" and commune_id in i.communes
    ]
    commune = view.communes[commune_id]
    points = [{"lat": commune.geo[0], "lon": commune.geo[1], "name": name, "url": ""}]
    sections = [
        ("activites", "events_in", _unindexed(agenda_days(view, links, events) if events else "")),
        ("tournees", "stops_in", _unindexed(_stops(view, links, commune_id))),
        ("acteurs", "actors_serving", _unindexed(cards(view, links, local) + wide_block(view, links, wide, "h3"))),
        ("calendriers", "feeds", _feeds(view, commune_id)),
    ]
    present = [(anchor, key, html) for anchor, key, html in sections if html]
    body = [
        f'<article class="mg-commune" data-pagefind-body><span data-pagefind-filter="type:{esc(label("type_commune", lang))}"></span>',
        f'<span data-pagefind-filter="commune:{esc(name)}"></span><h1>{text(name, lang)}</h1>',
        f'<p><a class="md-button" href="{links(f"imprimer/commune-{commune_id}.pdf")}">{esc(label("leaflet", lang))}</a></p>',
        _jump(view, [(anchor, key) for anchor, key, _ in present]),
        *(section(label(key, lang), html, anchor) for anchor, key, html in present),
        map_block(view, links, points),
        "</article>",
    ]
    return Page(url, name, "".join(body))


def communes_index(view: SiteView) -> Page:
    lang = view.lang
    url = view.url("commune")
    links = Links(url)
    rows = "".join(
        f'<li class="mg-card"><h2><a href="{links(view.url("commune", c))}">{text(view.commune_name(c), lang)}</a></h2>'
        f'<p class="mg-small">{text(", ".join(view.t(v.name) for v in view.communes[c].villages), lang)}</p></li>'
        for c in view.communes
    )
    return Page(
        url, label("communes", lang), f'<h1>{esc(label("communes", lang))}</h1><ul class="mg-cards">{rows}</ul>'
    )


def pages(view: SiteView) -> Iterator[Page]:
    yield communes_index(view)
    for commune_id in view.communes:
        yield commune_page(view, commune_id)
