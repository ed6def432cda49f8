"""The search at 1x (the demo) and 30x (benchmarks/synthetic.py): bytes of a first search
and time to results in Debian's Chromium, with the CPU slowed down 4 times (a mid-range
phone, Chrome DevTools' own profile) — see docs/search.md.

The demo site is built once with today 2026-11-23 and served on 127.0.0.1; for a larger
scale its ``recherche/index.json`` is replaced by the one of the synthetic territory, made
by the same code (the search page and its scripts do not change with the territory's size,
and a whole 30x build takes minutes that measure nothing here). A first
search downloads three files: assets/search.js, the vendored MiniSearch and
recherche/index.json; their sizes are given as sent and gzipped (level 6, what web servers
use). "Ready" is from the first focus on the search box to the index built in the browser;
"results" is from the last keystroke to the results on screen, for queries typed one
character at a time (the 120 ms pause before searching is included).

    python benchmarks/bench_search.py [--scales 1 30] [--slowdown 4]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "web"))

from site_server import CHROMIUM_ARGS, CHROMIUM_PATH, build_demo, serve  # noqa: E402

from benchmarks.synthetic import generate  # noqa: E402

QUERIES = ["j'ai faim", "transport pour aller à l'hôpital", "psycologue", "garde d'enfants", "voedselbank"]
FILES = ("/assets/search.js", "/minisearch/minisearch.js", "/recherche/index.json")


def search_index(data: Path) -> bytes:
    """``recherche/index.json`` of the territory in ``data``, as the build writes it."""
    from generator.outputs import RenderContext
    from generator.outputs.pages.search import documents
    from generator.outputs.pages.view import SiteView
    from generator.site import site_settings
    from generator.validate import validate

    validation = validate(data, today=date(2026, 11, 23))
    assert validation.ok, validation.errors[:3]
    context = RenderContext(validation.dataset, validation.today, site_settings(ROOT / "mkdocs.yml"))
    text = json.dumps(documents(SiteView(context)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def measure(site: Path, slowdown: float) -> dict[str, Any]:
    from playwright.sync_api import expect, sync_playwright

    bodies: dict[str, bytes] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True)
        page.on("response", lambda r: bodies.update({f: r.body() for f in FILES if f in r.url}))
        session = page.context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(base + "recherche/", wait_until="networkidle")
        expect(page.locator("form.mg-search")).to_have_attribute("data-ready-ms", re.compile(r"\d+"), timeout=120_000)
        ready = int(page.get_attribute("form.mg-search", "data-ready-ms") or 0)
        times = []
        for query in QUERIES:
            page.fill("#mg-q", "")
            page.type("#mg-q", query, delay=60)
            expect(page.locator(".mg-results")).to_have_attribute("data-ready", query, timeout=30_000)
            times.append(int(page.get_attribute(".mg-results", "data-ms") or 0))
        browser.close()
    raw = sum(len(b) for b in bodies.values())
    zipped = sum(len(gzip.compress(b, 6)) for b in bodies.values())
    index = bodies.get("/recherche/index.json", b"")
    return {
        "files": len(bodies),
        "raw_kb": raw / 1000,
        "gzip_kb": zipped / 1000,
        "index_gzip_kb": len(gzip.compress(index, 6)) / 1000,
        "ready_ms": ready,
        "results_ms": times,
        "median_ms": statistics.median(times),
        "max_ms": max(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 30])
    parser.add_argument("--slowdown", type=float, default=4.0)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = build_demo(work / "demo")
        demo_index = (site / "recherche" / "index.json").read_bytes()
        for scale in args.scales:
            index = demo_index if scale == 1 else search_index(generate(work / f"terr{scale}", scale))
            (site / "recherche" / "index.json").write_bytes(index)
            for rate in (1.0, args.slowdown):
                found = measure(site, rate)
                found["records"] = len(json.loads(index)["docs"])
                rows.append((scale, rate, found))
                print(scale, rate, found, flush=True)
    print()
    print(
        "| scale | records | CPU | first search (gzip) | of which index.json | index ready | results after last key (median / max) |"
    )
    print("|---|---|---|---|---|---|---|")
    for scale, rate, f in rows:
        print(
            f"| {scale}× | {f['records']} | {'normal' if rate == 1 else f'{rate:g}× slower'} | {f['gzip_kb']:.1f} kB ({f['raw_kb']:.0f} kB raw) | {f['index_gzip_kb']:.1f} kB"
            f" | {f['ready_ms']} ms | {f['median_ms']:.0f} / {f['max_ms']} ms |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
