"""Keyboard and reflow in Chromium at 320 and 1280 CSS px (WCAG 2.2: 1.4.10 reflow, 2.1.1
keyboard, 2.4.1 bypass blocks, 2.4.11 focus not obscured): a skip link first; the menu
reachable and usable with the keyboard at every width; no focus stop hidden under the sticky
header, going forward or back; no sideways scroll at 320 px on any template."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import TEMPLATES, Browsing, _browsing

WIDTHS = [320, 1280]

# Where the focus is, and whether the sticky header covers it.
FOCUS = """() => {
  const el = document.activeElement;
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const inHeader = !!el.closest('.md-header');
  const inDrawer = !!el.closest('.md-sidebar--primary');
  return {tag: el.tagName, id: el.id, text: (el.textContent || '').trim().slice(0, 40), cls: String(el.className),
          top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
          headerTop: header.top, headerBottom: header.bottom, inHeader, inDrawer, drawerOpen: document.getElementById('__drawer').checked,
          viewport: [innerWidth, innerHeight], body: el === document.body};
}"""


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Browsing]:
    width = request.param
    yield from _browsing(browser, base_url, viewport={"width": width, "height": 720}, locale="fr-BE")


def _tab(page: Any, backwards: bool = False) -> dict[str, Any]:
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    focus: dict[str, Any] = page.evaluate(FOCUS)
    return focus


def test_the_first_tab_stop_is_a_visible_skip_link_to_the_content(sized: Browsing) -> None:
    page = sized.goto("acteurs/")
    focus = _tab(page)
    assert focus["cls"].startswith("md-skip") and "contenu" in focus["text"].lower(), focus
    assert focus["width"] > 0 and 0 <= focus["top"] < focus["viewport"][1], focus
    page.wait_for_timeout(400)  # it fades in
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "mg-contenu"
    after = _tab(page)  # the next stop is in the page's content, not in the header or menu
    assert not after["inHeader"] and not after["inDrawer"], after
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), after


def test_the_menu_works_with_the_keyboard_on_a_small_screen(sized: Browsing) -> None:
    page = sized.goto("agenda/")
    if page.viewport_size["width"] >= 1220:
        # Wide screens: the sections are tabs in the page, reached by Tab.
        stops = [_tab(page) for _ in range(12)]
        assert any("md-tabs__link" in s["cls"] for s in stops), stops
        return
    for _ in range(6):
        focus = _tab(page)
        if focus["tag"] == "LABEL" and focus["inHeader"]:
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    assert page.get_attribute(".md-header label[for='__drawer']", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the drawer slides in
    focus = page.evaluate(FOCUS)
    assert focus["drawerOpen"] and focus["inDrawer"] and focus["tag"] == "A", focus
    assert page.get_attribute(".md-header label[for='__drawer']", "aria-expanded") == "true"
    seen = [focus["text"]]
    while focus["text"] != "Tournées" and len(seen) < 10:
        focus = _tab(page)
        assert focus["inDrawer"] and focus["left"] >= 0 and focus["right"] <= focus["viewport"][0], focus
        seen.append(focus["text"])
    assert "Qui peut m'aider ?" in seen and "Tournées" in seen, seen
    page.keyboard.press("Enter")  # a menu link is followed
    page.wait_for_url("**/tournees/")


@pytest.fixture
def narrow(browser: Any, base_url: str) -> Iterator[Browsing]:
    """The smallest width only: wide screens have no menu drawer (their tab stops are tested above)."""
    yield from _browsing(browser, base_url, viewport={"width": WIDTHS[0], "height": 720}, locale="fr-BE")


def test_escape_closes_the_menu_and_gives_focus_back(narrow: Browsing) -> None:
    page = narrow.goto("agenda/")
    page.focus(".md-header label[for='__drawer']")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    focus = page.evaluate(FOCUS)
    assert not focus["drawerOpen"] and focus["inHeader"] and focus["tag"] == "LABEL", focus


@pytest.mark.parametrize("path", ["acteurs/", "agenda/", "communes/havelange/"])
def test_no_focus_stop_hides_under_the_sticky_header(sized: Browsing, path: str) -> None:
    page = sized.goto(path)
    forward = [_tab(page) for _ in range(30)]
    backward = [_tab(page, backwards=True) for _ in range(20)]
    for focus in forward + backward:
        if focus["body"] or focus["inHeader"] or focus["cls"].startswith("md-skip"):
            continue
        assert not (focus["inDrawer"] and not focus["drawerOpen"]), f"a closed menu's link took focus: {focus}"
        if focus["height"] == 0:  # the skip link's target
            continue
        under = focus["top"] < focus["headerBottom"] - 1 and focus["bottom"] > focus["headerTop"] + 1
        assert not under, f"focus under the header: {focus}"
        assert focus["bottom"] <= focus["viewport"][1] + 1, f"focus below the screen: {focus}"


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_horizontal_scroll_at_320_px(browser: Any, base_url: str, name: str) -> None:
    for narrow in _browsing(browser, base_url, viewport={"width": 320, "height": 640}, locale="fr-BE"):
        page = narrow.goto(TEMPLATES[name])
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{name}: the page is {width} px wide"
