"""Field types shared by every data file: ids, texts, dates, times, places on the map.

Each type is a plain Python value after validation (``str``, ``date``, ``time``…) with a
validator that refuses a wrong value with a *code* and a context; ``generator.messages``
turns the code into words a volunteer understands, in French or English. The JSON Schema
of each type is written by hand beside it, so that editors complete and underline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .links import EMAIL_PATTERN, MAX_EMAIL, MAX_URL, URL_PATTERN, check_email, check_url
from .vocabularies import VOCABULARIES

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T]([0-9]{1,2}:[0-9]{2})")
_LANG = re.compile(r"[a-z]{2,3}")
# Bidirectional overrides and invisible format characters: legitimate in none of our fields,
# and the classic way to make a text read differently from what it says.
_FORMAT_CHARS = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}


def fail(code: str, **context: Any) -> PydanticCustomError:
    """A validation error identified by ``code``; generator.messages words it."""
    return PydanticCustomError(code, code, context)


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


# --- identifiers -------------------------------------------------------------------------


def _check_id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise fail("id_type")
    text = str(value)
    if len(text) > 64:
        raise fail("id_too_long", length=len(text))
    if not _ID.fullmatch(text):
        raise fail("id_format", value=text[:80], suggestion=slugify(text)[:64])
    return text


# Cyrillic and Greek letters that look like Latin ones: text pasted from elsewhere brings
# them into ids (`sаlle` with a Cyrillic а). The suggestion keeps the letter the eye reads.
_CYRILLIC, _CYRILLIC_LATIN = "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅ", "aeopcyxijsdqwabekmhopctxijs"
_GREEK, _GREEK_LATIN = "αβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abeiknoptuxabezhikmnoptyx"
LOOK_ALIKES = str.maketrans(_CYRILLIC + _GREEK, _CYRILLIC_LATIN + _GREEK_LATIN)


def slugify(text: str) -> str:
    """The id a contributor probably meant: ``Café Parents (Maffe)`` → ``cafe-parents-maffe``."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(LOOK_ALIKES)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "mon-identifiant"


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    _schema(type="string", pattern=ID_PATTERN, maxLength=64),
]

# --- text --------------------------------------------------------------------------------


# Characters that show nothing, besides the format characters (Unicode category Cf): Hangul
# fillers and the combining grapheme joiner. In a name or a title they only serve to make two
# different texts look the same ("CPAS de Ciney" three times, each with a hidden character).
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", "\u180e"}
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: Persian, Indic scripts, emoji sequences
_DIRECTION_MARKS = {"\u200e", "\u200f", "\u061c"}  # LRM, RLM, ALM: numbers inside Arabic or Hebrew
_SIMPLE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


