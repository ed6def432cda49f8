"""Preview: rebuild the site when content/ or data/ change, and serve it on localhost."""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
import time
from pathlib import Path

from .build import BuildPaths, build
from .errors import format_text
from .validate import validate

POLL_SECONDS = 0.5


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    state: dict[Path, float] = {}
    for folder in folders:
        if folder.exists():
            for path in folder.rglob("*"):
                if path.is_file():
                    state[path] = path.stat().st_mtime
    return state


def _rebuild(data: Path, paths: BuildPaths) -> None:
    validation = validate(data)
    if validation.problems:
        print(format_text(validation.problems))
    if validation.ok:
        build(validation, paths)
        print("Site reconstruit.")
    else:
        print("Données invalides : la prévisualisation garde la version précédente.")


def serve(args: argparse.Namespace) -> int:
    project = Path.cwd()
    site_dir = project / ".serve-site"
    paths = BuildPaths(project=project, site_dir=site_dir)
    _rebuild(args.data, paths)
    host, _, port = str(args.dev_addr).rpartition(":")

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012 - the base class declares it so
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".ics": "text/calendar; charset=utf-8",
        }

        def translate_path(self, path: str) -> str:  # always the current build
            self.directory = str(site_dir)
            return super().translate_path(path)

    server = http.server.ThreadingHTTPServer(
        (host or "127.0.0.1", int(port)), functools.partial(Handler, directory=str(site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Prévisualisation sur http://{host or '127.0.0.1'}:{port}/ (Ctrl+C pour arrêter)")
    watched = [args.data, project / "content", project / "overrides", project / "mkdocs.yml"]
    state = _snapshot(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = _snapshot(watched)
            if current != state:
                state = current
                _rebuild(args.data, paths)
    except KeyboardInterrupt:
        server.shutdown()
    return 0
