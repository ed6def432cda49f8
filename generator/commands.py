"""What each command does, from parsed arguments to an exit code."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
import traceback
from pathlib import Path

from .errors import FORMATTERS, format_text
from .models.types import ID_PATTERN
from .validate import Validation, validate

OK, INVALID, USAGE = 0, 1, 2


def _say(text: str) -> None:
    if text:
        print(text)


def _summary(validation: Validation, lang: str) -> str:
    errors = len(validation.errors)
    warnings = len(validation.problems) - errors
    if lang == "en":
        return f"{errors} error(s), {warnings} warning(s)."
    return f"{errors} erreur(s), {warnings} avertissement(s)."


def _data_dir(path: Path) -> Path | None:
    if not path.is_dir():
        print(f"Dossier de données introuvable : {path}", file=sys.stderr)
        return None
    return path


def check(args: argparse.Namespace) -> int:
    if _data_dir(args.data) is None:
        return USAGE
    if args.changed_since:
        from .changes import GitError
        from .validate import validate_changes

        try:
            validation = validate_changes(args.data, args.changed_since, lang=args.lang, today=args.today)
        except GitError as exc:
            print(f"--changed-since {args.changed_since} : git ne peut pas répondre ({exc}).", file=sys.stderr)
            return USAGE
    else:
        validation = validate(args.data, lang=args.lang, today=args.today)
    _say(FORMATTERS[args.format](validation.problems, args.lang))
    if args.format == "text":
        _say(_summary(validation, args.lang))
    return OK if validation.ok else INVALID


def build(args: argparse.Namespace) -> int:
    from .build import BuildPaths, SiteDirRefused, refusal
    from .build import build as run_build

    if _data_dir(args.data) is None:
        return USAGE
    refused = refusal(BuildPaths(project=Path.cwd(), site_dir=args.site_dir, data=args.data))
    if refused is not None:  # said before the data is even read: nothing is touched
        print(_refusal_text(refused, args.lang), file=sys.stderr)
        return USAGE
    validation = validate(args.data, lang=args.lang, today=args.today)
    if validation.problems:
        _say(format_text(validation.problems, args.lang))
    if not validation.ok:
        print(_summary(validation, args.lang), "Le site existant n'a pas été modifié.", file=sys.stderr)
        return INVALID
    paths = BuildPaths(project=Path.cwd(), site_dir=args.site_dir, data=args.data)
    try:
        run_build(validation, paths)
    except SiteDirRefused as late:  # the folder changed while the site was built
        print(_refusal_text(late, args.lang), file=sys.stderr)
        return USAGE
    except Exception as exc:  # a bug or a full disk must not print a traceback at a volunteer
        if os.environ.get("MAILLAGE_DEBUG"):
            traceback.print_exc()
        print(_build_failure(exc, paths.site_dir), file=sys.stderr)
        return INVALID
    print(f"Site construit dans {paths.site_dir}/ — ouvrez {paths.site_dir.resolve()}/index.html")
    return OK


def _refusal_text(refused: Exception, lang: str) -> str:
    from .messages import describe

    code, context = getattr(refused, "code", ""), getattr(refused, "context", {})
    message, hint = describe(code, context, lang)
    head = "La construction est refusée" if lang == "fr" else "The build is refused"
    return f"{head} : {message}.\n    → {hint}" if lang == "fr" else f"{head}: {message}.\n    → {hint}"


def _build_failure(exc: Exception, site_dir: Path) -> str:
    """What to tell a volunteer when the build stops midway (the data was valid)."""
    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
        # a folder copy that failed file by file: (source, target, reason) for each
        reason = str(exc.args[0][0][-1])
        full = os.strerror(errno.ENOSPC) in reason or os.strerror(errno.EDQUOT) in reason
        cause = "le disque est plein : libérez de la place puis relancez" if full else f"erreur de copie : {reason}"
    elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        cause = f"le disque est plein ({exc.strerror}) : libérez de la place puis relancez"
    elif isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        cause = f"erreur d'écriture{where} : {exc.strerror or exc}"
    else:
        cause = f"{type(exc).__name__} : {exc}"
    return (
        f"La construction a échoué : {cause}.\n"
        f"Le site existant ({site_dir}) n'a pas été modifié. "
        "Pour le détail technique, relancez avec MAILLAGE_DEBUG=1."
    )


def schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return OK


def new(args: argparse.Namespace) -> int:
    import re

    from .skeletons import FOLDERS, skeleton

    if not re.fullmatch(ID_PATTERN, args.id) or len(args.id) > 64:
        print(
            f"« {args.id} » n'est pas un identifiant valable : minuscules sans accents, chiffres et tirets.",
            file=sys.stderr,
        )
        return USAGE
    folder = args.data / FOLDERS[args.kind]
    target = folder / f"{args.id}.yaml"
    if target.exists() or target.with_suffix(".yml").exists():
        print(f"{target} existe déjà.", file=sys.stderr)
        return USAGE
    validation = validate(args.data) if args.data.is_dir() else None
    dataset = validation.dataset if validation else None
    commune = village = "ma-commune"
    if dataset is not None and dataset.territory is not None:
        first = dataset.territory.communes[0]
        commune = first.id
        village = first.villages[0].id if first.villages else first.id
    actor = next(iter(sorted(dataset.actors)), "mon-acteur") if dataset else "mon-acteur"
    place = next(iter(sorted(dataset.places)), "mon-lieu") if dataset else "mon-lieu"
    today = validation.today if validation else None
    from datetime import date

    text = skeleton(args.kind, args.id, today or date.today(), commune, village, actor, place)
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(target)
    return OK


def report(args: argparse.Namespace) -> int:
    import json

    from .freshness import BUCKETS, freshness

    if _data_dir(args.data) is None:
        return USAGE
    validation = validate(args.data, today=args.today)
    rows = freshness(validation.dataset, validation.today)
    settings = _settings()
    from .outputs import RenderContext

    context = RenderContext(validation.dataset, validation.today, settings)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "actor": r.actor_id,
                        "name": r.name,
                        "verified_on": r.verified_on.isoformat(),
                        "age_months": r.age_months,
                        "review_months": r.review_months,
                        "state": r.bucket,
                        "edit": context.edit_url(r.file),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return OK
    for key, labels in BUCKETS.items():
        group = [r for r in rows if r.bucket == key]
        print(f"\n{labels['fr'].capitalize()} ({len(group)})")
        for r in group:
            print(f"  {r.verified_on.isoformat()}  {r.age_months:>3} mois  {r.name}  {context.edit_url(r.file)}")
    return OK


def _settings() -> dict[str, object]:
    config = Path("mkdocs.yml")
    if not config.is_file():
        return {}
    from .site import site_settings

    try:
        return site_settings(config)
    except Exception as exc:  # a broken mkdocs.yml must not hide the report: it only loses edit links
        print(f"mkdocs.yml n'a pas pu être lu ({exc}) : les liens de modification sont omis.", file=sys.stderr)
        return {}


def serve(args: argparse.Namespace) -> int:
    from .serve import serve as run_serve

    return run_serve(args)


def import_(args: argparse.Namespace) -> int:
    from .importers import run as importing

    options = importing.Options(data=args.data, dry_run=args.dry_run, update=args.update, report=args.report)
    if args.source_kind == "ics":
        return importing.import_ics(args.source, args.organizer, args.type, options)
    if args.source_kind == "calendars":
        return importing.import_calendars(options)
    if args.source_kind == "table":
        return importing.import_table(args.file, args.kind, args.columns, args.write_columns, options)
    if args.source_kind == "data-inclusion":
        return importing.import_inclusion(args.files, options)
    return importing.import_hsds(args.folder, options)


def run(args: argparse.Namespace) -> int:
    commands = {
        "check": check,
        "build": build,
        "schema": schema,
        "new": new,
        "serve": serve,
        "report": report,
        "import": import_,
    }
    return commands[args.command](args)
