"""Feeds within reach: every feed family is linked from the page it belongs to (the kinds of
activity on the agenda, the audiences on the directory and the needs pages), Outlook's link
stands beside Google's, and the commune and route pages show their feed's address as a QR
code (the code of exactly that address)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from feeds_support import SITE_URL, feeds_of, load

from generator.outputs.pages import write_pages
from generator.outputs.qr import qr_svg


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    context = load("demo")
    folder = tmp_path_factory.mktemp("docs")
    write_pages(context, folder)
    return folder, set(feeds_of(context))


def _copied(page: Path) -> set[str]:
    return {html.unescape(a) for a in re.findall(r'data-copy="([^"]+\.ics)"', page.read_text(encoding="utf-8"))}


def _family(feeds: set[str], family: str) -> set[str]:
    return {SITE_URL + f for f in feeds if f.startswith(f"calendriers/{family}/")}


def test_type_feeds_are_on_the_agenda(docs: tuple[Path, set[str]]) -> None:
    folder, feeds = docs
    types = _family(feeds, "type")
    assert len(types) == 16
    assert types <= _copied(folder / "agenda" / "index.md")


def test_audience_feeds_are_on_the_directory_and_the_needs_pages(docs: tuple[Path, set[str]]) -> None:
    folder, feeds = docs
    audiences = _family(feeds, "public")
    assert len(audiences) == 15
    assert audiences <= _copied(folder / "acteurs" / "index.md")
    needs = sorted((folder / "besoins").glob("*/index.md"))
    assert needs
    for page in needs:
        assert audiences <= _copied(page), page


def test_outlook_link_beside_google_in_every_subscription_block(docs: tuple[Path, set[str]]) -> None:
    folder, _ = docs
    source = (folder / "communes" / "havelange" / "index.md").read_text(encoding="utf-8")
    blocks = re.findall(r'<section class="mg-subscribe".*?</section>', source, re.S)
    assert len(blocks) > 3
    for block in blocks:
        [address] = {html.unescape(a) for a in re.findall(r'data-copy="([^"]+)"', block)}
        links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', block)]
        google = next(i for i, h in enumerate(links) if h.startswith("https://calendar.google.com/"))
        outlook = links[google + 1]
        assert outlook.startswith("https://outlook.live.com/calendar/0/addfromweb?"), outlook
        assert parse_qs(urlsplit(outlook).query)["url"] == [address]


@pytest.mark.parametrize("page", ["communes/havelange/index.md", "tournees/epicerie-mardi/index.md"])
def test_commune_and_route_pages_show_their_feed_as_a_qr_code(docs: tuple[Path, set[str]], page: str) -> None:
    folder, _ = docs
    source = (folder / page).read_text(encoding="utf-8")
    figures = re.findall(
        r'<figure class="mg-qr"><div role="img" aria-label="[^"]* (https://[^"]+)">(<svg.*?</svg>)', source
    )
    assert len(figures) == 1, "one code: the page's own feed"
    address, svg = figures[0]
    family = "commune/havelange" if page.startswith("communes") else "tournee/epicerie-mardi"
    assert address == f"{SITE_URL}calendriers/{family}.ics"
    assert svg == qr_svg(address, scalable=True).strip() and 'viewBox="' in svg
