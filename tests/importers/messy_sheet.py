"""The messy répertoire social of the table test, as a CPAS keeps it: written with openpyxl
(an XLSX with merged title and group lines), and as the CSV Excel saves on Windows.

Rows are about the "mini" territory (Ciney with Achêne and Leignon; Hamois with Natoye and
Schaltin). Every contact is fictitious: ``.example`` addresses, numbers in ranges no one has.
Its mess is the usual one: a title line and a group line merged over the header, empty rows,
a section title row, phones written in four ways (``083/21.00.00``, ``+32 83 21 00 00``,
``0032 83 210000``, ``083-21-00-00``, plus a mobile), hours in French words, communes misspelt
(``Cyney``, ``Hamoi``), a commune that is not in the territory, themes in everyday words.
"""

from __future__ import annotations

from pathlib import Path

HEADER = ["Organisme", "Type", "Rue", "CP", "Localité", "Tél./GSM", "Courriel", "Site", "Public", "Thématique", "Horaires", "Description"]  # fmt: skip
PHONES = ["083/21.00.{:02d}", "+32 83 21 01 {:02d}", "0032 83 2102{:02d}", "083-21-03-{:02d}", "0470 00 00 {:02d}"]
HOURS = [
    "Lu-Ve 9h-12h",
    "du lundi au vendredi de 9h à 12h et de 13h30 à 16h30",
    "mardi et jeudi : 14h - 17h",
    "Ma 8h30-12h / Je 13h-16h",
    "le matin, sauf congés",
    "sur rendez-vous",
    "",
]
PLACES = [
    ("Rue du Centre {n}", "5590", "Ciney"),
    ("Rue de l'Église {n}", "5590", "Achêne"),
    ("Chaussée de Namur {n}", "5590", "Cyney"),  # misspelt, the postcode says which
    ("Place communale {n}", "5360", "Hamois"),
    ("Rue du Moulin {n}", "5360", "Hamoi"),  # misspelt
    ("Rue de la Gare {n}", "5363", "Natoye"),
    ("Rue Haute {n}", "", "Schaltin"),
    ("Rue de Dinant {n}", "5500", "Dinant"),  # not in the territory
]
KINDS = ["ASBL", "CPAS", "Service public", "", "Maison médicale", "Association"]
PUBLICS = ["Tout public", "Aînés, familles", "Jeunes / étudiants", "Personnes âgées isolées", "", "Chats et chiens"]
THEMES = ["Aide alimentaire", "Logement; énergie", "Santé", "Emploi et formation", "Informatique", "", "Bricolage"]


def rows() -> list[list[str]]:
    """The 34 organisations, in the sheet's order, with a section title and empty rows."""
    out: list[list[str]] = []
    for n in range(1, 35):
        street, postcode, locality = PLACES[n % len(PLACES)]
        phone = PHONES[n % len(PHONES)].format(n)
        out.append(
            [
                f"Organisation exemple {n}",
                KINDS[n % len(KINDS)],
                street.format(n=n),
                postcode,
                locality,
                phone,
                f" Contact{n}@Exemple-{n}.Example " if n % 3 else f"mailto:info{n}@exemple.example",
                f"www.exemple-{n}.example" if n % 4 == 0 else "",
                PUBLICS[n % len(PUBLICS)],
                THEMES[n % len(THEMES)],
                HOURS[n % len(HOURS)],
                f"Accueil et orientation numéro {n}. Sur place ou par téléphone." if n % 5 else "",
            ]
        )
        if n == 12:
            out.append(["COMMUNE DE HAMOIS"] + [""] * (len(HEADER) - 1))
        if n in (7, 20):
            out.append([""] * len(HEADER))
    return out


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Répertoire"
    sheet.append(["Répertoire social du CPAS – mise à jour 2024"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["", "", "Adresse", "", "", "Coordonnées"])
    sheet.merge_cells(start_row=2, start_column=3, end_row=2, end_column=5)
    sheet.merge_cells(start_row=2, start_column=6, end_row=2, end_column=8)
    sheet.append(HEADER)
    sheet.append([""] * len(HEADER))
    for row in rows():
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path) -> Path:
    """The sheet as Excel saves "CSV (séparateur : point-virgule)" on Windows: cp1252, CRLF."""
    lines = ["Répertoire social du CPAS – mise à jour 2024;;;;;;;;;;;", ";".join(HEADER)]
    for row in rows():
        lines.append(";".join(f'"{c}"' if ";" in c else c for c in row))
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    return path


def write_ods(path: Path, table: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice reads and writes), from its XML."""
    import zipfile
    from xml.sax.saxutils import escape

    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>' for c in row
        )
        + "</table:table-row>"
        for row in table
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Feuille1">{cells}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path
