"""Preview: rebuild the site when content/, data/, overrides/ or mkdocs.yml change, serve it
on localhost, and reload the open pages.

Each rebuild goes to a scratch folder kept between rebuilds; only the pages whose source
changed are rendered again (see :class:`Preview`), and only the files whose bytes changed are
then written into the served folder (and files that disappeared are removed), so that the
browser and the disk see only what changed. Pages are reloaded by a small script that the preview server
adds to HTML responses (never to the built files): it polls a version number.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import os
import re
import shutil
import threading
import time
import urllib.parse
from datetime import date
from pathlib import Path

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
    """Modification times of the files under ``folders``, links included but never followed
    (a link to /dev/zero, a loop or a vanished file is a change like another, not a crash)."""
    state: dict[Path, float] = {}
    for folder in folders:
        try:
            if not folder.is_dir():
                state[folder] = folder.lstat().st_mtime
                continue
        except OSError:
            continue
        for base, _, files in os.walk(folder, followlinks=False, onerror=lambda error: None):
            for name in files:
                path = Path(base) / name
                try:
                    state[path] = path.lstat().st_mtime
                except OSError:
                    continue
    return state


def sync_files(
    source: Path, target: Path, *, delete: bool = True, since: int | None = None
) -> tuple[list[Path], list[Path]]:
    """Make ``target`` hold what ``source`` holds, writing only files whose bytes differ (and,
    with ``delete``, removing those ``source`` lacks). With ``since`` (nanoseconds), source
    files not modified since then are taken as already there. Returns the relative paths
    written and removed."""
    written: list[Path] = []
    removed: list[Path] = []
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        new, old = source / relative, target / relative
        if since is not None and new.stat().st_mtime_ns < since and old.is_file():
            continue
        if old.is_file() and old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new, old)
        written.append(relative)
    if delete:
        for path in sorted(target.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(target) not in wanted:
                path.unlink()
                removed.append(path.relative_to(target))
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


def sync(source: Path, target: Path) -> int:
    """:func:`sync_files`, counting the files written or removed."""
    written, removed = sync_files(source, target)
    return len(written) + len(removed)


def _theme_state(project: Path) -> dict[Path, float]:
    return _snapshot([project / "mkdocs.yml", project / "overrides"])


class Preview:
    """The preview's folders, kept between rebuilds, and the served site's version number.

    A rebuild validates everything and writes every page source into a scratch folder, but
    only the sources whose bytes changed reach the kept docs folder; MkDocs then renders just
    those (its dirty mode, which compares modification times). The navigation, the banners
    and the theme come from mkdocs.yml, ``overrides/`` and ``.maillage/site.json``: when one
    of them changes, or a page disappears, every page is rendered again. The pages are served
    (and open browsers reload) before the feeds, PDFs and open data are rewritten (the search data is written with the pages).
    """

    def __init__(
        self,
        project: Path,
        data: Path,
        *,
        site_dir: Path | None = None,
        scratch: Path | None = None,
        today: date | None = None,
    ) -> None:
        self.project = project
        self.data = data
        self.today = today
        self.site_dir = site_dir or project / ".serve-site"
        self.scratch = scratch or project / ".serve-build"
        self.version = 0
        self._theme: dict[Path, float] | None = None
        self._state: object = None
        self.timings: dict[str, float] = {}  # seconds of the last rebuild: pages shown, everything
        # What kept the last rebuild from being served (invalid data, a broken mkdocs.yml…):
        # printed, and shown at the top of every page served until a rebuild succeeds.
        self.failure: str | None = None

    def rebuild(self) -> None:
        """:meth:`render`, whatever happens: a failure is printed and shown in the pages
        served (see ``failure``), and the previous version stays served."""
        try:
            self.render()
        except Exception as exc:  # the preview must outlive any data, theme or bug
            if os.environ.get("MAILLAGE_DEBUG"):
                import traceback

                traceback.print_exc()
            self.failure = f"La reconstruction a échoué : {type(exc).__name__} : {exc}"
            print(self.failure)
            print("La prévisualisation garde la version précédente (détail technique : MAILLAGE_DEBUG=1).")
            self.version += 1  # open pages reload, and show the failure

    def render(self) -> None:
        from .outputs import DEFERRABLE, DOC_WRITERS, SITE_WRITERS, RenderContext
        from .site import build_site, site_settings

        started = time.perf_counter()
        # Coarse file-system clocks: a margin, so that a file MkDocs writes now is never older.
        since = time.time_ns() - 2_000_000_000
        validation = validate(self.data, today=self.today)
        if validation.problems:
            print(format_text(validation.problems))
        if not validation.ok:
            print("Données invalides : la prévisualisation garde la version précédente.")
            self.failure = "Données invalides : la prévisualisation garde la version précédente.\n" + format_text(
                validation.errors
            )
            self.version += 1
            return
        config = self.project / "mkdocs.yml"
        context = RenderContext(validation.dataset, validation.today, site_settings(config))
        docs, built = self.scratch / "docs", self.scratch / "site"
        # Pages appear or disappear only when data files, hand-written pages or "today" do:
        # then the docs folder is written anew; otherwise the page writers leave unchanged
        # sources untouched (same bytes, same modification time) and MkDocs renders the rest.
        state = (
            validation.today,
            sorted(p.relative_to(self.data).as_posix() for p in self.data.rglob("*") if p.is_file()),
            sorted(p.relative_to(self.project).as_posix() for p in (self.project / "content").rglob("*")),
        )
        theme = _theme_state(self.project)
        full = self._theme != theme or self._state != state or not built.is_dir() or not docs.is_dir()
        self._theme, self._state = theme, state
        if full:
            shutil.rmtree(docs, ignore_errors=True)
        sync_files(self.project / "content", docs, delete=False)
        shared = docs / ".maillage" / "site.json"
        before = shared.read_bytes() if shared.is_file() else b""
        written_since = time.time_ns() - 2_000_000_000
        for write_docs in DOC_WRITERS:
            write_docs(context, docs)
        # The navigation's banners and the interface language: on every page.
        full = full or not shared.is_file() or shared.read_bytes() != before
        written = [
            p for p in docs.rglob("*.md") if p.stat().st_mtime_ns >= written_since and ".maillage" not in p.parts
        ]
        build_site(config, docs, built, validation.today, dirty=not full)
        later = [w for w in SITE_WRITERS if w in DEFERRABLE]
        for write_files in SITE_WRITERS:
            if write_files not in later:
                write_files(context, built)
        # Files of the deferred writers are still those of the previous rebuild (or missing
        # after a full MkDocs build, which empties its folder): keep the served ones for now.
        shown, _ = sync_files(built, self.site_dir, delete=False, since=None if full else since)
        if shown:
            self.version += 1
        self.timings = {"pages": time.perf_counter() - started}
        mode = "complète" if full else f"{len(written)} page(s) source modifiée(s)"
        print(f"Pages à jour en {time.perf_counter() - started:.1f} s ({mode}, {len(shown)} fichier(s) servis).")
        for write_files in later:
            write_files(context, built)
        changed = len(shown) + sum(map(len, sync_files(built, self.site_dir)))
        self.timings["total"] = time.perf_counter() - started
        if self.failure is not None:
            self.failure = None
            self.version += 1
        print(f"Site reconstruit en {time.perf_counter() - started:.1f} s : {changed} fichier(s) modifié(s).")


_BODY = re.compile(rb"<body[^>]{0,2000}>")


def _failure_banner(text: str | None) -> bytes:
    return (
        '<div role="alert" id="maillage-preview-failure" style="background:#fde8e8;color:#000;'
        'border:3px solid #b00020;padding:1em;margin:0;white-space:pre-wrap;font:1rem/1.4 monospace">'
        f"{html.escape(text or '')}</div>"
    ).encode()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A connection that fails (a client gone, a strange request) is that client's
        problem: one line, never a traceback, and the server goes on."""
        import sys

        print(f"Prévisualisation : une requête de {client_address} a échoué ({sys.exc_info()[1]!r}).")


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
            if "\x00" in urllib.parse.unquote(path) or "\x00" in path:
                return self.send_error(400, "Bad request")
            try:
                return self._get(path)
            except (OSError, ValueError):  # a name the file system refuses: not found, not a crash
                return self.send_error(404, "Not found")

        def _get(self, path: str) -> None:
            if path == VERSION_PATH:
                return self._send(str(preview.version).encode(), "text/plain")
            if path == RELOAD_PATH:
                return self._send(RELOAD_SCRIPT.encode(), "text/javascript")
            local = Path(self.translate_path(path))
            if local.is_dir():
                local = local / "index.html"
            if preview.failure is not None and not local.exists() and path.endswith(("/", ".html")):
                # nothing built yet: the failure is the page
                page = b"<!doctype html><html lang=fr><meta charset=utf-8><title>Maillage</title><body></body></html>"
                page = _BODY.sub(lambda found: found.group(0) + _failure_banner(preview.failure), page, count=1)
                return self._send(
                    page.replace(b"</body>", f'<script src="{RELOAD_PATH}"></script></body>'.encode()),
                    "text/html; charset=utf-8",
                )
            if local.suffix == ".html" and local.is_file() and path.endswith(("/", ".html")):
                page = local.read_bytes().replace(
                    b"</body>", f'<script src="{RELOAD_PATH}"></script></body>'.encode(), 1
                )
                if preview.failure is not None:
                    page = _BODY.sub(lambda found: found.group(0) + _failure_banner(preview.failure), page, count=1)
                return self._send(page, "text/html; charset=utf-8")
            return super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def serve(args: argparse.Namespace) -> int:
    project = Path.cwd()
    preview = Preview(project, args.data, today=args.today)
    preview.rebuild()
    preview.site_dir.mkdir(parents=True, exist_ok=True)
    host, _, port = str(args.dev_addr).rpartition(":")
    server = _Server(
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
