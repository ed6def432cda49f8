"""The pieces every leaflet shares, as plain JSON-ready values: the header (title, edition,
"check for changes"), the helpline, a QR code, an actor's entry, an event occurrence's line.

Owns the wording of entities: which fields a reader needs, in which order, in words
(opening hours through :func:`..hours.describe_hours`, the one reading the pages use, dates through ``Words``). Every text
from the data is passed on as a plain string; the templates print strings as written.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from functools import cached_property
from typing import Any, cast

from ...hours import describe_hours
from ...models import Actor, Circuit, Event, Location
from ...models.types import text_in
from ...models.vocabularies import ACCESS_MODES, COSTS, LANGUAGES, WHEELCHAIR
from ...schedule import Series
from .. import RenderContext
from ..qr import qr_svg
from .selection import EventOccurrence, StopSeries, event_occurrences, serves, village_communes
from .words import Words

Line = dict[str, Any]


def unbroken(phone: str) -> str:
    """A phone number that never splits over two lines (no-break spaces)."""
    return phone.replace(" ", "\u00a0")


class Pieces:
    """Builds the shared pieces for one build: one language, one "today", one site URL.

    Also holds the build's indexes (actors by commune, occurrences by commune, stops by
    route), made once rather than once per document: every commune's leaflet looks into
    them, so that making all the leaflets grows with the data, not with its square.
    """

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.lang = context.territory.default_language
        self.words = Words(self.lang)
        self._actors: dict[tuple[str, str | None, date, date], dict[str, Any]] = {}
        self._activities: dict[str, dict[str, Any]] = {}
        self._occurrences: dict[tuple[date, date], dict[str | None, list[EventOccurrence]]] = {}
        self._stops: dict[str, list[StopSeries]] = {}

    # --- the build's indexes -----------------------------------------------------------------

    @cached_property
    def sorted_actors(self) -> list[Actor]:
        return [actor for _, actor in sorted(self.context.dataset.actors.items())]

    @cached_property
    def _actors_by_commune(self) -> dict[str, list[Actor]]:
        """Commune id → the actors serving it (``selection.serves``), in id order."""
        communes = [c.id for c in self.context.territory.communes]
        out: dict[str, list[Actor]] = {c: [] for c in communes}
        for actor in self.sorted_actors:
            if "all" in actor.area:
                for commune in communes:
                    out[commune].append(actor)
                continue
            named = set(actor.area) | {loc.commune for loc in actor.locations}
            for commune in communes:
                if commune in named:
                    out[commune].append(actor)
        return out

    def actors_for(self, commune: str) -> list[Actor]:
        """As ``selection.actors_for``, from an index made once."""
        if commune not in self._actors_by_commune:
            return [a for a in self.sorted_actors if serves(a, commune)]
        return self._actors_by_commune[commune]

    def occurrences_in(self, commune: str | None, first: date, last: date) -> list[EventOccurrence]:
        """As ``selection.event_occurrences`` kept to one commune, the schedule read once."""
        if (first, last) not in self._occurrences:
            grouped: dict[str | None, list[EventOccurrence]] = defaultdict(list)
            for item in event_occurrences(self.context, first, last):
                grouped[item.commune].append(item)
            self._occurrences[(first, last)] = dict(grouped)
        return self._occurrences[(first, last)].get(commune, [])

    @cached_property
    def _stop_series(self) -> dict[str, dict[str | None, Series]]:
        """Route id → stop key → its series (what ``selection.route_stops`` looks up)."""
        out: dict[str, dict[str | None, Series]] = defaultdict(dict)
        for series in self.context.series:
            if series.kind == "stop":
                out[series.source_id][series.stop_key] = series
        return dict(out)

    def route_stops(self, circuit: Circuit) -> list[StopSeries]:
        """As ``selection.route_stops``, from an index of the series made once."""
        if circuit.id not in self._stops:
            by_key = self._stop_series.get(circuit.id, {})
            occurrences = self.context.occurrences
            self._stops[circuit.id] = [
                StopSeries(circuit, stop, by_key[key], occurrences.get(by_key[key].key, []))
                for stop in circuit.stops
                for key in (stop.id or stop.village,)
            ]
        return self._stops[circuit.id]

    @cached_property
    def village_communes(self) -> dict[str, str]:
        return village_communes(self.context)

    @cached_property
    def village_names(self) -> dict[str, str]:
        return {v.id: self.text(v.name) for c in self.context.territory.communes for v in c.villages}

    @cached_property
    def _circuits_by_commune(self) -> dict[str, list[tuple[Circuit, list[StopSeries]]]]:
        out: dict[str, list[tuple[Circuit, list[StopSeries]]]] = defaultdict(list)
        villages = self.village_communes
        for _, circuit in sorted(self.context.dataset.circuits.items()):
            here: dict[str, list[StopSeries]] = defaultdict(list)
            for stop in self.route_stops(circuit):
                commune = villages.get(stop.stop.village)
                if commune is not None:
                    here[commune].append(stop)
            for commune, stops in here.items():
                out[commune].append((circuit, stops))
        return dict(out)

    def circuits_in(self, commune: str) -> list[tuple[Circuit, list[StopSeries]]]:
        """As ``selection.circuits_in``: each route stopping in ``commune``, with those stops."""
        return self._circuits_by_commune.get(commune, [])

    def text(self, value: str | dict[str, str] | None) -> str:
        return text_in(value, self.lang, self.lang)

    def header(self, title: str) -> dict[str, Any]:
        today = self.words.long_date(self.context.today, weekday=False)
        territory = self.context.territory
        helpline = None
        if territory.helpline is not None:
            line = territory.helpline
            helpline = {
                "call": self.words("helpline_call"),
                "label": line.label,
                "phone": unbroken(line.phone),
                "hours": self.hours(line.hours) if line.hours else "",
            }
        return {
            "lang": self.words.lang,
            "region": territory.country,
            "title": title,
            "territory": self.text(territory.name),
            "edition": self.words("edition", date=today),
            "verify": self.words("verify", date=today),
            "page": self.words("page"),
            "helpline": helpline,
        }

    def qr(self, path: str, caption: str) -> dict[str, str]:
        url = self.context.site_url + path
        return {"svg": qr_svg(url), "url": url, "caption": caption, "alt": self.words("qr_alt", url=url)}

    # --- actors --------------------------------------------------------------------------

    def actor(self, actor: Actor, commune: str | None, first: date, last: date) -> dict[str, Any]:
        """An actor's entry; on a commune's leaflet, its locations in that commune come first
        and the e-mail address is left out (the leaflet is for people who are not online).

        Made once for every commune where the actor has no location (the entry is the same
        in all of them) and shared: callers never change it."""
        # "" stands for any commune where the actor has no location: the same entry everywhere
        where = commune if commune is None or any(loc.commune == commune for loc in actor.locations) else ""
        key = (actor.id, where, first, last)
        if key not in self._actors:
            self._actors[key] = self._actor(actor, commune, first, last)
        return self._actors[key]

    def _actor(self, actor: Actor, commune: str | None, first: date, last: date) -> dict[str, Any]:
        words = self.words
        lines: list[Line] = []
        if commune is None:
            # the directory covers every commune: say which ones the actor serves
            lines.append({"text": words("area") + self._area(actor), "strong": False})
        locations = sorted(actor.locations, key=lambda loc: loc.commune != commune) if commune else actor.locations
        for location in locations:
            lines.extend(self._location(location))
        contact = actor.contact
        if contact.phone:
            lines.append({"text": words("phone") + unbroken(contact.phone), "strong": True})
        if contact.email and commune is None:
            lines.append({"text": words("email") + contact.email, "strong": False})
        lines.append({"text": self._access(actor), "strong": False})
        languages = cast(list[str], actor.languages)
        if any(lang != self.lang for lang in languages):
            names = [LANGUAGES[lang].label(self.lang) if lang in LANGUAGES else lang for lang in languages]
            lines.append({"text": words("languages") + ", ".join(names), "strong": False})
        if actor.services:
            names = [self.text(service.name) for service in actor.services]
            lines.append({"text": words("services_list") + " ; ".join(names), "strong": False})
        for closure in actor.closures:
            if closure.until >= first and closure.from_ <= last:
                when = words("closed", first=words.long_date(closure.from_), last=words.long_date(closure.until))
                lines.append({"text": f"{when} : {closure.message}", "strong": True})
        return {"id": actor.id, "name": self.text(actor.name), "summary": self.text(actor.summary), "lines": lines}

    def _area(self, actor: Actor) -> str:
        """« Ciney, Hamois », or « tout le territoire », in the territory's order of communes."""
        if "all" in actor.area:
            return self.words("whole_territory").lower()
        served = set(actor.area) | {loc.commune for loc in actor.locations}
        return ", ".join(self.text(c.name) for c in self.context.territory.communes if c.id in served)

    def _location(self, location: Location) -> list[Line]:
        where = f"{location.name} : {location.address}" if location.name else location.address
        if location.wheelchair != "unknown":
            where += f" ({WHEELCHAIR[location.wheelchair].label(self.lang)})"
        lines: list[Line] = [{"text": where, "strong": False}]
        if location.hours:
            lines.append({"text": self.words("hours") + self.hours(location.hours), "strong": False})
        return lines

    def hours(self, text: str) -> str:
        """Opening hours in words, read from "today" as the pages read them."""
        return describe_hours(text, self.context.territory.country, self.context.today, self.lang)

    def _access(self, actor: Actor) -> str:
        access = actor.access
        parts = [COSTS[access.cost].label(self.lang).capitalize()]
        if access.cost_note:
            parts[0] += f" ({access.cost_note})"
        modes = [ACCESS_MODES[mode].label(self.lang) for mode in cast(list[str], access.modes)]
        if modes:
            parts.append(" ou ".join(modes) if self.lang == "fr" else " or ".join(modes))
        if access.conditions:
            parts.append(access.conditions)
        return " · ".join(parts)

    # --- events --------------------------------------------------------------------------

    def place_of(self, item: EventOccurrence) -> str:
        """Where it is, as the schedule resolves it for every output (``schedule.where``)."""
        found = self.context.where(item.occurrence.place, item.occurrence.location)
        return found.label(self.lang, self.lang) if found is not None else ""

    def occurrence(self, item: EventOccurrence) -> dict[str, Any]:
        """One line of an agenda: time, title, place, status; who to call."""
        occurrence, event, words = item.occurrence, item.event, self.words
        start, end = occurrence.start, occurrence.end
        if isinstance(start, datetime):
            when = words.span(start, end if isinstance(end, datetime) and end.date() == start.date() else None)
        else:
            when = ""
        status = None
        if occurrence.status == "cancelled":
            status = words("cancelled") + (f" : {occurrence.reason}" if occurrence.reason else "")
        elif occurrence.status == "postponed":
            status = words("postponed")
        elif occurrence.moved or occurrence.note:
            status = words("moved") + (f" : {occurrence.note}" if occurrence.note else "")
        return {
            "time": when,
            "title": self.text(event.title),
            "place": self.place_of(item),
            "status": status,
            "cancelled": occurrence.status != "scheduled",
        }

    def activity(self, event: Event) -> dict[str, Any]:
        """An event series once, with what it is, who organises it and whom to call (shared:
        callers never change it)."""
        if event.id not in self._activities:
            self._activities[event.id] = self._activity(event)
        return self._activities[event.id]

    def _activity(self, event: Event) -> dict[str, Any]:
        organizers = [
            self.text(self.context.dataset.actors[a].name) for a in event.organizers if a in self.context.dataset.actors
        ]
        lines = [self.words("by") + ", ".join(organizers)] if organizers else []
        contact = self._event_contact(event)
        if contact:
            lines.append(contact)
        return {"title": self.text(event.title), "summary": self.text(event.summary), "lines": lines}

    def _event_contact(self, event: Event) -> str:
        registration = event.registration
        if registration is not None and (registration.phone or registration.email):
            label = "registration" if registration.required else "registration_optional"
            return self.words(label) + " ".join(unbroken(x) for x in (registration.phone, registration.email) if x)
        contact = event.contact
        if contact is None and event.organizers and event.organizers[0] in self.context.dataset.actors:
            contact = self.context.dataset.actors[event.organizers[0]].contact
        if contact is not None and (contact.phone or contact.email):
            return self.words("info") + unbroken(contact.phone or contact.email or "")
        return ""
