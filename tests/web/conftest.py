"""Browser fixtures: the demo built once per session (today 2026-11-23), served on
127.0.0.1, and Debian's Chromium driven by Playwright. Every request a page makes is
recorded; none may leave 127.0.0.1 (those that try are aborted and kept for the asserts)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import shared_build

from .site_server import CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, TODAY, serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One page per template: what axe, the request log and the phone width are checked on.
TEMPLATES = {
    "home": "",
    "directory": "acteurs/",
    "directory-list": "acteurs/commune/havelange/",
    "actor": "acteurs/bibliotheque-ciney/",
    "agenda": "agenda/",
    "agenda-month": "agenda/2027-01/",
    "event": "evenements/cafe-parents-havelange/",
    "routes": "tournees/",
    "route": "tournees/epicerie-mardi/",
    "communes": "communes/",
    "commune": "communes/havelange/",
    "place": "lieux/salle-maffe/",
    "notice": "avis/plan-grand-froid-2026/",
    "need": "besoins/manger/",
    "map": "carte/",
    "search": "recherche/?q=epicerie",
    "content": "contribuer/",
    "observatory": "observatoire/",
    "open-data": "donnees/",
    "freshness": "contribuer/fraicheur/",
}


@dataclass
class Browsing:
    """A page plus the log of every URL it requested, and those that left 127.0.0.1."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(f"{CHROMIUM_PATH} is missing: install Debian's chromium (make system-deps)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _browsing(browser: Any, base_url: str, **context: Any) -> Iterator[Browsing]:
    # The site's service worker would answer requests out of the route below's sight (and keep
    # files between tests): off, except in test_offline.py, which opens its own context.
    context.setdefault("service_workers", "block")
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    # The pages follow the visitor's clock (past days hidden, "aujourd'hui"): the browser reads
    # them on the build's day unless a test moves its clock (test_clock.py).
    page.clock.set_fixed_time(f"{TODAY}T10:00:00+01:00")
    log = Browsing(page, base_url)

    def route(route: Any) -> None:
        url = route.request.url
        log.requests.append(url)
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith("data:"):
            route.continue_()
        else:
            log.outside.append(url)
            route.abort()

    page.route("**/*", route)
    yield log
    ctx.close()


@pytest.fixture
def browsing(browser: Any, base_url: str) -> Iterator[Browsing]:
    yield from _browsing(browser, base_url, viewport={"width": 1280, "height": 900}, locale="fr-BE")


@pytest.fixture
def auditing(browser: Any, base_url: str) -> Iterator[Browsing]:
    """As ``browsing``, but the page's Content-Security-Policy lets the test add axe-core
    (an inline script); what the policy allows is tested in test_csp.py."""
    yield from _browsing(browser, base_url, viewport={"width": 1280, "height": 900}, locale="fr-BE", bypass_csp=True)


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Browsing]:
    yield from _browsing(browser, base_url, viewport={"width": 375, "height": 812}, locale="fr-BE", is_mobile=True)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)", pytrace=False)
    return AXE
