"""Regenerate requirements.lock and requirements-test.lock with the SHA-256 of every file.

    make lock                 # the versions stay those of the lock files and pyproject.toml
    make lock UPGRADE=1       # let every version move to the newest the pins allow

The versions pinned in pyproject.toml and in the current lock files (``name==version`` lines,
with or without hashes: a package added by hand is picked up) are handed to ``uv pip compile``
as constraints, so that regenerating changes nothing but what was asked; each package is then
written with the hashes of every file the index lists for its version (every platform's wheel
and the source archive), so that ``pip install --require-hashes`` installs the same bytes on
any machine. requirements.lock holds the runtime set; requirements-test.lock the whole set
the tests need (runtime included), so that each file installs on its own. uv is installed,
pinned, into a venv of its own (.venv-lock). See docs/dependencies.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("MAILLAGE_LOCK_PYTHON", "3.11.7")  # the interpreter the locks are made for
UV = ROOT / ".venv-lock" / "bin" / "uv"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.M)
LOCKS = {
    "requirements.lock": (
        "# Locked runtime dependencies, with the hash of every file: regenerate with `make lock`.",
        [],
    ),
    "requirements-test.lock": (
        "# Locked runtime and test dependencies, with the hash of every file: regenerate with `make lock`.",
        ["--extra", "test"],
    ),
}


def pins() -> dict[str, str]:
    """name → version of every exact pin of pyproject.toml and the lock files."""
    found: dict[str, str] = {}
    for name in ("pyproject.toml", *LOCKS):
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if name == "pyproject.toml":
            text = "\n".join(re.findall(r'"([^"]+==[^"]+)"', text))
        for package, version in PIN.findall(text):
            found.setdefault(re.sub(r"[-_.]+", "-", package).lower(), version)
    return found


def main() -> int:
    if not UV.is_file():
        print(f"{UV} is missing: run `make lock`, which installs it.", file=sys.stderr)
        return 2
    upgrade = os.environ.get("UPGRADE", "") not in ("", "0")
    with tempfile.TemporaryDirectory() as tmp:
        constraints = Path(tmp) / "constraints.txt"
        constraints.write_text(
            "" if upgrade else "".join(f"{name}=={version}\n" for name, version in sorted(pins().items())),
            encoding="utf-8",
        )
        for lock, (header, extra) in LOCKS.items():
            output = Path(tmp) / lock
            command = [
                str(UV), "pip", "compile", "pyproject.toml", *extra,
                "--constraint", str(constraints),
                "--generate-hashes", "--python-version", PYTHON,
                "--no-header", "--no-annotate", "--quiet",
                "--index-url", os.environ.get("MAILLAGE_INDEX_URL", "https://pypi.org/simple"),
                "--output-file", str(output),
            ]  # fmt: skip
            subprocess.run(command, cwd=ROOT, check=True)
            (ROOT / lock).write_text(header + "\n" + output.read_text(encoding="utf-8"), encoding="utf-8")
            print(f"{lock}: {len(PIN.findall(output.read_text(encoding='utf-8')))} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
