"""HTML fragments several page families share: agenda lines, subscribe links, maps, chips.

Each function returns a string of HTML in which every data value went through ``html.text``
or ``html.esc``; links are relative, made by the page's ``Links``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from ...models.vocabularies import VOCABULARIES
from ..qr import qr_svg
from .html import attrs, data_json, esc, tel_href, text
from .i18n import colon, label, long_date, span, term, upper_first
from .page import Links
from .view import AgendaItem, SiteView, Venue

# --- time on the visitor's clock ---------------------------------------------------------
# Pages are built once and read for days: everything dated carries its period in data-from /
# data-until (the territory's wall-clock time, "2026-12-02" or "2026-12-02T16:00"; data-until
# is exclusive), and maillage.js hides what is over, shows what is announced on its date and
# writes "aujourd'hui" / "demain" by the visitor's clock. The HTML alone says only absolute
# dates: without JavaScript nothing in it turns false with time.


def moment(value: date | datetime) -> str:
    """A date or a naive wall-clock datetime as the pages' data attributes write it."""
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()


def next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def item_until(item: AgendaItem) -> str:
    """When an agenda entry is over: its end, else the end of its first day."""
    if isinstance(item.end, datetime):
        return moment(item.end)
    if isinstance(item.end, date):
        return item.end.isoformat()  # exclusive already for all-day occurrences
    return next_day(item.day)


def timed(today: date, start: date | None = None, until: date | None = None, css: str = "") -> str:
    """Attributes of something shown from ``start`` to ``until`` (both days included),
    with the classes ``css``: not shown yet (class mg-gone) when it starts after ``today``."""
    later = "mg-gone" if start is not None and start > today else ""
    return attrs(
        class_=" ".join(c for c in (css, later) if c) or None,
        data_from=start.isoformat() if start else None,
        data_until=next_day(until) if until else None,
    )


def relative_day(day: date) -> str:
    """Where the script writes " (aujourd'hui)" or " (demain)" beside a day's heading."""
    return f'<span class="mg-rel" data-day="{day.isoformat()}"></span>'


def empty_line(words: str, shown: bool) -> str:
    """The sentence a dated list shows once nothing in it is still to come."""
    return f'<p class="mg-empty"{"" if shown else " hidden"}>{esc(words)}</p>'


def first_dates(entries: list[tuple[str, str]], show: int, empty: str) -> str:
    """The first ``show`` of ``entries`` (until, HTML) still to come, as an inline list: more
    are rendered, hidden (mg-more), for the script to bring forward as days go by."""
    items = "".join(
        f'<li class="mg-dated{" mg-lead" if n == 0 else ""}{" mg-more" if n >= show else ""}" data-until="{until}">{html}</li>'
        for n, (until, html) in enumerate(entries)
    )
    return f'<span class="mg-dates" data-show="{show}"><ul class="mg-datelist">{items}</ul>{empty_line(empty, not entries)}</span>'


def chips(vocabulary: str, values: Iterable[str], lang: str) -> str:
    items = "".join(f"<li>{esc(term(vocabulary, v, lang))}</li>" for v in values)
    return f'<ul class="mg-chips">{items}</ul>' if items else ""


def venue_text(view: SiteView, venue: Venue | None) -> str:
    """ "Salle du village, Rue de la Salle 2, 5374 Maffe (Havelange)"."""
    if venue is None:
        return ""
    parts = [p for p in (venue.name, venue.address) if p]
    commune = view.commune_name(venue.commune)
    village = view.village_name(venue.village)
    where = village if village and village != commune else ""
    place = ", ".join(parts) or where or commune
    return f"{place} ({commune})" if commune and commune not in place else place


def venue_html(view: SiteView, links: Links, venue: Venue | None) -> str:
    if venue is None:
        return ""
    words = text(venue_text(view, venue), view.lang)
    if venue.place_id:
        return f'<a href="{links(view.url("place", venue.place_id))}">{words}</a>'
    return words


def item_filters(item: AgendaItem) -> str:
    return attrs(
        data_commune=" ".join(item.communes),
        data_village=" ".join(item.villages),
        data_type=item.type,
        data_audience=" ".join(item.audiences),
    )


