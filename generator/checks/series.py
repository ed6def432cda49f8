"""Dates that must be occurrences, times that must exist, stops that must follow each other."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..loading import Source
from ..models import Circuit, Event
from ..schedule import Series, clock_changes, event_series, is_public_holiday, is_unclear_local_time, stop_series
from .context import Context, Path

_MAX_YEARS = 10


def _fmt(value: date | datetime | time) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value.strftime("%H:%M")


def _occurrence_hint(ctx: Context, series: Series, day: date) -> str:
    fr = ctx.reporter.lang == "fr"
    if series.skip_holidays and series.has_rule_date(day) and is_public_holiday(ctx.territory.country, day):
        return (
            "c'est un jour férié, déjà sauté par `public-holidays`"
            if fr
            else "it is a public holiday, already skipped by `public-holidays`"
        )
    horizon = day + timedelta(days=62) if day < date.max - timedelta(days=62) else date.max  # a 9999 typo
    nearby = [d for d in series.rule_dates(horizon) if abs((d - day).days) <= 45]
    if nearby:
        listed = ", ".join(d.isoformat() for d in nearby[:4])
        return f"dates proches de la série : {listed}" if fr else f"nearby dates of the series: {listed}"
    return "vérifiez la date et la règle `repeat`" if fr else "check the date and the `repeat` rule"


def _exceptions(ctx: Context, source: Source, series: Series, entity: Event | Circuit) -> None:
    country = ctx.territory.country
    used: dict[date, str] = {}

    def occurrence(path: Path, day: date, field: str) -> None:
        if day in used:
            ctx.error(source, path, "occurrence_twice", value=day.isoformat(), other=used[day])
            return
        used[day] = field
        holiday_skipped = series.skip_holidays and is_public_holiday(country, day)
        if (
            not series.has_rule_date(day)
            or (holiday_skipped and field != "skip")
            or (field == "skip" and holiday_skipped)
        ):
            ctx.error(
                source, path, "not_an_occurrence", value=day.isoformat(), suggestion=_occurrence_hint(ctx, series, day)
            )

    for index, item in enumerate(entity.skip):
        if isinstance(item, date):
            if series.recurrence is None:
                ctx.error(source, ("skip", index), "exceptions_without_series")
                continue
            occurrence(("skip", index), item, "skip")
    for index, cancellation in enumerate(entity.cancelled):
        occurrence(("cancelled", index, "date"), cancellation.date, "cancelled")
    if isinstance(entity, Event):
        for index, change in enumerate(entity.changed):
            occurrence(("changed", index, "date"), change.date, "changed")


def _rule(ctx: Context, source: Source, series: Series, start_path: Path, *, day_only: bool = False) -> bool:
    if series.recurrence is None:
        return True
    first = series.first_rule_date()
    if first is None:
        ctx.error(source, ("repeat",), "rrule_never")
        return False
    if first != series.start_datetime.date():
        # a circuit's start is a day: the first stop's time was never written there
        shown = _fmt(series.start_datetime.date()) if day_only else _fmt(series.start)
        ctx.error(source, start_path, "start_not_first", start=shown, first=first.isoformat())
        return False
    return True


def _clock(
    ctx: Context, source: Source, series: Series, path: Path, moments: list[time], days: list[date] | None = None
) -> None:
    """Refuse local times that a clock change skips or repeats, on any date of the series."""
    if series.all_day:
        return
    zone = ctx.territory.timezone
    for day in _clock_days(ctx, series) if days is None else days:
        for moment in moments:
            local = datetime.combine(day, moment)
            if is_unclear_local_time(local, zone):
                ctx.error(source, path, "clock_change", value=_fmt(local), zone=zone)
                return


def _clock_days(ctx: Context, series: Series, offset: int = 0) -> list[date]:
    """The series' first day and those of its dates on which the clock changes; with
    ``offset``, the days ``offset`` days after a date (where an overnight end falls)."""
    zone = ctx.territory.timezone
    start_day = series.start_datetime.date()
    if series.recurrence is None:
        days = [start_day + timedelta(days=offset)]
    else:
        # date.max.year - 1: a typo like 9999-12-28 must not overflow the calendar below
        last_year = min(start_day.year + _MAX_YEARS, date.max.year - 1)
        if series.recurrence.until is not None:
            last_year = min(last_year, series.recurrence.until.year)
        elif series.recurrence.count is None:
            last_year = min(last_year, max(start_day.year, ctx.today.year) + 3)
        days = [start_day + timedelta(days=offset)]
        # One expansion up to the last year, not one `has_rule_date` (a scan from the start)
        # per clock change: that was most of `check`'s time on large territories.
        rule = series.rule()
        assert rule is not None
        end = datetime.combine(date(last_year, 12, 31), time.max)
        rule_days = {d.date() for d in rule.between(series.start_datetime, end, inc=True)}
        for year in range(start_day.year, last_year + 1):
            days.extend(d for d in clock_changes(zone, year) if d - timedelta(days=offset) in rule_days)
    return days


def _event(ctx: Context, source: Source, event: Event) -> None:
    start, end = event.start, event.end
    timed = isinstance(start, datetime)
    if end is not None:
        if timed and not isinstance(end, (datetime, time)):
            ctx.error(source, ("end",), "end_timed_type")
            return
        if not timed and (isinstance(end, (datetime, time))):
            ctx.error(source, ("end",), "end_allday_type")
            return
    series = event_series(event)
    if series.duration is not None and series.duration <= timedelta(0):
        ctx.error(source, ("end",), "end_before_start", end=_fmt(end) if end else "", start=_fmt(start))
    if not _rule(ctx, source, series, ("start",)):
        return
    moments = [series.start_datetime.time()]
    if isinstance(end, time):
        moments.append(end)
    _clock(ctx, source, series, ("start",), moments)
    if isinstance(end, datetime) and is_unclear_local_time(end, ctx.territory.timezone):
        ctx.error(source, ("end",), "clock_change", value=_fmt(end), zone=ctx.territory.timezone)
    elif isinstance(end, datetime) and series.recurrence is not None:
        # An end on a later day (22:00 to 02:30) falls in a clock change on some dates only.
        offset = (end.date() - series.start_datetime.date()).days
        if 0 < offset <= 366:
            _clock(ctx, source, series, ("end",), [end.time()], _clock_days(ctx, series, offset))
    _exceptions(ctx, source, series, event)
    for index, change in enumerate(event.changed):
        for name in ("start", "end"):
            value = getattr(change, name)
            if isinstance(value, datetime) and is_unclear_local_time(value, ctx.territory.timezone):
                ctx.error(
                    source, ("changed", index, name), "clock_change", value=_fmt(value), zone=ctx.territory.timezone
                )
        if change.start is not None and isinstance(change.end, (datetime, time)):
            new_end = (
                change.end if isinstance(change.end, datetime) else datetime.combine(change.start.date(), change.end)
            )
            if new_end <= change.start:
                ctx.error(
                    source, ("changed", index, "end"), "end_before_start", end=_fmt(new_end), start=_fmt(change.start)
                )


def _circuit(ctx: Context, source: Source, circuit: Circuit) -> None:
    if circuit.until is not None and circuit.until < circuit.start:
        ctx.error(source, ("until",), "until_before_from", until=circuit.until, start=circuit.start)
        return
    ordered = True
    previous_leave: time | None = None
    visits: dict[str, int] = {}
    keys: set[str] = set()
    for index, stop in enumerate(circuit.stops):
        if stop.leave <= stop.arrive:
            ctx.error(source, ("stops", index, "leave"), "stop_times", arrive=_fmt(stop.arrive), leave=_fmt(stop.leave))
            ordered = False
        if previous_leave is not None and stop.arrive <= previous_leave:
            ctx.error(
                source,
                ("stops", index, "arrive"),
                "stop_overlap",
                arrive=_fmt(stop.arrive),
                previous=_fmt(previous_leave),
            )
            ordered = False
        previous_leave = stop.leave
        visits[stop.village] = visits.get(stop.village, 0) + 1
        key = stop.id or stop.village
        if key in keys:
            path = ("stops", index, "id") if stop.id else ("stops", index, "village")
            if stop.id:
                ctx.error(source, path, "duplicate_id", value=key, other="stops")
            else:
                ctx.error(source, path, "stop_twice", value=key)
        keys.add(key)
    if not ordered or not circuit.stops:
        return
    first = stop_series(circuit, circuit.stops[0])
    if not _rule(ctx, source, first, ("start",), day_only=True):
        return
    _exceptions(ctx, source, first, circuit)
    days = _clock_days(ctx, first)  # every stop runs on the circuit's dates: expand them once
    for index, stop in enumerate(circuit.stops):
        _clock(ctx, source, stop_series(circuit, stop), ("stops", index, "arrive"), [stop.arrive, stop.leave], days)


def check(ctx: Context) -> None:
    for _, _, event, source in ctx.entities("events"):
        _event(ctx, source, event)
    for _, _, circuit, source in ctx.entities("circuits"):
        _circuit(ctx, source, circuit)
