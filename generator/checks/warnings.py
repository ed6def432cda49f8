"""What is reported without stopping the build: stale, past or missing things."""

from __future__ import annotations

from datetime import date

from ..calendar_words import WEEKDAYS
from ..freshness import months_between
from ..hours import overrides
from ..loading import Source
from ..schedule import event_series, stop_series
from .context import Context


def _last_date(series_dates: list[date]) -> date | None:
    return series_dates[-1] if series_dates else None


def check(ctx: Context) -> None:
    _hours(ctx)
    today = ctx.today
    served: set[str] = set()
    for _, _, actor, source in ctx.entities("actors"):
        served.update(ctx.communes if "all" in actor.area else actor.area)
        on = actor.verified.on
        if on > today:
            ctx.warn(source, ("verified", "on"), "verification_future", on=on.isoformat())
        else:
            months = months_between(on, today)
            if months >= actor.review_months:
                ctx.warn(
                    source,
                    ("verified", "on"),
                    "verification_overdue",
                    on=on.isoformat(),
                    months=months,
                    review=actor.review_months,
                )
    territory_source = ctx.dataset.sources[("territory", "territory")]
    for index, commune in enumerate(ctx.territory.communes):
        if commune.id not in served:
            ctx.warn(territory_source, ("communes", index, "id"), "commune_without_actor", value=commune.id)

    for _, _, event, source in ctx.entities("events"):
        series = event_series(event)
        if series.recurrence is not None and series.recurrence.count is None and series.recurrence.until is None:
            continue  # open-ended: never all past
        last = _last_date(series.rule_dates())
        if (
            last is not None
            and last < today
            and not any(c.start is not None and c.start.date() >= today for c in event.changed)
        ):
            ctx.warn(source, ("start",), "series_past", last=last.isoformat())
    for _, _, circuit, source in ctx.entities("circuits"):
        if not circuit.stops:
            continue
        series = stop_series(circuit, circuit.stops[0])
        if series.recurrence is not None and series.recurrence.until is None and series.recurrence.count is None:
            continue
        last = _last_date(series.rule_dates())
        if last is not None and last < today:
            ctx.warn(source, ("start",), "series_past", last=last.isoformat())
    for _, _, notice, source in ctx.entities("notices"):
        if notice.until < today:
            ctx.warn(source, ("until",), "notice_expired", until=notice.until.isoformat())


def _hours(ctx: Context) -> None:
    """Opening hours whose later rule silently replaces earlier days (``hours.overrides``)."""
    values: list[tuple[Source, tuple[str | int, ...], str | None]] = []
    for _, _, actor, source in ctx.entities("actors"):
        values += [(source, ("locations", i, "hours"), loc.hours) for i, loc in enumerate(actor.locations)]
        values += [(source, ("services", i, "hours"), svc.hours) for i, svc in enumerate(actor.services)]
    helpline = ctx.territory.helpline
    if helpline is not None:
        values.append((ctx.dataset.sources[("territory", "territory")], ("helpline", "hours"), helpline.hours))
    names = WEEKDAYS["fr" if ctx.reporter.lang == "fr" else "en"]
    joiner = " et " if ctx.reporter.lang == "fr" else " and "
    for source, path, text in values:
        if not text:
            continue
        for found in overrides(text, ctx.territory.country, ctx.today):
            days = [("le " if ctx.reporter.lang == "fr" else "") + names[d] for d in found.weekdays]
            said = days[0] if len(days) == 1 else ", ".join(days[:-1]) + joiner + days[-1]
            ctx.warn(source, path, "hours_override", rule=found.rule, days=said, suggestion=found.suggestion)
