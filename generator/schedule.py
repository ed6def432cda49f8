"""Series and their occurrences: the one expansion every output uses.

A *series* is an event (one date or a rule) or one stop of a circuit (the circuit's rule at
the stop's times). Its occurrences are the rule's dates, minus the skipped ones (explicit
dates, and public holidays from the ``holidays`` package for ``skip: [public-holidays]``),
with cancelled ones kept and marked, and changed ones moved. All times are local, naive, in
the territory's timezone; writers attach the zone.

``schedule``/``expand`` give the occurrences that take place in a Window (six months back,
twelve ahead of "today": what pages, leaflets and the feed tests show). A feed writes a
series as its rule, so it also asks for the rule's ``skipped_days`` (EXDATEs), its
``exceptions`` (cancelled and changed occurrences: overrides) and its ``last_day`` (to leave
out a series over before the window) — all from the same functions, never by itself.

dateutil expands the rules (``rrule``); ``UNTIL`` written as a date means "through that day".

*Where* an occurrence takes place is resolved here too, once (``where``): a place id or an
inline location (moved occurrences carry their own) becomes a ``Where`` — name, address,
commune, village and position (the venue's own, else its village's, else its commune's) —
that pages, feeds, leaflets, open data and indicators all say the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule as du
from dateutil.relativedelta import relativedelta

from .models import Change, Circuit, Event, InlineLocation, Place, Stop, Territory
from .models.recurrence import Recurrence
from .models.series import PUBLIC_HOLIDAYS
from .models.types import text_in

_FREQ = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}
_DAYS = (du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU)
# An open-ended series is expanded this far past "today" at most.
HORIZON_DAYS = 3 * 366


def build_rule(recurrence: Recurrence, dtstart: datetime) -> du.rrule:
    """The dateutil rule for ``recurrence`` starting at ``dtstart`` (naive local time)."""
    kwargs: dict[str, Any] = {"dtstart": dtstart, "interval": recurrence.interval, "wkst": recurrence.wkst}
    if recurrence.byday:
        kwargs["byweekday"] = [_DAYS[d](n) if n else _DAYS[d] for n, d in recurrence.byday]
    if recurrence.bymonthday:
        kwargs["bymonthday"] = recurrence.bymonthday
    if recurrence.bymonth:
        kwargs["bymonth"] = recurrence.bymonth
    if recurrence.count is not None:
        kwargs["count"] = recurrence.count
    if recurrence.until is not None:
        kwargs["until"] = datetime.combine(recurrence.until, time(23, 59, 59))
    return du.rrule(_FREQ[recurrence.freq], **kwargs)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _rule_days(recurrence: Recurrence, first: date, until: date | None) -> tuple[date, ...]:
    """The dates of a rule from ``first`` (through ``until`` if given). The time of day never
    changes them (no BYHOUR is accepted), so the stops of a route share one expansion."""
    rule = build_rule(recurrence, datetime.combine(first, time()))
    if until is None:
        return tuple(d.date() for d in rule)
    return tuple(
        d.date() for d in rule.between(datetime.combine(first, time()), datetime.combine(until, time.max), inc=True)
    )


@lru_cache(maxsize=64)
def public_holidays(country: str, year: int) -> frozenset[date]:
    try:
        return frozenset(holidays.country_holidays(country, years=[year]).keys())
    except NotImplementedError:
        return frozenset()


def is_public_holiday(country: str, day: date) -> bool:
    return day in public_holidays(country, day.year)


@lru_cache(maxsize=16)
def clock_changes(zone: str, year: int) -> tuple[date, ...]:
    """The local dates on which the zone's UTC offset changes during ``year``."""
    tz = ZoneInfo(zone)
    changes = []
    previous = datetime(year, 1, 1, 12, tzinfo=tz).utcoffset()
    day = date(year, 1, 1)
    while day.year == year:
        offset = datetime.combine(day + timedelta(days=1), time(12), tz).utcoffset()
        if offset != previous:
            changes.append(day + timedelta(days=1))
            previous = offset
        day += timedelta(days=1)
    return tuple(changes)


def is_unclear_local_time(moment: datetime, zone: str) -> bool:
    """True when ``moment`` does not exist, or exists twice, in ``zone`` (clock changes)."""
    tz = ZoneInfo(zone)
    first = moment.replace(tzinfo=tz, fold=0)
    second = moment.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        return True
    # A time in a gap round-trips to another wall-clock time.
    back = first.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None)
    return back != moment


