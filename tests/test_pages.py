"""The generated pages, read as HTML files: contract URLs, escaping of every data field,
structured data, notices banner, navigation size, determinism (generator/outputs/pages)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import TERRITORIES, TODAY, run_cli, shared_build

from generator.outputs.pages.html import json_ld, markdown, typo


def build(territory: str, folder: Path, today: str = TODAY) -> Path:
    site = folder / "site"
    result = run_cli(
        "build", "--data", str(TERRITORIES / territory / "data"), "--site-dir", str(site), "--today", today
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, TERRITORIES / "mini" / "data")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build("hostile", tmp_path_factory.mktemp("hostile"))


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_contract_urls_exist(mini: Path) -> None:
    for url in (
        "",
        "acteurs/",
        "acteurs/cpas-ciney/",
        "agenda/",
        "evenements/cafe-parents-achene/",
        "communes/ciney/",
        "tournees/epicerie-mardi/",
    ):
        assert (mini / url / "index.html").is_file(), url


def test_actor_page_content(mini: Path) -> None:
    page = read(mini, "acteurs/cpas-ciney/")
    assert "<h1>CPAS de Ciney</h1>" in page
    assert 'href="tel:+3283' in page and 'href="mailto:' in page
    assert "Informations vérifiées le" in page
    assert 'href="https://git.example/maillage/maillage/edit/main/data/actors/cpas-ciney.yaml"' in page
    assert "webcal://maillage.example/calendriers/acteur/cpas-ciney.ics" in page
    assert 'rel="canonical" href="https://maillage.example/acteurs/cpas-ciney/"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))  # type: ignore[union-attr]
    assert data["@type"] == "Organization" and data["location"][0]["openingHoursSpecification"]
    assert data["geo"]["@type"] == "GeoCoordinates"


@pytest.mark.parametrize(
    ("url", "data_file"),
    [
        ("acteurs/cpas-ciney/", "data/actors/cpas-ciney.yaml"),
        ("evenements/cafe-parents-achene/", "data/events/cafe-parents-achene.yaml"),
        ("tournees/epicerie-mardi/", "data/circuits/epicerie-mardi.yaml"),
    ],
)
def test_actor_event_and_route_pages_offer_corrections(mini: Path, url: str, data_file: str) -> None:
    """ "Proposer une modification" opens the entry's form in the editor, "modifier le fichier
    texte" edits the data file; "signaler une erreur" is an e-mail
    pre-filled with the page's address and the file, for people without an account."""
    from urllib.parse import parse_qs, unquote, urlsplit

    page = read(mini, url)
    kind, name = data_file.split("/")[1], data_file.rsplit("/", 1)[1].removesuffix(".yaml")
    assert f'href="../../admin/#/collections/{kind}/entries/{name}">Proposer une modification</a>' in page
    assert f'href="https://git.example/maillage/maillage/edit/main/{data_file}">modifier le fichier texte</a>' in page
    mailto = re.search(r'href="(mailto:[^"]+)">Signaler une erreur', page)
    assert mailto is not None
    parts = urlsplit(mailto.group(1).replace("&amp;", "&"))
    assert unquote(parts.path) == "signaler@maillage.example"
    query = parse_qs(parts.query)
    assert query["subject"][0].startswith("Erreur à corriger")
    assert f"https://maillage.example/{url}" in query["body"][0] and data_file in query["body"][0]


def test_event_page_lists_dates_and_status(mini: Path) -> None:
    page = read(mini, "evenements/cafe-parents-achene/")
    assert "mg-item--cancelled" in page and "Congé de carnaval" in page
    assert 'href="../../calendriers/evenement/cafe-parents-achene.ics"' in page
    events = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))  # type: ignore[union-attr]
    assert events[0]["@type"] == "Event" and events[0]["startDate"].startswith("2026-12-08T09:30:00+01:00")
    statuses = {e["eventStatus"] for e in events}
    assert "https://schema.org/EventCancelled" in statuses


