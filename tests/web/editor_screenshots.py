"""PNGs of the form editor for docs/editing.md: an actor and an event, desktop and 375 px
wide, in Debian's Chromium against Decap's local backend on a copy of the demo.

Run: .venv/bin/python -m tests.web.editor_screenshots docs/images
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from .editor_server import run_editor
from .site_server import CHROMIUM_ARGS, CHROMIUM_PATH

PAGES = {
    "editeur-acteur": ("#/collections/actors/entries/cpas-ciney", ".mg-hours"),
    "editeur-evenement": ("#/collections/events/entries/cafe-parents-havelange", ".mg-next"),
}
WIDTHS = {"": (1280, 900), "-375": (375, 812)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as folder,
        run_editor(Path(folder)) as (base, _),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for suffix, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-BE")
            page = context.new_page()
            page.goto(base)
            page.get_by_role("button", name="Se connecter").click()
            for name, (fragment, selector) in PAGES.items():
                page.goto(base + fragment)
                page.reload()
                page.locator(selector).first.wait_for()
                page.locator(selector).first.scroll_into_view_if_needed()
                page.wait_for_timeout(500)
                page.screenshot(path=str(out / f"{name}{suffix}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
