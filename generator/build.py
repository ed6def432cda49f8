"""The build pipeline: validate, render everything into a staging folder, publish in one rename.

Nothing is written next to the published site until every stage has succeeded; a failure at
any point (invalid data, an exception, a full disk) leaves the previous site as it was.
"""

from __future__ import annotations

import shutil
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
    build_site(paths.config, docs, built)
    for write_files in SITE_WRITERS:
        write_files(context, built)
    return built


def publish(built: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``built`` with renames only (same filesystem)."""
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
