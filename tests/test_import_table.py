"""`import table` (issue 19): a messy répertoire social of 34 organisations becomes actor files.

The sheet (tests/importers/messy_sheet.py) has a merged title line and group line above its
header, empty rows, a section title, phones in four formats, hours in French words and
communes misspelt. The report and the `check` that follows are pinned in
tests/importers/expected/: what was normalised, and exactly the decisions left — every error
of `check` is one of the report's decisions, nothing else. The same sheet saved as a
Windows-1252 CSV and as ODS gives the same files.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import TERRITORIES

from generator.__main__ import main
from generator.validate import validate

sys.path.insert(0, str(Path(__file__).resolve().parent / "importers"))
from messy_sheet import HEADER, rows, write_csv, write_ods, write_xlsx

EXPECTED = Path(__file__).resolve().parent / "importers" / "expected"
# MAILLAGE_PIN=1 rewrites the pinned files (then read the diff before committing it).
PIN = os.environ.get("MAILLAGE_PIN") == "1"


def _territory(folder: Path) -> Path:
    data = folder / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    return data


def _snapshot(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*.yaml"))}


def _pinned(name: str, text: str) -> None:
    path = EXPECTED / name
    if PIN:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: MAILLAGE_PIN=1 to rewrite it"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(data folder, the sheet, the command's output) after importing the XLSX once."""
    folder = tmp_path_factory.mktemp("table")
    data = _territory(folder)
    sheet = write_xlsx(folder / "repertoire.xlsx")
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        code = main(["import", "table", str(sheet), "--data", str(data), "--report", str(folder / "rapport.md")])
    assert code == 1  # decisions are left: the folder is not valid yet, and the command says so
    return data, sheet, out.getvalue()


def test_the_report_is_pinned(imported: tuple[Path, Path, str]) -> None:
    _, sheet, out = imported
    _pinned("messy-report.md", (sheet.parent / "rapport.md").read_text(encoding="utf-8"))
    assert "34 créé" in out and "ligne 18 « COMMUNE DE HAMOIS » : ignoré" in out


