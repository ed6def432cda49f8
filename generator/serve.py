"""Preview: rebuild the site when content/, data/, overrides/ or mkdocs.yml change, serve it
on localhost, and reload the open pages.

Each rebuild goes to a scratch folder; only the files whose bytes changed are then written
into the served folder (and files that disappeared are removed), so that the browser and the
disk see only what changed. Pages are reloaded by a small script that the preview server
adds to HTML responses (never to the built files): it polls a version number.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
import time
from pathlib import Path

from .build import BuildPaths, build
from .errors import format_text
from .validate import validate

POLL_SECONDS = 0.5
RELOAD_PATH = "/.maillage-reload.js"
VERSION_PATH = "/.maillage-version"
RELOAD_SCRIPT = (
    "(function(){var v=null;setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t})"
    ".catch(function(){})},1000)})();"
)


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    state: dict[Path, float] = {}
    for folder in folders:
        if folder.is_file():
            state[folder] = folder.stat().st_mtime
        elif folder.exists():
            for path in folder.rglob("*"):
                if path.is_file():
                    state[path] = path.stat().st_mtime
    return state


def sync(source: Path, target: Path) -> int:
    """Make ``target`` hold what ``source`` holds, writing only files that differ; returns
    the number of files written or removed."""
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        new, old = source / relative, target / relative
        if old.is_file() and old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new, old)
        changed += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(target) not in wanted:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


class Preview:
    """The served folder and its version number (bumped when a rebuild changed something)."""

    def __init__(self, project: Path, data: Path) -> None:
        self.project = project
        self.data = data
        self.site_dir = project / ".serve-site"
        self.scratch = project / ".serve-build"
        self.version = 0

    def rebuild(self) -> None:
        validation = validate(self.data)
        if validation.problems:
            print(format_text(validation.problems))
        if not validation.ok:
            print("Données invalides : la prévisualisation garde la version précédente.")
            return
        build(validation, BuildPaths(project=self.project, site_dir=self.scratch))
        changed = sync(self.scratch, self.site_dir)
        if changed:
            self.version += 1
        print(f"Site reconstruit : {changed} fichier(s) modifié(s).")


def _handler(preview: Preview) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012 - the base class declares it so
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".ics": "text/calendar; charset=utf-8",
            ".js": "text/javascript",
            ".wasm": "application/wasm",
        }

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == VERSION_PATH:
                return self._send(str(preview.version).encode(), "text/plain")
            if path == RELOAD_PATH:
                return self._send(RELOAD_SCRIPT.encode(), "text/javascript")
            local = Path(self.translate_path(path))
            if local.is_dir():
                local = local / "index.html"
            if local.suffix == ".html" and local.is_file() and path.endswith(("/", ".html")):
                html = local.read_bytes().replace(
                    b"</body>", f'<script src="{RELOAD_PATH}"></script></body>'.encode(), 1
                )
                return self._send(html, "text/html; charset=utf-8")
            return super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def serve(args: argparse.Namespace) -> int:
    project = Path.cwd()
    preview = Preview(project, args.data)
    preview.rebuild()
    host, _, port = str(args.dev_addr).rpartition(":")
    server = http.server.ThreadingHTTPServer(
        (host or "127.0.0.1", int(port)), functools.partial(_handler(preview), directory=str(preview.site_dir))
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
                preview.rebuild()
    except KeyboardInterrupt:
        server.shutdown()
    return 0
