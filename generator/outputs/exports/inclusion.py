"""The directory in the shape of the data·inclusion schema v1: structures and services.

Actors are structures; what they offer are services (an actor that lists no service is
offered as one service). ``source`` is the site's host name, and ids are
``<source>--<actor id>`` for a structure, ``<source>--<service id>`` for a service.

data·inclusion is French: its postcodes have five digits and its commune codes are INSEE
codes. They are written only for a territory whose country is ``FR``; elsewhere the address
text and the commune name carry them. Themes and audiences are mapped to data·inclusion's
closed lists where the meaning is the same (the tables below); the others are left out.
"""

from __future__ import annotations

import re
from typing import Any, cast

import phonenumbers

from ...models import Actor
from .. import RenderContext
from .native import Native, ServiceRow, offers_of

# Maillage theme → data·inclusion "thématique"; None: no counterpart with the same meaning.
THEMES: dict[str, str | None] = {
    "aide-sociale": None,
    "alimentation": "equipement-et-alimentation--alimentation",
    "logement": "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
    "energie": None,
    "sante": "sante--acces-aux-soins",
    "sante-mentale": "sante--sante-mentale",
    "handicap": None,
    "parentalite": "famille--soutien-a-la-parentalite-et-a-leducation",
    "petite-enfance": "famille--garde-denfants",
    "jeunesse": None,
    "emploi": "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
    "formation": "se-former--trouver-sa-formation",
    "numerique": "numerique--maitriser-les-fondamentaux-du-numerique",
    "mobilite": "mobilite--etre-accompagne-dans-son-parcours-mobilite",
    "lien-social": "remobilisation--lien-social",
    "culture-loisirs": "remobilisation--activites-sportives-et-culturelles",
    "sport": "remobilisation--activites-sportives-et-culturelles",
    "acces-aux-droits": "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    "budget-dettes": "difficultes-financieres--situation-dendettement-surendettement",
    "violences": "famille--surmonter-conflits-separation-violence",
    "assuetudes": "sante--addictions",
    "sans-abrisme": "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
    "migration": None,
    "transmission-savoirs": None,
    "benevolat": "remobilisation--benevolat-action-citoyenne",
}

# Maillage audience → data·inclusion "public".
AUDIENCES: dict[str, str | None] = {
    "all": "tous-publics",
    "children": "familles",
    "youth": "jeunes",
    "families": "familles",
    "seniors": "seniors",
    "carers": None,
    "disabled": "personnes-en-situation-de-handicap",
    "homeless": "personnes-en-situation-durgence",
    "migrants": "personnes-exilees",
    "jobseekers": "demandeurs-emploi",
    "students": "etudiants",
    "women": "femmes",
    "newcomers": None,
    "volunteers": None,
    "professionals": None,
}

COSTS = {"free": "gratuit", "paid": "payant", "mixed": None}


def fit(text: str, low: int, high: int, fallback: str) -> str:
    """``text`` within [low, high] characters: cut with an ellipsis, or completed by ``fallback``."""
    text = text.strip()
    if len(text) < low:
        text = f"{text} – {fallback}".strip(" –") if text else fallback
    if len(text) > high:
        text = text[: high - 1].rstrip() + "…"
    return text


