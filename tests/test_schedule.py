"""The one schedule (generator/schedule.py): each series' occurrences, checked date by date
on the feed test territories (tests/territories/recurrences and paris), today 2026-11-23.

The window is [2026-05-23, 2027-11-23]: six calendar months back, twelve ahead.
"""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT
from feeds_support import copy_territory, load

from generator.models import Circuit
from generator.schedule import Occurrence, Window, exceptions, last_day, skipped_days, stop_series
from generator.validate import validate

D = date


def occurrences(territory: str, key: str) -> list[Occurrence]:
    return load(territory).occurrences[key]


def starts(territory: str, key: str) -> list[date | datetime]:
    return [o.start for o in occurrences(territory, key)]


def test_window_is_six_months_back_and_twelve_ahead() -> None:
    assert Window.around(D(2026, 11, 23)) == Window(D(2026, 5, 23), D(2027, 11, 23))
    assert Window.around(D(2027, 8, 31)) == Window(D(2027, 2, 28), D(2028, 8, 31))


def test_weekly_series_keeps_its_local_time_across_both_clock_changes() -> None:
    found = starts("recurrences", "evenement-marche-dimanche")
    around = [s for s in found if isinstance(s, datetime) and D(2026, 10, 18) <= s.date() <= D(2027, 4, 4)]
    assert D(2026, 10, 25) in [s.date() for s in around] and D(2027, 3, 28) in [s.date() for s in around]
    assert {(s.weekday(), s.hour, s.minute) for s in found if isinstance(s, datetime)} == {(6, 9, 0)}
    assert found[0] == datetime(2026, 5, 24, 9) and found[-1] == datetime(2027, 11, 21, 9)


def test_monthly_second_tuesday_with_a_moved_and_a_cancelled_occurrence() -> None:
    found = occurrences("recurrences", "evenement-cafe-parents")
    assert [o.original.date() for o in found if isinstance(o.original, datetime)] == [
        D(2026, 9, 8), D(2026, 10, 13), D(2026, 11, 10), D(2026, 12, 8), D(2027, 1, 12),
        D(2027, 2, 9), D(2027, 3, 9), D(2027, 4, 13), D(2027, 5, 11), D(2027, 6, 8),
    ]  # fmt: skip
    moved = next(o for o in found if o.original == datetime(2027, 1, 12, 9, 30))
    assert (moved.start, moved.end, moved.place, moved.moved) == (
        datetime(2027, 1, 19, 10),
        datetime(2027, 1, 19, 11, 30),
        "salle-natoye",
        True,
    )
    cancelled = next(o for o in found if o.original == datetime(2027, 2, 9, 9, 30))
    assert (cancelled.status, cancelled.reason) == ("cancelled", "Congé de carnaval")


def test_last_thursday_of_the_month_with_a_skipped_date() -> None:
    found = [s.date() for s in starts("recurrences", "evenement-repas-dernier-jeudi") if isinstance(s, datetime)]
    assert found[:8] == [
        D(2026, 5, 28), D(2026, 6, 25), D(2026, 7, 30), D(2026, 8, 27),
        D(2026, 9, 24), D(2026, 10, 29), D(2026, 11, 26), D(2027, 1, 28),
    ]  # fmt: skip
    assert D(2026, 12, 31) not in found and found[-1] == D(2027, 10, 28)


def test_fortnightly_series_counts_its_weeks_from_monday() -> None:
    found = [s.date() for s in starts("recurrences", "evenement-atelier-quinzaine") if isinstance(s, datetime)]
    # WKST=MO: the week of Sunday 7 June starts on Monday 1 June; the next one is 15–21 June.
    assert found[:5] == [D(2026, 6, 7), D(2026, 6, 15), D(2026, 6, 21), D(2026, 6, 29), D(2026, 7, 5)]
    assert found[-1] == D(2027, 6, 20)  # the week of 21–27 June 2027 is an off week


def test_count_limited_series_stops_after_its_count() -> None:
    found = starts("recurrences", "evenement-stage-samedis")
    assert len(found) == 10
    assert found[0] == datetime(2027, 2, 20, 10) and found[-1] == datetime(2027, 4, 24, 10)


