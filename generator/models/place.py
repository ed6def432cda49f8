"""A venue where events take place."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Geo,
    I18nText,
    Id,
    Keywords,
    PublicContacts,
    Text,
    keywords_field,
    vocabulary,
)


class Place(Model):
    """A venue (village hall, library…): read from `data/places/<id>.yaml`."""

    id: Id = Field(description="Identifiant, identique au nom du fichier : `salle-maffe`.")
    name: I18nText = Field(description="Nom du lieu : « Salle du village de Maffe ».")
    address: Text = Field(description="Adresse postale : `Rue de la Salle 2, 5374 Maffe`.")
    commune: Id = Field(description="Identifiant de la commune.")
    village: Id | None = Field(None, description="Identifiant du village, facultatif mais conseillé.")
    geo: Geo | None = Field(None, description="Position `[latitude, longitude]`, recommandée.")
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    wheelchair: vocabulary("wheelchair") = Field(  # type: ignore[valid-type]
        "unknown", description="Accès en fauteuil roulant : `yes`, `no`, `limited` ou `unknown`."
    )
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]
