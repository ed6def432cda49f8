"""ICAL.md 19–20: two independent expanders read every feed as the generator meant it.

Every feed of the demo and of the feed test territories is expanded by ical.js (run with
node, the parser Thunderbird uses) and by recurring-ical-events over [today − 6 months,
today + 12 months]; both must give exactly the generator's own occurrences from the one
schedule (``RenderContext.occurrences``): same UIDs, UTC starts and ends, statuses.
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
    """A comparison of nothing proves nothing: tout.ics holds occurrences of every kind."""
    context = load(territory)
    records = expected(context)["calendriers/tout.ics"]
    assert len(records) > 50
    statuses = {r[3] for r in records}
    assert "CONFIRMED" in statuses
    if territory != "paris":
        assert "CANCELLED" in statuses
