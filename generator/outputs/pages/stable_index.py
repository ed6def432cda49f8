"""Makes Pagefind's output byte-identical from one build to the next.

Pagefind (1.5) writes its filter indexes from a hash map: the values of a facet come out in
a different order on every run, so the filter files, their content-hashed names, the
``.pf_meta`` file that lists them and ``pagefind-entry.json`` change although nothing else
did. :func:`stabilise` rewrites those files with every list in a fixed order and names them
after a hash of their bytes; the browser only follows the names, so search is unchanged.

The files are gzip streams of ``pagefind_dcd`` followed by CBOR (RFC 8949). Only the part of
CBOR that Pagefind writes is read here: unsigned integers, byte and text strings, arrays
and maps, with definite lengths. Anything else stops the build rather than guess.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
_UINT, _BYTES, _TEXT, _ARRAY, _MAP = 0, 2, 3, 4, 5


class UnexpectedIndex(RuntimeError):
    """The Pagefind files are not shaped as this module expects (another Pagefind version)."""


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise UnexpectedIndex(f"CBOR non pris en charge (octet {head:#x})")
    if major == _UINT:
        return value, at
    if major == _BYTES:
        return bytes(data[at : at + value]), at + value
    if major == _TEXT:
        return data[at : at + value].decode("utf-8"), at + value
    if major == _ARRAY:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == _MAP:
        mapping = {}
        for _ in range(value):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    raise UnexpectedIndex(f"CBOR non pris en charge (type majeur {major})")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise UnexpectedIndex(f"entier trop grand : {value}")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise UnexpectedIndex(f"valeur CBOR non prise en charge : {value!r}")
    if isinstance(value, int):
        return _head(_UINT, value)
    if isinstance(value, bytes):
        return _head(_BYTES, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    if isinstance(value, list):
        return _head(_ARRAY, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(_MAP, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise UnexpectedIndex(f"valeur CBOR non prise en charge : {value!r}")


def read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise UnexpectedIndex(f"{path.name} : signature Pagefind absente")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise UnexpectedIndex(f"{path.name} : octets en trop")
    return value


def pack(value: Any) -> bytes:
    """The file's bytes: gzip without a timestamp, as Pagefind writes them."""
    return gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)


def _named(prefix: str, digits: int, data: bytes) -> str:
    return f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"


def _stable_filter(value: Any) -> Any:
    """``[facet, [[value, [page, …]], …]]`` with values and pages sorted."""
    name, entries = value
    return [name, sorted(([label, sorted(pages)] for label, pages in entries), key=lambda e: e[0])]


def stabilise(bundle: Path) -> None:
    """Rewrite the filter files, the meta file and the entry of the Pagefind ``bundle``."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        if len(meta) < 4 or not isinstance(meta[3], list):
            raise UnexpectedIndex(f"{meta_path.name} : liste des filtres introuvable")
        filters = []
        for facet, old_hash in meta[3]:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            data = pack(_stable_filter(read(old)))
            new_hash = _named(language, len(old_hash) - len(language) - 1, data)
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([facet, new_hash])
        meta[3] = sorted(filters)
        data = pack(meta)
        meta_hash = _named(language, len(info["hash"]) - len(language) - 1, data)
        meta_path.unlink()
        (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(data)
        info["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
