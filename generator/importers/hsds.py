"""An Open Referral HSDS 3.0 data package → actors with their services.

Read: ``organizations.json``, ``services.json`` and ``locations.json`` of the folder (lists of
full objects, as HSDS 3.0 publishes them and as our export writes them). Themes and
audiences come from the attributes of our own taxonomies (``maillage-themes``,
``maillage-audiences``), else from the terms' names in everyday words. Our own export read
back gives the same export again (tests/test_import_directory.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..models.vocabularies import ACCESS_MODES, COSTS
from .directory import ServiceIn, actor_id, assemble, split_description
from .hours import french_hours
from .report import Row
from .territory import Territorial
from .words import vocabulary_for_words

MAX_BYTES = 50_000_000


class PackageError(Exception):
    """The folder is not an HSDS package we can read (a usage error)."""


def _load(folder: Path, name: str, required: bool) -> list[dict[str, Any]]:
    path = folder / name
    if not path.is_file():
        if required:
            raise PackageError(f"{folder} : {name} manque (un paquet HSDS 3.0 en JSON)")
        return []
    if path.stat().st_size > MAX_BYTES:
        raise PackageError(f"{path} est trop grand")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, OSError) as exc:
        raise PackageError(f"{path} n'est pas du JSON lisible ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise PackageError(f"{path} : une liste d'objets était attendue")
    return data


def _terms(service: dict[str, Any], taxonomy: str, vocabulary: str) -> list[str]:
    out: list[str] = []
    for attribute in service.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy") == f"maillage-{taxonomy}" and term.get("code"):
            out.append(str(term["code"]))
        elif attribute.get("link_type") == taxonomy and term.get("name"):
            out.extend(vocabulary_for_words(str(term["name"]), vocabulary)[0])
    return list(dict.fromkeys(out))


_COST_WORDS = {term.labels["fr"]: value for value, term in COSTS.items()}
_MODE_WORDS = {term.labels["fr"]: value for value, term in ACCESS_MODES.items()}


def _access(service: dict[str, Any]) -> dict[str, Any] | None:
    fees = str(service.get("fees_description") or "")
    label, _, note = fees.partition(" – ")
    words = vocabulary_for_words(fees, "cost")[0] if fees else []
    cost = _COST_WORDS.get(label.strip().lower()) or (words[0] if words else None)
    if cost is None:
        return None
    modes = [
        _MODE_WORDS[m.strip()]
        for m in str(service.get("application_process") or "").split(",")
        if m.strip() in _MODE_WORDS
    ]
    return {
        "cost": cost,
        "cost_note": note.strip() or None,
        "modes": modes or None,
        "conditions": service.get("eligibility_description") or None,
    }


def _contact(entity: dict[str, Any], website: bool) -> dict[str, Any]:
    phones = entity.get("phones") or []
    out = {
        "phone": phones[0].get("number") if phones else None,
        "email": entity.get("email") or None,
        "website": entity.get("website") if website else None,
    }
    return {k: v for k, v in out.items() if v}


class PackageImport:
    def __init__(self, where: Territorial, folder: Path) -> None:
        self.where = where
        self.folder = folder
        self.organizations = _load(folder, "organizations.json", True)
        self.services = _load(folder, "services.json", False)
        self.locations = _load(folder, "locations.json", False)
        self.commune_by_name = {where.name(c.name): c.id for c in where.territory.communes}

    def location(self, item: dict[str, Any], org_name: str, row: Row) -> dict[str, Any]:
        address = (item.get("addresses") or [{}])[0]
        line = str(address.get("address_1") or "")
        city, postal = str(address.get("city") or ""), str(address.get("postal_code") or "")
        if postal and postal not in line:
            line = ", ".join(p for p in (line, f"{postal} {city}".strip()) if p)
        out: dict[str, Any] = {}
        if item.get("name") and item["name"] != org_name:
            out["name"] = item["name"]
        out["address"] = line or None
        out.update(self.where.commune_fields(city, postal, line, row.decisions))
        if item.get("latitude") is not None and item.get("longitude") is not None:
            out["geo"] = [item["latitude"], item["longitude"]]
        schedules = item.get("schedules") or []
        if schedules and schedules[0].get("description"):
            hours = french_hours(str(schedules[0]["description"]))
            if hours is None:
                from ..decisions import placeholder

                question = f"horaires « {schedules[0]['description']} » au format OpenStreetMap"
                row.decisions.append(question)
                hours = placeholder(question)
            out["hours"] = hours
        for access in item.get("accessibility") or []:
            match = re.fullmatch(r"wheelchair=(yes|no|limited|unknown)", str(access.get("details") or ""))
            if match:
                out["wheelchair"] = match.group(1)
        return out

    def service(self, item: dict[str, Any], row: Row) -> ServiceIn:
        summary, description = split_description(str(item.get("description") or ""))
        schedules = item.get("schedules") or []
        area: list[str] = []
        for zone in item.get("service_areas") or []:
            if zone.get("extent_type") == "territory":
                area.append("all")
            elif zone.get("name") in self.commune_by_name:
                area.append(self.commune_by_name[zone["name"]])
        return ServiceIn(
            name=str(item.get("name") or ""),
            summary=summary,
            description=description,
            themes=_terms(item, "themes", "theme"),
            audiences=_terms(item, "audiences", "audience"),
            access=_access(item),
            contact=_contact(item, website=False) or None,
            hours=str(schedules[0]["description"]) if schedules and schedules[0].get("description") else None,
            area=area,
        )

    def actors(self) -> list[tuple[Row, str, dict[str, Any]]]:
        out = []
        for org in self.organizations:
            name = " ".join(str(org.get("name") or "").split())
            row = Row(source=f"organisation « {name} »")
            org_id = org.get("id")
            locations_in = org.get("locations") or [x for x in self.locations if x.get("organization_id") == org_id]
            services_in = [s for s in self.services if s.get("organization_id") == org_id]
            services = [self.service(s, row) for s in services_in]
            summary, description = split_description(str(org.get("description") or ""))
            languages = [
                str(lang["code"]) for item in (locations_in or services_in)[:1] for lang in item.get("languages") or []
            ]
            dates = sorted({str(s["assured_date"]) for s in services_in if s.get("assured_date")})
            publisher = urlsplit(str(org.get("uri") or org.get("website") or "")).hostname or "la source HSDS"
            data = assemble(
                name,
                summary,
                description,
                services,
                [self.location(x, name, row) for x in locations_in],
                _contact(org, website=True),
                languages,
                dates[-1] if dates else None,
                publisher,
                row,
            )
            out.append((row, actor_id(org.get("uri"), name), data))
        return out
