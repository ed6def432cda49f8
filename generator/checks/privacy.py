"""Personal details in free text and addresses: an error unless marked as a public contact.

The model has fields for an organisation's contacts only (``contact``, ``registration``,
the territory's ``helpline``). A phone number or e-mail address written in a summary, a
description, a condition, a note or an address is most often a volunteer's own mobile or
mailbox, published by mistake for every search engine to keep. Each one found that is not a
contact of the entity itself, of the actors it names (organizers, operator, related actors),
of the helpline, or listed in the entry's ``public_contacts`` (the entry's word that this
number is an organisation's, to be published) is an error at its field: the pull request
stays red until it is removed or marked.

Phone numbers are found with phonenumbers' matcher for the territory's country, so that
dates, times and postcodes are not mistaken for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import phonenumbers

from .context import Context, Path, walk

# Fields that hold prose written by people (Markdown or plain text), by data-file name.
FREE_TEXT = frozenset(
    {"summary", "description", "body", "conditions", "cost_note", "message", "reason", "note", "notes", "title",
     "name", "where", "by", "address"}
)  # fmt: skip
# An address is found from its `@`: the local part is read backwards from there (at most 64
# characters, as mail allows), the domain forwards with bounded labels. Every pattern here
# runs in time linear in the text (tests/test_patterns.py gives each its worst input).
_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_DOMAIN = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}\.[A-Za-z]{2,63}(?![A-Za-z0-9-])")
MAX_LOCAL = 64


def emails_in(text: str) -> Iterator[str]:
    """Every e-mail address written in ``text``, in order."""
    start = text.find("@")
    while start != -1:
        begin = start
        while begin > 0 and start - begin < MAX_LOCAL + 1 and text[begin - 1] in _LOCAL:
            begin -= 1
        domain = _DOMAIN.match(text, start + 1)
        if begin < start and domain is not None and (begin == 0 or text[begin - 1] not in _LOCAL):
            yield text[begin : domain.end()]
        start = text.find("@", start + 1)


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


def _marked_public(entity: Any, country: str) -> set[str]:
    """The entry's ``public_contacts``, comparable with what :func:`found_in` finds."""
    found: set[str] = set()
    for value in getattr(entity, "public_contacts", None) or []:
        if "@" in value:
            found.add(value.lower())
        else:
            phone = _normal_phone(value, country)
            if phone:
                found.add(phone)
    return found


def _related(ctx: Context, entity: Any) -> Iterator[Any]:
    for name in RELATED:
        ids = getattr(entity, name, None) or []
        for actor_id in [ids] if isinstance(ids, str) else ids:
            actor = ctx.dataset.actors.get(actor_id)
            if actor is not None:
                yield actor


# Digits with at most three separators between each (possessive: no backtracking, linear).
# Only a run of 6 to 30 digits can be (or hold) phone numbers: it alone is handed, with a
# few characters around it, to PhoneNumberMatcher (about a millisecond for a whole field),
# so that a field of 20,000 digits costs what a regular expression scan costs.
_PHONE_RUN = re.compile(r"\+?+\d(?:[\s./()\-–—·]{0,3}+\d)*+")
_DATE_RUN = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
MIN_DIGITS, MAX_DIGITS = 6, 30
# Runs of digits examined in one entry at most: a few dozen in the longest real description;
# past this many the entry is refused (``privacy_too_many``) rather than checked for minutes.
MAX_RUNS = 300


@dataclass
class Budget:
    """How many more runs of digits may be handed to the phone matcher."""

    left: int = MAX_RUNS


def found_in(text: str, country: str, budget: Budget | None = None) -> Iterator[tuple[str, str, str]]:
    """(kind, comparable value, as written) of every phone number and e-mail in ``text``;
    ``("too_many", "", "")`` and nothing more once ``budget`` is spent."""
    if "@" in text:
        for address in emails_in(text):
            yield "email", address.lower(), address
    for run in _PHONE_RUN.finditer(text):
        written = run.group()
        digits = sum(char.isdigit() for char in written)
        if not MIN_DIGITS <= digits <= MAX_DIGITS or _DATE_RUN.fullmatch(written):
            continue
        if budget is not None:
            if budget.left <= 0:
                yield "too_many", "", ""
                return
            budget.left -= 1
        window = text[max(0, run.start() - 3) : run.end() + 3]
        for match in phonenumbers.PhoneNumberMatcher(window, country, leniency=phonenumbers.Leniency.VALID):
            number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            yield "phone", number, match.raw_string


def check(ctx: Context) -> None:
    country = ctx.territory.country
    public = _contacts(ctx.territory, country)  # the helpline
    known: dict[int, set[str]] = {}  # an actor's contacts, read once however often it is named

    def contacts(entity: Any) -> set[str]:
        if id(entity) not in known:
            known[id(entity)] = _contacts(entity, country)
        return known[id(entity)]

    for _, _, entity, source in ctx.entities("territory", "actors", "places", "events", "circuits", "notices"):
        budget = Budget()
        found = [(path, hit) for path, text in _texts(entity) for hit in found_in(text, country, budget)]
        if not found:  # most texts: the entity's contacts need not be read at all
            continue
        own = public | contacts(entity) | _marked_public(entity, country)
        for actor in _related(ctx, entity):
            own |= contacts(actor)
        for path, (kind, value, written) in found:
            if kind == "too_many":
                ctx.error(source, path, "privacy_too_many", limit=MAX_RUNS)
                break
            if value not in own:
                ctx.error(source, path, f"personal_{kind}", value=written)
