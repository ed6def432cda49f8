"""Writes an actor file of about 1.2 MB: refused before it is parsed."""

from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    path = root / "data" / "actors" / "cpas-ciney.yaml"
    text = path.read_text(encoding="utf-8")
    filler = "  Une ligne de description répétée pour grossir le fichier.\n" * 20_000
    path.write_text(text.replace("description: |\n", "description: |\n" + filler), encoding="utf-8")
