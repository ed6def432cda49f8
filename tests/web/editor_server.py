"""The form editor served for the browser: /admin/ written for a copy of the demo data, Decap's
local backend (decap-server, node) on that copy, both on 127.0.0.1. Shared by
tests/web/test_editor_browser.py and editor_screenshots.py."""

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
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from generator.outputs import RenderContext
from generator.outputs.admin import write_admin
from generator.site import site_settings
from generator.validate import validate

from .site_server import ROOT

TODAY = date(2026, 11, 23)


class MissingBackend(RuntimeError):
    """node or decap-server is missing."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def run_editor(folder: Path) -> Iterator[tuple[str, Path]]:
    """The admin page's URL, and the working copy (``folder/repo``) decap-server writes into."""
    node = shutil.which("node")
    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if node is None or not server.is_file():
        raise MissingBackend("node and node_modules/decap-server are needed: run `npm ci` (make test does)")
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