@dataclass(frozen=True)
class Series:
    """One series to expand: an event, or one stop of a circuit."""

    key: str  # "evenement-<id>" or "tournee-<circuit>-<stop key>", the UID's local part
    kind: str  # "event" or "stop"
    source_id: str  # the event or circuit id
    start: date | datetime  # first occurrence (a date: all-day)
    duration: timedelta | None  # None: no end given
    recurrence: Recurrence | None
    skip_dates: frozenset[date] = frozenset()
    skip_holidays: bool = False
    cancelled: dict[date, str | None] = field(default_factory=dict)
    status: str = "scheduled"
    stop_key: str | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def start_datetime(self) -> datetime:
        if isinstance(self.start, datetime):
            return self.start
        return datetime.combine(self.start, time())

    def rule(self) -> du.rrule | None:
        return build_rule(self.recurrence, self.start_datetime) if self.recurrence else None

    def rule_dates(self, until: date | None = None) -> list[date]:
        """The rule's dates (before skipping), up to ``until`` for an open-ended rule."""
        if self.recurrence is None:
            return [self.start_datetime.date()]
        first = self.start_datetime.date()
        if self.recurrence.count is None and self.recurrence.until is None:
            return list(_rule_days(self.recurrence, first, until or (first + timedelta(days=HORIZON_DAYS))))
        return list(_rule_days(self.recurrence, first, None))

    def first_rule_date(self) -> date | None:
        rule = self.rule()
        if rule is None:
            return self.start_datetime.date()
        first = rule.after(self.start_datetime, inc=True)
        return first.date() if first is not None else None

    def has_rule_date(self, day: date) -> bool:
        """Is ``day`` one of the rule's dates (before skipping)?"""
        rule = self.rule()
        if rule is None:
            return day == self.start_datetime.date()
        if day < self.start_datetime.date():
            return False
        moment = datetime.combine(day, self.start_datetime.time())
        return rule.after(moment, inc=True) == moment


def event_series(event: Event) -> Series:
    start = event.start
    duration: timedelta | None = None
    if isinstance(start, datetime):
        if isinstance(event.end, datetime):
            duration = event.end - start
        elif isinstance(event.end, time):
            duration = datetime.combine(start.date(), event.end) - start
    else:
        last = event.end if isinstance(event.end, date) and not isinstance(event.end, datetime) else start
        duration = timedelta(days=(last - start).days + 1)
    return Series(
        key=f"evenement-{event.id}",
        kind="event",
        source_id=event.id,
        start=start,
        duration=duration,
        recurrence=event.repeat,
        skip_dates=frozenset(d for d in event.skip if isinstance(d, date)),
        skip_holidays=PUBLIC_HOLIDAYS in event.skip,
        cancelled={c.date: c.reason for c in event.cancelled},
        status=str(event.status),
    )


def stop_key(stop: Stop) -> str:
    return stop.id or stop.village


def _bounded(recurrence: Recurrence, dtstart: datetime, until: date | None) -> Recurrence:
    """``recurrence`` ending no later than a circuit's ``until``.

    RFC 5545 forbids COUNT with UNTIL: a COUNT whose last date falls after ``until`` becomes
    that UNTIL, one that ends earlier is kept as it is.
    """
    if until is None:
        return recurrence
    if recurrence.until is not None and recurrence.until <= until:
        return recurrence
    if recurrence.count is not None:
        last = list(build_rule(recurrence, dtstart))[-1].date()
        if last <= until:
            return recurrence
    return replace(recurrence, until=until, count=None)


def stop_series(circuit: Circuit, stop: Stop) -> Series:
    recurrence = _bounded(circuit.repeat, datetime.combine(circuit.start, stop.arrive), circuit.until)
    start = datetime.combine(circuit.start, stop.arrive)
    return Series(
        key=f"tournee-{circuit.id}-{stop_key(stop)}",
        kind="stop",
        source_id=circuit.id,
        start=start,
        duration=datetime.combine(circuit.start, stop.leave) - start,
        recurrence=recurrence,
        skip_dates=frozenset(d for d in circuit.skip if isinstance(d, date)),
        skip_holidays=PUBLIC_HOLIDAYS in circuit.skip,
        cancelled={c.date: c.reason for c in circuit.cancelled},
        stop_key=stop_key(stop),
    )


