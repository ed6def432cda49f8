"""Dates and times in words, in each interface language: the names of months and weekdays,
the way a time of day is written ("8 h 30" in French, "8:30" in English) and the phrases of
opening hours. One list for the pages, the leaflets, the reports and the observatory, which
never import each other."""

from __future__ import annotations

from datetime import date, time

MONTHS: dict[str, tuple[str, ...]] = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
SHORT_MONTHS: dict[str, tuple[str, ...]] = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def clock(moment: time | int, lang: str) -> str:
    """A time of day: "8 h 30", "12 h" in French; "8:30", "12:00" otherwise.

    An ``int`` is minutes since midnight (1440 is "24 h", the end of a day). French times keep
    no-break spaces, so that a line never ends on « 8 h »."""
    hours, minutes = divmod(moment, 60) if isinstance(moment, int) else (moment.hour, moment.minute)
    if lang == "fr":
        return f"{hours}\u00a0h\u00a0{minutes:02d}" if minutes else f"{hours}\u00a0h"
    return f"{hours}:{minutes:02d}"


def words_set(lang: str) -> str:
    """The language whose words are used: French, else English (until more are written)."""
    return "fr" if lang == "fr" else "en"


def day_of_month(day: date, lang: str) -> str:
    """ "1er", "2" … in French; "1", "2" … otherwise."""
    return "1er" if (day.day == 1 and words_set(lang) == "fr") else str(day.day)


def long_date(day: date, lang: str, weekday: bool = True, year: bool = True, space: str = "\u00a0") -> str:
    """ "lundi 23 novembre 2026" / "Monday 23 November 2026"; ``space`` between the day and the
    month (a no-break space by default: "1er décembre" stays on one line)."""
    names = MONTHS[words_set(lang)]
    words = f"{day_of_month(day, lang)}{space}{names[day.month - 1]}"
    if weekday:
        words = f"{WEEKDAYS[words_set(lang)][day.weekday()]} {words}"
    return f"{words} {day.year}" if year else words


# The phrases of opening hours in words (``hours``).
HOURS_WORDS: dict[str, dict[str, str]] = {
    "public_holiday_closed": {"fr": "fermé les jours fériés", "en": "closed on public holidays"},
    "public_holiday_special": {
        "fr": "horaires particuliers les jours fériés",
        "en": "special hours on public holidays",
    },
    "irregular": {"fr": "horaires variables selon la période", "en": "hours vary with the season"},
    "every_day": {"fr": "tous les jours", "en": "every day"},
    "day_and_night": {"fr": "jour et nuit", "en": "day and night"},
    "of_month": {"fr": "du mois", "en": "of the month"},
}
