"""ICAL.md 21: every link to a feed on the site offers the `webcal://` link, a Google Calendar
link (`https://calendar.google.com/calendar/render?cid=webcal://…`), the plain https URL with
a copy button, and the sentence saying that Google refreshes subscriptions only every 12–24 h.

The pages are written as the build writes them into the docs folder (before MkDocs, which
leaves these HTML blocks as they are); every `.ics` address found in any of them is checked,
and each must be a feed the build writes; village feeds listed on commune pages included.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from feeds_support import SITE_URL, feeds_of, load

from generator.outputs.pages import write_pages

_BLOCK = re.compile(r'<section class="mg-subscribe".*?</section>', re.S)
_GOOGLE = "https://calendar.google.com/calendar/render?cid="
_HREF = re.compile(r'(?:href|data-copy)="([^"]+\.ics)"')


def _site_url(page: Path, docs: Path) -> str:
    """The page's address on the site: ``evenements/x/index.md`` → ``…/evenements/x/``."""
    relative = page.relative_to(docs).as_posix()
    return SITE_URL + relative.removesuffix("index.md").removesuffix(".md")


TERRITORIES = ["recurrences", "paris", "demo"]


def _links(territory: str, docs: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """Write the pages of ``territory``; check every subscription block, and every feed link
    that has one. Returns the links without a block (page, address) and the families linked."""
    context = load(territory)
    feeds = set(feeds_of(context))
    write_pages(context, docs)
    gaps: list[tuple[str, str]] = []
    families: set[str] = set()
    for page in sorted(p for p in docs.rglob("*") if p.suffix in (".md", ".html")):
        source = page.read_text(encoding="utf-8")
        blocks = {}
        for block in _BLOCK.findall(source):
            [address] = {html.unescape(a) for a in re.findall(r'data-copy="([^"]+)"', block)}
            blocks[address] = html.unescape(block)
        for link in {html.unescape(h) for h in _HREF.findall(source)}:
            address = urljoin(_site_url(page, docs), link.removeprefix(_GOOGLE))
            if address.startswith("webcal://"):
                address = "https://" + address.removeprefix("webcal://")
            assert address.startswith(SITE_URL), (page, link)
            path = unquote(address.removeprefix(SITE_URL))
            assert path in feeds, (page, link)  # a link to a feed the build writes
            if address not in blocks:
                gaps.append((page.relative_to(docs).as_posix(), path))
                continue
            block = blocks[address]
            webcal = "webcal://" + address.removeprefix("https://")
            assert f'href="{webcal}"' in block, (page, address)
            assert f'href="{_GOOGLE}{webcal}"' in block, (page, address)
            assert f'href="{address}"' in block and f'<code class="mg-url">{address}</code>' in block
            assert re.search(rf'<button type="button" class="mg-copy" data-copy="{re.escape(address)}"', block)
            sentence = re.search(r'<p class="mg-small">([^<]*)</p>', block)
            assert sentence is not None and "Google" in sentence.group(1), (page, address)
            assert re.search(r"12\D+24", sentence.group(1)), sentence.group(1)
            families.add(path.split("/")[1] if path.count("/") > 1 else path)
    return gaps, families


@pytest.mark.parametrize("territory", TERRITORIES)
def test_every_subscription_block_offers_webcal_google_the_address_to_copy_and_the_delay(
    territory: str, tmp_path: Path
) -> None:
    gaps, families = _links(territory, tmp_path)
    # Not a check of nothing: the site links feeds of these families (tout.ics from the agenda).
    assert {"evenement", "tournee", "acteur", "commune", "calendriers/tout.ics"} <= families, families
    assert gaps == []
    assert "village" in families


@pytest.mark.parametrize("territory", TERRITORIES)
def test_every_feed_link_on_the_site_has_its_subscription_block(territory: str, tmp_path: Path) -> None:
    gaps, _ = _links(territory, tmp_path)
    assert gaps == []
