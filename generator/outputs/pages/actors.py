"""The directory: ``/acteurs/`` with its filters, one page per actor, and the static lists
by commune, theme and audience that make the directory usable without JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from ...hours import browser_json, in_words
from ...models import Actor, Service
from ...models.vocabularies import VOCABULARIES
from .blocks import (
    audience_feeds,
    chips,
    contact_list,
    correction_links,
    first_dates,
    item_until,
    map_block,
    section,
    subscribe,
    timed,
)
from .html import attrs, data_json, esc, json_ld, markdown, text
from .i18n import colon, label, long_date, term
from .jsonld import actor_data
from .page import Links, Page
from .view import SiteView


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


def hours_block(view: SiteView, actor: Actor, hours: str | None) -> str:
    """Opening hours in words, and the data the browser turns into "ouvert maintenant"."""
    lang = view.lang
    if not hours:
        return f'<p class="mg-hours mg-small">{esc(label("no_hours", lang))}</p>'
    week = view.hours(hours)
    data = browser_json(week, view.location_closures(actor), view.today)
    words = sentence(in_words(week, lang))
    return (
        f'<div class="mg-hours" data-hours="{data_json(data)}" data-tz="{esc(view.territory.timezone)}">'
        f'<p class="mg-open" aria-live="polite"></p>'
        f"<p><strong>{esc(label('hours', lang))}{colon(lang)}</strong>{esc(words)}</p></div>"
    )


NEXT_DATES = 8  # dates rendered beside each activity of an actor (the first still to come is shown)
ANNOUNCED = timedelta(days=15)  # a closure is announced this long before its first day


def closure_banners(view: SiteView, actor: Actor) -> str:
    lang = view.lang
    out = []
    for closure in view.current_closures(actor):
        if lang == "fr":
            when = f"du {long_date(closure.from_, lang)} au {long_date(closure.until, lang)} inclus"
        else:
            when = f"from {long_date(closure.from_, lang)} to {long_date(closure.until, lang)}"
        out.append(
            f'<div{timed(view.today, closure.from_ - ANNOUNCED, closure.until, "admonition warning mg-closure")} role="note"><p class="admonition-title">'
            f"{esc(label('closed_from', lang))} {esc(when)}</p><p>{text(closure.message, lang)}</p></div>"
        )
    return "".join(out)


def _access(view: SiteView, access: Any) -> str:
    lang = view.lang
    rows = [f"<li>{esc(label('cost', lang))}{colon(lang)}{esc(term('cost', access.cost, lang))}"]
    if access.cost_note:
        rows[0] += f" — {text(access.cost_note, lang)}"
    rows[0] += "</li>"
    if access.modes:
        modes = ", ".join(term("access-mode", m, lang) for m in access.modes)
        rows.append(f"<li>{esc(sentence(modes))}</li>")
    if access.conditions:
        rows.append(f"<li>{esc(label('conditions', lang))}{colon(lang)}{text(access.conditions, lang)}</li>")
    return f'<ul class="mg-access">{"".join(rows)}</ul>'


def _service(view: SiteView, actor: Actor, service: Service, number: int) -> str:
    lang = view.lang
    parts = [f"<h3>{text(view.t(service.name), lang)}</h3>"]
    if service.summary:
        parts.append(f"<p>{text(view.t(service.summary), lang)}</p>")
    if service.description:
        parts.append(markdown(view.t(service.description), lang))
    if service.audiences and service.audiences != actor.audiences:
        parts.append(chips("audience", service.audiences, lang))
    if service.access is not None and service.access != actor.access:
        parts.append(_access(view, service.access))
    if service.hours:
        parts.append(hours_block(view, actor, service.hours))
    if service.contact is not None:
        parts.append(contact_list(view, service.contact))
    return f'<div class="mg-service" id="service-{number}">{"".join(parts)}</div>'


def _locations(view: SiteView, links: Links, actor: Actor) -> str:
    lang = view.lang
    out = []
    for location in actor.locations:
        venue = view.location_venue(location)
        heading = text(location.name, lang) if location.name else text(view.commune_name(location.commune), lang)
        wheel = esc(term("wheelchair", location.wheelchair, lang))
        out.append(
            f'<div class="mg-location"><h3>{heading}</h3>'
            f'<p>{text(location.address, lang)}<br><span class="mg-small">{wheel}</span></p>'
            f"{hours_block(view, actor, location.hours)}</div>"
        )
        del venue
    points = [
        {"lat": loc.geo[0], "lon": loc.geo[1], "name": loc.name or loc.address, "url": ""}
        for loc in actor.locations
        if loc.geo is not None
    ]
    return "".join(out) + map_block(view, links, points)


def _activities(view: SiteView, links: Links, actor: Actor) -> str:
    lang = view.lang
    rows = []
    for event in view.events_by_actor.get(actor.id, []):
        items = [i for i in view.event_items(event) if i.status != "cancelled"][:NEXT_DATES]
        when = first_dates([(item_until(i), esc(long_date(i.day, lang))) for i in items], 1, label("no_upcoming", lang))
        rows.append(
            f'<li><a href="{links(view.url("event", event.id))}">{text(view.t(event.title), lang)}</a> — {when}</li>'
        )
    for circuit in view.circuits_by_actor.get(actor.id, []):
        rows.append(f'<li><a href="{links(view.url("route", circuit.id))}">{text(view.t(circuit.name), lang)}</a></li>')
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def filters(view: SiteView, actor: Actor) -> str:
    """Pagefind facets (commune, theme, audience, type), invisible on the page."""
    lang = view.lang
    spans = [f'<span data-pagefind-filter="type:{esc(label("type_actor", lang))}"></span>']
    spans += [
        f'<span data-pagefind-filter="commune:{esc(view.commune_name(c))}"></span>' for c in view.actor_communes(actor)
    ]
    spans += [
        f'<span data-pagefind-filter="theme:{esc(term("theme", t, lang))}"></span>' for t in view.actor_themes(actor)
    ]
    spans += [
        f'<span data-pagefind-filter="audience:{esc(term("audience", a, lang))}"></span>'
        for a in view.actor_audiences(actor)
    ]
    return "".join(spans)


def actor_page(view: SiteView, actor: Actor) -> Page:
    lang = view.lang
    url = view.url("actor", actor.id)
    links = Links(url)
    name = view.t(actor.name)
    communes = view.actor_communes(actor)
    area = label("whole_territory", lang) if "all" in actor.area else ", ".join(view.commune_name(c) for c in communes)
    area_links = ", ".join(
        f'<a href="{links(view.url("commune", c))}">{text(view.commune_name(c), lang)}</a>' for c in communes
    )
    spoken: list[str] = list(actor.languages)
    languages = ", ".join(term("language", x, lang) for x in spoken)
    has_feed = bool(view.events_by_actor.get(actor.id) or view.circuits_by_actor.get(actor.id))
    footer = [
        f"{esc(label('verified', lang))} {esc(long_date(actor.verified.on, lang, weekday=False))} "
        f"{esc(label('by', lang))} {text(actor.verified.by, lang)} ({esc(term('verification', actor.verified.how, lang))})."
    ]
    footer += correction_links(view, "actors", actor.id, name, url)
    body = [
        f'<article class="mg-actor" data-pagefind-body>{filters(view, actor)}',
        f"<h1>{text(name, lang)}</h1>",
        f'<p class="mg-kind">{esc(sentence(term("kind", actor.kind, lang)))}</p>',
        closure_banners(view, actor),
        f'<p class="mg-lead">{text(view.t(actor.summary), lang)}</p>',
        contact_list(view, actor.contact),
        markdown(view.t(actor.description), lang) if actor.description else "",
        section(label("where_when", lang), _locations(view, links, actor), "ou-quand"),
        section(
            label("audiences", lang), chips("audience", actor.audiences, lang) + chips("theme", actor.themes, lang)
        ),
        section(
            label("access", lang),
            _access(view, actor.access)
            + f"<p>{esc(label('languages', lang))}{colon(lang)}{esc(languages)}</p>"
            + f"<p>{esc(label('area', lang))}{colon(lang)}{area_links if 'all' not in actor.area else esc(area)}</p>",
        ),
        section(
            label("services", lang), "".join(_service(view, actor, s, n) for n, s in enumerate(actor.services, start=1))
        ),
        section(label("events_organized", lang), _activities(view, links, actor)),
        subscribe(view, view.feed("acteur", actor.id), name) if has_feed else "",
        f'<footer class="mg-verified"><p>{" · ".join(footer)}</p></footer>',
        json_ld(actor_data(view, actor)),
        "</article>",
    ]
    return Page(url, name, "".join(body), view.t(actor.summary))


def actor_card(view: SiteView, links: Links, actor: Actor) -> str:
    """An actor's card; the same card appears on many listings, so it is made once per depth."""
    key = (actor.id, links.prefix)
    if key not in view.cards:
        view.cards[key] = _card(view, links, actor)
    return view.cards[key]


