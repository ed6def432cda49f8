"""A spreadsheet of an existing directory (CSV, XLSX, ODS) → actor or place files.

Reading: CSV in UTF-8 (with or without BOM) or Windows-1252, any delimiter (sniffed);
XLSX and ODS through python-calamine. The header row is the one of the first fifteen that
names the most known columns (a title line above it, merged cells, empty rows are passed
over); a header cell left empty under a merged group label takes the label above.

Columns: common French and Dutch headers are recognised (``HEADERS``); any other through a
mapping file (``--columns``, YAML ``columns: {"Header": field}`` plus optional ``defaults:``
for what the sheet does not say, decided once for every row), which ``--write-columns``
writes as a starting point. Values are normalised by the models' own rules; what cannot be
decided is written as an ``À DÉCIDER`` placeholder.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import phonenumbers

from .. import yamlread
from ..decisions import placeholder
from ..models.links import check_url
from .hours import french_hours
from .report import Row
from .territory import Territorial, fold
from .words import vocabulary_for_words

MAX_BYTES = 20_000_000
MAX_ROWS = 20_000

# field → headers (folded) that name it
HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "nom",
        "organisme",
        "organisation",
        "structure",
        "nom de l organisme",
        "nom de la structure",
        "denomination",
        "service",
        "naam",
        "organisatie",
        "nom du lieu",
        "lieu",
        "salle",
    ),
    "street": ("adresse", "rue", "adresse postale", "rue et numero", "adres", "straat", "straat en nummer"),
    "number": ("n", "no", "numero", "nr", "huisnummer"),
    "postcode": ("cp", "code postal", "postcode", "code", "c p", "npa"),
    "locality": (
        "localite",
        "commune",
        "ville",
        "village",
        "section",
        "gemeente",
        "plaats",
        "woonplaats",
        "deelgemeente",
    ),
    "phone": (
        "telephone",
        "tel",
        "gsm",
        "tel gsm",
        "telephone gsm",
        "telefoon",
        "tel fixe",
        "portable",
        "mobile",
        "numero de telephone",
        "contact telephone",
    ),
    "email": ("e mail", "email", "courriel", "mail", "adresse mail", "adresse e mail", "e mailadres"),
    "website": ("site", "site web", "site internet", "website", "url", "web", "internet", "webpagina"),
    "audiences": ("public", "publics", "public cible", "publics cibles", "pour qui", "doelgroep", "doelpubliek"),
    "themes": ("thematique", "thematiques", "theme", "themes", "domaine", "domaines", "secteur", "thema", "themas"),
    "hours": (
        "horaires",
        "horaire",
        "heures d ouverture",
        "permanences",
        "heures",
        "ouverture",
        "openingsuren",
        "openingstijden",
    ),
    "description": ("description", "missions", "activites", "services proposes", "omschrijving", "beschrijving"),
    "summary": ("resume", "en bref", "en une phrase", "samenvatting"),
    "kind": ("type", "type d organisme", "type de structure", "statut", "forme juridique", "soort"),
    "cost": ("cout", "prix", "tarif", "tarifs", "gratuit", "kostprijs"),
    "languages": ("langues", "talen"),
    "wheelchair": ("pmr", "acces pmr", "accessibilite", "rolstoel"),
    "geo": ("coordonnees", "gps", "geo"),
}
# An events sheet: its own words for the title, the date and times, the venue and organiser.
EVENT_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("titre", "activite", "evenement", "intitule", "nom de l activite", "titel", "activiteit"),
    "date": ("date", "jour", "le", "datum", "dag"),
    "start": ("debut", "heure", "heure de debut", "de", "horaire", "begin", "van", "uur"),
    "end": ("fin", "heure de fin", "jusqu a", "a", "einde", "tot"),
    "place": ("lieu", "salle", "endroit", "adresse", "ou", "plaats", "locatie"),
    "organizer": ("organisateur", "organise par", "organisme", "association", "acteur", "organisator"),
    "type": ("type", "type d activite", "categorie", "soort"),
    "audiences": HEADERS["audiences"],
    "themes": HEADERS["themes"],
    "description": HEADERS["description"],
    "summary": HEADERS["summary"],
    "cost": HEADERS["cost"],
    "phone": HEADERS["phone"],
    "email": HEADERS["email"],
}
FIELDS = tuple(dict.fromkeys([*HEADERS, *EVENT_HEADERS]))
ACTOR_ORDER = ("id", "name", "kind", "themes", "audiences", "summary", "description", "area", "locations", "contact", "access", "languages", "verified")  # fmt: skip


class TableError(Exception):
    """The file cannot be read as a table (a usage error, exit 2)."""


# --- reading -----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != datetime.min.time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = "".join(c for c in str(value) if unicodedata.category(c) not in ("Cc", "Cf") or c in "\t\n")
    return " ".join(text.replace("\u00a0", " ").split())


def read_rows(path: Path) -> list[list[str]]:
    """Every row of the file's first sheet, as text cells."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TableError(f"{path} ne peut pas être lu ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise TableError(f"{path} fait plus de {MAX_BYTES // 1_000_000} Mo")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods", ".xls"):
        from python_calamine import CalamineWorkbook

        try:
            book = CalamineWorkbook.from_path(str(path))
            sheet = book.get_sheet_by_index(0)
            rows = sheet.to_python(skip_empty_area=False)
        except Exception as exc:  # calamine's own error types: a broken or protected file
            raise TableError(f"{path} n'est pas un classeur lisible ({exc})") from None
        return [[_cell(v) for v in row] for row in rows[:MAX_ROWS]]
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv_rows(path.read_bytes())
    raise TableError(f"{path} : format inconnu ({suffix or 'sans extension'}) : CSV, XLSX ou ODS")


