"""`import ics` (issue 19): a partner's calendar becomes event files whose occurrences, as our
feeds give them, are exactly the calendar's.

The calendars under tests/importers/calendars/ are written by hand in the shapes Google,
Nextcloud and Outlook export (their VTIMEZONE blocks — Outlook's "Romance Standard Time" —,
weekly series with EXDATE, monthly BYDAY with a moved occurrence, all-day multi-day events, a
series that ends, cancelled occurrences). Each is imported into a copy of the "mini" territory;
then recurring-ical-events expands the source calendar and our ``tout.ics`` over the same
year, and both lists of (source UID, UTC start, UTC end, status) must be equal.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from conftest import TERRITORIES
from feeds_support import feeds_of, load

from generator.__main__ import main

CALENDARS = Path(__file__).resolve().parent / "importers" / "calendars"
SHAPES = ("google", "nextcloud", "outlook")
TODAY = date(2026, 11, 23)
ZONE = ZoneInfo("Europe/Brussels")
FIRST = datetime.combine(TODAY, time(), ZONE)
LAST = datetime.combine(TODAY + timedelta(days=365), time(), ZONE)
Record = tuple[str, str, str, str]


def _moment(value: date | datetime) -> str:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=ZONE)
        return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _records(content: bytes, uid_of: dict[str, str] | None = None) -> list[Record]:
    """Occurrences starting in [FIRST, LAST), by recurring-ical-events, keyed by source UID."""
    out = []
    for component in recurring_ical_events.of(icalendar.Calendar.from_ical(content)).between(FIRST, LAST):
        start = component["DTSTART"].dt
        if isinstance(start, datetime):
            if not FIRST <= (start if start.tzinfo else start.replace(tzinfo=ZONE)) < LAST:
                continue
        elif not FIRST.date() <= start < LAST.date():
            continue
        end = component["DTEND"].dt if "DTEND" in component else None
        if end is None and "DURATION" in component:
            end = start + component["DURATION"].dt
        if end is None:
            end = start if isinstance(start, datetime) else start + timedelta(days=1)
        uid = str(component["UID"])
        if uid_of is not None:
            if uid not in uid_of:
                continue  # an event of the territory that was not imported
            uid = uid_of[uid]
        status = str(component.get("STATUS", "")) or "CONFIRMED"
        out.append((uid, _moment(start), _moment(end), status))
    return sorted(out)


def _import(data: Path, source: str, *extra: str) -> int:
    return main(["import", "ics", source, "--organizer", "pcs-hamois", "--data", str(data), *extra])


def _snapshot(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*.yaml"))}


@pytest.fixture(scope="module")
def territory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini territory with the three calendars imported, once for the module."""
    data = tmp_path_factory.mktemp("import-ics") / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    for shape in SHAPES:
        assert _import(data, str(CALENDARS / f"{shape}.ics")) == 0, shape
    return data


def _ours(data: Path) -> list[Record]:
    context = load(data, TODAY)
    uid_of = {
        f"evenement-{event_id}@{context.host}": str(event.source).split("#")[0]
        for event_id, event in context.dataset.events.items()
        if event.source
    }
    return _records(feeds_of(context)["calendriers/tout.ics"], uid_of)


def test_the_feeds_give_exactly_the_calendars_occurrences_over_a_year(territory: Path) -> None:
    theirs = sorted(r for shape in SHAPES for r in _records((CALENDARS / f"{shape}.ics").read_bytes()))
    ours = _ours(territory)
    assert ours == theirs
    # the comparison is about something: every shape and every kind of exception is in it
    assert len({r[0] for r in theirs}) == 11
    assert any(r[3] == "CANCELLED" for r in theirs)
    assert any(len(r[1]) == 8 and r[2] > r[1] for r in theirs)  # all-day
    assert len(theirs) > 60


def test_each_rule_part_became_repeat_skip_cancelled_and_changed(territory: Path) -> None:
    text = (territory / "events" / "cafe-des-voisins.yaml").read_text(encoding="utf-8")
    assert "repeat: FREQ=WEEKLY;BYDAY=TU\n" in text  # WKST=MO moves no date: dropped
    assert "skip: [2026-12-29, 2027-01-05]\n" in text
    assert "place: salle-natoye\n" in text
    assert "source: 4k2q8v1l0a9s3d7f6g5h4j3k2l@google.com\n" in text
    assert "<br>" not in text and "<b>" not in text
    moved = (territory / "events" / "groupe-de-parole-des-aidants.yaml").read_text(encoding="utf-8")
    assert "  - date: 2027-02-15\n    start: 2027-02-16 09:30\n    place: salle-natoye\n" in moved
    assert "repeat: FREQ=MONTHLY;BYMONTHDAY=15\n" in moved  # Outlook's INTERVAL=1 says nothing
    ended = (territory / "events" / "atelier-numerique.yaml").read_text(encoding="utf-8")
    assert "UNTIL=20270329" in ended and "cancelled:\n  - date: 2026-12-14\n" in ended
    multi = (territory / "events" / "stage-nature.yaml").read_text(encoding="utf-8")
    assert "start: 2027-07-05\nend: 2027-07-09\n" in multi  # DTEND 07-10 is exclusive


