"""Replaces a place file with binary junk (an image saved under a .yaml name)."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    junk = b"id: salle-natoye\nname: Salle\x00\x01\x02\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n"
    (root / "data" / "places" / "salle-natoye.yaml").write_bytes(junk)
