"""Participation (``attendance`` of events): dates that must be occurrences, communes and
actors that must exist, one entry per occurrence."""

from __future__ import annotations

from datetime import date, datetime

from ..schedule import event_series, is_public_holiday
from .context import Context
from .references import _ref


def check(ctx: Context) -> None:
    country = ctx.territory.country
    for _, _, event, source in ctx.entities("events"):
        if not event.attendance:
            continue
        series = event_series(event)
        # A moved occurrence may be written at its original date or at the one it moved to.
        moved = {c.start.date() if isinstance(c.start, datetime) else c.start for c in event.changed if c.start}
        seen: set[date] = set()
        for index, entry in enumerate(event.attendance):
            path: tuple[str | int, ...] = ("attendance", index)
            day = entry.date
            if day in seen:
                ctx.error(source, path + ("date",), "list_duplicate", value=day.isoformat(), index=index + 1)
            seen.add(day)
            skipped = day in series.skip_dates or (series.skip_holidays and is_public_holiday(country, day))
            if (not series.has_rule_date(day) or skipped) and day not in moved:
                ctx.error(
                    source,
                    path + ("date",),
                    "not_an_occurrence",
                    value=day.isoformat(),
                    suggestion="la participation se note à une date de la série"
                    if ctx.reporter.lang == "fr"
                    else "attendance is written for a date of the series",
                )
            for commune in sorted(entry.communes or {}):
                _ref(ctx, source, path + ("communes", commune), "commune", commune, ctx.communes)
            for position, actor in enumerate(entry.actors):
                _ref(ctx, source, path + ("actors", position), "actor", actor, ctx.dataset.ids.get("actors", set()))
