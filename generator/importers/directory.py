"""What the HSDS and data·inclusion importers share: one actor's fields assembled from its
services, in the order of an actor file, with what the format does not carry left to decide.

Both formats describe services, not actors: an actor's themes and audiences are those of its
services together, its access is its first service's; a service lists only what differs
from its actor's. An organisation with one service of its own name is an actor without
services (that is how our exports write one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..decisions import find, is_placeholder, placeholder
from ..models.types import slugify
from .report import Row
from .table import ACTOR_ORDER, _kind_from_name
from .words import vocabulary_for_words


@dataclass
class ServiceIn:
    """One service as a format gives it, already in our words."""

    name: str
    summary: str | None = None
    description: str | None = None
    themes: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    access: dict[str, Any] | None = None
    contact: dict[str, Any] | None = None
    hours: str | None = None
    area: list[str] = field(default_factory=list)


def split_description(text: str) -> tuple[str | None, str | None]:
    """``summary\\n\\ndescription`` (how our exports join them) → (summary, description)."""
    text = (text or "").strip()
    if not text:
        return None, None
    head, _, rest = text.partition("\n\n")
    if len(head) <= 200 and "\n" not in head:
        return head, rest.strip() or None
    from .ics import first_sentence

    return first_sentence(text), text


def actor_id(uri: str | None, name: str) -> str:
    """Our own id when the record links to one of our actor pages, else the name's slug."""
    match = re.search(r"/acteurs/([a-z0-9]+(?:-[a-z0-9]+)*)/?$", uri or "")
    return match.group(1) if match else slugify(name)[:64]


def assemble(
    name: str,
    summary: str | None,
    description: str | None,
    services: list[ServiceIn],
    locations: list[dict[str, Any]],
    contact: dict[str, Any],
    languages: list[str],
    verified_on: str | None,
    publisher: str,
    row: Row,
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": None, "name": name}
    itself = len(services) == 1 and services[0].name == name
    if itself and services[0].summary:  # the actor offered as its own service: summary and description both
        summary, description = services[0].summary, services[0].description
    kind_word = _kind_from_name(name)
    kinds = vocabulary_for_words(kind_word, "kind")[0] if kind_word else []
    if kinds:
        data["kind"] = kinds[0]
        row.normalised.append(f"type d'acteur : {kinds[0]} (d'après le nom)")
    else:
        question = "type d'acteur ? (le format ne le dit pas : public-service, association, health…)"
        row.decisions.append(question)
        data["kind"] = placeholder(question)
    themes = list(dict.fromkeys(t for s in services for t in s.themes if not is_placeholder(t)))
    audiences = list(dict.fromkeys(a for s in services for a in s.audiences if not is_placeholder(a)))
    if "all" in audiences:
        audiences = ["all"]
    if not themes:
        row.decisions.append("thèmes ? (aucun que nos thèmes disent aussi)")
        themes = [placeholder("thèmes ? (aucun que nos thèmes disent aussi)")]
    if not audiences:
        row.decisions.append("publics ? (aucun que nos publics disent aussi)")
        audiences = [placeholder("publics ? (aucun que nos publics disent aussi)")]
    data["themes"], data["audiences"] = themes, audiences
    if summary is None:
        row.decisions.append("résumé en une phrase ?")
    data["summary"] = summary or placeholder("résumé en une phrase ?")
    data["description"] = description
    area = list(dict.fromkeys(a for s in services for a in s.area))
    if not area:
        communes = list(dict.fromkeys(str(loc["commune"]) for loc in locations if "commune" in loc))
        area = communes or [placeholder("communes desservies ? (identifiants, ou [all])")]
        if not communes:
            row.decisions.append("communes desservies ?")
    data["area"] = ["all"] if "all" in area else area
    data["locations"] = locations
    if not contact:
        row.decisions.append("un moyen de contact ?")
        contact = {"phone": placeholder("un moyen de contact ? (téléphone, e-mail ou site)")}
    data["contact"] = contact
    first = services[0] if services else None
    access = first.access if first and first.access else None
    if access is None:
        row.decisions.append("coût (free, paid, mixed) ?")
        access = {"cost": placeholder("coût (free, paid, mixed) ?")}
    data["access"] = access
    data["languages"] = languages or None
    if not itself:
        data["services"] = [_service(s, data) for s in services]
        row.decisions.extend(question for service in data["services"] for _, question in find(service))
    if verified_on:
        question = (
            f"comment {publisher} a-t-il vérifié ces informations ? (phone, email, visit, pull-request, campaign)"
        )
        data["verified"] = {"on": verified_on, "by": publisher[:120], "how": placeholder(question)}
        row.decisions.append("comment la dernière vérification a été faite (verified.how)")
    else:
        row.decisions.append("dernière vérification (on, by, how)")
        data["verified"] = placeholder("vérifié quand, par qui, comment ? (le format ne le dit pas)")
    order = (*ACTOR_ORDER[:-1], "services", "verified")
    return {k: data.get(k) for k in order}


def _service(service: ServiceIn, actor: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": service.name, "summary": service.summary, "description": service.description}
    if service.themes and service.themes != actor["themes"]:
        out["themes"] = service.themes
    if service.audiences and service.audiences != actor["audiences"]:
        out["audiences"] = service.audiences
    if service.access and service.access != actor["access"]:
        out["access"] = service.access
    reachable = {k: v for k, v in actor["contact"].items() if k != "website"}  # services carry no website
    if service.contact and service.contact != reachable:
        out["contact"] = service.contact
    out["hours"] = service.hours
    return out
