"""The plain MkDocs-Material build the build benchmark compares with (issue 8): each generated
page rewritten as the Markdown page a person would write to say the same thing. These tests
check that the twin keeps every word and the title and drops only markup, so that the
baseline is neither padded nor emptied."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DEMO, ROOT, TODAY

from benchmarks.bench_build import markdown_twin
from generator.outputs import DOC_WRITERS, RenderContext
from generator.site import site_settings
from generator.validate import validate


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping += tag in ("script", "style", "svg", "template")

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in ("script", "style", "svg", "template")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words.extend(data.split())


def _words_of_html(body: str) -> list[str]:
    parser = _Words()
    parser.feed(body)
    return parser.words


def test_a_generated_page_becomes_markdown_with_the_same_title_and_words() -> None:
    source = (
        '---\ntitle: "Café & co"\nmaillage: "raw"\n---\n\n'
        '<article><h1>Café &amp; co</h1><p class="x">Ouvert <strong>lundi</strong>, 9 h</p>'
        "<ul><li>un</li><li>deux</li></ul><script>var secret = 1;</script><h2>Où ?</h2><p>a &lt;b&gt;</p></article>"
    )
    twin = markdown_twin(source)
    assert twin.startswith('---\ntitle: "Café & co"\n---\n')
    assert "maillage" not in twin and "<" not in twin.replace("&lt;", "")
    assert "# Café &amp; co" in twin and "## Où ?" in twin
    assert "- un\n- deux" in twin
    assert "secret" not in twin
    assert "a &lt;b>" in twin  # text that looks like markup stays text


def test_a_hand_written_page_is_left_as_it_is() -> None:
    page = "---\ntitle: Contribuer\n---\n\n# Contribuer\n\n*Merci* !\n"
    assert markdown_twin(page) == page
    assert markdown_twin("# Sans en-tête\n") == "# Sans en-tête\n"


@pytest.fixture(scope="module")
def demo_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    validation = validate(DEMO, today=date.fromisoformat(TODAY))
    assert validation.ok
    context = RenderContext(validation.dataset, validation.today, site_settings(ROOT / "mkdocs.yml"))
    docs = tmp_path_factory.mktemp("docs")
    for writer in DOC_WRITERS:
        writer(context, docs)
    return docs


def test_every_demo_page_keeps_every_word(demo_docs: Path) -> None:
    pages = [p for p in sorted(demo_docs.rglob("*.md")) if 'maillage: "raw"' in p.read_text(encoding="utf-8")[:600]]
    assert len(pages) > 200
    for page in pages:
        source = page.read_text(encoding="utf-8")
        body = source.split("\n---\n", 1)[1]
        twin = markdown_twin(source)
        expected = _words_of_html(body)
        text = re.sub(r"(?m)^(#+|-)( |$)", "", twin.split("\n---\n", 1)[1]).replace("&lt;", "<").replace("&amp;", "&")
        assert text.split() == expected, page
