"""An event or event series of the agenda."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Model
from .common import Contact, InlineLocation
from .series import Cancellation, Rule, Skips
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Date,
    Email,
    End,
    I18nMarkdown,
    I18nSummary,
    I18nText,
    Id,
    Keywords,
    LocalDateTime,
    LongText,
    Phone,
    PublicContacts,
    Start,
    Text,
    Url,
    keywords_field,
    unique_list,
    vocabulary,
)


class Change(Model):
    """One occurrence moved or altered: `date` names the original one."""

    date: Date = Field(description="Date d'origine de l'occurrence modifiée `AAAA-MM-JJ`.")
    start: LocalDateTime | None = Field(None, description="Nouveau début `AAAA-MM-JJ HH:MM`.")
    end: End | None = Field(None, description="Nouvelle fin : une heure `HH:MM` ou `AAAA-MM-JJ HH:MM`.")
    place: Id | None = Field(None, description="Nouveau lieu (identifiant d'un lieu).")
    location: InlineLocation | None = Field(None, description="Nouveau lieu écrit en entier.")
    note: LongText | None = Field(None, description="Ce qu'il faut savoir, montré au public : « Déplacé ».")


class Registration(Model):
    """Whether and how to register."""

    required: bool = Field(True, description="L'inscription est-elle obligatoire ? `true` ou `false`.")
    phone: Phone | None = Field(None, description="Téléphone pour s'inscrire.")
    email: Email | None = Field(None, description="E-mail pour s'inscrire.")
    url: Url | None = Field(None, description="Page d'inscription en ligne.")
    deadline: Date | None = Field(None, description="Date limite d'inscription `AAAA-MM-JJ`.")


class AgeBands(Model):
    """Participants of one occurrence by age band, where the organisers know it."""

    children: int | None = Field(None, alias="0-11", ge=0, le=100_000, description="Enfants de 0 à 11 ans.")
    teenagers: int | None = Field(None, alias="12-17", ge=0, le=100_000, description="Jeunes de 12 à 17 ans.")
    young_adults: int | None = Field(
        None, alias="18-25", ge=0, le=100_000, description="Jeunes adultes de 18 à 25 ans."
    )
    adults: int | None = Field(None, alias="26-64", ge=0, le=100_000, description="Adultes de 26 à 64 ans.")
    seniors: int | None = Field(None, alias="65+", ge=0, le=100_000, description="Personnes de 65 ans et plus.")


class Attendance(Model):
    """Who came to one occurrence, as the organisers counted it; only the date is required."""

    date: Date = Field(
        description="Date de l'occurrence `AAAA-MM-JJ` (une date de la série ; pour une occurrence déplacée, "
        "sa date d'origine ou sa nouvelle date)."
    )
    count: int | None = Field(None, ge=0, le=100_000, description="Nombre de participants, facultatif.")
    ages: AgeBands | None = Field(
        None, description="Participants par tranche d'âge : `0-11`, `12-17`, `18-25`, `26-64`, `65+`, facultatif."
    )
    communes: dict[Id, Annotated[int, Field(ge=0, le=100_000)]] | None = Field(
        None, description="Participants par commune d'habitation : `{ciney: 12, hamois: 3}`, facultatif."
    )
    actors: unique_list(Id) = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Pour une réunion de coordination : les acteurs présents (identifiants d'acteurs).",
    )


class Event(Model):
    """An event or series of the agenda: read from `data/events/<id>.yaml`."""

    id: Id = Field(description="Identifiant, identique au nom du fichier : `cafe-parents-havelange`.")
    title: I18nText = Field(description="Titre : « Café parents ».")
    type: vocabulary("event-type") = Field(description="Type d'événement (voir la liste).")  # type: ignore[valid-type]
    organizers: unique_list(Id, min_length=1) = Field(  # type: ignore[valid-type]
        description="Acteurs organisateurs (identifiants d'acteurs), au moins un."
    )
    audiences: unique_list(vocabulary("audience"), min_length=1) = Field(  # type: ignore[valid-type]
        description="Publics ; `all` (tout public) s'écrit seul."
    )
    themes: unique_list(vocabulary("theme")) = Field(  # type: ignore[valid-type]
        default_factory=list, description="Thèmes, facultatif."
    )
    summary: I18nSummary = Field(description="L'événement en une phrase, 200 caractères au plus.")
    description: I18nMarkdown | None = Field(None, description="Description détaillée en Markdown.")
    place: Id | None = Field(None, description="Lieu (identifiant d'un fichier de `places/`) ; ou bien `location`.")
    location: InlineLocation | None = Field(None, description="Lieu écrit en entier ; ou bien `place`.")
    start: Start = Field(
        description="Première occurrence : `AAAA-MM-JJ HH:MM`, ou une date seule pour un événement d'une journée entière."
    )
    end: End | None = Field(
        None,
        description="Fin : une heure `HH:MM` (même jour), `AAAA-MM-JJ HH:MM`, ou pour une journée entière "
        "le dernier jour `AAAA-MM-JJ` (inclus).",
    )
    repeat: Rule | None = Field(
        None,
        description="Règle de répétition RFC 5545, par exemple `FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630` "
        "(le 2e mardi du mois jusqu'au 30 juin 2027).",
    )
    skip: Skips = Field(default_factory=list)
    cancelled: list[Cancellation] = Field(
        default_factory=list, description="Occurrences annoncées comme annulées, avec leur raison."
    )
    changed: list[Change] = Field(default_factory=list, description="Occurrences déplacées ou modifiées.")
    status: vocabulary("status") = Field(  # type: ignore[valid-type]
        "scheduled", description="Statut de toute la série : `scheduled`, `cancelled` ou `postponed`."
    )
    cost: vocabulary("cost") = Field("free", description="Coût : `free`, `paid` ou `mixed`.")  # type: ignore[valid-type]
    cost_note: LongText | None = Field(None, description="Précision sur le coût ; obligatoire s'il n'est pas `free`.")
    registration: Registration | None = Field(None, description="Inscription, facultatif.")
    wheelchair: vocabulary("wheelchair") | None = Field(  # type: ignore[valid-type]
        None, description="Accès en fauteuil roulant ; à défaut, celui du lieu."
    )
    contact: Contact | None = Field(None, description="Contact pour l'événement, facultatif.")
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    languages: unique_list(vocabulary("language")) = Field(  # type: ignore[valid-type]
        default_factory=list, description="Langues de l'événement, si ce n'est pas seulement la langue du territoire."
    )
    source: Text | None = Field(
        None,
        description="Identifiant (UID) de l'événement dans l'agenda d'où il est importé : "
        "un nouvel import met ce fichier à jour. Ne pas modifier.",
    )
    keywords: Keywords = keywords_field()  # type: ignore[valid-type]
    attendance: list[Attendance] = Field(
        default_factory=list,
        description="Participation, facultative : pour chaque occurrence passée, le nombre de participants "
        "et, si on les connaît, leurs tranches d'âge, leurs communes et (réunions) les acteurs présents.",
    )
