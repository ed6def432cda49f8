"""Writes the first bytes of a PNG image (with NUL bytes) as an event file."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    junk = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    (root / "data" / "events" / "atelier-cv-natoye.yaml").write_bytes(junk * 40)
