"""The same data, "today" and SOURCE_DATE_EPOCH give the same site, byte for byte
(issue 7, item 6): pages, feeds, leaflets, open data, the search index, the sitemap and its
gzip copy. The demo is built twice, into folders of different names, with different hash
seeds for Python (so that an iteration over a set shows), and every file is compared."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import DEMO, TERRITORIES, TODAY, run_cli

EPOCH = "1795435200"  # 2026-11-23 12:00 UTC


def build(data: Path, site: Path, env: dict[str, str]) -> Path:
    result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", TODAY, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    first = build(DEMO, tmp_path_factory.mktemp("one") / "site", {"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "1"})
    second = build(DEMO, tmp_path_factory.mktemp("two") / "public", {"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "2"})
    return files(first), files(second)


def test_two_builds_are_byte_identical(twice: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    one, two = twice
    assert sorted(one) == sorted(two), "the two builds hold different files"
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []


def test_every_kind_of_output_was_compared(twice: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    one, _ = twice
    for pattern in (
        r"^index\.html$",
        r"^acteurs/[^/]+/index\.html$",
        r"^calendriers/tout\.ics$",
        r"^imprimer/repertoire\.pdf$",
        r"^imprimer/tournee-[^/]+\.pdf$",
        r"^recherche/index\.json$",
        r"^sitemap\.xml\.gz$",
        r"^donnees/",
    ):
        assert any(re.search(pattern, name) for name in one), pattern


def test_without_source_date_epoch_the_sitemap_is_dated_today(tmp_path: Path) -> None:
    # MkDocs dates the sitemap from the clock unless told otherwise: "today" stands in for it.
    site = build(TERRITORIES / "mini" / "data", tmp_path / "site", {"SOURCE_DATE_EPOCH": ""})
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {TODAY}
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == 1795392000  # 2026-11-23 00:00 UTC in the gzip header
    assert gzip.decompress(raw).decode("utf-8") == sitemap
