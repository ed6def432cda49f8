"""The form editor end to end, in Chromium: /admin/ against Decap's local backend
(decap-server, node) on a temporary copy of the demo data. A volunteer changes an actor's
hours with the grid and leaves July and August out of a monthly series with the recurrence
widget; the files written then pass `check` and say what the forms said."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.outputs import RenderContext
from generator.outputs.admin import write_admin
from generator.schedule import Window, schedule
from generator.site import site_settings
from generator.validate import validate

from .conftest import AXE
from .site_server import ROOT

TODAY = date(2026, 11, 23)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The admin page's URL, and the working copy decap-server writes into."""
    node = shutil.which("node")
    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if node is None or not server.is_file():
        pytest.fail("node and node_modules/decap-server are needed: run `npm ci` (make test does)")
    folder = tmp_path_factory.mktemp("editor")
    repo = folder / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    port = _free_port()
    settings = site_settings(ROOT / "mkdocs.yml")
    settings["extra"] = {**settings["extra"], "editor": {"local_port": port}}
    validation = validate(repo / "data", today=TODAY)
    site = folder / "site"
    write_admin(RenderContext(validation.dataset, validation.today, settings), site)
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)}
    backend = subprocess.Popen([node, str(server)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/admin/", repo
    finally:
        httpd.shutdown()
        backend.terminate()
        backend.wait(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def admin(browser: Any, editor: tuple[str, Path]) -> Iterator[Any]:
    base, _ = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    outside: list[str] = []
    page.route("**/*", lambda route: _allow(route, outside))
    page.goto(base)
    page.get_by_role("button", name="Se connecter").click()
    yield page
    context.close()
    assert outside == []  # nothing left 127.0.0.1


def _allow(route: Any, outside: list[str]) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        outside.append(route.request.url)
        route.abort()


def _publish(page: Any) -> None:
    page.get_by_text("Publier", exact=True).first.click()
    page.get_by_text("Publier maintenant").first.click()
    page.get_by_text("Modifications enregistrées", exact=False).first.wait_for(timeout=20_000)


def test_an_actors_hours_changed_with_the_grid_are_saved_and_pass_check(admin: Any, editor: Any) -> None:
    base, repo = editor
    admin.goto(base + "#/collections/actors/entries/cpas-ciney")
    admin.locator('button[aria-label="Ajouter une plage : samedi"]:visible').first.click()
    assert "Sa 09:00-12:00" in admin.locator(".mg-widget code").first.inner_text()
    _publish(admin)
    text = (repo / "data" / "actors" / "cpas-ciney.yaml").read_text(encoding="utf-8")
    assert "hours: Mo,We,Fr 08:30-12:00; Tu,Th 13:30-16:00; Sa 09:00-12:00; PH off\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    actor = validation.dataset.actors["cpas-ciney"]
    assert actor.locations[0].hours == "Mo,We,Fr 08:30-12:00; Tu,Th 13:30-16:00; Sa 09:00-12:00; PH off"


def test_a_series_without_july_and_august_from_the_recurrence_widget(admin: Any, editor: Any) -> None:
    base, repo = editor
    admin.goto(base + "#/collections/events/entries/cafe-parents-havelange")
    widget = admin.locator(".mg-widget", has=admin.locator("legend", has_text="Sauf les mois de")).first
    widget.get_by_label("juillet").check()
    widget.get_by_label("août").check()
    rule = "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,9,10,11,12;UNTIL=20270630"
    assert widget.get_by_label("Règle écrite dans le fichier").input_value() == rule
    dates = widget.locator(".mg-dates li")
    assert dates.count() == 10 and dates.first.inner_text() == "mardi 8 septembre 2026"
    # axe on the widget's form: no serious or critical violation
    admin.evaluate(AXE.read_text(encoding="utf-8"))  # the page's policy forbids inline scripts
    result = admin.evaluate("() => axe.run('.mg-widget', {resultTypes: ['violations']})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    _publish(admin)
    text = (repo / "data" / "events" / "cafe-parents-havelange.yaml").read_text(encoding="utf-8")
    assert f"repeat: {rule}\n" in text and "start: 2026-09-08 09:30\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    event = validation.dataset.events["cafe-parents-havelange"]
    window = Window(date(2026, 9, 1), date(2027, 8, 31))
    occurrences = schedule({event.id: event}, {}, "BE", window)[f"evenement-{event.id}"]
    months = {o.original.month for o in occurrences}
    assert months.isdisjoint({7, 8}) and {9, 10, 11, 12, 1, 3, 4, 5, 6} <= months