def test_detail_pages_stay_out_of_the_navigation(mini: Path) -> None:
    home = (mini / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', home)
    links = {a or b for a, b in nav}
    assert not any("cpas-ciney" in link or "evenements/" in link for link in links), links
    sitemap = (mini / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://maillage.example/acteurs/cpas-ciney/" in sitemap


def test_notice_banner_on_every_page_during_its_period(mini: Path, tmp_path: Path) -> None:
    for url in ("", "acteurs/cpas-ciney/", "agenda/", "contribuer/"):
        assert "mg-banner--warning" in read(mini, url), url
    later = build("mini", tmp_path, today="2027-06-01")
    assert "mg-banner" not in read(later, "")


def test_no_lunr_index_and_a_search_index(mini: Path) -> None:
    assert not (mini / "search" / "search_index.json").exists()
    assert (mini / "assets" / "vendor" / "minisearch" / "minisearch.js").is_file()
    assert (mini / "assets" / "search.js").is_file()
    data = json.loads((mini / "recherche" / "index.json").read_text(encoding="utf-8"))
    kinds = {doc["k"] for doc in data["docs"]}
    assert {"actor", "event", "route", "commune", "place", "need"} <= kinds, kinds
    assert data["rules"]["phrases"] and data["rules"]["stop"]


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_data_is_escaped_everywhere(hostile: Path) -> None:
    for path in hostile.rglob("*.html"):
        parser = Elements()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, attrs in parser.tags:
            assert tag not in ("iframe", "img", "b", "em"), (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            if tag == "script":  # by src; JSON-LD; Material's JSON config; Material's own two inline ones
                assert attrs.get("src") or attrs.get("type") in ("application/ld+json", "application/json", None), (
                    path,
                    attrs,
                )
        for inline in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
            assert inline.startswith(("__md_scope=", "var target=document.getElementById")), (path, inline[:80])
            if tag == "a":
                assert not re.match(r"(javascript|data|http):", attrs.get("href") or ""), (path, attrs)
    actor = read(hostile, "acteurs/piege/")
    assert "&lt;script&gt;alert(&#x27;nom&#x27;)&lt;/script&gt; {{ config.site_name }} **gras**" in actor
    assert "<title>&lt;script&gt;alert(&#x27;nom&#x27;)&lt;/script&gt;" in actor
    assert "{% if true %}jinja{% endif %}" in actor  # neither Jinja nor Markdown read data text
    assert '<a href="https://ok.example" rel="nofollow noopener">' in actor
    assert '<a href="tel:+3283000000"' in actor
    assert "[lien javascript](javascript:alert(1))" in actor  # left as text, not a link
    event = read(hostile, "evenements/evenement/")
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', event).group(1)  # type: ignore[union-attr]
    assert "<" not in ld and json.loads(ld)[0]["name"] == "Atelier </script><script>alert('titre')</script>"
    assert "Raison &lt;script&gt;" in event


def test_markdown_is_sanitised() -> None:
    html = markdown("**a** <b>b</b> [x](javascript:alert(1)) [y](https://ok.example) [z](mailto:a@b.example)\n\n# T")
    assert "<strong>a</strong>" in html and "&lt;b&gt;" in html and "javascript:" not in html.split("href")[-1]
    assert '<a href="https://ok.example"' in html and '<a href="mailto:a@b.example"' in html
    assert "<h3>T</h3>" in html  # pages own h1 and h2


def test_json_ld_cannot_close_its_script() -> None:
    assert json_ld({"name": "</script><b>&"}) == (
        '<script type="application/ld+json">{"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}</script>'
    )


def test_french_typography() -> None:
    assert (
        typo("Pour qui ? « Tous » : oui ; non !") == "Pour qui\u202f? «\u202fTous\u202f»\u202f: oui\u202f; non\u202f!"
    )
    assert typo("https://x.example:8080 à 10:30") == "https://x.example:8080 à 10:30"


def test_two_builds_give_the_same_pages(mini: Path, tmp_path: Path) -> None:
    again = build("mini", tmp_path)
    for page in sorted(mini.rglob("*")):
        if page.is_file():
            assert page.read_bytes() == (again / page.relative_to(mini)).read_bytes(), page


def test_preview_sync_rewrites_only_what_changed(tmp_path: Path) -> None:
    from generator.serve import sync

    new, served = tmp_path / "new", tmp_path / "served"
    (new / "a").mkdir(parents=True)
    (new / "a" / "same.html").write_text("same")
    (new / "changed.html").write_text("new text")
    assert sync(new, served) == 2
    kept = (served / "a" / "same.html").stat().st_mtime_ns
    (served / "gone.html").write_text("old")
    (new / "changed.html").write_text("newer text")
    assert sync(new, served) == 2  # one rewritten, one removed
    assert (served / "a" / "same.html").stat().st_mtime_ns == kept
    assert not (served / "gone.html").exists() and (served / "changed.html").read_text() == "newer text"


def test_interface_language_follows_the_territory(tmp_path: Path) -> None:
    """The mini territory with English first: English labels, dates and theme strings."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    territory = data / "territory.yaml"
    territory.write_text(territory.read_text(encoding="utf-8").replace("languages: [fr]", "languages: [en, fr]"))
    site = tmp_path / "site"
    result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    home = read(site, "")
    assert '<html lang="en"' in home and "Not sure who to ask? Call" in home
    actor = read(site, "acteurs/cpas-ciney/")
    assert "Opening hours:" in actor and "Monday" in actor and "Suggest a change" in actor
    agenda = read(site, "agenda/")
    assert "Tuesday 24\u00a0November 2026" in agenda


def test_a_territory_first_in_another_language_gets_the_interface_of_one_it_lists(tmp_path: Path) -> None:
    """Dutch first, French second: the interface has no Dutch words, so it speaks French (a
    language the territory lists) rather than English; texts come in French where translated,
    else in Dutch."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    territory = data / "territory.yaml"
    territory.write_text(territory.read_text(encoding="utf-8").replace("languages: [fr]", "languages: [nl, fr]"))
    site = tmp_path / "site"
    result = run_cli("build", "--data", str(data), "--site-dir", str(site), "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    home = read(site, "")
    assert '<html lang="fr"' in home and "Les prochains jours" in home and "The coming days" not in home