def _card(view: SiteView, links: Links, actor: Actor) -> str:
    lang = view.lang
    communes = view.actor_communes(actor)
    where = (
        label("whole_territory", lang)
        if len(communes) == len(view.communes) and len(communes) > 1
        else ", ".join(view.commune_name(c) for c in communes)
    )
    data = attrs(
        data_id=actor.id,
        data_commune=" ".join(communes),
        data_theme=" ".join(view.actor_themes(actor)),
        data_audience=" ".join(view.actor_audiences(actor)),
        data_kind=actor.kind,
        data_hours="1" if any(loc.hours for loc in actor.locations) else None,
    )
    closed = " mg-card--closure" if view.announced_closures(actor) else ""
    return (
        f'<li class="mg-card{closed}"{data}><h3><a href="{links(view.url("actor", actor.id))}">{text(view.t(actor.name), lang)}</a></h3>'
        f"<p>{text(view.t(actor.summary), lang)}</p>"
        f'<p class="mg-small">{esc(sentence(term("kind", actor.kind, lang)))} · {text(where, lang)}</p></li>'
    )


def cards(view: SiteView, links: Links, actors: list[Actor]) -> str:
    return f'<ul class="mg-cards">{"".join(actor_card(view, links, a) for a in actors)}</ul>'


def hours_index(view: SiteView) -> dict[str, list[dict[str, Any]]]:
    """Every actor's opening hours for the directory's "open now" filter (loaded on demand)."""
    out = {}
    for actor in view.actors:
        found = [
            browser_json(view.hours(loc.hours), view.location_closures(actor), view.today)
            for loc in actor.locations
            if loc.hours
        ]
        if found:
            out[actor.id] = found
    return out


