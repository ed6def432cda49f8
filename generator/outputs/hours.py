"""Opening hours in words: ``Mo-Fr 08:30-12:00; PH off`` → « du lundi au vendredi, de 8 h 30
à 12 h ; fermé les jours fériés ».

Owns one pure function, :func:`describe_hours`, shared by every output that shows hours to
people (leaflets, pages). It reads the subset of the OpenStreetMap ``opening_hours`` syntax
that partners write — weekdays, ranges and lists (``Mo-Fr``, ``Tu,Th``), the nth weekday of
the month (``Sa[1]``, ``Th[1,3]``, ``Mo[-1]``), time lists (``09:00-12:00,13:00-16:00``),
times past midnight, ``PH`` (public holidays), ``off``/``closed`` and ``24/7`` — and says each
rule in turn, in the order written, as the contributor wrote it. Anything else (months, weeks,
comments, fallback rules) is given back as written rather than guessed at: a reader can still
make sense of the raw text, never of a wrong sentence. French and English; other languages
get the French wording until someone translates the few words below. French times are
written with no-break spaces (``8\u00a0h\u00a030``), so that a line never ends on « 8 h ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_DAY_ITEM = re.compile(r"(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?(?:\[(-?[1-5](?:,-?[1-5])*)\])?")
_TIME_RANGE = re.compile(r"([0-2]?\d):([0-5]\d)-([0-4]?\d):([0-5]\d)")
_OFF = ("off", "closed")


class _Unsupported(ValueError):
    """The text uses syntax beyond the subset above: give it back as written."""


@dataclass(frozen=True)
class _Days:
    """A weekday selector: single days, ranges, or nth weekdays of the month."""

    items: tuple[tuple[int, int, tuple[int, ...]], ...]  # (first day, last day, nths)
    holidays: bool = False


@dataclass(frozen=True)
class _Rule:
    days: _Days | None  # None: every day
    times: tuple[tuple[int, int], ...]  # minutes since midnight; empty: all day
    off: bool


def describe_hours(osm: str, lang: str) -> str:
    """``osm`` (OpenStreetMap opening_hours) in words in ``lang`` ("fr" or "en").

    Pure and total: text outside the supported subset is returned unchanged.
    """
    words = _FR if lang != "en" else _EN
    text = " ".join(osm.split())
    if text == "24/7":
        return words.always
    try:
        rules = [_parse_rule(part.strip()) for part in text.split(";") if part.strip()]
    except _Unsupported:
        return text
    if not rules:
        return text
    return words.rule_separator.join(_say_rule(rule, words) for rule in rules)


# --- parsing -----------------------------------------------------------------------------


def _parse_rule(text: str) -> _Rule:
    tokens = text.split(" ")
    days: _Days | None = None
    if tokens and not _TIME_RANGE.match(tokens[0]) and tokens[0].lower() not in _OFF:
        days = _parse_days(tokens.pop(0))
    off = False
    times: tuple[tuple[int, int], ...] = ()
    if tokens and tokens[0].lower() in _OFF:
        off = True
        tokens.pop(0)
    elif tokens:
        times = _parse_times(tokens.pop(0))
    if tokens or (days is None and not times and not off):
        raise _Unsupported(text)
    return _Rule(days, times, off)


def _parse_days(text: str) -> _Days:
    items: list[tuple[int, int, tuple[int, ...]]] = []
    holidays = False
    # Split on commas outside brackets: "Th[1,3]" is one item, "Tu,Th" two.
    for part in re.findall(r"[^,\[]+(?:\[[^\]]*\])?", text):
        part = part.strip(",")
        if part == "PH":
            holidays = True
            continue
        match = _DAY_ITEM.fullmatch(part)
        if match is None or (match.group(2) and match.group(3)):
            raise _Unsupported(text)
        first = _DAY_CODES.index(match.group(1))
        last = _DAY_CODES.index(match.group(2)) if match.group(2) else first
        nths = tuple(int(n) for n in match.group(3).split(",")) if match.group(3) else ()
        items.append((first, last, nths))
    if not items and not holidays:
        raise _Unsupported(text)
    return _Days(tuple(items), holidays)


def _parse_times(text: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for part in text.split(","):
        match = _TIME_RANGE.fullmatch(part)
        if match is None:
            raise _Unsupported(text)
        start = int(match.group(1)) * 60 + int(match.group(2))
        end = int(match.group(3)) * 60 + int(match.group(4))
        if start >= 24 * 60 or end > 48 * 60:
            raise _Unsupported(text)
        ranges.append((start, end))
    return tuple(ranges)


# --- wording -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """The few words and patterns of one language."""

    lang: str
    always: str
    every_day: str
    all_day: str
    holidays: str
    closed: str
    and_: str
    rule_separator: str

    def day(self, index: int) -> str:
        return _DAY_NAMES[self.lang][index]

    def single(self, index: int) -> str:
        return f"le {self.day(index)}" if self.lang == "fr" else f"on {self.day(index)}s"

    def span(self, first: int, last: int) -> str:
        if self.lang == "fr":
            return f"du {self.day(first)} au {self.day(last)}"
        return f"{self.day(first)} to {self.day(last)}"

    def nth(self, index: int, nths: tuple[int, ...]) -> str:
        ordinals = [self.ordinal(n) for n in nths]
        if self.lang == "fr":
            return f"le {self.join(ordinals, 'le ')} {self.day(index)} du mois"
        return f"on the {self.join(ordinals, 'the ')} {self.day(index)} of the month"

    def ordinal(self, n: int) -> str:
        if self.lang == "fr":
            return "dernier" if n == -1 else ("1er" if n == 1 else f"{n}e")
        if n == -1:
            return "last"
        return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n, 'th') }"

    def join(self, parts: list[str], repeat: str = "") -> str:
        if len(parts) == 1:
            return parts[0]
        rest = [repeat + p for p in parts[1:]]
        return ", ".join([parts[0], *rest[:-1]]) + f" {self.and_} " + rest[-1]

    def clock(self, minutes: int) -> str:
        if minutes == 24 * 60:
            return "minuit" if self.lang == "fr" else "midnight"
        hours, mins = divmod(minutes % (24 * 60), 60)
        if self.lang == "fr":
            # no-break spaces: « 13 h 30 » never splits over two lines
            return f"{hours}\u00a0h" + (f"\u00a0{mins:02d}" if mins else "")
        return f"{hours}:{mins:02d}"

    def time_range(self, start: int, end: int) -> str:
        next_day = end <= start or end > 24 * 60
        if self.lang == "fr":
            return f"de {self.clock(start)} à {self.clock(end)}" + (" le lendemain" if next_day else "")
        return f"{self.clock(start)} to {self.clock(end)}" + (" the next day" if next_day else "")


_FR = _Words(
    "fr", "jour et nuit, tous les jours", "tous les jours", "toute la journée", "les jours fériés", "fermé", "et", " ; "
)
_EN = _Words("en", "day and night, every day", "every day", "all day", "on public holidays", "closed", "and", "; ")


def _say_days(days: _Days, words: _Words) -> str:
    parts: list[str] = []
    for first, last, nths in days.items:
        if nths:
            parts.append(words.nth(first, nths))
        elif first == last:
            parts.append(words.single(first))
        elif (first, last) == (0, 6):
            parts.append(words.every_day)
        else:
            parts.append(words.span(first, last))
    if days.holidays:
        parts.append(words.holidays)
    return words.join(parts)


def _say_rule(rule: _Rule, words: _Words) -> str:
    days = _say_days(rule.days, words) if rule.days is not None else words.every_day
    if rule.off:
        return f"{words.closed} {days}"
    if not rule.times:
        return f"{days}, {words.all_day}"
    times = words.join([words.time_range(start, end) for start, end in rule.times])
    return f"{days}, {times}"
