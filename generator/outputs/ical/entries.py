"""Series → Entries: what each event or circuit stop says in a feed, and where it belongs.

An Entry is one series as every feed holds it: its UID, the facts that place it in the
feed families (communes, villages, type, audiences, actors, route, event) and its VEVENTs,
written once and copied into each feed that holds it. The dates come from the schedule
(skipped days, exceptions); the texts, the place, the organizer and the categories from
the Dataset; SEQUENCE and LAST-MODIFIED from the data files' revisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from dateutil.relativedelta import relativedelta

from ...loading import Dataset
from ...models import Actor, Circuit, Commune, Event, InlineLocation, Stop, Village
from ...models.types import text_in
from ...models.vocabularies import CIRCUIT_TYPES, EVENT_TYPES, Term
from ...revisions import NO_HISTORY, Revision
from ...schedule import Occurrence, Series, Window, exceptions, last_day, skipped_days, where
from ...schedule import Where as Resolved
from .plaintext import plain_text
from .vevent import Dates, Sheet, Where, components

# EXDATEs are listed this far ahead of "today" for an open-ended series (the feed is
# rebuilt often; past this, a client would show a public holiday that is skipped).
EXDATE_HORIZON = relativedelta(years=2)
# DTSTAMP of an entry whose file has no history (outside git): fixed, so builds stay equal.
NO_HISTORY_STAMP = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass
class Entry:
    """One series in the feeds: identity, family facts, and its VEVENTs rendered once."""

    series: Series
    uid: str
    communes: frozenset[str]
    villages: frozenset[str]
    type: str
    audiences: tuple[str, ...]
    actors: tuple[str, ...]
    sheet: Sheet
    dates: Dates
    where_of: Callable[[Occurrence], Where | None]  # an occurrence's place: moved ones differ

    def render(self, compact: bool) -> str:
        return "".join(c.render() for c in components(self.sheet, self.dates, self.where_of, compact))

    @cached_property
    def text(self) -> str:
        return self.render(compact=False)

    @cached_property
    def compact_text(self) -> str:
        return self.render(compact=True)


@dataclass
class Gazetteer:
    """The territory's names and places, looked up by id."""

    dataset: Dataset
    lang: str

    @cached_property
    def villages(self) -> dict[str, tuple[Village, Commune]]:
        territory = self.dataset.territory
        assert territory is not None
        return {v.id: (v, c) for c in territory.communes for v in c.villages}

    @cached_property
    def communes(self) -> dict[str, Commune]:
        territory = self.dataset.territory
        assert territory is not None
        return {c.id: c for c in territory.communes}

    def name(self, value: str | dict[str, str]) -> str:
        territory = self.dataset.territory
        assert territory is not None
        return text_in(value, self.lang, territory.default_language)

    def found(self, place_id: str | None, location: InlineLocation | None) -> Resolved | None:
        territory = self.dataset.territory
        assert territory is not None
        return where(place_id, location, self.dataset.places, territory)

    def place(self, place_id: str | None, location: InlineLocation | None) -> Where | None:
        """LOCATION and GEO: the schedule's one reading of where it is (``schedule.where``)."""
        found = self.found(place_id, location)
        if found is None:
            return None
        territory = self.dataset.territory
        assert territory is not None
        return Where(found.label(self.lang, territory.default_language), found.geo)


def _organizer(gazetteer: Gazetteer, actor: Actor | None, actor_id: str, site_url: str) -> tuple[str, str] | None:
    if actor is None:
        return None
    contact = actor.contact
    if contact.email:
        uri = "mailto:" + quote(contact.email, safe="@!$&'*+-.=^_`{|}~")
    elif contact.website:
        uri = quote(contact.website, safe=":/?#[]@!$&'()*+,;=%~-._")
    else:
        uri = f"{site_url}acteurs/{actor_id}/"
    return gazetteer.name(actor.name), uri


def _label(term: str, terms: dict[str, Term], lang: str) -> str:
    found = terms.get(term)
    label = found.label(lang) if found is not None else term
    return label[:1].upper() + label[1:]


