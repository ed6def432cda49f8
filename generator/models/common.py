"""Pieces several data files share: contact, opening hours, inline location."""

from __future__ import annotations

import re
from typing import Annotated, Any

import opening_hours
from pydantic import BeforeValidator, Field, WithJsonSchema

from .base import Model
from .types import Email, Geo, Id, Phone, Text, Url, fail, vocabulary


def _check_hours(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail("hours_type")
    text = " ".join(value.split())
    if len(text) > 500:
        raise fail("text_too_long", length=len(text), limit=500)
    try:
        opening_hours.OpeningHours(text)
    except Exception as exc:  # the parser's own error type; its text says where it stopped
        match = re.search(r"--> \d+:(\d+)", str(exc))
        column = int(match.group(1)) if match else 1
        raise fail("hours_format", value=text[:80], rest=text[column - 1 : column + 19], column=column) from None
    return text


OpeningHours = Annotated[
    str,
    BeforeValidator(_check_hours),
    WithJsonSchema(
        {
            "type": "string",
            "examples": ["Mo-Fr 08:30-12:00; Tu 13:30-16:00; PH off"],
            "description": "Horaires au format OpenStreetMap opening_hours",
        }
    ),
]


class Contact(Model):
    """How to reach someone: at least one of phone, e-mail or website."""

    phone: Phone | None = Field(
        None, description="Numéro de téléphone tel qu'on l'écrit : `083 21 00 00` ou `+32 83 21 00 00`."
    )
    email: Email | None = Field(None, description="Adresse e-mail, par exemple `accueil@exemple.be`.")
    website: Url | None = Field(None, description="Site web, adresse complète commençant par `https://`.")


class InlineLocation(Model):
    """A venue written directly in an event, for a place used only once."""

    name: Text | None = Field(None, description="Nom du lieu, par exemple « Salle du village ».")
    address: Text | None = Field(None, description="Adresse postale : rue, numéro, code postal, localité.")
    commune: Id = Field(description="Identifiant de la commune (voir `territory.yaml`).")
    village: Id | None = Field(None, description="Identifiant du village ou de la section (voir `territory.yaml`).")
    geo: Geo | None = Field(None, description="Position `[latitude, longitude]` en degrés décimaux.")
    wheelchair: vocabulary("wheelchair") = Field(  # type: ignore[valid-type]
        "unknown", description="Accès en fauteuil roulant : `yes`, `no`, `limited` ou `unknown`."
    )
