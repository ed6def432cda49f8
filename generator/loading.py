"""The only reader of data/: YAML files with positions → a Dataset, or Problems.

Every file is read on its own: a broken file gives its Problems and is left out of the
Dataset, the others are still loaded, so that one run reports everything. Positions are kept
beside each entity (``Dataset.sources``) so that the checks across files can point at the
offending value too.
"""

from __future__ import annotations

import errno
import os
import stat
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import decisions, yamlread
from .errors import Problem
from .messages import closest, describe, did_you_mean
from .models import KINDS, Actor, Circuit, Event, Model, Notice, Place, Territory
from .models.types import ID_PATTERN, slugify

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """Where an entity came from: its file (as shown to users) and the positions in it."""

    file: str
    path: Path
    positions: yamlread.Positions


@dataclass
class Dataset:
    """Everything in data/, validated file by file (checks across files come after)."""

    root: Path
    territory: Territory | None = None
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    circuits: dict[str, Circuit] = field(default_factory=dict)
    notices: dict[str, Notice] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    # Every id present in data/ by folder (file names), even of files that were not read or
    # did not validate: references to them are not "unknown", the file itself is reported.
    ids: dict[str, set[str]] = field(default_factory=dict)

    def collection(self, kind: str) -> dict[str, Any]:
        return typing.cast(dict[str, Any], getattr(self, kind))

    def source(self, kind: str, entity_id: str) -> Source:
        return self.sources[(kind, entity_id)]


class Reporter:
    """Collects Problems, worded in one language, positioned in one file."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.problems: list[Problem] = []

    def add(
        self,
        file: str,
        position: tuple[int, int],
        path: Iterable[str | int],
        code: str,
        severity: str = "error",
        **context: Any,
    ) -> None:
        message, hint = describe(code, context, self.lang)
        self.problems.append(
            Problem(
                file=file,
                line=position[0],
                column=position[1],
                path=format_path(path),
                message=message,
                hint=hint,
                severity="warning" if severity == "warning" else "error",
                code=code,
            )
        )

    def at(
        self, source: Source, path: tuple[str | int, ...], code: str, severity: str = "error", **context: Any
    ) -> None:
        """A problem at the value ``path`` of an entity's file."""
        self.add(source.file, source.positions.of(path), path, code, severity, **context)


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


# --- pydantic errors → problems ----------------------------------------------------------

