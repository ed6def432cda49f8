"""The site as its pages see it: lookups and groupings derived once from the Dataset.

Pages never walk the raw Dataset themselves: they ask this view for "the actors serving
Havelange", "the agenda items of 3 December", "where this occurrence takes place". Every
date comes from ``RenderContext.occurrences`` (the one schedule); circuit stops of the same
route on the same day are grouped into one *run*. URLs of the contract (CONTRACT.md §3) are
built here and nowhere else.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from ...hours import WeekHours, read_hours
from ...models import Actor, Circuit, Commune, Event, Location, Place, Stop, Village
from ...models.types import text_in
from ...schedule import Occurrence, stop_key
from .. import RenderContext
from .i18n import UI_LANGUAGES


def sort_key(text: str) -> str:
    """Alphabetical order as people expect it: accents and case ignored ("Épicerie" under E)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class Venue:
    """Where something happens, resolved from a place id, an inline location or a stop."""

    name: str
    address: str
    commune: str
    village: str | None
    geo: tuple[float, float] | None
    place_id: str | None = None


@dataclass(frozen=True)
class RunStop:
    """One stop of a run: the stop, its occurrence that day."""

    stop: Stop
    occurrence: Occurrence


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda: an event occurrence, or a route's run on one day."""

    day: date
    start: date | datetime
    end: date | datetime | None
    kind: str  # "event" | "run"
    source_id: str
    title: str
    type: str  # event type or circuit type
    audiences: tuple[str, ...]
    communes: tuple[str, ...]
    villages: tuple[str, ...]
    status: str
    reason: str | None = None
    note: str | None = None
    moved: bool = False
    venue: Venue | None = None
    stops: tuple[RunStop, ...] = field(default_factory=tuple)