def _csv_rows(raw: bytes) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        dialect = "excel"
    reader = csv.reader(io.StringIO(text), dialect)
    return [[_cell(v) for v in row] for row, _ in zip(reader, range(MAX_ROWS), strict=False)]


# --- columns -----------------------------------------------------------------------------


def _known(header: str, headers: dict[str, tuple[str, ...]] | None = None) -> str | None:
    key = fold(header)
    headers = headers or HEADERS
    for name, words in headers.items():
        if key in words:
            return name
    for name, words in headers.items():  # "Téléphone / GSM", "Adresse (rue et n°)"
        if any(len(w) >= 3 and key.startswith(w + " ") for w in words):
            return name
    return None


@dataclass
class Layout:
    """Where the header row is, and which column holds which field."""

    header_row: int
    headers: list[str]
    columns: dict[int, str]  # column index → field
    defaults: dict[str, Any] = field(default_factory=dict)


def find_layout(rows: list[list[str]], mapping: dict[str, Any] | None, kind: str = "actors") -> Layout:
    headers_of = EVENT_HEADERS if kind == "events" else HEADERS
    wanted = {fold(k): v for k, v in (mapping or {}).get("columns", {}).items() if v}
    best, best_score = 0, -1
    for index, row in enumerate(rows[:15]):
        score = sum(1 for c in row if c and (fold(c) in wanted or _known(c, headers_of)))
        if score > best_score:
            best, best_score = index, score
    if best_score < 1:
        raise TableError("aucune ligne d'en-tête reconnue (Nom, Adresse, Téléphone…) : écrivez un fichier --columns")
    headers = list(rows[best])
    above = rows[best - 1] if best > 0 else []
    for index, header in enumerate(headers):  # under a merged group label ("Coordonnées")
        if not header and index < len(above) and above[index]:
            headers[index] = above[index]
    columns: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = wanted.get(fold(header)) if header else None
        name = name or (_known(header, headers_of) if header else None)
        if name in FIELDS and name not in columns.values():
            columns[index] = name
        elif name == "phone" or name == "email":
            columns[index] = name + "2"
    return Layout(best, headers, columns, dict((mapping or {}).get("defaults") or {}))


