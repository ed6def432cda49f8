"""A social actor (public service, association, network…) and what it offers."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .common import Contact, OpeningHours
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Date,
    Geo,
    I18nMarkdown,
    I18nSummary,
    I18nText,
    Id,
    Keywords,
    LongText,
    PublicContacts,
    ShortText,
    Text,
    keywords_field,
    unique_list,
    vocabulary,
)

Themes = unique_list(vocabulary("theme"))
Audiences = unique_list(vocabulary("audience"))
Languages = unique_list(vocabulary("language"))
Modes = unique_list(vocabulary("access-mode"))


class Location(Model):
    """One address where the actor receives people."""

    name: Text | None = Field(None, description="Nom du lieu, par exemple « Siège » ou « Antenne de Maffe ».")
    address: Text = Field(description="Adresse postale : `Rue du Centre 1, 5590 Ciney`.")
    commune: Id = Field(description="Identifiant de la commune où se trouve le lieu.")
    village: Id | None = Field(None, description="Identifiant du village ou de la section, facultatif.")
    geo: Geo | None = Field(None, description="Position `[latitude, longitude]`, recommandée pour la carte.")
    hours: OpeningHours | None = Field(
        None,
        description="Heures d'ouverture au format OpenStreetMap : `Mo-Fr 08:30-12:00; Tu 13:30-16:00; PH off`.",
    )
    wheelchair: vocabulary("wheelchair") = Field(  # type: ignore[valid-type]
        "unknown", description="Accès en fauteuil roulant : `yes`, `no`, `limited` ou `unknown`."
    )


class Access(Model):
    """How people get the service: what it costs and how to come."""

    cost: vocabulary("cost") = Field(description="Coût : `free`, `paid` ou `mixed`.")  # type: ignore[valid-type]
    cost_note: LongText | None = Field(
        None, description="Précision sur le coût ; obligatoire quand le coût n'est pas `free`."
    )
    modes: Modes = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Comment venir : `walk-in`, `appointment`, `registration`, `referral`.",
    )
    conditions: LongText | None = Field(None, description="Conditions d'accès, en clair, facultatif.")


class Service(Model):
    """One thing the actor offers; fields it omits are the actor's."""

    name: I18nText = Field(description="Nom du service, par exemple « Taxi social ».")
    summary: I18nSummary | None = Field(None, description="Le service en une phrase (200 caractères au plus).")
    description: I18nMarkdown | None = Field(None, description="Description détaillée, en Markdown.")
    themes: Themes | None = Field(None, description="Thèmes du service ; à défaut, ceux de l'acteur.")  # type: ignore[valid-type]
    audiences: Audiences | None = Field(  # type: ignore[valid-type]
        None, description="Publics du service ; à défaut, ceux de l'acteur."
    )
    access: Access | None = Field(None, description="Accès au service ; à défaut, celui de l'acteur.")
    contact: Contact | None = Field(None, description="Contact du service ; à défaut, celui de l'acteur.")
    hours: OpeningHours | None = Field(None, description="Horaires propres au service, au format OpenStreetMap.")
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]


class Closure(Model):
    """A temporary closure, announced on the site from 15 days before."""

    from_: Date = Field(alias="from", description="Premier jour de fermeture `AAAA-MM-JJ`.")
    until: Date = Field(description="Dernier jour de fermeture `AAAA-MM-JJ` (inclus).")
    message: Text = Field(description="Ce que l'on veut dire au public, par exemple « Fermeture de fin d'année ».")


class Verification(Model):
    """When and how the information was last confirmed."""

    on: Date = Field(description="Date de la dernière vérification `AAAA-MM-JJ`.")
    by: ShortText = Field(description="Qui a vérifié (une organisation, pas une personne privée).")
    how: vocabulary("verification") = Field(  # type: ignore[valid-type]
        description="Comment : `phone`, `email`, `visit`, `pull-request` ou `campaign`."
    )


class Actor(Model):
    """A social actor of the directory: read from `data/actors/<id>.yaml`."""

    id: Id = Field(description="Identifiant, identique au nom du fichier : `cpas-ciney`.")
    name: I18nText = Field(description="Nom de l'acteur.")
    kind: vocabulary("kind") = Field(description="Type d'acteur (voir la liste).")  # type: ignore[valid-type]
    themes: unique_list(vocabulary("theme"), min_length=1) = Field(  # type: ignore[valid-type]
        description="Thèmes, au moins un (voir la liste)."
    )
    audiences: unique_list(vocabulary("audience"), min_length=1) = Field(  # type: ignore[valid-type]
        description="Publics ; `all` (tout public) s'écrit seul."
    )
    summary: I18nSummary = Field(description="L'acteur en une phrase, 200 caractères au plus.")
    description: I18nMarkdown | None = Field(
        None, description="Description détaillée en Markdown : paragraphes, listes, liens."
    )
    area: unique_list(Id, min_length=1) = Field(  # type: ignore[valid-type]
        description="Communes desservies (identifiants), ou `[all]` pour tout le territoire."
    )
    locations: list[Location] = Field(default_factory=list, description="Lieux d'accueil, zéro ou plus.")
    contact: Contact = Field(description="Au moins un moyen de joindre l'acteur.")
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    access: Access = Field(description="Coût et modes d'accès.")
    languages: Languages = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["fr"],
        description="Langues parlées à l'accueil (codes ISO 639 : `fr`, `nl`, `wa`, `sfb`…).",
    )
    services: list[Service] = Field(default_factory=list, description="Services proposés, facultatif.")
    closures: list[Closure] = Field(default_factory=list, description="Fermetures temporaires.")
    verified: Verification = Field(description="Dernière vérification des informations.")
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]
    review_months: int = Field(
        6, ge=1, le=36, description="Tous les combien de mois vérifier les informations (6 par défaut)."
    )
