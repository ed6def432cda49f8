"""How long `check` takes on the demo and on synthetic territories 10 and 30 times its size.

For each territory: the in-process time of ``generator.validate.validate`` (best of N), the
time to merely read and parse the same files with ``yaml.load(..., Loader=yaml.CSafeLoader)``
(best of N), and one run of ``python -m generator check`` in a subprocess (what a volunteer
waits for, interpreter start included) with its peak memory. The table shows the cost of
validation per file against bare parsing; the lines under it compare growth from 1× to the
largest scale with the targets: the demo checked in under a second, and each extra file costing
at most 3 times what parsing it costs.

    make bench-check                     # or: python benchmarks/bench_check.py [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, `python benchmarks/bench_check.py`
    sys.path.insert(0, str(ROOT))

from benchmarks.adversarial import write_adversarial  # noqa: E402
from benchmarks.synthetic import DEMO, generate  # noqa: E402
from generator.validate import validate  # noqa: E402

TODAY = date(2026, 11, 23)
DEMO_TARGET_SECONDS = 1.0
MARGINAL_TARGET_RATIO = 3.0


@dataclass
class Row:
    """One territory's measures (seconds, KiB)."""

    label: str
    files: int
    check: float
    parse: float
    command: float
    command_cpu: float
    peak_kib: int
    errors: int

    @property
    def ratio(self) -> float:
        return self.check / self.parse


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The least CPU time of ``repeat`` runs: on a shared machine, wall time mostly measures
    the neighbours; CPU time of one process barely moves."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return min(times)


def bare_parse(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)


