"""The open data of CONTRACT.md §3, written into the built site under ``donnees/``.

Three shapes of the same Dataset and schedule: the data's own (``native``: actors,
services, places, events and the occurrences of the schedule's window, in JSON and CSV,
with the JSON Schemas of the data files under ``schema/``), Open Referral HSDS 3.0
(``hsds``: organizations, services, locations) and data·inclusion v1 (``inclusion``:
structures, services), plus the search's thesaurus of everyday words. The file formats — sorted JSON, CSV with a BOM and neutralised
formulas — live in ``files``. Nothing reads the clock: the same data and "today" give the
same bytes.
"""

from __future__ import annotations

from pathlib import Path

from ...schemas import schema_texts
from ...thesaurus import thesaurus
from .. import RenderContext
from .files import csv_bytes, json_bytes
from .hsds import Hsds
from .inclusion import Inclusion
from .native import Native

FOLDER = "donnees"


def thesaurus_json() -> dict[str, object]:
    """The everyday words of every theme, audience, actor kind and need, by language: the
    search's thesaurus (``generator/models/thesaurus.yaml``), for other tools to reuse."""
    return {
        group: {value: dict(by_lang) for value, by_lang in values.items()}
        for group, values in thesaurus().words.items()
    }


def render_exports(context: RenderContext) -> dict[str, bytes]:
    """Path under the site root → the file's bytes, for every open-data file."""
    native, hsds, inclusion = Native(context), Hsds(context), Inclusion(context)
    files = {
        "acteurs.json": json_bytes(native.actors_json()),
        "acteurs.csv": csv_bytes(native.ACTOR_COLUMNS, native.actor_rows()),
        "services.json": json_bytes(native.services_json()),
        "services.csv": csv_bytes(native.SERVICE_COLUMNS, native.service_rows()),
        "lieux.json": json_bytes(native.places_json()),
        "lieux.csv": csv_bytes(native.PLACE_COLUMNS, native.place_rows()),
        "evenements.json": json_bytes(native.events_json()),
        "evenements.csv": csv_bytes(native.EVENT_COLUMNS, native.event_rows()),
        "occurrences.json": json_bytes(native.occurrences_json()),
        "occurrences.csv": csv_bytes(native.OCCURRENCE_COLUMNS, native.occurrence_rows()),
        "hsds/organizations.json": json_bytes(hsds.organizations()),
        "hsds/services.json": json_bytes(hsds.services()),
        "hsds/locations.json": json_bytes(hsds.locations()),
        "data-inclusion/structures.json": json_bytes(inclusion.structures()),
        "data-inclusion/services.json": json_bytes(inclusion.services()),
        "thesaurus.json": json_bytes(thesaurus_json()),
    }
    files.update({f"schema/{name}": text.encode("utf-8") for name, text in schema_texts().items()})
    return {f"{FOLDER}/{path}": content for path, content in sorted(files.items())}


def write_exports(context: RenderContext, site_dir: Path) -> None:
    for path, content in render_exports(context).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
