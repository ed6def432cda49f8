"""The command line: parse arguments, call one function, map the result to an exit code.

Exit codes (CONTRACT.md §2): 0 success (warnings allowed), 1 invalid data, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from . import commands


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date attendue AAAA-MM-JJ, pas « {text} »") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Maillage : valider et publier les données.")
    sub = main.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="valider les données et afficher chaque problème")
    check.add_argument("--data", type=Path, default=Path("data"))
    check.add_argument(
        "--format",
        choices=["text", "github", "json", "gitlab"],
        default="text",
        help="text (lisible), github (annotations), json, gitlab (rapport Code Quality)",
    )
    check.add_argument("--lang", choices=["fr", "en"], default="fr")
    check.add_argument("--today", type=_date, default=None)
    check.add_argument(
        "--changed-since",
        metavar="REV",
        default=None,
        help="seulement les fichiers changés depuis cette révision git, et ce que leur changement casse ailleurs",
    )

    build = sub.add_parser("build", help="valider puis construire le site")
    build.add_argument("--data", type=Path, default=Path("data"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument("--today", type=_date, default=None)
    build.add_argument("--lang", choices=["fr", "en"], default="fr")

    serve = sub.add_parser("serve", help="prévisualiser le site, reconstruit à chaque changement")
    serve.add_argument("--data", type=Path, default=Path("data"))
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--today", type=_date, default=None)

    schema = sub.add_parser("schema", help="écrire les schémas JSON des fichiers de données")
    schema.add_argument("--out", type=Path, default=Path("schemas"))

    report = sub.add_parser("report", help="rapports pour les personnes qui tiennent les données à jour")
    report.add_argument("name", choices=["freshness"])
    report.add_argument("--data", type=Path, default=Path("data"))
    report.add_argument("--today", type=_date, default=None)
    report.add_argument("--format", choices=["text", "json"], default="text")

    new = sub.add_parser("new", help="écrire un fichier modèle commenté")
    new.add_argument("kind", choices=["actor", "event", "place", "circuit", "notice"])
    new.add_argument("id")
    new.add_argument("--data", type=Path, default=Path("data"))

    imports = sub.add_parser("import", help="importer un tableau, un agenda, data·inclusion ou HSDS")
    kinds = imports.add_subparsers(dest="source_kind", required=True)

    def common(command: argparse.ArgumentParser) -> None:
        command.add_argument("--data", type=Path, default=Path("data"))
        command.add_argument("--dry-run", action="store_true", help="montrer ce qui serait écrit, sans rien écrire")
        command.add_argument("--update", action="store_true", help="mettre à jour les fichiers déjà là")
        command.add_argument("--report", type=Path, default=None, help="écrire le rapport en Markdown dans ce fichier")

    table = kinds.add_parser("table", help="un tableau CSV, XLSX ou ODS → fiches")
    table.add_argument("file", type=Path)
    table.add_argument("--kind", choices=["actors", "places", "events"], default="actors")
    table.add_argument("--columns", type=Path, default=None, help="fichier YAML : colonne du tableau → champ")
    table.add_argument(
        "--write-columns", type=Path, default=None, help="écrire ce fichier de correspondance des colonnes, à compléter"
    )
    common(table)

    ics = kinds.add_parser("ics", help="un agenda iCalendar (fichier ou adresse) → événements")
    ics.add_argument("source", metavar="FILE_OR_URL")
    ics.add_argument("--organizer", required=True, help="identifiant de l'acteur organisateur")
    ics.add_argument("--type", default="other", help="type des événements importés (other par défaut)")
    common(ics)

    calendars = kinds.add_parser(
        "calendars", help="réimporter chaque agenda listé dans territory.yaml (calendars:), comme le fait la CI"
    )
    common(calendars)

    inclusion = kinds.add_parser("data-inclusion", help="fichiers structures/services de data·inclusion → acteurs")
    inclusion.add_argument("files", type=Path, nargs="+")
    common(inclusion)

    hsds = kinds.add_parser("hsds", help="un paquet de données HSDS 3.0 → acteurs")
    hsds.add_argument("folder", type=Path)
    common(hsds)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return commands.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `... | head`: the reader left, nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit on purpose
        return 0


if __name__ == "__main__":
    sys.exit(main())
