"""`check --changed-since REV`: which data files a change touches, and which it may break.

A pull request touches a few files; checking only those keeps the answer to seconds on a
province. Changed files are those git reports as modified, added, renamed or deleted since
REV, plus untracked ones. Files that mention a changed or removed id (an event using a place
that was deleted) are read too, and their reference problems reported: that is what the
change breaks elsewhere. A change to territory.yaml can break anything: everything is read.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .loading import YAML_SUFFIXES, read_bytes
from .models import KINDS
from .yamlread import YamlProblem

# Problems that a change in another file can cause in this one.
REFERENCE_CODES = frozenset({"unknown_reference", "village_not_in_commune"})


class GitError(Exception):
    """git could not answer (not a repository, unknown revision)."""


@dataclass(frozen=True)
class ChangeSet:
    """The data files a change touches, and the ids it adds, edits or removes."""

    changed: frozenset[Path]  # existing files that changed (resolved paths)
    removed_ids: frozenset[str]
    touched_ids: frozenset[str]
    territory_changed: bool


def _git(data_dir: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(data_dir), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(str(exc)) from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def change_set(data_dir: Path, revision: str) -> ChangeSet:
    data_dir = data_dir.resolve()
    top = Path(_git(data_dir, "rev-parse", "--show-toplevel").strip()).resolve()
    _git(data_dir, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    names = _git(data_dir, "diff", "--name-only", "--no-renames", "-z", revision, "--", str(data_dir)).split("\0")
    names += _git(
        data_dir, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", str(data_dir)
    ).split("\0")
    changed: set[Path] = set()
    removed: set[str] = set()
    touched: set[str] = set()
    territory = False
    for name in filter(None, names):
        path = (top / name).resolve()
        try:
            relative = path.relative_to(data_dir)
        except ValueError:
            continue
        if len(relative.parts) == 1 and relative.stem == "territory":
            territory = True
        if path.suffix in YAML_SUFFIXES:
            touched.add(path.stem)
        if path.exists():
            changed.add(path)
        elif path.suffix in YAML_SUFFIXES:
            removed.add(path.stem)
    return ChangeSet(frozenset(changed), frozenset(removed), frozenset(touched), territory)


def dependents(data_dir: Path, changes: ChangeSet) -> set[Path]:
    """Files of other entities that mention a touched id (cheap text search, no parsing)."""
    if not changes.touched_ids:
        return set()
    pattern = re.compile(
        r"(?<![a-z0-9-])(" + "|".join(re.escape(i) for i in sorted(changes.touched_ids)) + r")(?![a-z0-9-])"
    )
    found: set[Path] = set()
    for folder in KINDS:
        for path in sorted((data_dir / folder).glob("*")):
            if path.suffix not in YAML_SUFFIXES or path in changes.changed:
                continue
            try:  # bounded, and never through a link out of data/ (the loader reports those)
                text = read_bytes(path, data_dir).decode("utf-8", errors="replace")
            except YamlProblem:
                continue
            if pattern.search(text):
                found.add(path.resolve())
    return found
