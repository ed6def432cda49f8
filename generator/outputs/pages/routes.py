"""Itinerant routes: ``/tournees/`` and one page per route at ``/tournees/<id>/`` with its
timetable (stops × times), its next runs (cancellations shown), its stops on a map."""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Circuit
from .actors import sentence
from .blocks import correction_footer, empty_line, item_until, map_block, relative_day, section, status_badge, subscribe
from .html import esc, markdown, text
from .i18n import clock, colon, label, long_date, term, upper_first
from .page import Links, Page
from .view import SiteView

NEXT_RUNS = 8
NEXT_RUNS_AHEAD = 24  # rendered, for the script to show the next eight as days go by


def _timetable(view: SiteView, links: Links, circuit: Circuit) -> str:
    lang = view.lang
    rows = []
    for stop in circuit.stops:
        commune = view.villages[stop.village][1] if stop.village in view.villages else ""
        village = (
            f'<a href="{links(view.url("commune", commune))}">{text(view.village_name(stop.village), lang)}</a>'
            if commune
            else text(stop.village, lang)
        )
        times = f"{clock(stop.arrive, lang)} – {clock(stop.leave, lang)}"
        rows.append(f'<tr><td>{esc(times)}</td><th scope="row">{village}</th><td>{text(stop.where, lang)}</td></tr>')
    head = f'<tr><th scope="col">{esc(label("time", lang))}</th><th scope="col">{esc(label("village", lang))}</th><th scope="col">{esc(label("where", lang))}</th></tr>'
    return f'<div class="md-typeset__scrollwrap mg-scroll" role="region" tabindex="0" aria-label="{esc(label("timetable", view.lang))}"><div class="md-typeset__table"><table class="mg-timetable"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div></div>'


def _next_runs(view: SiteView, circuit: Circuit) -> str:
    lang = view.lang
    runs = view.circuit_runs(circuit)[:NEXT_RUNS_AHEAD]
    rows = []
    for n, run in enumerate(runs):
        day = esc(upper_first(long_date(run.day, lang))) + relative_day(run.day)
        badge = status_badge(view, run)
        more = " mg-more" if n >= NEXT_RUNS else ""
        until = f' data-until="{item_until(run)}"'
        if run.status == "cancelled":
            rows.append(f'<li class="mg-item mg-dated mg-item--cancelled{more}"{until}><s>{day}</s> {badge}</li>')
        else:
            rows.append(f'<li class="mg-item mg-dated{more}"{until}>{day}{(" " + badge) if badge else ""}</li>')
    return (
        f'<div data-show="{NEXT_RUNS}"><ul class="mg-items">{"".join(rows)}</ul>'
        f"{empty_line(label('no_upcoming', lang), not runs)}</div>"
    )


def route_filters(view: SiteView, circuit: Circuit) -> str:
    lang = view.lang
    communes = dict.fromkeys(view.villages[s.village][1] for s in circuit.stops if s.village in view.villages)
    spans = [f'<span data-pagefind-filter="type:{esc(label("type_route", lang))}"></span>']
    spans += [f'<span data-pagefind-filter="commune:{esc(view.commune_name(c))}"></span>' for c in communes]
    spans += [
        f'<span data-pagefind-filter="audience:{esc(term("audience", a, lang))}"></span>' for a in circuit.audiences
    ]
    return "".join(spans)


def route_page(view: SiteView, circuit: Circuit) -> Page:
    lang = view.lang
    url = view.url("route", circuit.id)
    links = Links(url)
    name = view.t(circuit.name)
    operator = view.dataset.actors.get(circuit.operator)
    operator_html = (
        f'<p>{esc(label("operator", lang))}{colon(lang)}<a href="{links(view.url("actor", circuit.operator))}">{text(view.t(operator.name), lang)}</a></p>'
        if operator
        else ""
    )
    points = []
    for stop in circuit.stops:
        geo = view.stop_geo(stop)
        if geo is not None:
            words = f"{clock(stop.arrive, lang)} · {view.village_name(stop.village)}, {stop.where}"
            points.append({"lat": geo[0], "lon": geo[1], "name": words, "url": ""})
    body = [
        f'<article class="mg-route" data-pagefind-body>{route_filters(view, circuit)}',
        f"<h1>{text(name, lang)}</h1>",
        f'<p class="mg-kind">{esc(sentence(term("circuit-type", circuit.type, lang)))}</p>',
        f'<p class="mg-lead">{text(view.t(circuit.summary), lang)}</p>',
        operator_html,
        section(label("timetable", lang), _timetable(view, links, circuit), "horaires"),
        section(label("next_runs", lang), _next_runs(view, circuit), "passages"),
        f'<p><a href="{links(f"imprimer/tournee-{circuit.id}.pdf")}">{esc(label("poster", lang))}</a></p>',
        markdown(view.t(circuit.description), lang) if circuit.description else "",
        section(label("stops", lang), map_block(view, links, points), "carte"),
        subscribe(view, view.feed("tournee", circuit.id), name, qr=True),
        correction_footer(view, "circuits", circuit.id, name, url),
        "</article>",
    ]
    return Page(url, name, "".join(body), view.t(circuit.summary))


def routes_index(view: SiteView) -> Page:
    lang = view.lang
    url = view.url("route")
    links = Links(url)
    rows = []
    for circuit in sorted(view.dataset.circuits.values(), key=lambda c: c.id):
        villages = ", ".join(dict.fromkeys(view.village_name(s.village) for s in circuit.stops))
        rows.append(
            f'<li class="mg-card"><h2><a href="{links(view.url("route", circuit.id))}">{text(view.t(circuit.name), lang)}</a></h2>'
            f'<p>{text(view.t(circuit.summary), lang)}</p><p class="mg-small">{text(villages, lang)}</p></li>'
        )
    body = f'<h1>{esc(label("routes", lang))}</h1><ul class="mg-cards">{"".join(rows)}</ul>'
    return Page(url, label("routes", lang), body)


def pages(view: SiteView) -> Iterator[Page]:
    yield routes_index(view)
    for circuit in sorted(view.dataset.circuits.values(), key=lambda c: c.id):
        yield route_page(view, circuit)