@dataclass(frozen=True)
class Occurrence:
    """One dated occurrence of a series, as every output shows it."""

    series: str
    original: date | datetime  # the rule's start for this occurrence (RECURRENCE-ID)
    start: date | datetime
    end: date | datetime | None  # exclusive for all-day occurrences; None: no end given
    status: str  # "scheduled" | "cancelled" | "postponed" (the series' own status)
    reason: str | None = None
    note: str | None = None
    moved: bool = False
    place: str | None = None
    location: InlineLocation | None = None
    changed: bool = False  # listed under `changed:` (moved or altered): a feed override

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    def sort_key(self) -> tuple[datetime, str]:
        moment = self.start if isinstance(self.start, datetime) else datetime.combine(self.start, time())
        return (moment, self.series)


# --- expansion ---------------------------------------------------------------------------

# Past occurrences stay in feeds and pages six months (ICAL.md 17); a year ahead is shown.
LOOK_BACK_MONTHS = 6
LOOK_AHEAD_MONTHS = 12


@dataclass(frozen=True)
class Window:
    """The dates every output considers: [first, last], both inclusive."""

    first: date
    last: date

    @classmethod
    def around(cls, today: date) -> Window:
        return cls(today - relativedelta(months=LOOK_BACK_MONTHS), today + relativedelta(months=LOOK_AHEAD_MONTHS))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def all_series(events: dict[str, Event], circuits: dict[str, Circuit]) -> list[Series]:
    """Every series of the dataset, sorted by key: each event, and each stop of each circuit."""
    series = [event_series(event) for event in events.values()]
    for circuit in circuits.values():
        series.extend(stop_series(circuit, stop) for stop in circuit.stops)
    return sorted(series, key=lambda s: s.key)


def _is_skipped(series: Series, day: date, country: str) -> bool:
    return day in series.skip_dates or (series.skip_holidays and is_public_holiday(country, day))


def _occurrence(series: Series, day: date, event: Event | None, change: Change | None) -> Occurrence:
    """The occurrence the rule gives on ``day``, with its cancellation or change applied."""
    if series.all_day:
        original: date | datetime = day
        start: date | datetime = day
        end: date | datetime | None = day + (series.duration or timedelta(days=1))
    else:
        original = datetime.combine(day, series.start_datetime.time())
        start = original
        end = original + series.duration if series.duration is not None else None
    status, reason = series.status, None
    if day in series.cancelled:
        status, reason = "cancelled", series.cancelled[day]
    place = event.place if event is not None else None
    location = event.location if event is not None else None
    note, moved = None, False
    if change is not None:
        note = change.note
        if change.start is not None:
            length = end - start if end is not None else None
            # An all-day occurrence moves to the new start's day; its time means nothing.
            start = change.start if isinstance(start, datetime) else change.start.date()
            end = start + length if length is not None else None
            moved = start != original
        if isinstance(start, datetime):
            if isinstance(change.end, datetime):
                end = change.end
            elif isinstance(change.end, time):
                end = datetime.combine(start.date(), change.end)
        if change.place is not None or change.location is not None:
            place, location = change.place, change.location
            moved = True
    return Occurrence(
        series=series.key,
        original=original,
        start=start,
        end=end,
        status=status,
        reason=reason,
        note=note,
        moved=moved,
        place=place,
        location=location,
        changed=change is not None,
    )


def expand(series: Series, window: Window, country: str, event: Event | None = None) -> list[Occurrence]:
    """The occurrences of ``series`` that take place (start) in ``window``, sorted.

    Skipped dates are dropped; cancelled ones are kept with status ``cancelled``; changed ones
    (``event.changed``) are moved or altered — an occurrence moved into the window from outside
    it is in, one moved out of it is not; every other occurrence carries the series' status.
    """
    changes = {c.date: c for c in event.changed} if event is not None else {}
    days = {d for d in series.rule_dates(window.last) if d in window}
    days.update(changes)  # moved occurrences may come from outside the window
    out = []
    for day in sorted(days):
        if _is_skipped(series, day, country):
            continue
        occurrence = _occurrence(series, day, event, changes.get(day))
        if occurrence.day in window:
            out.append(occurrence)
    return sorted(out, key=Occurrence.sort_key)


