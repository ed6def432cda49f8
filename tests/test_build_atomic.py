"""A build publishes everything or nothing (issue 7, item 3).

A site is built first; then invalid data, an exception in a renderer, a full disk and a
failed final rename must each leave it byte-identical (every file hashed), with nothing
left behind beside it, an exit code of 1 and a plain message without traceback. A good
build must leave the published site alone while it works, then take its place in a
single rename.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest
from conftest import ROOT, TERRITORIES, TODAY, run_cli

import generator.build
from generator import commands
from generator.outputs import SITE_WRITERS

MINI = TERRITORIES / "mini" / "data"


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("published") / "site"
    result = run_cli("build", "--data", str(MINI), "--site-dir", str(folder), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture
def site(built: Path, tmp_path: Path) -> Path:
    """A copy of the published site, in a folder of its own."""
    copy = tmp_path / "out" / "site"
    shutil.copytree(built, copy)
    return copy


def build_in_process(site: Path, monkeypatch: pytest.MonkeyPatch, today: str = TODAY) -> int:
    monkeypatch.chdir(ROOT)
    args = argparse.Namespace(data=MINI, site_dir=site, today=date.fromisoformat(today), lang="fr")
    return commands.build(args)


def assert_untouched(site: Path, before: str) -> None:
    assert tree_hash(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == [site.name], "something was left beside the site"


def test_invalid_data_leaves_the_site_untouched(site: Path, tmp_path: Path) -> None:
    before = tree_hash(site)
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "events" / "atelier-cv-natoye.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", TODAY)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"^data/events/atelier-cv-natoye\.yaml:\d+:\d+: erreur", result.stdout, re.M)
    assert "Le site existant n'a pas été modifié" in result.stderr
    assert_untouched(site, before)


def _failing_writer(error: Exception, write_first: bool = True) -> Callable[[Any, Path], None]:
    def writer(context: Any, folder: Path) -> None:
        if write_first:  # half a file written, as a real renderer would have
            (folder / "half-written.pdf").write_bytes(b"%PDF-1.7\n" * 1000)
        raise error

    return writer


@pytest.mark.parametrize(
    ("stage", "error", "said"),
    [
        ("DOC_WRITERS", RuntimeError("a renderer's bug"), "RuntimeError : a renderer's bug"),
        ("SITE_WRITERS", RuntimeError("a renderer's bug"), "RuntimeError : a renderer's bug"),
        ("SITE_WRITERS", OSError(errno.ENOSPC, "No space left on device"), "le disque est plein"),
        ("DOC_WRITERS", OSError(errno.ENOSPC, "No space left on device"), "le disque est plein"),
        ("SITE_WRITERS", PermissionError(errno.EACCES, "Permission denied", "/x"), "erreur d'écriture (/x)"),
        ("TYPESETS", RuntimeError("a renderer's bug"), "RuntimeError : a renderer's bug"),
        ("TYPESETS", OSError(errno.ENOSPC, "No space left on device"), "le disque est plein"),
    ],
)
def test_a_failure_midway_leaves_the_site_untouched(
    site: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stage: str,
    error: Exception,
    said: str,
) -> None:
    before = tree_hash(site)
    failing = _failing_writer(error)
    if stage == "TYPESETS":  # a writer of the PDFs' process (the build's second process)
        monkeypatch.setattr(generator.build, "TYPESETS", [*generator.build.TYPESETS, failing])
        stage = "SITE_WRITERS"
    writers = list(getattr(generator.build, stage))
    monkeypatch.setattr(generator.build, stage, [*writers[:1], failing, *writers[1:]])
    assert build_in_process(site, monkeypatch) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "La construction a échoué" in out.err and said in out.err
    assert "n'a pas été modifié" in out.err
    assert_untouched(site, before)


def test_a_failure_in_the_pages_stops_the_pdfs_process_at_once(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDFs' process starts first; when the pages fail, it is stopped, not waited for."""
    before = tree_hash(site)
    finished = site.parent.parent / "slow-writer-finished"

    def slow(context: Any, folder: Path) -> None:
        time.sleep(30)
        finished.write_text("done", encoding="utf-8")

    monkeypatch.setattr(generator.build, "TYPESETS", [slow])
    monkeypatch.setattr(generator.build, "SITE_WRITERS", [slow, *SITE_WRITERS])
    monkeypatch.setattr(generator.build, "DOC_WRITERS", [_failing_writer(RuntimeError("a page's bug"), False)])
    assert build_in_process(site, monkeypatch) == 1
    assert "RuntimeError : a page's bug" in capsys.readouterr().err
    assert multiprocessing.active_children() == []
    time.sleep(0.5)
    assert not finished.exists(), "the build waited for the PDFs' process instead of stopping it"
    assert_untouched(site, before)


@pytest.mark.parametrize("where", ["copying content/", "MkDocs writing pages"])
def test_a_full_disk_leaves_the_site_untouched(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    before = tree_hash(site)
    written: list[Any] = []

    def fill_up(real: Callable[..., Any]) -> Callable[..., Any]:
        def write(*args: Any, **kwargs: Any) -> Any:
            written.append(args)
            if len(written) > 3:  # a few files fit, then the disk is full
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[1]))
            return real(*args, **kwargs)

        return write

    if where == "copying content/":
        monkeypatch.setattr(shutil, "copyfile", fill_up(shutil.copyfile))
    else:
        monkeypatch.setattr(mkdocs.utils, "write_file", fill_up(mkdocs.utils.write_file))
    assert build_in_process(site, monkeypatch) == 1
    assert len(written) > 3, "the simulated disk was never written to"
    err = capsys.readouterr().err
    assert "le disque est plein" in err and "Traceback" not in err
    assert_untouched(site, before)


def test_a_failed_final_rename_puts_the_old_site_back(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_hash(site)
    monkeypatch.setattr(generator.build, "_exchange", lambda first, second: False)  # the fallback path
    real = Path.rename

    def rename(self: Path, target: Any) -> Any:
        if Path(target) == site.resolve() and self.name == "site":
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert build_in_process(site, monkeypatch) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert_untouched(site, before)


def test_a_good_build_swaps_the_site_in_one_rename(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_hash(site)
    # The writer may run in the build's second process: it reports through a file.
    probe = site.parent / "seen-while-building.txt"
    monkeypatch.setattr(
        generator.build,
        "SITE_WRITERS",
        [
            *SITE_WRITERS,
            lambda context, folder: probe.write_text(tree_hash(site), encoding="utf-8"),
        ],
    )
    swaps: list[tuple[Path, Path]] = []
    real = generator.build._exchange

    def exchange(first: Path, second: Path) -> bool:
        swaps.append((first, second))
        return real(first, second)

    monkeypatch.setattr(generator.build, "_exchange", exchange)
    renames: list[Any] = []
    real_rename = os.rename

    def rename(source: Any, target: Any, **kwargs: Any) -> None:
        renames.append((source, target))
        real_rename(source, target, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    assert build_in_process(site, monkeypatch, today="2026-12-15") == 0, capsys.readouterr().err
    assert probe.read_text(encoding="utf-8") == before, "the published site changed while the new one was built"
    probe.unlink()
    assert len(swaps) == 1 and swaps[0][1] == site.resolve()
    assert renames == []  # the swap is the only move
    after = tree_hash(site)
    assert after != before
    assert sorted(p.name for p in site.parent.iterdir()) == [site.name]
