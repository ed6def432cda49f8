"""The feeds as `build` publishes them: written into the site, served with the right type,
and byte-identical when the same data is built with the same "today" at another wall-clock
time (under libfaketime), in another timezone (ICAL.md 2, 15).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, run_cli, shared_build
from feeds_support import feeds_of, load


def _feeds(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "calendriers").rglob("*.ics"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory)


def test_build_writes_every_feed_into_the_site(built: Path) -> None:
    assert _feeds(built) == feeds_of(load("demo"))


def test_a_build_at_another_wall_clock_time_gives_the_same_feeds(built: Path, tmp_path: Path) -> None:
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.fail("faketime is not installed (Debian package `faketime`; `make test` installs it)")
    other = tmp_path / "site"
    result = run_cli(
        "build",
        "--site-dir",
        str(other),
        "--today",
        TODAY,
        env={"FAKETIME": "@2031-07-14 03:17:00", "LD_PRELOAD": _libfaketime(), "TZ": "Pacific/Auckland"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _feeds(other) == _feeds(built)


def _libfaketime() -> str:
    for folder in ("/usr/lib/x86_64-linux-gnu/faketime", "/usr/lib/aarch64-linux-gnu/faketime", "/usr/lib/faketime"):
        library = Path(folder) / "libfaketime.so.1"
        if library.is_file():
            return str(library)
    pytest.fail("libfaketime.so.1 not found (Debian package `libfaketime`)")


def test_the_clock_is_really_faked(tmp_path: Path) -> None:
    """Without this, the test above could pass with a libfaketime that does nothing."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.datetime.now().year)"],
        env={"FAKETIME": "@2031-07-14 03:17:00", "LD_PRELOAD": _libfaketime()},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "2031"


def test_static_hosts_serve_feeds_as_text_calendar(built: Path) -> None:
    lines = (built / "_headers").read_text(encoding="utf-8").splitlines()
    rule = lines.index("/calendriers/*")
    assert "  Content-Type: text/calendar; charset=utf-8" in lines[rule + 1 : rule + 5]


def test_hosting_doc_gives_nginx_and_apache_config() -> None:
    doc = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    assert "text/calendar ics;" in doc  # nginx `types` block
    assert "charset_types text/calendar;" in doc
    assert 'AddType "text/calendar; charset=utf-8" .ics' in doc  # Apache


def test_the_ical_table_covers_every_point_with_tests_that_exist() -> None:
    """docs/feeds.md maps each point of ICAL.md to its tests: every point has a row naming at
    least one test, and every test it names exists (so the table cannot silently rot)."""
    import re

    rows = [
        line for line in (ROOT / "docs" / "feeds.md").read_text(encoding="utf-8").splitlines() if line.startswith("| ")
    ]
    points = {int(m.group(1)) for row in rows if (m := re.match(r"\| (\d+) ", row))}
    assert points == set(range(1, 23))
    named = 0
    for row in rows:
        module = None
        in_row = 0
        for token in re.findall(r"`([^`]+)`", row):
            if re.fullmatch(r"(tests/invalid/)?\d{3}-[a-z0-9-]+", token):
                assert (ROOT / "tests" / "invalid" / token.removeprefix("tests/invalid/")).is_dir(), token
                continue
            match = re.fullmatch(r"(?:(test_\w+\.py))?(?:::(\w+))?", token)
            if not match or not (match.group(1) or match.group(2)):
                continue
            module = match.group(1) or module
            assert module is not None, row
            source = (ROOT / "tests" / module).read_text(encoding="utf-8")
            if match.group(2):
                name = match.group(2).rstrip("*").rstrip("_")
                assert re.search(rf"def {name}", source), (module, name)
                named += 1
                in_row += 1
        if re.match(r"\| \d+ ", row):
            assert in_row > 0, f"no test named for: {row[:60]}"
    assert named > 40
