"""Opening hours — the one module that reads them, for every output: an OpenStreetMap
``opening_hours`` string to words (pages, leaflets, reports), to JSON (the browser's "open
now", schema.org) and to the days a rule silently overrides (``check``'s warning).

The ``opening_hours`` package (the reference parser) is the only judge of what a string
means: we never parse the syntax ourselves. We ask it for a year of intervals and read the
pattern back: each weekday's hours, the weekdays that open only on some weeks of the month
("le 1er et le 3e jeudi"), what public holidays do. From that pattern come the French or
English sentence of the page (``in_words``) and the compact JSON the browser reads to say
"ouvert maintenant · ferme à 12 h" (``browser_json``): hours per weekday plus the dates that
differ (holidays, monthly rules, temporary closures), for the next ``AHEAD_DAYS`` days.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import opening_hours

from .calendar_words import HOURS_WORDS, WEEKDAYS, clock
from .schedule import is_public_holiday

Intervals = tuple[tuple[int, int], ...]  # minutes since midnight, [start, end)
AHEAD_DAYS = 400
DAYS = WEEKDAYS
_ORDINALS = {"fr": ("1er", "2e", "3e", "4e", "5e"), "en": ("1st", "2nd", "3rd", "4th", "5th")}


@dataclass(frozen=True)
class WeekHours:
    """The pattern read back from a year of intervals."""

    weekly: tuple[Intervals, ...]  # Monday..Sunday, on ordinary weeks
    monthly: dict[int, dict[Intervals, tuple[int, ...]]] = field(default_factory=dict)  # weekday → hours → nths
    irregular: bool = False  # changes with the month or season: words add a caution
    holidays: str = "same"  # "same" | "closed" | "special"
    dates: dict[date, Intervals] = field(default_factory=dict)  # days that differ from ``weekly``

    @property
    def empty(self) -> bool:
        return not any(self.weekly) and not self.monthly and not self.dates


def _intervals_by_day(rule: Any, first: date, count: int) -> dict[date, Intervals]:
    """Open intervals of each day, from one call to the parser (split at midnight)."""
    start = datetime.combine(first, time())
    days: dict[date, list[tuple[int, int]]] = {first + timedelta(days=n): [] for n in range(count)}
    for begin, end, state, _comment in rule.intervals(start, start + timedelta(days=count)):
        if state != opening_hours.State.OPEN:
            continue
        moment = begin
        while moment < end:
            midnight = datetime.combine(moment.date() + timedelta(days=1), time())
            stop = min(end, midnight)
            day_start = datetime.combine(moment.date(), time())
            if moment.date() in days:
                first_minute = int((moment - day_start).total_seconds() // 60)
                last_minute = int((stop - day_start).total_seconds() // 60)
                days[moment.date()].append((first_minute, last_minute))
            moment = stop
    return {day: tuple(hours) for day, hours in days.items()}


@lru_cache(maxsize=4096)
def read_hours(text: str, country: str, first: date) -> WeekHours:
    """The pattern of ``text`` over the year from ``first`` (holidays of ``country``)."""
    try:
        rule = opening_hours.OpeningHours(text, country=country)
    except Exception:  # an unknown country code: holidays are then unknown, hours still read
        rule = opening_hours.OpeningHours(text)
    by_day = _intervals_by_day(rule, first, AHEAD_DAYS)
    days = list(by_day)
    seen: dict[int, dict[int, set[Intervals]]] = defaultdict(lambda: defaultdict(set))
    for day, hours in by_day.items():
        if not is_public_holiday(country, day):
            seen[day.weekday()][(day.day - 1) // 7 + 1].add(hours)
    weekly: list[Intervals] = []
    monthly: dict[int, dict[Intervals, tuple[int, ...]]] = {}
    irregular = False
    for weekday in range(7):
        nths = seen[weekday]
        values = set().union(*nths.values()) if nths else set()
        if len(values) <= 1:
            weekly.append(next(iter(values), ()))
            continue
        if any(len(v) > 1 for v in nths.values()):
            # Changes with the month or season: keep the most frequent hours as the rule,
            # the other days go to ``dates`` (the browser stays right), the words warn.
            counts: dict[Intervals, int] = defaultdict(int)
            for day, day_hours in by_day.items():
                if day.weekday() == weekday and not is_public_holiday(country, day):
                    counts[day_hours] += 1
            weekly.append(max(sorted(counts), key=lambda h: counts[h]))
            irregular = True
            continue
        weekly.append(())
        groups: dict[Intervals, list[int]] = defaultdict(list)
        for nth, found in sorted(nths.items()):
            hours = next(iter(found))
            if hours:
                groups[hours].append(nth)
        monthly[weekday] = {hours: tuple(n) for hours, n in groups.items()}
    holiday_hours = []
    for day in days:
        if is_public_holiday(country, day):
            # The same weekday a week before or after tells what the day would have been.
            nth = (day.day - 1) // 7 + 1
            by_nth = {n: h for h, ns in monthly.get(day.weekday(), {}).items() for n in ns}
            usual = (
                by_nth.get(nth, ())
                if day.weekday() in monthly
                else next(
                    (
                        by_day[n]
                        for n in (day - timedelta(days=7), day + timedelta(days=7))
                        if n in by_day and not is_public_holiday(country, n)
                    ),
                    weekly[day.weekday()],
                )
            )
            if usual:
                holiday_hours.append((by_day[day], usual))
    holidays = "same"
    if holiday_hours and all(h == () for h, _ in holiday_hours):
        holidays = "closed"
    elif any(h != usual for h, usual in holiday_hours):
        holidays = "special"
    dates = {d: h for d, h in by_day.items() if h != weekly[d.weekday()]}
    return WeekHours(tuple(weekly), monthly, irregular, holidays, dates)


def _times(hours: Intervals, lang: str) -> str:
    parts = []
    for start, end in hours:
        if lang == "fr":
            parts.append(f"de {clock(start, lang)} à {clock(end, lang)}")
        else:
            parts.append(f"{clock(start, lang)}–{clock(end, lang)}")
    joiner = " et " if lang == "fr" else " and "
    return joiner.join(parts) if lang == "fr" else ", ".join(parts)


def _join(words: list[str], lang: str) -> str:
    last = " et " if lang == "fr" else " and "
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + last + words[-1]


def _days(weekdays: list[int], lang: str) -> str:
    """ "du lundi au vendredi", "mardi et jeudi", "tous les jours"."""
    names = DAYS["fr" if lang == "fr" else "en"]
    if len(weekdays) == 7:
        return _label("every_day", lang)
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(runs) == 1 and len(runs[0]) >= 3:
        first, last = names[runs[0][0]], names[runs[0][-1]]
        return f"du {first} au {last}" if lang == "fr" else f"{first} to {last}"
    words = []
    for run in runs:
        if len(run) >= 3:
            words.append(
                f"du {names[run[0]]} au {names[run[-1]]}" if lang == "fr" else f"{names[run[0]]} to {names[run[-1]]}"
            )
        else:
            words.extend(("le " if lang == "fr" and len(runs) == 1 and len(run) == 1 else "") + names[d] for d in run)
    return _join(words, lang)


def _overnight(weekly: tuple[Intervals, ...], lang: str) -> str | None:
    """Every day alike, open across midnight: "tous les jours, de 19 h 30 à 8 h 30 le lendemain"."""
    if len(set(weekly)) != 1:
        return None
    hours = weekly[0]
    if hours == ((0, 1440),):
        return f"{_label('every_day', lang)}, {_label('day_and_night', lang)}"
    if len(hours) == 2 and hours[0][0] == 0 and hours[1][1] == 1440:
        evening, morning = hours[1][0], hours[0][1]
        if lang == "fr":
            return f"tous les jours, de {clock(evening, lang)} à {clock(morning, lang)} le lendemain"
        return f"every day, {clock(evening, lang)} to {clock(morning, lang)} the next day"
    return None


def in_words(hours: WeekHours, lang: str) -> str:
    """The hours as a clause list: "du lundi au vendredi, de 8 h 30 à 12 h ; fermé les jours fériés"."""
    clauses = []
    overnight = _overnight(hours.weekly, lang)
    if overnight:
        clauses.append(overnight)
    else:
        groups: dict[Intervals, list[int]] = defaultdict(list)
        for weekday, day_hours in enumerate(hours.weekly):
            if day_hours:
                groups[day_hours].append(weekday)
        for day_hours, weekdays in sorted(groups.items(), key=lambda item: item[1][0]):
            clauses.append(f"{_days(weekdays, lang)}, {_times(day_hours, lang)}")
        names = DAYS["fr" if lang == "fr" else "en"]
        for weekday, patterns in sorted(hours.monthly.items()):
            for day_hours, nths in patterns.items():
                words = [_ORDINALS["fr" if lang == "fr" else "en"][n - 1] for n in nths]
                article = "le " if lang == "fr" else "the "
                ordinals = _join([words[0]] + [article + w for w in words[1:]], lang)
                if lang == "fr":
                    clauses.append(
                        f"le {ordinals} {names[weekday]} {_label('of_month', lang)}, {_times(day_hours, lang)}"
                    )
                else:
                    clauses.append(
                        f"the {ordinals} {names[weekday]} {_label('of_month', lang)}, {_times(day_hours, lang)}"
                    )
    if hours.irregular:
        clauses.append(_label("irregular", lang))
    if hours.holidays == "closed":
        clauses.append(_label("public_holiday_closed", lang))
    elif hours.holidays == "special":
        clauses.append(_label("public_holiday_special", lang))
    return ("\u202f; " if lang == "fr" else "; ").join(clauses)


def browser_json(hours: WeekHours, closures: list[tuple[date, date]], first: date) -> dict[str, Any]:
    """What the browser needs to say "open now": ``w`` hours per weekday (Monday first),
    ``d`` the dates that differ (ISO date → intervals; closures are empty days), ``until``
    the last date ``d`` covers, in minutes since midnight."""
    dates = dict(hours.dates)
    for start, end in closures:
        day = max(start, first)
        while day <= end and day < first + timedelta(days=AHEAD_DAYS):
            dates[day] = ()
            day += timedelta(days=1)
    return {
        "w": [[list(i) for i in day] for day in hours.weekly],
        "d": {d.isoformat(): [list(i) for i in h] for d, h in sorted(dates.items())},
        "until": (first + timedelta(days=AHEAD_DAYS - 1)).isoformat(),
    }


def weekly_specs(hours: WeekHours) -> list[tuple[list[int], int, int]]:
    """(weekdays, opens, closes) triples for schema.org OpeningHoursSpecification."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for weekday, day_hours in enumerate(hours.weekly):
        for interval in day_hours:
            groups[interval].append(weekday)
    return [(days, start, end) for (start, end), days in sorted(groups.items(), key=lambda i: (i[1][0], i[0]))]