class SiteView:
    """Derived lookups over one RenderContext (built once per build)."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.dataset = context.dataset
        self.territory = context.territory
        self.today = context.today
        # The interface speaks the first of the territory's languages it has words for (a
        # Dutch-first territory that also lists French gets French labels), else English.
        self.lang = next((lang for lang in self.territory.languages if lang in UI_LANGUAGES), "en")
        self.country = self.territory.country
        self.communes: dict[str, Commune] = {c.id: c for c in self.territory.communes}
        self.villages: dict[str, tuple[Village, str]] = {
            v.id: (v, c.id) for c in self.territory.communes for v in c.villages
        }
        # Pages ask the same questions many times (every listing shows the same cards).
        self._communes: dict[str, list[str]] = {}
        self._runs: dict[tuple[str, bool], list[AgendaItem]] = {}
        self._items: dict[tuple[str, bool], list[AgendaItem]] = {}
        self.cards: dict[tuple[str, str], str] = {}  # (actor id, link prefix) → card HTML

    # --- words -------------------------------------------------------------------------

    def t(self, value: str | dict[str, str] | None) -> str:
        """A translatable field in the site language (else the territory's first language)."""
        return text_in(value, self.lang, self.territory.default_language)

    def commune_name(self, commune_id: str) -> str:
        commune = self.communes.get(commune_id)
        return self.t(commune.name) if commune else commune_id

    def village_name(self, village_id: str | None) -> str:
        if village_id is None or village_id not in self.villages:
            return ""
        return self.t(self.villages[village_id][0].name)

    # --- urls (CONTRACT.md §3) ---------------------------------------------------------

    @staticmethod
    def url(kind: str, item_id: str = "") -> str:
        folders = {
            "actor": "acteurs",
            "event": "evenements",
            "commune": "communes",
            "route": "tournees",
            "place": "lieux",
            "notice": "avis",
            "need": "besoins",
        }
        return f"{folders[kind]}/{item_id}/" if item_id else f"{folders[kind]}/"

    def feed(self, family: str, item_id: str = "") -> str:
        """A feed's site-relative path: ``calendriers/commune/ciney.ics``."""
        return f"calendriers/{family}/{item_id}.ics" if item_id else f"calendriers/{family}.ics"

    def absolute(self, path: str) -> str:
        return self.context.site_url + path

    def edit_url(self, kind: str, item_id: str) -> str:
        source = self.dataset.sources.get((kind, item_id))
        name = source.path.name if source is not None else f"{item_id}.yaml"
        repo = str(self.context.settings.get("repo_url") or "").rstrip("/")
        if not repo:
            return ""
        edit_uri = str(self.context.settings.get("edit_uri") or "edit/main/").strip("/")
        return f"{repo}/{edit_uri}/data/{kind}/{name}"

    # --- actors ------------------------------------------------------------------------

    @cached_property
    def actors(self) -> list[Actor]:
        return sorted(self.dataset.actors.values(), key=lambda a: (sort_key(self.t(a.name)), a.id))

    def actor_communes(self, actor: Actor) -> list[str]:
        """The communes an actor serves: its area, plus where it receives people."""
        if actor.id not in self._communes:
            found = set(self.communes) if "all" in actor.area else set(actor.area)
            found.update(loc.commune for loc in actor.locations)
            self._communes[actor.id] = [c for c in self.communes if c in found]
        return self._communes[actor.id]

    @cached_property
    def by_commune(self) -> dict[str, tuple[list[Actor], list[Actor]]]:
        """Commune → (actors named in its area or receiving people there, territory-wide ones)."""
        found: dict[str, tuple[list[Actor], list[Actor]]] = {c: ([], []) for c in self.communes}
        for actor in self.actors:
            local = {loc.commune for loc in actor.locations} | {c for c in actor.area if c in found}
            for commune_id in local:
                found[commune_id][0].append(actor)
            if "all" in actor.area:
                for commune_id, (_, wide) in found.items():
                    if commune_id not in local:
                        wide.append(actor)
        return found

    @cached_property
    def territory_wide(self) -> list[Actor]:
        return [a for a in self.actors if "all" in a.area]

    def actor_themes(self, actor: Actor) -> list[str]:
        """The actor's themes, then its services' others, in order of appearance."""
        return _in_order(actor.themes, *(s.themes or [] for s in actor.services))

    def actor_audiences(self, actor: Actor) -> list[str]:
        """The actor's audiences, then its services' others, in order of appearance."""
        return _in_order(actor.audiences, *(s.audiences or [] for s in actor.services))

    def hours(self, text: str) -> WeekHours:
        return read_hours(text, self.country, self.today)

    def location_closures(self, actor: Actor) -> list[tuple[date, date]]:
        return [(c.from_, c.until) for c in actor.closures]

    def announced_closures(self, actor: Actor) -> list[Any]:
        """Closures shown as a banner: from 15 days before their first day to their last."""
        return [c for c in actor.closures if c.from_ - timedelta(days=15) <= self.today <= c.until]

    @cached_property
    def events_by_actor(self) -> dict[str, list[Event]]:
        found: dict[str, list[Event]] = defaultdict(list)
        for event in sorted(self.dataset.events.values(), key=lambda e: e.id):
            for organizer in event.organizers:
                found[organizer].append(event)
        return found

    @cached_property
    def circuits_by_actor(self) -> dict[str, list[Circuit]]:
        found: dict[str, list[Circuit]] = defaultdict(list)
        for circuit in sorted(self.dataset.circuits.values(), key=lambda c: c.id):
            found[circuit.operator].append(circuit)
        return found

    # --- places ------------------------------------------------------------------------

    def place_venue(self, place: Place) -> Venue:
        return Venue(self.t(place.name), place.address, place.commune, place.village, place.geo, place.id)

    def venue(self, place_id: str | None, location: Any) -> Venue | None:
        """Where it is, as the schedule resolves it for every output (``schedule.where``)."""
        found = self.context.where(place_id, location)
        if found is None:
            return None
        name = found.title(self.lang, self.territory.default_language)
        address = text_in(found.address, self.lang, self.territory.default_language) if found.address else ""
        return Venue(name, address, found.commune, found.village, found.geo, found.place)

    def event_venue(self, event: Event) -> Venue | None:
        return self.venue(event.place, event.location)

    def location_venue(self, location: Location) -> Venue:
        return Venue(location.name or "", location.address, location.commune, location.village, location.geo)

    def stop_geo(self, stop: Stop) -> tuple[float, float] | None:
        if stop.geo is not None:
            return stop.geo
        village = self.villages.get(stop.village)
        return village[0].geo if village else None

    # --- occurrences -------------------------------------------------------------------

    def occurrences(self, key: str) -> list[Occurrence]:
        return self.context.occurrences.get(key, [])

    def upcoming(self, key: str) -> list[Occurrence]:
        return [o for o in self.occurrences(key) if _last_day(o) >= self.today]

    def event_items(self, event: Event, upcoming_only: bool = True) -> list[AgendaItem]:
        if (event.id, upcoming_only) not in self._items:
            self._items[(event.id, upcoming_only)] = self._event_items(event, upcoming_only)
        return self._items[(event.id, upcoming_only)]

    def _event_items(self, event: Event, upcoming_only: bool) -> list[AgendaItem]:
        key = f"evenement-{event.id}"
        occurrences = self.upcoming(key) if upcoming_only else self.occurrences(key)
        items = []
        for occurrence in occurrences:
            venue = self.venue(occurrence.place, occurrence.location) or self.event_venue(event)
            items.append(
                AgendaItem(
                    day=occurrence.day,
                    start=occurrence.start,
                    end=occurrence.end,
                    kind="event",
                    source_id=event.id,
                    title=self.t(event.title),
                    type=str(event.type),
                    audiences=tuple(event.audiences),
                    communes=(venue.commune,) if venue else (),
                    villages=(venue.village,) if venue and venue.village else (),
                    status=occurrence.status,
                    reason=occurrence.reason,
                    note=occurrence.note,
                    moved=occurrence.moved,
                    venue=venue,
                )
            )
        return items

    def circuit_runs(self, circuit: Circuit, upcoming_only: bool = True) -> list[AgendaItem]:
        """The route's runs: its stops' occurrences grouped by day, in route order."""
        if (circuit.id, upcoming_only) not in self._runs:
            self._runs[(circuit.id, upcoming_only)] = self._circuit_runs(circuit, upcoming_only)
        return self._runs[(circuit.id, upcoming_only)]

    def _circuit_runs(self, circuit: Circuit, upcoming_only: bool) -> list[AgendaItem]:
        by_day: dict[date, list[RunStop]] = defaultdict(list)
        for stop in circuit.stops:
            key = f"tournee-{circuit.id}-{stop_key(stop)}"
            occurrences = self.upcoming(key) if upcoming_only else self.occurrences(key)
            for occurrence in occurrences:
                by_day[occurrence.day].append(RunStop(stop, occurrence))
        runs = []
        for day, stops in sorted(by_day.items()):
            statuses = {s.occurrence.status for s in stops}
            status = "cancelled" if statuses == {"cancelled"} else "scheduled"
            villages = tuple(dict.fromkeys(s.stop.village for s in stops))
            communes = tuple(dict.fromkeys(self.villages[v][1] for v in villages if v in self.villages))
            runs.append(
                AgendaItem(
                    day=day,
                    start=stops[0].occurrence.start,
                    end=stops[-1].occurrence.end,
                    kind="run",
                    source_id=circuit.id,
                    title=self.t(circuit.name),
                    type=str(circuit.type),
                    audiences=tuple(circuit.audiences),
                    communes=communes,
                    villages=villages,
                    status=status,
                    reason=next((s.occurrence.reason for s in stops if s.occurrence.reason), None),
                    stops=tuple(stops),
                )
            )
        return runs

    @cached_property
    def agenda(self) -> list[AgendaItem]:
        """Every upcoming item of the site, in time order."""
        items: list[AgendaItem] = []
        for event in self.dataset.events.values():
            items.extend(self.event_items(event))
        for circuit in self.dataset.circuits.values():
            items.extend(self.circuit_runs(circuit))
        return sorted(items, key=lambda i: (_moment(i.start), sort_key(i.title), i.source_id))

    @cached_property
    def _agenda_days(self) -> list[date]:
        return [i.day for i in self.agenda]

    def agenda_between(self, first: date, last: date) -> list[AgendaItem]:
        """The agenda's items from ``first`` to ``last`` (a slice: the agenda is in time order)."""
        days = self._agenda_days
        return self.agenda[bisect_left(days, first) : bisect_right(days, last)]

    def by_day(self, items: list[AgendaItem]) -> list[tuple[date, list[AgendaItem]]]:
        days: dict[date, list[AgendaItem]] = defaultdict(list)
        for item in items:
            days[item.day].append(item)
        return sorted(days.items())

    # --- notices -----------------------------------------------------------------------

    @cached_property
    def active_notices(self) -> list[Any]:
        level = {"alert": 0, "warning": 1, "info": 2}
        notices = [n for n in self.dataset.notices.values() if n.from_ <= self.today <= n.until]
        return sorted(notices, key=lambda n: (level.get(str(n.level), 3), n.from_, n.id))

    @cached_property
    def current_notices(self) -> list[Any]:
        """The notices not over yet: those in force, and those announced for later, which the
        pages carry hidden until their first day (the script shows them on the visitor's)."""
        level = {"alert": 0, "warning": 1, "info": 2}
        notices = [n for n in self.dataset.notices.values() if self.today <= n.until]
        return sorted(notices, key=lambda n: (level.get(str(n.level), 3), n.from_, n.id))

    def current_closures(self, actor: Actor) -> list[Any]:
        """Closures not over yet: each is announced from 15 days before its first day."""
        return [c for c in actor.closures if self.today <= c.until]


def _moment(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())


def _last_day(occurrence: Occurrence) -> date:
    """The last day an occurrence covers (its end is exclusive for all-day ones)."""
    end = occurrence.end
    if end is None:
        return occurrence.day
    if isinstance(end, datetime):
        return end.date()
    return end - timedelta(days=1)


def _in_order(*lists: Iterable[str]) -> list[str]:
    """Every value of ``lists``, once, in order of first appearance."""
    return list(dict.fromkeys(value for values in lists for value in values))
