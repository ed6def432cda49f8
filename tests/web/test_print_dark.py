"""Paper and night: the print stylesheet (site name, page address, print date; nothing that
says "now"; day headings kept with their entries) and the dark theme that follows the
system's setting, with axe's contrast check on every template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import TEMPLATES, Browsing, _browsing


@pytest.fixture
def printing(browsing: Browsing) -> Browsing:
    browsing.page.emulate_media(media="print")
    return browsing


@pytest.fixture
def dark(browser: Any, base_url: str) -> Iterator[Browsing]:
    yield from _browsing(
        browser, base_url, viewport={"width": 1280, "height": 900}, locale="fr-BE", color_scheme="dark", bypass_csp=True
    )


def test_a_printed_page_names_the_site_its_address_and_the_day(printing: Browsing) -> None:
    printing.page.clock.set_fixed_time("2026-11-25T10:30:00+01:00")  # the library is open: on screen
    page = printing.goto("acteurs/bibliotheque-ciney/")
    head = page.locator(".mg-print")
    assert head.is_visible()
    words = head.inner_text()
    assert "Maillage – Condroz-Famenne" in words
    assert "https://maillage.example/acteurs/bibliotheque-ciney/" in words
    assert "Imprimé le mercredi 25 novembre 2026" in words
    text = page.inner_text("body")
    assert "maintenant" not in text and "aujourd" not in text, "paper is read later"
    assert not page.locator(".mg-open").is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".mg-open").is_visible() and "Ouvert maintenant" in page.inner_text(".mg-open")
    assert not page.locator(".mg-print").is_visible()


def test_printed_day_headings_stay_with_their_entries(printing: Browsing) -> None:
    page = printing.goto("agenda/")
    assert page.locator(".mg-day h2").count() > 3
    breaks = page.eval_on_selector_all(".mg-day h2", "els => els.map(e => getComputedStyle(e).breakAfter)")
    assert set(breaks) == {"avoid"}, breaks
    inside = page.eval_on_selector_all(".mg-item", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert set(inside) == {"avoid"}
    assert not page.locator(".mg-rel:visible").count()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_dark_theme_follows_the_system(dark: Browsing, browsing: Browsing) -> None:
    def background(b: Browsing) -> list[int]:
        page = b.goto("acteurs/")
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        return [int(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]

    assert max(background(dark)) < 60, "dark system setting, dark page"
    assert min(background(browsing)) > 240, "light system setting, light page"


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_dark_theme_keeps_the_contrast(dark: Browsing, axe_script: Path, name: str) -> None:
    page = dark.goto(TEMPLATES[name])
    page.wait_for_timeout(200)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}})"
    )
    problems = [
        f"{v['id']}: {[(n['target'], n.get('any', [{}])[0].get('message', '')) for n in v['nodes']][:4]}"
        for v in result["violations"]
    ]
    assert problems == [], "\n".join(problems)
