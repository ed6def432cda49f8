"""A pull request from anyone cannot hurt the data, the machine or the readers (issue 15).

Each item of the issue has its cases here, or in ``tests/invalid/215-…`` to ``234-…`` (one
fixture per rule with its exact message, run by tests/test_invalid_fixtures.py): the site
folder that a build may replace (1), data files read by size first and never through a link
out of data/ (2; and ``serve`` that survives them), the leaflet cache's sealed entries (3),
one policy for links (5: JSON Schema patterns included), invisible characters and names that
read the same (6), personal data as errors (7). After every refusal, the previous site and
the data are byte-identical. (Patterns' worst inputs, item 8: tests/test_patterns.py; the
bounded time of a 900 KB adversarial file: ``test_an_adversarial_file_is_checked_in_bounded_time``.)
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import stat
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TERRITORIES, TODAY
from test_invalid_fixtures import CASES, expected_of, prepare

import generator.build
from generator import commands
from generator.build import MARKER, BuildPaths, remove_leftovers
from generator.outputs.leaflets.cache import PdfCache
from generator.serve import Preview, _handler, _Server, _snapshot
from generator.validate import validate

MINI = TERRITORIES / "mini" / "data"
ISSUE_15 = [case for case in CASES if 215 <= int(case.name.split("-")[0]) <= 234]


def tree_hash(folder: Path) -> str:
    """Names, kinds, link targets and bytes of everything under ``folder``; links are never
    followed and only regular files are read (a FIFO would block, /dev/zero never ends)."""
    digest = hashlib.sha256()
    for base, folders, files in os.walk(folder, followlinks=False):
        folders.sort()
        for name in sorted(folders + files):
            path = Path(base) / name
            info = path.lstat()
            digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.S_IFMT(info.st_mode)}\0".encode())
            if stat.S_ISLNK(info.st_mode):
                digest.update(os.readlink(path).encode())
            elif stat.S_ISREG(info.st_mode):
                digest.update(path.read_bytes())
    return digest.hexdigest()


def previous_site(parent: Path) -> Path:
    """A site an earlier build published: its marker and a few pages."""
    site = parent / "site"
    (site / "acteurs").mkdir(parents=True)
    (site / MARKER).write_text("Maillage\n", encoding="utf-8")
    (site / "index.html").write_text("<!doctype html><title>Avant</title>", encoding="utf-8")
    (site / "acteurs" / "index.html").write_text("<p>Les acteurs d'hier</p>", encoding="utf-8")
    return site


def build_in_process(monkeypatch: pytest.MonkeyPatch, cwd: Path, data: Path, site_dir: Path, lang: str = "fr") -> int:
    monkeypatch.chdir(cwd)
    args = argparse.Namespace(data=data, site_dir=site_dir, today=date.fromisoformat(TODAY), lang=lang)
    return commands.build(args)


# --- every refusal of the corpus: the previous site and the data stay as they were ----------


def test_the_corpus_has_a_case_for_each_item() -> None:
    names = {case.name for case in ISSUE_15}
    items = {
        "links (5)": ["215-url-userinfo", "216-url-private-address", "217-url-direction-override",
                      "218-email-hidden-copy", "219-url-localhost-registration", "220-url-numeric-host"],
        "invisible characters (6)": ["221-name-zero-width-space", "222-title-soft-hyphen",
                                     "223-name-byte-order-mark", "224-name-joiner-in-latin",
                                     "225-title-direction-mark-in-latin"],
        "personal data (7)": ["226-personal-phone-in-address", "227-personal-email-in-notice",
                              "228-personal-phone-in-event-summary", "229-personal-phone-in-route-description"],
        "files (2)": ["230-symlink-to-dev-zero", "231-symlink-out-of-data", "232-symlinked-folder",
                      "233-named-pipe", "234-territory-symlink-out"],
    }  # fmt: skip
    for item, cases in items.items():
        assert set(cases) <= names, item
    assert len(ISSUE_15) == sum(map(len, items.values()))


@pytest.mark.parametrize("case", ISSUE_15, ids=[c.name for c in ISSUE_15])
def test_a_refused_pull_request_changes_neither_the_site_nor_the_data(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = prepare(case, tmp_path / "work")
    site = previous_site(tmp_path / "out")
    before = tree_hash(data), tree_hash(site)
    started = time.process_time()
    assert build_in_process(monkeypatch, ROOT, data, site) == 1
    assert time.process_time() - started < 5, "a refusal is quick, whatever the file"
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    expected = expected_of(case)["problems"][0]
    assert f"{expected['file']}:{expected['line']}:{expected['column']}: erreur" in out.out
    assert expected["message"] in out.out
    assert "Le site existant n'a pas été modifié" in out.err
    assert (tree_hash(data), tree_hash(site)) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


# --- 1. the build replaces only an empty folder or a previous Maillage site ------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project a contributor works in: git history, data, uncommitted notes."""
    folder = tmp_path / "projet"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    shutil.copytree(MINI, folder / "data")
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "notes-non-commitees.txt").write_text("brouillon\n", encoding="utf-8")
    (folder / "autre").mkdir()
    (folder / "autre" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


@pytest.mark.parametrize(
    ("site_dir", "message"),
    [
        (
            ".",
            "La construction est refusée : le dossier `.` contient le projet ou les données (`{project}`), ou est "
            "dans les données : il n'a pas été touché.\n"
            "    → publiez le site dans un dossier à part, par exemple `--site-dir site`",
        ),
        (
            "data",
            "La construction est refusée : le dossier `data` contient le projet ou les données (`{project}/data`), "
            "ou est dans les données : il n'a pas été touché.\n"
            "    → publiez le site dans un dossier à part, par exemple `--site-dir site`",
        ),
        (
            "data/site",
            "La construction est refusée : le dossier `data/site` contient le projet ou les données "
            "(`{project}/data`), ou est dans les données : il n'a pas été touché.\n"
            "    → publiez le site dans un dossier à part, par exemple `--site-dir site`",
        ),
        (
            "..",
            "La construction est refusée : le dossier `..` contient le projet ou les données (`{project}`), ou est "
            "dans les données : il n'a pas été touché.\n"
            "    → publiez le site dans un dossier à part, par exemple `--site-dir site`",
        ),
        (
            "autre",
            "La construction est refusée : le dossier `autre` n'est ni vide ni un site publié par Maillage (il n'a "
            "pas de fichier `.maillage-site`) : il n'a pas été touché.\n"
            "    → choisissez un dossier vide ou absent avec `--site-dir`, ou videz celui-ci si c'est bien un "
            "ancien site",
        ),
        (
            "notes-non-commitees.txt",
            "La construction est refusée : `notes-non-commitees.txt` n'est pas un dossier : il n'a pas été touché.\n"
            "    → choisissez un dossier avec `--site-dir`",
        ),
    ],
)
def test_a_folder_that_is_not_a_site_is_refused_untouched(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], site_dir: str, message: str
) -> None:
    before = tree_hash(project.parent)
    assert build_in_process(monkeypatch, project, Path("data"), Path(site_dir)) == 2
    out = capsys.readouterr()
    assert out.err.strip() == message.format(project=project.resolve())
    assert out.out == ""  # refused before the data is even read
    assert tree_hash(project.parent) == before