# The command, run so that it reports its own peak memory when it exits: the VmHWM of its
# address space. A child's ru_maxrss would also count this process's pages: a child started
# with vfork or fork records its parent's peak when it execs.
PEAK_HARNESS = """
import atexit, os, runpy, sys
def _report_peak():
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["BENCH_PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(peak)
atexit.register(_report_peak)
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def run_command(data_dir: Path, *extra: str) -> tuple[float, float, int, int]:
    """Wall time, CPU time, peak RSS (KiB) and exit code of `python -m generator check`."""
    with tempfile.NamedTemporaryFile(prefix="peak-", delete=False) as peak_file:
        peak_path = Path(peak_file.name)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_PEAK_FILE": str(peak_path)}
    command = [sys.executable, "-c", PEAK_HARNESS, "check", "--data", str(data_dir), "--today", TODAY.isoformat()]
    command += extra
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would mix every child so far
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    try:
        peak = int(peak_path.read_text(encoding="ascii") or 0)  # VmHWM, in KiB
    finally:
        peak_path.unlink(missing_ok=True)
    return elapsed, cpu, peak, process.returncode


def changed_since(data_dir: Path, work: Path) -> tuple[float, float, int]:
    """`check --changed-since HEAD` after one actor file changed, in a git copy of the
    territory: wall, CPU (s) and peak RSS (KiB) of the command, as a pull request's check."""
    repo = work / "repo"
    shutil.copytree(data_dir, repo / "data")
    git = ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    actors = sorted((repo / "data" / "actors").glob("*.yaml"))
    actor = actors[len(actors) // 2]
    actor.write_text(actor.read_text(encoding="utf-8").replace("summary: ", "summary: Modifié. ", 1), encoding="utf-8")
    wall, cpu, peak, code = run_command(repo / "data", "--changed-since", "HEAD")
    if code != 0:
        raise SystemExit(f"check --changed-since failed with {code} on {data_dir}")
    return wall, cpu, peak


def measure(label: str, data_dir: Path, repeat: int) -> Row:
    files = sorted(data_dir.rglob("*.yaml"))
    result = validate(data_dir, today=TODAY)  # warms imports and caches, as a second run would
    check = best_of(repeat, lambda: validate(data_dir, today=TODAY))
    parse = best_of(repeat, lambda: bare_parse(files))
    command, command_cpu, peak, code = run_command(data_dir)
    errors = len(result.errors) + (1 if code != 0 else 0)
    return Row(label, len(files), check, parse, command, command_cpu, peak, errors)


def table(rows: list[Row], repeat: int) -> str:
    header = (
        f"{'territory':<10} {'files':>6} {'check':>8} {'parse':>8} {'check/file':>11} "
        f"{'parse/file':>11} {'ratio':>6} {'command':>8} {'cmd CPU':>8} {'peak RSS':>9}"
    )
    lines = [
        f"check = validate() in process, parse = yaml.load(CSafeLoader): CPU seconds, best of {repeat}; "
        "command = one `python -m generator check` run: wall and CPU seconds",
        header,
        "-" * len(header),
    ]
    for r in rows:
        lines.append(
            f"{r.label:<10} {r.files:>6} {r.check:>7.3f}s {r.parse:>7.3f}s "
            f"{r.check / r.files * 1000:>9.3f}ms {r.parse / r.files * 1000:>9.3f}ms "
            f"{r.ratio:>5.2f}x {r.command:>7.3f}s {r.command_cpu:>7.3f}s {r.peak_kib / 1024:>6.0f} MiB"
        )
    return "\n".join(lines)


def verdicts(rows: list[Row]) -> tuple[list[str], bool]:
    first, last = rows[0], rows[-1]
    lines = []
    # CPU time: what the command costs, whatever else the machine is doing
    ok = first.command_cpu < DEMO_TARGET_SECONDS
    lines.append(
        f"demo: `check` takes {first.command_cpu:.3f}s of CPU ({first.command:.3f}s wall) "
        f"(target < {DEMO_TARGET_SECONDS:.0f} s): " + ("ok" if ok else "MISSED")
    )
    if last is not first:
        extra = last.files - first.files
        marginal_check = (last.check - first.check) / extra
        marginal_parse = (last.parse - first.parse) / extra
        marginal = marginal_check / marginal_parse
        marginal_ok = marginal <= MARGINAL_TARGET_RATIO
        ok = ok and marginal_ok
        lines.append(
            f"marginal cost per extra file, {first.label} → {last.label}: check {marginal_check * 1000:.3f} ms, "
            f"parse {marginal_parse * 1000:.3f} ms = {marginal:.2f}x (target ≤ {MARGINAL_TARGET_RATIO:.0f}x): "
            + ("ok" if marginal_ok else "MISSED")
        )
        lines.append(
            f"growth {first.label} → {last.label}: files {last.files / first.files:.1f}x, "
            f"check {last.check / first.check:.1f}x, parse {last.parse / first.parse:.1f}x, "
            f"command CPU {last.command_cpu / first.command_cpu:.1f}x, peak RSS {last.peak_kib / first.peak_kib:.1f}x"
        )
    return lines, ok


def profile(data_dir: Path, limit: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    validate(data_dir, today=TODAY)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(limit)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time `check` against bare YAML parsing at several scales.")
    parser.add_argument("--scales", default="10,30", help="synthetic scales besides the demo (default 10,30)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the best counts (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="then profile validate() on the largest territory")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]

    with tempfile.TemporaryDirectory(prefix="maillage-bench-") as tmp:
        territories = [("demo 1x", DEMO)]
        for scale in scales:
            territories.append((f"synth {scale}x", generate(Path(tmp) / f"x{scale}", scale, args.seed)))
        run_command(DEMO)  # compiles the .pyc files once, as an installed copy would have them
        rows = []
        for label, data_dir in territories:
            rows.append(measure(label, data_dir, args.repeat))
        print(table(rows, args.repeat))
        lines, ok = verdicts(rows)
        print("\n".join(lines))
        print("\n`check --changed-since HEAD`, one actor file changed (target ≤ 2 s at 30x):")
        for label, data_dir in territories:
            with tempfile.TemporaryDirectory(dir=tmp) as work:
                wall, cpu, peak = changed_since(data_dir, Path(work))
            print(f"  {label:<10} {wall:>6.3f}s wall {cpu:>6.3f}s CPU {peak / 1024:>6.0f} MiB peak")
        print("\n`check` on the demo plus a 900 KB adversarial file (benchmarks/adversarial.py; target ≤ 2 s):")
        hostile = Path(tmp) / "adversarial"
        shutil.copytree(DEMO, hostile)
        size = write_adversarial(hostile).stat().st_size
        seconds = best_of(args.repeat, lambda: validate(hostile, today=TODAY))
        parse = best_of(args.repeat, lambda: bare_parse(sorted(hostile.rglob("*.yaml"))))
        print(f"  {size / 1000:.0f} KB file: {seconds:.3f}s check, {parse:.3f}s bare parse of the territory")
        ok = ok and seconds <= 2.0
        if args.profile:
            print(f"\nprofile of validate() on {territories[-1][0]} (by own time):")
            print(profile(territories[-1][1]))
    broken = [r.label for r in rows if r.errors]
    if broken:
        print(f"check reported errors on: {', '.join(broken)}", file=sys.stderr)
        return 1
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
