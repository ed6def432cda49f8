"""ICAL.md 3: the VTIMEZONE written for any zone is right at every instant of the feed's
window, as an independent reader (ical.js) computes it, compared with zoneinfo.

Zones: the two of our territories, both hemispheres, half-hour and 45-minute offsets,
Dublin's "negative DST", zones without DST, and zones whose changes follow no yearly rule
(Morocco, Chile's "first Sunday on or after the 2nd"), which fall back to listed dates.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from feeds_support import require_node

from generator.outputs.ical.vtimezone import changes, implied_changes, observances_for, vtimezone

FIRST, LAST = 2026, 2028  # the years of the window of 2026-11-23 and the EXDATE horizon
YEARLY = [
    "Europe/Brussels",
    "Europe/Paris",
    "Europe/Dublin",
    "America/New_York",
    "America/St_Johns",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Jerusalem",
]
STEADY = ["Asia/Tokyo", "Asia/Kolkata", "UTC", "America/Sao_Paulo"]
LISTED = ["Africa/Casablanca", "America/Santiago"]


def _calendar(zone: str) -> str:
    body = vtimezone(zone, FIRST, LAST).render()
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//FR\r\n{body}END:VCALENDAR\r\n"


def _clear_local_times(zone: str) -> list[datetime]:
    """Every third hour of the years, and each side of every change, minus the local times
    that do not exist or exist twice (ICAL.md 13: refused in data)."""
    tz = ZoneInfo(zone)
    moments = []
    moment = datetime(FIRST, 1, 1, 0, 30)
    while moment.year <= LAST:
        moments.append(moment)
        moment += timedelta(hours=3)
    for change in changes(zone, FIRST, LAST):
        for delta in (-2, -1, 1, 2):
            moments.append((change.at + timedelta(hours=delta)).astimezone(tz).replace(tzinfo=None))
    clear = []
    for local in sorted(set(moments)):
        first, second = local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1)
        back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if first.utcoffset() == second.utcoffset() and back == local:
            clear.append(local)
    return clear


@pytest.mark.parametrize("zone", YEARLY + STEADY + LISTED)
def test_ical_js_reads_every_local_time_as_zoneinfo_does(zone: str, tmp_path: Path) -> None:
    node, script = require_node()
    file = tmp_path / "zone.ics"
    file.write_text(_calendar(zone), encoding="utf-8", newline="")
    locals_ = _clear_local_times(zone)
    result = subprocess.run(
        [node, str(script), "--offsets", str(file), zone, *[m.strftime("%Y%m%dT%H%M%S") for m in locals_]],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    tz = ZoneInfo(zone)
    wanted = [m.replace(tzinfo=tz).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") for m in locals_]
    wrong = [(local, got, want) for local, got, want in zip(locals_, found, wanted, strict=True) if got != want]
    assert wrong == []


@pytest.mark.parametrize("zone", YEARLY)
def test_zones_with_a_yearly_rule_are_written_with_rrules_only(zone: str) -> None:
    observances = observances_for(zone, FIRST, LAST)
    assert len(observances) == 2
    assert all(o.rule is not None and not o.rdates and o.start.year == 1970 for o in observances)
    assert {o.daylight for o in observances} == {True, False}
    text = vtimezone(zone, FIRST, LAST).render()
    assert "RDATE" not in text and text.count("RRULE:FREQ=YEARLY;") == 2


@pytest.mark.parametrize("zone", STEADY)
def test_a_zone_without_clock_changes_is_one_standard_block(zone: str) -> None:
    text = vtimezone(zone, FIRST, LAST).render()
    assert text.count("BEGIN:STANDARD") == 1 and "DAYLIGHT" not in text and "RRULE" not in text


@pytest.mark.parametrize("zone", YEARLY + STEADY + LISTED)
def test_the_observances_imply_exactly_zoneinfos_changes(zone: str) -> None:
    years = range(FIRST, LAST + 1)
    implied = implied_changes(list(observances_for(zone, FIRST, LAST)), years)
    assert implied == [(c.at, c.after) for c in changes(zone, FIRST, LAST)]


def test_dublin_summer_is_the_daylight_block() -> None:
    """zoneinfo calls Dublin's winter "negative DST"; Outlook wants DAYLIGHT for summer."""
    [daylight] = [o for o in observances_for("Europe/Dublin", FIRST, LAST) if o.daylight]
    assert (daylight.name, daylight.after) == ("IST", timedelta(hours=1))
