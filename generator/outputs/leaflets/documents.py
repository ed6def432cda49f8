"""The three printed documents as JSON-ready data: a commune's leaflet, the directory booklet,
a route's poster. The templates of the same names lay them out.

Owns what each document holds and in which order; the wording of each entity is
``pieces``'s, the choice of entities ``selection``'s.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from ...models import Actor, Circuit, Commune
from ...models.series import PUBLIC_HOLIDAYS
from ...models.vocabularies import CIRCUIT_TYPES, THEMES
from .needs import NEED_OF_THEME, NEEDS
from .pieces import Pieces, unbroken
from .selection import StopSeries, months_later, runs

AGENDA_MONTHS = 2


@lru_cache(maxsize=65536)  # the same names sort on every commune's leaflet
def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it: accents and case do not count."""
    stripped = unicodedata.normalize("NFKD", text)
    return "".join(c for c in stripped if not unicodedata.combining(c)).casefold()


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def by_need(pieces: Pieces, actors: list[Actor], commune: str | None, first: date, last: date) -> list[dict[str, Any]]:
    """Each need with the actors whose first theme it gathers, and the others it concerns."""
    groups: list[dict[str, Any]] = []
    for need in NEEDS:
        # by identity: comparing actors by value (pydantic's ==) made this quadratic
        here = [a for a in actors if NEED_OF_THEME[a.themes[0]] is need]
        also = [
            a
            for a in actors
            if NEED_OF_THEME[a.themes[0]] is not need and any(NEED_OF_THEME[t] is need for t in a.themes)
        ]
        if not here and not also:
            continue
        entries: list[dict[str, Any]] = [pieces.actor(a, commune, first, last) for a in here]
        see_also: list[str] = sorted((pieces.text(a.name) for a in also), key=sort_key)
        groups.append(
            {
                "title": need.label(pieces.lang),
                "actors": sorted(entries, key=lambda e: sort_key(e["name"])),
                "see_also": see_also,
                "see_also_label": pieces.words("see_also"),
            }
        )
    return groups


def route_summary(pieces: Pieces, circuit: Circuit, stops: list[StopSeries], first: date, last: date) -> dict[str, Any]:
    """A route as a commune's leaflet shows it: its rhythm, its stops there, its next days."""
    words = pieces.words
    villages = pieces.village_names
    scheduled, cancelled = runs(stops, first, last)
    rhythm = words.rule(circuit.repeat)
    # the weekday goes on every stop's line, so that a stop read on its own (the list may go
    # over the page, away from the route's name) still says which day the van comes
    weekday = words.weekdays([o.day for s in stops for o in s.occurrences if o.status == "scheduled"])
    if rhythm:
        upcoming = words.days_list(scheduled)
    else:
        # no rhythm in words (« le 5 de chaque mois »): each date says its weekday
        upcoming = ", ".join(words.long_date(day, year=day.year != first.year) for day in scheduled)
    return {
        "name": pieces.text(circuit.name),
        "kind": capital(CIRCUIT_TYPES[circuit.type].label(pieces.lang)),
        "rhythm": capital(rhythm) if rhythm else "",
        "contact": _route_contact(pieces, circuit),
        "stops": [
            {
                "village": villages.get(s.stop.village, s.stop.village),
                "where": s.stop.where,
                "time": ", ".join(x for x in (weekday, words.span(s.stop.arrive, s.stop.leave)) if x),
            }
            for s in stops
        ],
        "next": words("next_runs") + upcoming if scheduled else "",
        "cancelled": [
            f"{words('no_run')} {words('on_day')}{_cancelled_run(pieces, day, reason, first)}"
            for day, reason in cancelled.items()
        ],
        "cancelled_days": [_cancelled_run(pieces, day, reason, first) for day, reason in cancelled.items()],
        "holidays": words("no_run_holidays") if PUBLIC_HOLIDAYS in circuit.skip else "",
    }


def _cancelled_run(pieces: Pieces, day: date, reason: str | None, first: date) -> str:
    """« mardi 29 décembre : Véhicule en entretien »."""
    label = pieces.words.long_date(day, year=day.year != first.year)
    if not reason:
        return label
    return f"{label} : {reason}" if pieces.lang == "fr" else f"{label}: {reason}"


def _route_contact(pieces: Pieces, circuit: Circuit, label: str = "operator") -> str:
    operator = pieces.context.dataset.actors.get(circuit.operator)
    contact = circuit.contact or (operator.contact if operator is not None else None)
    name = pieces.text(operator.name) if operator is not None else circuit.operator
    phone = unbroken(contact.phone) if contact is not None and contact.phone else ""
    return pieces.words(label) + name + (f" · {pieces.words('phone')}{phone}" if phone else "")


