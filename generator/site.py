"""The only module that imports MkDocs: a thin adapter from a docs folder to a built site.

Keeping MkDocs behind this one module means that changing site builder (Material for MkDocs
announces its end of life for 2027) touches this file, not the generator.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


def site_settings(config_file: Path) -> dict[str, Any]:
    """The few mkdocs.yml settings the generator needs (site_url, repo_url, edit_uri, extra)."""
    config = load_config(config_file=str(config_file))
    return {
        "site_url": config.get("site_url") or "",
        "repo_url": config.get("repo_url") or "",
        "edit_uri": config.get("edit_uri") or "",
        "extra": dict(config.get("extra") or {}),
    }


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
    """Build ``docs_dir`` with the settings of ``config_file`` into ``site_dir``."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir))
    mkdocs_build(config)
