"""Preview benchmark (not a test): how long `serve` takes to show the pages again after one
data file is edited, on a synthetic territory (10x the demo by default).

    python benchmarks/bench_serve.py [--scale 10] [--repeat 3]

Prints the first (full) build, then for each repeat the time until the rebuilt pages are
served (what the person editing waits for: the open page reloads then) and until the PDFs,
open data and search index are rewritten too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.synthetic import generate
    from generator.serve import Preview

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = generate(work / "territory", args.scale) if args.scale > 1 else ROOT / "data"
        preview = Preview(ROOT, data, site_dir=work / "served", scratch=work / "scratch", today=TODAY)
        preview.rebuild()
        first = dict(preview.timings)
        actor = sorted((data / "actors").glob("*.yaml"))[len(list((data / "actors").glob("*.yaml"))) // 2]
        rows = []
        for n in range(args.repeat):
            text = actor.read_text(encoding="utf-8")
            actor.write_text(text.replace("summary: ", f"summary: Modifié {n}. ", 1), encoding="utf-8")
            preview.rebuild()
            rows.append(dict(preview.timings))
    print(f"\nserve x{args.scale}: first build {first['total']:.2f} s; one actor edited ({actor.name}):")
    for n, row in enumerate(rows, 1):
        print(f"  edit {n}: pages served after {row['pages']:.2f} s, everything after {row['total']:.2f} s")
    best = min(r["pages"] for r in rows)
    print(f"best: {best:.2f} s until the pages are served (target ≤ 3 s at 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
