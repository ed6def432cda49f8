"""Markdown → the plain text of a DESCRIPTION (ICAL.md 6).

Calendar clients show DESCRIPTION as plain text: paragraphs stay paragraphs, list items
start with a dash, a link keeps its words and shows its address in brackets. Raw HTML is
dropped (it is never rendered from data), and so is a link to anything but ``https:``,
``http:``, ``mailto:`` or ``tel:``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False})
_SCHEMES = ("https:", "http:", "mailto:", "tel:")
# Raw HTML stays text in Markdown without HTML; some clients render a DESCRIPTION as HTML, so
# anything that looks like a tag is dropped rather than shown.
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")


def _inline(children: list[Token]) -> str:
    out: list[str] = []
    links: list[tuple[str, int]] = []  # (href, position of the link's first word)
    for token in children:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "softbreak":
            out.append(" ")
        elif token.type == "hardbreak":
            out.append("\n")
        elif token.type == "image":
            out.append(token.content)
        elif token.type == "link_open":
            links.append((str(token.attrs.get("href", "")), len(out)))
        elif token.type == "link_close" and links:
            href, begin = links.pop()
            words = "".join(out[begin:])
            shown = href.removeprefix("mailto:").removeprefix("tel:")
            if href.lower().startswith(_SCHEMES) and shown != words:
                out.append(f" ({shown})")
    return "".join(out)


@lru_cache(maxsize=1024)  # the stops of a route share their description
def plain_text(markdown: str) -> str:
    """The text of ``markdown`` without its markup, paragraphs separated by a blank line."""
    blocks: list[tuple[int, str]] = []  # (the list it belongs to, 0: none; its text)
    kinds: list[str] = []  # one per open list: "bullet" or "ordered"
    counters: list[int] = []
    lists = 0
    pending = ""
    for token in _PARSER.parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += not kinds
            kinds.append(token.type.split("_")[0])
            counters.append(int(token.attrs.get("start", 1) or 1) - 1)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            kinds.pop()
            counters.pop()
        elif token.type == "list_item_open":
            counters[-1] += 1
            indent = "  " * (len(kinds) - 1)
            pending = indent + (f"{counters[-1]}. " if kinds[-1] == "ordered" else "– ")
        elif token.type == "inline":
            # A second paragraph of a list item is indented under it.
            prefix = pending or "  " * len(kinds)
            blocks.append((lists if kinds else 0, prefix + _TAG.sub("", _inline(token.children or []))))
            pending = ""
        elif token.type in ("fence", "code_block"):
            blocks.append((0, _TAG.sub("", token.content.rstrip("\n"))))
    text = ""
    for index, (group, block) in enumerate(blocks):
        if index:
            text += "\n" if group and blocks[index - 1][0] == group else "\n\n"
        text += block
    return text.strip()