class EntryMaker:
    """Builds the Entry of each live series (one not ended before the window)."""

    def __init__(self, dataset: Dataset, today: date, site_url: str, host: str, revisions: dict[Path, Revision]):
        territory = dataset.territory
        assert territory is not None
        self.dataset, self.today, self.site_url, self.host = dataset, today, site_url, host
        self.zone, self.country, self.lang = territory.timezone, territory.country, territory.default_language
        self.window = Window.around(today)
        self.revisions = revisions
        self.gazetteer = Gazetteer(dataset, self.lang)
        stamps = [r.timestamp for r in revisions.values() if r.timestamp is not None]
        # A file with no commit of its own (new, uncommitted) takes the data folder's newest.
        self.fallback_stamp = datetime.fromtimestamp(max(stamps), UTC) if stamps else NO_HISTORY_STAMP

    def _revision(self, kind: str, entity_id: str) -> Revision:
        source = self.dataset.sources.get((kind, entity_id))
        return self.revisions.get(source.path.resolve(), NO_HISTORY) if source is not None else NO_HISTORY

    def _stamp(self, revisions: list[Revision]) -> tuple[datetime, datetime | None]:
        known = [r.timestamp for r in revisions if r.timestamp is not None]
        if not known:
            return self.fallback_stamp, None
        newest = datetime.fromtimestamp(max(known), UTC)
        return newest, newest

    def _dates(self, series: Series, event: Event | None) -> Dates:
        return Dates(
            series,
            self.zone,
            skipped_days(series, self.country, self.today + EXDATE_HORIZON),
            exceptions(series, self.country, event),
        )

    def live(self, series: Series, event: Event | None) -> bool:
        last = last_day(series, self.country, event)
        return last is None or last >= self.window.first

    def _description(self, summary: str, body: str | None, extra: str, url: str) -> tuple[str, str]:
        parts = [summary, plain_text(body) if body else "", extra, url]
        return "\n\n".join(p for p in parts if p), "\n\n".join(p for p in (summary, url) if p)

    def event(self, series: Series, event: Event) -> Entry:
        g = self.gazetteer
        url = f"{self.site_url}evenements/{event.id}/"
        names = [g.name(self.dataset.actors[a].name) for a in event.organizers if a in self.dataset.actors]
        extra = ("Organisation : " if self.lang == "fr" else "Organised by: ") + ", ".join(names) if names else ""
        summary = g.name(event.summary)
        body = g.name(event.description) if event.description is not None else None
        description, short = self._description(summary, body, extra, url)
        found = g.found(event.place, event.location)
        commune, village = (found.commune, found.village) if found is not None else (None, None)
        revision = self._revision("events", event.id)
        place_ids = sorted({p for p in (event.place, *(c.place for c in event.changed)) if p is not None})
        stamp, modified = self._stamp([revision, *(self._revision("places", p) for p in place_ids)])
        categories = [_label(event.type, EVENT_TYPES, self.lang)]
        if commune in g.communes:
            categories.append(g.name(g.communes[commune].name))
        first = event.organizers[0]
        sheet = Sheet(
            uid=f"{series.key}@{self.host}",
            summary=g.name(event.title),
            description=description,
            short_description=short,
            url=url,
            categories=tuple(categories),
            organizer=_organizer(g, self.dataset.actors.get(first), first, self.site_url),
            where=g.place(event.place, event.location),
            sequence=revision.commits,
            stamp=stamp,
            modified=modified,
            lang=self.lang,
        )
        return Entry(
            series=series,
            uid=sheet.uid,
            communes=frozenset(c for c in (commune,) if c is not None),
            villages=frozenset(v for v in (village,) if v is not None),
            type=event.type,
            audiences=tuple(event.audiences),
            actors=tuple(event.organizers),
            sheet=sheet,
            dates=self._dates(series, event),
            where_of=lambda occurrence: g.place(occurrence.place, occurrence.location),
        )

    def stop(self, series: Series, circuit: Circuit, stop: Stop) -> Entry:
        g = self.gazetteer
        url = f"{self.site_url}tournees/{circuit.id}/"
        village, commune = g.villages.get(stop.village, (None, None))
        village_name = g.name(village.name) if village is not None else stop.village
        summary = g.name(circuit.summary)
        body = g.name(circuit.description) if circuit.description is not None else None
        extra = ("Arrêt : " if self.lang == "fr" else "Stop: ") + f"{stop.where}, {village_name}"
        description, short = self._description(summary, body, extra, url)
        revision = self._revision("circuits", circuit.id)
        stamp, modified = self._stamp([revision])
        categories = [_label(circuit.type, CIRCUIT_TYPES, self.lang)]
        if commune is not None:
            categories.append(g.name(commune.name))
        sheet = Sheet(
            uid=f"{series.key}@{self.host}",
            summary=f"{g.name(circuit.name)} – {village_name}",
            description=description,
            short_description=short,
            url=url,
            categories=tuple(categories),
            organizer=_organizer(g, self.dataset.actors.get(circuit.operator), circuit.operator, self.site_url),
            where=Where(f"{stop.where}, {village_name}", stop.geo or (village.geo if village else None)),
            sequence=revision.commits,
            stamp=stamp,
            modified=modified,
            lang=self.lang,
        )
        return Entry(
            series=series,
            uid=sheet.uid,
            communes=frozenset({commune.id} if commune is not None else ()),
            villages=frozenset({stop.village}),
            type=circuit.type,
            audiences=tuple(circuit.audiences),
            actors=(circuit.operator,),
            sheet=sheet,
            dates=self._dates(series, None),
            where_of=lambda occurrence: sheet.where,
        )
