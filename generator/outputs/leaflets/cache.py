"""A content-addressed cache of compiled PDFs, outside the site, so that a rebuild (``serve``
after one edit, or the same build again) compiles only the documents whose input changed.

The key is a SHA-256 of everything a compilation reads: the template sources, the font files,
the typst package (version and binary), this engine's code and settings (PDF profile), the
creation date and the JSON document. Same key, same bytes: a hit returns exactly what a
compilation would, so the cache never changes an output. Each entry starts with a line that
holds the SHA-256 of its key and its PDF together (:func:`seal`): an entry damaged on disk,
truncated, or swapped for another document's (the Hamois leaflet under Ciney's key) does not
match, is removed, and the document is compiled again; any other doubt (an unreadable entry)
is a miss too. Entries are written atomically (a temporary file renamed into place), the
folder is kept under a size bound (least recently used first), and any error of the cache
itself only costs a compilation, never the build.

``MAILLAGE_LEAFLET_CACHE``: ``0``, ``off``, ``no`` or ``false`` disables the cache; a path
moves it (default: ``$XDG_CACHE_HOME/maillage/leaflets``, else ``~/.cache/maillage/leaflets``).
``MAILLAGE_LEAFLET_CACHE_MB`` sets the size bound (default 1024).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import tempfile
import time
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Final

import typst

from .. import typesetting
from . import engine

CACHE_ENV: Final = "MAILLAGE_LEAFLET_CACHE"
SIZE_ENV: Final = "MAILLAGE_LEAFLET_CACHE_MB"
DEFAULT_MB: Final = 1024
OFF: Final = frozenset({"0", "off", "no", "false"})
# Bumped by hand if the way a PDF is made changes outside the files hashed below.
LAYOUT: Final = "1"


def _hash_file(digest: hashlib._Hash, path: Path, label: str) -> None:
    digest.update(f"{label}\0{path.stat().st_size}\0".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)


@cache
def salt() -> str:
    """The hash of everything but the document that a compilation depends on (once a process)."""
    digest = hashlib.sha256(f"maillage-leaflets\0{LAYOUT}\0{engine.PDF_STANDARD}\0".encode())
    digest.update(f"typst\0{version('typst')}\0".encode())
    package = Path(typst.__file__).resolve().parent
    for path in sorted(package.iterdir()):
        if path.is_file() and path.suffix in {".so", ".pyd", ".py"}:
            _hash_file(digest, path, f"typst/{path.name}")
    _hash_file(digest, Path(engine.__file__), "engine.py")
    _hash_file(digest, Path(typesetting.__file__), "typesetting.py")
    for path in sorted(engine.TEMPLATES.rglob("*")):
        if path.is_file():
            _hash_file(digest, path, f"templates/{path.relative_to(engine.TEMPLATES).as_posix()}")
    for number, folder in enumerate(typesetting.font_folders()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in {".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2"}:
                _hash_file(digest, path, f"fonts{number}/{path.relative_to(folder).as_posix()}")
    return digest.hexdigest()


SEAL: Final = b"maillage-pdf-cache sha256="


def _digest(key: str, pdf: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii") + b"\0" + pdf).hexdigest().encode("ascii")


def seal(key: str, pdf: bytes) -> bytes:
    """A cache entry: a first line with the SHA-256 of ``key`` and ``pdf`` together, then the PDF."""
    return SEAL + _digest(key, pdf) + b"\n" + pdf


def unseal(key: str, entry: bytes) -> bytes | None:
    """The PDF of an entry stored under ``key``, or None if it is not the one sealed there."""
    head, newline, pdf = entry.partition(b"\n")
    if not newline or not head.startswith(SEAL) or not pdf.startswith(b"%PDF-"):
        return None
    if not hmac.compare_digest(head.removeprefix(SEAL), _digest(key, pdf)):
        return None
    return pdf


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "maillage" / "leaflets"


class PdfCache:
    """PDFs by key under ``folder``, at most about ``max_bytes`` of them."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MB * 2**20) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.dropped = 0  # entries found damaged or swapped, removed

    @classmethod
    def from_environment(cls) -> PdfCache | None:
        """The cache the environment asks for (see the module's doc), or None when disabled."""
        setting = os.environ.get(CACHE_ENV, "").strip()
        if setting.lower() in OFF:
            return None
        size = os.environ.get(SIZE_ENV, "").strip()
        megabytes = int(size) if size.isdigit() else DEFAULT_MB
        if megabytes == 0:
            return None
        return cls(Path(setting).expanduser() if setting else default_folder(), megabytes * 2**20)

    @staticmethod
    def key(template: str, document: str, stamp: int) -> str:
        digest = hashlib.sha256(f"{salt()}\0{template}\0{stamp}\0".encode())
        digest.update(document.encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        """The PDF stored under ``key``, or None; an entry that does not match its seal is
        removed (and the caller compiles the document and puts it back)."""
        path = self._path(key)
        try:
            entry = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        pdf = unseal(key, entry)
        if pdf is None:
            self.misses += 1
            self.dropped += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        self.hits += 1
        return pdf

    def put(self, key: str, pdf: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pdf")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(seal(key, pdf))
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a cache that cannot write is a cache that misses

    def prune(self) -> None:
        """Remove the least recently used entries until the folder holds at most ``max_bytes``
        (and leftovers of interrupted writes)."""
        entries: list[tuple[float, int, Path]] = []
        try:
            for path in self.folder.glob("*/*.pdf"):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if path.name.startswith(".tmp-"):
                    if stat.st_mtime < time.time() - 3600:  # not one being written now
                        path.unlink(missing_ok=True)
                    continue
                entries.append((stat.st_mtime, stat.st_size, path))
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            try:
                path.unlink(missing_ok=True)
            except OSError:
                continue
            total -= size