def status_badge(view: SiteView, item: AgendaItem) -> str:
    lang = view.lang
    if item.status == "cancelled":
        reason = f"{colon(lang)}{text(item.reason, lang)}" if item.reason else ""
        return f'<strong class="mg-badge mg-badge--cancelled">{esc(label("cancelled", lang))}</strong>{reason}'
    if item.status == "postponed":
        return f'<strong class="mg-badge mg-badge--moved">{esc(label("postponed", lang))}</strong>'
    if item.moved or item.note:
        note = f" {text(item.note, lang)}" if item.note else ""
        return f'<strong class="mg-badge mg-badge--moved">{esc(label("moved", lang))}</strong>{note}'
    return ""


def agenda_line(
    view: SiteView, links: Links, item: AgendaItem, with_date: bool = False, usual: Venue | None = None
) -> str:
    """One agenda entry as a list item, struck through and labelled when cancelled.

    ``usual``: on the event's own page, the date alone, and the place only when it differs."""
    lang = view.lang
    when = span(item.start, item.end, lang)
    if with_date:
        when = f"{upper_first(long_date(item.day, lang))}, {when}"
    href = links(view.url("route" if item.kind == "run" else "event", item.source_id))
    title = f'<a href="{href}">{text(item.title, lang)}</a>'
    if item.kind == "run":
        names = ", ".join(view.village_name(s.stop.village) for s in item.stops)
        where_html = text(f"{len(item.stops)} {label('route_day', lang)}{colon(lang)}{names}", lang)
        kind = term("circuit-type", item.type, lang)
    else:
        where_html = venue_html(view, links, item.venue)
        kind = term("event-type", item.type, lang)
    cancelled = item.status == "cancelled"
    body = f'<span class="mg-when">{esc(when)}</span> {title} <span class="mg-kind">{esc(kind)}</span>'
    if usual is not None:
        body = f'<span class="mg-when">{esc(when)}</span>'
        where_html = where_html if item.venue != usual else ""
    if cancelled:
        body = f"<s>{body}</s>"
    where_block = f'<br><span class="mg-where">{where_html}</span>' if where_html else ""
    badge = status_badge(view, item)
    badge_block = f' <span class="mg-status">{badge}</span>' if badge else ""
    css = "mg-item mg-dated mg-item--cancelled" if cancelled else "mg-item mg-dated"
    return (
        f'<li class="{css}"{item_filters(item)} data-until="{item_until(item)}">{body}{badge_block}{where_block}</li>'
    )


def agenda_days(
    view: SiteView,
    links: Links,
    items: list[AgendaItem],
    heading: str = "h3",
    anchor: str = "j-",
    empty: str = "no_upcoming",
    horizon: int = 0,
) -> str:
    """Items grouped under one heading per day, whose id is ``anchor`` and the date: a page
    with several lists gives each its own ``anchor``, so that no id is there twice.

    The script hides the days gone by, shows ``empty`` once
    nothing is left and, with ``horizon``, only the days before today + ``horizon`` (days
    after that are rendered for the days to come, hidden from the start)."""
    out = []
    for day, day_items in view.by_day(items):
        lines = "".join(agenda_line(view, links, i) for i in day_items)
        later = " mg-more" if horizon and day >= view.today + timedelta(days=horizon) else ""
        out.append(
            f'<section class="mg-day{later}" data-day="{day.isoformat()}"><{heading} id="{anchor}{day.isoformat()}">'
            f"{esc(upper_first(long_date(day, view.lang)))}{relative_day(day)}</{heading}>"
            f'<ul class="mg-items">{lines}</ul></section>'
        )
    shown = not any(i.day < view.today + timedelta(days=horizon) for i in items) if horizon else not items
    box = attrs(data_horizon=horizon or None)
    return f'<div class="mg-days"{box}>{"".join(out)}{empty_line(label(empty, view.lang), shown)}</div>'