def _needs_joiner(text: str, index: int) -> bool:
    """A joiner between two letters of a script that uses them, or inside an emoji sequence."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if not before or not after:
        return False
    if text[index] == "\u200d" and unicodedata.category(after) == "So":  # 👩‍💻, 🏳️‍🌈
        return unicodedata.category(before) in ("So", "Sk", "Mn")
    for char in (before, after):
        if unicodedata.category(char)[0] not in "LM":
            return False
        if unicodedata.name(char, "LATIN").startswith(_SIMPLE_SCRIPTS):
            return False
    return True


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def invisible_problem(text: str) -> tuple[int, str, str] | None:
    """(index, character, rule) of the first invisible character ``text`` may not hold:
    ``rule`` says where it would have been accepted (``never``, ``joiner``, ``direction``)."""
    for index, char in enumerate(text):
        if char.isascii() or (unicodedata.category(char) != "Cf" and char not in _BLANK_LETTERS):
            continue
        if char in _FORMAT_CHARS:
            continue  # refused as text_control, with the other controls
        if char in _JOINERS:
            if _needs_joiner(text, index):
                continue
            return index, char, "joiner"
        if char in _DIRECTION_MARKS:
            if _right_to_left(text):
                continue
            return index, char, "direction"
        if (
            "\U000e0020" <= char <= "\U000e007f"
            and index > 0
            and (text[index - 1] == "\U0001f3f4" or "\U000e0020" <= text[index - 1] <= "\U000e007f")
        ):
            continue  # the letters of a subdivision flag (🏴 + tags)
        return index, char, "never"
    return None


def _text_check(max_length: int, multiline: bool) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            raise fail("text_type")
        text = str(value)
        text = text.strip()
        if not text:
            raise fail("text_empty")
        for index, char in enumerate(text):
            if char in "\n\t" and multiline:
                continue
            if char == "\n" or char == "\r":
                raise fail("text_newline")
            category = unicodedata.category(char)
            if category == "Cc" or char in _FORMAT_CHARS:
                raise fail("text_control", char=f"U+{ord(char):04X}", index=index + 1)
        if not multiline:  # names, titles, summaries, addresses: what a reader compares by eye
            found = invisible_problem(text)
            if found is not None:
                index, char, rule = found
                name = unicodedata.name(char, "").lower()
                raise fail("text_invisible", char=f"U+{ord(char):04X}", name=name, index=index + 1, rule=rule)
        if len(text) > max_length:
            raise fail("text_too_long", length=len(text), limit=max_length)
        return text

    return check


def _text(max_length: int, multiline: bool = False) -> Any:
    return Annotated[
        str,
        BeforeValidator(_text_check(max_length, multiline)),
        _schema(type="string", minLength=1, maxLength=max_length),
    ]


Text = _text(200)
ShortText = _text(120)
Summary = _text(200)
LongText = _text(1000)
Markdown = _text(20_000, multiline=True)


def _translatable_checker(max_length: int, multiline: bool) -> BeforeValidator:
    inner = _text_check(max_length, multiline)

    def check(value: Any) -> str | dict[str, str]:
        if isinstance(value, dict):
            if not value:
                raise fail("translation_empty")
            result: dict[str, str] = {}
            for lang, text in value.items():
                if not isinstance(lang, str) or not _LANG.fullmatch(lang):
                    raise fail("translation_lang", lang=str(lang)[:20])
                result[lang] = inner(text)
            return result
        return inner(value)

    return BeforeValidator(check)


def _translatable(max_length: int, multiline: bool = False) -> Any:
    text_schema = {"type": "string", "minLength": 1, "maxLength": max_length}
    return Annotated[
        str | dict[str, str],
        _translatable_checker(max_length, multiline),
        _schema(
            anyOf=[
                text_schema,
                {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]{2,3}$"},
                    "additionalProperties": text_schema,
                    "minProperties": 1,
                },
            ]
        ),
    ]


I18nText = _translatable(200)
I18nSummary = _translatable(200)
I18nMarkdown = _translatable(20_000, multiline=True)


def text_in(value: str | dict[str, str] | None, lang: str, default_lang: str) -> str:
    """The text in ``lang``, else in the territory's first language, else any."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get(default_lang) or next(iter(value.values()), "")


# --- dates and times ---------------------------------------------------------------------


def parse_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise fail("date_format", value=str(value)[:40])
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise fail("date_impossible", value=value) from None


def parse_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # Only a value that YAML 1.1 would have mangled reaches here as an int; say how to write it.
        raise fail("time_format", value=str(value))
    if not isinstance(value, str) or not _TIME.fullmatch(value.strip()):
        raise fail("time_format", value=str(value)[:40])
    hours, minutes = value.strip().split(":")
    return time(int(hours), int(minutes))


def parse_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise fail("datetime_format", value=str(value)[:40])
    match = _DATETIME.fullmatch(value.strip())
    if not match:
        raise fail("datetime_format", value=value[:40])
    day = parse_date(match.group(1))
    clock = parse_time(match.group(2))
    return datetime.combine(day, clock)


def _parse_start(value: Any) -> date | datetime:
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        return parse_date(value)
    if isinstance(value, str) and _DATETIME.fullmatch(value.strip()):
        return parse_datetime(value)
    raise fail("start_format", value=str(value)[:40])


def _parse_end(value: Any) -> date | datetime | time:
    if isinstance(value, str):
        stripped = value.strip()
        if _DATE.fullmatch(stripped):
            return parse_date(stripped)
        if _DATETIME.fullmatch(stripped):
            return parse_datetime(stripped)
        if _TIME.fullmatch(stripped):
            return parse_time(stripped)
    raise fail("end_format", value=str(value)[:40])


_DATE_SCHEMA = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
_TIME_SCHEMA = {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}
_DATETIME_SCHEMA = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$"}

Date = Annotated[date, BeforeValidator(parse_date), _schema(**_DATE_SCHEMA)]
Time = Annotated[time, BeforeValidator(parse_time), _schema(**_TIME_SCHEMA)]
LocalDateTime = Annotated[datetime, BeforeValidator(parse_datetime), _schema(**_DATETIME_SCHEMA)]
Start = Annotated[
    date | datetime,
    BeforeValidator(_parse_start),
    _schema(anyOf=[_DATETIME_SCHEMA, _DATE_SCHEMA]),
]
End = Annotated[
    datetime | date | time,
    BeforeValidator(_parse_end),
    _schema(anyOf=[_TIME_SCHEMA, _DATETIME_SCHEMA, _DATE_SCHEMA]),
]