def test_check_lists_exactly_the_decisions_left(
    imported: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, sheet, _ = imported
    capsys.readouterr()
    assert main(["check", "--data", str(data), "--today", "2026-11-23"]) == 1
    _pinned("messy-check.txt", capsys.readouterr().out)
    validation = validate(data)
    codes = {p.code for p in validation.errors}
    assert codes == {"decision_needed"}
    report = (sheet.parent / "rapport.md").read_text(encoding="utf-8")
    decisions = sum(
        line.split(" | ")[-1].count("<br>") + 1
        for line in report.splitlines()
        if line.startswith("| ligne") and not line.endswith("| — |")
    )
    assert len(validation.errors) == decisions


def test_normalised_values(imported: tuple[Path, Path, str]) -> None:
    data, _, _ = imported
    two = (data / "actors" / "organisation-exemple-2.yaml").read_text(encoding="utf-8")
    assert "  phone: 083 21 02 02\n" in two  # 0032 83 210202
    assert "  email: contact2@exemple-2.example\n" in two  # " Contact2@Exemple-2.Example "
    assert "    commune: ciney\n" in two  # "Cyney", 5590
    assert "    hours: Tu,Th 14:00-17:00\n" in two  # "mardi et jeudi : 14h - 17h"
    assert "audiences: [youth, students]\n" in two  # "Jeunes / étudiants"
    one = (data / "actors" / "organisation-exemple-1.yaml").read_text(encoding="utf-8")
    assert "    hours: Mo-Fr 09:00-12:00,13:30-16:30\n" in one
    assert "    village: achene\n" in one
    four = (data / "actors" / "organisation-exemple-4.yaml").read_text(encoding="utf-8")
    assert "    commune: hamois\n" in four  # "Hamoi", 5360
    assert "  website: https://www.exemple-4.example\n" in four
    assert 'hours: "À DÉCIDER : horaires « le matin, sauf congés »' in four
    seven = (data / "actors" / "organisation-exemple-7.yaml").read_text(encoding="utf-8")
    assert 'commune: "À DÉCIDER : commune de « Dinant »' in seven  # not in the territory: never guessed


def test_importing_again_changes_nothing_and_update_keeps_decisions(
    imported: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, sheet, _ = imported
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    before = _snapshot(copy)
    assert main(["import", "table", str(sheet), "--data", str(copy)]) == 1
    assert _snapshot(copy) == before
    assert "34 inchangé" in capsys.readouterr().out
    target = copy / "actors" / "organisation-exemple-2.yaml"
    text = target.read_text(encoding="utf-8")
    decided = text.replace('cost: "À DÉCIDER : coût (free, paid, mixed) ? (le tableau ne le dit pas)"', "cost: free")
    assert decided != text
    target.write_text(decided, encoding="utf-8")
    assert main(["import", "table", str(sheet), "--data", str(copy), "--update"]) == 1
    assert target.read_text(encoding="utf-8") == decided  # the person's decision stays
    assert _snapshot(copy) == {**before, "actors/organisation-exemple-2.yaml": decided.encode()}


def test_a_windows_csv_and_an_ods_give_the_same_files(imported: tuple[Path, Path, str], tmp_path: Path) -> None:
    data, _, _ = imported
    wanted = {k: v for k, v in _snapshot(data).items() if k.startswith("actors/organisation")}
    csv_data = _territory(tmp_path / "csv")
    csv_file = write_csv(tmp_path / "repertoire.csv")
    assert b"R\xe9pertoire" in csv_file.read_bytes()  # really Windows-1252
    assert main(["import", "table", str(csv_file), "--data", str(csv_data)]) == 1
    assert {k: v for k, v in _snapshot(csv_data).items() if k.startswith("actors/organisation")} == wanted
    ods_data = _territory(tmp_path / "ods")
    ods = write_ods(tmp_path / "repertoire.ods", [["Répertoire social"], HEADER, *rows()])
    assert main(["import", "table", str(ods), "--data", str(ods_data), "--dry-run"]) == 0
    assert not any(k.startswith("actors/organisation") for k in _snapshot(ods_data))
    assert main(["import", "table", str(ods), "--data", str(ods_data)]) == 1
    assert {k: v for k, v in _snapshot(ods_data).items() if k.startswith("actors/organisation")} == wanted


def test_a_columns_file_names_other_headers_and_decides_defaults_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _territory(tmp_path)
    sheet = tmp_path / "liste.csv"
    sheet.write_text(
        "Dénomination sociale,Tél bureau,Où,Pour,En bref\n"
        "Les Amis du Bocage,083 21 99 01,Leignon,Tout public,Balades et entretien des haies.\n"
        "Club des aînés,083 21 99 02,Natoye,Aînés,Goûters et excursions.\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "colonnes.yaml"
    assert main(["import", "table", str(sheet), "--data", str(data), "--write-columns", str(mapping)]) == 0
    starting_point = mapping.read_text(encoding="utf-8")
    assert (
        '"Dénomination sociale": name\n' in starting_point
        and '"Où": null\n' in starting_point
        and '"Tél bureau": phone\n' in starting_point
    )
    mapping.write_text(
        "columns:\n  Dénomination sociale: name\n  Tél bureau: phone\n  Où: locality\n  Pour: audiences\n"
        "defaults:\n  kind: association\n  cost: free\n  themes: [lien-social]\n"
        "  verified: {on: 2026-11-01, by: GAL Condroz-Famenne, how: campaign}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["import", "table", str(sheet), "--data", str(data), "--columns", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert "`check` : le dossier" in out and "est valide" in out
    club = (data / "actors" / "club-des-aines.yaml").read_text(encoding="utf-8")
    assert "audiences: [seniors]\n" in club and "kind: association\n" in club and "    village: natoye\n" in club
    assert "verified:\n  on: 2026-11-01\n  by: GAL Condroz-Famenne\n  how: campaign\n" in club


def test_a_file_that_is_not_a_table_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _territory(tmp_path)
    broken = tmp_path / "faux.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert main(["import", "table", str(broken), "--data", str(data)]) == 2
    assert "n'est pas un classeur lisible" in capsys.readouterr().err
    assert main(["import", "table", str(tmp_path / "absent.csv"), "--data", str(data)]) == 2


def test_an_events_sheet_becomes_dated_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _territory(tmp_path)
    sheet = tmp_path / "agenda.csv"
    sheet.write_text(
        "Agenda du PCS;;;;;;\n"
        "Activité;Date;Heure;Lieu;Organisateur;Public;Type\n"
        "Café des voisins;12/01/2027;14h-16h;Salle communale de Natoye;Plan de cohésion sociale de Hamois;;café\n"
        "Balade;samedi 6 mars 2027;9h30;Achêne;pcs-hamois;Tout public;balade\n"
        "Atelier;31/02/2027;10h;Dinant;Inconnu;Aînés;atelier\n",
        encoding="utf-8",
    )
    assert main(["import", "table", str(sheet), "--kind", "events", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    cafe = (data / "events" / "cafe-des-voisins-2027-01-12.yaml").read_text(encoding="utf-8")
    assert "type: cafe\norganizers: [pcs-hamois]\naudiences: [families, seniors]\n" in cafe
    assert "place: salle-natoye\nstart: 2027-01-12 14:00\nend: 16:00\n" in cafe
    walk = (data / "events" / "balade-2027-03-06.yaml").read_text(encoding="utf-8")
    assert "type: leisure\n" in walk and "start: 2027-03-06 09:30\n" in walk and "village: achene" in walk
    odd = (data / "events" / "atelier.yaml").read_text(encoding="utf-8")
    assert 'start: "À DÉCIDER : date « 31/02/2027 » illisible' in odd  # 31 February is no date
    assert 'organizers: ["À DÉCIDER : organisateur « Inconnu »' in odd
    errors = validate(data).errors
    assert {p.code for p in errors} == {"decision_needed"}
    assert f"{len(errors)} décision(s) à prendre." in out


def test_a_places_sheet_becomes_places(tmp_path: Path) -> None:
    data = _territory(tmp_path)
    sheet = tmp_path / "salles.csv"
    sheet.write_text(
        "Nom,Adresse,CP,Localité\nSalle des fêtes de Leignon,Rue de la Salle 1,5590,Leignon\n", encoding="utf-8"
    )
    assert main(["import", "table", str(sheet), "--kind", "places", "--data", str(data)]) == 0
    text = (data / "places" / "salle-des-fetes-de-leignon.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "name: Salle des fêtes de Leignon\naddress: Rue de la Salle 1, 5590 Leignon\ncommune: ciney\nvillage: leignon\n"
    )


HOSTILE = [
    "null",
    "no",
    "- [x]: {y}",
    "#commentaire",
    "10:30",
    "'apostrophe",
    '"guillemets" et \\ barre',
    '=HYPERLINK("https://evil.example")',
    "Nom\u202eavec inversion\u0007 et cloche",
    "&ancre *alias !tag",
    "<script>alert(1)</script>",
]


def test_hostile_cells_are_written_as_the_text_they_are(tmp_path: Path) -> None:
    data = _territory(tmp_path)
    sheet = tmp_path / "hostile.csv"
    lines = ["Nom,Localité,Téléphone,Description"]
    lines += [
        f'"{name.replace(chr(34), chr(34) * 2)}",Natoye,083 21 99 01,"{name.replace(chr(34), chr(34) * 2)}"'
        for name in HOSTILE
    ]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "table", str(sheet), "--data", str(data)]) == 1
    validation = validate(data)
    assert {p.code for p in validation.errors} == {"decision_needed"}  # no YAML or text error
    from generator import yamlread

    names = set()
    for path in (data / "actors").glob("*.yaml"):
        fields, _ = yamlread.load(path.read_text(encoding="utf-8"))
        if path.stem not in ("cpas-ciney", "epicerie-solidaire", "pcs-hamois"):
            names.add(fields["name"])
    cleaned = {"".join(c for c in n if c not in "\u202e\u0007") for n in HOSTILE}
    assert names == {" ".join(n.split()) for n in cleaned}


def test_dutch_headers_and_hours_are_recognised(tmp_path: Path) -> None:
    data = _territory(tmp_path)
    sheet = tmp_path / "lijst.csv"
    sheet.write_text(
        "Naam;Adres;Postcode;Gemeente;Telefoon;E-mail;Doelgroep;Thema;Openingsuren\n"
        "Buurthuis De Brug;Kerkstraat 2;5363;Natoye;083 21 99 03;INFO@BRUG.EXAMPLE;Ouderen;Vrijwilligerswerk;ma-vr 9u-12u\n",
        encoding="utf-8",
    )
    assert main(["import", "table", str(sheet), "--data", str(data)]) == 1  # kind, cost, verified: to decide
    text = (data / "actors" / "buurthuis-de-brug.yaml").read_text(encoding="utf-8")
    assert "themes: [benevolat]\naudiences: [seniors]\n" in text
    assert "    village: natoye\n    hours: Mo-Fr 09:00-12:00\n" in text
    assert "  email: info@brug.example\n" in text
