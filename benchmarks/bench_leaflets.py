"""Benchmark (not a test): time to make every printed leaflet of the demo, then of a territory
30 times as large (each commune, actor, place, event and circuit copied 30 times under new ids).

    python benchmarks/bench_leaflets.py [--factor 30]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.outputs import RenderContext  # noqa: E402
from generator.outputs.leaflets import render_leaflets  # noqa: E402
from generator.validate import validate  # noqa: E402

TODAY = date(2026, 11, 23)


def scaled_copy(source: Path, target: Path, factor: int) -> None:
    """The demo ``factor`` times: copy k renames every id (and every reference) with a ``-k`` suffix."""
    territory = (source / "territory.yaml").read_text(encoding="utf-8")
    ids = set(re.findall(r"id: ([a-z0-9-]+)", territory))
    for path in source.glob("*/*.yaml"):
        ids.add(path.stem)
    pattern = re.compile(
        r"(?<![\w.@/-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w.@-])"
    )
    head, communes = territory.split("communes:\n", 1)
    commune_ids = re.findall(r"^  - id: ([a-z0-9-]+)", communes, re.MULTILINE)

    def communes_of(k: int) -> str:
        return ", ".join(f"{c}-{k}" for c in commune_ids)

    (target / "territory.yaml").write_text(
        head + "communes:\n" + "".join(pattern.sub(rf"\1-{k}", communes) for k in range(factor)), encoding="utf-8"
    )
    for path in source.glob("*/*.yaml"):
        text = path.read_text(encoding="utf-8")
        (target / path.parent.name).mkdir(exist_ok=True)
        for k in range(factor):
            # An actor serving "all" of the demo serves its own copy's communes: each copy is a
            # territory of the demo's density, not 30 times as many actors in every leaflet.
            copy = pattern.sub(rf"\1-{k}", text).replace("area: [all]", f"area: [{communes_of(k)}]")
            (target / path.parent.name / f"{path.stem}-{k}.yaml").write_text(copy, encoding="utf-8")


def run(data: Path, label: str) -> None:
    started = time.perf_counter()
    validation = validate(data, today=TODAY)
    assert validation.ok, validation.errors[:3]
    context = RenderContext(validation.dataset, validation.today, {"site_url": "https://maillage.example/"})
    loaded = time.perf_counter()
    pdfs = render_leaflets(context)
    done = time.perf_counter()
    size = sum(map(len, pdfs.values())) / 1e6
    print(
        f"{label}: {len(context.dataset.actors)} actors, {len(pdfs)} PDFs ({size:.1f} MB): "
        f"load+check {loaded - started:.1f} s, leaflets {done - loaded:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, default=30)
    args = parser.parse_args()
    run(ROOT / "data", "demo")
    folder = Path(tempfile.mkdtemp())
    try:
        scaled_copy(ROOT / "data", folder, args.factor)
        run(folder, f"{args.factor}x")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
