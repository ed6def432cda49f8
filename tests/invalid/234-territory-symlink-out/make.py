"""A data file that is a symbolic link to a territory file outside data/: refused, never read."""

from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "territory.yaml"
    outside = root / "territoire-ailleurs.yaml"
    path.rename(outside)
    os.symlink("../territoire-ailleurs.yaml", path)  # relative: the same message everywhere
