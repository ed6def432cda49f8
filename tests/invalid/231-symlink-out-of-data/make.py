"""A data file that is a symbolic link to a valid file outside data/: refused, never read."""

from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "actors" / "cpas-ciney.yaml"
    outside = root / "ailleurs.yaml"
    path.rename(outside)
    os.symlink("../../ailleurs.yaml", path)  # relative: the message is the same everywhere
