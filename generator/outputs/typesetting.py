"""What every PDF renderer shares (the leaflets and the yearly reports): the fonts, taken only
from pinned PyPI packages — never the machine's, so that every machine prints the same — and
how many documents Typst compiles at once."""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Final

import typst

# Environment variable: how many documents are compiled at once (1: one after the other).
WORKERS_ENV: Final = "MAILLAGE_LEAFLET_WORKERS"


def font_folders() -> list[Path]:
    """Atkinson Hyperlegible (the text face), then Noto for what it lacks: Arabic, Hebrew and
    other scripts, symbols, and the monochrome Noto Emoji (prints well in black and white)."""
    # Located, not imported: the font packages hold data files only.
    return [Path(str(files("fontpkg_atkinson_hyperlegible"))) / "files", Path(str(files("manimgx_fonts")))]


@cache
def fonts() -> typst.Fonts:
    # Typst's own embedded fonts are left out too: every face in a PDF comes from a package we pin.
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(folder) for folder in font_folders()],
    )


def worker_count(jobs: int | None = None) -> int:
    """Documents compiled at once: ``MAILLAGE_LEAFLET_WORKERS`` if set, else one per core
    this process may use; never more than the jobs."""
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting.isdigit() and int(setting) > 0:
        count = int(setting)
    else:
        try:
            count = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            count = os.cpu_count() or 1
    return max(1, min(count, jobs)) if jobs is not None else max(1, count)