def commune_leaflet(pieces: Pieces, commune: Commune) -> dict[str, Any]:
    """Everything for one commune: helpline, actors by need, two months of agenda, route stops."""
    words, context = pieces.words, pieces.context
    first, last = context.today, months_later(context.today, AGENDA_MONTHS)
    name = pieces.text(commune.name)
    days: list[dict[str, Any]] = []
    activities: dict[str, dict[str, Any]] = {}
    for item in pieces.occurrences_in(commune.id, first, last):
        if item.event.id not in activities:
            activities[item.event.id] = pieces.activity(item.event)
        label = words.long_date(item.occurrence.day, year=item.occurrence.day.year != first.year)
        if not days or days[-1]["date"] != label:
            days.append({"date": label, "items": []})
        days[-1]["items"].append(pieces.occurrence(item))
    routes = [route_summary(pieces, circuit, stops, first, last) for circuit, stops in pieces.circuits_in(commune.id)]
    return {
        **pieces.header(f"{name} – {words('guide')}"),
        "commune": name,
        "subtitle": words("guide"),
        "contents_title": words("contents"),
        "services_title": words("services"),
        "needs": by_need(pieces, pieces.actors_for(commune.id), commune.id, first, last),
        "agenda_title": words("agenda"),
        "agenda_period": words("agenda_period", first=words.long_date(first), last=words.long_date(last)),
        "agenda": days,
        "agenda_empty": words("agenda_empty"),
        "activities_title": words("activities"),
        "activities": sorted(activities.values(), key=lambda a: sort_key(a["title"])),
        "routes_title": words("routes"),
        "routes": routes,
        "routes_empty": words("routes_empty"),
        "notes_title": words("notes"),
        "more_title": words("more"),
        "qr": [
            pieces.qr(f"communes/{commune.id}/", words("qr_commune", commune=name)),
            pieces.qr(f"calendriers/commune/{commune.id}.ics", words("qr_feed", commune=name)),
        ],
    }


def directory(pieces: Pieces) -> dict[str, Any]:
    """The whole directory: actors by need, then indexes by theme and by commune."""
    words, context = pieces.words, pieces.context
    actors = pieces.sorted_actors
    first, last = context.today, months_later(context.today, AGENDA_MONTHS)

    def refs(selected: list[Actor]) -> list[dict[str, str]]:
        return sorted(({"id": a.id, "name": pieces.text(a.name)} for a in selected), key=lambda r: sort_key(r["name"]))

    themes = [
        {"title": capital(term.label(pieces.lang)), "actors": refs([a for a in actors if value in a.themes])}
        for value, term in THEMES.items()
    ]
    # each actor's communes once (named in its area or where it has a place), not every pair
    in_commune: dict[str, list[Actor]] = {commune.id: [] for commune in context.territory.communes}
    for actor in actors:
        for commune_id in set(actor.area) | {loc.commune for loc in actor.locations}:
            if commune_id in in_commune:
                in_commune[commune_id].append(actor)
    communes = [
        {"title": pieces.text(commune.name), "actors": refs(in_commune[commune.id])}
        for commune in context.territory.communes
    ]
    communes.append({"title": words("whole_territory"), "actors": refs([a for a in actors if "all" in a.area])})
    territory = pieces.text(context.territory.name)
    return {
        **pieces.header(f"{words('directory')} – {territory}"),
        "heading": words("directory"),
        "contents_title": words("contents"),
        "needs": by_need(pieces, actors, None, first, last),
        "index_themes_title": words("index_themes"),
        "index_themes": [t for t in themes if t["actors"]],
        "index_communes_title": words("index_communes"),
        "index_communes": [c for c in communes if c["actors"]],
        "more_title": words("more"),
        "qr": [pieces.qr("acteurs/", words("qr_directory"))],
    }


def route_poster(pieces: Pieces, circuit: Circuit) -> dict[str, Any]:
    """A route's timetable for a village noticeboard, with its cancelled runs to come."""
    words, context = pieces.words, pieces.context
    stops = pieces.route_stops(circuit)
    summary = route_summary(pieces, circuit, stops, context.today, context.window.last)
    communes = {c.id: pieces.text(c.name) for c in context.territory.communes}
    village_commune = pieces.village_communes
    period = (
        words(
            "period",
            first=words.long_date(circuit.start, weekday=False),
            last=words.long_date(circuit.until, weekday=False),
        )
        if circuit.until
        else words("period_open", first=words.long_date(circuit.start, weekday=False))
    )
    rows = [
        {
            "time": words.short_span(s.stop.arrive, s.stop.leave),
            "village": row["village"],
            "commune": communes.get(village_commune.get(s.stop.village, ""), ""),
            "where": s.stop.where,
        }
        for s, row in zip(stops, summary["stops"], strict=True)
    ]
    name = pieces.text(circuit.name)
    # a rhythm such as « un mercredi sur deux » needs its dates: those of the next three months
    upcoming = route_summary(pieces, circuit, stops, context.today, months_later(context.today, 3))["next"]
    return {
        **pieces.header(name),
        "next": upcoming,
        "name": name,
        "kind": summary["kind"],
        "rhythm": capital(", ".join(x for x in (summary["rhythm"], period) if x)),
        "summary": pieces.text(circuit.summary),
        "contact": _route_contact(pieces, circuit, "route_contact"),
        "columns": [words("time"), words("village"), words("stop")],
        "rows": rows,
        "no_run_title": words("no_run"),
        # under the box's title « Pas de passage », each line is a date and its reason
        "cancelled": summary["cancelled_days"] or [words("no_cancelled")],
        "holidays": summary["holidays"],
        "qr": [
            pieces.qr(f"tournees/{circuit.id}/", words("qr_route")),
            pieces.qr(f"calendriers/tournee/{circuit.id}.ics", words("qr_route_feed")),
        ],
    }