def subscribe(view: SiteView, feed_path: str, name: str, qr: bool = False) -> str:
    """ICAL.md point 21: webcal, Google Calendar, the plain URL with a copy button, a caution;
    beside Google's, Outlook's subscription link; with ``qr``, the address as a QR code (to
    subscribe a phone from a screen or a printed page)."""
    lang = view.lang
    https_url = view.absolute(feed_path)
    webcal = "webcal://" + https_url.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal}, safe=":/")
    outlook = "https://outlook.live.com/calendar/0/addfromweb?" + urlencode({"url": https_url, "name": name})
    heading = f"{label('subscribe', lang)}{colon(lang)}{name}"
    code = (
        f'<figure class="mg-qr"><div role="img" aria-label="{esc(label("qr_of", lang))} {esc(https_url)}">'
        f'{qr_svg(https_url, scalable=True)}</div><figcaption class="mg-small">{esc(label("qr_caption", lang))}</figcaption></figure>'
        if qr
        else ""
    )
    return (
        f'<section class="mg-subscribe" aria-label="{text(heading, lang)}">'
        f'<p class="mg-subscribe__title">{text(heading, lang)}</p>{code}<ul>'
        f'<li><a href="{esc(webcal)}">{esc(label("subscribe_webcal", lang))}</a></li>'
        f'<li><a href="{esc(google)}" rel="nofollow">{esc(label("subscribe_google", lang))}</a></li>'
        f'<li><a href="{esc(outlook)}" rel="nofollow">{esc(label("subscribe_outlook", lang))}</a></li>'
        f'<li><a href="{esc(https_url)}">{esc(label("subscribe_url", lang))}</a> '
        f'<code class="mg-url">{esc(https_url)}</code> '
        f'<button type="button" class="mg-copy" data-copy="{esc(https_url)}" hidden>{esc(label("subscribe_copy", lang))}</button></li>'
        f'</ul><p class="mg-small">{esc(label("subscribe_note", lang))}</p></section>'
    )


def feed_family(view: SiteView, family: str, values: list[tuple[str, str]], title: str) -> str:
    """A folded list of one family's feeds (one per type, one per audience…), each with its
    whole subscription block, folded under its name."""
    lang = view.lang
    items = "".join(
        f'<details class="mg-village-feed"><summary>{text(name, lang)}</summary>{subscribe(view, view.feed(family, value), name)}</details>'
        for value, name in values
    )
    return f'<details class="mg-browse mg-feeds"><summary>{esc(title)}</summary>{items}</details>' if items else ""


def type_feeds(view: SiteView) -> str:
    """One feed per kind of activity (the event and circuit types share the family)."""
    lang = view.lang
    values = sorted(set(VOCABULARIES["event-type"]) | set(VOCABULARIES["circuit-type"]))
    names = [
        (v, term("event-type", v, lang) if v in VOCABULARIES["event-type"] else term("circuit-type", v, lang))
        for v in values
    ]
    return feed_family(view, "type", sorted(names, key=lambda x: x[1]), label("feeds_by_type", lang))


def audience_feeds(view: SiteView) -> str:
    lang = view.lang
    names = [(a, term("audience", a, lang)) for a in VOCABULARIES["audience"]]
    return feed_family(view, "public", names, label("feeds_by_audience", lang))


def osm_link(geo: tuple[float, float]) -> str:
    lat, lon = geo
    return f"https://www.openstreetmap.org/?{quote(f'mlat={lat:.5f}&mlon={lon:.5f}', safe='=&')}#map=17/{lat:.5f}/{lon:.5f}"


