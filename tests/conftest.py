"""Shared fixtures: the project root, the demo data, a way to run the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
TERRITORIES = Path(__file__).resolve().parent / "territories"
TODAY = "2026-11-23"


def git(repo: Path, *args: str, when: str = "2026-01-01T10:00:00Z") -> None:
    """Run git in ``repo`` as a test author, every commit dated ``when``."""
    import os
    import shutil

    if shutil.which("git") is None:
        pytest.fail("git is not installed: these tests need it")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@maillage.example",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@maillage.example",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` as a user would, from ``cwd``."""
    import os

    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
