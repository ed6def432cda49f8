"""The feeds' format, point by point of ICAL.md (the table in docs/feeds.md says which test
proves which point): lines, escaping, metadata, series, overrides, all-day dates, places,
organizers, families' sizes. Built in memory from the feed test territories, today
2026-11-23.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import icalendar
import pytest
from dateutil.rrule import rrulestr
from feeds_support import FEED_TERRITORIES, feeds_of, load, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.outputs.ical import calendar as ical_calendar
from generator.outputs.ical.lines import Component, text

H = "https://maillage.example/"


@pytest.fixture(scope="module")
def recurrences() -> dict[str, bytes]:
    return feeds_of(load("recurrences"))


def unfolded(content: bytes) -> list[str]:
    return content.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def vevents(content: bytes, uid: str | None) -> list[list[str]]:
    """The VEVENTs of ``uid`` (master first; None: of every UID), each as its unfolded
    content lines."""
    out: list[list[str]] = []
    current: list[str] | None = None
    for line in unfolded(content):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT" and current is not None:
            if uid is None or f"UID:{uid}" in current:
                out.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return out


def prop(lines: list[str], name: str) -> str:
    found = [line for line in lines if re.match(rf"{name}[;:]", line)]
    assert len(found) == 1, (name, found)
    return found[0]


def event_feed(feeds: dict[str, bytes], event_id: str) -> bytes:
    return feeds[f"calendriers/evenement/{event_id}.ics"]


# --- 1. lines --------------------------------------------------------------------------


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_lines_end_in_crlf_fold_at_75_octets_and_never_split_a_character(territory: str) -> None:
    for path, content in feeds_of(load(territory)).items():
        assert content.endswith(b"END:VCALENDAR\r\n"), path
        assert content.count(b"BEGIN:VCALENDAR") == 1, path
        physical = content.split(b"\r\n")[:-1]
        assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical), path
        for line in physical:
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # a split character would not decode on its own line


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_survives_escaping_and_folding(value: str) -> None:
    component = Component("VCALENDAR")
    component.add("VERSION", "2.0")
    component.add("PRODID", "-//t//t//FR")
    event = Component("VEVENT")
    event.add("UID", "u@h")
    event.add("DTSTAMP", "20260101T000000Z")
    event.add("SUMMARY", text(value))
    component.children.append(event)
    rendered = component.render().encode("utf-8")
    parsed = parse(rendered)
    [parsed_event] = parsed.walk("VEVENT")
    assert all(len(line) <= 75 for line in rendered.split(b"\r\n"))
    # Newlines of every kind become LF; other control characters are dropped; tabs are spaces.
    cleaned = re.sub("\r\n|[\r\x85\u2028\u2029]", "\n", value).replace("\t", " ")
    cleaned = "".join(c for c in cleaned if c == "\n" or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F))
    assert str(parsed_event.get("SUMMARY", "")) == cleaned


# --- 3. VTIMEZONE (against zoneinfo: test_feeds_vtimezone.py) -------------------------


@pytest.mark.parametrize(("territory", "zone"), [("recurrences", "Europe/Brussels"), ("paris", "Europe/Paris")])
def test_the_brussels_zone_is_written_in_the_yearly_rule_shape(territory: str, zone: str) -> None:
    """The exact block of ICAL.md 3, in every feed (Europe/Paris: same rules, other TZID)."""
    blocks = {
        content.decode().split("BEGIN:VTIMEZONE\r\n")[1].split("END:VTIMEZONE")[0]
        for content in feeds_of(load(territory)).values()
    }
    assert len(blocks) == 1
    assert blocks.pop().split("\r\n") == [
        f"TZID:{zone}",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "",
    ]  # fmt: skip


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_tzid_used_has_its_vtimezone(territory: str) -> None:
    zone = load(territory).territory.timezone
    for path, content in feeds_of(load(territory)).items():
        lines = unfolded(content)
        used = {m for line in lines for m in re.findall(r";TZID=([^:;]+)", line)}
        assert used <= {zone}, path
        assert lines.count("BEGIN:VTIMEZONE") == 1 and f"TZID:{zone}" in lines, path


# --- 4, 5. metadata, empty feeds ------------------------------------------------------


def test_feed_metadata(recurrences: dict[str, bytes]) -> None:
    lines = unfolded(recurrences["calendriers/commune/hamois.ics"])
    head = lines[: lines.index("BEGIN:VTIMEZONE")]
    assert head == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Maillage//Calendriers//FR",
        "CALSCALE:GREGORIAN",
        "NAME:Récurrences-Test – Commune de Hamois",
        "X-WR-CALNAME:Récurrences-Test – Commune de Hamois",
        "DESCRIPTION:Événements et passages des tournées – Commune de Hamois. Mis à jour toutes les 12 heures.",
        "X-WR-CALDESC:Événements et passages des tournées – Commune de Hamois. Mis à jour toutes les 12 heures.",
        f"SOURCE;VALUE=URI:{H}calendriers/commune/hamois.ics",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ]
    assert not any(line.startswith("METHOD") for line in lines)


def test_an_empty_commune_and_an_idle_actor_have_valid_empty_feeds(recurrences: dict[str, bytes]) -> None:
    for path in ("commune/ohey", "village/evelette", "acteur/association-muette", "evenement/ancienne-serie"):
        content = recurrences[f"calendriers/{path}.ics"]
        calendar = parse(content)
        assert list(calendar.walk("VEVENT")) == [], path
        assert len(list(calendar.walk("VTIMEZONE"))) == 1, path


# --- 6. TEXT escaping, plain descriptions, URL ---------------------------------------


def test_hostile_text_is_escaped_and_never_breaks_structure(recurrences: dict[str, bytes]) -> None:
    context = load("recurrences")
    event = context.dataset.events["texte-hostile"]
    content = event_feed(recurrences, "texte-hostile")
    [vevent] = parse(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert (
        str(vevent["LOCATION"])
        == 'Salle "Le Coin; la Virgule, et \\ la barre", Rue des ; Points-virgules, 1\\2, 5590 Ciney'
    )
    description = str(vevent["DESCRIPTION"])
    assert description.startswith("Résumé avec \\n littéral, un point-virgule ; et une virgule ,\n\n")
    assert "<script>" not in description and description.endswith(f"{H}evenements/texte-hostile/")
    assert str(vevent["URL"]) == f"{H}evenements/texte-hostile/"
    assert [line for line in unfolded(content) if line.startswith("UID:")] == [
        "UID:evenement-texte-hostile@maillage.example"
    ]
    assert vevent["ORGANIZER"].params["CN"] == "Club des aînés 'Le Tilleul'"


def test_descriptions_are_plain_text(recurrences: dict[str, bytes]) -> None:
    [master, *_] = parse(event_feed(recurrences, "cafe-parents")).walk("VEVENT")
    assert str(master["DESCRIPTION"]) == (
        "Un moment convivial entre parents, avec garderie.\n\n"
        "Organisation : Plan de cohésion sociale de Hamois, CPAS de Ciney\n\n"
        f"{H}evenements/cafe-parents/"
    )


# --- 7, 8. series ---------------------------------------------------------------------


def test_a_series_is_one_vevent_with_local_dtstart_and_one_rrule(recurrences: dict[str, bytes]) -> None:
    [master, *_] = vevents(event_feed(recurrences, "marche-dimanche"), "evenement-marche-dimanche@maillage.example")
    assert prop(master, "DTSTART") == "DTSTART;TZID=Europe/Brussels:20260301T090000"
    assert prop(master, "DTEND") == "DTEND;TZID=Europe/Brussels:20260301T110000"
    # UNTIL "through 31 December 2027": that day's last second in Brussels, in UTC.
    assert prop(master, "RRULE") == "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20271231T225959Z"


def test_until_is_a_date_for_all_day_series_and_count_is_kept(recurrences: dict[str, bytes]) -> None:
    [master] = vevents(event_feed(recurrences, "brocante-septembre"), "evenement-brocante-septembre@maillage.example")
    assert prop(master, "RRULE") == "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=9;UNTIL=20300930"
    [stage] = vevents(event_feed(recurrences, "stage-samedis"), "evenement-stage-samedis@maillage.example")
    assert prop(stage, "RRULE") == "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=SA"


def test_wkst_is_written_whenever_interval_is_over_one(recurrences: dict[str, bytes]) -> None:
    [master] = vevents(event_feed(recurrences, "atelier-quinzaine"), "evenement-atelier-quinzaine@maillage.example")
    assert prop(master, "RRULE") == "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;UNTIL=20270627T215959Z;WKST=MO"
    stops = recurrences["calendriers/tournee/bibliobus.ics"]
    [bus] = vevents(stops, "tournee-bibliobus-ciney@maillage.example")
    assert prop(bus, "RRULE") == "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;WKST=MO"


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_exdate_is_an_occurrence_of_its_rule(territory: str) -> None:
    """ICAL.md 9: same TZID, same local time as the occurrence it removes."""
    seen = 0
    for content in [feeds_of(load(territory))["calendriers/tout.ics"]]:
        for event in parse(content).walk("VEVENT"):
            if "EXDATE" not in event:
                continue
            start = event["DTSTART"].dt
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
            exdates = event["EXDATE"] if isinstance(event["EXDATE"], list) else [event["EXDATE"]]
            for group in exdates:
                for value in group.dts:
                    moment = value.dt
                    if isinstance(start, datetime):
                        assert moment.tzinfo is not None and str(moment.tzinfo) == str(start.tzinfo)
                        assert moment.time() == start.time()
                        assert rule.after(moment, inc=True) == moment
                    else:
                        assert type(moment) is date
                        assert rule.after(datetime.combine(moment, datetime.min.time()), inc=True).date() == moment
                    seen += 1
    if territory in ("demo", "recurrences", "paris"):  # the others skip no date
        assert seen > 0


# --- 10, 11, 12. overrides, cancellations, all-day --------------------------------------


def test_a_moved_occurrence_is_an_override_with_its_original_start(recurrences: dict[str, bytes]) -> None:
    master, moved, cancelled = vevents(
        event_feed(recurrences, "cafe-parents"), "evenement-cafe-parents@maillage.example"
    )
    assert "RECURRENCE-ID" not in "".join(master)
    assert prop(moved, "RECURRENCE-ID") == "RECURRENCE-ID;TZID=Europe/Brussels:20270112T093000"
    assert prop(moved, "DTSTART") == "DTSTART;TZID=Europe/Brussels:20270119T100000"
    assert prop(moved, "DTEND") == "DTEND;TZID=Europe/Brussels:20270119T113000"
    assert prop(moved, "LOCATION").startswith("LOCATION:Salle communale de Natoye")
    assert prop(moved, "DESCRIPTION").startswith("DESCRIPTION:Déplacé d'une semaine\\, à Natoye.")
    assert prop(moved, "SEQUENCE") == prop(master, "SEQUENCE")
    assert prop(cancelled, "RECURRENCE-ID") == "RECURRENCE-ID;TZID=Europe/Brussels:20270209T093000"


def test_a_cancelled_occurrence_says_so(recurrences: dict[str, bytes]) -> None:
    *_, cancelled = vevents(event_feed(recurrences, "cafe-parents"), "evenement-cafe-parents@maillage.example")
    assert prop(cancelled, "STATUS") == "STATUS:CANCELLED"
    assert prop(cancelled, "SUMMARY") == "SUMMARY:ANNULÉ – Café parents"
    assert prop(cancelled, "DESCRIPTION").startswith("DESCRIPTION:Annulé : Congé de carnaval\\n\\n")


def test_cancelled_and_postponed_series_and_one_off_events(recurrences: dict[str, bytes]) -> None:
    [conference] = vevents(
        event_feed(recurrences, "conference-annulee"), "evenement-conference-annulee@maillage.example"
    )
    assert (prop(conference, "STATUS"), prop(conference, "SUMMARY")) == (
        "STATUS:CANCELLED",
        "SUMMARY:ANNULÉ – Conférence sur l'énergie",
    )
    [theatre] = vevents(event_feed(recurrences, "theatre-reporte"), "evenement-theatre-reporte@maillage.example")
    assert (prop(theatre, "STATUS"), prop(theatre, "SUMMARY")) == (
        "STATUS:TENTATIVE",
        "SUMMARY:REPORTÉ – Atelier théâtre",
    )
    [single] = vevents(
        event_feed(recurrences, "atelier-unique-annule"), "evenement-atelier-unique-annule@maillage.example"
    )
    assert "RRULE" not in "".join(single) and "RECURRENCE-ID" not in "".join(single)
    assert (prop(single, "STATUS"), prop(single, "SUMMARY")) == ("STATUS:CANCELLED", "SUMMARY:ANNULÉ – Atelier CV")
    [moved] = vevents(
        event_feed(recurrences, "atelier-unique-deplace"), "evenement-atelier-unique-deplace@maillage.example"
    )
    assert prop(moved, "DTSTART") == "DTSTART;TZID=Europe/Brussels:20270317T183000"


def test_all_day_events_are_dates_with_an_exclusive_end(recurrences: dict[str, bytes]) -> None:
    [fete] = vevents(event_feed(recurrences, "fete-village"), "evenement-fete-village@maillage.example")
    assert prop(fete, "DTSTART") == "DTSTART;VALUE=DATE:20270716"
    assert prop(fete, "DTEND") == "DTEND;VALUE=DATE:20270719"


def test_an_event_without_an_end_has_no_dtend(recurrences: dict[str, bytes]) -> None:
    [meeting] = vevents(event_feed(recurrences, "reunion-sans-fin"), "evenement-reunion-sans-fin@maillage.example")
    assert not any(line.startswith(("DTEND", "DURATION")) for line in meeting)


# --- 14, 17. identity, look-back ------------------------------------------------------


def test_uids_follow_the_contract(recurrences: dict[str, bytes]) -> None:
    uids = {line[4:] for line in unfolded(recurrences["calendriers/tout.ics"]) if line.startswith("UID:")}
    assert "evenement-cafe-parents@maillage.example" in uids
    assert "tournee-epicerie-mardi-achene-matin@maillage.example" in uids
    assert "tournee-epicerie-mardi-leignon@maillage.example" in uids
    assert all(re.fullmatch(r"(evenement|tournee)-[a-z0-9-]+@maillage\.example", uid) for uid in uids)


def test_look_back_drops_ended_series_and_keeps_partly_past_ones_whole(recurrences: dict[str, bytes]) -> None:
    tout = recurrences["calendriers/tout.ics"].decode()
    assert "evenement-ancienne-serie@" not in tout
    # Ended in June 2026, inside the six months of look-back: still there.
    assert "UID:evenement-marche-printemps@maillage.example" in tout
    [master, *_] = vevents(recurrences["calendriers/tout.ics"], "evenement-marche-dimanche@maillage.example")
    assert prop(master, "DTSTART").endswith(":20260301T090000")  # before the window, written whole


# --- 18. sizes -----------------------------------------------------------------------


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_feed_is_under_one_megabyte(territory: str) -> None:
    sizes = {path: len(content) for path, content in feeds_of(load(territory)).items()}
    assert max(sizes.values()) < 1_000_000


def test_an_oversized_feed_drops_long_descriptions(monkeypatch: pytest.MonkeyPatch) -> None:
    context = load("recurrences")
    full = feeds_of(context)["calendriers/tout.ics"]
    monkeypatch.setattr(ical_calendar, "SIZE_LIMIT", len(full) - 1)
    import generator.outputs.feeds as feeds_module

    monkeypatch.setattr(feeds_module, "SIZE_LIMIT", len(full) - 1)
    compact = feeds_of(load("recurrences"))["calendriers/tout.ics"]
    assert len(compact) < len(full)
    [master, *_] = parse(compact).walk("VEVENT")
    assert str(master["DESCRIPTION"]).count("\n\n") == 1  # summary, then the page's address
    assert len(list(parse(compact).walk("VEVENT"))) == len(list(parse(full).walk("VEVENT")))


# --- 22. organizer, categories, place ------------------------------------------------


def test_organizer_categories_geo_and_location(recurrences: dict[str, bytes]) -> None:
    [cafe, *_] = vevents(event_feed(recurrences, "cafe-parents"), "evenement-cafe-parents@maillage.example")
    assert (
        prop(cafe, "ORGANIZER")
        == 'ORGANIZER;CN="Plan de cohésion sociale de Hamois":https://pcs-hamois.example/accueil'
    )
    assert prop(cafe, "CATEGORIES") == "CATEGORIES:Café rencontre,Ciney"
    assert prop(cafe, "GEO") == "GEO:50.267000;5.046000"
    assert prop(cafe, "LOCATION") == "LOCATION:Salle du village d'Achêne\\, Rue de l'Église 3\\, 5590 Achêne"
    [permanence, *_] = vevents(
        event_feed(recurrences, "permanence-jeudi"), "evenement-permanence-jeudi@maillage.example"
    )
    assert prop(permanence, "ORGANIZER") == 'ORGANIZER;CN="CPAS de Ciney":mailto:accueil@cpas-ciney.example'
    # A place without coordinates takes its village's; an actor without e-mail or site, its page.
    [gym] = vevents(event_feed(recurrences, "gym-lundi-soir"), "evenement-gym-lundi-soir@maillage.example")
    assert prop(gym, "GEO") == "GEO:50.345400;5.092200"
    assert prop(gym, "ORGANIZER") == f"ORGANIZER;CN=\"Club des aînés 'Le Tilleul'\":{H}acteurs/club-aines/"
    [stop] = vevents(
        recurrences["calendriers/tournee/epicerie-mardi.ics"], "tournee-epicerie-mardi-leignon@maillage.example"
    )[:1]
    assert prop(stop, "SUMMARY") == "SUMMARY:Épicerie itinérante du mardi – Leignon"
    assert prop(stop, "CATEGORIES") == "CATEGORIES:Épicerie itinérante,Ciney"
    assert prop(stop, "LOCATION") == "LOCATION:Parking de l'école\\, Leignon"
    assert prop(stop, "GEO") == "GEO:50.268200;5.110100"
    assert prop(stop, "URL") == f"URL:{H}tournees/epicerie-mardi/"


# --- 7, 8, 10, 12, 22 on every VEVENT of every feed of every territory --------------------

_LOCAL = r"(;TZID=(?P<tz>[^:;]+):\d{8}T\d{6}|;VALUE=DATE:\d{8})"


def _value_type(line: str) -> str:
    """The parameters of a date property (``;TZID=Europe/Brussels`` or ``;VALUE=DATE``)."""
    return line.split(":", 1)[0].split(";", 1)[1]


def _check_entry(zone: str, uid: str, events: list[list[str]]) -> None:
    """The checks of ICAL.md 7, 8, 10, 12 and 22 on the VEVENTs of one UID in one file."""
    masters = [e for e in events if not any(line.startswith("RECURRENCE-ID") for line in e)]
    assert len(masters) == 1, uid  # 7: one VEVENT per series, its overrides beside it
    master = masters[0]
    start = prop(master, "DTSTART")
    # 7: local times with the zone's TZID, or dates; never a UTC instant, never RDATE.
    for line in (line for e in events for line in e):
        if re.match(r"(DTSTART|DTEND|EXDATE|RECURRENCE-ID)[;:]", line):
            assert re.fullmatch(rf"[A-Z-]+{_LOCAL}(,\d{{8}}(T\d{{6}})?)*", line), (uid, line)
            assert ";TZID=" not in line or f";TZID={zone}:" in line, (uid, line)
        assert not line.startswith(("RDATE", "DURATION")), (uid, line)
    all_day = ";VALUE=DATE:" in start
    if all_day:  # 12: dates, an exclusive end after the start
        for event in events:
            first, end = prop(event, "DTSTART"), prop(event, "DTEND")
            assert ";VALUE=DATE:" in end and end.split(":")[1] > first.split(":")[1], (uid, end)
    rules = [line for line in master if line.startswith("RRULE")]
    assert len(rules) <= 1, uid
    if rules:
        rule = rules[0].removeprefix("RRULE:")
        parts = dict(part.split("=", 1) for part in rule.split(";"))
        assert not {"COUNT", "UNTIL"} <= set(parts), uid
        if "UNTIL" in parts:  # 8: UTC for a timed series, a DATE for an all-day one
            assert re.fullmatch(r"\d{8}" if all_day else r"\d{8}T\d{6}Z", parts["UNTIL"]), (uid, rule)
        if int(parts.get("INTERVAL", "1")) > 1:
            assert parts.get("WKST") == "MO", (uid, rule)
    else:
        assert not any(line.startswith("EXDATE") for line in master), uid
    for override in events:
        if override is master:
            continue
        # 10: RECURRENCE-ID in the value type and zone of DTSTART; SEQUENCE at least the series'.
        assert rules, uid
        assert _value_type(prop(override, "RECURRENCE-ID")) == _value_type(start), uid
        assert int(prop(override, "SEQUENCE")[9:]) >= int(prop(master, "SEQUENCE")[9:]), uid
    for event in events:  # 22: who, what, where
        assert re.fullmatch(r'ORGANIZER;CN="[^"]+":(mailto:[^@\s]+@[^\s]+|https://\S+)', prop(event, "ORGANIZER"))
        assert len(re.split(r"(?<!\\),", prop(event, "CATEGORIES")[11:])) >= 1, uid
        assert prop(event, "LOCATION") != "LOCATION:", uid
        assert re.fullmatch(r"GEO:-?\d+\.\d{6};-?\d+\.\d{6}", prop(event, "GEO")), uid
        assert re.fullmatch(r"URL:https://\S+/", prop(event, "URL")), uid
        assert re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", prop(event, "DTSTAMP")), uid


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_vevent_of_every_feed_has_the_shape_of_ical_md(territory: str) -> None:
    """ICAL.md 7, 8, 10, 12, 22 checked on every VEVENT of every file (the tests above show
    each case on one chosen series; this one leaves no series out)."""
    context = load(territory)
    zone = context.territory.timezone
    checked = 0
    for path, content in feeds_of(context).items():
        by_uid: dict[str, list[list[str]]] = {}
        for event in vevents(content, None):
            by_uid.setdefault(prop(event, "UID")[4:], []).append(event)
        for uid, events in by_uid.items():
            try:
                _check_entry(zone, uid, events)
            except AssertionError as error:
                raise AssertionError(f"{path}: {error}") from error
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_series_starts_on_its_first_occurrence_and_overrides_replace_occurrences(territory: str) -> None:
    """ICAL.md 8 (DTSTART is the rule's first occurrence) and 10 (each RECURRENCE-ID is an
    occurrence of the rule, not an excluded one), read back with icalendar and dateutil."""
    overrides = 0
    masters: dict[str, icalendar.Event] = {}
    calendar = parse(feeds_of(load(territory))["calendriers/tout.ics"])
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" not in event:
            masters[str(event["UID"])] = event
    for event in calendar.walk("VEVENT"):
        master = masters[str(event["UID"])]
        if "RRULE" not in master:
            continue
        start = master["DTSTART"].dt
        moment = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
        rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=moment)
        if "RECURRENCE-ID" not in event:
            assert rule[0] == moment, event["UID"]
            continue
        original = event["RECURRENCE-ID"].dt
        original = original if isinstance(original, datetime) else datetime.combine(original, datetime.min.time())
        assert rule.after(original, inc=True) == original, (event["UID"], original)
        exdates = master.get("EXDATE", [])
        excluded = {v.dt for group in (exdates if isinstance(exdates, list) else [exdates]) for v in group.dts}
        assert event["RECURRENCE-ID"].dt not in excluded, (event["UID"], original)
        overrides += 1
    assert masters
    if territory in ("demo", "recurrences"):
        assert overrides > 0
