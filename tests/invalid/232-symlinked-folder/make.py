"""A data file that is a symbolic link to another folder (the notices/ folder): refused, never read."""

from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    folder = root / "data" / "notices"
    folder.rename(root / "avis-ailleurs")
    os.symlink("../avis-ailleurs", folder)  # relative: the message is the same everywhere
