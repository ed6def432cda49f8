"""The ``import`` commands: read a source, plan the files, write them, report, re-check.

Every import ends the same way: the report (printed, and as Markdown with ``--report``),
then — unless ``--dry-run`` — a ``check`` of the data folder, so that what is left to decide
is listed by the same messages as any other mistake. Exit codes follow CONTRACT.md §2:
0 imported, 1 rows refused (or the folder left invalid), 2 usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import format_text
from ..models.vocabularies import EVENT_TYPES
from ..validate import validate
from . import ics
from .report import Report, Row
from .territory import Territorial
from .writing import FOLDER_OF, Planned, read_existing, unique_id, write_file

OK, INVALID, USAGE = 0, 1, 2


@dataclass
class Options:
    data: Path
    dry_run: bool = False
    update: bool = False
    report: Path | None = None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return USAGE


ORIGIN = "Importé de l'agenda "


def origin_comment(source: str) -> str:
    return f"{ORIGIN}{source} : un nouvel import met ce fichier à jour d'après `source` (ne le changez pas)."


def existing_sources(data: Path) -> dict[str, tuple[str, dict[str, Any], str]]:
    """``source`` UID → (event id, the file's fields, the calendar it came from) of every
    imported event file."""
    out: dict[str, tuple[str, dict[str, Any], str]] = {}
    for path in sorted((data / "events").glob("*.y*ml")):
        fields = read_existing(path)
        if fields and isinstance(fields.get("source"), str):
            origin = ""
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:5]:
                if line.startswith(f"# {ORIGIN}"):
                    origin = line[len(f"# {ORIGIN}") :].rsplit(" : ", 1)[0]
            out[fields["source"]] = (path.stem, fields, origin)
    return out


def taken_ids(data: Path, folder: str) -> set[str]:
    return {p.stem for p in (data / folder).glob("*.y*ml")}


def write_planned(
    options: Options,
    planned: Planned,
    row: Row,
    previous: dict[str, Any] | None = None,
    merge: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None,
) -> None:
    """Write one planned file and record in ``row`` what happened."""
    if previous is not None and merge is not None:
        planned.data = merge(planned.data, previous)
    action, path = write_file(options.data, planned, update=options.update, dry_run=options.dry_run)
    if options.dry_run and action in ("created", "updated"):
        action = {"created": "would-create", "updated": "would-update"}[action]
    row.action = action
    shown = Path(FOLDER_OF[planned.kind]) / path.name
    row.file = shown.as_posix() if row.file is None else f"{row.file}, {shown.as_posix()}"


def finish(report: Report, options: Options) -> int:
    """Print the report, write it as Markdown, check the folder; → the exit code."""
    print(report.text())
    if options.report is not None:
        options.report.write_text(report.markdown(), encoding="utf-8")
        print(f"Rapport écrit dans {options.report}")
    status = INVALID if report.refused else OK
    if options.dry_run:
        print("--dry-run : aucun fichier n'a été écrit.")
        return status
    validation = validate(options.data)
    if validation.errors:
        print("\n`check` après l'import :")
        print(format_text(validation.problems, "fr"))
        print(
            f"Le dossier {options.data} n'est pas encore valide : {len(validation.errors)} erreur(s) "
            "(les décisions à prendre ci-dessus). Corrigez-les puis relancez `python -m generator check`."
        )
        return INVALID
    print(f"`check` : le dossier {options.data} est valide.")
    return status


def _merger(chosen: set[str]) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
    def merge(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
        return ics.merge(new, old, chosen)

    return merge


# --- import ics --------------------------------------------------------------------------


def import_ics(source: str, organizer: str, event_type: str, options: Options) -> int:
    where = _territorial(options)
    if isinstance(where, int):
        return where
    report = Report(f"Import de l'agenda {source} pour {organizer}")
    problem = _one_calendar(where, source, organizer, event_type, options, report)
    if problem is not None:
        return _fail(problem)
    return finish(report, options)


def import_calendars(options: Options) -> int:
    """Every calendar of territory.yaml's ``calendars:``, into one report (what CI runs)."""
    where = _territorial(options)
    if isinstance(where, int):
        return where
    listed = where.territory.calendars
    if not listed:
        print("territory.yaml ne liste aucun agenda (calendars:) : rien à importer.")
        return OK
    report = Report(f"Réimport des {len(listed)} agenda(s) de territory.yaml")
    for calendar in listed:
        problem = _one_calendar(where, str(calendar.url), calendar.organizer, str(calendar.type), options, report)
        if problem is not None:  # one partner's server being down must not hold back the others
            report.add(Row(source=f"agenda {calendar.url} ({calendar.organizer})", refusal=problem))
    return finish(report, options)


def _one_calendar(
    where: Territorial, source: str, organizer: str, event_type: str, options: Options, report: Report
) -> str | None:
    """Import one calendar into ``report``; → what stopped it, if it could not be read."""
    if event_type not in EVENT_TYPES:
        return f"--type {event_type} : types possibles : {', '.join(EVENT_TYPES)}"
    if organizer not in where.dataset.ids.get("actors", set()):
        return f"--organizer {organizer} : aucun fichier data/actors/{organizer}.yaml"
    try:
        calendar = ics.parse_calendar(ics.read_source(source), source)
    except ics.CalendarError as exc:
        return str(exc)
    converter = ics.CalendarImport(where, organizer, event_type)
    known = existing_sources(options.data)
    taken = taken_ids(options.data, "events")
    seen: set[str] = set()
    for series in ics.series_of(calendar):
        converted = converter.convert(series)
        row = report.add(converted.row)
        for planned in converted.files:
            key = planned.data["source"]
            seen.add(key)
            previous = known.get(key)
            if previous is not None:
                planned.id = previous[0]
            else:
                day = str(planned.data["start"])[:10]
                wanted = str(planned.data["title"]) if "#" not in key else f"{planned.data['title']} {day}"
                planned.id = unique_id(wanted if not wanted.startswith("À") else "evenement", taken)
            planned.data["id"] = planned.id
            planned.data = {"id": planned.id, **{k: v for k, v in planned.data.items() if k != "id"}}
            planned.comments = [origin_comment(source)]
            chosen = converted.chosen_keys
            write_planned(options, planned, row, previous[1] if previous else None, _merger(chosen))
        if not converted.files:
            row.action = "refused"
    for key, (event_id, fields, origin) in sorted(known.items()):
        if key in seen or origin != source:
            continue
        report.add(
            Row(
                source=f"« {fields.get('title', event_id)} » ({key})",
                action="vanished",
                file=f"events/{event_id}.yaml",
                refusal="n'est plus dans l'agenda : supprimez le fichier, ou annoncez l'annulation (status: cancelled)",
            )
        )
    return None


def import_table(file: Path, kind: str, columns: Path | None, write_columns: Path | None, options: Options) -> int:
    from datetime import date

    from . import table

    if not options.data.is_dir():
        return _fail(f"Dossier de données introuvable : {options.data}")
    try:
        where = Territorial(options.data)
        where.territory  # noqa: B018 - raises LookupError when territory.yaml is unusable
        mapping = table.read_mapping(columns) if columns is not None else None
        rows = table.read_rows(file)
        layout = table.find_layout(rows, mapping, kind)
    except (LookupError, table.TableError) as exc:
        return _fail(str(exc))
    if write_columns is not None:
        if write_columns.exists() and not options.update:
            return _fail(f"{write_columns} existe déjà (--update pour le remplacer)")
        write_columns.write_text(table.columns_file(layout), encoding="utf-8")
        print(f"Correspondance des colonnes écrite dans {write_columns} : complétez-la, puis --columns {write_columns}")
        return OK
    converter = table.RowConverter(where, layout, file.name, date.today())
    folder = kind
    report = Report(f"Import du tableau {file.name} ({folder})")
    recognised = ", ".join(
        f"« {layout.headers[i]} » → {name.removesuffix('2')}" for i, name in sorted(layout.columns.items())
    )
    ignored = [h for i, h in enumerate(layout.headers) if h and i not in layout.columns]
    report.notes.append(f"En-têtes (ligne {layout.header_row + 1}) : {recognised}.")
    if ignored:
        report.notes.append(f"Colonnes ignorées : {', '.join(ignored)} (à nommer dans un fichier --columns).")
    existing = taken_ids(options.data, folder)
    this_run: set[str] = set()
    empty = 0
    for number, row in enumerate(rows[layout.header_row + 1 :], start=layout.header_row + 2):
        if table.is_empty(row):
            empty += 1
            continue
        cells = converter.cells(row)
        filled = [c for c in row if c.strip()]
        if len(filled) <= 1:  # "COMMUNE DE HAMOIS": a section title, not an entry
            report.add(
                Row(source=f"ligne {number} « {filled[0]} »", action="skipped", refusal="une seule case remplie")
            )
            continue
        if [c for c in row if c] == [c for c in layout.headers if c]:
            continue  # the header repeated (a printed sheet's second page)
        name = cells.get("name", "")
        row_report = report.add(Row(source=f"ligne {number}" + (f" « {name} »" if name else "")))
        convert = {"actors": converter.actor, "places": converter.place, "events": converter.event}[kind]
        data = convert(row, row_report)
        if data is None:
            continue
        wanted = name or f"ligne-{number}"
        if kind == "events" and isinstance(data.get("start"), str) and not data["start"].startswith("À"):
            wanted = f"{wanted} {data['start'][:10]}"  # one file per dated row: the date tells them apart
        planned = Planned(kind[:-1], unique_id(wanted, this_run), {})
        data["id"] = planned.id
        planned.data = data
        previous = read_existing(options.data / folder / f"{planned.id}.yaml") if planned.id in existing else None
        write_planned(options, planned, row_report, previous, _keep_decided)
    if empty:
        report.notes.append(f"{empty} ligne(s) vide(s) passée(s).")
    return finish(report, options)


def _keep_decided(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """An updated file from a sheet: what a person decided in the file stays where the sheet
    still says nothing (a placeholder), and fields the sheet does not have are kept."""
    from ..decisions import find

    merged = dict(new)
    for key, value in old.items():
        if key not in new or new[key] in (None, [], {}) or (find(new[key]) and not find(value)):
            merged[key] = value
    return merged


def _write_actors(report: Report, actors: list[tuple[Row, str, dict[str, Any]]], options: Options) -> None:
    existing = taken_ids(options.data, "actors")
    this_run: set[str] = set()
    for row, wanted, data in actors:
        report.add(row)
        planned = Planned("actor", unique_id(wanted, this_run), {})
        data["id"] = planned.id
        planned.data = data
        previous = read_existing(options.data / "actors" / f"{planned.id}.yaml") if planned.id in existing else None
        write_planned(options, planned, row, previous, _keep_decided)


def _territorial(options: Options) -> Territorial | int:
    if not options.data.is_dir():
        return _fail(f"Dossier de données introuvable : {options.data}")
    try:
        where = Territorial(options.data)
        where.territory  # noqa: B018 - raises LookupError when territory.yaml is unusable
    except LookupError as exc:
        return _fail(str(exc))
    return where


def import_inclusion(files: list[Path], options: Options) -> int:
    from .inclusion import InclusionError, InclusionImport, read_items

    where = _territorial(options)
    if isinstance(where, int):
        return where
    try:
        structures, services = read_items(files)
    except InclusionError as exc:
        return _fail(str(exc))
    if not structures:
        return _fail("aucune structure dans ces fichiers : donnez aussi le fichier des structures")
    report = Report(f"Import data·inclusion ({', '.join(f.name for f in files)})")
    _write_actors(report, InclusionImport(where, structures, services).actors(), options)
    return finish(report, options)


def import_hsds(folder: Path, options: Options) -> int:
    from .hsds import PackageError, PackageImport

    where = _territorial(options)
    if isinstance(where, int):
        return where
    try:
        package = PackageImport(where, folder)
    except PackageError as exc:
        return _fail(str(exc))
    report = Report(f"Import HSDS ({folder})")
    _write_actors(report, package.actors(), options)
    return finish(report, options)
