"""The public website in a real browser (Debian's Chromium through Playwright), on the demo
built with today 2026-11-23: search, filters, actor pages, cancellations, maps, privacy,
accessibility (axe-core) and the phone width."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import TEMPLATES, Browsing


def test_search_for_epicerie_finds_the_routes(browsing: Browsing) -> None:
    for query in ("épicerie", "epicerie"):  # accents are not needed
        page = browsing.goto(f"recherche/?q={query}")
        page.wait_for_selector(".mg-results li a")
        hrefs = page.eval_on_selector_all(".mg-results li a", "els => els.map(e => e.getAttribute('href'))")
        routes = {h for h in hrefs if "/tournees/epicerie-" in h}
        assert {"/tournees/epicerie-mardi/", "/tournees/epicerie-jeudi/"} <= routes, hrefs


def test_search_facets_narrow_the_results(browsing: Browsing) -> None:
    page = browsing.goto("recherche/?q=epicerie")
    page.wait_for_selector(".mg-search__facets select[name=type]")
    before = page.locator(".mg-results li").count()
    page.select_option(".mg-search__facets select[name=type]", "route")
    # Not wait_for_function: its string predicate is evaluated, which the site's
    # Content-Security-Policy (no 'unsafe-eval') refuses, depending on timing.
    expect(page.locator(".mg-results li")).not_to_have_count(before)
    assert page.locator(".mg-results li").count() < before
    hrefs = page.eval_on_selector_all(".mg-results li a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith("/tournees/") for h in hrefs), hrefs


def _visible_cards(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        ".mg-cards > li.mg-card:not([hidden])", "els => els.map(e => ({id: e.dataset.id, commune: e.dataset.commune}))"
    )


def test_commune_filter_narrows_the_directory(browsing: Browsing) -> None:
    page = browsing.goto("acteurs/")
    everyone = _visible_cards(page)
    page.select_option(".mg-filters select[name=commune]", "havelange")
    narrowed = _visible_cards(page)
    assert 0 < len(narrowed) < len(everyone)
    assert all("havelange" in card["commune"].split() for card in narrowed)
    assert page.inner_text(".mg-count").startswith(f"{len(narrowed)} ")
    assert "commune=havelange" in page.url  # the filtered directory can be shared as a link
    option = page.inner_text(".mg-filters select[name=commune] option[value=havelange]")
    assert option.endswith(f"({len(narrowed)})")


def test_directory_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "acteurs/")
    assert page.locator(".mg-filters").is_hidden()
    page.click("text=Par commune")
    page.click(".mg-browse a[href$='acteurs/commune/havelange/']")
    assert page.url.endswith("/acteurs/commune/havelange/")
    assert page.locator(".mg-card").count() > 0
    context.close()


def test_actor_page_shows_hours_closure_and_subscribe_links(browsing: Browsing) -> None:
    # Tuesday 1 December 2026, 10:00 in Brussels: the library is closed for its inventory.
    browsing.page.clock.set_fixed_time("2026-11-24T10:00:00+01:00")
    page = browsing.goto("acteurs/bibliotheque-ciney/")
    hours = page.inner_text(".mg-location .mg-hours")
    assert "Heures d'ouverture" in hours and "de 14\u00a0h à 18\u00a0h" in hours and "fermé les jours fériés" in hours
    assert page.inner_text(".mg-location .mg-open") == "Fermé maintenant · ouvre à 14\u00a0h"
    banner = page.inner_text(".mg-closure")
    assert "1er\u00a0décembre" in banner and "inventaire" in banner
    hrefs = page.eval_on_selector_all(".mg-subscribe a", "els => els.map(e => e.getAttribute('href'))")
    assert "webcal://maillage.example/calendriers/acteur/bibliotheque-ciney.ics" in hrefs
    assert any(h.startswith("https://calendar.google.com/calendar/render?cid=webcal://") for h in hrefs)
    assert "https://maillage.example/calendriers/acteur/bibliotheque-ciney.ics" in hrefs
    assert "12 à 24 heures" in page.inner_text(".mg-subscribe")
    assert page.locator("a[href^='tel:+32']").count() >= 1
    edit = page.get_attribute("text=Proposer une modification", "href")
    assert edit == "../../admin/#/collections/actors/entries/bibliotheque-ciney"
    edit = page.get_attribute("text=modifier le fichier texte", "href")
    assert edit == "https://git.example/maillage/maillage/edit/main/data/actors/bibliotheque-ciney.yaml"


def test_open_now_is_computed_in_the_browser(browsing: Browsing) -> None:
    browsing.page.clock.set_fixed_time("2026-11-25T10:30:00+01:00")  # a Wednesday morning
    page = browsing.goto("acteurs/bibliotheque-ciney/")
    assert page.inner_text(".mg-location .mg-open") == "Ouvert maintenant · ferme à 12\u00a0h"
    browsing.page.clock.set_fixed_time("2026-12-02T10:30:00+01:00")  # same, during the closure
    page = browsing.goto("acteurs/bibliotheque-ciney/")
    assert page.inner_text(".mg-location .mg-open").startswith("Fermé maintenant")


def test_cancelled_occurrences_show_as_cancelled(browsing: Browsing) -> None:
    page = browsing.goto("tournees/epicerie-mardi/")
    # The next eight runs are shown; more are in the page, hidden, for the days to come.
    cancelled = page.locator("section:has(#passages) li.mg-item--cancelled:visible")
    assert cancelled.count() == 1
    assert "Véhicule en entretien" in cancelled.inner_text() and "Annulé" in cancelled.inner_text()
    assert "29" in cancelled.locator("s").inner_text()
    page = browsing.goto("evenements/cafe-parents-havelange/")
    line = page.locator("li.mg-item--cancelled", has_text="Congé de carnaval")
    assert line.count() == 1 and "Annulé" in line.inner_text()
    assert page.locator("li.mg-item", has_text="Modifié").count() >= 1  # the moved occurrence is flagged
    ld = json.loads(page.inner_text("script[type='application/ld+json']"))
    assert {e["eventStatus"] for e in ld} >= {"https://schema.org/EventScheduled"}


def test_the_map_loads_nothing_until_clicked(browsing: Browsing) -> None:
    page = browsing.goto("tournees/epicerie-mardi/")
    assert not [u for u in browsing.requests if "leaflet" in u or "tile.openstreetmap.org" in u]
    assert page.locator(".mg-map__links a[href^='https://www.openstreetmap.org/']").count() == 13
    page.click("text=Afficher la carte")
    page.wait_for_selector(".leaflet-marker-icon")
    assert any(u.endswith("/assets/vendor/leaflet/leaflet.js") for u in browsing.requests)
    for _ in range(50):  # the tiles are asked for just after the markers are placed
        if any(u.startswith("https://tile.openstreetmap.org/") for u in browsing.outside):
            break
        page.wait_for_timeout(100)
    assert any(u.startswith("https://tile.openstreetmap.org/") for u in browsing.outside)
    assert page.locator(".leaflet-marker-icon").count() == 13


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_request_leaves_the_site(browsing: Browsing, name: str) -> None:
    browsing.goto(TEMPLATES[name])
    browsing.page.wait_for_timeout(200)
    assert browsing.requests, "nothing was requested"
    assert browsing.outside == []


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_axe_violation(auditing: Browsing, axe_script: Path, name: str) -> None:
    page = auditing.goto(TEMPLATES[name])
    page.wait_for_timeout(200)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    problems = [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_horizontal_scroll_at_375_px(phone: Browsing, name: str) -> None:
    page = phone.goto(TEMPLATES[name])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{name}: the page is {width} px wide"
