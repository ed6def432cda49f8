"""Opening hours as people write them in a spreadsheet → OpenStreetMap ``opening_hours``.

``Lu-Ve 9h-12h``, ``du lundi au vendredi de 9h à 12h et de 13h30 à 16h30``, ``mardi et
jeudi : 14h - 17h``, ``Ma 8h30-12h / Je 13h-16h``: each clause is days then times. Only what
is unambiguous is converted, and the result is checked by the models' own rule (the
``opening_hours`` parser behind ``OpeningHours``); anything else (``le matin``, ``sur
rendez-vous``, ``tous les jours sauf…``) is returned as None for a person to write.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import TypeAdapter, ValidationError

from ..models.common import OpeningHours

_DAYS = {
    "lundi": 0, "lu": 0, "lun": 0, "maandag": 0, "ma": None, "mo": 0,
    "mardi": 1, "mar": 1, "dinsdag": 1, "di": 1, "tu": 1,
    "mercredi": 2, "me": 2, "mer": 2, "woensdag": 2, "wo": 2, "we": 2,
    "jeudi": 3, "je": 3, "jeu": 3, "donderdag": 3, "do": 3, "th": 3,
    "vendredi": 4, "ve": 4, "ven": 4, "vrijdag": 4, "vr": 4, "fr": 4,
    "samedi": 5, "sa": 5, "sam": 5, "zaterdag": 5, "za": 5,
    "dimanche": 6, "di.": 6, "dim": 6, "zondag": 6, "zo": 6, "su": 6,
}  # fmt: skip
# "ma" is mardi in French and maandag in Dutch; "di" dimanche or dinsdag: the sheet's
# language decides (French unless Dutch day names are seen elsewhere in the cell).
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = r"(\d{1,2})h(\d{2})?"
_RANGE = re.compile(rf"{_TIME}(?:-|a|tot|jusqu'?a)(?:{_TIME})")
_HOURS = TypeAdapter(OpeningHours)


def _day(word: str, dutch: bool) -> int | None:
    if word == "ma":
        return 0 if dutch else 1
    if word == "di":
        return 1 if dutch else 6
    return _DAYS.get(word)


def _days(text: str, dutch: bool) -> list[int] | None:
    """``lu-ve``, ``du lundi au vendredi``, ``mardi et jeudi``, ``lu, me, ve`` → weekdays."""
    words = re.findall(r"[a-z]+", text)
    words = [w for w in words if w not in ("du", "de", "le", "les", "et", "en", "van")]
    out: list[int] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("au", "a", "tot") and out and index + 1 < len(words):
            last = _day(words[index + 1], dutch)
            if last is None:
                return None
            out.extend(range(out[-1] + 1, last + 1))
            index += 2
            continue
        day = _day(word, dutch)
        if day is None:
            return None
        out.append(day)
        index += 1
    for match in re.finditer(r"([a-z]+)\s*[-–]\s*([a-z]+)", text):  # "lu-ve"
        first, last = _day(match.group(1), dutch), _day(match.group(2), dutch)
        if first is None or last is None or last < first:
            return None
        out.extend(range(first, last + 1))
    return sorted(set(out)) or None


def _osm_days(days: list[int]) -> str:
    parts: list[str] = []
    start = previous = days[0]
    for day in [*days[1:], None]:
        if day is not None and day == previous + 1:
            previous = day
            continue
        if previous - start >= 2:
            parts.append(f"{OSM_DAYS[start]}-{OSM_DAYS[previous]}")
        else:
            parts.extend(OSM_DAYS[d] for d in range(start, previous + 1))
        if day is not None:
            start = previous = day
    return ",".join(parts)


def _time(hour: str, minute: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


def french_hours(text: str) -> str | None:
    """``text`` in OSM ``opening_hours`` syntax, or None when it is not unambiguous."""
    raw = text.strip()
    if not raw:
        return None
    try:  # already OSM
        return str(_HOURS.validate_python(raw))
    except ValidationError:
        pass
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("–", "-").replace("\u2019", "'")
    folded = re.sub(r"(\d)\s*([hu:.])\s*(\d{2})", r"\1h\3", folded)
    folded = re.sub(r"(\d)\s*[hu]\b", r"\1h", folded)
    folded = re.sub(r"\s*-\s*", "-", folded)
    dutch = bool(re.search(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|wo|do|vr|za|zo)\b", folded))
    clauses = [c for c in re.split(r"\s*(?:/|;|\n|\|)\s*", folded) if c.strip()]
    rules: list[str] = []
    seen: set[int] = set()
    for clause in clauses:
        match = re.search(r"\d", clause)
        if match is None:
            return None
        said = clause[: match.start()].strip(" :,")
        days = list(range(7)) if said in ("tous les jours", "7j/7", "alle dagen", "dagelijks") else _days(said, dutch)
        rest = clause[match.start() :]
        ranges = []
        for found in _RANGE.finditer(rest.replace(" ", "")):
            opening, closing = _time(found.group(1), found.group(2)), _time(found.group(3), found.group(4))
            if opening is None or closing is None or closing <= opening:
                return None
            ranges.append(f"{opening}-{closing}")
        leftover = _RANGE.sub("", rest.replace(" ", ""))
        if not ranges or re.sub(r"(et|de|en|,|van)", "", leftover):
            return None
        if days is None:
            return None
        # "Lu-Ve 9h-12h / Ma 13h-16h" means Tuesday afternoon *as well*: a clause on days already
        # named adds hours (OSM's ", "), where "; " would replace them (generator/hours.py warns).
        separator = ", " if rules and seen.intersection(days) else "; "
        seen.update(days)
        rules.append((separator if rules else "") + f"{_osm_days(days)} {','.join(ranges)}")
    result = "".join(rules)
    try:
        return str(_HOURS.validate_python(result))
    except ValidationError:
        return None
