"""Hostile text from data, read back from the built outputs (issue 7, item 2).

``tests/territories/injection/`` holds every trick of ``hostile/`` plus spreadsheet formulas,
Typst markup, iCal line breaks and separators, HTML hidden in Markdown (iframes, event
handlers, ``<svg onload>``, ``<style>``, ``<form>``), obfuscated ``javascript:`` and ``data:``
links and Jinja. Its site is built once; each test parses one kind of output and checks
that the text stayed text: no element, attribute, link, calendar property or PDF content
comes from it. (The CSV and JSON exports are checked by tests/test_exports.py; the browser
side, dialogs and scripts, by tests/web/test_hostile_browser.py.)
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import TERRITORIES, TODAY, run_cli

DATA = TERRITORIES / "injection" / "data"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background")
FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "style", "base", "applet", "math"}
SAFE_SCHEMES = ("https:", "mailto:", "tel:", "webcal:")
FORMULA = '=HYPERLINK("https://evil.example";"Cliquez")'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("injection") / "site"
    result = run_cli("build", "--data", str(DATA), "--site-dir", str(folder), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


class Document(HTMLParser):
    """Every start tag with its attributes, the inline scripts and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attributes, body = self.scripts[-1]
            self.scripts[-1] = (attributes, body + data)
        else:
            self.text.append(data)


def parse(path: Path) -> Document:
    document = Document()
    document.feed(path.read_text(encoding="utf-8"))
    document.close()
    return document


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 20, "the hostile site has too few pages"
    return found


def scheme_of(url: str) -> str:
    """The scheme a browser would see: control characters and spaces dropped, lower case."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) + ":" if match else ""


def test_no_element_or_attribute_comes_from_data(site: Path) -> None:
    for path in pages(site):
        document = parse(path)
        where = path.relative_to(site)
        for tag, attributes in document.tags:
            assert tag not in FORBIDDEN_TAGS, (where, tag, attributes)
            assert not [a for a in attributes if a.startswith("on")], (where, tag, attributes)
            style = attributes.get("style", "")  # the generator's own sizes only, never data
            assert re.fullmatch(r"([a-z-]+:\s*[0-9.]+(px|%|em|rem)?;?\s*)*", style), (where, tag, style)
            for name in URL_ATTRIBUTES:
                if name in attributes and scheme_of(attributes[name]):
                    assert scheme_of(attributes[name]) in SAFE_SCHEMES, (where, tag, name, attributes[name])
            if tag in ("img", "script", "link", "source", "form", "svg", "image", "use", "input"):
                for name in ("src", "href", "action", "formaction"):
                    value = attributes.get(name, "")
                    assert not scheme_of(value) or value.startswith("https://maillage.example/"), (where, tag, value)
        assert "evil.example/frame" not in " ".join(a.get("src", "") for _, a in document.tags), where


def test_every_script_is_a_file_or_inert_data(site: Path) -> None:
    for path in pages(site):
        for attributes, body in parse(path).scripts:
            where = path.relative_to(site)
            if attributes.get("type") in ("application/ld+json", "application/json"):
                assert "<" not in body, (where, body[:80])
                json.loads(body)  # whole, valid JSON: the data did not close the element
            else:
                assert attributes.get("src") and not scheme_of(attributes["src"]), (where, attributes)
                assert body.strip() == "", (where, body[:80])


def test_text_from_data_is_shown_as_written(site: Path) -> None:
    actor = parse(site / "acteurs" / "formules" / "index.html")
    text = " ".join(actor.text)
    assert FORMULA in text
    assert "{{ 7*7 }}" in text and "49" not in text  # Jinja never reads data
    assert '{% include "base.html" %}' in text and "{{ config.extra.report_error_email }}" in text
    assert '<iframe src="https://evil.example/frame"></iframe>' in text  # shown, not parsed
    assert "[casse](JaVaScRiPt:alert('casse'))" in text  # a refused link stays text
    ld = [json.loads(body) for attributes, body in actor.scripts if attributes.get("type") == "application/ld+json"]
    assert ld and ld[0]["name"] == FORMULA
    event = " ".join(parse(site / "evenements" / "ical" / "index.html").text)
    assert "Atelier;DTSTART:19700101T000000Z,X\\Y #strong[gras] =2+2" in event


def test_links_from_markdown_are_only_safe_ones(site: Path) -> None:
    actor = parse(site / "acteurs" / "formules" / "index.html")
    hrefs = [a.get("href", "") for tag, a in actor.tags if tag == "a"]
    assert not [h for h in hrefs if "alert" in h or "base64" in h or "msgbox" in h], hrefs


def _unfolded(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", ""), "a bare line feed in a calendar"
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_text_cannot_add_lines_or_properties(site: Path) -> None:
    feeds = sorted((site / "calendriers").rglob("*.ics"))
    assert feeds
    for feed in feeds:
        lines = [line for line in _unfolded(feed.read_bytes().decode("utf-8")) if line]
        begins = [line for line in lines if line == "BEGIN:VEVENT"]
        assert len(begins) == len([line for line in lines if line == "END:VEVENT"]), feed
        for line in lines:
            assert re.match(r"^[A-Z][A-Z0-9-]*[;:]", line), (feed.name, line)
            assert not line.startswith(("SUMMARY:Faux", "URL:javascript", "LOCATION:Ailleurs")), (feed.name, line)
            assert not line.startswith("DTSTART:19700101T000000Z"), (feed.name, line)
    ics = (site / "calendriers" / "evenement" / "ical.ics").read_bytes().decode("utf-8")
    summaries = [line for line in _unfolded(ics) if line.startswith("SUMMARY:")]
    assert "SUMMARY:Atelier\\;DTSTART:19700101T000000Z\\,X\\\\Y #strong[gras] =2+2" in summaries
    cancelled = [s for s in summaries if "STATUS" in s]
    assert all("\\;STATUS:CONFIRMED\\," in s for s in cancelled), cancelled


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the leaflets", pytrace=False)
    result = subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def test_typst_markup_in_data_is_printed_not_run(site: Path) -> None:
    booklet = _pdf_text(site / "imprimer" / "repertoire.pdf")
    assert FORMULA in booklet
    assert '#read("/etc/passwd")' in booklet  # printed as text: Typst did not read the file
    assert "root:" not in booklet
    leaflet = _pdf_text(site / "imprimer" / "commune-ciney.pdf")
    assert "#strong[gras]" in leaflet.replace("\n", " ") or FORMULA in leaflet
    for pdf in sorted((site / "imprimer").glob("*.pdf")):
        raw = pdf.read_bytes()
        assert b"/JavaScript" not in raw and b"/JS " not in raw and b"/Launch" not in raw, pdf.name
        assert b"javascript:" not in raw.lower(), pdf.name


def _search_records(site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((site / "recherche" / "index.json").read_text(encoding="utf-8"))
    return {doc["u"]: doc for doc in data["docs"]}


def test_search_index_holds_data_as_plain_text(site: Path) -> None:
    records = _search_records(site)
    actor = records["acteurs/formules/"]
    assert actor["n"] == FORMULA
    assert "{{ 7*7 }}" in actor["x"] or "{{ 7*7 }}" in actor["n"]
    # Tags are indexes into the thesaurus's own list: no data string becomes a tag.
    for record in records.values():
        assert all(isinstance(i, int) and isinstance(w, int) for i, w in record["g"]), record
    assert records["evenements/ical/"]["n"].startswith("Atelier;DTSTART")
