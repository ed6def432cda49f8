"""Feed benchmark (not a test): how long writing every calendar feed takes, on the demo and on
synthetic territories N times its size (benchmarks/synthetic.py), with the feeds' sizes.

    python benchmarks/bench_feeds.py [--scales 1,30] [--repeat 3] [--out bench-feeds]

Scale 1 is the demo folder itself (in the repository: its git history is read); larger scales
are generated into a temporary folder outside git (SEQUENCE 0), as a fresh checkout of a big
territory would not be. Each scale runs in its own process, so that caches and peak memory
(``ru_maxrss``) are that scale's own. Reported per scale:

- ``validate`` and ``schedule``: what a build has done before the feeds (shared with pages and
  leaflets, not counted as feed time);
- ``revisions``: reading the data folder's git history (three git processes);
- ``feeds_cold``: ``render_feeds`` the first time (entries, VEVENTs, families, files);
- ``feeds_warm``: the best of ``--repeat`` further runs (caches of descriptions and rules warm);
- ``write``: writing the files into an empty folder;
- the number of feeds, their total and largest size, how many are over Google's 1 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)


def _seconds(action: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return round(time.perf_counter() - start, 3), result


def measure(data: Path, repeat: int, work: Path) -> dict[str, Any]:
    """Every number of one scale (run in a process of its own)."""
    from generator.outputs import RenderContext
    from generator.outputs.feeds import render_feeds, write_feeds
    from generator.revisions import file_revisions
    from generator.site import site_settings
    from generator.validate import validate

    row: dict[str, Any] = {}
    row["validate"], validation = _seconds(lambda: validate(data, today=TODAY))
    assert validation.ok, "the territory is invalid"
    context = RenderContext(validation.dataset, validation.today, site_settings(ROOT / "mkdocs.yml"))
    row["schedule"], _ = _seconds(lambda: context.occurrences)
    row["revisions"], found = _seconds(lambda: file_revisions(data))
    row["files_in_git"] = len(found)
    row["feeds_cold"], feeds = _seconds(lambda: render_feeds(context))
    row["feeds_warm"] = min(_seconds(lambda: render_feeds(context))[0] for _ in range(repeat))
    row["write"], _ = _seconds(lambda: write_feeds(context, work / "site"))
    sizes = sorted(len(content) for content in feeds.values())
    row.update(
        series=len(context.series),
        occurrences=sum(len(o) for o in context.occurrences.values()),
        feeds=len(feeds),
        total_mb=round(sum(sizes) / 1e6, 2),
        largest_kb=round(sizes[-1] / 1e3, 1),
        over_1mb=sum(size > 1_000_000 for size in sizes),
        peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    return row


def one_scale(scale: int, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"bench-feeds-{scale}-") as folder:
        work = Path(folder)
        if scale == 1:
            data = ROOT / "data"
        else:
            from benchmarks.synthetic import generate

            data = generate(work / "territory", scale)
        return {"scale": scale, **measure(data, repeat, work)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,30")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="folder for results.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one scale, in this process
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(one_scale(args.one, args.repeat)))
        return 0
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(scale), "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}
    print(json.dumps({"machine": machine}))
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "results.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