def exceptions(series: Series, country: str, event: Event | None = None) -> list[Occurrence]:
    """The occurrences that differ from the rule — cancelled or changed — wherever they fall,
    sorted by original date: what a feed writes as overrides (RECURRENCE-ID)."""
    changes = {c.date: c for c in event.changed} if event is not None else {}
    days = sorted(set(series.cancelled) | set(changes))
    return [_occurrence(series, day, event, changes.get(day)) for day in days if not _is_skipped(series, day, country)]


def skipped_days(series: Series, country: str, until: date) -> list[date]:
    """The rule's dates that do not take place (``skip``: dates and public holidays), from the
    series' start up to ``until`` for an open-ended rule (all of them otherwise): EXDATEs."""
    if series.recurrence is None:
        return []
    return [d for d in series.rule_dates(until) if _is_skipped(series, d, country)]


def last_day(series: Series, country: str, event: Event | None = None) -> date | None:
    """The last day on which an occurrence starts; None for an open-ended rule."""
    recurrence = series.recurrence
    if recurrence is not None and recurrence.count is None and recurrence.until is None:
        return None
    changes = {c.date: c for c in event.changed} if event is not None else {}
    last = next(
        (d for d in reversed(series.rule_dates()) if d not in changes and not _is_skipped(series, d, country)), None
    )
    # A changed occurrence may have moved past (or before) the rule's last date.
    moved = [_occurrence(series, d, event, c).day for d, c in changes.items() if not _is_skipped(series, d, country)]
    return max([d for d in (last, *moved) if d is not None], default=None)


def schedule(
    events: dict[str, Event], circuits: dict[str, Circuit], country: str, window: Window
) -> dict[str, list[Occurrence]]:
    """Series key → its occurrences in ``window``: the one expansion every output uses."""
    result: dict[str, list[Occurrence]] = {}
    for series in all_series(events, circuits):
        event = events.get(series.source_id) if series.kind == "event" else None
        result[series.key] = expand(series, window, country, event)
    return result


# --- where -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """Where an occurrence takes place, from a place id or an inline location. Names stay
    translatable (``title``, ``label`` say them in one language); ``geo`` is the venue's own
    position, else its village's, else its commune's (``precise`` tells which)."""

    name: str | dict[str, str] | None
    address: str | None
    commune: str
    village: str | None
    geo: tuple[float, float] | None
    precise: bool
    place: str | None = None  # the place id, when it is one
    wheelchair: str = "unknown"
    commune_name: str | dict[str, str] | None = None
    village_name: str | dict[str, str] | None = None

    def title(self, lang: str, default_lang: str) -> str:
        """The venue's name, else its village's, else its commune's: « Salle de Maffe », « Ciney »."""
        for value in (self.name, self.village_name, self.commune_name):
            if value:
                return text_in(value, lang, default_lang)
        return self.commune

    def label(self, lang: str, default_lang: str) -> str:
        """One line for a reader: the name and the address; without an address, the village
        and the commune: « Salle de Maffe, Rue de la Salle 2, 5374 Maffe », « Achêne, Ciney »."""
        parts = [self.name, self.address]
        if not self.address:
            parts += [self.village_name, self.commune_name]
        words = (text_in(part, lang, default_lang) for part in parts if part)
        return ", ".join(dict.fromkeys(w for w in words if w)) or self.commune


def where(
    place_id: str | None, location: InlineLocation | None, places: dict[str, Place], territory: Territory
) -> Where | None:
    """Where a place id or an inline location is (a place id wins, as in the data's rules)."""
    communes = {c.id: c for c in territory.communes}
    villages = {v.id: v for c in territory.communes for v in c.villages}
    holder: Place | InlineLocation | None = places.get(place_id) if place_id is not None else None
    if holder is None:
        holder = location
    if holder is None:
        return None
    village = villages.get(holder.village) if holder.village is not None else None
    commune = communes.get(holder.commune)
    fallback = village.geo if village is not None else (commune.geo if commune is not None else None)
    return Where(
        name=holder.name,
        address=holder.address,
        commune=holder.commune,
        village=holder.village,
        geo=holder.geo or fallback,
        precise=holder.geo is not None,
        place=holder.id if isinstance(holder, Place) else None,
        wheelchair=str(holder.wheelchair),
        commune_name=commune.name if commune is not None else None,
        village_name=village.name if village is not None else None,
    )
