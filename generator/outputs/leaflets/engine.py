"""Typst, driven from Python: a template and a JSON document in, PDF bytes out.

Owns everything about the PDF engine: which fonts exist (only those shipped by pinned PyPI
packages — never the machine's, so that every machine prints the same), the PDF profile
(PDF/UA-1: tagged, titled, with the document language, reading order = structure order),
and a fixed creation date (the edition day) so that the same data and "today" give the same
bytes. Data reaches the template only as JSON read with ``json(bytes(sys.inputs.data))``; a
string shown as content is printed as written, never read as markup. Nothing here knows
what a leaflet says.

Cost and memory: a compilation's cost grows with its document (measured: linear), but
typst-py keeps every memoized result of the last ten compilations of the process, about
100 MB for a commune's leaflet of a 30x territory; a long build would hold a gigabyte of it.
:meth:`Engine.release` empties that cache (by compiling an empty document a dozen times), and
:meth:`Engine.pdf` calls it whenever the process has grown by ``MEMORY_BUDGET_MB`` since.
:func:`compile_documents` compiles several documents at once, one per core.
"""

from __future__ import annotations

import calendar
import contextlib
import ctypes
import json
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, Final

import typst

from ..typesetting import fonts, worker_count

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_STANDARD: Final = "ua-1"
# How much (MB) Typst's memo cache may grow a process before it is emptied.
MEMORY_BUDGET_MB: Final = 256
# typst-py drops a memoized result once unused for ten compilations (measured): two more for safety.
EVICTION_AGE: Final = 12


class LeafletError(RuntimeError):
    """A template failed to compile: a bug of ours, never of the data (data is never markup)."""


def resident_mb() -> float | None:
    """This process's resident memory in MB (Linux), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _trim_heap() -> None:
    """Hand the memory just freed back to the system (glibc keeps it otherwise, and the
    process stays as large as its largest document); nothing where there is no glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def timestamp(edition: date) -> int:
    """The PDF's creation date: the edition day, midnight UTC."""
    return calendar.timegm(edition.timetuple())


_RELEASING = threading.Lock()
# The process's size after the last release, shared by the engines of all threads: one
# release serves them all (each keeping its own would release once per thread).
_floor: list[float | None] = [None]


class Engine:
    """Compiles the templates of ``templates/``, one reusable compiler per template."""

    def __init__(self, memory_budget_mb: float | None = MEMORY_BUDGET_MB) -> None:
        self._compilers: dict[str, typst.Compiler] = {}
        self._empty: typst.Compiler | None = None
        self.memory_budget_mb = memory_budget_mb
        if _floor[0] is None:
            _floor[0] = resident_mb()

    def _compiler(self, template: str) -> typst.Compiler:
        if template not in self._compilers:
            try:
                self._compilers[template] = typst.Compiler(
                    TEMPLATES / f"{template}.typ",
                    root=TEMPLATES,
                    font_paths=fonts(),
                    ignore_system_fonts=True,
                )
            except RuntimeError as error:  # typst-py's, e.g. no such template
                raise LeafletError(f"{template}.typ: {error}") from error
        return self._compilers[template]

    def pdf(self, template: str, data: dict[str, Any], edition: date) -> bytes:
        """``template`` filled with ``data``, dated ``edition`` (midnight UTC)."""
        return self.pdf_from_json(template, document_json(data), timestamp(edition))

    def pdf_from_json(self, template: str, document: str, stamp: int) -> bytes:
        """``template`` filled with a JSON ``document`` (see :func:`document_json`), dated
        ``stamp`` (UNIX seconds); then, past the memory budget, Typst's cache is emptied."""
        try:
            result = self._compiler(template).compile(
                sys_inputs={"data": document},
                format="pdf",
                pdf_standards=PDF_STANDARD,
                timestamp=stamp,
            )
        except typst.TypstError as error:
            raise LeafletError(f"{template}.typ: {error.message} {' '.join(error.hints)}") from error
        if not isinstance(result, bytes):
            raise LeafletError(f"{template}.typ gave no PDF")
        if self.memory_budget_mb is not None and self._grown():
            with _RELEASING:
                if self._grown():  # unless another thread has just released
                    self._release()
        return result

    def _grown(self) -> bool:
        """Has the process grown by more than the budget since the last release?"""
        resident = resident_mb()
        return resident is not None and resident - (_floor[0] or 0) > (self.memory_budget_mb or 0)

    def release(self) -> None:
        """Empty Typst's memo cache: what it holds only speeds up a compilation of the same
        document, and each of ours is compiled once. typst-py evicts results unused for
        about ten compilations and offers no other way; an empty document costs ~5 ms."""
        with _RELEASING:
            self._release()

    def _release(self) -> None:
        if self._empty is None:
            self._empty = typst.Compiler(
                TEMPLATES / "empty.typ", root=TEMPLATES, font_paths=fonts(), ignore_system_fonts=True
            )
        for _ in range(EVICTION_AGE):
            self._empty.compile(format="svg")
        _trim_heap()
        # what is left is the process's own (its data, the allocator's free lists): the next
        # release is for what Typst adds to it, not after every document
        _floor[0] = resident_mb()