WIDE_INLINE = 40  # more territory-wide actors than this: one link instead of repeating them everywhere
WIDE_URL = "acteurs/commune/tout-le-territoire/"


def wide_block(view: SiteView, links: Links, actors: list[Actor], heading: str = "h2") -> str:
    """The territory-wide actors on a commune's lists: their cards while they are few, else a
    link to their own list (repeating thousands of cards on every commune would grow the site
    with the square of its size)."""
    if not actors:
        return ""
    lang = view.lang
    title = f"<{heading}>{esc(label('whole_territory_actors', lang))} ({len(actors)})</{heading}>"
    if len(actors) <= WIDE_INLINE:
        return title + cards(view, links, actors)
    return f'{title}<p><a href="{links(WIDE_URL)}">{esc(label("all_actors", lang))} →</a></p>'


def listing_pages(view: SiteView) -> Iterator[Page]:
    """Static lists by commune, theme and audience: the directory without JavaScript."""
    lang = view.lang
    for commune_id in view.communes:
        local, wide = view.by_commune[commune_id]
        url = f"acteurs/commune/{commune_id}/"
        links = Links(url)
        name = view.commune_name(commune_id)
        title = f"{label('actors', lang)}{colon(lang)}{name}"
        back = f'<p><a href="{links("acteurs/")}">← {esc(label("all_actors", lang))}</a></p>'
        count = f'<p class="mg-count">{len(local) + len(wide)} {esc(label("actors_count", lang))}</p>'
        body = f"<h1>{text(title, lang)}</h1>{back}{count}{cards(view, links, local)}{wide_block(view, links, wide)}"
        yield Page(url, title, body)
    groups: list[tuple[str, str, str, list[Actor]]] = [
        ("commune", "tout-le-territoire", label("whole_territory", lang), view.territory_wide)
    ]
    getters: list[tuple[str, str, Callable[[Actor], list[str]]]] = [
        ("theme", "theme", view.actor_themes),
        ("audience", "public", view.actor_audiences),
    ]
    for vocabulary, folder, values in getters:
        for value in VOCABULARIES[vocabulary]:
            members = [a for a in view.actors if value in values(a)]
            groups.append((folder, value, term(vocabulary, value, lang), members))
    for folder, value, name, members in groups:
        url = f"acteurs/{folder}/{value}/"
        links = Links(url)
        title = f"{label('actors', lang)}{colon(lang)}{name}"
        back = f'<p><a href="{links("acteurs/")}">← {esc(label("all_actors", lang))}</a></p>'
        count = f'<p class="mg-count">{len(members)} {esc(label("actors_count", lang))}</p>'
        yield Page(url, title, f"<h1>{text(title, lang)}</h1>{back}{count}{cards(view, links, members)}")