def test_all_day_events_end_the_day_after_their_last_day() -> None:
    [fete] = occurrences("recurrences", "evenement-fete-village")
    assert (fete.start, fete.end, fete.all_day) == (D(2027, 7, 16), D(2027, 7, 19), True)
    brocante = occurrences("recurrences", "evenement-brocante-septembre")
    assert [(o.start, o.end) for o in brocante] == [
        (D(2026, 9, 6), D(2026, 9, 8)),
        (D(2027, 9, 5), D(2027, 9, 7)),
    ]


def test_public_holidays_and_explicit_dates_are_skipped_cancelled_ones_kept() -> None:
    found = {o.day: o for o in occurrences("recurrences", "evenement-permanence-jeudi")}
    for day in (D(2026, 12, 24), D(2027, 5, 6), D(2027, 11, 11)):  # explicit, Ascension, Armistice
        assert day not in found
    assert found[D(2027, 1, 7)].status == "cancelled"
    assert found[D(2027, 1, 14)].status == "scheduled"
    context = load("recurrences")
    series = next(s for s in context.series if s.key == "evenement-permanence-jeudi")
    assert skipped_days(series, "BE", D(2027, 12, 31)) == [
        D(2026, 12, 24), D(2027, 5, 6), D(2027, 11, 11),
    ]  # fmt: skip


def test_french_territory_skips_french_holidays() -> None:
    found = [s.date() for s in starts("paris", "evenement-atelier-lundi") if isinstance(s, datetime)]
    for day in (D(2027, 3, 29), D(2027, 5, 17)):  # lundi de Pâques, lundi de Pentecôte
        assert day - timedelta(days=7) in found and day not in found
    assert load("paris").territory.timezone == "Europe/Paris"


def test_the_window_judges_where_an_occurrence_takes_place() -> None:
    found = occurrences("recurrences", "evenement-marche-printemps")
    # 22 May (before the window) moved in to the 27th; 29 May moved out to the 20th.
    assert [o.start for o in found] == [
        datetime(2026, 5, 27, 14), datetime(2026, 6, 5, 14), datetime(2026, 6, 12, 14), datetime(2026, 6, 19, 14),
    ]  # fmt: skip


def test_series_status_reaches_every_occurrence() -> None:
    assert {o.status for o in occurrences("recurrences", "evenement-theatre-reporte")} == {"postponed"}
    assert [o.status for o in occurrences("recurrences", "evenement-conference-annulee")] == ["cancelled"]


def test_a_route_visiting_a_village_twice_gives_one_series_per_stop() -> None:
    context = load("recurrences")
    keys = sorted(s.key for s in context.series if s.source_id == "epicerie-mardi")
    assert keys == [
        "tournee-epicerie-mardi-achene-matin",
        "tournee-epicerie-mardi-achene-soir",
        "tournee-epicerie-mardi-leignon",
        "tournee-epicerie-mardi-natoye",
    ]
    morning = context.occurrences["tournee-epicerie-mardi-achene-matin"]
    evening = context.occurrences["tournee-epicerie-mardi-achene-soir"]
    assert [o.day for o in morning] == [o.day for o in evening]
    assert {o.start.hour for o in evening if isinstance(o.start, datetime)} == {17}
    assert next(o for o in morning if o.day == D(2026, 12, 29)).status == "cancelled"


def test_exceptions_and_last_day() -> None:
    context = load("recurrences")
    by_key = {s.key: s for s in context.series}
    cafe = context.dataset.events["cafe-parents"]
    found = exceptions(by_key["evenement-cafe-parents"], "BE", cafe)
    assert [(o.original, o.status, o.changed) for o in found] == [
        (datetime(2027, 1, 12, 9, 30), "scheduled", True),
        (datetime(2027, 2, 9, 9, 30), "cancelled", False),
    ]
    assert last_day(by_key["evenement-cafe-parents"], "BE", cafe) == D(2027, 6, 8)
    assert last_day(by_key["evenement-repas-dernier-jeudi"], "BE") is None
    old = by_key["evenement-ancienne-serie"]
    assert last_day(old, "BE", context.dataset.events["ancienne-serie"]) == D(2026, 3, 31)
    assert context.occurrences["evenement-ancienne-serie"] == []


def _circuit(repeat: str, until: str) -> Circuit:
    return Circuit.model_validate(
        {
            "id": "c",
            "name": "C",
            "type": "grocery",
            "operator": "o",
            "summary": "S",
            "repeat": repeat,
            "start": "2026-09-01",
            "until": until,
            "stops": [{"village": "v", "where": "W", "arrive": "09:00", "leave": "10:00"}],
        }
    )