# --- places on the map -------------------------------------------------------------------


def _check_geo(value: Any) -> tuple[float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise fail("geo_shape")
    numbers = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (int, float)) or item != item:
            raise fail("geo_shape")
        numbers.append(float(item))
    lat, lon = numbers
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail("geo_range", lat=lat, lon=lon)
    return (lat, lon)


Geo = Annotated[
    tuple[float, float],
    BeforeValidator(_check_geo),
    _schema(
        type="array",
        items={"type": "number"},
        minItems=2,
        maxItems=2,
        description="[latitude, longitude] en degrés décimaux",
    ),
]

# --- contact -----------------------------------------------------------------------------


def _check_phone_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise fail("phone_type")
    text = str(value).strip()
    if not re.fullmatch(r"\+?[0-9][0-9 ./()-]{2,24}", text):
        raise fail("phone_format", value=text[:40])
    return text


Phone = Annotated[
    str,
    BeforeValidator(_check_phone_text),
    _schema(type="string", pattern=r"^\+?[0-9][0-9 ./()-]{2,24}$", examples=["083 21 00 00"]),
]
Email = Annotated[
    str,
    BeforeValidator(check_email),
    _schema(type="string", format="email", pattern=EMAIL_PATTERN, maxLength=MAX_EMAIL),
]
Url = Annotated[
    str,
    BeforeValidator(check_url),
    _schema(type="string", format="uri", pattern=URL_PATTERN, maxLength=MAX_URL),
]


def _check_public_contact(value: Any) -> str:
    if isinstance(value, str) and "@" in value:
        return check_email(value)
    return _check_phone_text(value)


PUBLIC_CONTACTS_DESCRIPTION = (
    "Numéros de téléphone et adresses e-mail écrits dans les textes de cette fiche (description, adresse, "
    'remarques…) qui sont des contacts publics d\'une organisation, par exemple `["083 21 00 00", '
    '"accueil@exemple.be"]`. Tout autre numéro ou adresse écrit dans un texte est refusé : '
    "on ne publie pas les coordonnées d'une personne privée."
)
PublicContacts = Annotated[
    list[
        Annotated[
            str,
            BeforeValidator(_check_public_contact),
            _schema(
                anyOf=[
                    {"type": "string", "pattern": r"^\+?[0-9][0-9 ./()-]{2,24}$"},
                    {"type": "string", "format": "email", "pattern": EMAIL_PATTERN, "maxLength": MAX_EMAIL},
                ]
            ),
        ]
    ],
    Field(max_length=20),
]

# --- vocabularies ------------------------------------------------------------------------


def vocabulary(name: str) -> Any:
    """A value of the closed list ``name`` (see vocabularies.py); unknown values are refused
    with the nearest known one as a suggestion."""
    terms = VOCABULARIES[name]

    def check(value: Any) -> str:
        if isinstance(value, bool) and "yes" in terms:
            # `yes`/`no` are words for us, `true`/`false` booleans: both mean the same here
            value = "yes" if value else "no"
        if not isinstance(value, str) or value not in terms:
            raise fail("vocabulary", vocabulary=name, value=str(value)[:60])
        return value

    return Annotated[str, BeforeValidator(check), _schema(type="string", enum=list(terms))]


def unique_list(item: Any, *, min_length: int = 0) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            seen: set[Any] = set()
            for index, element in enumerate(value):
                key = repr(element)
                if key in seen:
                    raise fail("list_duplicate", value=str(element)[:60], index=index + 1)
                seen.add(key)
        return value

    return Annotated[list[item], BeforeValidator(check), Field(min_length=min_length)]  # type: ignore[valid-type]


# Everyday words people search with, for what only this entry does (the words of its themes,
# audiences and kind are in the thesaurus already, generator/models/thesaurus.yaml).
Keyword = _text(60)
KEYWORDS_DESCRIPTION = (
    "Mots de tous les jours que les gens tapent pour trouver cette fiche, pour ce qu'elle seule "
    "propose (« colis », « vivres », « dentiste »), 30 au plus. Ils servent à la recherche et ne "
    "sont pas affichés. Les mots de ses thèmes et publics sont déjà connus de la recherche."
)


def keywords_field() -> Any:
    """The optional ``keywords`` list every entry kind has."""
    return Field(default_factory=list, max_length=30, description=KEYWORDS_DESCRIPTION)


Keywords = unique_list(Keyword)
