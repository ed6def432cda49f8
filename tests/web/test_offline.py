"""Offline reading: the service worker keeps the home page and the agenda from the first
visit, and every page the visitor opens (their commune's); offline, those pages still open,
say they are a copy and show their date; /admin/ is never kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .site_server import TODAY


def test_opened_pages_read_offline_and_admin_is_never_kept(browser: Any, base_url: str, site: Path) -> None:
    admin = site / "admin" / "index.html"
    if not admin.exists():  # the form editor's page (another part of the site): a stand-in
        admin.parent.mkdir(exist_ok=True)
        admin.write_text("<!doctype html><title>admin</title><h1>Éditeur</h1>", encoding="utf-8")
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="fr-BE", service_workers="allow")
    page = context.new_page()
    page.clock.set_fixed_time(f"{TODAY}T10:00:00+01:00")
    try:
        page.goto(base_url + "communes/havelange/", wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload(wait_until="networkidle")  # now under the worker's control: this visit is kept
        assert page.evaluate("!!navigator.serviceWorker.controller")
        assert page.goto(base_url + "admin/", wait_until="load").ok  # opened online
        kept = page.evaluate(
            "caches.keys().then(ns => Promise.all(ns.map(n => caches.open(n).then(c => c.keys())))).then(ks => ks.flat().map(r => r.url))"
        )
        assert any(u.endswith("/communes/havelange/") for u in kept), kept
        assert any(u == base_url for u in kept) and any(u.endswith("/agenda/") for u in kept), kept
        assert not any("/admin/" in u for u in kept), kept

        context.set_offline(True)
        for path, heading in (("", "Condroz-Famenne"), ("agenda/", "Agenda"), ("communes/havelange/", "Havelange")):
            page.goto(base_url + path, wait_until="load")
            assert heading in page.inner_text("h1"), path
            assert "Mis à jour le lundi 23\u00a0novembre 2026" in page.inner_text(".mg-updated"), path
            assert page.locator(".mg-offline").is_visible(), path
        response = None
        try:
            # a new query: the browser's own HTTP cache is not what this test is about
            response = page.goto(base_url + "admin/?hors-ligne", wait_until="load")
        except Exception:
            response = None
        assert response is None or not response.ok, "the editor must never come from a cache"
    finally:
        context.close()
