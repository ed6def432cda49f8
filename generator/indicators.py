"""The observatory's indicators, computed from the Dataset and the schedule (issue 9).

Definitions, for a "today" in year Y (every count leaves cancelled occurrences out; an
occurrence is *held* when its day is on or before today):

- **per month**: occurrences of year Y (held and planned) by month, by commune and by type;
- **meetings**: coordination meetings (events of type ``meeting``) held in Y-1 and in Y,
  against the target of 3 a year;
- **actors taking part**: actors present at a meeting held in Y (its ``attendance.actors``
  and its organizers) over all actors, against the target of 80 %;
- **attendance**: for the occurrences held in Y with an ``attendance`` entry, participants
  (``count``, else the larger of the sums by age band and by commune), by age band and by
  commune, and how many bands and communes are represented;
- **villages reached**: villages with an event or a mobile stop held in the last 12 months
  (after today minus one year, up to today); the others are the "white zones";
- **freshness**: actors by verification age (``generator.freshness``);
- **this year against last year**: the same figures from 1 January to today's day and month
  in Y and in Y-1.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar, cast

from dateutil.relativedelta import relativedelta

from .freshness import BUCKETS, freshness
from .loading import Dataset
from .models.event import Attendance
from .schedule import Occurrence, Window, all_series, schedule, where

T = TypeVar("T")

MEETING_TARGET = 3
PARTICIPATION_TARGET = 0.8
AGE_BANDS = ("0-11", "12-17", "18-25", "26-64", "65+")


@dataclass(frozen=True)
class Held:
    """One occurrence with where it took place and what kind it is."""

    occurrence: Occurrence
    source_id: str
    kind: str  # "event" or "stop"
    type: str  # the event's type, or the circuit's
    commune: str | None
    village: str | None
    attendance: Attendance | None


@dataclass
class Period:
    """What happened between two dates (both inclusive)."""

    first: date
    last: date
    occurrences: int = 0
    meetings: int = 0
    participants: int = 0
    villages: set[str] = field(default_factory=set)


@dataclass
class Indicators:
    """Every indicator of the observatory, for one "today"."""

    today: date
    year: int
    months_by_commune: dict[str, list[int]]  # commune id (or "" for none) → 12 monthly counts
    months_by_type: dict[str, list[int]]
    meetings: dict[int, int]  # year → meetings held
    actors_total: int
    actors_present: set[str]
    attended_occurrences: int
    participants: int
    by_age: dict[str, int]
    by_commune: dict[str, int]
    reached: set[str]
    white_zones: list[str]  # village ids, in territory order
    freshness: dict[str, int]  # bucket → actors
    this_year: Period
    last_year: Period

    @property
    def participation_share(self) -> float:
        return len(self.actors_present) / self.actors_total if self.actors_total else 0.0


def participants(entry: Attendance) -> int:
    if entry.count is not None:
        return entry.count
    ages = sum(v or 0 for v in entry.ages.model_dump().values()) if entry.ages else 0
    return max(ages, sum((entry.communes or {}).values()))


# Figures memoized per dataset: every commune's yearly report asks for the same years'
# occurrences and network indicators, and expanding the whole schedule each time made the
# reports quadratic in the number of communes. Callers never modify what they get back.
_MEMO: dict[int, dict[tuple[Any, ...], Any]] = {}


def _memoized(dataset: Dataset, key: tuple[Any, ...], make: Callable[[], T]) -> T:
    store = _MEMO.get(id(dataset))
    if store is None:
        store = _MEMO[id(dataset)] = {}
        weakref.finalize(dataset, _MEMO.pop, id(dataset), None)
    if key not in store:
        store[key] = make()
    return cast(T, store[key])


def occurrences(dataset: Dataset, first: date, last: date) -> list[Held]:
    """Every occurrence (not cancelled) from ``first`` to ``last``, with its place and type."""
    return _memoized(dataset, ("occurrences", first, last), lambda: _occurrences(dataset, first, last))


def _occurrences(dataset: Dataset, first: date, last: date) -> list[Held]:
    territory = dataset.territory
    assert territory is not None
    village_commune = {v.id: c.id for c in territory.communes for v in c.villages}
    found = schedule(dataset.events, dataset.circuits, territory.country, Window(first, last))
    series = {s.key: s for s in all_series(dataset.events, dataset.circuits)}
    out = []
    for key, items in sorted(found.items()):
        s = series[key]
        for occurrence in items:
            if occurrence.status == "cancelled":
                continue
            if s.kind == "event":
                event = dataset.events[s.source_id]
                holder = where(occurrence.place, occurrence.location, dataset.places, territory)
                days = {
                    occurrence.day,
                    occurrence.original.date() if isinstance(occurrence.original, datetime) else occurrence.original,
                }
                entry = next((a for a in event.attendance if a.date in days), None)
                commune = holder.commune if holder is not None else None
                village = holder.village if holder is not None else None
                out.append(Held(occurrence, s.source_id, "event", str(event.type), commune, village, entry))
            else:
                circuit = dataset.circuits[s.source_id]
                stop = next(x for x in circuit.stops if (x.id or x.village) == s.stop_key)
                commune = village_commune.get(stop.village)
                out.append(Held(occurrence, s.source_id, "stop", str(circuit.type), commune, stop.village, None))
    return out


def _period(held: list[Held], first: date, last: date) -> Period:
    period = Period(first, last)
    for h in held:
        if first <= h.occurrence.day <= last:
            period.occurrences += 1
            period.meetings += h.kind == "event" and h.type == "meeting"
            period.participants += participants(h.attendance) if h.attendance else 0
            if h.village:
                period.villages.add(h.village)
    return period


def compute(dataset: Dataset, today: date) -> Indicators:
    """The network's indicators as of ``today``."""
    return _memoized(dataset, ("compute", today), lambda: _compute(dataset, today))


