"""QR codes as SVG text, for the leaflets' templates and the pages: one URL in, one SVG out.

Segno writes the symbol; medium error correction survives a creased or photocopied leaflet,
and the quiet zone of four modules is the one readers expect (ISO/IEC 18004).
"""

from __future__ import annotations

import io
from functools import lru_cache

import segno


@lru_cache(maxsize=4096)  # a rebuild in the same process (``serve``) reuses its codes
def qr_svg(url: str, scalable: bool = False) -> str:
    """The QR code of ``url`` as an SVG document (black, no XML declaration); ``scalable``:
    a viewBox instead of a width and height, for a page's stylesheet to size."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", border=4, xmldecl=False, svgns=True, omitsize=scalable
    )
    return buffer.getvalue().decode("utf-8")
