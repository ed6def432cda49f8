"""The build pipeline: validate, render everything into a staging folder, publish in one rename.

Nothing is written next to the published site until every stage has succeeded; a failure at
any point (invalid data, an exception, a full disk) leaves the previous site as it was. The
finished site then takes the place of the old one in a single rename (see ``publish``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO, Any

from .outputs import DOC_WRITERS, SITE_WRITERS, TYPESETS, RenderContext
from .site import build_site, site_settings
from .validate import Validation


@dataclass(frozen=True)
class BuildPaths:
    """Where the inputs are and where the site goes."""

    project: Path  # holds mkdocs.yml, content/, overrides/
    site_dir: Path
    data: Path | None = None  # the data folder, never to be inside the site folder

    @property
    def config(self) -> Path:
        return self.project / "mkdocs.yml"

    @property
    def content(self) -> Path:
        return self.project / "content"


def render(validation: Validation, paths: BuildPaths, staging: Path) -> Path:
    """Render the whole site into ``staging``; return the built site folder.

    The PDFs (leaflets, yearly reports: most of a big build's CPU) are typeset in a second
    process, started first and writing into a folder of its own, then moved into the site.
    Meanwhile this process writes the page sources, runs MkDocs, then the other outputs
    (feeds, search index, open data). At 30x on two cores this process's part ends after
    about 33 s, the PDFs after about 42 s. The files are the same as in one process; an error in either is
    raised here, and an error here stops the other process at once."""
    context = RenderContext(validation.dataset, validation.today, site_settings(paths.config))
    _ = context.occurrences  # the one schedule, expanded once, before the second process forks
    built, files = staging / "site", staging / "files"
    files.mkdir()
    printed = [w for w in SITE_WRITERS if w in TYPESETS]

    def typeset() -> None:
        for writer in printed:
            writer(context, files)

    other = Beside(typeset)
    try:
        docs = staging / "docs"
        shutil.copytree(paths.content, docs)
        for write_docs in DOC_WRITERS:
            write_docs(context, docs)
        build_site(paths.config, docs, built, validation.today)
        for writer in SITE_WRITERS:
            if writer not in printed:
                writer(context, built)
    except BaseException:
        other.stop()
        raise
    other.wait()
    _move_into(files, built)
    return built


class Beside:
    """``work`` started in a forked process: :meth:`wait` for it (raising its exception, if
    any) or :meth:`stop` it. Where processes cannot be forked, the work is done at once."""

    def __init__(self, work: Callable[[], None]) -> None:
        self._child: BaseProcess | None = None
        self._receive: Connection | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            work()
            return
        forking = multiprocessing.get_context("fork")
        self._receive, send = forking.Pipe(duplex=False)
        self._child = forking.Process(target=_run_and_report, args=(work, send), daemon=True)
        self._child.start()
        send.close()

    def wait(self) -> None:
        child, receive = self._child, self._receive
        if child is None or receive is None:
            return
        self._child = self._receive = None
        try:
            outcome = receive.recv()
        except EOFError:
            outcome = RuntimeError(f"le processus des fichiers s'est arrêté (code {child.exitcode})")
        finally:
            child.join()
            receive.close()
        if isinstance(outcome, BaseException):
            raise outcome

    def stop(self) -> None:
        child, receive = self._child, self._receive
        if child is None or receive is None:
            return
        self._child = self._receive = None
        child.terminate()
        child.join()
        receive.close()


def _run_and_report(work: Callable[[], None], send: Connection) -> None:
    outcome: BaseException | None = None
    try:
        work()
    except BaseException as exc:  # reported to the parent, which raises it
        outcome = exc
    try:
        send.send(outcome)
    except Exception:  # an exception that cannot be pickled: its words still reach the parent
        send.send(RuntimeError(f"{type(outcome).__name__} : {outcome}"))
    send.close()


def _move_into(source: Path, target: Path) -> None:
    """Move every file of ``source`` to the same place under ``target``."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one system call (Linux ``renameat2`` with ``RENAME_EXCHANGE``);
    False where the system or the file system cannot, and nothing was changed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def publish(built: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``built`` (same file system).

    Where the system allows it, the two folders are swapped in one rename, so that a visitor
    or a web server never sees a missing or half-written site; elsewhere the old site is
    moved aside, the new one moved in, and the old one put back if that fails."""
    if site_dir.exists() and _exchange(built, site_dir):
        shutil.rmtree(built, ignore_errors=True)  # now the previous site
        return
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old")
        if old.exists():
            shutil.rmtree(old)
        site_dir.rename(old)
    try:
        built.rename(site_dir)
    except OSError:
        if old is not None:
            old.rename(site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# --- where a site may be published ---------------------------------------------------------

# Written at the top of every site this build publishes: a folder holding it is one the next
# build may replace. A folder without it is refused unless empty (see ``refusal``).
MARKER = ".maillage-site"
MARKER_TEXT = (
    "Ce dossier est un site publié par Maillage (python -m generator build) : chaque construction le remplace.\n"
    "This folder is a site published by Maillage: each build replaces it.\n"
)


class SiteDirRefused(Exception):
    """The site folder is one the build must not replace; ``code`` and ``context`` are worded
    by ``messages.describe``."""

    def __init__(self, code: str, **context: Any) -> None:
        super().__init__(code)
        self.code = code
        self.context = context


def refusal(paths: BuildPaths) -> SiteDirRefused | None:
    """Why ``paths.site_dir`` must not be replaced, or None when it may be: absent, an empty
    folder, or a site an earlier build published (it holds :data:`MARKER`). A folder that
    holds the project, the data or their parents is refused even with a marker in it."""
    site_dir = paths.site_dir
    shown = str(site_dir)
    if site_dir.is_symlink() and not site_dir.exists():
        return SiteDirRefused("site_dir_not_folder", path=shown)
    target = site_dir.resolve()
    precious = [paths.project.resolve()]
    data = paths.data.resolve() if paths.data is not None else None
    if data is not None:
        precious.append(data)
    for kept in precious:
        if target == kept or target in kept.parents:  # replacing it would delete the project or data
            return SiteDirRefused("site_dir_holds_project", path=shown, kept=str(kept))
    if data is not None and data in target.parents:  # a site inside data/ would be read as data
        return SiteDirRefused("site_dir_holds_project", path=shown, kept=str(data))
    if not target.exists():
        return None
    if not target.is_dir():
        return SiteDirRefused("site_dir_not_folder", path=shown)
    try:
        with os.scandir(target) as entries:
            names = {entry.name for entry in entries}
    except OSError as exc:
        return SiteDirRefused("site_dir_unreadable", path=shown, reason=exc.strerror or str(exc))
    if not names:
        return None
    marker = target / MARKER
    if MARKER in names and marker.is_file() and not marker.is_symlink():
        return None
    return SiteDirRefused("site_dir_not_site", path=shown, marker=MARKER)


# --- leftovers of interrupted builds -------------------------------------------------------

LOCK = ".lock"
STALE_SECONDS = 60  # a staging folder without its lock this old was never going to get one


def _hold(staging: Path) -> IO[bytes]:
    """Lock ``staging`` as in use for as long as the returned file stays open (the system
    releases the lock when the process ends, however it ends)."""
    handle = (staging / LOCK).open("wb")
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _in_use(folder: Path) -> bool:
    try:
        handle = (folder / LOCK).open("rb")
    except FileNotFoundError:  # a build of an older version, or one killed as it began
        try:
            return time.time() - folder.lstat().st_mtime < STALE_SECONDS
        except OSError:
            return True
    except OSError:
        return True
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True  # another build is writing into it now
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Remove the staging folders (``.<site>-build-*``) and the moved-aside old site
    (``.<site>-old``) that interrupted builds left beside ``site_dir``; a concurrent build's
    staging folder is locked, and kept. Returns what was removed."""
    removed: list[Path] = []
    try:
        siblings = sorted(site_dir.parent.iterdir())
    except OSError:
        return removed
    prefix, old = f".{site_dir.name}-build-", f".{site_dir.name}-old"
    for path in siblings:
        if not (path.name.startswith(prefix) or path.name == old):
            continue
        if path.is_symlink() or not path.is_dir():
            continue
        if path.name == old:
            with contextlib.suppress(OSError):
                if time.time() - path.lstat().st_mtime < STALE_SECONDS:
                    continue
        elif _in_use(path):
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
    return removed


def build(validation: Validation, paths: BuildPaths) -> None:
    """Render into a staging folder beside the site, then publish it.

    Raises :class:`SiteDirRefused`, before anything is written, when the site folder is not
    one a build may replace."""
    refused = refusal(paths)
    if refused is not None:
        raise refused
    site_dir = paths.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        with _hold(staging):
            built = render(validation, paths, staging)
            (built / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            refused = refusal(paths)  # the folder may have changed while the site was built
            if refused is not None:
                raise refused
            publish(built, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