def _compute(dataset: Dataset, today: date) -> Indicators:
    territory = dataset.territory
    assert territory is not None
    year = today.year
    first = min(date(year - 1, 1, 1), today - relativedelta(years=1))
    held_all = occurrences(dataset, first, date(year, 12, 31))
    held = [h for h in held_all if h.occurrence.day <= today]

    by_commune: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    for h in held_all:
        if h.occurrence.day.year == year:
            by_commune[h.commune or ""][h.occurrence.day.month - 1] += 1
            by_type[h.type][h.occurrence.day.month - 1] += 1

    meetings = {
        y: sum(1 for h in held if h.type == "meeting" and h.kind == "event" and h.occurrence.day.year == y)
        for y in (year - 1, year)
    }
    present: set[str] = set()
    ages: Counter[str] = Counter()
    communes: Counter[str] = Counter()
    attended = total = 0
    for h in held:
        if h.occurrence.day.year != year:
            continue
        if h.kind == "event" and h.type == "meeting":
            present.update(dataset.events[h.source_id].organizers)
            if h.attendance:
                present.update(h.attendance.actors)
        if h.attendance:
            attended += 1
            total += participants(h.attendance)
            if h.attendance.ages:
                for band, value in h.attendance.ages.model_dump(by_alias=True).items():
                    ages[band] += value or 0
            communes.update(h.attendance.communes or {})
    present &= set(dataset.actors)

    since = today - relativedelta(years=1)
    reached = {h.village for h in held if h.village and since < h.occurrence.day <= today}
    villages = [v.id for c in territory.communes for v in c.villages]
    rows = freshness(dataset, today)
    same_day = today.replace(year=year - 1) if not (today.month == 2 and today.day == 29) else date(year - 1, 2, 28)
    return Indicators(
        today=today,
        year=year,
        months_by_commune=dict(sorted(by_commune.items())),
        months_by_type=dict(sorted(by_type.items())),
        meetings=meetings,
        actors_total=len(dataset.actors),
        actors_present=present,
        attended_occurrences=attended,
        participants=total,
        by_age={band: ages[band] for band in AGE_BANDS},
        by_commune=dict(sorted(communes.items())),
        reached=reached,
        white_zones=[v for v in villages if v not in reached],
        freshness={key: sum(1 for r in rows if r.bucket == key) for key in BUCKETS},
        this_year=_period(held, date(year, 1, 1), today),
        last_year=_period(held, date(year - 1, 1, 1), same_day),
    )


@dataclass
class Activity:
    """One event series or circuit (all its stops in the commune) over a report's period."""

    source_id: str
    kind: str  # "event" or "stop"
    type: str
    held: int = 0
    attended: int = 0  # held occurrences with an attendance entry
    participants: int = 0
    first: date | None = None  # first and last day held
    last: date | None = None


@dataclass
class CommuneYear:
    """The figures of one commune over one calendar year, up to "today" when the year is not
    over (:func:`commune_year`). Occurrences count where they took place (the place's, the
    location's or the stop's commune); ``residents`` counts the commune's inhabitants wherever
    they took part."""

    commune: str
    year: int
    first: date
    last: date  # 31 December, or "today" in the current year
    complete: bool
    months: list[int]  # held occurrences in the commune, by month
    months_by_type: dict[str, list[int]]
    planned: int  # occurrences after "today" up to 31 December (0 for a complete year)
    meetings: int  # coordination meetings held in the commune
    activities: list[Activity]
    attended_occurrences: int
    participants: int
    by_age: dict[str, int]
    by_residence: dict[str, int]  # commune of residence → participants, at the commune's activities
    residents: int  # inhabitants of the commune counted at any activity of the territory
    villages: list[str]  # the commune's villages, in territory order
    reached: set[str]
    actors: list[str]  # actors serving the commune (its id or "all" in their area), sorted
    actors_present: set[str]  # those present at a coordination meeting held anywhere in the year
    previous: Period  # the same span of the year before, in the commune

    @property
    def white_zones(self) -> list[str]:
        return [v for v in self.villages if v not in self.reached]


