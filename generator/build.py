"""The build pipeline: validate, render everything into a staging folder, publish in one rename.

Nothing is written next to the published site until every stage has succeeded; a failure at
any point (invalid data, an exception, a full disk) leaves the previous site as it was. The
finished site then takes the place of the old one in a single rename (see ``publish``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .outputs import DOC_WRITERS, SITE_WRITERS, RenderContext
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
    """Render the whole site into ``staging``; return the built site folder."""
    context = RenderContext(validation.dataset, validation.today, site_settings(paths.config))
    docs = staging / "docs"
    shutil.copytree(paths.content, docs)
    for write_docs in DOC_WRITERS:
        write_docs(context, docs)
    built = staging / "site"
    build_site(paths.config, docs, built, validation.today)
    for write_files in SITE_WRITERS:
        write_files(context, built)
    return built


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
