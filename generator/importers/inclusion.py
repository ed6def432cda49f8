"""Published data·inclusion files (structures and services, v1) → actors with their services.

A file is recognised by its content: items with ``structure_id`` are services, the others
structures. Themes and audiences are read back through our export's own tables
(``outputs.exports.inclusion.THEMES``/``AUDIENCES``, inverted: where two of our values share
one data·inclusion value, the first is taken and the report says so), so that our export
read back gives the same export again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import phonenumbers

from ..decisions import placeholder
from ..outputs.exports.inclusion import AUDIENCES, THEMES
from .directory import ServiceIn, actor_id, assemble, split_description
from .hours import french_hours
from .ics import first_sentence
from .report import Row
from .territory import Territorial

MAX_BYTES = 50_000_000
_THEMES: dict[str, str] = {}
for _ours, _theirs in THEMES.items():
    if _theirs is not None:
        _THEMES.setdefault(_theirs, _ours)
_AUDIENCES: dict[str, str] = {}
for _ours, _theirs in AUDIENCES.items():
    if _theirs is not None:
        _AUDIENCES.setdefault(_theirs, _ours)
_COSTS = {"gratuit": "free", "payant": "paid"}


class InclusionError(Exception):
    """A file that is not data·inclusion JSON (a usage error)."""


def read_items(paths: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(structures, services) of every file given."""
    structures: list[dict[str, Any]] = []
    services: list[dict[str, Any]] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise InclusionError(f"{path} est trop grand")
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise InclusionError(f"{path} n'est pas un fichier JSON lisible ({exc})") from None
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise InclusionError(f"{path} : une liste de structures ou de services était attendue")
        for item in data:
            (services if "structure_id" in item else structures).append(item)
    return structures, services


class InclusionImport:
    def __init__(self, where: Territorial, structures: list[dict[str, Any]], services: list[dict[str, Any]]) -> None:
        self.where = where
        self.structures = structures
        self.services = services
        self.country = where.territory.country

    def phone(self, text: Any) -> str | None:
        if not text:
            return None
        try:
            number = phonenumbers.parse(str(text), self.country)
        except phonenumbers.NumberParseException:
            return str(text)
        national = phonenumbers.region_code_for_number(number) == self.country
        style = phonenumbers.PhoneNumberFormat.NATIONAL if national else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        return str(phonenumbers.format_number(number, style))

    def hours(self, text: Any, row: Row) -> str | None:
        if not text:
            return None
        hours = french_hours(str(text))
        if hours is None:
            question = f"horaires « {text} » au format OpenStreetMap"
            row.decisions.append(question)
            return placeholder(question)
        return hours

    def location(self, item: dict[str, Any], row: Row) -> list[dict[str, Any]]:
        address = str(item.get("adresse") or "")
        city, postal = str(item.get("commune") or ""), str(item.get("code_postal") or "")
        if not address and not city:
            return []
        out: dict[str, Any] = {"address": address or city}
        out.update(self.where.commune_fields(city, postal, address, row.decisions))
        if item.get("latitude") is not None and item.get("longitude") is not None:
            out["geo"] = [item["latitude"], item["longitude"]]
        out["hours"] = self.hours(item.get("horaires_accueil"), row)
        return [out]

    def service(self, item: dict[str, Any], row: Row) -> ServiceIn:
        summary, description = split_description(str(item.get("description") or ""))
        themes = [_THEMES[t] for t in item.get("thematiques") or [] if t in _THEMES]
        audiences = [_AUDIENCES[p] for p in item.get("publics") or [] if p in _AUDIENCES]
        cost = _COSTS.get(str(item.get("frais") or ""), "mixed")
        modes = []
        if "se-presenter" in (item.get("modes_mobilisation") or []):
            modes.append("walk-in")
        by = item.get("mobilisable_par") or []
        reach = item.get("modes_mobilisation") or []
        if (
            "usagers" in by
            and "professionnels" in by
            and not modes
            and {"telephoner", "envoyer-un-courriel"} & set(reach)
        ):
            modes.append("appointment")  # people may come by themselves, once they have called or written
            row.normalised.append(
                f"« {item.get('nom')} » : accessible aux usagers par téléphone ou courriel → appointment"
            )
        if "professionnels" in by:
            modes.append("referral")
        access = {
            "cost": cost,
            "cost_note": item.get("frais_precisions") or None,
            "modes": modes or None,
            "conditions": item.get("conditions_acces") or None,
        }
        contact = {"phone": self.phone(item.get("telephone")), "email": item.get("courriel")}
        area: list[str] = []
        codes = set(item.get("zone_eligibilite") or [])
        if codes:
            communes = self.where.territory.communes
            area = ["all"] if {c.code for c in communes} <= codes else [c.id for c in communes if c.code in codes]
        if not themes and item.get("thematiques") is None:
            themes = [placeholder(f"thèmes du service « {item.get('nom')} » ? (aucun que data·inclusion dit aussi)")]
        if not audiences and item.get("publics") is None:
            audiences = [
                placeholder(f"publics du service « {item.get('nom')} » ? (aucun que data·inclusion dit aussi)")
            ]
        return ServiceIn(
            name=str(item.get("nom") or ""),
            summary=summary,
            description=description,
            themes=list(dict.fromkeys(themes)),
            audiences=list(dict.fromkeys(audiences)),
            access=access,
            contact={k: v for k, v in contact.items() if v} or None,
            hours=None,
            area=area,
        )

    def actors(self) -> list[tuple[Row, str, dict[str, Any]]]:
        out = []
        for structure in self.structures:
            name = " ".join(str(structure.get("nom") or "").split())
            row = Row(source=f"structure « {name} »")
            services_in = [s for s in self.services if s.get("structure_id") == structure.get("id")]
            services = [self.service(s, row) for s in services_in]
            for service, item in zip(services, services_in, strict=True):
                hours = item.get("horaires_accueil")
                if hours and hours != structure.get("horaires_accueil"):
                    service.hours = self.hours(hours, row)
            text = str(structure.get("description") or "").strip()  # the whole description, or the summary
            summary = first_sentence(text) if text else None
            description = text if text and text != summary else None
            contact = {
                "phone": self.phone(structure.get("telephone")),
                "email": structure.get("courriel"),
                "website": structure.get("site_web"),
            }
            data = assemble(
                name,
                summary,
                description,
                services,
                self.location(structure, row),
                {k: v for k, v in contact.items() if v},
                [],
                structure.get("date_maj"),
                str(structure.get("source") or "data·inclusion"),
                row,
            )
            for service_in, service in zip(services, data.get("services") or [], strict=False):
                if service_in.name and service_in.name == service.get("name") and not service_in.themes:
                    row.normalised.append(f"service « {service_in.name} » : thèmes sans équivalent, ceux de l'acteur")
            out.append((row, actor_id(structure.get("lien_source"), name), data))
        return out