class Inclusion:
    """Renders the data·inclusion structures and services of one RenderContext."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.native = Native(context)
        self.source = context.host
        self.french = context.territory.country == "FR"

    def phone(self, text: str | None) -> str | None:
        """E.164, as data·inclusion prefers; the number as written if it cannot be parsed."""
        if not text:
            return None
        try:
            number = phonenumbers.parse(text, self.context.territory.country)
        except phonenumbers.NumberParseException:
            return text
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def name(self, value: Any, fallback: str) -> str:
        # "Between 3 and 150 characters, not ending with a full stop."
        return fit(self.native.text(value), 3, 150, fallback).rstrip(".").strip() or fallback

    def _place(self, actor: Actor) -> dict[str, Any]:
        if not actor.locations:
            return {}
        location = actor.locations[0]
        commune = self.native.communes.get(location.commune)
        out: dict[str, Any] = {
            "adresse": location.address,
            "commune": self.native.text(commune.name) if commune else None,
        }
        if location.geo is not None:
            out["latitude"], out["longitude"] = location.geo[0], location.geo[1]
        if self.french and commune is not None:
            if re.fullmatch(r"\w{5}", commune.code):
                out["code_insee"] = commune.code
            postal = next((p for p in commune.postcodes if p in location.address), commune.postcodes[0])
            if re.fullmatch(r"\d{5}", postal):
                out["code_postal"] = postal
        return out

    def structure(self, actor: Actor) -> dict[str, Any]:
        description = self.native.text(actor.description) or self.native.text(actor.summary)
        out: dict[str, Any] = {
            "source": self.source,
            "id": f"{self.source}--{actor.id}",
            "nom": self.name(actor.name, actor.id),
            "date_maj": actor.verified.on.isoformat(),
            "description": fit(description, 5, 10_000, self.native.text(actor.name)),
            "lien_source": self.native.url("acteurs", actor.id),
            "telephone": self.phone(actor.contact.phone),
            "courriel": actor.contact.email,
            "site_web": actor.contact.website,
            "horaires_accueil": next((loc.hours for loc in actor.locations if loc.hours), None),
            **self._place(actor),
        }
        return {k: v for k, v in out.items() if v is not None}

    def structures(self) -> list[dict[str, Any]]:
        return [self.structure(a) for _, a in sorted(self.context.dataset.actors.items())]

    def service(self, row: ServiceRow) -> dict[str, Any]:
        actor, service = row.actor, row.service
        access = service.access or actor.access
        contact = service.contact or actor.contact
        name = self.native.text(service.name)
        text = "\n\n".join(t for t in (self.native.text(service.summary), self.native.text(service.description)) if t)
        publics = sorted({p for a in row.audiences if (p := AUDIENCES.get(a))})
        if "tous-publics" in publics:
            publics = ["tous-publics"]
        access_modes = cast(list[str], access.modes)
        modes = set()
        if "walk-in" in access_modes:
            modes.add("se-presenter")
        if contact.phone:
            modes.add("telephoner")
        if contact.email:
            modes.add("envoyer-un-courriel")
        if access_modes == ["referral"]:
            by = ["professionnels"]
        elif "referral" in access_modes:
            by = ["professionnels", "usagers"]
        else:
            by = ["usagers"]
        out: dict[str, Any] = {
            "source": self.source,
            "structure_id": f"{self.source}--{actor.id}",
            "id": f"{self.source}--{row.id}",
            "nom": self.name(service.name, row.id),
            "description": fit(text or self.native.text(actor.summary), 5, 10_000, name or actor.id),
            "date_maj": actor.verified.on.isoformat(),
            "lien_source": self.native.url("acteurs", actor.id),
            "thematiques": sorted({t for th in row.themes if (t := THEMES.get(th))}) or None,
            "publics": publics or None,
            "frais": COSTS[access.cost],
            "frais_precisions": access.cost_note,
            "conditions_acces": access.conditions,
            "telephone": self.phone(contact.phone),
            "courriel": contact.email,
            "modes_accueil": ["en-presentiel"] if actor.locations else None,
            "modes_mobilisation": sorted(modes) or None,
            "mobilisable_par": by,
            "horaires_accueil": service.hours or next((loc.hours for loc in actor.locations if loc.hours), None),
            "zone_eligibilite": self._zone(actor.area),
            **self._place(actor),
        }
        return {k: v for k, v in out.items() if v is not None}

    def _zone(self, area: list[str]) -> list[str] | None:
        if not self.french:
            return None
        communes = self.native.communes
        codes = (
            [c.code for c in communes.values()] if "all" in area else [communes[a].code for a in area if a in communes]
        )
        codes = sorted({c for c in codes if re.fullmatch(r"\w{5}", c)})
        return codes or None

    def services(self) -> list[dict[str, Any]]:
        dataset = self.context.dataset
        return [self.service(row) for _, actor in sorted(dataset.actors.items()) for row in offers_of(actor)]