def commune_year(dataset: Dataset, today: date, commune_id: str, year: int) -> CommuneYear:
    """One commune's figures for ``year`` (a year after "today"'s has nothing held yet)."""
    territory = dataset.territory
    assert territory is not None
    first, end = date(year, 1, 1), date(year, 12, 31)
    last = min(today, end)
    index = _memoized(dataset, ("year", today, year), lambda: _YearIndex(dataset, today, year))
    in_year = index.in_year_by_commune.get(commune_id, [])
    mine = index.held_by_commune.get(commune_id, [])

    months = [0] * 12
    by_type: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    activities: dict[tuple[str, str], Activity] = {}
    ages: Counter[str] = Counter()
    residence: Counter[str] = Counter()
    attended = total = 0
    for h in mine:
        months[h.occurrence.day.month - 1] += 1
        by_type[h.type][h.occurrence.day.month - 1] += 1
        activity = activities.setdefault((h.kind, h.source_id), Activity(h.source_id, h.kind, h.type))
        activity.held += 1
        activity.first = min(activity.first or h.occurrence.day, h.occurrence.day)
        activity.last = max(activity.last or h.occurrence.day, h.occurrence.day)
        if h.attendance:
            count = participants(h.attendance)
            activity.participants += count
            activity.attended += 1
            attended += 1
            total += count
            if h.attendance.ages:
                for band, value in h.attendance.ages.model_dump(by_alias=True).items():
                    ages[band] += value or 0
            residence.update(h.attendance.communes or {})

    present = index.present
    serving = sorted(index.everywhere + index.serving.get(commune_id, []))
    commune = next(c for c in territory.communes if c.id == commune_id)
    same_day = date(year - 1, last.month, 28) if (last.month, last.day) == (2, 29) else last.replace(year=year - 1)
    return CommuneYear(
        commune=commune_id,
        year=year,
        first=first,
        last=last,
        complete=last == end,
        months=months,
        months_by_type=dict(sorted(by_type.items())),
        planned=sum(1 for h in in_year if h.occurrence.day > last),
        meetings=sum(1 for h in mine if h.kind == "event" and h.type == "meeting"),
        activities=sorted(activities.values(), key=lambda a: (a.kind, a.source_id)),
        attended_occurrences=attended,
        participants=total,
        by_age={band: ages[band] for band in AGE_BANDS},
        by_residence=dict(sorted(residence.items())),
        residents=index.residents[commune_id],
        villages=[v.id for v in commune.villages],
        reached={h.village for h in mine if h.village},
        actors=serving,
        actors_present=present & set(serving),
        previous=_period(index.found_by_commune.get(commune_id, []), date(year - 1, 1, 1), same_day),
    )


class _YearIndex:
    """What every commune's figures for one year share, computed once: the occurrences of
    the year and the one before grouped by commune, the actors at coordination meetings,
    residents counted anywhere, and who serves which commune."""

    def __init__(self, dataset: Dataset, today: date, year: int) -> None:
        first, end = date(year, 1, 1), date(year, 12, 31)
        last = min(today, end)
        found = occurrences(dataset, date(year - 1, 1, 1), end)
        self.found_by_commune: dict[str | None, list[Held]] = defaultdict(list)
        self.in_year_by_commune: dict[str | None, list[Held]] = defaultdict(list)
        self.held_by_commune: dict[str | None, list[Held]] = defaultdict(list)
        self.present: set[str] = set()
        self.residents: Counter[str] = Counter()
        for h in found:
            self.found_by_commune[h.commune].append(h)
            if not first <= h.occurrence.day <= end:
                continue
            self.in_year_by_commune[h.commune].append(h)
            if h.occurrence.day > last:
                continue
            self.held_by_commune[h.commune].append(h)
            if h.kind == "event" and h.type == "meeting":
                self.present.update(dataset.events[h.source_id].organizers)
                if h.attendance:
                    self.present.update(h.attendance.actors)
            if h.attendance:
                self.residents.update(h.attendance.communes or {})
        self.everywhere = [a for a, actor in dataset.actors.items() if "all" in actor.area]
        self.serving: dict[str, list[str]] = defaultdict(list)
        for actor_id, actor in dataset.actors.items():
            if "all" not in actor.area:
                for commune in dict.fromkeys(actor.area):
                    self.serving[commune].append(actor_id)


def freshness_rows(dataset: Dataset, today: date) -> list[Any]:
    """:func:`freshness.freshness`, once per dataset and day."""
    return _memoized(dataset, ("freshness", today), lambda: freshness(dataset, today))
