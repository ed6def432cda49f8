"""How the leaflets are made at scale: a pool of processes gives the same bytes as one
process, in the same order; Typst's memory is released without changing a byte; the PDF
cache returns exactly what a compilation would, misses on anything doubtful, stays under
its size bound and is turned off by the environment."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_leaflets_support import context_for

from generator.outputs import RenderContext
from generator.outputs.leaflets import FOLDER, PdfCache, documents, generate, render_leaflets, write_leaflets
from generator.outputs.leaflets.cache import CACHE_ENV, SIZE_ENV
from generator.outputs.leaflets.engine import (
    Engine,
    LeafletError,
    compile_documents,
    document_json,
    timestamp,
)
from generator.outputs.typesetting import WORKERS_ENV, worker_count


@pytest.fixture(scope="module")
def context() -> RenderContext:
    return context_for("leaflets")


@pytest.fixture(scope="module")
def serial(context: RenderContext) -> dict[str, bytes]:
    return render_leaflets(context, workers=1)


def test_a_pool_gives_the_same_bytes_in_the_same_order(context: RenderContext, serial: dict[str, bytes]) -> None:
    pooled = render_leaflets(context, workers=2)
    assert list(pooled) == list(serial) == [name for name, _, _ in documents(context)]
    assert pooled == serial


def test_releasing_typst_memory_changes_no_byte(context: RenderContext, serial: dict[str, bytes]) -> None:
    engine = Engine(memory_budget_mb=0)  # released after every document
    for name, template, data in documents(context):
        assert engine.pdf(template, data, context.today) == serial[name], name
    engine.release()
    name, template, data = next(documents(context))
    assert engine.pdf(template, data, context.today) == serial[name]


def test_a_template_error_reaches_the_caller_from_a_worker(context: RenderContext) -> None:
    jobs = [("a.pdf", "no-such-template", document_json({}))] * 2
    with pytest.raises(LeafletError, match="no-such-template"):
        list(compile_documents(jobs, context.today, workers=2))


def test_a_document_of_the_whole_territory_compiles_alone(
    context: RenderContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The directory (Typst needs 1.1 GB for it at 30x) never compiles beside another
    document, so that a process never holds two such compilations; the order is kept."""
    spans: dict[str, tuple[float, float]] = {}

    def compile_slowly(self: Engine, template: str, document: str, stamp: int) -> bytes:
        start = time.perf_counter()
        time.sleep(0.05)
        spans[document] = (start, time.perf_counter())
        return document.encode()

    monkeypatch.setattr(Engine, "pdf_from_json", compile_slowly)
    templates = ["commune"] * 5 + ["repertoire"] + ["tournee"] * 5
    jobs = [(f"{n}.pdf", template, f"{n}") for n, template in enumerate(templates)]
    made = list(compile_documents(jobs, context.today, workers=2, alone=frozenset({"repertoire"})))
    assert made == [(name, document.encode()) for name, _, document in jobs]
    alone_start, alone_end = spans["5"]
    for document, (start, end) in spans.items():
        if document != "5":
            assert end <= alone_start or start >= alone_end, f"document {document} overlapped the directory"
    # and the others did run two at a time
    assert any(spans[str(n)][0] < spans[str(n + 1)][0] < spans[str(n)][1] for n in range(4))


def test_worker_count_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert worker_count() == 3
    assert worker_count(jobs=2) == 2
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert worker_count() == 1
    monkeypatch.delenv(WORKERS_ENV)
    assert worker_count() >= 1


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.pdf"))


def test_the_cache_returns_exactly_what_a_compilation_gives(
    context: RenderContext, serial: dict[str, bytes], tmp_path: Path
) -> None:
    cache = PdfCache(tmp_path / "cache")
    assert dict(generate(context, workers=2, cache=cache)) == serial
    assert (cache.hits, cache.misses) == (0, len(serial))
    assert len(_entries(tmp_path / "cache")) == len(serial)

    again = PdfCache(tmp_path / "cache")
    assert list(generate(context, workers=2, cache=again)) == list(serial.items())
    assert (again.hits, again.misses) == (len(serial), 0)

    # a damaged entry is a miss, dropped, compiled again and replaced
    damaged = _entries(tmp_path / "cache")[0]
    damaged.write_bytes(b"%PDF-1.7 truncated")
    third = PdfCache(tmp_path / "cache")
    assert dict(generate(context, workers=1, cache=third)) == serial
    assert (third.hits, third.misses, third.dropped) == (len(serial) - 1, 1, 1)
    assert damaged.read_bytes().partition(b"\n")[2] in serial.values()
    # (entries swapped between documents: tests/test_hostile_files.py)


def test_the_cache_key_covers_the_document_the_template_and_the_day(context: RenderContext) -> None:
    _, template, data = next(documents(context))
    document, stamp = document_json(data), timestamp(context.today)
    key = PdfCache.key(template, document, stamp)
    assert key == PdfCache.key(template, document, stamp)
    assert key != PdfCache.key(template, document.replace("Ciney", "Cinay"), stamp)
    assert key != PdfCache.key("repertoire", document, stamp)
    assert key != PdfCache.key(template, document, stamp + 86400)


def test_the_cache_stays_under_its_bound(context: RenderContext, serial: dict[str, bytes], tmp_path: Path) -> None:
    bound = max(map(len, serial.values())) * 2
    cache = PdfCache(tmp_path / "cache", max_bytes=bound)
    assert dict(generate(context, workers=1, cache=cache)) == serial
    assert 0 < sum(p.stat().st_size for p in _entries(tmp_path / "cache")) <= bound


def test_the_environment_moves_or_disables_the_cache(
    context: RenderContext, serial: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for off in ("0", "off", "False"):
        monkeypatch.setenv(CACHE_ENV, off)
        assert PdfCache.from_environment() is None
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    monkeypatch.setenv(SIZE_ENV, "0")
    assert PdfCache.from_environment() is None
    monkeypatch.setenv(SIZE_ENV, "5")
    cache = PdfCache.from_environment()
    assert cache is not None and cache.folder == tmp_path / "elsewhere" and cache.max_bytes == 5 * 2**20

    monkeypatch.delenv(SIZE_ENV)
    write_leaflets(context, tmp_path / "site")
    written = {p.name: p.read_bytes() for p in (tmp_path / "site" / FOLDER).iterdir()}
    assert written == serial
    assert len(_entries(tmp_path / "elsewhere")) == len(serial)
    write_leaflets(context, tmp_path / "site2")  # from the cache: the same files
    assert {p.name: p.read_bytes() for p in (tmp_path / "site2" / FOLDER).iterdir()} == serial