def _label(key: str, lang: str) -> str:
    entry = HOURS_WORDS[key]
    return entry.get(lang) or entry["en"]


def describe_hours(text: str, country: str, first: date, lang: str) -> str:
    """``text`` in words in ``lang``, as the pages, the leaflets and the reports all say it."""
    return in_words(read_hours(text, country, first), lang)


# --- rules that replace earlier days (``check``'s warning) ---------------------------------

# A rule that starts with weekdays ("Tu,Th 13:30-16:00", "Sa[1] …"): the only rules whose
# replacing of earlier hours is most likely a slip. Seasonal, dated and holiday rules replace
# on purpose; ``off``/``closed`` rules close on purpose.
_WEEKDAY_RULE = re.compile(r"(Mo|Tu|We|Th|Fr|Sa|Su)(?=[-,\[\s])")
_CLOSES = re.compile(r"\b(off|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Override:
    """A rule of ``earlier; later`` that replaces, on ``weekdays``, hours written before it."""

    rule: str  # the later rule as written
    weekdays: tuple[int, ...]  # Monday is 0
    suggestion: str  # the whole value with ", " instead of "; " before the rule


def overrides(text: str, country: str, first: date) -> list[Override]:
    """The rules of ``text`` that silently replace the hours earlier rules gave some weekdays.

    OpenStreetMap reads ``Mo-Fr 09:00-12:00; We 14:00-17:00`` as "Wednesday 14:00-17:00
    only": a later rule replaces the earlier ones on its days, and ``,`` adds instead. The
    package tells what each prefix of the rules means, over five weeks from ``first``
    (public holidays left out); we compare, and never interpret the syntax ourselves."""
    if '"' in text or "||" in text:  # comments and fallback rules: leave them to the writer
        return []
    rules = [rule.strip() for rule in text.split(";")]
    if len(rules) < 2 or not all(rules):
        return []
    found = []
    for index in range(1, len(rules)):
        rule = rules[index]
        if not _WEEKDAY_RULE.match(rule) or _CLOSES.search(rule):
            continue
        before = _open_days("; ".join(rules[:index]), country, first)
        after = _open_days("; ".join(rules[: index + 1]), country, first)
        if before is None or after is None:
            return []
        # Days whose earlier hours are lost and whose new hours are not a narrowing of them
        # ("Mo-Fr 08:00-17:00; We 08:00-12:00" shortens Wednesday on purpose).
        lost = sorted(
            {
                day.weekday()
                for day, hours in before.items()
                if not _covered(hours, after[day]) and not _covered(after[day], hours)
            }
        )
        if lost:
            suggestion = "; ".join(rules[:index]) + ", " + "; ".join(rules[index:])
            found.append(Override(rule, tuple(lost), suggestion))
    return found


def _open_days(text: str, country: str, first: date) -> dict[date, Intervals] | None:
    try:
        rule = opening_hours.OpeningHours(text)
    except Exception:  # the whole value is valid; a prefix may not be: say nothing
        return None
    days = _intervals_by_day(rule, first, 35)
    return {day: hours for day, hours in days.items() if not is_public_holiday(country, day)}


def _covered(hours: Intervals, by: Intervals) -> bool:
    return all(any(start >= b_start and end <= b_end for b_start, b_end in by) for start, end in hours)
