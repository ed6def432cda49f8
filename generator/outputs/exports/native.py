"""The data in its own shape: actors, services, places, events and occurrences.

The JSON files hold the entities as the data files write them (each item validates against
the JSON Schema of its kind under ``/donnees/schema/``), sorted by id; fields left out of a
data file are left out here too, defaults are written. The CSV files flatten them for
spreadsheets: one row per entity, lists joined by `` ; ``, text in the territory's first
language. Services have no id in the data: theirs is ``<actor id>--<slug of the name>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel

from ...models import Actor, Place, Service
from ...models.recurrence import Recurrence
from ...models.types import slugify, text_in
from ...schedule import Occurrence, Where
from .. import RenderContext
from .files import joined


def plain(value: Any) -> Any:
    """A model (or any value in one) as its data file writes it: dates `YYYY-MM-DD`, times
    `HH:MM`, datetimes `YYYY-MM-DD HH:MM`, rules as RRULE text; empty optional fields left out."""
    if isinstance(value, BaseModel):
        out = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if item is not None:
                out[info.alias or name] = plain(item)
        return out
    if isinstance(value, Recurrence):
        text = value.to_rrule()
        return text + f";UNTIL={value.until:%Y%m%d}" if value.until is not None else text
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _inclusive_end(occurrence: Occurrence) -> date | datetime | None:
    """The end as the data files write it: for an all-day occurrence, its last day (the
    schedule's end is the day after, as in iCalendar)."""
    end = occurrence.end
    if occurrence.all_day and isinstance(end, date) and not isinstance(end, datetime):
        return end - timedelta(days=1)
    return end


@dataclass(frozen=True)
class ServiceRow:
    """One service of an actor with the actor's fields it omits filled in."""

    id: str
    actor: Actor
    service: Service

    @property
    def themes(self) -> list[str]:
        return list(self.service.themes or self.actor.themes)

    @property
    def audiences(self) -> list[str]:
        return list(self.service.audiences or self.actor.audiences)


def services_of(actor: Actor) -> list[ServiceRow]:
    """The actor's services in data order, each with an id unique within the actor."""
    rows: list[ServiceRow] = []
    seen: set[str] = set()
    for service in actor.services:
        base = f"{actor.id}--{slugify(text_in(service.name, 'fr', 'fr')) or 'service'}"
        key, n = base, 2
        while key in seen:
            key, n = f"{base}-{n}", n + 1
        seen.add(key)
        rows.append(ServiceRow(key, actor, service))
    return rows


class Native:
    """Renders the native JSON and CSV files of one RenderContext."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.dataset = context.dataset
        self.lang = context.territory.default_language
        self.communes = {c.id: c for c in context.territory.communes}
        self.villages = {v.id: (c.id, v) for c in context.territory.communes for v in c.villages}

    def text(self, value: Any) -> str:
        return text_in(value, self.lang, self.lang) if value is not None else ""

    def url(self, section: str, entity_id: str) -> str:
        return f"{self.context.site_url}{section}/{entity_id}/"

    # --- actors ----------------------------------------------------------------------------

    def actors_json(self) -> list[dict[str, Any]]:
        return [plain(a) for _, a in sorted(self.dataset.actors.items())]

    ACTOR_COLUMNS = (
        "id", "name", "kind", "themes", "audiences", "summary", "area", "communes", "address", "phone",
        "email", "website", "cost", "cost_note", "modes", "conditions", "languages", "services",
        "verified_on", "verified_by", "verified_how", "url",
    )  # fmt: skip

    def actor_rows(self) -> list[dict[str, Any]]:
        rows = []
        for actor_id, actor in sorted(self.dataset.actors.items()):
            first = actor.locations[0] if actor.locations else None
            rows.append(
                {
                    "id": actor_id,
                    "name": self.text(actor.name),
                    "kind": actor.kind,
                    "themes": joined(actor.themes),
                    "audiences": joined(actor.audiences),
                    "summary": self.text(actor.summary),
                    "area": joined(actor.area),
                    "communes": joined(sorted({loc.commune for loc in actor.locations})),
                    "address": first.address if first else "",
                    "phone": actor.contact.phone,
                    "email": actor.contact.email,
                    "website": actor.contact.website,
                    "cost": actor.access.cost,
                    "cost_note": actor.access.cost_note,
                    "modes": joined(actor.access.modes),
                    "conditions": actor.access.conditions,
                    "languages": joined(actor.languages),
                    "services": len(actor.services),
                    "verified_on": actor.verified.on.isoformat(),
                    "verified_by": actor.verified.by,
                    "verified_how": actor.verified.how,
                    "url": self.url("acteurs", actor_id),
                }
            )
        return rows

    # --- services --------------------------------------------------------------------------

    def service_rows_all(self) -> list[ServiceRow]:
        return [row for _, actor in sorted(self.dataset.actors.items()) for row in services_of(actor)]

    def services_json(self) -> list[dict[str, Any]]:
        out = []
        for row in self.service_rows_all():
            item = plain(row.service)
            item.update(
                {
                    "id": row.id,
                    "actor": row.actor.id,
                    "themes": row.themes,
                    "audiences": row.audiences,
                    "access": plain(row.service.access or row.actor.access),
                    "contact": plain(row.service.contact or row.actor.contact),
                }
            )
            out.append(item)
        return out

    SERVICE_COLUMNS = (
        "id", "actor", "name", "summary", "themes", "audiences", "cost", "cost_note", "modes", "conditions",
        "phone", "email", "website", "hours", "url",
    )  # fmt: skip

    def service_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in self.service_rows_all():
            access = row.service.access or row.actor.access
            contact = row.service.contact or row.actor.contact
            rows.append(
                {
                    "id": row.id,
                    "actor": row.actor.id,
                    "name": self.text(row.service.name),
                    "summary": self.text(row.service.summary),
                    "themes": joined(row.themes),
                    "audiences": joined(row.audiences),
                    "cost": access.cost,
                    "cost_note": access.cost_note,
                    "modes": joined(access.modes),
                    "conditions": access.conditions,
                    "phone": contact.phone,
                    "email": contact.email,
                    "website": contact.website,
                    "hours": row.service.hours,
                    "url": self.url("acteurs", row.actor.id),
                }
            )
        return rows

    # --- places ----------------------------------------------------------------------------

    def places_json(self) -> list[dict[str, Any]]:
        return [plain(p) for _, p in sorted(self.dataset.places.items())]

    PLACE_COLUMNS = ("id", "name", "address", "commune", "village", "latitude", "longitude", "wheelchair")

    def place_rows(self) -> list[dict[str, Any]]:
        return [self._place_row(place) for _, place in sorted(self.dataset.places.items())]

    def _place_row(self, place: Place) -> dict[str, Any]:
        return {
            "id": place.id,
            "name": self.text(place.name),
            "address": place.address,
            "commune": place.commune,
            "village": place.village,
            "latitude": place.geo[0] if place.geo else None,
            "longitude": place.geo[1] if place.geo else None,
            "wheelchair": place.wheelchair,
        }

    # --- events ----------------------------------------------------------------------------

    def events_json(self) -> list[dict[str, Any]]:
        return [plain(e) for _, e in sorted(self.dataset.events.items())]

    EVENT_COLUMNS = (
        "id", "title", "type", "organizers", "audiences", "themes", "summary", "place", "commune", "village",
        "start", "end", "repeat", "status", "cost", "cost_note", "registration_required", "url",
    )  # fmt: skip

    def event_rows(self) -> list[dict[str, Any]]:
        rows = []
        for event_id, event in sorted(self.dataset.events.items()):
            commune, village = _commune_and_village(self.context.where(event.place, event.location))
            data = plain(event)
            rows.append(
                {
                    "id": event_id,
                    "title": self.text(event.title),
                    "type": event.type,
                    "organizers": joined(event.organizers),
                    "audiences": joined(event.audiences),
                    "themes": joined(event.themes),
                    "summary": self.text(event.summary),
                    "place": event.place,
                    "commune": commune,
                    "village": village,
                    "start": data["start"],
                    "end": data.get("end"),
                    "repeat": data.get("repeat"),
                    "status": event.status,
                    "cost": event.cost,
                    "cost_note": event.cost_note,
                    "registration_required": event.registration.required if event.registration else None,
                    "url": self.url("evenements", event_id),
                }
            )
        return rows

    # --- occurrences -----------------------------------------------------------------------

    OCCURRENCE_COLUMNS = (
        "id", "series", "kind", "event", "circuit", "stop", "title", "type", "start", "end", "all_day", "status",
        "reason", "note", "moved", "place", "commune", "village",
    )  # fmt: skip

    def occurrence_rows(self) -> list[dict[str, Any]]:
        by_key = {s.key: s for s in self.context.series}
        found: list[tuple[Occurrence, dict[str, Any]]] = []
        for key, occurrences in sorted(self.context.occurrences.items()):
            series = by_key[key]
            for occurrence in occurrences:
                found.append((occurrence, self._occurrence_row(series, occurrence)))
        found.sort(key=lambda pair: (pair[0].sort_key(), pair[1]["id"]))
        return [row for _, row in found]

    def _occurrence_row(self, series: Any, occurrence: Occurrence) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": f"{occurrence.series}--{plain(occurrence.original).replace(' ', 'T')}",
            "series": occurrence.series,
            "kind": series.kind,
            "start": plain(occurrence.start),
            "end": plain(_inclusive_end(occurrence)),
            "all_day": occurrence.all_day,
            "status": occurrence.status,
            "reason": occurrence.reason,
            "note": occurrence.note,
            "moved": occurrence.moved,
        }
        if series.kind == "event":
            event = self.dataset.events[series.source_id]
            commune, village = _commune_and_village(self.context.where(occurrence.place, occurrence.location))
            row.update(
                event=event.id,
                title=self.text(event.title),
                type=event.type,
                place=occurrence.place,
                commune=commune,
                village=village,
            )
        else:
            circuit = self.dataset.circuits[series.source_id]
            stop = next(s for s in circuit.stops if (s.id or s.village) == series.stop_key)
            commune = self.villages[stop.village][0] if stop.village in self.villages else None
            row.update(
                circuit=circuit.id,
                stop=series.stop_key,
                title=self.text(circuit.name),
                type=circuit.type,
                commune=commune,
                village=stop.village,
            )
        return row

    def occurrences_json(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if v is not None} for row in self.occurrence_rows()]


def offers_of(actor: Actor) -> list[ServiceRow]:
    """What the actor offers, for the directory standards that list services: its services,
    or when it lists none, one service that is the actor itself (id: the actor's id)."""
    rows = services_of(actor)
    if rows:
        return rows
    itself = Service.model_construct(name=actor.name, summary=actor.summary, description=actor.description)
    return [ServiceRow(actor.id, actor, itself)]


def _commune_and_village(found: Where | None) -> tuple[str | None, str | None]:
    return (found.commune, found.village) if found is not None else (None, None)
