"""Ids that must exist: communes, villages, actors, places; ids that must be unique."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..loading import Source
from ..messages import did_you_mean
from .context import Context, Path


def _ref(ctx: Context, source: Source, path: Path, what: str, value: str, known: Iterable[str]) -> bool:
    if value in known:  # a dict or set lookup: a list of every id per reference made check quadratic
        return True
    options = list(known)
    folder = {"actor": "data/actors/", "place": "data/places/"}.get(what, "data/territory.yaml")
    fallback = (
        f"aucun identifiant proche : les identifiants existants sont dans {folder}"
        if ctx.reporter.lang == "fr"
        else f"no close id: the existing ids are in {folder}"
    )
    hint = did_you_mean(value, options, ctx.reporter.lang, listing=len(options) <= 12, fallback=fallback)
    ctx.error(source, path, "unknown_reference", what=what, value=value, suggestion=hint)
    return False


def _commune_village(ctx: Context, source: Source, path: Path, holder: Any) -> None:
    """``holder.commune`` must exist, and ``holder.village``, if any, must be in it."""
    commune_ok = _ref(ctx, source, path + ("commune",), "commune", holder.commune, ctx.communes)
    village = getattr(holder, "village", None)
    if village is None:
        return
    if not _ref(ctx, source, path + ("village",), "village", village, ctx.villages):
        return
    actual = ctx.villages[village]
    if commune_ok and actual != holder.commune:
        ctx.error(
            source,
            path + ("village",),
            "village_not_in_commune",
            village=village,
            commune=holder.commune,
            actual=actual,
        )


def _areas(ctx: Context, source: Source, path: Path, values: list[str]) -> None:
    if "all" in values:
        if len(values) > 1:
            ctx.error(source, path, "area_all_alone")
        return
    for index, value in enumerate(values):
        _ref(ctx, source, path + (index,), "commune", value, ctx.communes)


def check(ctx: Context) -> None:
    territory_source = ctx.dataset.sources[("territory", "territory")]
    seen_communes: set[str] = set()
    seen_villages: dict[str, str] = {}
    for c_index, commune in enumerate(ctx.territory.communes):
        if commune.id in seen_communes:
            ctx.error(territory_source, ("communes", c_index, "id"), "duplicate_id", value=commune.id, other="communes")
        seen_communes.add(commune.id)
        for v_index, village in enumerate(commune.villages):
            if village.id in seen_villages:
                ctx.error(
                    territory_source,
                    ("communes", c_index, "villages", v_index, "id"),
                    "duplicate_village",
                    value=village.id,
                    other=seen_villages[village.id],
                )
            else:
                seen_villages[village.id] = commune.id

    actors = ctx.dataset.ids.get("actors") or set(ctx.dataset.actors)
    places = ctx.dataset.ids.get("places") or set(ctx.dataset.places)
    for index, calendar in enumerate(ctx.territory.calendars):
        _ref(ctx, territory_source, ("calendars", index, "organizer"), "actor", calendar.organizer, actors)
    for _, _, actor, source in ctx.entities("actors"):
        _areas(ctx, source, ("area",), actor.area)
        for index, location in enumerate(actor.locations):
            _commune_village(ctx, source, ("locations", index), location)
    for _, _, place, source in ctx.entities("places"):
        _commune_village(ctx, source, (), place)
    for _, _, event, source in ctx.entities("events"):
        for index, organizer in enumerate(event.organizers):
            _ref(ctx, source, ("organizers", index), "actor", organizer, actors)
        if event.place is not None:
            _ref(ctx, source, ("place",), "place", event.place, places)
        if event.location is not None:
            _commune_village(ctx, source, ("location",), event.location)
        for index, change in enumerate(event.changed):
            if change.place is not None:
                _ref(ctx, source, ("changed", index, "place"), "place", change.place, places)
            if change.location is not None:
                _commune_village(ctx, source, ("changed", index, "location"), change.location)
    for _, _, circuit, source in ctx.entities("circuits"):
        _ref(ctx, source, ("operator",), "actor", circuit.operator, actors)
        for index, stop in enumerate(circuit.stops):
            _ref(ctx, source, ("stops", index, "village"), "village", stop.village, ctx.villages)
    for _, _, notice, source in ctx.entities("notices"):
        _areas(ctx, source, ("communes",), notice.communes)
        for index, actor_id in enumerate(notice.actors):
            _ref(ctx, source, ("actors", index), "actor", actor_id, actors)
