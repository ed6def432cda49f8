"""One generated page: where it goes, its title, its HTML, and how it is written for MkDocs.

A page is written as a Markdown file whose front matter says ``maillage: raw``: the site
adapter (``generator.site``) then hands its body to the theme as finished HTML, so that
MkDocs' Markdown never sees text from data. Titles and descriptions go into the front matter
HTML-escaped (the theme prints ``page.meta.title`` unescaped) and JSON-quoted (valid YAML).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .html import esc


@dataclass(frozen=True)
class Page:
    """A generated page at a contract URL (``acteurs/cpas-ciney/``; ``""`` is the home)."""

    url: str
    title: str
    body: str
    description: str = ""

    @property
    def source(self) -> str:
        """The Markdown file that gives this URL with MkDocs' directory URLs."""
        return self.url + "index.md"

    def markdown(self) -> str:
        meta = {"title": esc(self.title), "maillage": "raw", "hide": ["navigation", "toc"]}
        if self.description:
            meta["description"] = esc(self.description)
        lines = ["---"]
        for key, value in meta.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=True)}")
        lines += ["---", "", self.body.strip(), ""]
        return "\n".join(lines)

    def write(self, docs: Path) -> None:
        write_if_changed(docs / self.source, self.markdown())


def write_if_changed(target: Path, text: str) -> None:
    """Write ``text`` unless ``target`` holds it already: an unchanged source keeps its
    modification time, so that the preview renders again only the pages that changed."""
    data = text.encode("utf-8")
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class Links:
    """Relative links from one page to others (raw HTML is not rewritten by MkDocs)."""

    def __init__(self, url: str) -> None:
        self.prefix = "../" * url.count("/")

    def __call__(self, path: str) -> str:
        return esc(self.prefix + path) if (self.prefix + path) else "./"
