"""An association's calendar (iCalendar) → event files, updated by the source UID.

Each UID of the calendar is one series: its main VEVENT gives ``start``, ``end`` and
``repeat`` (the RRULE, kept to the parts our ``repeat`` writes), its EXDATEs ``skip`` and its
overridden occurrences (RECURRENCE-ID) ``cancelled`` or ``changed``. Times are converted to
the territory's zone. Before a rule is accepted, its dates as the calendar gives them and as
our ``repeat`` gives them are compared over the whole series (at most three years of an
open one): a part we drop that would move a date, or a time zone whose clock changes differ
from the territory's, refuses the event with its title named, instead of publishing other
dates. Extra dates (RDATE, or a DTSTART outside its own rule) become single events of their
own, each keeping ``source: <UID>#<date>``.
"""

from __future__ import annotations

import html
import re
import unicodedata
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule as du

from ..decisions import is_placeholder, placeholder
from ..models.recurrence import ALLOWED_PARTS, parse_recurrence
from ..schedule import build_rule, is_unclear_local_time
from .report import Row
from .territory import Territorial, Where, fold
from .writing import Planned

MAX_BYTES = 10_000_000
HORIZON = timedelta(days=3 * 366)
MAX_DATES = 2000
# Fields the calendar owns: a new import replaces them. Others (set by a person, or chosen
# for want of information) are kept from the file when it is updated.
OWNED = ("title", "start", "end", "repeat", "skip", "cancelled", "changed", "status", "description", "source")


class CalendarError(Exception):
    """The calendar cannot be read at all (a usage error, exit 2)."""


