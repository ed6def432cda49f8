"""The layers of generator/__init__.py's paragraph, held by parsing every module's imports:
models know nothing of YAML, MkDocs, iCalendar or PDFs; only the site adapter imports MkDocs;
renderers under generator/outputs/ never import each other (they share the RenderContext,
the opening-hours words and the typesetting set-up only)."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
SHARED_OUTPUTS = {"__init__", "hours", "qr", "typesetting"}  # generator/outputs/<these> serve every renderer
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
