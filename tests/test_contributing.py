"""The examples of README.md and CONTRIBUTING*.md are run, in document order, on a copy of the demo.

What each kind of block means to this test:

- ```sh: every `python -m generator …` line (with or without `.venv/bin/`) is run from a
  temporary project (a git repository whose `origin/main` is the demo) and must exit 0;
  a `make TARGET` line must name a target of the Makefile; any other command fails the test.
- ```yaml starting with `# fichier data/…`: written to that path; later `check` lines cover it.
  Starting with `# modèle de data/territory.yaml`: checked alone in an empty data folder.
  Any other YAML block must parse.
- ```diff with `--- data/…`: applied to that file (context and removed lines must be there),
  then `check` must report no error.
- `<!-- test: replace FILE "OLD" "NEW" -->` lines before a block: the replacements are made,
  `check` runs, every line of the block must be in its output, and the file is restored.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import DEMO, ROOT, git, run_cli

DOCUMENTS = ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md"]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)
DIRECTIVE = re.compile(r'^<!-- test: replace (\S+) "(.*)" "(.*)" -->$')
GENERATOR = re.compile(r"^(?:\.venv/bin/)?python3? -m generator\b(.*)$")


@dataclass
class Block:
    lang: str
    text: str
    replacements: list[tuple[str, str, str]] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").splitlines()
        replacements = []
        while before and (directive := DIRECTIVE.match(before[-1])):
            replacements.insert(0, directive.groups())
            before.pop()
        found.append(Block(match.group(1), match.group(2), replacements))
    return found


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A throwaway project: the demo data and the site settings, in a git repository."""
    shutil.copytree(DEMO, tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("content", "overrides"):  # mkdocs.yml names them; read, never written
        (tmp_path / folder).symlink_to(ROOT / folder)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "demo")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")
    return tmp_path


def _errors(project: Path, data: str = "data") -> list[dict[str, object]]:
    result = run_cli("check", "--data", data, "--format", "json", cwd=project)
    assert "Traceback" not in result.stderr
    return [p for p in json.loads(result.stdout) if p["severity"] == "error"]


def _run_shell(project: Path, line: str, makefile: str) -> bool:
    """Run one documented command; True when it was a generator command."""
    command = line.split(" #", 1)[0].strip()
    if not command:
        return False
    if command.startswith("make "):
        for target in shlex.split(command)[1:]:
            if "=" not in target:
                assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"no Makefile target for `{line}`"
        return False
    match = GENERATOR.match(command)
    assert match, f"the documentation runs `{command}`: teach tests/test_contributing.py what it means"
    result = run_cli(*shlex.split(match.group(1)), cwd=project)
    assert result.returncode == 0, f"`{command}` exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return True


def _apply_diff(project: Path, text: str) -> None:
    lines = text.splitlines()
    assert lines[0].startswith("--- data/") and lines[1].startswith("+++ "), "a diff names its file first"
    target = project / lines[0][4:].strip()
    before = "\n".join(line[1:] for line in lines[2:] if line[:1] in " -") + "\n"
    after = "\n".join(line[1:] for line in lines[2:] if line[:1] in " +") + "\n"
    content = target.read_text(encoding="utf-8")
    assert before in content, f"the diff's old lines are not in {target.name}:\n{before}"
    target.write_text(content.replace(before, after, 1), encoding="utf-8")
    errors = _errors(project)
    assert errors == [], f"{target.name} after the documented change: {errors}"


def _expected_output(project: Path, block: Block) -> None:
    originals: dict[Path, str] = {}
    for file, old, new in block.replacements:
        path = project / file
        originals.setdefault(path, path.read_text(encoding="utf-8"))
        content = path.read_text(encoding="utf-8")
        assert old in content, f"`{old}` is not in {file}"
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    for line in block.text.splitlines():
        if line.strip():
            assert line in result.stdout.splitlines(), f"the documented output `{line}` is not what check says"
    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")


def _yaml_block(project: Path, tmp: Path, text: str) -> None:
    first = text.splitlines()[0]
    if first.startswith("# fichier data/"):
        target = project / first.removeprefix("# fichier ").strip()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        errors = [e for e in _errors(project) if e["file"] == target.relative_to(project).as_posix()]
        assert errors == [], f"the documented {target.name} is not valid: {errors}"
    elif first.startswith("# modèle de data/territory.yaml"):
        alone = tmp / "modele" / "data"
        alone.mkdir(parents=True)
        (alone / "territory.yaml").write_text(text, encoding="utf-8")
        assert _errors(alone.parent) == []
    else:
        yaml.safe_load(text)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_documented_examples_run(document: str, project: Path, tmp_path: Path) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = blocks(text)
    assert found, f"{document} has no example"
    commands = 0
    for block in found:
        if block.replacements:
            _expected_output(project, block)
        elif block.lang == "sh":
            commands += sum(_run_shell(project, line, makefile) for line in block.text.splitlines())
        elif block.lang == "yaml":
            _yaml_block(project, tmp_path, block.text)
        elif block.lang == "diff":
            _apply_diff(project, block.text)
    assert commands >= 2, f"{document}: the generator commands were not found, so none ran"


def test_contributing_covers_the_issue() -> None:
    """The French guide answers each question of a partner (issue 6, item 1)."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in (
        "Trouver votre fichier",
        "Modifier le fichier dans le navigateur",
        "Ce que veut dire chaque champ",
        "Lire un message d'erreur",
        "Confirmer que rien n'a changé",
        "Ajouter une activité",
        "Annuler une date",
    ):
        assert re.search(rf"^## \d+\. {re.escape(heading)}$", text, re.M), heading
    assert "/contribuer/" in text and "CONTRIBUTING.en.md" in text
    kinds = [b for b in blocks(text) if b.lang == "diff"]
    verified = next(b for b in kinds if "verified" in b.text)
    changed = [line for line in verified.text.splitlines()[2:] if line[:1] in "+-"]
    assert len(changed) == 2, "confirming that nothing changed is a one-line change"


def test_the_harness_notices_a_wrong_example(project: Path) -> None:
    """The checks above can fail: a wrong documented output or command is caught."""
    wrong = Block("text", "data/actors/pcs-havelange.yaml:1:1: erreur: ceci n'est pas affiché\n")
    wrong.replacements.append(("data/actors/pcs-havelange.yaml", "themes: [", "themes: [x, "))
    with pytest.raises(AssertionError, match="documented output"):
        _expected_output(project, wrong)
    with pytest.raises(AssertionError, match="exited 2"):
        _run_shell(project, "python -m generator check --format xml", "")
    with pytest.raises(AssertionError, match="teach"):
        _run_shell(project, "rm -rf data", "")
    assert sys.executable