def read_source(source: str) -> bytes:
    """The calendar's bytes: a file, or an http(s) URL given on the command line."""
    if re.match(r"(?i)https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "maillage-import"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # http(s) only, checked above
                body: bytes = response.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CalendarError(f"l'agenda {source} n'a pas pu être téléchargé ({exc})") from None
    elif re.match(r"(?i)webcals?://", source):
        return read_source("https://" + source.split("://", 1)[1])
    else:
        try:
            with open(source, "rb") as handle:
                body = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CalendarError(f"{source} ne peut pas être lu ({exc.strerror or exc})") from None
    if len(body) > MAX_BYTES:
        raise CalendarError(f"{source} fait plus de {MAX_BYTES // 1_000_000} Mo : est-ce bien un agenda ?")
    return body


def parse_calendar(body: bytes, source: str) -> icalendar.Calendar:
    try:
        calendars = icalendar.Calendar.from_ical(body.decode("utf-8-sig", errors="replace"), multiple=True)
    except Exception as exc:  # icalendar's errors vary with what is broken: all mean "unreadable"
        raise CalendarError(f"{source} n'est pas un agenda iCalendar lisible ({exc})") from None
    if not calendars:
        raise CalendarError(f"{source} ne contient aucun VCALENDAR")
    return calendars[0]


# --- dates and times ---------------------------------------------------------------------


@dataclass
class Clock:
    """Converts the calendar's moments to the territory's local wall-clock time."""

    zone: ZoneInfo
    floating: bool = False  # a time without zone was seen (taken as the territory's)
    seconds: bool = False

    def local(self, value: date | datetime) -> date | datetime:
        if not isinstance(value, datetime):
            return value
        if value.tzinfo is None:
            self.floating = True
            moment = value
        else:
            moment = value.astimezone(self.zone).replace(tzinfo=None)
        if moment.second or moment.microsecond:
            self.seconds = True
        return moment.replace(second=0, microsecond=0)


def _at(component: icalendar.Component, name: str) -> Any:
    """A property's value (``.dt`` for dates), untyped: icalendar's union of value types
    says nothing a check here would use."""
    found: Any = component.get(name)
    return found.dt if found is not None and hasattr(found, "dt") else found


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _stamp(value: date | datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()


def _dates_of(component: icalendar.Component, name: str) -> list[date | datetime]:
    found = component.get(name)
    if found is None:
        return []
    out: list[date | datetime] = []
    for item in found if isinstance(found, list) else [found]:
        for value in getattr(item, "dts", [item]):
            moment = value.dt
            if isinstance(moment, tuple):  # RDATE;VALUE=PERIOD: its start
                moment = moment[0]
            if isinstance(moment, (date, datetime)):
                out.append(moment)
    return out


# --- the rule ----------------------------------------------------------------------------


def _rule_parts(component: icalendar.Component) -> dict[str, str] | None:
    rule = component.get("RRULE")
    if rule is None:
        return None
    if isinstance(rule, list):
        if len(rule) > 1:
            raise ValueError("plusieurs règles RRULE dans une même série : `repeat` n'en écrit qu'une")
        rule = rule[0]
    text = rule.to_ical().decode()
    parts: dict[str, str] = {}
    for piece in text.split(";"):
        name, _, value = piece.partition("=")
        if name:
            parts[name.upper()] = value.upper()
    return parts


def _source_moments(raw_start: date | datetime, parts: dict[str, str], clock: Clock, last: datetime) -> list[Any]:
    """The rule's dates as the calendar means them, in local time (dateutil, in the
    calendar's own zone), up to ``last``."""
    timed = isinstance(raw_start, datetime)
    dtstart = raw_start if isinstance(raw_start, datetime) else datetime.combine(raw_start, time())
    text_parts = dict(parts)
    until = text_parts.get("UNTIL")
    if until and until.endswith("Z") and dtstart.tzinfo is None:  # floating start, UTC end
        moment = datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(clock.zone)
        text_parts["UNTIL"] = moment.strftime("%Y%m%dT%H%M%S")
    elif until and dtstart.tzinfo is not None and not until.endswith("Z"):
        day = datetime.strptime(until[:8], "%Y%m%d")
        clock_time = datetime.strptime(until[9:15], "%H%M%S").time() if "T" in until else time(23, 59, 59)
        text_parts["UNTIL"] = (
            datetime.combine(day.date(), clock_time, dtstart.tzinfo).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        )
    elif until and "T" in until and not timed:
        text_parts["UNTIL"] = until[:8]
    rule_text = ";".join(f"{k}={v}" for k, v in text_parts.items())
    rule = du.rrulestr(rule_text, dtstart=dtstart)
    bound = last.replace(tzinfo=dtstart.tzinfo) if dtstart.tzinfo is not None else last
    out: list[Any] = []
    for moment in rule:
        if moment > bound or len(out) >= MAX_DATES:
            break
        out.append(clock.local(moment) if timed else moment.date())
    return out


def _our_rule(parts: dict[str, str], local_start: date | datetime, raw_start: date | datetime, clock: Clock) -> str:
    """The rule in our ``repeat`` words: supported parts only, UNTIL as a local date."""
    kept = []
    for name in ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"):
        if name not in parts or (name == "INTERVAL" and parts[name] == "1"):
            continue
        value = parts[name]
        if name == "UNTIL":
            value = _until_day(value, local_start, raw_start, clock).strftime("%Y%m%d")
        kept.append(f"{name}={value}")
    return ";".join(kept)


def _until_day(value: str, local_start: date | datetime, raw_start: date | datetime, clock: Clock) -> date:
    if "T" not in value:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    moment = datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        local = moment.replace(tzinfo=UTC).astimezone(clock.zone).replace(tzinfo=None)
    elif isinstance(raw_start, datetime) and raw_start.tzinfo is not None:
        local = moment.replace(tzinfo=raw_start.tzinfo).astimezone(clock.zone).replace(tzinfo=None)
    else:
        local = moment
    day = local.date()
    if isinstance(local_start, datetime) and local.time() < local_start.time():
        day -= timedelta(days=1)  # the occurrence of that day starts after UNTIL: not in the series
    return day


def _our_moments(rule_text: str, local_start: date | datetime, last: datetime) -> list[Any]:
    recurrence = parse_recurrence(rule_text)
    dtstart = local_start if isinstance(local_start, datetime) else datetime.combine(local_start, time())
    out: list[Any] = []
    for moment in build_rule(recurrence, dtstart):
        if moment > last or len(out) >= MAX_DATES:
            break
        out.append(moment if isinstance(local_start, datetime) else moment.date())
    return out


# --- one series --------------------------------------------------------------------------


@dataclass
class Series:
    """One UID of the calendar: the main VEVENT and its overridden occurrences."""

    uid: str
    main: icalendar.Component | None = None
    overrides: list[icalendar.Component] = field(default_factory=list)


def series_of(calendar: icalendar.Calendar) -> list[Series]:
    found: dict[str, Series] = {}
    for index, component in enumerate(calendar.walk("VEVENT")):
        uid = str(component.get("UID", "")).strip() or f"sans-uid-{index + 1}"
        series = found.setdefault(uid, Series(uid))
        if component.get("RECURRENCE-ID") is not None:
            series.overrides.append(component)
        elif series.main is None:
            series.main = component
        else:
            series.overrides.append(component)  # a second main VEVENT: reported below
    return list(found.values())


def _text(component: icalendar.Component, name: str) -> str:
    """A text property, without the invisible and control characters no field accepts."""
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    text = str(value).replace("\r\n", "\n")
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c == "\n").strip()


def plain_description(text: str) -> str:
    """A DESCRIPTION as Markdown-safe plain paragraphs (Google writes HTML in it)."""
    if re.search(r"<(br|p|div|a|b|i|ul|li|span)\b", text, re.IGNORECASE):
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n", text)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence (or line) of a text, at most ``limit`` characters."""
    head = text.strip().split("\n", 1)[0].strip()
    match = re.match(r"(.+?[.!?])(\s|$)", head)
    sentence = match.group(1) if match else head
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


@dataclass
class Converted:
    """What one series became: files to write (main first) and the report's row."""

    row: Row
    files: list[Planned] = field(default_factory=list)
    chosen_keys: set[str] = field(default_factory=set)


class CalendarImport:
    """Converts a calendar's series for one organizer, with the territory to match places."""

    def __init__(self, where: Territorial, organizer: str, event_type: str) -> None:
        self.where = where
        self.organizer = organizer
        self.event_type = event_type
        self.zone = ZoneInfo(where.territory.timezone)

    def location(self, component: icalendar.Component, row: Row) -> tuple[dict[str, Any], bool]:
        """(fields ``place`` or ``location``, whether it was chosen for want of a LOCATION)."""
        text = " ".join(_text(component, "LOCATION").split())
        geo_value = component.get("GEO")
        geo = (float(geo_value.latitude), float(geo_value.longitude)) if geo_value is not None else None
        if not text and geo is None:
            actor = self.where.actor(self.organizer)
            if actor is not None and actor.locations:
                first = actor.locations[0]
                row.chosen.append(f"lieu : le premier lieu d'accueil de {self.organizer} (l'agenda n'en donne pas)")
                inline = {"name": first.name, "address": first.address, "commune": first.commune}
                inline |= {"village": first.village, "geo": list(first.geo) if first.geo else None}
                return {"location": inline}, True
            question = f"où a lieu « {_text(component, 'SUMMARY')} » ? (l'agenda ne le dit pas)"
            row.decisions.append(question)
            return {"place": placeholder(question + " : un identifiant de lieu, ou un bloc location:")}, True
        found = self.where.locate(text, geo)
        if found is None:
            question = (
                f"lieu « {text or geo} » introuvable dans le territoire : un identifiant de lieu ou un bloc location:"
            )
            row.decisions.append(question)
            return {"place": placeholder(question)}, False
        return self._where_fields(found, text, geo, row), False

    def _where_fields(self, found: Where, text: str, geo: tuple[float, float] | None, row: Row) -> dict[str, Any]:
        if found.place is not None:
            row.normalised.append(f"lieu « {text} » → {found.place}")
            return {"place": found.place}
        name, _, rest = text.partition(",")
        inline: dict[str, Any] = {}
        if fold(text) in (fold(self.where.label(found)), ""):
            pass  # the location is only the village's (or commune's) name: it says no more
        elif rest.strip():
            inline["name"], inline["address"] = name.strip()[:200], rest.strip()[:200]
        elif text:
            inline["address"] = text[:200]
        inline["commune"], inline["village"] = found.commune, found.village
        if geo is not None:
            inline["geo"] = [round(geo[0], 5), round(geo[1], 5)]
        row.normalised.append(f"lieu « {text or geo} » → {found.village or found.commune} ({found.how})")
        return {"location": inline}

    def convert(self, series: Series) -> Converted:
        main = series.main
        title = " ".join(_text(main, "SUMMARY").split()) if main is not None else ""
        row = Row(source=f"« {title or series.uid} » ({series.uid})")
        result = Converted(row)
        if main is None:
            if len(series.overrides) == 1:  # a lone moved occurrence: it is an event of its own
                main, series.overrides = series.overrides[0], []
                title = " ".join(_text(main, "SUMMARY").split())
                row.source = f"« {title or series.uid} » ({series.uid})"
            else:
                row.refusal = "des occurrences modifiées sans leur série (RECURRENCE-ID sans VEVENT principal)"
                return result
        try:
            self._convert(series, main, title, result)
        except ValueError as exc:
            result.files = []
            row.refusal = f"« {title} » : {exc}"
        except Exception as exc:  # a value no rule foresaw (a broken date, a property of the wrong kind)
            result.files = []
            row.refusal = f"« {title} » : l'événement ne peut pas être lu ({type(exc).__name__} : {exc})"
        return result

    def _convert(self, series: Series, main: icalendar.Component, title: str, result: Converted) -> None:
        row = result.row
        clock = Clock(self.zone)
        if main.get("DTSTART") is None:
            raise ValueError("pas de date de début (DTSTART)")
        raw_start = _at(main, "DTSTART")
        start = clock.local(raw_start)
        if isinstance(start, datetime) and is_unclear_local_time(start, self.where.territory.timezone):
            raise ValueError(f"{_stamp(start)} tombe dans l'heure du changement d'heure")
        end = self._end(main, raw_start, clock)
        data: dict[str, Any] = {"id": None, "title": title[:200] if title else placeholder("titre de l'événement ?")}
        if not title:
            row.decisions.append("titre de l'événement (l'agenda n'en donne pas)")
        data["type"] = self.event_type
        data["organizers"] = [self.organizer]
        actor = self.where.actor(self.organizer)
        row.chosen.append(f"type : {self.event_type} (--type)")
        result.chosen_keys.add("type")
        if actor is not None:
            data["audiences"] = list(actor.audiences)
            data["themes"] = list(actor.themes)
            row.chosen.append(f"publics et thèmes : ceux de {self.organizer}")
        else:
            data["audiences"] = [placeholder(f"publics ? ({self.organizer} n'a pas pu être lu)")]
            row.decisions.append("publics de l'événement")
        result.chosen_keys.update({"audiences", "themes"})
        description = plain_description(_text(main, "DESCRIPTION"))
        if description:
            data["summary"] = first_sentence(description)
            row.chosen.append("résumé : la première phrase de la description")
        elif title:
            data["summary"] = title[:200]
            row.chosen.append("résumé : le titre (pas de description)")
        else:
            data["summary"] = placeholder("résumé en une phrase ?")
        result.chosen_keys.add("summary")
        data["description"] = description[:20_000] if description and description != data["summary"] else None
        where, chosen = self.location(main, row)
        data.update(where)
        if chosen:
            result.chosen_keys.update(where)
        data["start"] = _stamp(start)
        data["end"] = _end_text(start, end)
        extras = [clock.local(d) for d in _dates_of(main, "RDATE")]
        parts = _rule_parts(main)
        rule_days: set[date] = {_day(start)}
        if parts is not None:
            rule_text, first, rule_days = self._rule(parts, raw_start, start, clock, title, row)
            data["repeat"] = rule_text
            if first != start:  # DTSTART outside its own rule: an extra date
                extras.insert(0, start)
                data["start"] = _stamp(first)
                if isinstance(end, datetime) and isinstance(start, datetime):
                    data["end"] = _end_text(first, first + (end - start))
                elif isinstance(end, date) and not isinstance(end, datetime):
                    data["end"] = _end_text(first, first + (end - start))  # type: ignore[operator]
        skip = sorted({_day(clock.local(d)) for d in _dates_of(main, "EXDATE")})
        outside = [d for d in skip if d not in rule_days]
        if outside:
            row.normalised.append("EXDATE hors de la série ignorées : " + ", ".join(d.isoformat() for d in outside))
        extras = [e for e in extras if _day(e) not in rule_days and _day(e) not in skip]
        data["skip"] = [d.isoformat() for d in skip if d in rule_days]
        cancelled, changed, extra_overrides = self._overrides(series, start, end, rule_days, extras, clock, row)
        data["cancelled"], data["changed"] = cancelled, changed
        if _text(main, "STATUS").upper() == "CANCELLED":
            data["status"] = "cancelled"
        self._cost(data, actor, row, result)
        data["source"] = series.uid
        if clock.floating:
            row.normalised.append(f"heures sans fuseau : prises à l'heure du territoire ({self.zone.key})")
        if clock.seconds:
            row.normalised.append("secondes ignorées (heures à la minute)")
        result.files.append(Planned("event", "", data))
        for extra in sorted(extras, key=_stamp):
            copy = {k: v for k, v in data.items() if k not in ("repeat", "skip", "cancelled", "changed")}
            copy["start"] = _stamp(extra)
            if end is not None:
                copy["end"] = _end_text(extra, extra + (end - start))  # type: ignore[operator]
            override = extra_overrides.get(_day(extra))
            if override is not None and _text(override, "STATUS").upper() == "CANCELLED":
                copy["status"] = "cancelled"
            copy["source"] = f"{series.uid}#{_day(extra).isoformat()}"
            row.normalised.append(f"date en plus de la règle ({_stamp(extra)}) : un événement à part")
            result.files.append(Planned("event", "", copy))

    def _end(self, main: icalendar.Component, raw_start: date | datetime, clock: Clock) -> date | datetime | None:
        if main.get("DTEND") is not None:
            raw_end = _at(main, "DTEND")
        elif main.get("DURATION") is not None:
            raw_end = raw_start + _at(main, "DURATION")
        else:
            return None
        end = clock.local(raw_end)
        if isinstance(raw_start, datetime) != isinstance(raw_end, datetime):
            raise ValueError("début et fin de natures différentes (une date et une heure)")
        return end

    def _rule(
        self,
        parts: dict[str, str],
        raw_start: date | datetime,
        start: date | datetime,
        clock: Clock,
        title: str,
        row: Row,
    ) -> tuple[str, date | datetime, set[date]]:
        dropped = sorted(set(parts) - set(ALLOWED_PARTS))
        if parts.get("FREQ") not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
            raise ValueError(f"répétition FREQ={parts.get('FREQ')} : `repeat` répète par jour, semaine, mois ou année")
        rule_text = _our_rule(parts, start, raw_start, clock)
        try:
            parse_recurrence(rule_text)
        except Exception as exc:
            raise ValueError(f"règle « {rule_text} » refusée ({exc})") from None
        base = start if isinstance(start, datetime) else datetime.combine(start, time())
        last = base + HORIZON
        theirs = _source_moments(raw_start, parts, clock, last)
        ours = _our_moments(rule_text, start, last)
        if "WKST" in parts:
            without = ";".join(p for p in rule_text.split(";") if not p.startswith("WKST="))
            if _our_moments(without, start, last) == ours:
                rule_text = without
                row.normalised.append(f"WKST={parts['WKST']} retiré : il ne change aucune date")
        if theirs != ours:
            if dropped:
                raise ValueError(
                    f"la règle de l'agenda utilise {', '.join(dropped)}, qui change les dates et que `repeat` ne sait pas écrire"
                )
            raise ValueError(
                "les dates de la série changent avec le fuseau horaire de l'agenda "
                f"({getattr(getattr(raw_start, 'tzinfo', None), 'key', '?')}) autrement qu'avec celui du territoire"
            )
        if dropped:
            row.normalised.append(f"{', '.join(dropped)} retiré : ne change aucune date")
        if not ours:
            raise ValueError("la règle ne donne aucune date")
        first = ours[0] if ours[0] != start and start not in ours else start
        days = {_day(m) for m in ours}
        if parts.get("COUNT") and start not in ours:
            count = int(parts["COUNT"]) - 1  # RFC 5545: DTSTART is the first of COUNT
            rule_text = re.sub(r"COUNT=\d+", f"COUNT={count}", rule_text)
            ours = ours[:count]
            days = {_day(m) for m in ours}
        row.normalised.append(f"répétition : {rule_text}")
        return rule_text, first, days

    def _overrides(
        self,
        series: Series,
        start: date | datetime,
        end: date | datetime | None,
        rule_days: set[date],
        extras: list[date | datetime],
        clock: Clock,
        row: Row,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[date, icalendar.Component]]:
        cancelled: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for_extras: dict[date, icalendar.Component] = {}
        extra_days = {_day(e) for e in extras}
        duration = (end - start) if end is not None else None  # type: ignore[operator]
        for override in sorted(series.overrides, key=lambda c: _stamp(clock.local(_at(c, "RECURRENCE-ID")))):
            if override.get("RECURRENCE-ID") is None:
                row.normalised.append("second VEVENT de même UID sans RECURRENCE-ID ignoré")
                continue
            if str(getattr(override.get("RECURRENCE-ID"), "params", {}).get("RANGE", "")).upper() == "THISANDFUTURE":
                raise ValueError("une modification « cette occurrence et les suivantes » (RANGE=THISANDFUTURE)")
            original = clock.local(_at(override, "RECURRENCE-ID"))
            day = _day(original)
            if day in extra_days:
                for_extras[day] = override
                continue
            if day not in rule_days:
                row.normalised.append(f"occurrence modifiée du {day.isoformat()} hors de la série ignorée")
                continue
            if _text(override, "STATUS").upper() == "CANCELLED":
                cancelled.append({"date": day.isoformat()})
                row.normalised.append(f"{day.isoformat()} annulé")
            change: dict[str, Any] = {"date": day.isoformat()}
            expected = datetime.combine(day, start.time()) if isinstance(start, datetime) else day
            new_start = clock.local(_at(override, "DTSTART")) if override.get("DTSTART") is not None else expected
            if new_start != expected:
                change["start"] = _stamp(
                    new_start if isinstance(new_start, datetime) else datetime.combine(new_start, time())
                )
            new_end = (
                self._end(override, _at(override, "DTSTART"), clock) if override.get("DTSTART") is not None else None
            )
            if isinstance(new_start, datetime) and new_end is not None and duration is not None:
                if new_end - new_start != duration:  # type: ignore[operator]
                    change["end"] = _end_text(new_start, new_end)
            elif new_end is not None and duration is not None and new_end - new_start != duration:  # type: ignore[operator]
                row.normalised.append(f"{day.isoformat()} : durée propre d'un jour entier non reprise")
            location_text = " ".join(_text(override, "LOCATION").split())
            main_location = " ".join(_text(series.main, "LOCATION").split()) if series.main is not None else ""
            if location_text and location_text != main_location:
                found = self.where.locate(location_text, None)
                if found is None:
                    question = f"lieu « {location_text} » du {day.isoformat()} introuvable : un identifiant de lieu"
                    row.decisions.append(question)
                    change["place"] = placeholder(question)
                else:
                    change.update(self._where_fields(found, location_text, None, row))
            title = _text(override, "SUMMARY")
            main_title = _text(series.main, "SUMMARY") if series.main is not None else ""
            if title and title != main_title:
                change["note"] = title[:1000]
            if len(change) > 1:
                changed.append(change)
                row.normalised.append(f"{day.isoformat()} modifié")
        return cancelled, changed, for_extras

    def _cost(self, data: dict[str, Any], actor: Any, row: Row, result: Converted) -> None:
        if actor is None or actor.access.cost == "free":
            data["cost"] = "free"
            row.chosen.append("coût : gratuit" + (f" (comme {self.organizer})" if actor is not None else ""))
        else:
            data["cost"], data["cost_note"] = actor.access.cost, actor.access.cost_note
            row.chosen.append(f"coût : celui de {self.organizer}")
        result.chosen_keys.update({"cost", "cost_note"})


def _end_text(start: date | datetime, end: date | datetime | None) -> str | None:
    if end is None:
        return None
    if isinstance(start, datetime) and isinstance(end, datetime):
        if end <= start:
            return None
        return end.strftime("%H:%M") if end.date() == start.date() else _stamp(end)
    last = _day(end) - timedelta(days=1)  # DTEND of a date is exclusive; our `end` is the last day
    return last.isoformat() if last > _day(start) else None


def merge(new: dict[str, Any], old: dict[str, Any], chosen: set[str]) -> dict[str, Any]:
    """An updated file: the calendar's fields from ``new``; what a person wrote or decided
    (a field the calendar does not own, or one chosen for want of information) from ``old``."""
    merged = dict(new)
    for key, value in old.items():
        if key in OWNED or key == "id":
            continue
        if key not in new or new[key] in (None, [], {}) or key in chosen or is_placeholder(new[key]):
            if is_placeholder(value) and key in new and not is_placeholder(new[key]):
                continue
            merged[key] = value
    if "place" in merged and "location" in merged:  # a person chose one of the two
        keep = "place" if "place" in old else "location"
        merged.pop("location" if keep == "place" else "place")
    return merged
