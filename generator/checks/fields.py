"""What one file must hold together: contact, cost notes, audiences, geo, phones, texts."""

from __future__ import annotations

import phonenumbers

from ..loading import Source
from ..models import Access, Contact
from ..models.links import link_warnings
from .context import Context, Path, walk

_KINDS = ("territory", "actors", "places", "events", "circuits", "notices")


def _geo(ctx: Context, source: Source, path: Path, geo: tuple[float, float]) -> None:
    south, west, north, east = ctx.bbox
    lat, lon = geo
    if south <= lat <= north and west <= lon <= east:
        return
    lang = ctx.reporter.lang
    if south <= lon <= north and west <= lat <= east:
        hint = (
            f"la latitude et la longitude semblent inversées : écrivez `[{lon}, {lat}]`"
            if lang == "fr"
            else f"latitude and longitude look swapped: write `[{lon}, {lat}]`"
        )
    else:
        box = f"{south:.2f}–{north:.2f}, {west:.2f}–{east:.2f}"
        hint = (
            f"le territoire s'étend en latitude et longitude sur {box} ; vérifiez le point sur une carte"
            if lang == "fr"
            else f"the territory spans latitude and longitude {box}; check the point on a map"
        )
    ctx.error(source, path, "geo_outside", lat=lat, lon=lon, hint=hint)


def _phone(ctx: Context, source: Source, path: Path, text: str) -> None:
    country = ctx.territory.country
    try:
        number = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        ctx.error(source, path, "phone_invalid", value=text, country=country)
        return
    if not phonenumbers.is_possible_number(number):
        ctx.error(source, path, "phone_invalid", value=text, country=country)
    elif not phonenumbers.is_valid_number(number):
        ctx.warn(source, path, "phone_unknown_range", value=text, country=country)


def _translations(ctx: Context, source: Source, path: Path, value: dict[str, str]) -> None:
    languages = ctx.territory.languages
    first = languages[0]
    if first not in value:
        ctx.error(source, path, "translation_first_missing", lang=first)
    for lang in languages[1:]:
        if lang not in value:
            ctx.warn(source, path, "translation_incomplete", lang=lang, default=first)


def _contact(ctx: Context, source: Source, path: Path, contact: Contact) -> None:
    if contact.phone is None and contact.email is None and contact.website is None:
        ctx.error(source, path, "contact_empty")


def _cost(ctx: Context, source: Source, path: Path, cost: str, note: str | None, note_path: Path) -> None:
    if cost != "free" and note is None:
        ctx.error(source, path, "cost_note_missing", cost=cost)


def _audiences(ctx: Context, source: Source, path: Path, values: list[str] | None) -> None:
    if values and "all" in values and len(values) > 1:
        ctx.error(source, path, "all_alone")


def check(ctx: Context) -> None:
    for kind, _, entity, source in ctx.entities(*_KINDS):
        for path, name, value in walk(entity):
            if value is None:
                continue
            if name == "geo":
                _geo(ctx, source, path, value)
            elif name == "phone":
                _phone(ctx, source, path, value)
            elif name in ("website", "url") and isinstance(value, str):
                for code, context in link_warnings(value):  # http, a host mixing scripts
                    ctx.warn(source, path, code, **context)
            elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
                _translations(ctx, source, path, value)
            elif isinstance(value, Contact):
                _contact(ctx, source, path, value)
            elif isinstance(value, Access):
                _cost(ctx, source, path + ("cost",), value.cost, value.cost_note, path)
            elif name == "audiences":
                _audiences(ctx, source, path, value)
        if kind == "events":
            if entity.place is not None and entity.location is not None:
                ctx.error(source, ("location",), "place_and_location")
            elif entity.place is None and entity.location is None:
                ctx.error(source, (), "place_missing")
            for index, change in enumerate(entity.changed):  # a moved occurrence goes to one venue too
                if change.place is not None and change.location is not None:
                    ctx.error(source, ("changed", index, "location"), "place_and_location")
            _cost(ctx, source, ("cost",), entity.cost, entity.cost_note, ())
        if kind == "actors":
            for index, closure in enumerate(entity.closures):
                if closure.until < closure.from_:
                    ctx.error(
                        source,
                        ("closures", index, "until"),
                        "until_before_from",
                        until=closure.until,
                        start=closure.from_,
                    )
        if kind == "notices" and entity.until < entity.from_:
            ctx.error(source, ("until",), "until_before_from", until=entity.until, start=entity.from_)
