"""What an import knows of the territory: communes, villages, places and actors, matched
by name, postcode, address or coordinates — written once for every importer.

Names are compared without case, accents or punctuation (``Cyney`` is not ``Ciney``: a near
miss is reported as a decision with its candidates, never taken silently).
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..decisions import placeholder
from ..loading import Dataset, Reporter, load_dataset
from ..models import Actor, Territory
from ..models.types import text_in


def fold(text: str) -> str:
    """``Somme-Leuze`` and ``somme leuze`` alike: lower case, no accents, words by spaces."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


def _has_words(text: str, words: str) -> bool:
    return bool(words) and f" {words} " in f" {text} "


@dataclass(frozen=True)
class Where:
    """A matched location: a place id, or the fields of an inline location."""

    place: str | None = None
    commune: str | None = None
    village: str | None = None
    geo: tuple[float, float] | None = None
    how: str = ""


class Territorial:
    """The loaded data folder, for lookups (files that do not validate are simply absent)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.dataset: Dataset = load_dataset(data_dir, Reporter("fr"))

    @property
    def territory(self) -> Territory:
        if self.dataset.territory is None:
            raise LookupError(f"{self.data_dir}/territory.yaml est absent ou invalide : lancez `check`")
        return self.dataset.territory

    def name(self, value: str | dict[str, str]) -> str:
        return text_in(value, self.territory.default_language, self.territory.default_language)

    @cached_property
    def communes(self) -> dict[str, Any]:
        return {c.id: c for c in self.territory.communes}

    @cached_property
    def villages(self) -> dict[str, tuple[Any, Any]]:
        """village id → (village, commune)."""
        return {v.id: (v, c) for c in self.territory.communes for v in c.villages}

    def actor(self, actor_id: str) -> Actor | None:
        return self.dataset.actors.get(actor_id)

    # --- communes and villages ---------------------------------------------------------

    def commune_by_postcode(self, postcode: str) -> list[str]:
        return [c.id for c in self.territory.communes if postcode in c.postcodes]

    def find_in_text(self, text: str) -> Where | None:
        """The village (else commune) named in an address, the postcode deciding between
        homonyms; None when no name of the territory appears."""
        folded = fold(text)
        postcodes = set(re.findall(r"\b\d{4,5}\b", text))
        by_code = {cid for code in postcodes for cid in self.commune_by_postcode(code)}
        found: list[Where] = []
        for village, commune in self.villages.values():
            if _has_words(folded, fold(self.name(village.name))):
                found.append(Where(commune=commune.id, village=village.id, how="village"))
        for commune in self.territory.communes:
            if _has_words(folded, fold(self.name(commune.name))) and not any(w.commune == commune.id for w in found):
                found.append(Where(commune=commune.id, how="commune"))
        if by_code:
            found = [w for w in found if w.commune in by_code] or [
                Where(commune=c, how="code") for c in sorted(by_code)
            ]
        if not found:
            return None
        # the most precise and longest name wins ("Somme-Leuze" over "Leuze")
        found.sort(key=lambda w: (w.village is None, -len(self.label(w))))
        return found[0] if len({w.commune for w in found}) == 1 or found[0].village else None

    def label(self, where: Where) -> str:
        if where.village:
            return self.name(self.villages[where.village][0].name)
        return self.name(self.communes[where.commune].name) if where.commune in self.communes else ""

    def commune_named(self, text: str, postcode: str | None = None) -> tuple[Where | None, list[str]]:
        """A commune or village written in a "Localité" column: exact match (accents and case
        forgiven), else the postcode alone; with the near names when nothing is certain."""
        folded = fold(text)
        exact = [
            Where(commune=c.id, village=v.id, how="village")
            for v, c in self.villages.values()
            if fold(self.name(v.name)) == folded
        ]
        exact += [
            Where(commune=c.id, how="commune") for c in self.territory.communes if fold(self.name(c.name)) == folded
        ]
        if postcode:
            coded = set(self.commune_by_postcode(postcode))
            if coded:
                exact = [w for w in exact if w.commune in coded] or exact
        if exact:
            best = sorted(exact, key=lambda w: w.village is None)[0]
            return best, []
        names = {fold(self.name(v.name)): self.name(v.name) for v, _ in self.villages.values()}
        names.update({fold(self.name(c.name)): self.name(c.name) for c in self.territory.communes})
        near = [names[n] for n in difflib.get_close_matches(folded, list(names), n=3, cutoff=0.6)]
        if postcode and len(self.commune_by_postcode(postcode)) == 1 and not near:
            return Where(commune=self.commune_by_postcode(postcode)[0], how="code"), []
        return None, near

    def commune_fields(self, city: str, postcode: str, text: str, decisions: list[str]) -> dict[str, Any]:
        """``commune`` and ``village`` of an address given as a city (and postcode) or, failing
        that, found in its text; else a placeholder whose question is added to ``decisions``."""
        where, near = self.commune_named(city, postcode or None) if city else (None, [])
        if where is None and text:
            where = self.find_in_text(text)
        if where is not None:
            return {"commune": where.commune, "village": where.village}
        hint = f" (vouliez-vous dire {' ou '.join(near)} ?)" if near else ""
        question = f"commune de « {city or text} »{hint}"
        decisions.append(question)
        return {"commune": placeholder(question)}

    def nearest_village(self, geo: tuple[float, float], limit_km: float = 4.0) -> Where | None:
        best: tuple[float, str, str] | None = None
        for village, commune in self.villages.values():
            distance = _km(geo, village.geo)
            if best is None or distance < best[0]:
                best = (distance, commune.id, village.id)
        if best is None or best[0] > limit_km:
            return None
        return Where(commune=best[1], village=best[2], geo=geo, how="coordonnées")

    # --- places -----------------------------------------------------------------------

    def place_for(self, text: str) -> str | None:
        """A place of data/places/ whose name or address is the location text."""
        folded = fold(text)
        if not folded:
            return None
        for place_id, place in sorted(self.dataset.places.items()):
            name, address = fold(self.name(place.name)), fold(place.address)
            if folded in (name, address, f"{name} {address}") or folded.startswith(f"{name} "):
                return place_id
            if address and _has_words(folded, address):
                return place_id
        return None

    def locate(self, text: str, geo: tuple[float, float] | None) -> Where | None:
        """A calendar's LOCATION (and GEO) → a place, or a village/commune, or None."""
        if text:
            place = self.place_for(text)
            if place is not None:
                return Where(place=place, how="lieu")
            where = self.find_in_text(text)
            if where is not None:
                return where
        if geo is not None:
            return self.nearest_village(geo)
        return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dx = (a[1] - b[1]) * 111.32 * math.cos(lat)
    dy = (a[0] - b[0]) * 110.57
    return math.hypot(dx, dy)
