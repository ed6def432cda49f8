"""The only module that imports MkDocs: a thin adapter from a docs folder to a built site.

Keeping MkDocs behind this one module means that changing site builder (Material for MkDocs
announces its end of life for 2027) touches this file, not the generator.

Two things are added to a plain MkDocs build. ``RawPages`` hands the body of a page whose
front matter says ``maillage: raw`` to the theme as finished HTML, so that MkDocs' Markdown
never reads text from data (the pages module escaped and sanitised it already).
``docs/.maillage/site.json`` (written by the pages module; MkDocs skips dot folders) is
exposed to the templates as ``config.extra.maillage``, and sets the theme's language.

MkDocs dates the sitemap (``lastmod`` and the gzip header) from ``SOURCE_DATE_EPOCH``, else
the clock. When the variable is not set, the build's "today" (midnight UTC) stands in for it
during the build, so that the same data and "today" give the same bytes on any day.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

SITE_JSON = Path(".maillage") / "site.json"


def site_settings(config_file: Path) -> dict[str, Any]:
    """The few mkdocs.yml settings the generator needs (site_url, repo_url, edit_uri, extra)."""
    config = load_config(config_file=str(config_file))
    return {
        "site_url": config.get("site_url") or "",
        "repo_url": config.get("repo_url") or "",
        "edit_uri": config.get("edit_uri") or "",
        "extra": dict(config.get("extra") or {}),
    }


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: the preview rebuilds the site many
    times, and compiling Material's templates again was a fifth of a rebuild. Jinja keys each
    entry by the template's name and a checksum of its source, so an edited template in
    ``overrides/`` is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


class RawPages(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Pages whose front matter says ``maillage: raw`` are finished HTML: skip Markdown.
    Also hands MkDocs' template environment the process's compiled templates."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: dict[str, str] = {}

    def on_env(self, env: jinja2.Environment, **_: Any) -> jinja2.Environment:
        env.bytecode_cache = _TEMPLATES
        return env

    def on_page_markdown(self, markdown: str, page: Any, **_: Any) -> str:
        if page.meta.get("maillage") == "raw":
            self.bodies[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, page: Any, **_: Any) -> str:
        return self.bodies.pop(page.file.src_uri, html)


@contextmanager
def build_date(today: date | None) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` to ``today`` for MkDocs, unless the caller set it already."""
    if today is None or os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        yield
        return
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    midnight = datetime(today.year, today.month, today.day, tzinfo=UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def build_site(
    config_file: Path, docs_dir: Path, site_dir: Path, today: date | None = None, *, dirty: bool = False
) -> None:
    """Build ``docs_dir`` with the settings of ``config_file`` into ``site_dir``.

    ``dirty`` (the preview's rebuilds) renders only the pages whose source is newer than
    their output, MkDocs' own ``--dirty``: the caller must have rewritten exactly the
    sources that changed, and build in full when the navigation or the theme changed."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir))
    shared = docs_dir / SITE_JSON
    if shared.is_file():
        data = json.loads(shared.read_text(encoding="utf-8"))
        config["extra"]["maillage"] = data
        if data.get("language"):
            config["theme"]["language"] = data["language"]
    config["plugins"]["maillage-raw-pages"] = RawPages()
    with build_date(today):
        if dirty:
            # MkDocs warns that a dirty build may leave the navigation stale: the preview
            # builds in full whenever anything but page bodies changed, so the warning is moot.
            logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)
        mkdocs_build(config, dirty=dirty)
