"""An itinerant route (grocery van, mobile library…) and its stops."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .common import Contact
from .series import Cancellation, Rule, Skips
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Date,
    Geo,
    I18nMarkdown,
    I18nSummary,
    I18nText,
    Id,
    Keywords,
    PublicContacts,
    Text,
    Time,
    keywords_field,
    unique_list,
    vocabulary,
)


class Stop(Model):
    """One stop of a route: a village, a spot, and the time the vehicle is there."""

    id: Id | None = Field(
        None, description="Identifiant du stop, seulement si la tournée passe deux fois dans le même village."
    )
    village: Id = Field(description="Identifiant du village (voir `territory.yaml`).")
    where: Text = Field(description="Où exactement : « Place de l'Église ».")
    geo: Geo | None = Field(None, description="Position précise `[latitude, longitude]` ; à défaut, celle du village.")
    arrive: Time = Field(description="Heure d'arrivée `HH:MM`.")
    leave: Time = Field(description="Heure de départ `HH:MM`, après l'arrivée.")


class Circuit(Model):
    """An itinerant route: read from `data/circuits/<id>.yaml`."""

    id: Id = Field(description="Identifiant, identique au nom du fichier : `epicerie-mardi`.")
    name: I18nText = Field(description="Nom de la tournée.")
    type: vocabulary("circuit-type") = Field(description="Type de tournée (voir la liste).")  # type: ignore[valid-type]
    operator: Id = Field(description="Acteur qui fait la tournée (identifiant d'acteur).")
    summary: I18nSummary = Field(description="La tournée en une phrase, 200 caractères au plus.")
    description: I18nMarkdown | None = Field(None, description="Description détaillée en Markdown.")
    audiences: unique_list(vocabulary("audience"), min_length=1) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["all"], description="Publics ; `all` par défaut."
    )
    repeat: Rule = Field(description="Quand la tournée passe : `FREQ=WEEKLY;BYDAY=TU`.")
    start: Date = Field(description="Premier jour de la tournée `AAAA-MM-JJ` (un jour où elle passe).")
    until: Date | None = Field(None, description="Dernier jour de la tournée `AAAA-MM-JJ` (inclus), facultatif.")
    skip: Skips = Field(default_factory=list)
    cancelled: list[Cancellation] = Field(default_factory=list, description="Passages annulés, avec leur raison.")
    stops: list[Stop] = Field(min_length=1, description="Les arrêts, dans l'ordre de la tournée.")
    contact: Contact | None = Field(None, description="Contact de la tournée ; à défaut, celui de l'opérateur.")
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]
