"""The demo territory holds what issue 2 asks of it: the four communes, at least 60 actors of
every kind and most themes, at least 30 event series of every type with skipped, cancelled
and moved occurrences, grocery vans stopping in 25 villages or more, a Plan Grand Froid
notice, and fictitious contacts only."""

from __future__ import annotations

import re
from datetime import date

from conftest import DEMO, TODAY

from generator.models.vocabularies import VOCABULARIES
from generator.validate import validate

DATASET = validate(DEMO, today=date.fromisoformat(TODAY)).dataset


def test_the_four_communes_of_the_project() -> None:
    assert DATASET.territory is not None
    assert [c.id for c in DATASET.territory.communes] == ["ciney", "hamois", "havelange", "somme-leuze"]


def test_actors_of_every_kind_and_most_themes() -> None:
    actors = DATASET.actors.values()
    assert len(DATASET.actors) >= 60
    assert {a.kind for a in actors} == set(VOCABULARIES["kind"])
    assert len({t for a in actors for t in a.themes}) >= 0.8 * len(VOCABULARIES["theme"])


def test_event_series_of_every_type_with_exceptions() -> None:
    events = DATASET.events.values()
    assert len(DATASET.events) >= 30
    assert {e.type for e in events} == set(VOCABULARIES["event-type"])
    assert any(e.skip for e in events) and any(e.cancelled for e in events) and any(e.changed for e in events)


def test_grocery_vans_stop_in_25_villages_or_more_and_a_cold_plan_is_announced() -> None:
    grocery = [c for c in DATASET.circuits.values() if c.type == "grocery"]
    assert len(grocery) >= 2
    assert len({s.village for c in grocery for s in c.stops}) >= 25
    assert any("grand froid" in str(n.title).lower() for n in DATASET.notices.values())


def test_contacts_are_fictitious() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DEMO.rglob("*.yaml")))
    domains = set(re.findall(r"[\w.-]+@([\w-]+(?:\.[\w-]+)+)", text))
    domains |= set(re.findall(r"https://([\w.-]+)", text))
    assert domains and all(d.endswith(".example") for d in domains), sorted(
        d for d in domains if not d.endswith(".example")
    )
