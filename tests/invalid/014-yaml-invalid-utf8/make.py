"""Writes a notice in Latin-1 after an accented UTF-8 word: the column counts characters."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "notices" / "plan-grand-froid-2026.yaml"
    text = path.read_text(encoding="utf-8")
    # "Grand Froid" stays UTF-8 up to "Abris", then "dès" is written as Latin-1.
    head, tail = text.split("Abris de nuit ouverts chaque soir dès", 1)
    raw = head.encode("utf-8") + "Abris de nuit ouverts, prévenez chaque soir d".encode() + "ès".encode("latin-1")
    path.write_bytes(raw + tail.encode("utf-8"))
