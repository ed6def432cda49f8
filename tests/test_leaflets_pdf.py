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
        text = _section(text, "Les services, par besoin", "Agenda des deux prochains mois").replace("- ", "-")
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
        routes = _section(text, "Les tournées dans vos villages", "Pour en savoir plus")
        for circuit in context.dataset.circuits.values():
            for stop in circuit.stops:
                line = f"{names[stop.village]} · le "
                assert (line in routes) == (villages[stop.village] == commune.id), (commune.id, stop.village)


# --- made for reading: size, contrast, order; deterministic across processes ---------------

COLOUR_OPERATORS = {b"g", b"G", b"rg", b"RG", b"k", b"K", b"sc", b"SC", b"scn", b"SCN"}


def _colours(reader: pypdf.PdfReader, stream: Any, resources: Any, found: set[tuple[str, ...]]) -> None:
    """Every colour a content stream (and the forms it draws) sets, as its operands."""
    for operands, operator in ContentStream(stream, reader).operations:
        if operator in COLOUR_OPERATORS:
            found.add(tuple(f"{float(x):g}" for x in operands))
        elif operator == b"Do":
            xobject = resources["/XObject"][operands[0]].get_object()
            assert xobject["/Subtype"] == "/Form", "a leaflet holds no raster image"
            _colours(reader, xobject, xobject.get("/Resources", resources), found)
        elif operator in (b"BI", b"sh"):
            raise AssertionError("inline image or shading: not plain black on white")


def test_black_on_white_only(pdfs: dict[str, Path]) -> None:
    """High contrast, fine in black and white: every colour space has one (grey) component
    and everything is drawn in pure black (0) or white (1) — no colour, no grey text."""
    for name, path in pdfs.items():
        reader = pypdf.PdfReader(path)
        found: set[tuple[str, ...]] = set()
        for page in reader.pages:
            resources: Any = page["/Resources"]
            for space in resources.get("/ColorSpace", {}).values():
                space = space.get_object()
                family = str(space[0]) if isinstance(space, list) else str(space)
                if family == "/ICCBased":
                    assert int(space[1].get_object()["/N"]) == 1, f"{name}: a colour ICC profile"
                else:
                    assert family == "/DeviceGray", f"{name}: colour space {family}"
            _colours(reader, page.get_contents(), resources, found)
        assert found and found <= {("0",), ("1",)}, f"{name}: colours {found}"


def test_no_text_below_12_points_as_printed(pdfs: dict[str, Path]) -> None:
    """The size a reader sees: the font size scaled by the text and graphics matrices."""
    for name, path in pdfs.items():
        sizes = _printed_sizes(path)
        assert sizes and min(sizes) >= 12 - 1e-6, f"{name}: text at {min(sizes):.1f} pt"


def _printed_sizes(path: Path) -> list[float]:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5 * abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
            sizes.append(size * scale)

    for page in pypdf.PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_text_is_selectable_in_reading_order(pdfs: dict[str, Path]) -> None:
    """The text layer reads as the leaflet does: cover, services, agenda, routes, back cover."""
    text = flat(pdf_text(pdfs["commune-ciney.pdf"]))
    contents = text.index("Sommaire")
    order = [
        "Mini-Condroz Ciney Aide, services et activités près de chez vous Une question ? Un seul numéro :",
        "Les services, par besoin Aide sociale, droits et démarches",
        "CPAS de Ciney Revenu d'intégration, aides sociales",
        "Agenda des deux prochains mois Du lundi 23 novembre 2026 au samedi 23 janvier 2027",
        "mardi 24 novembre de 14 h à 16 h · Café rencontre d'Achêne",
        "Les tournées dans vos villages Épicerie itinérante – tournée du mardi",
        "Pour en savoir plus Tout sur Ciney, toujours à jour",
        "Édition du 23 novembre 2026 Vérifiez les changements",
    ]
    # each part found after the previous one (the sections after the contents' mentions)
    at = 0
    for i, part in enumerate(order):
        found = text.find(part, max(at, contents) if i else 0)
        assert found >= 0, f"not found in order: {part}"
        at = found + len(part)
    # the poster: title, then its timetable row by row, then what does not run
    poster = flat(pdf_text(pdfs["tournee-epicerie-mardi.pdf"]))
    assert poster.index("Épicerie itinérante – tournée du mardi") < poster.index("Heure Village Arrêt")
    assert poster.index("Heure Village Arrêt 9 h – 9 h 30 Achêne") < poster.index("Pas de passage mardi 29")


def test_same_bytes_in_another_process() -> None:
    """No hidden state (hash seeds, caches, the clock): a fresh interpreter gives the same bytes."""
    import os
    import subprocess
    import sys

    here = render_leaflets(context_for("leaflets"))
    script = (
        "import sys, hashlib; sys.path.insert(0, 'tests');"
        "from test_leaflets_support import context_for;"
        "from generator.outputs.leaflets import render_leaflets;"
        "out = render_leaflets(context_for('leaflets'));"
        "print('\\n'.join(f'{n} {hashlib.sha256(b).hexdigest()}' for n, b in sorted(out.items())))"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    import hashlib

    assert result.stdout.split("\n")[:-1] == [f"{n} {hashlib.sha256(b).hexdigest()}" for n, b in sorted(here.items())]
