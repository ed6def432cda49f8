"""The data model: one pydantic model per data file kind, pure (no YAML, no output)."""

from __future__ import annotations

from .actor import Access, Actor, Closure, Location, Service, Verification
from .base import Model
from .circuit import Circuit, Stop
from .common import Contact, InlineLocation
from .event import Change, Event, Registration
from .notice import Notice
from .place import Place
from .series import Cancellation
from .territory import Commune, Helpline, Territory, Village

__all__ = [
    "Access",
    "Actor",
    "Cancellation",
    "Change",
    "Circuit",
    "Closure",
    "Commune",
    "Contact",
    "Event",
    "Helpline",
    "InlineLocation",
    "Location",
    "Model",
    "Notice",
    "Place",
    "Registration",
    "Service",
    "Stop",
    "Territory",
    "Verification",
    "Village",
]

# File kinds: the folder under data/, the model, the JSON Schema name.
KINDS: dict[str, type[Model]] = {
    "actors": Actor,
    "places": Place,
    "events": Event,
    "circuits": Circuit,
    "notices": Notice,
}
SCHEMA_NAMES: dict[str, type[Model]] = {
    "territory": Territory,
    "actor": Actor,
    "place": Place,
    "event": Event,
    "circuit": Circuit,
    "notice": Notice,
}
