"""Revisions of the data files, read from git: what feeds write as SEQUENCE and LAST-MODIFIED.

Subscribed calendars notice an edit by an entry's SEQUENCE going up and its LAST-MODIFIED
moving on (ICAL.md 16). Both come from the history of the file the entry is written from:

- ``commits``: how many commits touched the file, plus one while the working copy differs
  from the last of them (an uncommitted edit, or a file never committed). It never goes
  down as long as history is only added to, and every edit of the file — its time, place,
  status or rule among others — makes it go up.
- ``timestamp``: the committer date of the last commit that touched the file.

Three git processes read the whole data folder, whatever its size: ``git rev-parse`` (where
the repository is, and whether it is a shallow clone, which would lower every count: a
warning), one ``git log --name-only`` and one ``git status``. Outside a git repository (or
without git) there is no history: every file has zero commits and no timestamp, which a
feed writes as ``SEQUENCE:0`` and a fixed DTSTAMP — deterministic, since neither the clock nor the file times are read.
"""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
_SEPARATOR = "\x1e"  # starts each commit's record in the log


@dataclass(frozen=True)
class Revision:
    """What git says about one file."""

    commits: int = 0
    timestamp: int | None = None  # Unix time of the last commit that touched it


NO_HISTORY = Revision()


def _git(cwd: Path, *args: str) -> str | None:
    """Run git quietly; None when git is missing or fails (not a repository, say)."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            # Read only: never take the index lock that a concurrent git command may hold.
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _history(top: Path, folder: str) -> dict[Path, Revision]:
    history = _git(top, "log", "--no-renames", "--name-only", f"--format={_SEPARATOR}%ct", "--", folder)
    revisions: dict[Path, Revision] = {}
    for record in (history or "").split(_SEPARATOR)[1:]:
        stamp, *names = record.strip("\n").split("\n")
        for name in filter(None, names):
            path = top / name
            known = revisions.get(path)
            # The log is newest first: the first record naming a file holds its last commit.
            revisions[path] = Revision(1, int(stamp)) if known is None else Revision(known.commits + 1, known.timestamp)
    return revisions


def _uncommitted(top: Path, folder: str) -> set[Path]:
    status = _git(top, "status", "--porcelain=v1", "--untracked-files=all", "--no-renames", "--", folder)
    return {top / line[3:] for line in (status or "").splitlines() if len(line) > 3}


def file_revisions(data_dir: Path) -> dict[Path, Revision]:
    """Absolute path of each data file with a history → its Revision ({} outside git)."""
    data_dir = data_dir.resolve()
    answer = _git(data_dir, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if not answer:
        return {}
    top_text, *shallow = answer.splitlines()
    if shallow == ["true"]:
        # A shallow clone (CI's default depth 1) sees one commit: every SEQUENCE would drop.
        log.warning(
            "%s: shallow git clone, SEQUENCE and LAST-MODIFIED of the feeds are wrong; clone with the "
            "whole history (actions/checkout fetch-depth: 0, GitLab GIT_DEPTH: 0)",
            top_text,
        )
    top = Path(top_text.strip()).resolve()
    folder = data_dir.relative_to(top).as_posix() if data_dir != top else "."
    revisions = _history(top, folder)
    for path in _uncommitted(top, folder):
        known = revisions.get(path, NO_HISTORY)
        revisions[path] = Revision(known.commits + 1, known.timestamp)
    return revisions