def map_block(view: SiteView, links: Links, points: list[dict[str, Any]], data_url: str | None = None) -> str:
    """A map that loads nothing until the visitor asks; OpenStreetMap links before that.

    ``points``: dicts with lat, lon, name and url (site-relative); with ``data_url`` the
    points come from that JSON file instead (large maps), and no list is printed."""
    lang = view.lang
    extra = view.context.settings.get("extra", {})
    tiles = str(extra.get("map_tiles") or "")
    attribution = str(extra.get("map_attribution") or "")
    if not tiles or (not points and not data_url):
        return ""
    listed = [{**p, "url": links(p["url"]) if p.get("url") else ""} for p in points]
    data = attrs(
        data_tiles=tiles,
        data_attribution=attribution,
        data_leaflet=links("assets/vendor/leaflet/"),
        data_points_url=links(data_url) if data_url else None,
        data_base=links(""),
    )
    raw_points = f' data-points="{data_json(listed)}"' if not data_url else ""
    items = "".join(
        f'<li>{text(p["name"], lang)} — <a href="{esc(osm_link((p["lat"], p["lon"])))}">{esc(label("osm_link", lang))}</a></li>'
        for p in points
    )
    listing = f'<ul class="mg-map__links">{items}</ul>' if items and not data_url else ""
    return (
        f'<div class="mg-map"{data}{raw_points}>'
        f'<p><button type="button" class="md-button mg-map__show" hidden>{esc(label("show_map", lang))}</button> '
        f'<span class="mg-small">{esc(label("map_note", lang))}</span></p>'
        f'<p class="mg-map__status mg-small" role="status" aria-live="polite"></p>'
        f'<div class="mg-map__canvas" hidden></div>{listing}</div>'
    )


def contact_list(
    view: SiteView, contact: Any = None, phone: str | None = None, email: str | None = None, website: str | None = None
) -> str:
    """Phone (``tel:``), e-mail (``mailto:``) and website links, from a Contact or given one by one."""
    if contact is not None:
        phone, email, website = contact.phone, contact.email, contact.website
    lang = view.lang
    rows = []
    if phone:
        rows.append(
            f'<li>{esc(label("phone", lang))}{colon(lang)}<a href="{esc(tel_href(phone, view.country))}">{esc(phone)}</a></li>'
        )
    if email:
        rows.append(f'<li>{esc(label("email", lang))}{colon(lang)}<a href="mailto:{esc(email)}">{esc(email)}</a></li>')
    if website:
        rows.append(
            f'<li>{esc(label("website", lang))}{colon(lang)}<a href="{esc(website)}" rel="nofollow">{esc(website)}</a></li>'
        )
    return f'<ul class="mg-contact">{"".join(rows)}</ul>' if rows else ""


def section(title: str, body: str, section_id: str = "") -> str:
    if not body:
        return ""
    ident = f' id="{esc(section_id)}"' if section_id else ""
    return f"<section><h2{ident}>{esc(title)}</h2>{body}</section>"


def day_iso(day: date) -> str:
    return day.isoformat()


def correction_links(view: SiteView, kind: str, item_id: str, name: str, page_url: str) -> list[str]:
    """ "Proposer une modification" (the entry's form in the editor, /admin/), "modifier le
    fichier texte" (the data file's edit page in the repository, when there is one) and
    "Signaler une erreur" (an e-mail pre-filled with the page and the file, for everyone
    without an account; the address is ``extra.report_error_email``)."""
    lang = view.lang
    form = Links(page_url)(f"admin/#/collections/{kind}/entries/{item_id}")
    out = [f'<a href="{form}">{esc(label("suggest_edit", lang))}</a>']
    edit = view.edit_url(kind, item_id)
    if edit:
        out.append(f'<a href="{esc(edit)}">{esc(label("edit_file", lang))}</a>')
    report = str(view.context.settings.get("extra", {}).get("report_error_email") or "").strip()
    if report:
        source = view.dataset.sources.get((kind, item_id))
        file = f"data/{kind}/{source.path.name if source is not None else item_id + '.yaml'}"
        subject = f"{label('report_error_subject', lang)}{colon(lang)}{name}"
        body = (
            f"{label('page', lang)}{colon(lang)}{view.absolute(page_url)}\n{label('file', lang)}{colon(lang)}{file}\n\n"
        )
        query = urlencode({"subject": subject, "body": body}, quote_via=quote)
        out.append(f'<a href="mailto:{quote(report, safe="@")}?{esc(query)}">{esc(label("report_error", lang))}</a>')
    return out


def correction_footer(view: SiteView, kind: str, item_id: str, name: str, page_url: str) -> str:
    links = correction_links(view, kind, item_id, name, page_url)
    return f'<footer class="mg-verified"><p>{" · ".join(links)}</p></footer>' if links else ""
