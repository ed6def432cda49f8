"""The pieces every leaflet shares, as plain JSON-ready values: the header (title, edition,
"check for changes"), the helpline, a QR code, an actor's entry, an event occurrence's line.

Owns the wording of entities: which fields a reader needs, in which order, in words
(opening hours through :func:`..hours.describe_hours`, dates through ``Words``). Every text
from the data is passed on as a plain string; the templates print strings as written.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from ...models import Actor, Event, Location
from ...models.types import text_in
from ...models.vocabularies import ACCESS_MODES, COSTS, LANGUAGES, WHEELCHAIR
from .. import RenderContext
from ..hours import describe_hours
from .qr import qr_svg
from .selection import EventOccurrence
from .words import Words

Line = dict[str, Any]


def unbroken(phone: str) -> str:
    """A phone number that never splits over two lines (no-break spaces)."""
    return phone.replace(" ", "\u00a0")


class Pieces:
    """Builds the shared pieces for one build: one language, one "today", one site URL."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.lang = context.territory.default_language
        self.words = Words(self.lang)

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
                "hours": describe_hours(line.hours, self.lang) if line.hours else "",
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
        and the e-mail address is left out (the leaflet is for people who are not online)."""
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
            lines.append({"text": self.words("hours") + describe_hours(location.hours, self.lang), "strong": False})
        return lines

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
        occurrence = item.occurrence
        if occurrence.location is not None:
            location = occurrence.location
            return ", ".join(part for part in (location.name, location.address) if part) or location.commune
        if occurrence.place is not None and occurrence.place in self.context.dataset.places:
            place = self.context.dataset.places[occurrence.place]
            return f"{self.text(place.name)}, {place.address}"
        return ""

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
        """An event series once, with what it is, who organises it and whom to call."""
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
