"""The VTIMEZONE of a feed, in the yearly-rule shape Outlook reads right (ICAL.md 3).

The rule is derived, for any IANA zone, from zoneinfo's own clock changes over the feed's
years: each kind of change (same offsets and name) must fall every year on the same weekday
of the same month at the same local time — the *n*-th or the last such weekday — and then
becomes one STANDARD or DAYLIGHT observance with ``RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=…``.
The result is checked against zoneinfo: every change it implies over those years must be
one of zoneinfo's, at the same instant and to the same offset. A zone without clock changes
is one STANDARD block. A zone whose changes follow no such rule (Morocco's Ramadan shifts)
falls back to one observance per change (RDATE), exact but the shape Outlook misreads.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from .lines import Component, local_stamp, text

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EPOCH_YEAR = 1970  # observances start here, as every calendar client writes them


@dataclass(frozen=True)
class Change:
    """One clock change of a zone: the instant, the offsets around it, the new name."""

    at: datetime  # UTC, aware
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def local(self) -> datetime:
        """The wall-clock time at which the clocks change (read on the clock before it)."""
        return (self.at + self.before).replace(tzinfo=None)

    @property
    def kind(self) -> tuple[timedelta, timedelta, str, bool]:
        return (self.before, self.after, self.name, self.daylight)


@dataclass(frozen=True)
class YearlyRule:
    """``FREQ=YEARLY;BYMONTH=month;BYDAY=ordinal weekday`` (ordinal -1: the last)."""

    month: int
    ordinal: int
    weekday: int  # 0 = Monday

    def day_in(self, year: int) -> date:
        days = calendar.monthrange(year, self.month)[1]
        if self.ordinal > 0:
            first = date(year, self.month, 1)
            return first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.ordinal - 1))
        last = date(year, self.month, days)
        return last - timedelta(days=(last.weekday() - self.weekday) % 7)

    def rrule(self) -> str:
        return f"FREQ=YEARLY;BYMONTH={self.month};BYDAY={self.ordinal}{_DAYS[self.weekday]}"


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT block: offsets, name, first onset and how it recurs."""

    daylight: bool
    before: timedelta
    after: timedelta
    name: str
    start: datetime  # local wall-clock time of the first onset (naive)
    rule: YearlyRule | None = None
    rdates: tuple[datetime, ...] = ()

    def onsets(self, first_year: int, last_year: int) -> list[datetime]:
        """The UTC instants (aware) at which this observance begins, in those years."""
        local = [self.start, *self.rdates]
        if self.rule is not None:
            local += [
                datetime.combine(self.rule.day_in(y), self.start.time()) for y in range(first_year, last_year + 1)
            ]
        return sorted(
            {(moment - self.before).replace(tzinfo=UTC) for moment in local if first_year <= moment.year <= last_year}
        )


def changes(zone: str, first_year: int, last_year: int) -> list[Change]:
    """zoneinfo's offset changes from 1 January ``first_year`` to 31 December ``last_year``."""
    tz = ZoneInfo(zone)
    found: list[Change] = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(tz).utcoffset()
    step = timedelta(hours=6)
    while moment < end:
        following = moment + step
        next_offset = following.astimezone(tz).utcoffset()
        if next_offset != offset:
            low, high = int(moment.timestamp()), int(following.timestamp())
            while high - low > 1:  # bisect to the whole second
                middle = (low + high) // 2
                if datetime.fromtimestamp(middle, tz).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            at = datetime.fromtimestamp(high, UTC)
            assert offset is not None and next_offset is not None
            # DAYLIGHT is the block that moves the clocks forward, whatever zoneinfo's dst()
            # says (Dublin's winter time is "negative DST" there): Outlook expects it so.
            found.append(Change(at, offset, next_offset, at.astimezone(tz).tzname() or "", next_offset > offset))
            offset = next_offset
        moment = following
    return found


