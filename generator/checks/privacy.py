"""Personal details in free text: a warning, never an error.

The model has fields for an organisation's contacts only (``contact``, ``registration``,
the territory's ``helpline``). A phone number or e-mail address written in a summary, a
description, a condition or a note is most often a volunteer's own mobile or mailbox,
published by mistake for every search engine to keep. Each one found that is not a contact
of the entity itself, of the actors it names (organizers, operator, related actors) or of
the helpline is reported at its field, so that a maintainer looks before merging.

Phone numbers are found with phonenumbers' matcher for the territory's country, so that
dates, times and postcodes are not mistaken for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import phonenumbers

from .context import Context, Path, walk

# Fields that hold prose written by people (Markdown or plain text), by data-file name.
FREE_TEXT = frozenset(
    {"summary", "description", "body", "conditions", "cost_note", "message", "reason", "note", "notes", "title",
     "name", "where", "by"}
)  # fmt: skip
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
RELATED = ("organizers", "operator", "actors")


def _texts(entity: Any) -> Iterator[tuple[Path, str]]:
    for path, key, value in walk(entity):
        if key not in FREE_TEXT:
            continue
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for lang, text in sorted(value.items()):
                if isinstance(text, str):
                    yield path + (lang,), text


def _normal_phone(text: str, country: str) -> str | None:
    try:
        number = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _contacts(entity: Any, country: str) -> set[str]:
    """The phone numbers (E.164) and e-mail addresses (lower case) of ``entity``'s fields."""
    found: set[str] = set()
    for _, key, value in walk(entity):
        if key == "phone" and value:
            phone = _normal_phone(str(value), country)
            if phone:
                found.add(phone)
        elif key == "email" and value:
            found.add(str(value).lower())
    return found


def _related(ctx: Context, entity: Any) -> Iterator[Any]:
    for name in RELATED:
        ids = getattr(entity, name, None) or []
        for actor_id in [ids] if isinstance(ids, str) else ids:
            actor = ctx.dataset.actors.get(actor_id)
            if actor is not None:
                yield actor


# No phone number has fewer than six digits: text without such a run (most text) is not
# handed to PhoneNumberMatcher, which costs about a millisecond per field.
_MAYBE_PHONE = re.compile(r"\d(?:[\s./()\-–—·]*\d){5}")


def found_in(text: str, country: str) -> Iterator[tuple[str, str, str]]:
    """(kind, comparable value, as written) of every phone number and e-mail in ``text``."""
    if "@" in text:
        for address in EMAIL.findall(text):
            yield "email", address.lower(), address
    if _MAYBE_PHONE.search(text) is None:
        return
    for match in phonenumbers.PhoneNumberMatcher(text, country, leniency=phonenumbers.Leniency.VALID):
        yield "phone", phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164), match.raw_string


def check(ctx: Context) -> None:
    country = ctx.territory.country
    public = _contacts(ctx.territory, country)  # the helpline
    known: dict[int, set[str]] = {}  # an actor's contacts, read once however often it is named

    def contacts(entity: Any) -> set[str]:
        if id(entity) not in known:
            known[id(entity)] = _contacts(entity, country)
        return known[id(entity)]

    for _, _, entity, source in ctx.entities("territory", "actors", "places", "events", "circuits", "notices"):
        found = [(path, hit) for path, text in _texts(entity) for hit in found_in(text, country)]
        if not found:  # most texts: the entity's contacts need not be read at all
            continue
        own = public | contacts(entity)
        for actor in _related(ctx, entity):
            own |= contacts(actor)
        for path, (kind, value, written) in found:
            if value not in own:
                ctx.warn(source, path, f"personal_{kind}", value=written)
