"""Safe HTML from data: escaping, Markdown to sanitised HTML, French typography, JSON-LD.

Every string that comes from data/ reaches a page through this module. Plain text is escaped
(``esc``); Markdown fields are rendered by markdown-it-py with raw HTML disabled, then cleaned
by nh3 with a short allow-list, links restricted to https:, mailto: and tel: (``markdown``);
JSON-LD is dumped with ``<``, ``>`` and ``&`` escaped so that no data can close the script
element (``json_ld``). Nothing here knows about pages or MkDocs.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

import nh3
import phonenumbers
from markdown_it import MarkdownIt

from ...models.links import email_allowed, url_allowed

# Narrow no-break space (U+202F) before high punctuation and inside guillemets, as French
# typography wants; a plain no-break space (U+00A0) would be too wide before ";".
NNBSP = "\u202f"
NBSP = "\u00a0"
# A match starts only where a run of spaces starts (the lookbehind), and the run is taken
# whole (possessive): linear, where `[ ]*` alone retried every space of a long run.
_BEFORE_HIGH = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*+([;:!?»])(?=\s|$|[<)\],.])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_SCHEMES = {"https", "mailto", "tel"}
_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "h3", "h4"}


def esc(text: object) -> str:
    """Plain text (from data or labels) as HTML text or attribute value."""
    return _escape(text if type(text) is str else str(text))


# Pages repeat the same names, labels and addresses thousands of times on a large territory;
# escaping each once is a tenth of the pages' time.
_escape = lru_cache(maxsize=65536)(lambda value: html.escape(value, quote=True))


@lru_cache(maxsize=65536)
def _typo_text(value: str, lang: str) -> str:
    return _escape(typo(value, lang))


def typo(text: str, lang: str = "fr") -> str:
    """French spacing: a narrow no-break space before ; : ! ? » and after «."""
    if lang != "fr" or not text:
        return text
    text = _BEFORE_HIGH.sub(lambda m: NNBSP + m.group(1), text)
    return _AFTER_GUILLEMET.sub("«" + NNBSP, text)


def text(value: object, lang: str = "fr") -> str:
    """Plain text, typographed then escaped: the usual way data text reaches a page."""
    return _typo_text(value if type(value) is str else str(value), lang)


def _link_ok(url: str) -> bool:
    """A link written in Markdown follows the rule of every link (models/links.py)."""
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme not in _SCHEMES or not rest:
        return False
    if scheme == "https":
        return url_allowed(url, ("https",))
    if scheme == "mailto":
        return email_allowed(unquote(rest))
    return True


_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")
_MD.validateLink = _link_ok  # type: ignore[method-assign]  # markdown-it's hook: failing links stay text


def _tidy_link(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        return value if _link_ok(value) else None
    return value


def markdown(source: str, lang: str = "fr") -> str:
    """A Markdown field as sanitised HTML (headings demoted: pages own h1 and h2)."""
    rendered = _MD.render(typo(source, lang))
    rendered = re.sub(r"<(/?)h[1-2]>", r"<\1h3>", rendered)
    rendered = re.sub(r"<(/?)h[5-6]>", r"<\1h4>", rendered)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_SCHEMES,
        attribute_filter=_tidy_link,
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()


def json_ld(data: Any) -> str:
    """A JSON-LD script element whose content cannot end the element early."""
    dumped = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    dumped = dumped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    dumped = dumped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{dumped}</script>'


def data_json(data: Any) -> str:
    """JSON for a data-* attribute (escaped for an HTML attribute)."""
    return esc(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def attrs(**values: object) -> str:
    """``key="value"`` pairs, escaped; ``data_x`` becomes ``data-x``; None and False are left out."""
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{esc(value)}"')
    return (" " + " ".join(parts)) if parts else ""


@lru_cache(maxsize=8192)
def tel_href(phone: str, country: str) -> str:
    """A ``tel:`` URL in international form: ``083 21 00 00`` → ``tel:+3283210000``."""
    try:
        number = phonenumbers.parse(phone, country)
    except phonenumbers.NumberParseException:
        return "tel:" + re.sub(r"[^0-9+]", "", phone)
    if not phonenumbers.is_valid_number(number):
        return "tel:" + re.sub(r"[^0-9+]", "", phone)  # short numbers (112) are dialled as written
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
