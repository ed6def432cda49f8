"""Benchmark (not a test): time, CPU and peak memory to make every printed leaflet, on the
demo and on synthetic territories N times its size (``benchmarks/synthetic.py``, the
territories of ``bench_build.py``), broken down by kind of document.

    python benchmarks/bench_leaflets.py [--scales 1,10,30] [--factor 30] [--copy] [--cache]

Each scale runs in its own process, so that peak memory (``ru_maxrss``) is that scale's own.
Two runs per scale:

- **build**: what ``write_leaflets`` does (documents worded in one thread while one per core
  compile; no cache unless ``--cache``): wall time, CPU time (all threads; the machine may
  be shared, so compare CPU as well as wall), peak resident memory;
- **profile**: every document in this process, one after the other, to split the time by
  kind (commune leaflets, directory, route posters) into wording (Python) and compiling
  (Typst). Its CPU time is the work, whatever the machine's load.

``--copy`` uses this script's older territory instead: each copy's ``area: [all]`` actors
serve only that copy's communes, so leaflets keep the demo's length (the synthetic
territory's ``all`` actors serve every commune: each leaflet grows with N, all of them with
N²). ``--cache`` runs the build twice with a fresh cache: a cold, then a warm rebuild.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _context(data: Path) -> Any:
    from generator.outputs import RenderContext
    from generator.validate import validate

    validation = validate(data, today=TODAY)
    assert validation.ok, validation.errors[:3]
    context = RenderContext(validation.dataset, validation.today, {"site_url": "https://maillage.example/"})
    _ = context.occurrences  # the schedule is the schedule stage's, not the leaflets'
    return context


def build(data: Path, cache_folder: Path | None) -> dict[str, Any]:
    """The site writer's work (``generate``), each PDF thrown away once made, as written."""
    from generator.outputs.leaflets import PdfCache, generate

    context = _context(data)
    runs = []
    for label in ("cold", "warm") if cache_folder else ("build",):
        cache = PdfCache(cache_folder) if cache_folder else None
        cpu, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        count = size = 0
        for _, pdf in generate(context, cache=cache):
            count, size = count + 1, size + len(pdf)
        runs.append(
            {
                "run": label,
                "seconds": round(time.perf_counter() - start, 2),
                "cpu": round(_cpu(resource.RUSAGE_SELF) - cpu + _cpu(resource.RUSAGE_CHILDREN) - children, 2),
                "pdfs": count,
                "mb": round(size / 1e6, 1),
                "hits": cache.hits if cache else 0,
            }
        )
    return {
        "actors": len(context.dataset.actors),
        "communes": len(context.territory.communes),
        "runs": runs,
        "peak_mb": _peak_mb(),
    }


def profile(data: Path) -> dict[str, Any]:
    """Every document in this process: wording and compiling CPU time by kind."""
    from generator.outputs.leaflets import documents
    from generator.outputs.leaflets.engine import Engine, document_json, timestamp

    context = _context(data)
    engine, stamp = Engine(), timestamp(context.today)
    kinds: dict[str, dict[str, float]] = {}
    produced = documents(context)
    start = time.perf_counter()
    while True:
        before = time.process_time()
        try:
            _, template, data_ = next(produced)
        except StopIteration:
            break
        document = document_json(data_)
        worded = time.process_time()
        pdf = engine.pdf_from_json(template, document, stamp)
        compiled = time.process_time()
        kind = kinds.setdefault(template, {"n": 0, "word_cpu": 0.0, "typst_cpu": 0.0, "json_mb": 0.0, "pdf_mb": 0.0})
        kind["n"] += 1
        kind["word_cpu"] += worded - before
        kind["typst_cpu"] += compiled - worded
        kind["json_mb"] += len(document.encode()) / 1e6
        kind["pdf_mb"] += len(pdf) / 1e6
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "kinds": {k: {f: round(v, 2) for f, v in kind.items()} for k, kind in kinds.items()},
        "peak_mb": _peak_mb(),
    }


def one(scale: int, mode: str, copy: bool, cache: bool) -> dict[str, Any]:
    from benchmarks.synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if scale == 1:
            data = ROOT / "data"
        elif copy:
            data = work / "data"
            data.mkdir()
            scaled_copy(ROOT / "data", data, scale)
        else:
            data = generate(work / "territory", scale)
        if mode == "profile":
            return profile(data)
        return build(data, work / "cache" if cache else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scales", default=None, help="comma-separated, default 1,10,30")
    parser.add_argument("--factor", type=int, default=None, help="one scale besides the demo (older option)")
    parser.add_argument("--copy", action="store_true", help="this script's older territory (see above)")
    parser.add_argument("--cache", action="store_true", help="also time a warm rebuild with the PDF cache")
    parser.add_argument("--no-profile", action="store_true", help="skip the per-kind profile (halves the time)")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # internal: SCALE MODE, print JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1], args.copy, args.cache)))
        return 0
    scales = [1, args.factor] if args.factor else [int(s) for s in (args.scales or "1,10,30").split(",")]
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; territory: {'copy' if args.copy else 'synthetic'}")
    first: float | None = None
    for scale in scales:
        for mode in ("build",) if args.no_profile else ("build", "profile"):
            command = [sys.executable, __file__, "--one", str(scale), mode]
            command += ["--copy"] * args.copy + ["--cache"] * args.cache
            run = subprocess.run(command, capture_output=True, text=True, check=False)
            if run.returncode != 0:
                print(run.stdout, run.stderr, file=sys.stderr)
                return 1
            result = json.loads(run.stdout.strip().splitlines()[-1])
            if mode == "build":
                print(
                    f"x{scale}: {result['actors']} actors, {result['communes']} communes; "
                    f"peak {result['peak_mb']} MB (loading the territory included)"
                )
                for r in result["runs"]:
                    first = first or r["seconds"]
                    print(
                        f"    {r['run']:<6} {r['pdfs']} PDFs ({r['mb']} MB) in {r['seconds']} s "
                        f"(x{r['seconds'] / first:.1f} the demo); CPU {r['cpu']} s"
                        + (f"; {r['hits']} from the cache" if args.cache else "")
                    )
            else:
                print(f"    profile, one process: {result['seconds']} s, peak {result['peak_mb']} MB")
                for kind, k in result["kinds"].items():
                    print(
                        f"      {kind:<10} {int(k['n']):>4} × — wording {k['word_cpu']:>6.2f} s CPU, "
                        f"Typst {k['typst_cpu']:>6.2f} s CPU; JSON {k['json_mb']} MB → PDF {k['pdf_mb']} MB"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
