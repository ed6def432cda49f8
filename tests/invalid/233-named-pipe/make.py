"""A data file that is a symbolic link to nothing: a FIFO, which would block a reader: refused, never read."""

from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    os.mkfifo(root / "data" / "events" / "tube.yaml")
