"""The site's Content-Security-Policy: what a page may load and run, and from where.

Every script is a file served by the site itself (no inline script, no ``eval``, no
WebAssembly since the search runs in plain JavaScript), style sheets and fonts come from the site, and the only other origin is the map tile
host of ``extra.map_tiles`` in mkdocs.yml, for images, fetched after the visitor asks for a
map. ``style`` attributes are allowed (the observatory's charts size themselves with one;
Leaflet sets positions through them): they cannot run a script, and any ``url()`` in them is
still held to ``img-src``. Data never reaches them: every attribute value is escaped.

The same policy goes to the page as ``<meta http-equiv>`` (printed by overrides/main.html
from ``site.json``) and to the host (content/_headers, docs/hosting.md). The header adds
``frame-ancestors``, which browsers ignore (with a console error) in a meta tag.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def tile_source(template: str) -> str:
    """The CSP source of a Leaflet tile URL template: its origin, ``{s}`` as a wildcard."""
    if not template:
        return ""
    parts = urlsplit(template.replace("{s}", "*"))
    if parts.scheme != "https" or not parts.netloc or "{" in parts.netloc:
        return ""
    return f"https://{parts.netloc}"


def policy(settings: dict[str, Any], *, header: bool = False) -> str:
    """The policy for the site of these mkdocs.yml ``settings``; ``header`` for the host's."""
    extra = settings.get("extra") or {}
    tiles = tile_source(str(extra.get("map_tiles") or ""))
    directives = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:" + (f" {tiles}" if tiles else ""),
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)
