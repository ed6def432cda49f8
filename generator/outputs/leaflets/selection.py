"""What belongs on a commune's leaflet: its actors, its dated occurrences, its route stops.

Owns the queries over the Dataset and the one schedule (``RenderContext.occurrences``); it
never expands a rule itself. Dates are local and naive, as the schedule gives them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from ...models import Actor, Circuit, Event, Stop
from ...schedule import Occurrence, Series
from .. import RenderContext


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Dec + 2 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def serves(actor: Actor, commune: str) -> bool:
    """Does ``actor`` serve ``commune``: named in its area, area ``all``, or a location there."""
    return "all" in actor.area or commune in actor.area or any(loc.commune == commune for loc in actor.locations)


def actors_for(context: RenderContext, commune: str) -> list[Actor]:
    return [actor for _, actor in sorted(context.dataset.actors.items()) if serves(actor, commune)]


def village_communes(context: RenderContext) -> dict[str, str]:
    """Village id → commune id."""
    return {village.id: commune.id for commune in context.territory.communes for village in commune.villages}


def ends_after(occurrence: Occurrence, day: date) -> bool:
    """Is ``occurrence`` still on, or to come, on ``day``?"""
    end = occurrence.end or occurrence.start
    last = end.date() if isinstance(end, datetime) else end
    if not isinstance(end, datetime) and occurrence.end is not None:
        # an all-day occurrence's end is exclusive
        return last > day
    return last >= day


def in_period(occurrence: Occurrence, first: date, last: date) -> bool:
    """Does ``occurrence`` touch [first, last] (both inclusive)?"""
    return occurrence.day <= last and ends_after(occurrence, first)


@dataclass(frozen=True)
class EventOccurrence:
    """An occurrence of an event, with the event and the commune where it takes place."""

    occurrence: Occurrence
    event: Event
    commune: str | None


def occurrence_commune(context: RenderContext, occurrence: Occurrence) -> str | None:
    """Where a (possibly moved) event occurrence takes place: its place's or location's commune."""
    found = context.where(occurrence.place, occurrence.location)
    return found.commune if found is not None else None


def event_occurrences(context: RenderContext, first: date, last: date) -> list[EventOccurrence]:
    """Every event occurrence touching [first, last], in date order."""
    out = []
    for series in context.series:
        if series.kind != "event" or series.source_id not in context.dataset.events:
            continue
        event = context.dataset.events[series.source_id]
        for occurrence in context.occurrences.get(series.key, []):
            if in_period(occurrence, first, last):
                out.append(EventOccurrence(occurrence, event, occurrence_commune(context, occurrence)))
    return sorted(out, key=lambda e: e.occurrence.sort_key())


@dataclass(frozen=True)
class StopSeries:
    """One stop of a route, with its series key and its occurrences."""

    circuit: Circuit
    stop: Stop
    series: Series
    occurrences: list[Occurrence]


def route_stops(context: RenderContext, circuit: Circuit) -> list[StopSeries]:
    """The stops of ``circuit`` in route order, each with its occurrences from the schedule."""
    by_key = {s.stop_key: s for s in context.series if s.kind == "stop" and s.source_id == circuit.id}
    out = []
    for stop in circuit.stops:
        key = stop.id or stop.village
        series = by_key[key]
        out.append(StopSeries(circuit, stop, series, context.occurrences.get(series.key, [])))
    return out


def runs(stops: list[StopSeries], first: date, last: date) -> tuple[list[date], dict[date, str | None]]:
    """The route's scheduled days and its cancelled days (with the reason) in [first, last].

    A route runs or is cancelled as a whole, so its stops share these days; taking every
    stop's keeps a day that only some stops have.
    """
    scheduled: set[date] = set()
    cancelled: dict[date, str | None] = {}
    for stop in stops:
        for occurrence in stop.occurrences:
            if not first <= occurrence.day <= last:
                continue
            if occurrence.status == "scheduled":
                scheduled.add(occurrence.day)
            else:
                cancelled.setdefault(occurrence.day, occurrence.reason)
    return sorted(scheduled - set(cancelled)), dict(sorted(cancelled.items()))


def circuits_in(context: RenderContext, commune: str) -> list[tuple[Circuit, list[StopSeries]]]:
    """Each route that stops in ``commune``, with only those stops."""
    villages = village_communes(context)
    out = []
    for _, circuit in sorted(context.dataset.circuits.items()):
        stops = [s for s in route_stops(context, circuit) if villages.get(s.stop.village) == commune]
        if stops:
            out.append((circuit, stops))
    return out
