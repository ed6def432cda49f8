"""schema.org structured data for actor and event pages (rendered by ``html.json_ld``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ...hours import weekly_specs
from ...models import Actor, Event
from .view import AgendaItem, SiteView, Venue

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


def _hhmm(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours:02d}:{rest:02d}" if hours < 24 else "23:59"


def _place(view: SiteView, venue: Venue) -> dict[str, Any]:
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.name or view.commune_name(venue.commune),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "addressLocality": view.village_name(venue.village) or view.commune_name(venue.commune),
            "addressCountry": view.country,
        },
    }
    if venue.geo is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.geo[0], "longitude": venue.geo[1]}
    return place


def actor_data(view: SiteView, actor: Actor) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": view.absolute(view.url("actor", actor.id)),
        "url": view.absolute(view.url("actor", actor.id)),
        "name": view.t(actor.name),
        "description": view.t(actor.summary),
        "areaServed": [view.commune_name(c) for c in view.actor_communes(actor)],
    }
    if actor.contact.phone:
        data["telephone"] = actor.contact.phone
    if actor.contact.email:
        data["email"] = actor.contact.email
    if actor.contact.website:
        data["sameAs"] = actor.contact.website
    locations = []
    for location in actor.locations:
        place = _place(view, view.location_venue(location))
        if location.hours:
            place["openingHoursSpecification"] = [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [f"https://schema.org/{_DAYS[d]}" for d in days],
                    "opens": _hhmm(start),
                    "closes": _hhmm(end),
                }
                for days, start, end in weekly_specs(view.hours(location.hours))
            ]
        locations.append(place)
    if locations:
        data["location"] = locations
        first = locations[0]
        data["address"] = first["address"]
        if "geo" in first:
            data["geo"] = first["geo"]
    return data


def _iso(view: SiteView, moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=ZoneInfo(view.territory.timezone)).isoformat()
    return moment.isoformat()


def event_data(view: SiteView, event: Event, items: list[AgendaItem], limit: int = 10) -> list[dict[str, Any]]:
    """One schema.org Event per upcoming occurrence (the next ``limit``)."""
    out = []
    for item in items[:limit]:
        status = _STATUS.get(item.status, _STATUS["scheduled"])
        if item.moved and item.status == "scheduled":
            status = "https://schema.org/EventRescheduled"
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": view.t(event.title),
            "description": view.t(event.summary),
            "url": view.absolute(view.url("event", event.id)),
            "startDate": _iso(view, item.start),
            "eventStatus": status,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "isAccessibleForFree": str(event.cost) == "free",
            "organizer": [
                {
                    "@type": "Organization",
                    "name": view.t(view.dataset.actors[o].name),
                    "url": view.absolute(view.url("actor", o)),
                }
                for o in event.organizers
                if o in view.dataset.actors
            ],
        }
        if isinstance(item.end, datetime):
            data["endDate"] = _iso(view, item.end)
        elif item.end is not None:  # all-day: the occurrence's end is exclusive, schema.org's inclusive
            data["endDate"] = (item.end - timedelta(days=1)).isoformat()
        if item.venue is not None:
            data["location"] = _place(view, item.venue)
        out.append(data)
    return out
