"""A data file that is a symbolic link to /dev/zero (endless): refused, never read."""

from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "actors" / "cpas-ciney.yaml"
    path.unlink()
    os.symlink("/dev/zero", path)