def _yearly_rule(group: list[Change], years: range) -> YearlyRule | None:
    """The one yearly rule all the changes of ``group`` follow, once a year; else None."""
    if sorted(c.local.year for c in group) != list(years):
        return None
    locals_ = [c.local for c in group]
    first = locals_[0]
    if any((m.month, m.time(), m.weekday()) != (first.month, first.time(), first.weekday()) for m in locals_):
        return None
    ordinals = {(m.day - 1) // 7 + 1 for m in locals_}
    if len(ordinals) == 1 and next(iter(ordinals)) <= 4:
        return YearlyRule(first.month, ordinals.pop(), first.weekday())
    if all(m.day + 7 > calendar.monthrange(m.year, m.month)[1] for m in locals_):
        return YearlyRule(first.month, -1, first.weekday())
    return None


def _epoch_start(rule: YearlyRule, local: datetime) -> datetime:
    return datetime.combine(rule.day_in(_EPOCH_YEAR), local.time())


def _steady(zone: str, year: int) -> list[Observance]:
    at = datetime(year, 1, 1, tzinfo=UTC).astimezone(ZoneInfo(zone))
    offset = at.utcoffset() or timedelta(0)
    return [Observance(False, offset, offset, at.tzname() or "", datetime(_EPOCH_YEAR, 1, 1))]


def yearly_observances(found: list[Change], years: range) -> list[Observance] | None:
    """One observance per kind of change, each with its yearly rule; None if one has none."""
    groups: dict[tuple[timedelta, timedelta, str, bool], list[Change]] = {}
    for change in found:
        groups.setdefault(change.kind, []).append(change)
    observances = []
    for (before, after, name, daylight), group in groups.items():
        rule = _yearly_rule(group, years)
        if rule is None:
            return None
        observances.append(Observance(daylight, before, after, name, _epoch_start(rule, group[0].local), rule))
    return observances


def listed_observances(zone: str, found: list[Change], years: range) -> list[Observance]:
    """The exact fallback: one observance per kind of change, its dates listed (RDATE)."""
    groups: dict[tuple[timedelta, timedelta, str, bool], list[Change]] = {}
    for change in found:
        groups.setdefault(change.kind, []).append(change)
    initial = _steady(zone, years.start)[0]
    observances = [Observance(initial.daylight, found[0].before, found[0].before, initial.name, initial.start)]
    for (before, after, name, daylight), group in groups.items():
        onsets = [c.local for c in group]
        # The first onset is listed again in RDATE: ical.js ignores the DTSTART of an
        # observance that has RDATEs, and a repeated date is the same date (§3.8.5.2).
        observances.append(Observance(daylight, before, after, name, onsets[0], rdates=tuple(onsets)))
    return observances


def implied_changes(observances: list[Observance], years: range) -> list[tuple[datetime, timedelta]]:
    """The (UTC instant, new offset) changes a client computes from ``observances``."""
    onsets = sorted((at, o.before, o.after) for o in observances for at in o.onsets(years.start, years.stop - 1))
    out: list[tuple[datetime, timedelta]] = []
    # Before the first onset of the years, the clock reads that onset's TZOFFSETFROM.
    current = onsets[0][1] if onsets else timedelta(0)
    for at, _, offset in onsets:
        if offset != current:
            out.append((at, offset))
            current = offset
    return out


def agrees(observances: list[Observance], found: list[Change], years: range) -> bool:
    """Do ``observances`` imply exactly zoneinfo's changes over ``years``?"""
    return implied_changes(observances, years) == [(c.at, c.after) for c in found]


@lru_cache(maxsize=32)
def observances_for(zone: str, first_year: int, last_year: int) -> tuple[Observance, ...]:
    """The observances of ``zone`` for a feed covering ``first_year``..``last_year``."""
    years = range(first_year, last_year + 1)
    found = changes(zone, first_year, last_year)
    if not found:
        return tuple(_steady(zone, first_year))
    yearly = yearly_observances(found, years)
    if yearly is not None and agrees(yearly, found, years):
        return tuple(sorted(yearly, key=lambda o: (not o.daylight, o.start)))
    listed = listed_observances(zone, found, years)
    if not agrees(listed, found, years):  # cannot happen: the dates are zoneinfo's own
        raise AssertionError(f"VTIMEZONE for {zone} disagrees with zoneinfo")
    return tuple(listed)


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def vtimezone(zone: str, first_year: int, last_year: int) -> Component:
    """The VTIMEZONE component of ``zone``, right for every instant of those years."""
    component = Component("VTIMEZONE")
    component.add("TZID", text(zone))
    for observance in observances_for(zone, first_year, last_year):
        block = Component("DAYLIGHT" if observance.daylight else "STANDARD")
        block.add("TZOFFSETFROM", _offset(observance.before))
        block.add("TZOFFSETTO", _offset(observance.after))
        if observance.name:
            block.add("TZNAME", text(observance.name))
        block.add("DTSTART", local_stamp(observance.start))
        if observance.rule is not None:
            block.add("RRULE", observance.rule.rrule())
        for moment in observance.rdates:  # one per line: ical.js reads only an RDATE's first value
            block.add("RDATE", local_stamp(moment))
        component.children.append(block)
    return component
