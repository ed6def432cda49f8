"""The yearly report per commune (issue 9, item 4): ``/imprimer/rapport-<annee>-<commune>.pdf``.

Built from the observatory's territory (tests/observatory/data, "today" 2026-11-23, the
known answers of tests/test_observatory.py) and read back as a person's tools would: poppler's
pdftotext for the text, pypdf for the page size, fonts, title and language. Poppler is a real
dependency of these tests: when it is missing they fail and say so, they never skip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import ContentStream

from generator.indicators import commune_year
from generator.outputs import SITE_WRITERS, RenderContext
from generator.outputs.observatory import Observatory
from generator.outputs.reports import render_reports, write_reports, years
from generator.validate import validate

DATA = Path(__file__).resolve().parent / "observatory" / "data"
TODAY = date(2026, 11, 23)
NAMES = {"rapport-2025-alpha.pdf", "rapport-2026-alpha.pdf", "rapport-2025-beta.pdf", "rapport-2026-beta.pdf"}
A4 = (595.3, 841.9)
FAMILIES = ("AtkinsonHyperlegible", "NotoSans", "NotoEmoji")


def context_of(data: Path, today: date = TODAY) -> RenderContext:
    validation = validate(data, today=today)
    assert validation.ok, [f"{p.file}: {p.message}" for p in validation.errors]
    return RenderContext(validation.dataset, validation.today, {"site_url": "https://maillage.example/"})


def pdftotext(pdf: Path, mode: str = "-layout") -> str:
    """-layout: a table's row on one line, its cells in order (while no cell wraps);
    -raw: the content in the order written, which is the reading order."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext is missing: install Debian's poppler-utils (`make system-deps`)"
    return subprocess.run([tool, mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def row(text: str, *cells: object) -> bool:
    """Whether a line of the text holds these cells, in this order, and nothing else."""
    pattern = r"^\s*" + r"\s+".join(re.escape(str(c)) for c in cells) + r"\s*$"
    return re.search(pattern, text, re.MULTILINE) is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    write_reports(context_of(DATA), site)
    return site / "imprimer"


@pytest.fixture(scope="module")
def texts(built: Path) -> dict[str, str]:
    return {path.name: pdftotext(path) for path in sorted(built.glob("rapport-*.pdf"))}


# --- which reports ---------------------------------------------------------------------------


def test_one_report_per_commune_and_year(built: Path) -> None:
    assert write_reports in SITE_WRITERS
    assert years(TODAY) == (2025, 2026)
    assert {p.name for p in built.iterdir()} == NAMES


def test_the_observatory_links_every_report_and_only_those(built: Path) -> None:
    page = Observatory(context_of(DATA)).markdown()
    links = set(re.findall(r'href="\.\./imprimer/(rapport-[^"]+\.pdf)"', page))
    assert links == NAMES == {p.name for p in built.iterdir()}


# --- the figures -------------------------------------------------------------------------------


def test_per_commune_figures_have_known_answers() -> None:
    dataset = context_of(DATA).dataset
    alpha = commune_year(dataset, TODAY, "alpha", 2026)
    assert (alpha.first, alpha.last, alpha.complete) == (date(2026, 1, 1), TODAY, False)
    # meetings in Feb and Jun; the café every 15th but August (cancelled); December still planned
    assert alpha.months == [1, 2, 1, 1, 1, 2, 1, 0, 1, 1, 1, 0]
    assert (alpha.meetings, alpha.planned, alpha.attended_occurrences, alpha.participants) == (2, 2, 5, 27)
    assert alpha.by_age == {"0-11": 2, "12-17": 0, "18-25": 0, "26-64": 9, "65+": 4}
    assert alpha.by_residence == {"alpha": 7, "beta": 7}
    assert (alpha.reached, alpha.white_zones) == ({"a1"}, ["a2"])
    assert (alpha.actors, alpha.actors_present) == (["asbl", "cpas"], {"asbl", "cpas"})
    previous = alpha.previous
    assert (previous.first, previous.last, previous.occurrences, previous.participants) == (
        date(2025, 1, 1),
        date(2025, 11, 23),
        2,
        6,
    )
    beta = commune_year(dataset, TODAY, "beta", 2026)
    # the grocery van's first three runs; Bêta's residents came to Alpha's café (3 + 4)
    assert (beta.months[8:], beta.planned, beta.participants, beta.residents) == ([1, 1, 1, 0], 1, 0, 7)
    assert (beta.actors, beta.actors_present) == (["club", "pcs"], {"pcs"})
    last_year = commune_year(dataset, TODAY, "alpha", 2025)
    assert (last_year.last, last_year.complete, sum(last_year.months), last_year.participants) == (
        date(2025, 12, 31),
        True,
        2,
        6,
    )


def test_the_current_years_report_prints_the_communes_figures(texts: dict[str, str], built: Path) -> None:
    text = texts["rapport-2026-alpha.pdf"]
    assert "Année en cours, du 1er janvier au 23 novembre 2026" in text
    # this year against the same span of last year
    assert row(text, "activités tenues", 2, 12)
    assert row(text, "réunions de coordination", 2, 2)
    assert row(text, "participants notés", 6, 27)
    assert row(text, "villages touchés", 1, 1)
    # months down, types across (café, meeting, total)
    assert row(text, "février", 1, 1, 2)
    assert row(text, "août", 0, 0, 0)
    assert row(text, "total", 10, 2, 12)
    # activity, type, when, dates held, with attendance noted, participants (cells wrap: read in order)
    raw = flat(pdftotext(built / "rapport-2026-alpha.pdf", "-raw"))
    assert "Café rencontre café rencontre du 15 janv. au 15 nov. 10 3 19" in raw
    assert "Réunion de coordination réunion de coordination 2 févr. 1 1 8" in raw
    assert "Réunion de coordination réunion de coordination 1er juin 1 1 0" in raw
    assert row(text, "26-64 ans", 9) and row(text, "0-11 ans", 2) and row(text, "65+ ans", 4)
    assert row(text, "Alpha", 7) and row(text, "Bêta", 7)
    assert row(text, "Alpha-Centre", "oui") and row(text, "Alpha-Bois", "non")
    assert row(text, "acteurs qui servent Alpha", 2, 2, "100 %")
    assert "Encore prévues à Alpha d'ici au 31 décembre 2026 : 2 activités." in flat(text)


def test_the_network_figures_are_labelled_as_the_whole_territorys(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        assert "Tout le territoire : Observatoire-Test — un indicateur du réseau entier" in flat(text), name
    now, last = texts["rapport-2026-alpha.pdf"], texts["rapport-2025-alpha.pdf"]
    assert row(now, "2025", 2, 3, "non") and row(now, "2026 (au 23 novembre 2026)", 2, 3, "non")
    assert row(now, "tous les acteurs du territoire", 3, 4, "75 %")
    assert row(last, "2024", 0, 3, "non") and row(last, "2025", 2, 3, "non")
    # 2025: cpas and asbl at the March meeting, pcs organised October's
    assert row(last, "tous les acteurs du territoire", 3, 4, "75 %")


def test_the_previous_years_report_covers_the_whole_year(texts: dict[str, str]) -> None:
    text = texts["rapport-2025-alpha.pdf"]
    assert "Année complète, du 1er janvier au 31 décembre 2025" in text
    assert row(text, "activités tenues", 0, 2) and row(text, "participants notés", 0, 6)
    assert row(text, "mars", 1, 1) and row(text, "octobre", 1, 1) and row(text, "total", 2, 2)
    assert "Encore prévues" not in text


def test_no_other_communes_figures(texts: dict[str, str]) -> None:
    beta = texts["rapport-2026-beta.pdf"]
    assert (
        "Alpha" not in beta and "Café rencontre" not in beta and not re.search(r"(?<![\d-])(27|12|19)(?![\d-])", beta)
    )
    assert row(beta, "activités tenues", 0, 3) and row(beta, "septembre", 1, 1) and row(beta, "total", 3, 3)
    assert row(beta, "Bêta-Centre", "oui") and row(beta, "Bêta-Champs", "non")
    assert "Habitants de Bêta comptés aux activités de tout le territoire en 2026 : 7." in flat(beta)
    assert row(beta, "acteurs qui servent Bêta", 1, 2, "50 %")
    for name in ("rapport-2025-alpha.pdf", "rapport-2026-alpha.pdf"):
        assert "Épicerie" not in texts[name] and "Bêta-C" not in texts[name]
    assert "Alpha" not in texts["rapport-2025-beta.pdf"]


# --- the PDF ---------------------------------------------------------------------------------


def _fonts(reader: pypdf.PdfReader) -> dict[str, Any]:
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_a4_portrait_fonts_embedded_title_and_language(built: Path) -> None:
    for path in sorted(built.glob("rapport-*.pdf")):
        reader = pypdf.PdfReader(path)
        sizes = {(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in reader.pages}
        assert sizes == {A4} and all(not p.get("/Rotate") for p in reader.pages), path.name
        fonts = _fonts(reader)
        assert fonts, path.name
        for base, font in fonts.items():
            assert base.split("+", 1)[-1].startswith(FAMILIES), f"{path.name}: {base}"
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{path.name}: {base}"
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]).startswith("fr"), path.name
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, path.name
    title = pypdf.PdfReader(built / "rapport-2026-alpha.pdf").metadata
    assert title is not None and title.title == "Rapport d'activité 2026 – Alpha"


def test_no_text_below_12_points(built: Path) -> None:
    for path in sorted(built.glob("rapport-*.pdf")):
        reader = pypdf.PdfReader(path)
        for number, page in enumerate(reader.pages, 1):
            content = ContentStream(page.get_contents(), reader)
            sizes = [float(operands[1]) for operands, operator in content.operations if operator == b"Tf"]
            assert sizes and min(sizes) >= 12, f"{path.name} p.{number}: {sizes and min(sizes)} pt"


def test_same_data_and_today_give_the_same_bytes(built: Path) -> None:
    again = render_reports(context_of(DATA))
    assert set(again) == NAMES
    for name, pdf in again.items():
        assert pdf == (built / name).read_bytes(), name
    # and another "today" gives other reports (the test can tell them apart)
    later = render_reports(context_of(DATA, date(2026, 12, 8)))
    assert later["rapport-2026-alpha.pdf"] != again["rapport-2026-alpha.pdf"]


HOSTILE_COMMUNE = '#panic("x") *gras* $x^2$ <b>&amp;</b> [a](b) \\ @ref // %'
HOSTILE_TITLE = '= Titre #set page(paper: "a3") _souligné_ `code` {x}'


def test_text_from_data_is_printed_as_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    territory = data / "territory.yaml"
    text = territory.read_text(encoding="utf-8")
    assert "    name: Alpha\n" in text
    quoted = HOSTILE_COMMUNE.replace("\\", "\\\\").replace('"', '\\"')
    territory.write_text(text.replace("    name: Alpha\n", f'    name: "{quoted}"\n'), encoding="utf-8")
    cafe = data / "events" / "cafe-a1.yaml"
    cafe.write_text(
        cafe.read_text(encoding="utf-8").replace("title: Café rencontre", "title: '" + HOSTILE_TITLE + "'"),
        encoding="utf-8",
    )
    write_reports(context_of(data), tmp_path / "site")
    pdf = tmp_path / "site" / "imprimer" / "rapport-2026-alpha.pdf"
    text = flat(pdftotext(pdf, "-raw"))
    assert HOSTILE_COMMUNE in text and HOSTILE_TITLE in text
    reader = pypdf.PdfReader(pdf)
    assert reader.metadata is not None and reader.metadata.title == f"Rapport d'activité 2026 – {HOSTILE_COMMUNE}"
    # a4 still: the title's `#set page` was printed, not obeyed
    assert {(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in reader.pages} == {A4}


def test_a_commune_with_many_kinds_of_activity_gets_a_table_by_type() -> None:
    # the demo territory: Ciney hosts more kinds of activity than an A4 line holds side by side
    from conftest import DEMO

    from generator.outputs.reports.content import TYPES_ACROSS, Report

    report = Report(context_of(DEMO), "ciney", 2026)
    assert len(report.data.months_by_type) > TYPES_ACROSS
    tables = [b for b in report.months()["blocks"] if b["kind"] == "table"]
    assert [t["header"] for t in tables] == [["mois", "total"], ["type", "activités"]]
    assert tables[0]["rows"][-1] == tables[1]["rows"][-1] == ["total", str(sum(report.data.months))]
