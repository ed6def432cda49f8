"""The subset of RFC 5545 RRULE that partners may write, parsed into a value.

We accept FREQ, INTERVAL, BYDAY (with ordinals such as ``2TU`` or ``-1TH``), BYMONTHDAY,
BYMONTH, COUNT, UNTIL (a date, meaning "through that day") and WKST — the parts a social
agenda needs and that every calendar client expands the same way. Anything else is refused
with a message naming the part, before it can reach a feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ALLOWED_PARTS = ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST")
_BYDAY = re.compile(r"([+-]?)([1-5]?)(MO|TU|WE|TH|FR|SA|SU)")


@dataclass(frozen=True)
class Recurrence:
    """A parsed rule. ``byday`` holds (ordinal or 0, weekday index 0=Monday)."""

    freq: str
    interval: int = 1
    byday: tuple[tuple[int, int], ...] = ()
    bymonthday: tuple[int, ...] = ()
    bymonth: tuple[int, ...] = ()
    count: int | None = None
    until: date | None = None
    wkst: int = 0

    def to_rrule(self) -> str:
        """The rule in RFC 5545 form, parts in a fixed order (UNTIL is added by the writer,
        which knows whether the series is timed)."""
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.byday:
            parts.append("BYDAY=" + ",".join(_day_text(n, d) for n, d in self.byday))
        if self.bymonthday:
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in self.bymonthday))
        if self.bymonth:
            parts.append("BYMONTH=" + ",".join(str(m) for m in self.bymonth))
        return ";".join(parts)


def _day_text(ordinal: int, weekday: int) -> str:
    return (str(ordinal) if ordinal else "") + WEEKDAYS[weekday]


def _fail(code: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, context)


def _int_list(name: str, text: str, low: int, high: int, allow_negative: bool) -> tuple[int, ...]:
    values = []
    for piece in text.split(","):
        try:
            number = int(piece)
        except ValueError:
            raise _fail("rrule_value", part=name, value=piece[:20]) from None
        if not (low <= abs(number) <= high) or (number < 0 and not allow_negative):
            raise _fail("rrule_value", part=name, value=piece[:20])
        values.append(number)
    return tuple(values)


def parse_recurrence(value: Any) -> Recurrence:
    """Parse ``FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630`` (an optional ``RRULE:`` prefix is allowed)."""
    if isinstance(value, Recurrence):
        return value
    if not isinstance(value, str) or not value.strip():
        raise _fail("rrule_type")
    text = value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, str] = {}
    for piece in text.strip(";").split(";"):
        name, sep, part_value = piece.partition("=")
        name = name.strip().upper()
        if not sep or not part_value.strip():
            raise _fail("rrule_syntax", piece=piece[:40])
        if name not in ALLOWED_PARTS:
            raise _fail("rrule_part", part=name[:20])
        if name in parts:
            raise _fail("rrule_repeated", part=name)
        parts[name] = part_value.strip().upper()
    freq = parts.get("FREQ")
    if freq is None:
        raise _fail("rrule_freq_missing")
    if freq not in FREQUENCIES:
        raise _fail("rrule_value", part="FREQ", value=freq[:20])
    interval = _int_list("INTERVAL", parts.get("INTERVAL", "1"), 1, 366, False)
    if len(interval) != 1:
        raise _fail("rrule_value", part="INTERVAL", value=parts["INTERVAL"])
    count = None
    if "COUNT" in parts:
        counts = _int_list("COUNT", parts["COUNT"], 1, 1000, False)
        if len(counts) != 1:
            raise _fail("rrule_value", part="COUNT", value=parts["COUNT"])
        count = counts[0]
    until = None
    if "UNTIL" in parts:
        raw = parts["UNTIL"]
        match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
        if not match:
            raise _fail("rrule_until", value=raw[:30])
        try:
            until = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise _fail("rrule_until", value=raw[:30]) from None
    if count is not None and until is not None:
        raise _fail("rrule_count_and_until")
    byday: list[tuple[int, int]] = []
    if "BYDAY" in parts:
        for piece in parts["BYDAY"].split(","):
            match = _BYDAY.fullmatch(piece)
            if not match:
                raise _fail("rrule_byday", value=piece[:20])
            sign, number, day = match.groups()
            ordinal = int(number) * (-1 if sign == "-" else 1) if number else 0
            if ordinal and freq not in ("MONTHLY", "YEARLY"):
                raise _fail("rrule_byday_ordinal", value=piece[:20], freq=freq)
            byday.append((ordinal, WEEKDAYS.index(day)))
    bymonthday = _int_list("BYMONTHDAY", parts["BYMONTHDAY"], 1, 31, True) if "BYMONTHDAY" in parts else ()
    bymonth = _int_list("BYMONTH", parts["BYMONTH"], 1, 12, False) if "BYMONTH" in parts else ()
    wkst = 0
    if "WKST" in parts:
        if parts["WKST"] not in WEEKDAYS:
            raise _fail("rrule_value", part="WKST", value=parts["WKST"][:20])
        wkst = WEEKDAYS.index(parts["WKST"])
    return Recurrence(
        freq=freq,
        interval=interval[0],
        byday=tuple(byday),
        bymonthday=bymonthday,
        bymonth=bymonth,
        count=count,
        until=until,
        wkst=wkst,
    )