def columns_file(layout: Layout) -> str:
    """A mapping file to complete: every header of the sheet, with its field or null."""
    lines = [
        "# Correspondance des colonnes pour `python -m generator import table --columns CE_FICHIER`.",
        f"# Champs possibles : {', '.join(FIELDS)} ; null : colonne ignorée.",
        "columns:",
    ]
    for index, header in enumerate(layout.headers):
        if header:
            value = layout.columns.get(index, "null").removesuffix("2")
            lines.append(f"  {_quoted(header)}: {value}")
    lines += [
        "# Ce que le tableau ne dit pas, décidé une fois pour toutes les lignes (retirez le # pour l'utiliser) :",
        "defaults:",
        "  # kind: association           # public-service, association, health, education, culture…",
        "  # cost: free                  # free, paid, mixed",
        "  # verified: {on: 2026-11-23, by: Nom de l'organisation qui a vérifié, how: campaign}",
        "  # themes: [aide-sociale]",
        "  # audiences: [all]",
    ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def read_mapping(path: Path) -> dict[str, Any]:
    try:
        data, _ = yamlread.load(yamlread.decode(path.read_bytes()))
    except (OSError, yamlread.YamlProblem) as exc:
        raise TableError(f"--columns {path} ne peut pas être lu ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict):
        raise TableError(f"--columns {path} : il faut une clé `columns:` (en-tête: champ)")
    bad = sorted({str(v) for v in data.get("columns", {}).values() if v and v not in FIELDS})
    if bad:
        raise TableError(f"--columns {path} : champs inconnus {', '.join(bad)} ; possibles : {', '.join(FIELDS)}")
    return data


# --- one row -----------------------------------------------------------------------------


class RowConverter:
    """Turns one row's cells into an actor's (or a place's) fields."""

    def __init__(self, where: Territorial, layout: Layout, source_name: str, today: date) -> None:
        self.where = where
        self.layout = layout
        self.country = where.territory.country
        self.source_name = source_name
        self.today = today

    def cells(self, row: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for index, name in self.layout.columns.items():
            if index < len(row) and row[index]:
                out[name] = row[index]
        return out

    # each normaliser returns the value to write, noting in ``report`` what it did

    def phone(self, text: str, report: Row) -> str:
        pieces = [p for p in re.split(r"\s*(?:/(?=\s*[0+])|;|\bou\b|,|\n)\s*", text) if p.strip()]
        for piece in pieces:
            digits = re.sub(r"(?i)^(t[ée]l|gsm|fixe|portable)\.?\s*:?\s*", "", piece.strip())
            try:
                number = phonenumbers.parse(digits, self.country)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                national = phonenumbers.region_code_for_number(number) == self.country
                style = (
                    phonenumbers.PhoneNumberFormat.NATIONAL
                    if national
                    else phonenumbers.PhoneNumberFormat.INTERNATIONAL
                )
                formatted = phonenumbers.format_number(number, style)
                if formatted != piece.strip():
                    report.normalised.append(f"téléphone « {piece.strip()} » → {formatted}")
                if len(pieces) > 1:
                    report.normalised.append(
                        f"autres numéros non repris : {', '.join(p for p in pieces if p != piece)}"
                    )
                return formatted
        question = f"téléphone « {text} » impossible pour le pays {self.country} : quel numéro ?"
        report.decisions.append(question)
        return placeholder(question)

    def email(self, text: str, report: Row) -> str:
        value = text.strip().removeprefix("mailto:").strip().lower()
        found = re.findall(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[a-z]{2,}", value)
        if found:
            if found[0] != text.strip():
                report.normalised.append(f"e-mail « {text} » → {found[0]}")
            return str(found[0])
        question = f"e-mail « {text} » illisible : quelle adresse ?"
        report.decisions.append(question)
        return placeholder(question)

    def website(self, text: str, report: Row) -> str:
        value = text.strip()
        if not re.match(r"(?i)https?://", value):
            value = "https://" + value.removeprefix("//")
            report.normalised.append(f"site « {text} » → {value}")
        try:
            return check_url(value)
        except Exception:
            question = f"site « {text} » illisible : quelle adresse (https://…) ?"
            report.decisions.append(question)
            return placeholder(question)

    def vocabulary(self, text: str | None, vocabulary: str, what: str, report: Row, *, many: bool) -> Any:
        key = {"theme": "themes", "audience": "audiences"}.get(vocabulary, vocabulary)
        default = self.layout.defaults.get(key)
        if text:
            found, unknown = vocabulary_for_words(text, vocabulary)
            if found and not unknown:
                if [text] != found:
                    report.normalised.append(f"{what} « {text} » → {', '.join(found)}")
                return found if many else found[0]
            if found:
                report.normalised.append(
                    f"{what} « {text} » → {', '.join(found)} (mots non reconnus : {', '.join(unknown)})"
                )
                return found if many else found[0]
        if default:
            report.chosen.append(f"{what} : {default} (defaults du fichier de colonnes)")
            return default
        question = f"{what} ? " + (
            f"(« {text} » ne correspond à aucune valeur)" if text else "(le tableau ne le dit pas)"
        )
        report.decisions.append(question)
        return [placeholder(question)] if many else placeholder(question)

    def location(self, cells: dict[str, str], report: Row) -> tuple[dict[str, Any], str | None]:
        """The address line and the commune/village it is in (or a placeholder)."""
        street = cells.get("street", "")
        if cells.get("number") and cells["number"] not in street:
            street = f"{street} {cells['number']}".strip()
        postcode = cells.get("postcode", "")
        if not postcode:
            found_code = re.search(r"\b(\d{4,5})\b", street)
            postcode = found_code.group(1) if found_code else ""
        locality = cells.get("locality", "")
        out: dict[str, Any] = {}
        where, near = self.where.commune_named(locality, postcode or None) if locality else (None, [])
        if where is None and not locality and street:
            where = self.where.find_in_text(street)
        if where is None and near and postcode:
            coded = set(self.where.commune_by_postcode(postcode))
            candidates = [n for n in near if (w := self.where.commune_named(n, postcode)[0]) and w.commune in coded]
            if len(candidates) == 1:
                where = self.where.commune_named(candidates[0], postcode)[0]
                report.normalised.append(
                    f"localité « {locality} » lue comme « {candidates[0]} » (code postal {postcode})"
                )
                locality = candidates[0]
        shown_locality = locality
        if where is not None and where.village is not None and fold(locality) != fold(self.where.label(where)):
            shown_locality = locality or self.where.label(where)
        address = ", ".join(p for p in (street, " ".join(p for p in (postcode, shown_locality) if p)) if p)
        if address:
            out["address"] = address
        if where is None:
            hint = f" : vouliez-vous dire {' ou '.join(near)} ?" if near else ""
            question = (
                f"commune de « {locality or street or '(pas d’adresse)'} »{hint} (identifiant de commune du territoire)"
            )
            report.decisions.append(question)
            out["commune"] = placeholder(question)
            return out, None
        out["commune"] = where.commune
        if where.village is not None:
            out["village"] = where.village
        return out, where.commune

    def actor(self, row: list[str], report: Row) -> dict[str, Any] | None:
        cells = self.cells(row)
        name = cells.get("name", "")
        if not name:
            question = "nom de l'organisme ? (la ligne n'en a pas)"
            report.decisions.append(question)
        data: dict[str, Any] = {"id": None, "name": name[:200] if name else placeholder("nom de l'organisme ?")}
        data["kind"] = self.vocabulary(
            cells.get("kind") or _kind_from_name(name), "kind", "type d'acteur", report, many=False
        )
        data["themes"] = self.vocabulary(cells.get("themes"), "theme", "thèmes", report, many=True)
        data["audiences"] = self.vocabulary(cells.get("audiences"), "audience", "publics", report, many=True)
        description = cells.get("description", "")
        summary = cells.get("summary") or _first_sentence(description)
        if summary:
            data["summary"] = summary
            if not cells.get("summary"):
                report.chosen.append("résumé : la première phrase de la description")
        else:
            question = "résumé en une phrase de 200 caractères au plus ?"
            report.decisions.append(question)
            data["summary"] = placeholder(question)
        data["description"] = description if description and description != summary else None
        location: dict[str, Any] = {}
        commune: str | None = None
        appointment = False
        if any(k in cells for k in ("street", "postcode", "locality")):
            location, commune = self.location(cells, report)
            if "hours" in cells and "rendez vous" in fold(cells["hours"]) and not re.search(r"\d", cells["hours"]):
                report.normalised.append(f"horaires « {cells['hours']} » → accès sur rendez-vous (appointment)")
                appointment = True
            elif "hours" in cells:
                hours = french_hours(cells["hours"])
                if hours is None:
                    question = f"horaires « {cells['hours']} » à écrire au format OpenStreetMap (ex. Mo-Fr 09:00-12:00)"
                    report.decisions.append(question)
                    location["hours"] = placeholder(question)
                else:
                    if hours != cells["hours"]:
                        report.normalised.append(f"horaires « {cells['hours']} » → {hours}")
                    location["hours"] = hours
        elif "hours" in cells:
            report.normalised.append(f"horaires « {cells['hours']} » non repris : pas d'adresse où les mettre")
        if commune is not None:
            data["area"] = [commune]
            report.chosen.append(f"zone desservie : la commune de l'adresse ({commune})")
        elif location:
            question = "communes desservies ? (identifiants, ou [all] ; la commune de l'adresse n'est pas décidée)"
            report.decisions.append(question)
            data["area"] = [placeholder(question)]
        else:
            question = "communes desservies ? (identifiants, ou [all])"
            report.decisions.append(question)
            data["area"] = [placeholder(question)]
        data["locations"] = [location] if location else []
        contact: dict[str, Any] = {}
        if "phone" in cells:
            contact["phone"] = self.phone(cells["phone"], report)
        elif "phone2" in cells:
            contact["phone"] = self.phone(cells["phone2"], report)
        if "email" in cells:
            contact["email"] = self.email(cells["email"], report)
        if "website" in cells:
            contact["website"] = self.website(cells["website"], report)
        if not contact:
            question = "un moyen de contact ? (téléphone, e-mail ou site)"
            report.decisions.append(question)
            contact["phone"] = placeholder(question)
        data["contact"] = contact
        cost = self.vocabulary(cells.get("cost"), "cost", "coût (free, paid, mixed)", report, many=False)
        data["access"] = {"cost": cost, "modes": ["appointment"] if appointment else None}
        if cost in ("paid", "mixed"):
            note = cells.get("cost") if cells.get("cost") and fold(cells["cost"]) not in ("payant", "paid") else None
            data["access"]["cost_note"] = note or placeholder("précision sur le coût ?")
            if not note:
                report.decisions.append("précision sur le coût (obligatoire s'il n'est pas gratuit)")
        data["access"] = {k: data["access"].get(k) for k in ("cost", "cost_note", "modes")}
        if cells.get("languages"):
            found, _unknown = vocabulary_for_words(cells["languages"], "language")
            data["languages"] = found or None
        verified = self.layout.defaults.get("verified")
        if isinstance(verified, dict):
            data["verified"] = verified
            report.chosen.append("vérification : defaults du fichier de colonnes")
        else:
            question = (
                "qui a vérifié ces informations, quand et comment ? (repris d'un tableau : "
                "écrivez on, by, how ; ou une fois pour toutes dans defaults: verified: du fichier --columns)"
            )
            report.decisions.append("dernière vérification (on, by, how)")
            data["verified"] = placeholder(question)
        return {k: data.get(k) for k in ACTOR_ORDER}

    def event(self, row: list[str], report: Row) -> dict[str, Any] | None:
        cells = self.cells(row)
        title = cells.get("name", "")
        data: dict[str, Any] = {"id": None, "title": title[:200] if title else placeholder("titre de l'activité ?")}
        if not title:
            report.decisions.append("titre de l'activité ? (la ligne n'en a pas)")
        kind = self.vocabulary(cells.get("type"), "event-type", "type d'activité", report, many=False)
        data["type"] = kind
        organizer, actor = self.organizer(cells.get("organizer", ""), report)
        data["organizers"] = [organizer]
        if cells.get("audiences") or actor is None or "audiences" in self.layout.defaults:
            data["audiences"] = self.vocabulary(cells.get("audiences"), "audience", "publics", report, many=True)
        else:
            data["audiences"] = list(actor.audiences)
            report.chosen.append(f"publics : ceux de {organizer}")
        if cells.get("themes"):
            data["themes"] = self.vocabulary(cells.get("themes"), "theme", "thèmes", report, many=True)
        elif actor is not None:
            data["themes"] = list(actor.themes)
            report.chosen.append(f"thèmes : ceux de {organizer}")
        description = cells.get("description", "")
        summary = cells.get("summary") or _first_sentence(description) or title
        data["summary"] = summary[:200] if summary else placeholder("résumé en une phrase ?")
        if not cells.get("summary") and summary:
            report.chosen.append("résumé : " + ("la première phrase de la description" if description else "le titre"))
        data["description"] = description if description and description != summary else None
        data.update(self.venue(cells.get("place", ""), report))
        day = parse_day(cells.get("date", "")) if cells.get("date") else None
        start = parse_clock(cells.get("start", "")) if cells.get("start") else None
        end = parse_clock(cells.get("end", "")) if cells.get("end") else None
        if cells.get("start") and start is None and re.search(r"\d.*[-–à].*\d", cells["start"]):
            first, _, last = re.split(r"\s*(-|–|à)\s*", cells["start"], maxsplit=1)[0:3]
            start, end = parse_clock(first), parse_clock(last) or end
        if day is None:
            question = f"date « {cells.get('date', '')} » illisible : AAAA-MM-JJ ?"
            report.decisions.append(question)
            data["start"] = placeholder(question)
        else:
            data["start"] = f"{day.isoformat()} {start}" if start else day.isoformat()
            if cells.get("start") and start is None:
                question = f"heure « {cells['start']} » illisible : HH:MM ?"
                report.decisions.append(question)
                data["start"] = placeholder(question)
            elif start is not None:
                report.normalised.append(f"début « {cells.get('date')} {cells.get('start')} » → {data['start']}")
        if end is not None and start is not None and end > start:
            data["end"] = end
        elif cells.get("end") and end is None:
            question = f"heure de fin « {cells['end']} » illisible : HH:MM ?"
            report.decisions.append(question)
            data["end"] = placeholder(question)
        if cells.get("cost"):
            data["cost"] = self.vocabulary(cells.get("cost"), "cost", "coût", report, many=False)
        elif actor is not None and actor.access.cost == "free":
            data["cost"] = "free"
            report.chosen.append(f"coût : gratuit, comme {organizer}")
        else:
            data["cost"] = self.vocabulary(None, "cost", "coût (free, paid, mixed)", report, many=False)
        if data.get("cost") in ("paid", "mixed"):
            data["cost_note"] = placeholder("précision sur le coût ?")
            report.decisions.append("précision sur le coût (obligatoire s'il n'est pas gratuit)")
        return data

    def organizer(self, text: str, report: Row) -> tuple[str, Any]:
        """An organiser's name or id → (actor id, the actor) or a placeholder."""
        default = self.layout.defaults.get("organizer")
        if not text and isinstance(default, str):
            report.chosen.append(f"organisateur : {default} (defaults du fichier de colonnes)")
            text = default
        actors = self.where.dataset.actors
        folded = fold(text)
        for actor_id, actor in sorted(actors.items()):
            if folded and folded in (fold(actor_id), fold(self.where.name(actor.name))):
                if text != actor_id:
                    report.normalised.append(f"organisateur « {text} » → {actor_id}")
                return actor_id, actor
        question = f"organisateur « {text} » : identifiant d'un acteur de data/actors/ ?" if text else "organisateur ?"
        report.decisions.append(question)
        return placeholder(question), None

    def venue(self, text: str, report: Row) -> dict[str, Any]:
        """A "Lieu" cell → ``place`` (a place of data/places/) or an inline ``location``."""
        if not text:
            question = "où ? (un identifiant de lieu, ou un bloc location:)"
            report.decisions.append(question)
            return {"place": placeholder(question)}
        place = self.where.place_for(text)
        if place is not None:
            report.normalised.append(f"lieu « {text} » → {place}")
            return {"place": place}
        found = self.where.find_in_text(text)
        if found is None:
            question = f"lieu « {text} » introuvable dans le territoire : un identifiant de lieu ou un bloc location:"
            report.decisions.append(question)
            return {"place": placeholder(question)}
        location: dict[str, Any] = {}
        if fold(text) != fold(self.where.label(found)):
            location["address"] = text[:200]
        location["commune"], location["village"] = found.commune, found.village
        report.normalised.append(f"lieu « {text} » → {found.village or found.commune}")
        return {"location": location}

    def place(self, row: list[str], report: Row) -> dict[str, Any] | None:
        cells = self.cells(row)
        name = cells.get("name", "")
        data: dict[str, Any] = {"id": None, "name": name[:200] if name else placeholder("nom du lieu ?")}
        if not name:
            report.decisions.append("nom du lieu ? (la ligne n'en a pas)")
        location, _ = self.location(cells, report)
        if "address" not in location:
            question = "adresse du lieu ?"
            report.decisions.append(question)
            location["address"] = placeholder(question)
        data.update(location)
        return data


_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre")  # fmt: skip


def parse_day(text: str) -> date | None:
    """``2027-03-12``, ``12/03/2027``, ``12.03.27``, ``vendredi 12 mars 2027`` → a date."""
    value = text.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    match = re.fullmatch(r"(?:\w+\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", value)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        words = fold(value).split()
        month_word = next((w for w in words if w in _MONTHS), None)
        numbers = [int(w) for w in words if w.isdigit()]
        if month_word is None or len(numbers) != 2:
            return None
        day, month, year = numbers[0], _MONTHS.index(month_word) + 1, numbers[1]
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_clock(text: str) -> str | None:
    """``14h``, ``14h30``, ``14:30``, ``14 h 30`` → ``14:30``."""
    match = re.fullmatch(r"(\d{1,2})\s*(?:h|:|u)\s*(\d{2})?(?::00)?", text.strip().lower())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _first_sentence(text: str) -> str:
    from .ics import first_sentence

    return first_sentence(text) if text else ""


def _kind_from_name(name: str) -> str | None:
    """An actor's kind said by its name alone: "CPAS de …", "ASBL …"."""
    folded = fold(name)
    for word in ("cpas", "ocmw", "asbl", "vzw", "maison medicale", "centre culturel", "bibliotheque", "ecole"):
        if f" {word} " in f" {folded} ":
            return word
    return None


def is_empty(row: list[str]) -> bool:
    return not any(c.strip() for c in row)
