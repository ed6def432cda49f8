"""Pages true on the visitor's day, not on the build's: the demo is built with today
2026-11-23 (a Monday) and read in Chromium with its clock moved 1, 7, 8 and 100 days later.

Whatever is still shown must still be to come: no day before the visitor's, no entry already
over, no notice outside its period, "aujourd'hui" only beside the visitor's day; the notices
announced for later appear on their first day; a page built more than a week before says so.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from .conftest import Browsing
from .site_server import TODAY

BUILT = date.fromisoformat(TODAY)
PAGES = {
    "home": "",
    "agenda": "agenda/",
    "agenda-month": "agenda/2026-12/",
    "commune": "communes/havelange/",
    "route": "tournees/epicerie-mardi/",
    "event": "evenements/cafe-parents-havelange/",
    "actor": "acteurs/bibliotheque-ciney/",
    "notice": "avis/epicerie-entretien-decembre-2026/",
}

# What the page shows, read from the rendered boxes (not from the markup): every element with
# a period, every day, every relative word, the notices banner, the stale warning.
SHOWN = """() => {
  const seen = el => el.getClientRects().length > 0;
  return {
    dated: [...document.querySelectorAll('[data-until], [data-from]')].filter(seen)
      .map(el => [el.getAttribute('data-from') || '', el.getAttribute('data-until') || '', el.textContent.trim().slice(0, 60)]),
    days: [...document.querySelectorAll('.mg-day[data-day]')].filter(seen).map(el => el.getAttribute('data-day')),
    relative: [...document.querySelectorAll('.mg-rel')].filter(seen).filter(el => el.textContent)
      .map(el => [el.getAttribute('data-day'), el.textContent]),
    banners: [...document.querySelectorAll('.mg-banner')].filter(seen).map(el => el.textContent.trim()),
    stale: [...document.querySelectorAll('.mg-stale')].filter(seen).length,
    updated: (document.querySelector('.mg-updated') || {}).textContent || '',
    empty: [...document.querySelectorAll('.mg-empty')].filter(seen).map(el => el.textContent.trim()),
    items: [...document.querySelectorAll('.mg-item')].filter(seen).length,
  };
}"""


def _visit(browsing: Browsing, path: str, day: date, time: str = "10:00") -> dict[str, Any]:
    # Brussels is at +01:00 on every day tested (winter time).
    browsing.page.clock.set_fixed_time(f"{day.isoformat()}T{time}:00+01:00")
    page = browsing.goto(path)
    page.wait_for_selector(f"html[data-mg-day='{day.isoformat()}']", state="attached")
    shown: dict[str, Any] = page.evaluate(SHOWN)
    return shown


def _only_what_is_true(shown: dict[str, Any], day: date, time: str = "10:00") -> None:
    stamp = f"{day.isoformat()}T{time}"
    for start, until, words in shown["dated"]:
        assert not until or until > stamp, f"over on {stamp} but shown: {words!r} (until {until})"
        assert not start or start <= stamp, f"not yet on {stamp} but shown: {words!r} (from {start})"
    assert all(d >= day.isoformat() for d in shown["days"]), (day, shown["days"])
    tomorrow = (day + timedelta(days=1)).isoformat()
    for when, words in shown["relative"]:
        assert (when, words) in {(day.isoformat(), " (aujourd\u2019hui)"), (tomorrow, " (demain)")}, (when, words)
    assert "Mis à jour le lundi 23\u00a0novembre 2026" in shown["updated"]
    assert shown["stale"] == (1 if (day - BUILT).days > 7 else 0), shown["stale"]


@pytest.mark.parametrize("offset", [1, 7, 100])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_show_only_what_is_true_days_after_the_build(browsing: Browsing, name: str, offset: int) -> None:
    day = BUILT + timedelta(days=offset)
    shown = _visit(browsing, PAGES[name], day)
    _only_what_is_true(shown, day)


def test_home_rolls_its_week_to_the_visitors_day(browsing: Browsing) -> None:
    for offset in (0, 1, 7):
        day = BUILT + timedelta(days=offset)
        shown = _visit(browsing, "", day)
        assert shown["days"], f"+{offset}: the home page lists no day"
        assert min(shown["days"]) >= day.isoformat()
        assert max(shown["days"]) < (day + timedelta(days=7)).isoformat(), shown["days"]
        today_words = [w for d, w in shown["relative"] if d == day.isoformat()]
        assert today_words in ([], [" (aujourd\u2019hui)"] * len(today_words))
    # A week later, the days of the build's week are gone and the next week's are there.
    assert any(d >= (BUILT + timedelta(days=7)).isoformat() for d in shown["days"])


def test_announced_notices_appear_on_their_day_and_expired_ones_go(browsing: Browsing) -> None:
    december = "Épicerie itinérante – tournées supprimées en décembre"
    before = _visit(browsing, "agenda/", date(2026, 11, 30))
    assert not any(december in b for b in before["banners"])
    assert any("Plan Grand Froid" in b for b in before["banners"])
    on_the_day = _visit(browsing, "agenda/", date(2026, 12, 1), "08:00")
    assert any(december in b for b in on_the_day["banners"])
    after = _visit(browsing, "agenda/", BUILT + timedelta(days=100))
    assert not any(december in b for b in after["banners"])
    assert any("Plan Grand Froid" in b for b in after["banners"])  # until 15 March 2027


def test_an_expired_notice_says_it_is_over(browsing: Browsing) -> None:
    during = _visit(browsing, PAGES["notice"], date(2026, 12, 10))
    assert not any("a pris fin" in words for _, _, words in during["dated"])
    after = _visit(browsing, PAGES["notice"], BUILT + timedelta(days=100))
    assert any("Cet avis a pris fin le jeudi 31\u00a0décembre 2026" in words for _, _, words in after["dated"])


def test_the_agenda_a_hundred_days_later_says_its_dates_are_over(browsing: Browsing) -> None:
    shown = _visit(browsing, "agenda/", BUILT + timedelta(days=100))
    assert shown["items"] == 0 and shown["days"] == []
    assert any("sont passées" in words for words in shown["empty"]), shown["empty"]
    assert shown["stale"] == 1


def test_route_keeps_eight_next_runs_as_days_go_by(browsing: Browsing) -> None:
    for offset in (0, 7, 20):
        day = BUILT + timedelta(days=offset)
        browsing.page.clock.set_fixed_time(f"{day.isoformat()}T10:00:00+01:00")
        page = browsing.goto(PAGES["route"])
        page.wait_for_selector(f"html[data-mg-day='{day.isoformat()}']", state="attached")
        runs = page.locator("section:has(#passages) li.mg-item:visible")
        assert runs.count() == 8, (offset, runs.count())


def test_without_javascript_no_relative_day_is_written(site: Path) -> None:
    for path in PAGES.values():
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert "(aujourd" not in html and "(demain)" not in html, path
        assert "Cette semaine" not in html, path
