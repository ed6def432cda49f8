"""ICAL.md 18 and CONTRACT.md §3: every feed family exists, one file per commune, village,
actor, type value, audience value, route and event, even empty; each holds the series the
rules of docs/feeds.md give it; the type feeds together hold exactly what tout.ics holds.
"""

from __future__ import annotations

from collections import Counter

import pytest
from feeds_support import FEED_TERRITORIES, feeds_of, load, parse

from generator.models.vocabularies import AUDIENCES, CIRCUIT_TYPES, EVENT_TYPES
from generator.outputs.feeds import feed_list


def uids(content: bytes) -> set[str]:
    return {str(e["UID"]).split("@")[0] for e in parse(content).walk("VEVENT")}


def held(feeds: dict[str, bytes], path: str) -> set[str]:
    return uids(feeds[f"calendriers/{path}.ics"])


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_every_family_has_a_file_for_every_member(territory: str) -> None:
    context = load(territory)
    dataset = context.dataset
    wanted = {"calendriers/tout.ics"}
    for commune in context.territory.communes:
        wanted.add(f"calendriers/commune/{commune.id}.ics")
        wanted.update(f"calendriers/village/{v.id}.ics" for v in commune.villages)
    wanted.update(f"calendriers/type/{t}.ics" for t in set(EVENT_TYPES) | set(CIRCUIT_TYPES))
    wanted.update(f"calendriers/public/{a}.ics" for a in AUDIENCES)
    wanted.update(f"calendriers/acteur/{a}.ics" for a in dataset.actors)
    wanted.update(f"calendriers/tournee/{c}.ics" for c in dataset.circuits)
    wanted.update(f"calendriers/evenement/{e}.ics" for e in dataset.events)
    assert set(feeds_of(context)) == wanted


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_type_feeds_together_hold_exactly_what_tout_holds(territory: str) -> None:
    feeds = feeds_of(load(territory))
    by_type: Counter[str] = Counter()
    for path, content in feeds.items():
        if path.startswith("calendriers/type/"):
            by_type.update(uids(content))
    assert by_type == Counter(uids(feeds["calendriers/tout.ics"]))


@pytest.mark.parametrize("territory", FEED_TERRITORIES)
def test_each_file_holds_the_series_its_list_says(territory: str) -> None:
    context = load(territory)
    feeds = feeds_of(context)
    for feed in feed_list(context):
        assert {u.split("@")[0] for u in feed.uids} == uids(feeds[feed.path]), feed.path


def test_membership_rules_on_the_recurrences_territory() -> None:
    feeds = feeds_of(load("recurrences"))
    epicerie = {f"tournee-epicerie-mardi-{s}" for s in ("achene-matin", "leignon", "natoye", "achene-soir")}
    # Commune: events placed there (a place or an inline location) and the stops in its villages.
    ciney = held(feeds, "commune/ciney")
    assert {"evenement-cafe-parents", "evenement-repas-dernier-jeudi", "evenement-fete-village"} <= ciney
    assert {"tournee-epicerie-mardi-achene-matin", "tournee-epicerie-mardi-leignon", "tournee-bibliobus-ciney"} <= ciney
    assert "evenement-permanence-jeudi" not in ciney and "tournee-epicerie-mardi-natoye" not in ciney
    # Village: the same by village; a route that stops twice in Achêne is there twice.
    assert held(feeds, "village/achene") == {
        "evenement-cafe-parents",
        "evenement-fete-village",
        "evenement-marche-dimanche",
        "evenement-stage-samedis",
        "evenement-conference-annulee",
        "evenement-atelier-unique-deplace",
        "evenement-marche-printemps",
        "tournee-epicerie-mardi-achene-matin",
        "tournee-epicerie-mardi-achene-soir",
    }
    # A moved occurrence stays with its series: the January café moved to Natoye is not there.
    assert "evenement-cafe-parents" not in held(feeds, "village/natoye")
    # Type: event types and circuit types; `other`, in both vocabularies, holds both kinds.
    assert held(feeds, "type/grocery") == epicerie
    assert held(feeds, "type/library") == {"tournee-bibliobus-ciney", "tournee-bibliobus-hamois"}
    assert held(feeds, "type/other") == {"evenement-texte-hostile", "tournee-navette-marche-leignon"}
    # Audience: only the series that name it; `all` ones are in public/all only.
    assert held(feeds, "public/seniors") == {
        "tournee-navette-marche-leignon",
        "evenement-marche-dimanche",
        "evenement-gym-lundi-soir",
        "evenement-stage-samedis",
        "evenement-marche-printemps",
    }
    assert "evenement-permanence-jeudi" in held(feeds, "public/all")
    assert epicerie <= held(feeds, "public/all")
    assert held(feeds, "public/children") == {"tournee-bibliobus-ciney", "tournee-bibliobus-hamois"}
    # Actor: events it organizes (any organizer) and the stops of the routes it runs.
    assert "evenement-cafe-parents" in held(feeds, "acteur/cpas-ciney")
    assert "evenement-cafe-parents" in held(feeds, "acteur/pcs-hamois")
    assert held(feeds, "acteur/epicerie-solidaire") == epicerie
    assert {"tournee-bibliobus-ciney", "tournee-bibliobus-hamois"} <= held(feeds, "acteur/cpas-ciney")
    # Route and event.
    assert held(feeds, "tournee/epicerie-mardi") == epicerie
    assert held(feeds, "evenement/cafe-parents") == {"evenement-cafe-parents"}
    assert held(feeds, "commune/ohey") == set()
