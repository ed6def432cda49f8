"""The build pipeline: validate, render everything into a staging folder, publish in one rename.

Nothing is written next to the published site until every stage has succeeded; a failure at
any point (invalid data, an exception, a full disk) leaves the previous site as it was. The
finished site then takes the place of the old one in a single rename (see ``publish``).
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from .outputs import DOC_WRITERS, SITE_WRITERS, TYPESETS, RenderContext
from .site import build_site, site_settings
from .validate import Validation


@dataclass(frozen=True)
class BuildPaths:
    """Where the inputs are and where the site goes."""

    project: Path  # holds mkdocs.yml, content/, overrides/
    site_dir: Path

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


def build(validation: Validation, paths: BuildPaths) -> None:
    """Render into a staging folder beside the site, then publish it."""
    site_dir = paths.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        built = render(validation, paths, staging)
        publish(built, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