def test_the_refusal_in_english(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_in_process(monkeypatch, project, Path("data"), Path("autre"), lang="en") == 2
    assert capsys.readouterr().err.strip() == (
        "The build is refused: the folder `autre` is neither empty nor a site published by Maillage (it has no "
        "`.maillage-site` file): it was not touched.\n"
        "    → choose an empty or absent folder with `--site-dir`, or empty this one if it really is an old site"
    )


def test_a_marker_does_not_make_the_project_a_site(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pull request could add the marker file to data/: the data folder is still refused."""
    (project / "data" / MARKER).write_text("", encoding="utf-8")
    (project / MARKER).write_text("", encoding="utf-8")
    before = tree_hash(project.parent)
    for site_dir in (".", "data"):
        assert build_in_process(monkeypatch, project, Path("data"), Path(site_dir)) == 2
    assert "contient le projet ou les données" in capsys.readouterr().err
    assert tree_hash(project.parent) == before


def _fake_render(validation: Any, paths: BuildPaths, staging: Path) -> Path:
    built = staging / "site"
    built.mkdir()
    (built / "index.html").write_text("<!doctype html><title>Nouveau</title>", encoding="utf-8")
    return built


@pytest.mark.parametrize("kind", ["absent", "empty", "previous site"])
def test_an_empty_folder_or_a_previous_site_is_replaced_and_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(generator.build, "render", _fake_render)
    site = tmp_path / "out" / "site"
    if kind == "empty":
        site.mkdir(parents=True)
    elif kind == "previous site":
        previous_site(tmp_path / "out")
    validation = validate(MINI, today=date.fromisoformat(TODAY))
    generator.build.build(validation, BuildPaths(project=ROOT, site_dir=site, data=MINI))
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]
    assert "Nouveau" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


# --- 9. leftovers of interrupted builds ----------------------------------------------------


def test_the_next_build_removes_the_leftovers_of_interrupted_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    out = tmp_path / "out"
    site = previous_site(out)
    killed = out / ".site-build-killed9"  # a build killed with -9: its lock went with it
    (killed / "site").mkdir(parents=True)
    (killed / "site" / "big.pdf").write_bytes(b"%PDF-" + b"0" * 100_000)
    (killed / ".lock").write_bytes(b"")
    older = out / ".site-build-oldversion"  # from a version without locks, an hour old
    older.mkdir()
    hour_ago = time.time() - 3600
    os.utime(older, (hour_ago, hour_ago))
    (out / ".site-old").mkdir()  # the old site a failed fallback left aside
    os.utime(out / ".site-old", (hour_ago, hour_ago))
    running = out / ".site-build-running"  # a concurrent build, still writing
    running.mkdir()
    with (running / ".lock").open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fresh = out / ".site-build-juststarted"  # its lock not yet taken: young, kept
        fresh.mkdir()
        monkeypatch.setattr(generator.build, "render", _fake_render)
        validation = validate(MINI, today=date.fromisoformat(TODAY))
        generator.build.build(validation, BuildPaths(project=ROOT, site_dir=site, data=MINI))
        assert sorted(p.name for p in out.iterdir()) == [".site-build-juststarted", ".site-build-running", "site"]
    assert remove_leftovers(site.resolve()) == [running.resolve()]  # its build has ended since


# --- 2. data files read by size first, never through a link out of data/ ------------------


def test_a_file_that_grows_while_read_is_cut_at_the_bound(tmp_path: Path) -> None:
    from generator import yamlread
    from generator.loading import read_bytes

    big = tmp_path / "data" / "gros.yaml"
    big.parent.mkdir()
    big.write_bytes(b"a" * (yamlread.MAX_BYTES + 10))
    with pytest.raises(yamlread.YamlProblem) as refused:
        read_bytes(big, tmp_path / "data")
    assert refused.value.code == "file_too_large"
    inside = tmp_path / "data" / "lien.yaml"
    os.symlink("gros.yaml", inside)  # a link that stays in data/ is followed: same refusal
    with pytest.raises(yamlread.YamlProblem) as again:
        read_bytes(inside, tmp_path / "data")
    assert again.value.code == "file_too_large"


def test_a_symlink_loop_and_a_dangling_link_are_located_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    os.symlink("boucle.yaml", data / "actors" / "boucle.yaml")
    os.symlink("absent.yaml", data / "places" / "vide.yaml")
    validation = validate(data, today=date.fromisoformat(TODAY))
    found = {(p.file, p.line, p.code) for p in validation.errors}
    assert found == {("data/actors/boucle.yaml", 1, "unreadable"), ("data/places/vide.yaml", 1, "unreadable")}


# --- 2. serve keeps running, and shows the error ----------------------------------------


def _preview(tmp_path: Path, project: Path, data: Path) -> Preview:
    return Preview(
        project, data, site_dir=tmp_path / "served", scratch=tmp_path / "scratch", today=date.fromisoformat(TODAY)
    )


def test_serve_survives_a_link_to_dev_zero_and_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "actors" / "cpas-ciney.yaml").unlink()
    os.symlink("/dev/zero", data / "actors" / "cpas-ciney.yaml")
    os.mkfifo(data / "events" / "tube.yaml")
    os.symlink("boucle", data / "boucle")
    started = time.process_time()
    assert _snapshot([data]) != {}  # the watcher neither blocks nor follows
    preview = _preview(tmp_path, ROOT, data)
    preview.rebuild()
    assert time.process_time() - started < 5
    out = capsys.readouterr().out
    assert "data/actors/cpas-ciney.yaml:1:1: erreur: ce fichier est un lien symbolique vers `/dev/zero`" in out
    assert "Traceback" not in out
    assert preview.failure is not None and "/dev/zero" in preview.failure


def test_serve_survives_a_broken_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "projet"
    project.mkdir()
    for name in ("content", "overrides"):
        os.symlink(ROOT / name, project / name)
    (project / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("theme:", "theme: [", 1), encoding="utf-8"
    )
    preview = _preview(tmp_path, project, MINI)
    preview.rebuild()  # does not raise
    out = capsys.readouterr().out
    assert "La reconstruction a échoué" in out and "garde la version précédente" in out
    assert preview.failure is not None


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def test_serve_answers_a_nul_request_and_shows_failures_in_pages(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    served = tmp_path / "served"
    served.mkdir()
    (served / "index.html").write_text("<!doctype html><html><body><p>Bonjour</p></body></html>", encoding="utf-8")
    preview = _preview(tmp_path, ROOT, MINI)
    import functools

    server = _Server(("127.0.0.1", 0), functools.partial(_handler(preview), directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for path in ("/%00", "/a%00b.html", "/%00/", "/index.html%00.png"):
            status, _ = _get(port, path)
            assert status in (400, 404), path
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:  # a NUL byte as such
            raw.sendall(b"GET /\x00 HTTP/1.0\r\n\r\n")
            assert raw.recv(100).split(b" ")[1] in (b"400", b"404")
        status, page = _get(port, "/")
        assert status == 200 and b"Bonjour" in page and b"maillage-preview-failure" not in page
        preview.failure = "data/actors/x.yaml:1:1: erreur: <b>lien</b> vers /dev/zero"
        status, page = _get(port, "/")
        assert status == 200 and b'id="maillage-preview-failure"' in page
        assert b"&lt;b&gt;lien&lt;/b&gt; vers /dev/zero" in page  # escaped, like any text from data
        status, page = _get(port, "/pas-encore-construit/")
        assert status == 200 and b"maillage-preview-failure" in page
    finally:
        server.shutdown()
        server.server_close()
    captured = capfd.readouterr()
    assert "Traceback" not in captured.out + captured.err


# --- 3. the leaflet cache verifies every entry ------------------------------------------


def test_a_damaged_or_swapped_cache_entry_is_dropped(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path / "cache")
    hamois, ciney = "a" * 64, "b" * 64
    cache.put(hamois, b"%PDF-1.7 Hamois %%EOF")
    cache.put(ciney, b"%PDF-1.7 Ciney %%EOF")
    assert cache.get(hamois) == b"%PDF-1.7 Hamois %%EOF"
    first, second = cache._path(hamois), cache._path(ciney)
    swapped = first.read_bytes()
    first.write_bytes(second.read_bytes())
    second.write_bytes(swapped)
    assert cache.get(hamois) is None and cache.get(ciney) is None  # Hamois never shows Ciney's
    assert cache.dropped == 2 and not first.exists() and not second.exists()
    cache.put(hamois, b"%PDF-1.7 Hamois %%EOF")
    entry = cache._path(hamois)
    entry.write_bytes(entry.read_bytes().replace(b"Hamois", b"Hamoix"))  # one byte damaged on disk
    assert cache.get(hamois) is None and not entry.exists()
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(b"%PDF-1.7 an entry of the old format, unsealed %%EOF")
    assert cache.get(hamois) is None


# --- 5. one link policy: models, JSON Schemas, and so the editor ---------------------------

URLS = {
    "https://www.cpas-ciney.be/": True,
    "http://insecure.example/page": True,
    "https://cpas-ciney.example:8443/a?b=c#d": True,
    "https://café.example/menu": True,
    "http://192.168.0.1/admin": False,
    "https://10.1.2.3/": False,
    "https://172.20.0.1/": False,
    "https://127.0.0.1:8000/": False,
    "https://[::1]/": False,
    "https://localhost/": False,
    "https://imprimante.local/": False,
    "https://cpas-ciney.example@evil.example/": False,
    "https://user:pass@cpas-ciney.example/": False,
    "https://cpas-ciney.example\u202e/exe.fdp": False,
    "https://cpas\u200bciney.example/": False,
    "https://ex ample.be/": False,
    "javascript:alert(1)": False,
    "ftp://files.example/": False,
    "https://0x7f.0.0.1/": False,
    "https://127.1/": False,
    "https://nodot/": False,
}
EMAILS = {
    "accueil@cpas-ciney.example": True,
    "o'brien+asbl@partenaire.example": True,
    "x@evil.example?bcc=espion@evil.example&body=Bonjour": False,
    "x@evil.example&cc=a@b.example": False,
    "a..b@x.example": False,
    "x@localhost": False,
    "x y@x.example": False,
    "x@x.example\n": True,  # stripped, like every value
}


def _python_accepts(check: Any, value: str) -> bool:
    from pydantic_core import PydanticCustomError

    try:
        check(value)
    except PydanticCustomError:
        return False
    return True


def _schema_property(name: str, *path: str) -> dict[str, Any]:
    schema = json.loads((ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    node: Any = schema
    for part in path:
        node = node["properties"][part] if "properties" in node else node
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            node = next(option for option in node["anyOf"] if option.get("type") != "null")
            if "$ref" in node:
                node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node  # type: ignore[no-any-return]


def test_the_schemas_hold_the_same_link_rule_for_any_regex_engine() -> None:
    import regress

    from generator.models.links import EMAIL_PATTERN, URL_PATTERN, check_email, check_url

    website = _schema_property("actor", "contact", "website")
    email = _schema_property("actor", "contact", "email")
    assert website["pattern"] == URL_PATTERN and email["pattern"] == EMAIL_PATTERN
    assert _schema_property("event", "registration", "url")["pattern"] == URL_PATTERN
    for pattern, check, values in ((URL_PATTERN, check_url, URLS), (EMAIL_PATTERN, check_email, EMAILS)):
        ecma = regress.Regex(pattern)  # what the editor's browser and check-jsonschema run
        python = re.compile(pattern, re.DOTALL)
        for value, accepted in values.items():
            assert _python_accepts(check, value) is accepted, value
            if value != value.strip():
                continue
            assert (python.search(value) is not None) is accepted, ("python pattern", value)
            assert (ecma.find(value) is not None) is accepted, ("ECMAScript pattern", value)


def test_a_host_mixing_scripts_is_shown_in_punycode_with_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    actor = data / "actors" / "cpas-ciney.yaml"
    text = actor.read_text(encoding="utf-8").replace(
        "website: https://cpas-ciney.example", "website: https://cpаs-ciney.example/aide"
    )  # a Cyrillic а
    actor.write_text(text, encoding="utf-8")
    validation = validate(data, today=date.fromisoformat(TODAY))
    assert validation.ok
    website = validation.dataset.actors["cpas-ciney"].contact.website
    assert website == "https://xn--cps-ciney-1yh.example/aide"  # what every page and feed shows
    [warning] = [p for p in validation.problems if p.code == "url_mixed_scripts"]
    assert (warning.file, warning.line, warning.path) == ("data/actors/cpas-ciney.yaml", 21, "contact.website")
    assert warning.message == (
        "le nom de site `cpаs-ciney.example` mélange des alphabets (CYRILLIC, LATIN) : une lettre peut en "
        "imiter une autre ; il est montré sous sa forme ASCII dans `https://xn--cps-ciney-1yh.example/aide`"
    )


def test_an_http_website_is_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    actor = data / "actors" / "cpas-ciney.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace("https://cpas-ciney.example", "http://cpas-ciney.example"),
        encoding="utf-8",
    )
    validation = validate(data, today=date.fromisoformat(TODAY))
    assert validation.ok
    assert [(p.severity, p.path, p.message, p.hint) for p in validation.problems] == [
        (
            "warning",
            "contact.website",
            "l'adresse `http://cpas-ciney.example` n'est pas sécurisée (`http://`)",
            "si le site s'ouvre en `https://`, écrivez cette adresse-là",
        )
    ]


# --- 6. names that read the same ---------------------------------------------------------


def test_names_that_read_the_same_are_a_warning_naming_both_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    original = (data / "actors" / "cpas-ciney.yaml").read_text(encoding="utf-8")
    for name, written in (("cpas-ciney-bis", "СPAS de Ciney"), ("cpas-ciney-ter", "cpas  DE ciney")):
        (data / "actors" / f"{name}.yaml").write_text(
            original.replace("id: cpas-ciney", f"id: {name}").replace("name: CPAS de Ciney", f"name: {written}"),
            encoding="utf-8",
        )
    validation = validate(data, today=date.fromisoformat(TODAY))
    found = [(p.file, p.path, p.message) for p in validation.problems if p.code == "name_lookalike"]
    assert found == [
        (
            "data/actors/cpas-ciney-bis.yaml",
            "name",
            "le nom « СPAS de Ciney » se lit comme celui de `cpas-ciney` (data/actors/cpas-ciney.yaml)",
        ),
        (
            "data/actors/cpas-ciney-ter.yaml",
            "name",
            "le nom « cpas  DE ciney » se lit comme celui de `cpas-ciney` (data/actors/cpas-ciney.yaml)",
        ),
    ]
    assert all(p.severity == "warning" for p in validation.problems if p.code == "name_lookalike")


@pytest.mark.parametrize(
    "name",
    ["مرکز خدمات\u200cاجتماعی", "שירות\u200f 24", "👩\u200d💻 Atelier numérique", "Café ❤️ parents"],
    ids=["persian-zwnj", "hebrew-rlm", "emoji-zwj", "emoji-variation"],
)
def test_invisible_characters_a_language_needs_are_accepted(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    actor = data / "actors" / "cpas-ciney.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace(
            "name: CPAS de Ciney", f"name: {json.dumps(name, ensure_ascii=False)}"
        ),
        encoding="utf-8",
    )
    validation = validate(data, today=date.fromisoformat(TODAY))
    assert validation.errors == []


# --- 8. bounded time on a 900 KB adversarial file ----------------------------------------


def test_an_adversarial_file_is_checked_in_bounded_time(tmp_path: Path) -> None:
    """The worst inputs of every pattern that reads data text, 900 KB of them in one file:
    `check` stays within 2 s of CPU (it took 36 s with a quadratic e-mail pattern)."""
    from benchmarks.adversarial import write_adversarial

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    path = write_adversarial(data)
    assert 850_000 < path.stat().st_size < 1_000_000
    started = time.process_time()
    validation = validate(data, today=date.fromisoformat(TODAY))
    seconds = time.process_time() - started
    assert seconds < 2.0, f"check took {seconds:.1f} s of CPU on a 900 KB adversarial file (bound: 2 s)"
    codes = {p.code for p in validation.errors if p.file == "data/actors/adversaire.yaml"}
    assert "privacy_too_many" in codes
