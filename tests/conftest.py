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


def shared_build(factory: pytest.TempPathFactory, data: Path = DEMO, today: str = TODAY) -> Path:
    """The site of ``data`` built once per test session, shared by every module and every
    parallel worker that asks for it (pytest-xdist workers share the base temp folder's
    parent; a lock lets one build while the others wait). The site is read, never changed:
    a test that needs to change a site builds its own."""
    import fcntl
    import hashlib
    import json
    import shutil

    shared = factory.getbasetemp().parent / "shared-builds"
    shared.mkdir(exist_ok=True)
    key = hashlib.sha256(json.dumps([str(data.resolve()), today]).encode()).hexdigest()[:16]
    site = shared / key / "site"
    with open(shared / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / key / "done").exists():
            shutil.rmtree(shared / key, ignore_errors=True)
            (shared / key).mkdir()
            result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", today)
            assert result.returncode == 0, result.stdout + result.stderr
            (shared / key / "done").touch()
    return site


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
