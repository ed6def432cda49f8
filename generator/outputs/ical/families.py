"""The feed families of CONTRACT.md §3: which entries go into which file, and its name.

Membership is decided per series (a moved occurrence stays in its series' feeds, since its
override must sit beside its master):

- ``tout``: every entry.
- ``commune/<id>``: events whose place (or inline location) is in the commune, and circuit
  stops in its villages. ``village/<id>``: the same, by village (an event whose place names
  no village is in its commune's feed only).
- ``type/<value>``: events of that event type and stops of routes of that circuit type.
  The two vocabularies share values (``other``): such a file holds both. Every series has
  exactly one type, so the type feeds together hold exactly what ``tout`` holds.
- ``public/<audience>``: the series that name that audience. A series for ``all`` (tout
  public) is in ``public/all.ics`` only, not in every audience's feed: an audience feed is
  what is aimed at those people, ``tout.ics`` is everything.
- ``acteur/<id>``: events it organizes (any of the organizers) and stops of routes it runs.
- ``tournee/<id>``: every stop of the route. ``evenement/<id>``: the one event series.

Every commune, village, actor, vocabulary value, route and event has its file, even empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...loading import Dataset
from ...models.types import text_in
from ...models.vocabularies import AUDIENCES, CIRCUIT_TYPES, EVENT_TYPES
from .entries import Entry

FOLDER = "calendriers"

_WORDS = {
    "fr": {
        "tout": "tout l'agenda",
        "tout-desc": "Tous les événements et tous les passages des tournées",
        "desc": "Événements et passages des tournées",
        "commune": "Commune de {}",
        "village": "{}",
        "type": "{}",
        "public": "Public : {}",
        "acteur": "{}",
        "tournee": "{}",
        "evenement": "{}",
        "refresh": "Mis à jour toutes les 12 heures.",
    },
    "en": {
        "tout": "the whole agenda",
        "tout-desc": "Every event and every stop of the routes",
        "desc": "Events and route stops",
        "commune": "Municipality of {}",
        "village": "{}",
        "type": "{}",
        "public": "Audience: {}",
        "acteur": "{}",
        "tournee": "{}",
        "evenement": "{}",
        "refresh": "Updated every 12 hours.",
    },
}


@dataclass(frozen=True)
class Feed:
    """One file to write: where, what it is called, which series it holds (by UID)."""

    path: str  # under the site root: "calendriers/commune/ciney.ics"
    name: str
    description: str
    uids: tuple[str, ...]


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def paths_of(entry: Entry) -> list[str]:
    """The feeds (paths without folder and suffix) that hold ``entry``."""
    series = entry.series
    paths = ["tout", f"type/{entry.type}"]
    paths += [f"commune/{c}" for c in sorted(entry.communes)]
    paths += [f"village/{v}" for v in sorted(entry.villages)]
    paths += [f"public/{a}" for a in entry.audiences]
    paths += [f"acteur/{a}" for a in entry.actors]
    paths.append(f"{'evenement' if series.kind == 'event' else 'tournee'}/{series.source_id}")
    return paths


def families(dataset: Dataset, entries: list[Entry]) -> list[Feed]:
    """Every feed of every family, sorted by path; each holds UIDs in sorted order."""
    territory = dataset.territory
    assert territory is not None
    lang = territory.default_language
    words = _WORDS.get(lang, _WORDS["fr"])
    title = text_in(territory.name, lang, lang)

    def name(value: str | dict[str, str]) -> str:
        return text_in(value, lang, lang)

    labels: dict[str, str] = {"tout": words["tout"]}
    for commune in territory.communes:
        labels[f"commune/{commune.id}"] = words["commune"].format(name(commune.name))
        for village in commune.villages:
            labels[f"village/{village.id}"] = words["village"].format(name(village.name))
    for value in sorted(set(EVENT_TYPES) | set(CIRCUIT_TYPES)):
        terms = [t.label(lang) for t in (EVENT_TYPES.get(value), CIRCUIT_TYPES.get(value)) if t is not None]
        labels[f"type/{value}"] = words["type"].format(_capital(" / ".join(dict.fromkeys(terms))))
    for value, term in AUDIENCES.items():
        labels[f"public/{value}"] = words["public"].format(term.label(lang))
    for actor_id, actor in dataset.actors.items():
        labels[f"acteur/{actor_id}"] = words["acteur"].format(name(actor.name))
    for circuit_id, circuit in dataset.circuits.items():
        labels[f"tournee/{circuit_id}"] = words["tournee"].format(name(circuit.name))
    for event_id, event in dataset.events.items():
        labels[f"evenement/{event_id}"] = words["evenement"].format(name(event.title))

    members: dict[str, list[str]] = {path: [] for path in labels}
    for entry in entries:
        for path in paths_of(entry):
            if path in members:  # references are checked before any build; never drop silently
                members[path].append(entry.uid)
    out = []
    for path, label in labels.items():
        about = f"{words['tout-desc']} – {title}." if path == "tout" else f"{words['desc']} – {label}."
        out.append(
            Feed(
                f"{FOLDER}/{path}.ics",
                f"{title} – {label}",
                f"{about} {words['refresh']}",
                tuple(sorted(members[path])),
            )
        )
    return sorted(out, key=lambda f: f.path)