def test_a_route_until_bounds_a_count_rule_without_lengthening_it() -> None:
    short = _circuit("FREQ=WEEKLY;BYDAY=TU;COUNT=3", "2027-06-30")
    series = stop_series(short, short.stops[0])
    assert series.rule_dates() == [D(2026, 9, 1), D(2026, 9, 8), D(2026, 9, 15)]
    long = _circuit("FREQ=WEEKLY;BYDAY=TU;COUNT=30", "2026-09-10")
    series = stop_series(long, long.stops[0])
    assert series.recurrence is not None and series.recurrence.count is None
    assert series.rule_dates() == [D(2026, 9, 1), D(2026, 9, 8)]


def test_nothing_but_the_schedule_expands_recurrences() -> None:
    """ICAL.md 20: one expansion feeds pages, leaflets and feeds; no other module may import a
    recurrence expander."""
    expanders = {"dateutil.rrule", "recurring_ical_events"}
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if path.name == "schedule.py" and path.parent.name == "generator":
            continue
        if path.relative_to(ROOT).as_posix() == "generator/importers/ics.py":
            continue  # it expands a *foreign* calendar's rule, to compare it with ours before writing it
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            if any(name in expanders or name.startswith("recurring_ical_events") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _clock_problems(tmp_path: Path, name: str, replace: tuple[str, str]) -> list[tuple[str, str, str]]:
    data = copy_territory("recurrences", tmp_path / "data")
    file = data / "events" / f"{name}.yaml"
    text = file.read_text(encoding="utf-8")
    assert replace[0] in text
    file.write_text(text.replace(*replace), encoding="utf-8")
    problems = validate(data, today=D(2026, 11, 23)).errors
    return [(p.file.split("/")[-1], p.path, p.code) for p in problems]


@pytest.mark.parametrize(
    ("name", "replace", "path"),
    [
        # A weekly series at 02:30 whose first date is fine: its 28 March 2027 does not exist.
        ("stage-samedis", ("start: 2027-02-20 10:00\nend: 12:30\nrepeat: FREQ=WEEKLY;BYDAY=SA;COUNT=10",
                           "start: 2027-02-21 02:30\nend: 03:30\nrepeat: FREQ=WEEKLY;BYDAY=SU;COUNT=10"), "start"),
        # From 01:30 to 02:30 every Sunday: on 28 March 2027 that end does not exist.
        ("stage-samedis", ("start: 2027-02-20 10:00\nend: 12:30\nrepeat: FREQ=WEEKLY;BYDAY=SA;COUNT=10",
                           "start: 2027-02-21 01:30\nend: 02:30\nrepeat: FREQ=WEEKLY;BYDAY=SU;COUNT=10"), "start"),
        # A single occurrence moved into the repeated hour of 25 October 2026.
        ("cafe-parents", ("start: 2027-01-19 10:00", "start: 2026-10-25 02:15"), "changed[0].start"),
    ],
)  # fmt: skip
def test_a_local_time_in_a_clock_change_is_refused(
    tmp_path: Path, name: str, replace: tuple[str, str], path: str
) -> None:
    """ICAL.md 13 (besides tests/invalid/086, 087, 096): times that zoneinfo and ical.js would
    read differently never reach a feed, wherever they hide in a series."""
    assert (f"{name}.yaml", path, "clock_change") in _clock_problems(tmp_path, name, replace)


def test_an_overnight_end_in_a_clock_change_is_refused_on_every_date(tmp_path: Path) -> None:
    """Saturday 22:00 to Sunday 02:30 every week: fine on 28 February 2026, but on 25 October
    2026 that end exists twice and on 28 March 2027 it does not exist — ical.js then ends the
    occurrence an hour away from zoneinfo (the expanders' comparison would fail on it)."""
    replace = (
        "start: 2026-03-01 09:00\nend: 11:00\nrepeat: FREQ=WEEKLY;BYDAY=SU;",
        "start: 2026-02-28 22:00\nend: 2026-03-01 02:30\nrepeat: FREQ=WEEKLY;BYDAY=SA;",
    )
    assert ("marche-dimanche.yaml", "end", "clock_change") in _clock_problems(tmp_path, "marche-dimanche", replace)
