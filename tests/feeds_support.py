"""What the feed tests share: territories loaded by name, feeds rendered in memory, and the
three expansions compared — the generator's own schedule, ical.js (run with node) and
recurring-ical-events — each as a sorted list of (UID, start, end, STATUS).

A timed start or end is a UTC instant ``20261123T083000Z``; an all-day one a date
``20261123``; an event without an end ends when it starts (RFC 5545 §3.6.1).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from conftest import DEMO, ROOT, TERRITORIES

from generator.outputs import RenderContext
from generator.outputs.feeds import feed_list, render_feeds
from generator.schedule import Occurrence
from generator.validate import validate

TODAY = date(2026, 11, 23)
SITE_URL = "https://maillage.example/"
# The demo and every test territory (tests/territories/<name>/data), found on disk so that a
# territory added later is compared too: "recurrences" and "paris" are made for the feeds,
# the others (mini, hostile, leaflets…) for the pages and leaflets — their feeds count alike.
FEED_TERRITORIES = ("demo", *sorted(p.parent.name for p in TERRITORIES.glob("*/data") if p.is_dir()))
assert {"recurrences", "paris"} <= set(FEED_TERRITORIES), FEED_TERRITORIES
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
Record = tuple[str, str, str, str]


def data_dir(name: str) -> Path:
    return DEMO if name == "demo" else TERRITORIES / name / "data"


def load(name: str | Path, today: date = TODAY) -> RenderContext:
    """The render context of a territory (by name, or a data folder), its data valid."""
    folder = name if isinstance(name, Path) else data_dir(name)
    validation = validate(folder, today=today)
    assert validation.ok, "\n".join(str(p) for p in validation.errors)
    return RenderContext(validation.dataset, validation.today, {"site_url": SITE_URL})


def feeds_of(context: RenderContext) -> dict[str, bytes]:
    return render_feeds(context)


def parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def _moment(value: date | datetime, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def window_bounds(context: RenderContext) -> tuple[datetime, datetime]:
    """[first day 00:00, day after the last 00:00) in the territory's zone, in UTC."""
    zone = ZoneInfo(context.territory.timezone)
    first = datetime.combine(context.window.first, time(), zone).astimezone(UTC)
    last = datetime.combine(context.window.last + timedelta(days=1), time(), zone).astimezone(UTC)
    return first, last


def in_window(context: RenderContext, record: Record) -> bool:
    start = record[1]
    if start.endswith("Z"):
        first, last = window_bounds(context)
        moment = datetime.strptime(start, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return first <= moment < last
    return context.window.first <= datetime.strptime(start, "%Y%m%d").date() <= context.window.last


def occurrence_record(context: RenderContext, uid: str, occurrence: Occurrence) -> Record:
    zone = ZoneInfo(context.territory.timezone)
    end = occurrence.end if occurrence.end is not None else occurrence.start
    return (uid, _moment(occurrence.start, zone), _moment(end, zone), STATUS[occurrence.status])


def expected(context: RenderContext) -> dict[str, list[Record]]:
    """Feed path → the generator's own occurrences of the feed's series in the window."""
    out = {}
    for feed in feed_list(context):
        records = [
            occurrence_record(context, uid, o) for uid in feed.uids for o in context.occurrences[uid.split("@")[0]]
        ]
        out[feed.path] = sorted(records)
    return out


def by_recurring_ical_events(context: RenderContext, content: bytes) -> list[Record]:
    """The feed's occurrences in the window according to recurring-ical-events."""
    zone = ZoneInfo(context.territory.timezone)
    first, last = window_bounds(context)
    records = []
    margin = timedelta(days=3)  # the window is judged by start below, on every side alike
    for component in recurring_ical_events.of(parse(content)).between(first - margin, last + margin):
        start = component["DTSTART"].dt
        end = component["DTEND"].dt if "DTEND" in component else start
        if not isinstance(start, datetime) and "DTEND" not in component:
            end = start + timedelta(days=1)
        status = str(component.get("STATUS", ""))
        records.append((str(component["UID"]), _moment(start, zone), _moment(end, zone), status))
    return sorted(r for r in records if in_window(context, r))


def require_node() -> tuple[str, Path]:
    """node and ical.js, or a failure that says how to get them (never a skip)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the ical.js comparison needs Node.js (apt-get install nodejs)")
    if not (ROOT / "node_modules" / "ical.js" / "package.json").is_file():
        pytest.fail("node_modules/ical.js is missing: run `npm ci` (make test does)")
    return node, ROOT / "tests" / "js" / "expand.mjs"


def by_ical_js(context: RenderContext, files: dict[str, Path]) -> dict[str, list[Record]]:
    """Feed path → its occurrences in the window according to ical.js."""
    node, script = require_node()
    last = window_bounds(context)[1]
    until = (last + timedelta(days=400)).strftime("%Y-%m-%dT%H:%M:%SZ")  # moved ones come from far
    result = subprocess.run(
        [node, str(script), until, *[str(p) for p in files.values()]],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    out = {}
    for path, file in files.items():
        records = [(r["uid"], r["start"], r["end"], r["status"] or "") for r in parsed[str(file)]]
        out[path] = sorted(r for r in records if in_window(context, r))
    return out


def write(feeds: dict[str, bytes], folder: Path) -> dict[str, Path]:
    files = {}
    for path, content in feeds.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        files[path] = target
    return files


def copy_territory(name: str, target: Path) -> Path:
    """A copy of a territory's data outside the repository (so without git history)."""
    shutil.copytree(data_dir(name), target)
    return target
