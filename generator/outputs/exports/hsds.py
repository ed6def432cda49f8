"""The directory in the shape of Open Referral HSDS 3.0: organizations, services, locations.

Actors are organizations, their locations and the event places are locations, and what
actors offer are services (an actor that lists no service is offered as one service). HSDS
ids are UUIDs: each is a UUID version 5 of the entity's own id in a namespace derived from
the site's address, so it never changes while the ids and ``site_url`` do not. The free-text
fields the data has no counterpart for are left out, except the address's
``state_province``, which HSDS requires and the data does not have: it is empty.
Events are not part of HSDS and are not exported here.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from ...models import Actor, Place
from ...models.actor import Location
from ...models.vocabularies import ACCESS_MODES, AUDIENCES, COSTS, LANGUAGES, THEMES, WHEELCHAIR
from .. import RenderContext
from .native import Native, ServiceRow, offers_of


class Hsds:
    """Renders the HSDS 3.0 files (lists of full objects) of one RenderContext."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.native = Native(context)
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, context.site_url + "donnees/hsds/")
        self.country = context.territory.country

    def uid(self, *parts: str) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(parts)))

    # --- locations -------------------------------------------------------------------------

    def _address(self, location_id: str, address: str, commune_id: str, village_id: str | None) -> dict[str, Any]:
        commune = self.native.communes.get(commune_id)
        found = self.native.villages.get(village_id or "")
        village = found[1] if found is not None else None
        postcodes = list(commune.postcodes) if commune else []
        # The postcode written in the address, if it is one of the commune's; else its first.
        postal = next((p for p in postcodes if p in address), postcodes[0] if postcodes else "")
        city = village.name if village is not None else (commune.name if commune else "")
        return {
            "id": self.uid("address", location_id),
            "location_id": location_id,
            "address_1": address,
            "city": self.native.text(city),
            "state_province": "",
            "postal_code": postal,
            "country": self.country,
            "address_type": "physical",
        }

    def _venue(
        self, key: str, name: str, address: str, commune: str, village: str | None, geo: Any, wheelchair: str
    ) -> dict[str, Any]:
        location_id = self.uid("location", key)
        out: dict[str, Any] = {
            "id": location_id,
            "location_type": "physical",
            "name": name,
            "addresses": [self._address(location_id, address, commune, village)],
        }
        if geo is not None:
            out["latitude"], out["longitude"] = geo[0], geo[1]
        if wheelchair != "unknown":
            out["accessibility"] = [
                {
                    "id": self.uid("accessibility", key),
                    "location_id": location_id,
                    "description": f"Fauteuil roulant : {WHEELCHAIR[wheelchair].label('fr')}",
                    "details": f"wheelchair={wheelchair}",
                }
            ]
        return out

    def actor_location(self, actor: Actor, index: int, location: Location) -> dict[str, Any]:
        key = f"actor/{actor.id}/{index}"
        name = self.native.text(location.name) or self.native.text(actor.name)
        out = self._venue(
            key, name, location.address, location.commune, location.village, location.geo, location.wheelchair
        )
        out["organization_id"] = self.uid("organization", actor.id)
        out["url"] = self.native.url("acteurs", actor.id)
        if location.hours:
            out["schedules"] = [
                {"id": self.uid("schedule", key), "location_id": out["id"], "description": location.hours}
            ]
        if actor.languages:
            out["languages"] = self._languages("location_id", out["id"], key, actor.languages)
        return out

    def place_location(self, place: Place) -> dict[str, Any]:
        return self._venue(
            f"place/{place.id}",
            self.native.text(place.name),
            place.address,
            place.commune,
            place.village,
            place.geo,
            place.wheelchair,
        )

    def locations(self) -> list[dict[str, Any]]:
        dataset = self.context.dataset
        out = [
            self.actor_location(actor, i, loc)
            for _, actor in sorted(dataset.actors.items())
            for i, loc in enumerate(actor.locations, 1)
        ]
        out += [self.place_location(place) for _, place in sorted(dataset.places.items())]
        return out

    # --- organizations ---------------------------------------------------------------------

    def organization(self, actor: Actor) -> dict[str, Any]:
        org_id = self.uid("organization", actor.id)
        out: dict[str, Any] = {
            "id": org_id,
            "name": self.native.text(actor.name),
            "description": self._description(actor.summary, actor.description),
            "uri": self.native.url("acteurs", actor.id),
            "locations": [self.actor_location(actor, i, loc) for i, loc in enumerate(actor.locations, 1)],
        }
        if actor.contact.email:
            out["email"] = actor.contact.email
        if actor.contact.website:
            out["website"] = actor.contact.website
        if actor.contact.phone:
            out["phones"] = [
                {"id": self.uid("phone", "actor", actor.id), "organization_id": org_id, "number": actor.contact.phone}
            ]
        return out

    def organizations(self) -> list[dict[str, Any]]:
        return [self.organization(a) for _, a in sorted(self.context.dataset.actors.items())]

    # --- services --------------------------------------------------------------------------

    def service(self, row: ServiceRow) -> dict[str, Any]:
        actor, service = row.actor, row.service
        service_id = self.uid("service", row.id)
        access = service.access or actor.access
        contact = service.contact or actor.contact
        closed = any(c.from_ <= self.context.today <= c.until for c in actor.closures)
        out: dict[str, Any] = {
            "id": service_id,
            "organization_id": self.uid("organization", actor.id),
            "name": self.native.text(service.name),
            "description": self._description(service.summary or actor.summary, service.description),
            "url": self.native.url("acteurs", actor.id),
            "status": "temporarily closed" if closed else "active",
            "fees_description": " – ".join(x for x in (COSTS[access.cost].label("fr"), access.cost_note or "") if x),
            "assured_date": actor.verified.on.isoformat(),
            "service_areas": self._areas(service_id, row.id, actor.area),
            "service_at_locations": [
                {
                    "id": self.uid("service_at_location", row.id, str(i)),
                    "service_id": service_id,
                    "location_id": self.uid("location", f"actor/{actor.id}/{i}"),
                }
                for i, _ in enumerate(actor.locations, 1)
            ],
            "attributes": self._terms(service_id, row.id, "themes", THEMES, row.themes)
            + self._terms(service_id, row.id, "audiences", AUDIENCES, row.audiences),
        }
        if access.modes:
            out["application_process"] = ", ".join(ACCESS_MODES[m].label("fr") for m in cast(list[str], access.modes))
        if access.conditions:
            out["eligibility_description"] = access.conditions
        if contact.email:
            out["email"] = contact.email
        if contact.phone:
            out["phones"] = [
                {"id": self.uid("phone", "service", row.id), "service_id": service_id, "number": contact.phone}
            ]
        if service.hours:
            out["schedules"] = [
                {"id": self.uid("schedule", "service", row.id), "service_id": service_id, "description": service.hours}
            ]
        if actor.languages:
            out["languages"] = self._languages("service_id", service_id, f"service/{row.id}", actor.languages)
        return out

    def services(self) -> list[dict[str, Any]]:
        dataset = self.context.dataset
        return [self.service(row) for _, actor in sorted(dataset.actors.items()) for row in offers_of(actor)]

    # --- pieces ----------------------------------------------------------------------------

    def _description(self, summary: Any, description: Any) -> str:
        parts = [self.native.text(summary), self.native.text(description)]
        return "\n\n".join(p.strip() for p in parts if p and p.strip())

    def _areas(self, service_id: str, key: str, area: list[str]) -> list[dict[str, Any]]:
        if "all" in area:
            names = [("all", self.native.text(self.context.territory.name))]
        else:
            names = [(c, self.native.text(self.native.communes[c].name)) for c in area if c in self.native.communes]
        return [
            {
                "id": self.uid("service_area", key, code),
                "service_id": service_id,
                "name": name,
                "extent_type": "commune" if code != "all" else "territory",
            }
            for code, name in names
        ]

    def _languages(self, link: str, link_id: str, key: str, codes: list[str]) -> list[dict[str, Any]]:
        return [
            {"id": self.uid("language", key, code), link: link_id, "code": code, "name": LANGUAGES[code].label("fr")}
            if code in LANGUAGES
            else {"id": self.uid("language", key, code), link: link_id, "code": code}
            for code in codes
        ]

    def _terms(
        self, service_id: str, key: str, taxonomy: str, vocabulary: Any, values: list[str]
    ) -> list[dict[str, Any]]:
        out = []
        for value in values:
            term_id = self.uid("taxonomy_term", taxonomy, value)
            out.append(
                {
                    "id": self.uid("attribute", key, taxonomy, value),
                    "link_id": service_id,
                    "link_type": taxonomy,
                    "link_entity": "service",
                    "taxonomy_term_id": term_id,
                    "taxonomy_term": {
                        "id": term_id,
                        "code": value,
                        "name": vocabulary[value].label("fr"),
                        "description": f"{vocabulary[value].label('fr')} (`{value}`, vocabulaire {taxonomy} de Maillage)",
                        "taxonomy": f"maillage-{taxonomy}",
                    },
                }
            )
        return out
