"""The Python lock files pin every package with the hashes of its files, and the Makefile
installs them in hash-checking mode (issue 15, item 4). A package added to pyproject.toml
without `make lock` fails here, with what to run."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)
REQUIREMENT = re.compile(r"^[A-Za-z0-9]", re.M)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(name: str) -> dict[str, tuple[str, int]]:
    """package → (version, number of hashes) of a lock file."""
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = {_normal(m.group(1)): (m.group(2), m.group(3).count("--hash=")) for m in ENTRY.finditer(text)}
    lines = [line for line in text.splitlines() if REQUIREMENT.match(line)]
    assert len(lines) == len(entries), f"{name}: a line is not `name==version` with hashes: run `make lock`"
    return entries


def pinned(extra: str | None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["optional-dependencies"][extra] if extra else project["dependencies"]
    found = {}
    for pin in pins:
        name, _, version = pin.partition("==")
        found[_normal(re.sub(r"\[.*\]", "", name))] = version
    return found


def test_every_locked_package_has_hashes() -> None:
    for name in ("requirements.lock", "requirements-test.lock"):
        entries = locked(name)
        assert len(entries) > 40
        unhashed = sorted(package for package, (_, hashes) in entries.items() if hashes == 0)
        assert unhashed == [], f"{name}: {unhashed} without hashes: run `make lock`"


def test_the_locks_hold_the_pins_of_pyproject() -> None:
    runtime, test = locked("requirements.lock"), locked("requirements-test.lock")
    for package, version in pinned(None).items():
        assert runtime.get(package, ("",))[0] == version, f"{package}=={version}: run `make lock`"
        assert test.get(package, ("",))[0] == version, f"{package}=={version}: run `make lock`"
    for package, version in pinned("test").items():
        assert test.get(package, ("",))[0] == version, f"{package}=={version}: run `make lock`"
    assert {p: v for p, (v, _) in runtime.items()}.items() <= {p: v for p, (v, _) in test.items()}.items()


def test_the_makefile_installs_with_hash_checking() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"^\t.*(?:\$\(PIP\)|/pip) .*install .*$", makefile, re.M)
    assert len(installs) >= 3
    assert all("--require-hashes" in line for line in installs), installs
    assert "--hash=sha256:" in (ROOT / "tools" / "uv.lock").read_text(encoding="utf-8")
