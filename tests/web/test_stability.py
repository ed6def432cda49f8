"""Layout stability on a slow phone, in Chromium under the throttling of docs/benchmarks.md
(400 kbit/s both ways, 400 ms latency, CPU slowed 4×): the cumulative layout shift of the
pages where scripts add or fill things (the directory's filter form, the open-now lines, the
days rolled to the visitor's clock) stays under 0.05 — Lighthouse's "good" is 0.1."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Browsing

THROTTLING = {"latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
CPU_SLOWDOWN = 4

# Every layout shift of the page's life so far (buffered), not caused by the visitor's input.
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.mark.parametrize("path", ["acteurs/", "agenda/"])
def test_no_layout_shift_on_a_slow_phone(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="fr-BE")
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-23T10:00:00+01:00")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **THROTTLING})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    try:
        browsing = Browsing(page, base_url)
        browsing.goto(path)
        page.wait_for_selector("html[data-mg-day]", state="attached")
        shift = page.evaluate(CLS)
        assert page.locator(".mg-filters").is_visible()
        assert shift < 0.05, f"{path}: cumulative layout shift {shift:.3f}"
    finally:
        context.close()
