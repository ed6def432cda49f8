"""One series as VEVENTs: the master (RRULE, EXDATEs) and one override per exception.

ICAL.md 7–12: a series is one VEVENT with a local DTSTART and its TZID and one RRULE;
UNTIL is in UTC for a timed series and a DATE for an all-day one; WKST=MO whenever
INTERVAL > 1; each skipped date is an EXDATE equal to the occurrence it removes; a
cancelled or changed occurrence is an override with the same UID and a RECURRENCE-ID equal
to its original start; all-day dates are ``VALUE=DATE`` with an exclusive DTEND. A one-off
event has no RRULE: its single VEVENT carries its cancellation or change itself.

A whole series that is cancelled is written ``STATUS:CANCELLED`` with "ANNULÉ – " before
its title; a postponed one ``STATUS:TENTATIVE`` with "REPORTÉ – ": a subscriber sees that
it will not take place on these dates, and the entry stays until the new dates are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ...schedule import Occurrence, Series
from .lines import Component, date_stamp, local_stamp, param, text, text_list, utc_stamp

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
# What a title starts with when it does not take place: "ANNULÉ – Café parents".
PREFIX = {
    "cancelled": {"fr": "ANNULÉ", "en": "CANCELLED", "nl": "GEANNULEERD", "de": "ABGESAGT"},
    "postponed": {"fr": "REPORTÉ", "en": "POSTPONED", "nl": "UITGESTELD", "de": "VERSCHOBEN"},
}


@dataclass(frozen=True)
class Where:
    """A place as a feed writes it: LOCATION text and GEO."""

    label: str
    geo: tuple[float, float] | None


@dataclass(frozen=True)
class Sheet:
    """Everything a series' VEVENTs say besides dates: texts, links, identity, revision."""

    uid: str
    summary: str
    description: str  # plain text, the event page's address at its end
    short_description: str  # the same without the long description: for oversized feeds
    url: str
    categories: tuple[str, ...]
    organizer: tuple[str, str] | None  # (CN, mailto: or https: URI)
    where: Where | None
    sequence: int
    stamp: datetime  # DTSTAMP, aware: the data's revision, never the build's clock
    modified: datetime | None  # LAST-MODIFIED, when the history knows it
    lang: str


@dataclass(frozen=True)
class Dates:
    """The dates of a series a feed needs from the schedule."""

    series: Series
    zone: str
    skipped: list[date]  # EXDATEs
    exceptions: list[Occurrence]  # overrides: cancelled or changed occurrences


def _value(moment: date | datetime, zone: str) -> tuple[str, str]:
    """(parameters, value) of a DATE or a local DATE-TIME in ``zone``."""
    if isinstance(moment, datetime):
        return f";TZID={zone}", local_stamp(moment)
    return ";VALUE=DATE", date_stamp(moment)


def _titled(sheet: Sheet, status: str) -> str:
    prefix = PREFIX.get(status, {})
    word = prefix.get(sheet.lang) or prefix.get("fr")
    return f"{word} – {sheet.summary}" if word else sheet.summary


def _rrule(series: Series, zone: str) -> str:
    """The RRULE, its lists sorted: ical.js stops a ``BYMONTH=10,11,12,1,2,3`` series after
    December (the order means nothing in RFC 5545, so sorting changes no date)."""
    recurrence = series.recurrence
    assert recurrence is not None
    parts = [f"FREQ={recurrence.freq}"]
    if recurrence.interval != 1:
        parts.append(f"INTERVAL={recurrence.interval}")
    if recurrence.count is not None:
        parts.append(f"COUNT={recurrence.count}")
    if recurrence.byday:
        days = sorted(recurrence.byday, key=lambda d: ((d[1] - recurrence.wkst) % 7, d[0]))
        parts.append("BYDAY=" + ",".join(f"{n or ''}{_DAYS[w]}" for n, w in days))
    if recurrence.bymonthday:
        parts.append("BYMONTHDAY=" + ",".join(str(d) for d in sorted(recurrence.bymonthday)))
    if recurrence.bymonth:
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(recurrence.bymonth)))
    rule = ";".join(parts)
    if recurrence.until is not None:
        if series.all_day:
            rule += f";UNTIL={date_stamp(recurrence.until)}"
        else:
            # "Through that day": the day's last second, in UTC as RFC 5545 §3.3.10 requires.
            last = datetime.combine(recurrence.until, time(23, 59, 59), ZoneInfo(zone))
            rule += f";UNTIL={utc_stamp(last)}"
    if recurrence.interval > 1 or recurrence.wkst != 0:
        rule += f";WKST={_DAYS[recurrence.wkst]}"
    return rule


