"""A dated notice shown as a banner (Plan Grand Froid, closures…)."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Date,
    I18nMarkdown,
    I18nText,
    Id,
    Keywords,
    PublicContacts,
    keywords_field,
    unique_list,
    vocabulary,
)


class Notice(Model):
    """A dated notice: read from `data/notices/<id>.yaml`."""

    id: Id = Field(description="Identifiant, identique au nom du fichier : `plan-grand-froid-2026`.")
    title: I18nText = Field(description="Titre de l'avis.")
    level: vocabulary("notice-level") = Field(description="Niveau : `info`, `warning` ou `alert`.")  # type: ignore[valid-type]
    from_: Date = Field(alias="from", description="Premier jour d'affichage `AAAA-MM-JJ`.")
    until: Date = Field(description="Dernier jour d'affichage `AAAA-MM-JJ` (inclus).")
    body: I18nMarkdown = Field(description="Texte de l'avis, en Markdown.")
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    communes: unique_list(Id, min_length=1) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["all"], description="Communes concernées (identifiants), ou `[all]`."
    )
    actors: unique_list(Id) = Field(  # type: ignore[valid-type]
        default_factory=list, description="Acteurs liés (identifiants), facultatif."
    )
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]
