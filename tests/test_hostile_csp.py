"""The Content-Security-Policy as shipped (issue 7, item 5): strict, the same in the pages'
meta tag, in content/_headers and in docs/hosting.md, with the tile host of mkdocs.yml as
the only other origin. Chromium enforcing it is tests/web/test_csp.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, TERRITORIES, shared_build

from generator.outputs.pages.csp import policy, tile_source
from generator.site import site_settings

SETTINGS = site_settings(ROOT / "mkdocs.yml")
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, TERRITORIES / "mini" / "data")


def test_the_policy_is_strict() -> None:
    rules = directives(policy(SETTINGS, header=True))
    assert rules["default-src"] == ["'none'"]
    assert rules["script-src"] == ["'self'"]  # no inline, no eval, no WebAssembly, no other host
    assert rules["style-src"] == ["'self'"] and rules["connect-src"] == ["'self'"]
    assert "style-src-attr" not in rules  # no style attribute either: style-src 'self' covers them
    assert rules["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert rules["frame-ancestors"] == ["'none'"] and rules["base-uri"] == ["'none'"]
    everything = " ".join(word for words in rules.values() for word in words)
    assert "unsafe" not in everything and "*" not in everything
    hosts = {w for w in everything.split() if w.startswith("https:")}
    assert hosts == {tile_source(SETTINGS["extra"]["map_tiles"])}


def test_the_tile_host_follows_mkdocs_yml() -> None:
    assert tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_source("https://{s}.tiles.example/{z}/{x}/{y}.png") == "https://*.tiles.example"
    assert tile_source("http://insecure.example/{z}.png") == "" and tile_source("") == ""
    other = {"extra": {"map_tiles": "https://tuiles.example/{z}/{x}/{y}.png"}}
    assert directives(policy(other))["img-src"] == ["'self'", "data:", "https://tuiles.example"]
    assert "frame-ancestors" not in directives(policy(other))  # ignored in a meta tag


def test_every_page_carries_the_policy_first(site: Path) -> None:
    from generator.outputs.admin import policy as editor_policy

    # /admin/ (the form editor) has its own policy, for that page only (docs/editing.md)
    admin = (site / "admin" / "index.html").read_text(encoding="utf-8")
    found_admin = META.search(admin)
    assert found_admin and found_admin.group(1).replace("&#39;", "'") == editor_policy(SETTINGS)
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")
    assert len(pages) > 10
    expected = policy(SETTINGS)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = META.search(text)
        assert found, page
        assert found.group(1).replace("&#x27;", "'") == expected, page
        head = text[: found.start()]
        assert "<script" not in head and "<link" not in head, page
        for tag in re.findall(r"<script\b[^>]*>", text):  # a file, or data that never runs
            assert " src=" in tag or re.search(r'type="application/(ld\+)?json"', tag), (page, tag)


def test_the_host_configurations_send_the_same_policy() -> None:
    header = policy(SETTINGS, header=True)
    lines = (ROOT / "content" / "_headers").read_text(encoding="utf-8").splitlines()
    block, found = None, []
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("#"):
            block = line.strip()
        elif block == "/*" and line.strip().startswith("Content-Security-Policy:"):
            found.append(line.split(":", 1)[1].strip())
    assert found == [header]
    hosting = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{header}" always;' in hosting  # nginx
    assert f'Header always set Content-Security-Policy "{header}"' in hosting  # Apache