def _common(component: Component, sheet: Sheet) -> None:
    component.add("UID", text(sheet.uid))
    component.add("DTSTAMP", utc_stamp(sheet.stamp))
    if sheet.modified is not None:
        component.add("LAST-MODIFIED", utc_stamp(sheet.modified))
    component.add("SEQUENCE", str(sheet.sequence))


def _body(
    component: Component, sheet: Sheet, summary: str, note: str | None, where: Where | None, compact: bool
) -> None:
    component.add("SUMMARY", text(summary))
    description = sheet.short_description if compact else sheet.description
    component.add("DESCRIPTION", text(f"{note}\n\n{description}" if note else description))
    component.add("URL", sheet.url)
    if sheet.categories:
        component.add("CATEGORIES", text_list(list(sheet.categories)))
    if where is not None:
        component.add("LOCATION", text(where.label))
        if where.geo is not None:
            component.add("GEO", f"{where.geo[0]:.6f};{where.geo[1]:.6f}")
    if sheet.organizer is not None:
        name, uri = sheet.organizer
        component.add("ORGANIZER", uri, f";CN={param(name)}")


def _span(component: Component, start: date | datetime, end: date | datetime | None, zone: str) -> None:
    params, value = _value(start, zone)
    component.add("DTSTART", value, params)
    if end is not None:
        params, value = _value(end, zone)
        component.add("DTEND", value, params)


def _note(occurrence: Occurrence, lang: str) -> str | None:
    lines = []
    if occurrence.status == "cancelled" and occurrence.reason:
        word = PREFIX["cancelled"].get(lang) or PREFIX["cancelled"]["fr"]
        lines.append(f"{word.capitalize()} : {occurrence.reason}")
    if occurrence.note:
        lines.append(occurrence.note)
    return "\n".join(lines) or None


def components(
    sheet: Sheet,
    dates: Dates,
    where_of: Callable[[Occurrence], Where | None],
    compact: bool = False,
) -> list[Component]:
    """The master VEVENT of the series, then its overrides sorted by RECURRENCE-ID."""
    series, zone = dates.series, dates.zone
    master = Component("VEVENT")
    _common(master, sheet)
    if series.recurrence is None and dates.exceptions:
        # A one-off event: its only occurrence is written as it will (not) take place.
        single = dates.exceptions[0]
        _span(master, single.start, single.end, zone)
        _body(master, sheet, _titled(sheet, single.status), _note(single, sheet.lang), where_of(single), compact)
        master.add("STATUS", STATUS[single.status])
        return [master]
    end = None if series.duration is None else series.start + series.duration
    _span(master, series.start, end, zone)
    if series.recurrence is not None:
        master.add("RRULE", _rrule(series, zone))
        if dates.skipped:
            moments = [
                datetime.combine(d, series.start_datetime.time()) if not series.all_day else d for d in dates.skipped
            ]
            params = f";TZID={zone}" if not series.all_day else ";VALUE=DATE"
            master.add("EXDATE", ",".join(_value(m, zone)[1] for m in moments), params)
    _body(master, sheet, _titled(sheet, series.status), None, sheet.where, compact)
    master.add("STATUS", STATUS[series.status])
    out = [master]
    for occurrence in dates.exceptions:
        override = Component("VEVENT")
        _common(override, sheet)
        params, value = _value(occurrence.original, zone)
        override.add("RECURRENCE-ID", value, params)
        _span(override, occurrence.start, occurrence.end, zone)
        summary = _titled(sheet, occurrence.status)
        _body(override, sheet, summary, _note(occurrence, sheet.lang), where_of(occurrence), compact)
        override.add("STATUS", STATUS[occurrence.status])
        out.append(override)
    return out
