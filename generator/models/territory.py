"""The territory: its communes, their villages, its timezone, languages and helpline."""

from __future__ import annotations

from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field

from .base import Model
from .common import OpeningHours
from .types import (
    PUBLIC_CONTACTS_DESCRIPTION,
    Geo,
    I18nText,
    Id,
    Phone,
    PublicContacts,
    ShortText,
    Url,
    fail,
    unique_list,
    vocabulary,
)


def _check_timezone(value: Any) -> str:
    if not isinstance(value, str) or "/" not in value or ".." in value or value.startswith("/"):
        raise fail("timezone", value=str(value)[:60])
    try:
        ZoneInfo(value)
    except Exception:  # ZoneInfoNotFoundError, or ValueError for odd keys
        raise fail("timezone", value=value[:60]) from None
    return value


def _check_country(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 2 or not value.isalpha() or not value.isupper():
        raise fail("country", value=str(value)[:20])
    return value


def _check_site_language(value: Any) -> str:
    from .vocabularies import SITE_LANGUAGES

    if value not in SITE_LANGUAGES:
        raise fail("site_language", value=str(value)[:20], known=", ".join(SITE_LANGUAGES))
    return str(value)


Timezone = Annotated[str, BeforeValidator(_check_timezone)]
Country = Annotated[str, BeforeValidator(_check_country)]
SiteLanguage = Annotated[str, BeforeValidator(_check_site_language)]


class Village(Model):
    """A village, hamlet or section of a commune: where stops and events take place."""

    id: Id = Field(description="Identifiant unique dans tout le territoire, par exemple `achene`.")
    name: I18nText = Field(description="Nom du village, avec ses accents : « Achêne ».")
    geo: Geo = Field(description="Position du centre du village `[latitude, longitude]`.")


class Commune(Model):
    """A commune (municipality) of the territory, with its villages."""

    id: Id = Field(description="Identifiant de la commune, par exemple `ciney`.")
    name: I18nText = Field(description="Nom officiel de la commune.")
    code: ShortText = Field(description="Code officiel : INS/NIS en Belgique, INSEE en France (entre guillemets).")
    postcodes: unique_list(ShortText, min_length=1) = Field(  # type: ignore[valid-type]
        description="Codes postaux de la commune."
    )
    geo: Geo = Field(description="Position du centre de la commune `[latitude, longitude]`.")
    villages: list[Village] = Field(default_factory=list, description="Villages, hameaux et sections de la commune.")


class Helpline(Model):
    """The territory's single information line (guichet unique)."""

    label: ShortText = Field(description="Nom de la ligne, par exemple « Info sociale ».")
    phone: Phone = Field(description="Numéro de la ligne.")
    hours: OpeningHours | None = Field(
        None, description="Heures où l'on répond, au format OpenStreetMap : `Mo-Fr 09:00-16:00`."
    )


class CalendarSource(Model):
    """A partner's own calendar, re-imported by CI (`python -m generator import ics`)."""

    url: Url = Field(description="Adresse de l'agenda au format iCalendar, `https://…/agenda.ics`.")
    organizer: Id = Field(description="Acteur organisateur des événements de cet agenda (identifiant d'acteur).")
    type: vocabulary("event-type") = Field(  # type: ignore[valid-type]
        "other", description="Type donné aux événements importés (voir la liste), `other` par défaut."
    )


class Territory(Model):
    """The territory the site publishes: read from `data/territory.yaml`."""

    name: I18nText = Field(description="Nom du territoire, affiché en tête du site.")
    timezone: Timezone = Field(
        "Europe/Brussels", description="Fuseau horaire IANA, par exemple `Europe/Brussels` ou `Europe/Paris`."
    )
    country: Country = Field(
        description="Pays (code ISO 3166-1 à deux lettres, `BE` ou `FR`) : numéros de téléphone, jours fériés."
    )
    languages: unique_list(SiteLanguage, min_length=1) = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["fr"],
        description="Langues du site ; la première est la langue par défaut.",
    )
    helpline: Helpline | None = Field(None, description="Ligne d'information unique, facultative.")
    calendars: list[CalendarSource] = Field(
        default_factory=list,
        description="Agendas des partenaires, réimportés chaque jour : `{url: https://…/agenda.ics, organizer: cercle-wallon}`.",
    )
    public_contacts: PublicContacts = Field(default_factory=list, description=PUBLIC_CONTACTS_DESCRIPTION)
    communes: list[Commune] = Field(min_length=1, description="Les communes du territoire.")

    @property
    def default_language(self) -> str:
        return str(self.languages[0])