def browse_links(view: SiteView, links: Links) -> str:
    """The no-JavaScript way in: lists by commune, theme and audience, with counts."""
    lang = view.lang
    blocks = []
    commune_items = []
    for commune_id in view.communes:
        n = sum(len(group) for group in view.by_commune[commune_id])
        commune_items.append(
            f'<li><a href="{links(f"acteurs/commune/{commune_id}/")}">{text(view.commune_name(commune_id), lang)}</a> ({n})</li>'
        )
    blocks.append((label("browse_by_commune", lang), commune_items))
    for vocabulary, folder, key, getter in (
        ("theme", "theme", "browse_by_theme", view.actor_themes),
        ("audience", "public", "browse_by_audience", view.actor_audiences),
    ):
        items = []
        for value in VOCABULARIES[vocabulary]:
            n = sum(1 for a in view.actors if value in getter(a))
            if n:
                items.append(
                    f'<li><a href="{links(f"acteurs/{folder}/{value}/")}">{esc(term(vocabulary, value, lang))}</a> ({n})</li>'
                )
        blocks.append((label(key, lang), items))
    return "".join(
        f'<details class="mg-browse"><summary>{esc(title)}</summary><ul class="mg-columns">{"".join(items)}</ul></details>'
        for title, items in blocks
    )


def filter_form(view: SiteView, facets: list[tuple[str, str, str, list[tuple[str, str, int]]]], toggles: bool) -> str:
    """Selects with counts, shown only where scripts run (html.mg-js, set in <head> before the
    page is drawn: no late layout shift); the static lists serve without them."""
    lang = view.lang
    fields = []
    for name, title, everything, options in facets:
        opts = "".join(
            f'<option value="{esc(value)}" data-label="{text(words, lang)}">{text(words, lang)} ({n})</option>'
            for value, words, n in options
        )
        fields.append(
            f'<label class="mg-field"><span>{esc(title)}</span><select name="{esc(name)}">'
            f'<option value="">{esc(everything)}</option>{opts}</select></label>'
        )
    if toggles:
        fields.append(
            f'<label class="mg-check"><input type="checkbox" name="open" value="now"> {esc(label("open_now", lang))}</label>'
            f'<label class="mg-check"><input type="checkbox" name="open" value="today"> {esc(label("open_today", lang))}</label>'
        )
    return (
        f'<form class="mg-filters" aria-label="{esc(label("filters", lang))}">{"".join(fields)}'
        f'<button type="reset" class="md-button">{esc(label("reset", lang))}</button></form>'
        f'<p class="mg-count" role="status" aria-live="polite"></p>'
    )


def directory_page(view: SiteView) -> Page:
    lang = view.lang
    url = "acteurs/"
    links = Links(url)

    def options(vocabulary: str, getter: Any) -> list[tuple[str, str, int]]:
        found = []
        for value in VOCABULARIES[vocabulary]:
            n = sum(1 for a in view.actors if value in getter(a))
            if n:
                found.append((value, term(vocabulary, value, lang), n))
        return found

    communes = [(c, view.commune_name(c), sum(len(group) for group in view.by_commune[c])) for c in view.communes]
    facets = [
        ("commune", label("commune", lang), label("all_communes", lang), communes),
        ("theme", label("theme", lang), label("all_themes", lang), options("theme", view.actor_themes)),
        ("audience", label("audience", lang), label("all_audiences", lang), options("audience", view.actor_audiences)),
        ("kind", label("kind", lang), label("all_kinds", lang), options("kind", lambda a: [a.kind])),
    ]
    body = (
        f'<div class="mg-directory" data-hours-url="{links("acteurs/horaires.json")}">'
        f"<h1>{esc(label('directory', lang))}</h1>"
        f"<noscript><p>{esc(label('nojs_filters', lang))}</p></noscript>"
        f"{filter_form(view, facets, toggles=True)}{browse_links(view, links)}"
        f'<p><a href="{links("imprimer/repertoire.pdf")}">{esc(label("booklet", lang))}</a></p>'
        f"<h2>{esc(label('actors', lang))}</h2>{cards(view, links, view.actors)}{audience_feeds(view)}</div>"
    )
    return Page(url, label("directory", lang), body)


def pages(view: SiteView) -> Iterator[Page]:
    yield directory_page(view)
    yield from listing_pages(view)
    for actor in view.actors:
        yield actor_page(view, actor)
