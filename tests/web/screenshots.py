"""Screenshots of the main templates at desktop and phone width (``make screenshots``).

Builds the demo (today 2026-11-23), serves it on 127.0.0.1, and writes PNGs into
``previews/`` with Debian's Chromium driven by Playwright. Not a test: a way to look.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_server import CHROMIUM_ARGS, CHROMIUM_PATH, build_demo, serve

PAGES = {
    "accueil": "",
    "repertoire": "acteurs/",
    "acteur": "acteurs/cpas-ciney/",
    "agenda": "agenda/",
    "evenement": "evenements/cafe-parents-havelange/",
    "commune": "communes/havelange/",
    "tournee": "tournees/epicerie-mardi/",
    "recherche": "recherche/?q=epicerie",
    "carte": "carte/",
}
MAX_HEIGHT = 2400  # long listings are cut: the top of a page is what people see first
WIDTHS = {"desktop": (1280, 900), "mobile": (375, 812)}


def main(out: Path) -> int:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_demo(Path(tmp))
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            for width_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.route(
                    "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort()
                )
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="networkidle")
                    page.wait_for_timeout(300)
                    target = out / f"{name}-{width_name}.png"
                    tall = int(page.evaluate("document.documentElement.scrollHeight"))
                    clip = {"x": 0, "y": 0, "width": width, "height": min(tall, MAX_HEIGHT)}
                    page.screenshot(path=str(target), full_page=True, clip=clip)
                    print(target)
                page.close()
            # The dark theme (the system's setting) and the printed page (print media).
            for mode, (width, height), options in (
                ("sombre-mobile", WIDTHS["mobile"], {"color_scheme": "dark"}),
                ("sombre-desktop", WIDTHS["desktop"], {"color_scheme": "dark"}),
                ("impression", (794, 1123), {}),
            ):
                page = browser.new_page(viewport={"width": width, "height": height}, **options)
                page.clock.set_fixed_time("2026-11-25T10:30:00+01:00")
                page.route(
                    "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort()
                )
                if mode == "impression":
                    page.emulate_media(media="print")
                for name in ("accueil", "acteur", "agenda"):
                    page.goto(base + PAGES[name], wait_until="networkidle")
                    page.wait_for_timeout(300)
                    target = out / f"{name}-{mode}.png"
                    tall = int(page.evaluate("document.documentElement.scrollHeight"))
                    clip = {"x": 0, "y": 0, "width": width, "height": min(tall, MAX_HEIGHT // 2)}
                    page.screenshot(path=str(target), full_page=True, clip=clip)
                    print(target)
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("previews")))
