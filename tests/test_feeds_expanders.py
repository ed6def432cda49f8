"""ICAL.md 19–20: two independent expanders read every feed as the generator meant it.

Every feed of the demo and of every test territory (each ``tests/territories/*/data``, found
on disk) is expanded by ical.js (run with node, the parser Thunderbird uses) and by
recurring-ical-events over [today − 6 months, today + 12 months]; both must give exactly the
generator's own occurrences from the one schedule (``RenderContext.occurrences``): same UIDs,
UTC starts and ends, statuses. ical.js computes the UTC instants from the feed's own
VTIMEZONE, the generator from zoneinfo: their agreement also checks that block over the
whole window (ICAL.md 3).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from feeds_support import (
    FEED_TERRITORIES,
    by_ical_js,
    by_recurring_ical_events,
    expected,
    feeds_of,
    load,
    write,
)


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_recurring_ical_events_agrees_on_every_feed(territory: str) -> None:
    context = load(territory)
    wanted = expected(context)
    feeds = feeds_of(context)
    assert set(feeds) == set(wanted)
    for path, content in feeds.items():
        assert by_recurring_ical_events(context, content) == wanted[path], path


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_ical_js_agrees_on_every_feed(territory: str, tmp_path: Path) -> None:
    context = load(territory)
    wanted = expected(context)
    files = write(feeds_of(context), tmp_path)
    found = by_ical_js(context, files)
    for path in files:
        assert found[path] == wanted[path], path


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_the_comparison_is_not_empty(territory: str) -> None:
    """A comparison of nothing proves nothing: each territory's tout.ics holds occurrences
    taking place and cancelled ones, and several of its feeds hold some."""
    context = load(territory)
    wanted = expected(context)
    records = wanted["calendriers/tout.ics"]
    assert len(records) > 20
    assert {"CONFIRMED", "CANCELLED"} <= {r[3] for r in records}
    filled = [path for path, found in wanted.items() if found]
    assert len(filled) >= 5
    if territory == "recurrences":  # every kind: postponed, all-day, timed
        assert "TENTATIVE" in {r[3] for r in records}
        assert any(r[1].endswith("Z") for r in records) and any(not r[1].endswith("Z") for r in records)


# (territory, UID, UTC starts): a series at a fixed local time crosses both clock changes;
# its UTC instant moves by an hour each time (ICAL.md 3, 7). Brussels and Paris: CEST = UTC+2.
CLOCK_CHANGES = [
    (
        "recurrences",
        "evenement-marche-dimanche@maillage.example",
        ["20261018T070000Z", "20261025T080000Z", "20270321T080000Z", "20270328T070000Z", "20271031T080000Z"],
    ),
    (
        "recurrences",
        "evenement-stage-samedis@maillage.example",
        ["20270320T090000Z", "20270327T090000Z", "20270403T080000Z"],
    ),
    ("paris", "evenement-atelier-lundi@maillage.example", ["20261019T080000Z", "20261026T090000Z", "20270405T080000Z"]),
]


@pytest.mark.parametrize(("territory", "uid", "utc_starts"), CLOCK_CHANGES)
def test_both_expanders_move_the_utc_instant_at_each_clock_change(
    territory: str, uid: str, utc_starts: list[str], tmp_path: Path
) -> None:
    context = load(territory)
    content = feeds_of(context)["calendriers/tout.ics"]
    by_js = by_ical_js(context, write({"tout": content}, tmp_path))["tout"]
    by_python = by_recurring_ical_events(context, content)
    for found in (by_js, by_python, expected(context)["calendriers/tout.ics"]):
        starts = {r[1] for r in found if r[0] == uid}
        assert set(utc_starts) <= starts, sorted(starts)
