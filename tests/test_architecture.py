"""The layers of generator/__init__.py's paragraph, held by parsing every module's imports:
models know nothing of YAML, MkDocs, iCalendar or PDFs; only the site adapter imports MkDocs;
renderers under generator/outputs/ never import each other (they share the RenderContext
and the typesetting set-up only); one module per concept (opening hours, where an occurrence
takes place, dates and times in words), which every output calls."""

from __future__ import annotations

import ast
import re
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
SHARED_OUTPUTS = {"__init__", "qr", "typesetting"}  # generator/outputs/<these> serve every renderer
WRITER_HELPERS = {"feeds": {"ical"}}  # a writer and the package of its details


def _imports() -> dict[str, set[str]]:
    """Module name → absolute names of the modules it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                else:
                    target = node.module or ""
                names.add(target)
                names.update(f"{target}.{alias.name}" for alias in node.names)
        found[module] = names
    return found


IMPORTS = _imports()


def test_the_walk_found_the_modules() -> None:
    assert {"generator.models.event", "generator.site", "generator.outputs.leaflets.engine"} <= IMPORTS.keys()


def test_models_know_nothing_of_files_sites_calendars_or_pdfs() -> None:
    foreign = ("yaml", "mkdocs", "icalendar", "typst", "jinja2", "generator.")
    for module, names in IMPORTS.items():
        if module.startswith("generator.models"):
            wrong = {n for n in names if n.startswith(foreign) and not n.startswith("generator.models")}
            assert not wrong, (module, wrong)


def test_only_the_site_adapter_imports_mkdocs() -> None:
    users = {m for m, names in IMPORTS.items() if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names)}
    assert users == {"generator.site"}


def test_renderers_never_import_each_other() -> None:
    renderers = {m.split(".")[2] for m in IMPORTS if m.startswith("generator.outputs.")} - SHARED_OUTPUTS
    assert {"feeds", "leaflets", "pages", "reports", "exports", "observatory"} <= renderers

    def renderer(name: str) -> str | None:
        parts = name.split(".")
        if len(parts) < 3 or parts[:2] != ["generator", "outputs"] or parts[2] not in renderers:
            return None  # the outputs package itself (RenderContext), a shared module, a name
        return parts[2]

    crossings = []
    for module, names in IMPORTS.items():
        source = renderer(module)
        if source is None:
            continue
        for name in names:
            target = renderer(name)
            if target is not None and target != source and target not in WRITER_HELPERS.get(source, set()):
                crossings.append((module, name))
    assert crossings == []


def test_opening_hours_are_read_by_one_module() -> None:
    """The ``opening_hours`` package is the only judge of the syntax; ``generator.hours`` the
    only module that asks it what a value means (the models only ask whether it is valid)."""
    readers = {
        m
        for m, names in IMPORTS.items()
        if "opening_hours" in names or any(n.startswith("opening_hours.") for n in names)
    }
    assert readers == {"generator.hours", "generator.models.common"}
    users = {m for m, names in IMPORTS.items() if any(n.startswith("generator.hours") for n in names)}
    assert {"generator.outputs.pages.actors", "generator.outputs.leaflets.pieces", "generator.checks.warnings"} <= users


def test_where_an_occurrence_takes_place_is_resolved_by_the_schedule_only() -> None:
    """No output looks a place id up itself or reads an inline location's commune: they ask
    ``schedule.where`` (through ``RenderContext.where``)."""
    thing = r"(occurrence|event|change)"
    pattern = re.compile(rf"{thing}\.location\.|places\[{thing}\.|places\.get\({thing}|{thing}\.place in")
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        if path.name == "schedule.py" or "checks" in path.parts or path.name in {"loading.py"}:
            continue  # the rule itself; the checks validate the references it relies on
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(GENERATOR)}:{number}: {line.strip()}")
    assert offenders == []
