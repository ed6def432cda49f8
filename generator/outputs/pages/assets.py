"""Vendored front-end files copied into the docs folder at build time: the Atkinson
Hyperlegible typeface (woff2, from npm's @fontsource package), Leaflet and MiniSearch (npm). Nothing
is fetched from a CDN; a missing ``node_modules`` stops the build with what to run."""

from __future__ import annotations

import shutil
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"
FONT_FILES = [
    f"atkinson-hyperlegible-{subset}-{weight}-{style}.woff2"
    for subset in ("latin", "latin-ext")
    for weight in ("400", "700")
    for style in ("normal", "italic")
]
LEAFLET_FILES = [
    "leaflet.js",
    "leaflet.css",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
]


class MissingAssets(RuntimeError):
    """node_modules lacks a vendored package: run `npm ci` (done by `make site`)."""


def _copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise MissingAssets(f"{source} manque : lancez `npm ci` (ou `make site`) à la racine du projet.")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def copy_assets(docs: Path, node_modules: Path = NODE_MODULES) -> None:
    fonts = node_modules / "@fontsource" / "atkinson-hyperlegible" / "files"
    for name in FONT_FILES:
        _copy(fonts / name, docs / "assets" / "fonts" / name)
    _copy(fonts.parent / "LICENSE", docs / "assets" / "fonts" / "LICENSE.txt")
    leaflet = node_modules / "leaflet" / "dist"
    for name in LEAFLET_FILES:
        _copy(leaflet / name, docs / "assets" / "vendor" / "leaflet" / name)
    _copy(node_modules / "leaflet" / "LICENSE", docs / "assets" / "vendor" / "leaflet" / "LICENSE.txt")
    minisearch = node_modules / "minisearch"
    _copy(minisearch / "dist" / "umd" / "index.js", docs / "assets" / "vendor" / "minisearch" / "minisearch.js")
    _copy(minisearch / "LICENSE.txt", docs / "assets" / "vendor" / "minisearch" / "LICENSE.txt")
