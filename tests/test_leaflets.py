"""What the printed leaflets say, read back from the PDFs: each commune's own actors, events
and stops and none of another's; cancelled runs with their reason; the same occurrences as
the schedule; hostile text printed as written; the directory's indexes pointing at the right
pages. Built on tests/territories/leaflets (two communes, one actor with markup-like text)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from test_leaflets_support import context_for, flat, page_count, pdf_text

from generator.outputs import SITE_WRITERS
from generator.outputs.leaflets import render_leaflets, write_leaflets
from generator.outputs.leaflets.selection import months_later
from generator.outputs.leaflets.words import Words

HOSTILE_NAME = '#set page(paper: "a3") $x^2$ *gras* _pench_ \\ <lab> @ref [crochet] {accolade}'
HOSTILE_SUMMARY = "= Titre // commentaire /* bloc */ #let x = 1 `code` ~ -- ---"
LONG_WORD = "Motsansaucuneespacepourcouperlalignenullepartdutoutvraiment"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    write_leaflets(context_for("leaflets"), site)
    return site / "imprimer"


@pytest.fixture(scope="module")
def texts(built: Path) -> dict[str, str]:
    return {pdf.name: flat(pdf_text(pdf)) for pdf in sorted(built.glob("*.pdf"))}


def test_the_writer_is_registered_and_writes_every_document(built: Path) -> None:
    assert write_leaflets in SITE_WRITERS
    assert sorted(p.name for p in built.iterdir()) == [
        "commune-ciney.pdf",
        "commune-hamois.pdf",
        "repertoire.pdf",
        "tournee-bibliobus-cinq.pdf",
        "tournee-epicerie-mardi.pdf",
    ]


def test_each_commune_holds_its_actors_and_none_of_another(texts: dict[str, str]) -> None:
    ciney, hamois = texts["commune-ciney.pdf"], texts["commune-hamois.pdf"]
    assert "CPAS de Ciney" in ciney and "CPAS de Hamois" not in ciney
    assert "CPAS de Hamois" in hamois and "CPAS de Ciney" not in hamois
    # an actor serving the whole territory is in both
    assert "Épicerie solidaire du Condroz" in ciney and "Épicerie solidaire du Condroz" in hamois
    assert HOSTILE_NAME not in hamois


def test_each_commune_holds_its_stops_and_events_and_none_of_another(texts: dict[str, str]) -> None:
    ciney, hamois = texts["commune-ciney.pdf"], texts["commune-hamois.pdf"]
    assert "Achêne · le mardi, de 9 h à 9 h 30 Place de l'Église" in ciney
    assert "Natoye" not in ciney.replace("Atelier CV à Natoye", "")
    assert "Natoye · le mardi, de 11 h à 11 h 30 Place de Natoye" in hamois
    assert "Hamois · de 14 h à 15 h Parking _de la_ gare #2" in hamois and "Parking _de la_" not in ciney
    assert "Achêne" not in hamois
    assert "Café rencontre d'Achêne" in ciney and "Atelier CV à Natoye" not in ciney
    assert "Atelier CV à Natoye" in hamois and "Café rencontre" not in hamois
    assert "Inscription obligatoire : 083 61 00 11" in hamois


def test_the_leaflet_has_the_helpline_hours_in_words_edition_and_check_line(texts: dict[str, str]) -> None:
    # The hours' clauses are separated by a narrow no-break space and ";", which the text
    # layer gives without the space: compared with a plain space.
    ciney = re.sub(r" ?;", " ;", texts["commune-ciney.pdf"])
    assert "Info sociale 0800 99 012 du lundi au vendredi, de 9 h à 16 h ; fermé les jours fériés" in ciney
    # OpenStreetMap's rule, as the pages say it: "Tu 13:30-16:00" replaces Tuesday's morning.
    assert "Horaires : lundi et du mercredi au vendredi, de 8 h 30 à 12 h ; le mardi, de 13 h 30 à 16 h" in ciney
    assert "Édition du 23 novembre 2026" in ciney
    assert "Vérifiez les changements : ce document date du 23 novembre 2026." in ciney
    assert "Fermé du jeudi 24 décembre 2026 au samedi 2 janvier 2027 : Fermeture de fin d'année" in ciney


def test_cancelled_and_moved_occurrences_are_marked_never_shown_as_taking_place(texts: dict[str, str]) -> None:
    ciney = texts["commune-ciney.pdf"]
    assert "mardi 15 décembre ANNULÉ : Salle réservée [élections] #1 de 14 h à 16 h · Café rencontre d'Achêne" in ciney
    assert "mercredi 9 décembre CHANGEMENT : Déplacé au mercredi de 14 h à 16 h" in ciney
    assert "mardi 8 décembre" not in ciney
    assert "Pas de passage le mardi 29 décembre : Véhicule en entretien" in ciney
    poster = texts["tournee-epicerie-mardi.pdf"]
    # the poster's box is titled « Pas de passage »; each line under it is a date and its reason
    assert "Pas de passage mardi 29 décembre : Véhicule en entretien" in poster
    assert "mardi 2 mars 2027 : Inventaire" in poster
    assert "Pas de passage les jours fériés." in poster
    assert "Pas de passage le mardi 5 janvier 2027 : Congé #1 [fin d'année]" in texts["commune-hamois.pdf"]


def test_the_agenda_shows_exactly_the_schedules_occurrences(tmp_path: Path) -> None:
    """Item 4: the same occurrences as feeds and pages — those of RenderContext.occurrences."""
    context = context_for("leaflets")
    words = Words("fr")
    first, last = context.today, months_later(context.today, 2)
    expected = [o for o in context.occurrences["evenement-cafe-achene"] if first <= o.day <= last]
    assert len(expected) == 9  # weekly from 24 Nov to 19 Jan, 8 Dec moved to the 9th, none skipped
    text = flat(pdf_text(_write(tmp_path / "now.pdf", render_leaflets(context)["commune-ciney.pdf"])))
    for occurrence in expected:
        label = flat(words.long_date(occurrence.day, year=occurrence.day.year != first.year))
        assert f"{label} " in text
    assert text.count("Café rencontre d'Achêne") == len(expected) + 1  # + its entry in « en détail »
    # "today" moves the agenda: the 24 November café is gone a month later
    later = render_leaflets(context_for("leaflets", "2026-12-20"))["commune-ciney.pdf"]
    assert "mardi 24 novembre" in text
    assert "mardi 24 novembre" not in flat(pdf_text(_write(tmp_path / "later.pdf", later)))


def _write(path: Path, pdf: bytes) -> Path:
    path.write_bytes(pdf)
    return path


def test_hostile_text_prints_as_written(texts: dict[str, str]) -> None:
    ciney = texts["commune-ciney.pdf"]
    assert HOSTILE_NAME in ciney
    assert HOSTILE_SUMMARY in ciney
    assert LONG_WORD in ciney  # broken over two lines by the layout, yet one word in the text
    assert "😀🍞" in ciney.replace(" ", "") or "🍞😀" in ciney.replace(" ", "")
    assert "#[Salle] <b> : Rue du #1 $, 5590 Ciney" in ciney
    assert "Apportez *votre* carte @ l'accueil [sic]." in ciney
    assert "Services : Atelier #2 : \\n pas un saut de ligne" in ciney
    assert HOSTILE_NAME in texts["repertoire.pdf"]


def test_right_to_left_text_keeps_its_letters(texts: dict[str, str]) -> None:
    """Arabic is shaped by Noto Sans Arabic (see test_leaflets_pdf for the font). Poppler
    reads shaped Arabic back in visual order and ignores Typst's ActualText, so the test asks
    for every letter, not for the word order."""
    letters = {c for c in "مرحبا بكم" if c != " "}
    assert letters <= set(texts["commune-ciney.pdf"])


def test_the_poster_lists_every_stop_in_route_order(texts: dict[str, str]) -> None:
    poster = texts["tournee-epicerie-mardi.pdf"]
    assert "Épicerie itinérante – tournée du mardi" in poster
    assert "Chaque mardi, du 1er septembre 2026 au 30 juin 2027" in poster
    assert poster.index("9 h – 9 h 30 Achêne Place de l'Église") < poster.index("11 h – 11 h 30 Natoye Place de Natoye")
    assert "Renseignements et commandes : Épicerie solidaire du Condroz · Téléphone : 083 69 00 00" in poster
    # the next three months' runs, without the cancelled 29 December
    assert (
        "Prochains passages : 24 novembre ; 1er, 8, 15 et 22 décembre ; 5, 12, 19 et 26 janvier ; 2, 9, 16 et 23 février"
        in poster
    )


def test_the_directory_has_contents_and_indexes_pointing_at_the_entries(built: Path) -> None:
    pdf = built / "repertoire.pdf"
    pages = [flat(pdf_text(pdf, n, n)) for n in range(1, 1 + page_count(pdf))]
    assert "Sommaire" in pages[0] and "Index par thème" in pages[0] and "Index par commune" in pages[0]
    entry_page = next(n for n, text in enumerate(pages, 1) if "Revenu d'intégration, aides sociales" in text)
    themes = next(n for n, text in enumerate(pages, 1) if text.startswith("Index par thème"))
    communes = next(n for n, text in enumerate(pages, 1) if text.startswith("Index par commune"))
    assert entry_page < themes < communes
    index = re.sub(r"( ?\.)+ ", " ", " ".join(pages[themes - 1 :]))  # without the dot leaders
    assert f"Aide sociale CPAS de Ciney {entry_page} CPAS de Hamois" in index
    by_commune = re.sub(r"( ?\.)+ ", " ", " ".join(pages[communes - 1 :]))
    assert "Tout le territoire Épicerie solidaire du Condroz" in by_commune


def test_today_is_the_one_given(texts: dict[str, str]) -> None:
    assert all("Édition du 23 novembre 2026" in text for text in texts.values())
    assert date(2026, 11, 23) == context_for("leaflets").today


def test_templates_never_read_data_as_markup() -> None:
    """Item 6 by construction: data arrives as JSON and is only ever shown as string values."""
    from generator.outputs.leaflets.engine import TEMPLATES

    for template in TEMPLATES.glob("*.typ"):
        source = template.read_text(encoding="utf-8")
        assert "eval(" not in source and "read(" not in source, template.name