_PYDANTIC_CODES = {
    "list_type": "list_type",
    "tuple_type": "list_type",
    "set_type": "list_type",
    "dict_type": "mapping_type",
    "model_type": "mapping_type",
    "model_attributes_type": "mapping_type",
    "too_short": "too_short",
    "too_long": "too_long",
    "int_type": "int_type",
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_type": "bool_type",
    "bool_parsing": "bool_type",
    "string_type": "text_type",
}


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` (walking lists and optionals)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        if part not in fields:
            return None
        current = _inner_model(fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in typing.get_args(arg):
            found = _inner_model(inner)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def report_validation(
    reporter: Reporter,
    file: str,
    positions: yamlread.Positions,
    model: type[Model],
    error: ValidationError,
    decided: list[tuple[str | int, ...]] | None = None,
) -> None:
    items = [
        item
        for item in error.errors(include_url=False, include_input=False)
        if not decisions.covers(decided or [], tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in p))
    ]
    # A misspelt field (`titel:`) is both unknown and, as `title`, missing: say it once, as a typo.
    misspelt: set[tuple[str | int, ...]] = set()
    for item in items:
        loc = tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in p)
        if item["type"] == "extra_forbidden" and loc:
            best = closest(str(loc[-1]), _field_names(_model_at(model, loc[:-1])))
            if best is not None:
                misspelt.add(loc[:-1] + (best,))
    for item in items:
        loc = tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in p)
        kind = item["type"]
        ctx = dict(item.get("ctx") or {})
        if kind == "list_duplicate" and isinstance(ctx.get("index"), int):
            loc = loc + (ctx["index"] - 1,)  # point at the second copy, not the whole list
        if kind == "missing":
            if loc in misspelt:
                continue
            name = str(loc[-1]) if loc else ""
            reporter.add(file, positions.of(loc[:-1]), loc, "missing", field=name)
        elif kind == "extra_forbidden":
            name = str(loc[-1]) if loc else ""
            known = _field_names(_model_at(model, loc[:-1]))
            suggestion = did_you_mean(name, known, reporter.lang)
            reporter.add(file, positions.of(loc, key=True), loc, "extra_forbidden", field=name, suggestion=suggestion)
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            bound = {
                "greater_than_equal": (">= ", "ge"),
                "less_than_equal": ("<= ", "le"),
                "greater_than": ("> ", "gt"),
                "less_than": ("< ", "lt"),
            }[kind]
            limit = ctx.get(bound[1], "")
            reporter.add(file, positions.of(loc), loc, "number_range", bound=f"{bound[0]}{limit}")
        elif kind in _PYDANTIC_CODES:
            reporter.add(file, positions.of(loc), loc, _PYDANTIC_CODES[kind], **ctx)
        elif kind in _known_codes():
            reporter.add(file, positions.of(loc), loc, kind, **ctx)
        else:  # a pydantic check we have no words for yet: its own English text beats silence
            reporter.add(file, positions.of(loc), loc, "_raw", message=item["msg"])


def _known_codes() -> set[str]:
    from .messages import CATALOGUE

    return set(CATALOGUE)


# --- reading files -----------------------------------------------------------------------

_KIND_OF_FILE = {  # worded by messages.describe
    stat.S_IFDIR: "folder",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFIFO: "fifo",
    stat.S_IFSOCK: "socket",
}


def _refuse(code: str, **context: Any) -> yamlread.YamlProblem:
    return yamlread.YamlProblem(code, 1, 1, **context)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """The bytes of the data file ``path``, read as untrusted input: only a regular file,
    only up to ``yamlread.MAX_BYTES`` (the size is known before anything is read), and,
    when ``root`` is given, never through a symbolic link that leads out of ``root``.
    Every refusal is a :class:`yamlread.YamlProblem` (located at 1:1)."""
    try:
        info = os.lstat(path)
        real = path
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(path)
            real = Path(os.path.realpath(path))
            if root is not None and not _inside(real, root):
                raise _refuse("symlink_outside", target=target)
            info = os.lstat(real)  # a broken link: OSError, said below
            if stat.S_ISLNK(info.st_mode):  # a loop: realpath stops where it started
                raise _refuse("unreadable", reason=os.strerror(errno.ELOOP))
        if not stat.S_ISREG(info.st_mode):
            raise _refuse("special_file", kind=_KIND_OF_FILE.get(stat.S_IFMT(info.st_mode), "other"))
        if info.st_size > yamlread.MAX_BYTES:
            raise _refuse("file_too_large", size=info.st_size, limit=yamlread.MAX_BYTES)
        # O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a FIFO since the look above
        # is not followed, nor waited for; fstat then tells what was really opened.
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(real, flags)
        try:
            opened = os.fstat(handle)
            if not stat.S_ISREG(opened.st_mode):
                raise _refuse("special_file", kind=_KIND_OF_FILE.get(stat.S_IFMT(opened.st_mode), "other"))
            chunks: list[bytes] = []
            left = yamlread.MAX_BYTES + 1  # one byte more than allowed: enough to know it is too much
            while left > 0:
                chunk = os.read(handle, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(handle)
    except OSError as exc:
        raise _refuse("unreadable", reason=exc.strerror or str(exc)) from None
    raw = b"".join(chunks)
    if len(raw) > yamlread.MAX_BYTES:  # it grew since its size was read
        raise _refuse("file_too_large", size=len(raw), limit=yamlread.MAX_BYTES)
    return raw


def read_file(
    reporter: Reporter, path: Path, display: str, model: type[Model], root: Path | None = None
) -> tuple[Model | None, yamlread.Positions | None]:
    """One file → a validated model and its positions, or Problems in ``reporter``; with
    ``root``, a symbolic link out of it is refused (see :func:`read_bytes`)."""
    try:
        raw = read_bytes(path, root)
        text = yamlread.decode(raw)
        data, positions = yamlread.load(text)
    except yamlread.YamlProblem as problem:
        reporter.add(display, (problem.line, problem.column), (), problem.code, **problem.context)
        return None, None
    if not isinstance(data, dict):
        stem = path.stem if _valid_stem(path.stem) else slugify(path.stem)
        code = "not_mapping_territory" if model is Territory else "not_mapping"
        reporter.add(display, positions.of(()), (), code, stem=stem)
        return None, None
    left = decisions.find(data)
    for where, question in left:  # an importer's "À DÉCIDER : …": its question, not the field's complaint
        reporter.add(display, positions.of(where), where, "decision_needed", question=question)
    try:
        return model.model_validate(data), positions
    except ValidationError as error:
        report_validation(reporter, display, positions, model, error, [where for where, _ in left])
        return None, positions


def _entries(data_dir: Path) -> list[Path]:
    """Every path under ``data_dir`` but its real folders, sorted; symbolic links (to folders
    too) are listed, never followed."""
    found: list[Path] = []
    for folder, folders, files in os.walk(data_dir, followlinks=False, onerror=lambda error: None):
        here = Path(folder)
        found.extend(here / name for name in files)
        found.extend(here / name for name in folders if (here / name).is_symlink())
    return sorted(found)


def _valid_stem(stem: str) -> bool:
    import re

    return len(stem) <= 64 and re.fullmatch(ID_PATTERN, stem) is not None


def load_dataset(data_dir: Path, reporter: Reporter, *, only: set[Path] | None = None) -> Dataset:
    """Read every file of ``data_dir``, in a fixed (sorted) order; with ``only``, read just
    those files (and territory.yaml) but still list every id."""
    data_dir = data_dir.resolve()
    dataset = Dataset(root=data_dir, ids={kind: set() for kind in KINDS})
    seen: dict[tuple[str, str], str] = {}
    base = data_dir.parent

    def display(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    territory_files = [data_dir / f"territory{s}" for s in YAML_SUFFIXES if os.path.lexists(data_dir / f"territory{s}")]
    if not territory_files:
        reporter.add(display(data_dir / "territory.yaml"), (1, 1), (), "territory_missing")
    for index, path in enumerate(territory_files):
        if index > 0:
            reporter.add(display(path), (1, 1), (), "duplicate_id", value="territory", other=territory_files[0].name)
            continue
        territory, positions = read_file(reporter, path, display(path), Territory, data_dir)
        if isinstance(territory, Territory) and positions is not None:
            dataset.territory = territory
            dataset.sources[("territory", "territory")] = Source(display(path), path, positions)

    for entry in _entries(data_dir):
        relative = entry.relative_to(data_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if entry.is_symlink() and entry.is_dir():
            # never walked into: its files would be read from wherever it leads
            reporter.add(display(entry), (1, 1), (), "symlink_folder", target=os.readlink(entry))
            continue
        if len(relative.parts) == 1:
            if entry.name in {f"territory{s}" for s in YAML_SUFFIXES}:
                continue
            reporter.add(display(entry), (1, 1), (), "unknown_folder")
            continue
        folder = relative.parts[0]
        if folder not in KINDS or len(relative.parts) > 2:
            reporter.add(display(entry), (1, 1), (), "unknown_folder")
            continue
        if entry.suffix not in YAML_SUFFIXES:
            reporter.add(display(entry), (1, 1), (), "not_yaml")
            continue
        stem = entry.stem
        if (folder, stem) in seen:
            reporter.add(display(entry), (1, 1), (), "duplicate_id", value=stem, other=seen[(folder, stem)])
            continue
        seen[(folder, stem)] = display(entry)
        dataset.ids[folder].add(stem)
        if not _valid_stem(stem):
            reporter.add(display(entry), (1, 1), (), "file_name", name=entry.name, suggestion=slugify(stem)[:64])
            continue
        if only is not None and entry not in only:
            continue
        entity, positions = read_file(reporter, entry, display(entry), KINDS[folder], data_dir)
        if entity is None or positions is None:
            continue
        entity_id = getattr(entity, "id", "")
        if entity_id != stem:
            reporter.add(display(entry), positions.of(("id",)), ("id",), "id_mismatch", value=entity_id, stem=stem)
            continue
        dataset.collection(folder)[stem] = entity
        dataset.sources[(folder, stem)] = Source(display(entry), entry, positions)
    return dataset
