"""The agenda: ``/agenda/`` (the next four weeks, day by day, with filters), one page per
month after that, and one page per event series at ``/evenements/<id>/``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ...models import Event
from ...models.vocabularies import VOCABULARIES
from .actors import filter_form, sentence
from .blocks import (
    agenda_days,
    agenda_line,
    chips,
    contact_list,
    correction_footer,
    empty_line,
    map_block,
    section,
    subscribe,
    type_feeds,
    venue_html,
)
from .html import esc, json_ld, markdown, text
from .i18n import colon, label, long_date, month_title, term
from .jsonld import event_data
from .page import Links, Page
from .view import AgendaItem, SiteView, Venue

FIRST_PAGE_DAYS = 28
_NOWHERE = Venue("", "", "", None, None)  # an event without a usual place: show each date's


def _months(view: SiteView) -> list[tuple[int, int]]:
    last = view.context.window.last
    months = []
    year, month = view.today.year, view.today.month
    while date(year, month, 1) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_end(year: int, month: int) -> str:
    """The first day after the month (a month's link goes when the month is over)."""
    return date(year + (month == 12), month % 12 + 1, 1).isoformat()


def _month_url(year: int, month: int) -> str:
    return f"agenda/{year:04d}-{month:02d}/"


def _facets(view: SiteView, items: list[AgendaItem]) -> str:
    lang = view.lang

    def count(getter: object) -> dict[str, int]:
        found: dict[str, int] = {}
        for item in items:
            for value in getter(item):  # type: ignore[operator]
                found[value] = found.get(value, 0) + 1
        return found

    communes = count(lambda i: i.communes)
    villages = count(lambda i: i.villages)
    types = count(lambda i: [i.type])
    audiences = count(lambda i: i.audiences)
    type_words = {**{k: t.label(lang) for k, t in VOCABULARIES["circuit-type"].items()}}
    type_words.update({k: t.label(lang) for k, t in VOCABULARIES["event-type"].items()})
    facets = [
        (
            "commune",
            label("commune", lang),
            label("all_communes", lang),
            [(c, view.commune_name(c), communes[c]) for c in view.communes if c in communes],
        ),
        (
            "village",
            label("village", lang),
            label("all_villages", lang),
            sorted(((v, view.village_name(v), n) for v, n in villages.items()), key=lambda x: x[1]),
        ),
        (
            "type",
            label("type", lang),
            label("all_kinds", lang),
            sorted(((t, type_words.get(t, t), n) for t, n in types.items()), key=lambda x: x[1]),
        ),
        (
            "audience",
            label("audience", lang),
            label("all_audiences", lang),
            [(a, term("audience", a, lang), audiences[a]) for a in VOCABULARIES["audience"] if a in audiences],
        ),
    ]
    return filter_form(view, facets, toggles=False)


def _month_nav(view: SiteView, links: Links) -> str:
    lang = view.lang
    items = "".join(
        f'<li data-until="{_month_end(y, m)}"><a href="{links(_month_url(y, m))}">{esc(month_title(y, m, lang))}</a></li>'
        for y, m in _months(view)
    )
    return f'<nav aria-label="{esc(label("month_agenda", lang))}"><h2>{esc(label("later", lang))}</h2><ul class="mg-columns">{items}</ul></nav>'


def agenda_page(view: SiteView) -> Page:
    lang = view.lang
    url = "agenda/"
    links = Links(url)
    items = view.agenda_between(view.today, view.today + timedelta(days=FIRST_PAGE_DAYS - 1))
    body = (
        f'<div class="mg-agenda"><h1>{esc(label("agenda", lang))}</h1>'
        f"<p>{esc(label('next_weeks', lang))}.</p>{_facets(view, items)}"
        f"{agenda_days(view, links, items, 'h2', empty='agenda_page_over')}{_month_nav(view, links)}"
        f"{subscribe(view, view.feed('tout'), label('every_event', lang))}{type_feeds(view)}</div>"
    )
    return Page(url, label("agenda", lang), body)


def month_pages(view: SiteView) -> Iterator[Page]:
    lang = view.lang
    for year, month in _months(view):
        url = _month_url(year, month)
        links = Links(url)
        first = max(date(year, month, 1), view.today)
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        items = view.agenda_between(first, last)
        title = f"{label('agenda', lang)}{colon(lang)}{month_title(year, month, lang)}"
        body = (
            f'<div class="mg-agenda"><h1>{esc(title)}</h1><p><a href="{links("agenda/")}">← {esc(label("agenda", lang))}</a></p>'
            f"{_facets(view, items)}{agenda_days(view, links, items, 'h2', empty='month_over')}</div>"
        )
        yield Page(url, title, body)


def event_filters(view: SiteView, event: Event, items: list[AgendaItem]) -> str:
    lang = view.lang
    venue = view.event_venue(event)
    communes = sorted({c for i in items for c in i.communes} or ({venue.commune} if venue else set()))
    spans = [f'<span data-pagefind-filter="type:{esc(label("type_event", lang))}"></span>']
    spans += [f'<span data-pagefind-filter="commune:{esc(view.commune_name(c))}"></span>' for c in communes]
    spans += [f'<span data-pagefind-filter="theme:{esc(term("theme", t, lang))}"></span>' for t in event.themes]
    spans += [
        f'<span data-pagefind-filter="audience:{esc(term("audience", a, lang))}"></span>' for a in event.audiences
    ]
    return "".join(spans)


def _registration(view: SiteView, event: Event) -> str:
    lang = view.lang
    reg = event.registration
    if reg is None:
        return ""
    words = label("registration_required" if reg.required else "registration_optional", lang)
    if reg.deadline:
        words += f" {label('deadline', lang)} {long_date(reg.deadline, lang)}"
    rows = [f"<p><strong>{esc(words)}</strong></p>"]
    rows.append(contact_list(view, phone=reg.phone, email=reg.email))
    if reg.url:
        rows.append(f'<p><a href="{esc(reg.url)}" rel="nofollow">{esc(label("register_online", lang))}</a></p>')
    return "".join(rows)


def event_page(view: SiteView, event: Event) -> Page:
    lang = view.lang
    url = view.url("event", event.id)
    links = Links(url)
    title = view.t(event.title)
    items = view.event_items(event)
    venue = view.event_venue(event)
    organizers = ", ".join(
        f'<a href="{links(view.url("actor", o))}">{text(view.t(view.dataset.actors[o].name), lang)}</a>'
        for o in event.organizers
        if o in view.dataset.actors
    )
    dates = "".join(agenda_line(view, links, i, with_date=True, usual=venue or _NOWHERE) for i in items)
    status = ""
    if event.status != "scheduled":
        status = f'<p class="mg-badge mg-badge--cancelled">{esc(term("status", event.status, lang))}</p>'
    cost = esc(term("cost", event.cost, lang)) + (f" — {text(event.cost_note, lang)}" if event.cost_note else "")
    found = view.context.where(event.place, event.location)
    # The event's own word, else its venue's (a place's always; an inline location's when said).
    wheelchair = event.wheelchair or (
        found.wheelchair if found is not None and (found.place is not None or found.wheelchair != "unknown") else None
    )
    access = [f"<li>{esc(label('cost', lang))}{colon(lang)}{cost}</li>"]
    if wheelchair:
        access.append(f"<li>{esc(sentence(term('wheelchair', wheelchair, lang)))}</li>")
    if event.languages:
        access.append(
            f"<li>{esc(label('languages', lang))}{colon(lang)}{esc(', '.join(term('language', x, lang) for x in event.languages))}</li>"
        )
    points = []
    if venue is not None and venue.geo is not None:
        points.append({"lat": venue.geo[0], "lon": venue.geo[1], "name": venue.name or title, "url": ""})
    body = [
        f'<article class="mg-event" data-pagefind-body>{event_filters(view, event, items)}',
        f"<h1>{text(title, lang)}</h1>",
        f'<p class="mg-kind">{esc(sentence(term("event-type", event.type, lang)))}</p>{status}',
        f'<p class="mg-lead">{text(view.t(event.summary), lang)}</p>',
        markdown(view.t(event.description), lang) if event.description else "",
        section(
            label("upcoming_dates", lang),
            f'<div><ul class="mg-items">{dates}</ul>{empty_line(label("no_upcoming", lang), not items)}</div>',
        ),
        f'<p><a class="md-button md-button--primary" href="{links(view.feed("evenement", event.id))}">{esc(label("add_to_calendar", lang))}</a></p>',
        section(label("place", lang), f"<p>{venue_html(view, links, venue)}</p>" + map_block(view, links, points)),
        section(label("access", lang), f'<ul class="mg-access">{"".join(access)}</ul>' + _registration(view, event)),
        section(
            label("audiences", lang), chips("audience", event.audiences, lang) + chips("theme", event.themes, lang)
        ),
        section(label("organizers", lang), f"<p>{organizers}</p>" + contact_list(view, event.contact)),
        subscribe(view, view.feed("evenement", event.id), title),
        json_ld(event_data(view, event, items)) if items else "",
        correction_footer(view, "events", event.id, title, url),
        "</article>",
    ]
    return Page(url, title, "".join(body), view.t(event.summary))


def pages(view: SiteView) -> Iterator[Page]:
    yield agenda_page(view)
    yield from month_pages(view)
    for event in sorted(view.dataset.events.values(), key=lambda e: e.id):
        yield event_page(view, event)
