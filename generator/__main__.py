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
