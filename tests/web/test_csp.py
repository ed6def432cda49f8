"""The Content-Security-Policy enforced in Chromium: the demo served with the header of
content/_headers (as Netlify or Cloudflare would send it) on top of the pages' meta tag.
No template may trigger a violation, and search and the map still work under it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import TEMPLATES, Browsing, _browsing
from .site_server import serve

# Recorded in the page before any of its scripts runs.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def header_policy(site: Path) -> str:
    """The Content-Security-Policy line of the ``/*`` block of the built ``_headers``."""
    block = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            block = line.strip()
        elif block == "/*" and line.strip().startswith("Content-Security-Policy:"):
            return line.split(":", 1)[1].strip()
    pytest.fail("_headers has no Content-Security-Policy for /*")


@pytest.fixture(scope="session")
def csp_url(site: Path) -> Iterator[str]:
    with serve(site, {"Content-Security-Policy": header_policy(site)}) as url:
        yield url


@pytest.fixture
def enforced(browser: Any, csp_url: str) -> Iterator[tuple[Browsing, list[str]]]:
    steps = _browsing(browser, csp_url, viewport={"width": 1280, "height": 900}, locale="fr-BE")
    log = next(steps)
    console: list[str] = []
    log.page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    log.page.add_init_script(LISTEN)
    yield log, console
    next(steps, None)  # closes the browser context


def violations(page: Any, console: list[str]) -> list[str]:
    page.wait_for_timeout(200)
    events: list[str] = page.evaluate("window.__violations")
    refused = [m for m in console if "Content Security Policy" in m or "Refused to" in m]
    return events + refused


def test_the_policy_is_served(enforced: tuple[Browsing, list[str]]) -> None:
    log, _ = enforced
    response = log.page.goto(log.base)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    meta = log.page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
    assert meta and "default-src 'none'" in meta and "script-src 'self';" in meta


# Pages the other browser tests do not visit, with markup of their own.
MORE = {
    "not-found": "404.html",
}


@pytest.mark.parametrize("name", sorted({**TEMPLATES, **MORE}))
def test_no_violation_on_any_template(enforced: tuple[Browsing, list[str]], name: str) -> None:
    log, console = enforced
    page = log.goto({**TEMPLATES, **MORE}[name])
    assert page.evaluate("document.documentElement.classList.contains('js')"), "Material's bundle did not start"
    assert violations(page, console) == []
    assert log.outside == []  # and no other host was asked, on these pages too


def test_search_works_under_the_policy(enforced: tuple[Browsing, list[str]]) -> None:
    log, console = enforced
    page = log.goto("recherche/?q=epicerie")
    page.wait_for_selector(".mg-results li a")
    assert page.locator(".mg-results li a[href='/tournees/epicerie-mardi/']").count() == 1
    assert violations(page, console) == []


def test_map_click_works_under_the_policy(enforced: tuple[Browsing, list[str]]) -> None:
    log, console = enforced
    page = log.goto("tournees/epicerie-mardi/")
    page.click("text=Afficher la carte")
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_timeout(300)
    assert any(u.startswith("https://tile.openstreetmap.org/") for u in log.outside), "no tile was asked for"
    assert violations(page, console) == []


def test_an_inline_script_is_refused(enforced: tuple[Browsing, list[str]]) -> None:
    # The harness can fail: a script slipped into a page is blocked and reported.
    log, console = enforced
    page = log.goto("")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__ran=1\">')")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in violations(page, console))


def test_an_inline_style_attribute_is_refused(enforced: tuple[Browsing, list[str]]) -> None:
    # Not even style attributes are allowed: the observatory's charts are sized by the stylesheet.
    log, console = enforced
    page = log.goto("observatoire/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p id=\"styled\" style=\"color: rgb(1, 2, 3)\">x</p>')"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("getComputedStyle(document.getElementById('styled')).color") != "rgb(1, 2, 3)"
    assert any("style-src" in v for v in violations(page, console))
    # and the charts keep their drawn size, narrower than the page on a phone
    widths = page.evaluate(
        "[...document.querySelectorAll('svg.obs-chart, svg.obs-map')].map(s => s.getBoundingClientRect().width)"
    )
    assert widths and all(w > 100 for w in widths)