def test_importing_twice_changes_nothing(territory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(territory)
    for shape in SHAPES:
        assert _import(territory, str(CALENDARS / f"{shape}.ics")) == 0
        assert _import(territory, str(CALENDARS / f"{shape}.ics"), "--update") == 0
    assert _snapshot(territory) == before
    out = capsys.readouterr().out
    assert "inchangé" in out and "créé" not in out.replace("4 créé", "") and "mis à jour" not in out


def test_a_changed_calendar_changes_only_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = tmp_path / "agenda.ics"
    source.write_bytes((CALENDARS / "google.ics").read_bytes())
    assert _import(data, str(source)) == 0
    # a person decides what the calendar did not say: the type, and the public
    cafe = data / "events" / "cafe-des-voisins.yaml"
    cafe.write_text(cafe.read_text(encoding="utf-8").replace("type: other", "type: cafe"), encoding="utf-8")
    before = _snapshot(data)
    text = source.read_text(encoding="utf-8")
    text = text.replace("DTEND;TZID=Europe/Brussels:20260901T160000", "DTEND;TZID=Europe/Brussels:20260901T163000")
    start = text.index("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270612")
    text = text[:start] + text[text.index("END:VEVENT\n", start) + len("END:VEVENT\n") :]  # the fête is gone
    source.write_text(text, encoding="utf-8")
    capsys.readouterr()

    assert _import(data, str(source)) == 0  # without --update: nothing is overwritten
    assert _snapshot(data) == before
    assert "existe déjà" in capsys.readouterr().out

    assert _import(data, str(source), "--update", "--report", str(tmp_path / "rapport.md")) == 0
    after = _snapshot(data)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {"events/cafe-des-voisins.yaml"}
    assert "end: 16:30\n" in after["events/cafe-des-voisins.yaml"].decode()
    assert "type: cafe\n" in after["events/cafe-des-voisins.yaml"].decode()  # the person's choice is kept
    assert "events/week-end-des-solidarites.yaml" in after  # vanished: reported, never deleted
    report = (tmp_path / "rapport.md").read_text(encoding="utf-8")
    assert "| « Week-end des solidarités » (0z9x8c7v6b5n4m3l2k1j0h9g8f@google.com) | absent de la source" in report
    assert "| « Café des voisins » (4k2q8v1l0a9s3d7f6g5h4j3k2l@google.com) | mis à jour |" in report
    assert "| « Atelier cuisine » (7p6o5i4u3y2t1r0e9w8q7a6s5d@google.com) | inchangé |" in report


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    before = _snapshot(data)
    assert _import(data, str(CALENDARS / "outlook.ics"), "--dry-run") == 0
    assert _snapshot(data) == before
    assert "serait créé (--dry-run) → events/stage-nature.yaml" in capsys.readouterr().out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """The calendars served on 127.0.0.1 (a port the system chooses)."""

    def handler(*args: object) -> _Quiet:
        return _Quiet(*args, directory=str(CALENDARS))  # type: ignore[arg-type]

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # type: ignore[arg-type]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_calendar_url_given_on_the_command_line_is_fetched(
    server: str, territory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    assert _import(data, f"{server}/nextcloud.ics") == 0
    assert "Importé de l'agenda http://127.0.0.1:" in (data / "events" / "gym-douce.yaml").read_text(encoding="utf-8")
    for name in ("gym-douce", "soiree-jeux", "bourse-aux-vetements", "seance-d-information-energie"):
        mine = (data / "events" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[2:]
        from_file = (territory / "events" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[2:]
        assert mine == from_file, name
    assert _import(data, f"{server}/absent.ics") == 2
    assert "n'a pas pu être téléchargé" in capsys.readouterr().err


CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
{events}END:VCALENDAR
"""
EVENT = """BEGIN:VEVENT
UID:{uid}
SUMMARY:{title}
DTSTART{start}
DTEND{end}
LOCATION:Natoye
{extra}END:VEVENT
"""


def _calendar(tmp_path: Path, *events: dict[str, str]) -> Path:
    path = tmp_path / "agenda.ics"
    body = "".join(EVENT.format(**{"extra": "", **e}) for e in events)
    path.write_text(CALENDAR.format(events=body).replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_rule_parts_that_move_dates_are_refused_with_the_event_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = _calendar(
        tmp_path,
        {
            "uid": "a@test",
            "title": "Réunion du premier jour ouvrable",
            "start": ";TZID=Europe/Brussels:20261201T100000",
            "end": ";TZID=Europe/Brussels:20261201T110000",
            "extra": "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1\n",
        },
        {
            "uid": "b@test",
            "title": "Marche du mardi",
            "start": ";TZID=Europe/Brussels:20261201T100000",
            "end": ";TZID=Europe/Brussels:20261201T110000",
            "extra": "RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0\n",
        },
    )
    assert _import(data, str(source)) == 1
    out = capsys.readouterr().out
    assert "refusé : « Réunion du premier jour ouvrable » : la règle de l'agenda utilise BYSETPOS" in out
    assert "BYHOUR, BYMINUTE retiré : ne change aucune date" in out
    assert not (data / "events" / "reunion-du-premier-jour-ouvrable.yaml").exists()
    assert "repeat: FREQ=WEEKLY;BYDAY=TU\n" in (data / "events" / "marche-du-mardi.yaml").read_text(encoding="utf-8")


def test_time_zones_are_converted_and_a_drifting_series_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = _calendar(
        tmp_path,
        {"uid": "utc@test", "title": "Visioconférence", "start": ":20270110T090000Z", "end": ":20270110T100000Z"},
        {
            "uid": "ny@test",
            "title": "Appel transatlantique",
            "start": ";TZID=America/New_York:20270105T100000",
            "end": ";TZID=America/New_York:20270105T110000",
            "extra": "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=20\n",
        },
        {"uid": "floating@test", "title": "Goûter", "start": ":20270303T160000", "end": ":20270303T170000"},
    )
    assert _import(data, str(source)) == 1
    out = capsys.readouterr().out
    assert "start: 2027-01-10 10:00\nend: 11:00\n" in (data / "events" / "visioconference.yaml").read_text(
        encoding="utf-8"
    )
    assert "« Appel transatlantique » : les dates de la série changent avec le fuseau horaire" in out
    assert "heures sans fuseau : prises à l'heure du territoire (Europe/Brussels)" in out
    assert "start: 2027-03-03 16:00\n" in (data / "events" / "gouter.yaml").read_text(encoding="utf-8")


def test_a_location_the_territory_does_not_know_is_left_to_decide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = _calendar(
        tmp_path,
        {"uid": "x@test", "title": "Excursion", "start": ";VALUE=DATE:20270501", "end": ";VALUE=DATE:20270502"},
    )
    source.write_text(source.read_text(encoding="utf-8").replace("LOCATION:Natoye", "LOCATION:Dinant"))
    assert _import(data, str(source)) == 1  # the folder is left invalid, and it says why
    out = capsys.readouterr().out
    assert 'place: "À DÉCIDER : lieu « Dinant » introuvable' in (data / "events" / "excursion.yaml").read_text(
        encoding="utf-8"
    )
    assert "events/excursion.yaml:10:8: erreur [place]: décision à prendre : lieu « Dinant » introuvable" in out
    assert "pas encore valide : 1 erreur(s)" in out


def test_hostile_text_in_a_calendar_is_written_as_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = _calendar(
        tmp_path,
        {
            "uid": "h@test",
            "title": "- [x]: {y} #c &a *b !t \\, \u202e\u0007 'q' \"d\"",
            "start": ";TZID=Europe/Brussels:20270110T100000",
            "end": ";TZID=Europe/Brussels:20270110T110000",
            "extra": "DESCRIPTION:<script>alert(1)</script> null: no\n",
        },
    )
    assert _import(data, str(source)) == 0
    from generator import yamlread

    (path,) = [p for p in (data / "events").glob("*.yaml") if "source: h@test" in p.read_text(encoding="utf-8")]
    fields, _ = yamlread.load(path.read_text(encoding="utf-8"))
    assert fields["title"] == "- [x]: {y} #c &a *b !t , 'q' \"d\""
    assert fields["summary"] == "<script>alert(1)</script> null: no"


def test_ical_js_reads_the_imported_events_as_our_schedule_does(territory: Path, tmp_path: Path) -> None:
    """The second independent parser of our feeds (ical.js, with node) on the imported events."""
    from feeds_support import by_ical_js, expected, write

    context = load(territory, TODAY)
    feeds = {"calendriers/tout.ics": feeds_of(context)["calendriers/tout.ics"]}
    got = by_ical_js(context, write(feeds, tmp_path))
    assert got["calendriers/tout.ics"] == expected(context)["calendriers/tout.ics"]


def test_a_broken_event_is_refused_and_a_broken_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = _calendar(
        tmp_path,
        {
            "uid": "bad@test",
            "title": "Règle cassée",
            "start": ";TZID=Europe/Brussels:20270110T100000",
            "end": ";TZID=Europe/Brussels:20270110T110000",
            "extra": "RRULE:FREQ=WEEKLY;BYDAY=XX\n",
        },
        {"uid": "ok@test", "title": "Bon", "start": ":20270111T100000", "end": ":20270111T110000"},
    )
    assert _import(data, str(source)) == 1
    out = capsys.readouterr().out
    assert "refusé : « Règle cassée »" in out and "→ events/bon.yaml" in out
    garbage = tmp_path / "faux.ics"
    garbage.write_bytes(b"\x00\x01 not a calendar at all")
    assert _import(data, str(garbage)) == 2
    assert "n'est pas un agenda iCalendar lisible" in capsys.readouterr().err
