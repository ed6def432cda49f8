"""Saves an actor with a BOM and Windows line ends, `kind` written twice on line 4."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "actors" / "pcs-hamois.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "kind: association")
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
