"""One policy for every value that becomes a link: web addresses and e-mail addresses.

A website becomes ``<a href>`` on every page, in the calendars and on the leaflets' QR
codes; an e-mail address becomes ``mailto:``. So both are refused when a reader could be led
somewhere other than what they read:

* a web address is ``https://`` (``http://`` is accepted with a warning, see
  :func:`link_warnings`), has no user name before its host (``https://cpas.example@evil.example/``
  leads to ``evil.example``), no private, local or loopback host (``http://192.168.0.1/admin``
  reaches the reader's own router), a real domain name (a dot, a top-level domain of letters;
  no address written as numbers) and no invisible or direction-changing character;
* a host written in letters of several scripts (a Cyrillic ``а`` among Latin ones) is kept in
  its ASCII form (``xn--…``, punycode) so that every output shows what the browser will
  really open; such a host is also a warning;
* an e-mail address has no ``?`` or ``&`` (``x@evil.example?bcc=…&body=…`` would add a hidden
  copy and a text to the mail) and nothing but an address.

:data:`URL_PATTERN` and :data:`EMAIL_PATTERN` say the same in a regular expression that both
Python and JavaScript (the JSON Schemas, the form editor's ``pattern``) read alike; what a
pattern cannot express (scripts of an IDNA host, every reserved address range) is checked
here only. Every pattern is bounded or anchored: linear in its input.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import idna
from pydantic_core import PydanticCustomError

MAX_URL = 2000
MAX_EMAIL = 254

# Invisible characters and direction controls, as one character class both regex dialects read.
INVISIBLE_CLASS = r"[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\u3164\ufeff\uffa0]"
_INVISIBLE = re.compile(INVISIBLE_CLASS)
_PRIVATE_NAMES = r"localhost|[^/?#@]*\.(?:localhost|local|internal|lan|home\.arpa|intranet|corp)"
_PRIVATE_V4 = r"(?:127|10|0)\.[0-9.]*|169\.254\.[0-9.]*|192\.168\.[0-9.]*|172\.(?:1[6-9]|2[0-9]|3[01])\.[0-9.]*|100\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.[0-9.]*"

URL_PATTERN = (
    r"^https?://"
    r"(?![^/?#]*@)"  # no user name (nor anything with @) before the host
    rf"(?!(?:{_PRIVATE_NAMES}|{_PRIVATE_V4}|\[)(?:[:/?#]|$))"  # no private, local or bracketed host
    rf"(?!.*{INVISIBLE_CLASS})"  # no space, control or invisible character anywhere
    r"[^/?#@:.]{1,63}(?:\.[^/?#@:.]{1,63}){0,20}\.[^/?#@:.0-9]{2,63}\.?"  # a domain name; its last label not a number
    r"(?::[0-9]{1,5})?"
    r"(?:[/?#].{0,1900})?$"
)
EMAIL_PATTERN = (
    r"^(?=.{3,254}$)(?!.*\.\.)[A-Za-z0-9._+'-]{1,64}@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,10}"
    r"\.[A-Za-z]{2,63}$"
)
_URL = re.compile(URL_PATTERN, re.DOTALL)
_EMAIL = re.compile(EMAIL_PATTERN)
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59}")
_TOP = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet", ".corp")


def fail(code: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, context)


def _shown(text: str, limit: int = 80) -> str:
    return text[:limit]


def invisible_in(text: str) -> str | None:
    """The first invisible or direction-changing character of ``text``, as ``U+XXXX``."""
    found = _INVISIBLE.search(text)
    if found is None:
        for char in text:
            if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
                return f"U+{ord(char):04X}"
        return None
    return f"U+{ord(found.group()):04X}"


def scripts_of(label: str) -> set[str]:
    """The scripts of the letters of ``label`` (the first word of each letter's Unicode name)."""
    return {unicodedata.name(c, "?").split(" ")[0] for c in label if c.isalpha()}


def mixed_scripts(host: str) -> list[str]:
    """The scripts mixed within one label of ``host`` (Unicode or ``xn--`` form), or []."""
    for label in host.split("."):
        found = scripts_of(_unicode_label(label))
        if len(found) > 1:
            return sorted(found)
    return []


def _unicode_label(label: str) -> str:
    try:
        return str(idna.decode(label)) if label.startswith("xn--") else label
    except (idna.IDNAError, UnicodeError):
        return label


def _private(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        name = host.lower().rstrip(".")
        return name == "localhost" or name.endswith(_PRIVATE_SUFFIXES)
    return not address.is_global


def ascii_host(host: str, value: str) -> str:
    """``host`` in ASCII (IDNA 2008 with UTS 46 mapping); refused when it is no domain name."""
    if host.startswith("["):
        return host
    try:
        encoded = idna.encode(host.rstrip("."), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        raise fail("url_host", value=_shown(value), host=_shown(host, 60)) from None
    labels = encoded.split(".")
    if (
        len(labels) < 2
        or len(encoded) > 253
        or not all(_LABEL.fullmatch(label) for label in labels)
        or not _TOP.fullmatch(labels[-1])
    ):
        raise fail("url_host", value=_shown(value), host=_shown(host, 60))
    return encoded


def check_url(value: Any, schemes: tuple[str, ...] = ("https", "http")) -> str:
    """A web address by the policy above; a host mixing scripts comes back in punycode."""
    if not isinstance(value, str):
        raise fail("url_format", value=_shown(str(value)))
    text = value.strip()
    if len(text) > MAX_URL:
        raise fail("url_format", value=_shown(text))
    char = invisible_in(text)
    if char is not None:
        raise fail("url_invisible", value=_shown(text.encode("unicode_escape").decode("ascii")), char=char)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise fail("url_format", value=_shown(text)) from None
    if parts.scheme.lower() not in schemes or not parts.netloc or "\\" in parts.netloc:
        raise fail("url_format", value=_shown(text))
    if "@" in parts.netloc:
        userinfo, _, host = parts.netloc.rpartition("@")
        raise fail("url_userinfo", value=_shown(text), userinfo=_shown(userinfo, 60), host=_shown(host, 60))
    host = parts.hostname or ""
    if _private(host):
        raise fail("url_private", value=_shown(text), host=_shown(host, 60))
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:  # a public address written as numbers: no organisation's site is reached so
        raise fail("url_host", value=_shown(text), host=_shown(host, 60))
    encoded = ascii_host(host, text)
    if _private(encoded):
        raise fail("url_private", value=_shown(text), host=_shown(host, 60))
    if mixed_scripts(host):
        netloc = encoded + (f":{port}" if port is not None else "")
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return text


def check_email(value: Any) -> str:
    """An e-mail address by the policy above: an address only, which ``mailto:`` cannot abuse."""
    if not isinstance(value, str):
        raise fail("email_format", value=_shown(str(value), 60))
    text = value.strip()
    for char in "?&":
        if char in text:
            raise fail("email_query", value=_shown(text, 80), char=char, address=_shown(text.split(char)[0], 60))
    if len(text) > MAX_EMAIL or not _EMAIL.fullmatch(text):
        raise fail("email_format", value=_shown(text, 60))
    return text


def link_warnings(url: str) -> list[tuple[str, dict[str, str]]]:
    """(code, context) of what a checked web address is accepted with, but should not be."""
    found: list[tuple[str, dict[str, str]]] = []
    parts = urlsplit(url)
    if parts.scheme.lower() == "http":
        found.append(("url_http", {"value": _shown(url)}))
    host = parts.hostname or ""
    scripts = mixed_scripts(host)
    if scripts:
        shown = ".".join(_unicode_label(label) for label in host.split("."))
        found.append(("url_mixed_scripts", {"value": _shown(url), "host": shown, "scripts": ", ".join(scripts)}))
    return found


def url_allowed(value: str, schemes: tuple[str, ...] = ("https", "http")) -> bool:
    """Whether :func:`check_url` accepts ``value`` (for links written inside Markdown)."""
    try:
        check_url(value, schemes)
    except PydanticCustomError:
        return False
    return True


def email_allowed(value: str) -> bool:
    """Whether :func:`check_email` accepts ``value``."""
    try:
        check_email(value)
    except PydanticCustomError:
        return False
    return True