def document_json(data: dict[str, Any]) -> str:
    """A document as the templates read it (compact, UTF-8 text as is)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# --- many documents over many cores ---------------------------------------------------------


Job = tuple[str, str, str | bytes]
"""A document to compile: (name, template, JSON document), or (name, template, PDF) for one
already made (found in a cache), passed on in its turn."""


def compile_documents(
    jobs: Iterable[Job], edition: date, workers: int | None = None, alone: frozenset[str] = frozenset()
) -> Iterator[tuple[str, bytes]]:
    """(name, PDF) for each job, in the order of ``jobs`` whatever the thread that made it.

    Typst compiles with Python's lock released, so ``workers`` threads (default: one per
    core) compile that many documents at once, each with its own ``Engine``, while this
    thread words the next ones. Threads rather than processes: nothing to copy or pickle, no
    process to start, and they work where processes cannot be made (the build writes the
    leaflets from a daemonic process, which may not have children). The jobs are taken a
    few at a time, so that neither the JSON documents waiting nor the PDFs done pile up.
    Every PDF is the same bytes as one thread would make: a compilation depends on its
    inputs only, never on what Typst's cache holds.

    A document of a template in ``alone`` (one that grows with the whole territory, such as
    the directory: Typst needs 1.1 GB for it at 30x) is compiled while no other is, so that
    the process never holds two such compilations at once.
    """
    stamp = timestamp(edition)
    count = worker_count() if workers is None else max(1, workers)
    if count == 1:
        engine = Engine()
        for name, template, document in jobs:
            yield name, document if isinstance(document, bytes) else engine.pdf_from_json(template, document, stamp)
        return
    local = threading.local()

    def compile_one(template: str, document: str) -> bytes:
        engine: Engine | None = getattr(local, "engine", None)
        if engine is None:
            engine = local.engine = Engine()
        return engine.pdf_from_json(template, document, stamp)

    window = 3 * count
    pending: deque[tuple[str, Future[bytes]]] = deque()
    with ThreadPoolExecutor(count, thread_name_prefix="typst") as pool:
        try:
            for name, template, document in jobs:
                if isinstance(document, bytes):
                    made: Future[bytes] = Future()
                    made.set_result(document)
                    pending.append((name, made))
                elif template in alone:
                    while pending:  # the others first, then this one by itself
                        done_name, future = pending.popleft()
                        yield done_name, future.result()
                    yield name, pool.submit(compile_one, template, document).result()
                else:
                    pending.append((name, pool.submit(compile_one, template, document)))
                while len(pending) >= window or (pending and pending[0][1].done()):
                    done_name, future = pending.popleft()
                    yield done_name, future.result()
            while pending:
                done_name, future = pending.popleft()
                yield done_name, future.result()
        finally:
            for _, future in pending:
                future.cancel()
