"""Building the demo site once and serving it on 127.0.0.1 for the browser tests.

Shared by ``tests/web/conftest.py`` and ``screenshots.py``: the demo data built with
"today" 2026-11-23 into a temporary folder, served by the standard library's HTTP server on
a random port, with the same MIME types as the production host (``.ics`` as text/calendar)
and, on request, extra response headers (the Content-Security-Policy of content/_headers).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def build_demo(folder: Path, data: Path | None = None, today: str = TODAY) -> Path:
    """Build the site of ``data`` (the demo by default) into ``folder/site``."""
    site = folder / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--data",
            str(data or ROOT / "data"),
            "--site-dir",
            str(site),
            "--today",
            today,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the demo did not build:\n{result.stdout}\n{result.stderr}")
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it so
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ics": "text/calendar; charset=utf-8",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    headers_extra: dict[str, str] = {}  # noqa: RUF012 - replaced per server by ``serve``

    def end_headers(self) -> None:
        for name, value in self.headers_extra.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (random port), adding ``headers`` to every response;
    yields the base URL ending in ``/``."""
    handler = type("_Handler", (_Quiet,), {"headers_extra": dict(headers or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
