"""The leaflets as PDF files: page sizes, fonts (all embedded, all from our packages), text
never below 12 pt, title and language, tagging, QR codes that decode to the right URLs, and
byte-identical output for the same data and "today". Also the demo territory: every commune's
leaflet holds none of another commune's actors or stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import DEMO, TODAY
from pypdf.generic import ContentStream
from test_leaflets_support import SITE_URL, context_for, flat, page_count, pdf_text, qr_codes

from generator.outputs import RenderContext
from generator.outputs.leaflets import render_leaflets
from generator.outputs.leaflets.selection import serves, village_communes
from generator.validate import validate

A5 = (419.5, 595.3)
A4_LANDSCAPE = (841.9, 595.3)
FAMILIES = ("AtkinsonHyperlegible", "NotoSans", "NotoEmoji")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, pdf in render_leaflets(context_for("leaflets")).items():
        out[name] = folder / name
        out[name].write_bytes(pdf)
    return out


def _size(page: pypdf.PageObject) -> tuple[float, float]:
    return (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))


def test_page_sizes(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        reader = pypdf.PdfReader(path)
        expected = A4_LANDSCAPE if name.startswith("tournee-") else A5
        assert {_size(page) for page in reader.pages} == {expected}, name
        if name.startswith("tournee-"):
            assert len(reader.pages) == 1, f"{name}: a poster is one sheet"
        else:
            # a booklet: whole A4 sheets folded in two
            assert len(reader.pages) % 4 == 0, name


def _fonts(reader: pypdf.PdfReader) -> dict[str, Any]:
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_every_font_is_embedded_and_comes_from_our_packages(pdfs: dict[str, Path]) -> None:
    seen = set()
    for name, path in pdfs.items():
        for base, font in _fonts(pypdf.PdfReader(path)).items():
            family = base.split("+", 1)[-1]
            assert family.startswith(FAMILIES), f"{name}: unexpected font {base}"
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name}: {base}"
            seen.add(family.split("-")[0])
    # the fallbacks really print the hostile actor's Arabic and emoji
    assert {"AtkinsonHyperlegible", "NotoSansArabic", "NotoEmoji"} <= seen


def test_no_text_below_12_points(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        reader = pypdf.PdfReader(path)
        for number, page in enumerate(reader.pages, 1):
            content = ContentStream(page.get_contents(), reader)
            sizes = [float(operands[1]) for operands, operator in content.operations if operator == b"Tf"]
            assert sizes, f"{name} p.{number} has no text"
            assert min(sizes) >= 12, f"{name} p.{number}: text at {min(sizes)} pt"


def test_title_language_and_tags(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        reader = pypdf.PdfReader(path)
        assert reader.metadata is not None and reader.metadata.title, name
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]).startswith("fr"), name
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, name
    titles = {name: pypdf.PdfReader(path).metadata.title for name, path in pdfs.items()}  # type: ignore[union-attr]
    assert titles["commune-ciney.pdf"] == "Ciney – Aide, services et activités près de chez vous"
    assert titles["tournee-epicerie-mardi.pdf"] == "Épicerie itinérante – tournée du mardi"


def test_qr_codes_decode_to_the_right_urls(pdfs: dict[str, Path], tmp_path: Path) -> None:
    leaflet = pdfs["commune-ciney.pdf"]
    assert qr_codes(leaflet, page_count(leaflet), tmp_path) == {
        f"{SITE_URL}communes/ciney/",
        f"{SITE_URL}calendriers/commune/ciney.ics",
    }
    assert qr_codes(pdfs["tournee-epicerie-mardi.pdf"], 1, tmp_path) == {
        f"{SITE_URL}tournees/epicerie-mardi/",
        f"{SITE_URL}calendriers/tournee/epicerie-mardi.ics",
    }
    directory = pdfs["repertoire.pdf"]
    assert qr_codes(directory, page_count(directory), tmp_path) == {f"{SITE_URL}acteurs/"}
    # the URLs are printed in words too, for whoever has no phone to scan with
    assert f"{SITE_URL}communes/ciney/" in flat(pdf_text(leaflet)).replace(" ", "")


def test_same_data_and_today_give_the_same_bytes() -> None:
    first = render_leaflets(context_for("leaflets"))
    second = render_leaflets(context_for("leaflets"))
    assert first == second
    other_day = render_leaflets(context_for("leaflets", "2026-11-24"))
    assert other_day["commune-ciney.pdf"] != first["commune-ciney.pdf"]


# --- the demo territory --------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[RenderContext, dict[str, str]]:
    from datetime import date

    validation = validate(DEMO, today=date.fromisoformat(TODAY))
    assert validation.ok
    context = RenderContext(validation.dataset, validation.today, {"site_url": SITE_URL})
    folder = tmp_path_factory.mktemp("demo")
    texts = {}
    for name, pdf in render_leaflets(context).items():
        (folder / name).write_bytes(pdf)
        texts[name] = flat(pdf_text(folder / name))
        texts[f"pages:{name}"] = str(page_count(folder / name))
    return context, texts


def test_demo_documents_all_exist(demo: tuple[RenderContext, dict[str, str]]) -> None:
    context, texts = demo
    expected = {f"commune-{c.id}.pdf" for c in context.territory.communes}
    expected |= {f"tournee-{c}.pdf" for c in context.dataset.circuits} | {"repertoire.pdf"}
    assert {name for name in texts if not name.startswith("pages:")} == expected
    # the demo's longest route (13 stops) still fits its poster on one sheet
    assert texts["pages:tournee-epicerie-mardi.pdf"] == "1"


def _section(text: str, heading: str, next_heading: str) -> str:
    """A section of a leaflet, from its heading to the next (the first mentions are the contents)."""
    start = text.index(heading, text.index(heading) + 1)
    return text[start : text.index(next_heading, start)]


def test_demo_leaflets_hold_no_other_communes_actors(demo: tuple[RenderContext, dict[str, str]]) -> None:
    context, texts = demo
    actors = context.dataset.actors.values()
    for commune in context.territory.communes:
        text = texts[f"commune-{commune.id}.pdf"]
        # the services by need (a route's operator or an event's organiser may be named further on)
        # (a name may wrap after its hyphen: « Somme-⏎Leuze »)
        text = _section(text, "Les services, par besoin", "Agenda du").replace("- ", "-")
        served = [str(a.name) for a in actors if serves(a, commune.id)]
        assert all(name in text for name in served), commune.id
        for actor in actors:
            name = str(actor.name)
            if not serves(actor, commune.id) and not any(name in other for other in served):
                assert f"{name} " not in text, f"{name} is on {commune.id}'s leaflet"


def test_demo_leaflets_hold_only_their_villages_stops(demo: tuple[RenderContext, dict[str, str]]) -> None:
    context, texts = demo
    villages = village_communes(context)
    names = {v.id: str(v.name) for c in context.territory.communes for v in c.villages}
    for commune in context.territory.communes:
        text = texts[f"commune-{commune.id}.pdf"]
        routes = _section(text, "Les tournées dans vos villages", "Mes notes")
        for circuit in context.dataset.circuits.values():
            for stop in circuit.stops:
                line = f"{names[stop.village]} · de "
                assert (line in routes) == (villages[stop.village] == commune.id), (commune.id, stop.village)
