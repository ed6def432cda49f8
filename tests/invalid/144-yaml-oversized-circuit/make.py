"""Writes a circuit file of about 1.5 MB (a comment pasted 30 000 times): refused unread."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "circuits" / "epicerie-mardi.yaml"
    filler = "# Arrêt supplémentaire à confirmer avec la commune, voir le courriel.\n" * 22_000
    path.write_text(path.read_text(encoding="utf-8") + filler, encoding="utf-8")
