"""Saves a circuit with a BOM and CRLF line ends, plus one error: positions stay exact."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "circuits" / "epicerie-mardi.yaml"
    text = path.read_text(encoding="utf-8").replace("type: grocery", "type: epicerie")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
