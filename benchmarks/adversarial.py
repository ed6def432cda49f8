"""A 900 KB actor file made of the worst inputs of every pattern that reads data text.

Each translation of its description (one per made-up language code, each under the 20,000
characters a Markdown text may hold) repeats one input that makes a backtracking pattern
slow: letters before an `@` with no domain (the e-mail finder was quadratic on it: 36 s),
dotted labels, hyphens, runs of digits with separators, dates, phone numbers by the
thousand (the phone matcher's budget), brackets, colons, link prefixes. ``check`` must give
its verdict on it within 2 s (tests/test_hostile_files.py; ``make bench-check`` prints the time).
"""

from __future__ import annotations

import itertools
import json
import string
from pathlib import Path

LENGTH = 19_500
WORST = [
    "a" * (LENGTH - 1) + "@",
    "a@" * (LENGTH // 2),
    "a." * (LENGTH // 2) + "@",
    "x@" + "a-" * (LENGTH // 2),
    "x@" + "a." * (LENGTH // 2),
    "x@a." + "a" * (LENGTH - 5) + "1",
    "1 " * (LENGTH // 2),
    "1." * (LENGTH // 2),
    "0470 12 34 56, " * (LENGTH // 15),
    "2026-12-08, " * (LENGTH // 12),
    "+" * LENGTH,
    "1" + " ." * (LENGTH // 2),
    "http://" * (LENGTH // 7),
    "[" * LENGTH,
    ":" * LENGTH,
]
BASE = """id: adversaire
name: Adversaire
kind: association
themes: [lien-social]
audiences: [all]
summary: Un fichier fait des pires textes pour chaque motif.
area: [all]
contact:
  phone: 083 21 00 99
access:
  cost: free
verified:
  on: 2026-10-01
  by: Maison citoyenne
  how: phone
description:
"""


def codes() -> list[str]:
    return ["".join(pair) for pair in itertools.product(string.ascii_lowercase, repeat=2)]


def write_adversarial(data_dir: Path, size: int = 900_000) -> Path:
    """Write ``data_dir/actors/adversaire.yaml``, about ``size`` bytes; return its path."""
    lines = [BASE]
    written = len(BASE)
    for code, text in zip(codes(), itertools.cycle(WORST), strict=False):
        line = f"  {code}: {json.dumps(text)}\n"
        if written + len(line) > size:
            break
        lines.append(line)
        written += len(line)
    path = data_dir / "actors" / "adversaire.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path
