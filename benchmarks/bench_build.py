"""Build benchmark (not a test): time and peak memory of each build stage, on the demo and
on synthetic territories 10 and 30 times its size; for comparison, a plain MkDocs-Material
build of the same pages written as Markdown (:func:`plain_mkdocs`) and MkDocs' floor, as many
one-line pages (:func:`mkdocs_floor`); the weight of the home, directory and an actor page.

    python benchmarks/bench_build.py [--scales 1,10,30] [--out bench-out]

Each scale runs in its own process so that peak memory (``ru_maxrss``, which only grows) is
that scale's own. Peak memory is reported after each stage: the growth from one stage to the
next is what that stage added. Pagefind runs as a child process: its peak is reported apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def stages(data: Path, work: Path) -> dict[str, Any]:
    """Run the build pipeline stage by stage (as generator/build.py does), measuring each."""
    from generator.checks import run_checks
    from generator.errors import sort_problems
    from generator.loading import Reporter, load_dataset
    from generator.outputs import DOC_WRITERS, SITE_WRITERS, RenderContext
    from generator.site import build_site, site_settings
    from generator.validate import Validation, collector_paused

    rows: list[dict[str, Any]] = []

    def measure(name: str, action: Any) -> Any:
        start = time.perf_counter()
        result = action()
        rows.append({"stage": name, "seconds": round(time.perf_counter() - start, 3), "peak_mb": round(_peak_mb(), 1)})
        return result

    config = ROOT / "mkdocs.yml"
    # validate(), in its two halves
    reporter = Reporter("fr")
    with collector_paused():
        dataset = measure("load", lambda: load_dataset(data, reporter))
        measure("check", lambda: run_checks(dataset, reporter, TODAY))
    validation = Validation(dataset, TODAY, sort_problems(reporter.problems))
    assert validation.ok, "the territory is invalid"
    context = RenderContext(validation.dataset, validation.today, site_settings(config))
    measure("schedule", lambda: context.occurrences)
    docs = work / "docs"
    shutil.copytree(ROOT / "content", docs)
    for writer in DOC_WRITERS:
        measure(f"docs:{writer.__module__.rsplit('.', 1)[-1]}", lambda w=writer: w(context, docs))
    site = work / "site"
    measure("mkdocs", lambda: build_site(config, docs, site))
    for writer in SITE_WRITERS:
        measure(f"site:{writer.__module__.rsplit('.', 1)[-1]}", lambda w=writer: w(context, site))
    pages = sum(1 for _ in site.rglob("index.html")) + 1
    return {
        "stages": rows,
        "pages": pages,
        "total_seconds": round(sum(r["seconds"] for r in rows), 2),
        "children_peak_mb": round(_peak_mb(resource.RUSAGE_CHILDREN), 1),
        "actors": len(validation.dataset.actors),
        "events": len(validation.dataset.events),
    }


class _MarkdownText(HTMLParser):
    """The words of a generated page as plain Markdown: headings, list items, paragraphs."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "section",
            "article",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "table",
            "tr",
            "details",
            "summary",
            "nav",
            "header",
            "footer",
        ]
    )
    SKIPPED = frozenset({"script", "style", "svg", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in self.BLOCKS:
            self.out.append("\n\n")
        elif tag in ("br", "td", "th"):
            self.out.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag) or tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(" ".join(data.replace("&", "&amp;").replace("<", "&lt;").split()) + " ")

    def markdown(self) -> str:
        lines = (line.strip() for line in "".join(self.out).splitlines())
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def markdown_twin(source: str) -> str:
    """A generated page source (front matter ``maillage: raw`` and finished HTML) as the
    Markdown page a person would write to say the same: same title, same words."""
    if not source.startswith("---\n"):
        return source
    front, _, body = source[4:].partition("\n---\n")
    lines = [line for line in front.splitlines() if not line.startswith("maillage:")]
    if len(lines) == len(front.splitlines()):
        return source  # a hand-written Markdown page: as it is
    parser = _MarkdownText()
    parser.feed(body)
    parser.close()
    return "---\n" + "\n".join(lines) + "\n---\n\n" + parser.markdown()


def _nav_settings() -> str:
    """mkdocs.yml's navigation and what is kept out of it, as written there."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text.split("\nnav:\n", 1)[1]
    return "nav:\n" + nav[: nav.index("\nextra:")] + "\n"


def _time_mkdocs(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return round(time.perf_counter() - start, 2)


def plain_mkdocs(docs: Path, work: Path) -> float:
    """Seconds for a plain MkDocs-Material build of the same pages: every generated page
    rewritten as the Markdown page a person would write to say the same (same title, same
    words as headings, lists and paragraphs), the hand-written pages as they are, the same
    navigation; Material as it comes (no theme overrides, no plugin of ours, its built-in
    search on, as MkDocs enables it when ``plugins`` is not set)."""
    twin = work / "plain-docs"
    for source in sorted(docs.rglob("*")):
        target = twin / source.relative_to(docs)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix == ".md":
            target.write_text(markdown_twin(source.read_text(encoding="utf-8")), encoding="utf-8")
    config = work / "plain-mkdocs.yml"
    config.write_text(
        "site_name: Plain\nsite_url: https://plain.example/\n"
        f"docs_dir: {twin}\n"
        "theme:\n  name: material\n  language: fr\n"
        "markdown_extensions:\n  - attr_list\n  - admonition\n  - tables\n  - toc\n" + _nav_settings(),
        encoding="utf-8",
    )
    return _time_mkdocs(config, work / "plain-site")


def mkdocs_floor(pages: int, work: Path) -> float:
    """Seconds for MkDocs-Material to build ``pages`` one-line Markdown pages with our theme,
    settings and navigation (the sections of mkdocs.yml, other pages out of it): MkDocs'
    own cost per page, with nothing to say on it."""
    docs = work / "floor-docs"
    docs.mkdir(parents=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    sections = re.findall(r"(?m)^  - [^:]+: (\S+\.md)$", text.split("not_in_nav:")[0].split("\nnav:")[1])
    for section in sections:
        (docs / section).parent.mkdir(parents=True, exist_ok=True)
        (docs / section).write_text("# Rubrique\n\nUne page.\n", encoding="utf-8")
    for n in range(pages - len(sections)):
        folder = docs / "p" / f"page-{n}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(f"# Page {n}\n\nUn paragraphe de texte pour la page {n}.\n", encoding="utf-8")
    config = work / "floor-mkdocs.yml"
    text = re.sub(r"(?ms)^not_in_nav:.*?(?=^extra:)", "not_in_nav: |\n  /p/\n", text)
    text = text.replace("docs_dir: content", f"docs_dir: {docs}").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"
    )
    config.write_text(text, encoding="utf-8")
    return _time_mkdocs(config, work / "floor-site")


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def weight(site: Path, url: str) -> dict[str, int]:
    """Bytes gzipped of a page and what it loads at once: stylesheets, scripts, typefaces."""
    page = site / url / "index.html"
    html = page.read_text(encoding="utf-8")
    sizes = {"html": _gz(page), "css": 0, "js": 0, "fonts": 0}
    for kind, pattern in (("css", r'<link rel="stylesheet" href="([^"]+)"'), ("js", r'<script src="([^"]+)"')):
        for href in re.findall(pattern, html):
            sizes[kind] += _gz((page.parent / href.split("?")[0]).resolve())
    fonts = site / "assets" / "fonts"
    used = ["latin-400-normal", "latin-700-normal"] + (["latin-400-italic"] if "<em>" in html else [])
    sizes["fonts"] = sum(
        (fonts / f"atkinson-hyperlegible-{u}.woff2").stat().st_size for u in used
    )  # already compressed
    sizes["total"] = sum(sizes.values())
    return sizes


def real_build(data: Path, work: Path) -> dict[str, Any]:
    """`python -m generator build` as people run it (stages overlapping on two cores): wall
    and CPU seconds, and the peak memory of its largest process (the build, its second
    process for feeds and PDFs, Pagefind)."""
    command = [sys.executable, "-m", "generator", "build", "--data", str(data), "--site-dir", str(work / "real-site")]
    command += ["--today", TODAY.isoformat()]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "build_wall_seconds": round(time.perf_counter() - started, 2),
        "build_cpu_seconds": round(
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
            2,
        ),
        "build_peak_mb": round(after.ru_maxrss / 1024, 1),
    }


def one_scale(scale: int, out: Path) -> dict[str, Any]:
    from benchmarks.synthetic import generate

    # A first build: the leaflets' cache (which makes rebuilds of unchanged PDFs free) is off.
    os.environ["MAILLAGE_LEAFLET_CACHE"] = "0"
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        work = Path(tmp)
        data = ROOT / "data" if scale == 1 else generate(work / "territory", scale)
        real = real_build(data, work)
        result = stages(data, work)
        result.update(real)
        result["scale"] = scale
        if scale == 1:
            site = work / "site"
            result["weights_gzip"] = {u or "/": weight(site, u) for u in ("", "acteurs/", "acteurs/cpas-ciney/")}
        result["plain_mkdocs_seconds"] = plain_mkdocs(work / "docs", work)
        result["mkdocs_floor_seconds"] = mkdocs_floor(result["pages"], work)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one scale, print JSON
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(one_scale(args.one, args.out)))
        return 0
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        run = subprocess.run(
            [sys.executable, __file__, "--one", str(scale), "--out", str(args.out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            print(run.stdout, run.stderr, file=sys.stderr)
            return 1
        result = json.loads(run.stdout.strip().splitlines()[-1])
        results.append(result)
        plain, floor = result["plain_mkdocs_seconds"], result["mkdocs_floor_seconds"]
        # The website's own stages (the leaflets and feeds are other outputs of the same build).
        web = sum(r["seconds"] for r in result["stages"] if r["stage"] in ("docs:pages", "mkdocs", "site:search"))
        print(
            f"x{scale}: {result['pages']} pages, {result['actors']} actors, {result['events']} events — "
            f"stages one after the other {result['total_seconds']} s "
            f"({1000 * result['total_seconds'] / result['pages']:.1f} ms/page), "
            f"website stages {web:.2f} s; peak {max(r['peak_mb'] for r in result['stages'])} MB "
            f"(+ children {result['children_peak_mb']} MB)"
        )
        print(
            f"    `generator build`: {result['build_wall_seconds']} s wall, {result['build_cpu_seconds']} s CPU, "
            f"largest process {result['build_peak_mb']} MB"
        )
        print(
            f"    plain MkDocs-Material, same pages as Markdown: {plain} s — build / plain "
            f"{result['build_wall_seconds'] / plain:.2f} (target ≤ 2), website stages / plain {web / plain:.2f}"
        )
        print(
            f"    MkDocs floor, one-line pages, our theme: {floor} s — build / floor "
            f"{result['build_wall_seconds'] / floor:.2f}, website stages / floor {web / floor:.2f}"
        )
        for row in result["stages"]:
            print(f"    {row['stage']:<24} {row['seconds']:>8.3f} s   peak {row['peak_mb']:>7.1f} MB")
        for url, sizes in result.get("weights_gzip", {}).items():
            print(f"    weight {url:<22} " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in sizes.items()))
    first = results[0]["build_wall_seconds"] if results and results[0]["scale"] == 1 else None
    print(
        "\n| scale | pages | build (wall) | CPU | largest process | plain MkDocs-Material | build / plain "
        "| MkDocs floor | build / floor | build / 1× build |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        wall = r["build_wall_seconds"]
        growth = f"{wall / first:.1f}×" if first else "(1× not run)"
        print(
            f"| {r['scale']}× | {r['pages']} | {wall} s | {r['build_cpu_seconds']} s | {r['build_peak_mb']} MB "
            f"| {r['plain_mkdocs_seconds']} s | {wall / r['plain_mkdocs_seconds']:.2f}× "
            f"| {r['mkdocs_floor_seconds']} s | {wall / r['mkdocs_floor_seconds']:.2f}× | {growth} |"
        )
    (args.out / "bench_build.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
