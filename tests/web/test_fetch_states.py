"""Loading and error states of the fetches the pages make on demand: the directory's opening
hours (the "ouvert maintenant" filter) and the map's points and library. Offline, a filter
never stays ticked over the whole list: the box is unticked, the status line says why and
offers to try again, which works once the connection is back."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import Browsing


def test_open_now_filter_offline_says_so_and_retries(browsing: Browsing) -> None:
    page = browsing.goto("acteurs/")
    everyone = page.locator(".mg-cards > li.mg-card:visible").count()
    blocked: list[str] = []

    def offline(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    page.route("**/horaires.json", offline)
    box = page.locator(".mg-filters input[type=checkbox][value=now]")
    box.click()  # not check(): the failed fetch unticks it at once, which check() would take for a miss
    status = page.locator(".mg-count")
    status.locator("button.mg-retry").wait_for()
    assert blocked, "the hours were not fetched"
    assert "pas pu être chargés" in status.inner_text()
    assert not box.is_checked(), "a ticked filter over the whole list would lie"
    assert page.locator(".mg-cards > li.mg-card:visible").count() == everyone
    page.unroute("**/horaires.json")
    status.locator("button.mg-retry").click()
    expect(status.locator("button")).to_have_count(0)  # not wait_for_function: the CSP forbids eval
    assert box.is_checked()
    assert page.locator(".mg-cards > li.mg-card:visible").count() < everyone
    assert status.inner_text().endswith("résultat(s)")


def test_the_map_offline_says_so_and_retries(browsing: Browsing) -> None:
    page = browsing.goto("carte/")
    page.route("**/points.json", lambda route: route.abort())
    page.click("text=Afficher la carte")
    status = page.locator(".mg-map__status")
    status.locator("button.mg-retry").wait_for()
    assert "pas pu être chargée" in status.inner_text()
    page.unroute("**/points.json")
    status.locator("button.mg-retry").click()
    page.wait_for_selector(".leaflet-marker-icon")
    assert status.inner_text() == ""
