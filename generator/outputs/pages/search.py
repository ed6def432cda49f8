"""The search's data: ``/recherche/index.json``, read by ``overrides/assets/search.js``.

One small JSON file holds what the browser needs to answer a query by itself: the reading
rules and the phrases of the thesaurus (``generator.thesaurus``), and one short record per
thing worth finding: the needs pages, actors, their services, events, routes, communes and
places. Each record has its words (name, summary, keywords, a little of its description),
its tags (themes with the main one first, audiences, kind, need), the communes it serves
and, for what happens on dates, the next dates and the last one, so that the browser ranks
with its own "today". MiniSearch (vendored from npm) indexes the records in the browser,
read with the same rules as the query.

Why not Pagefind any more: see docs/search.md (every word had to match, no typo tolerance,
no way to give everyday words or rank by how many words matched).
"""

from __future__ import annotations

import re
from typing import Any

from ...thesaurus import search_rules, thesaurus
from .i18n import label, term
from .needs import NEEDS, need_actors
from .view import SiteView

VERSION = 1
DESCRIPTION_CHARS = 400  # enough for what a description adds to the summary; keeps the file small
UPCOMING_DATES = 4
# Circuit types → the themes their routes answer.
CIRCUIT_THEMES = {
    "grocery": ("alimentation",),
    "library": ("culture-loisirs", "transmission-savoirs"),
    "health": ("sante",),
    "social": ("aide-sociale", "acces-aux-droits"),
}
# Tag weights, in hundredths: a main theme counts more than a side one.
MAIN_THEME, SIDE_THEME, SERVICE_THEME, AUDIENCE, KIND, NEED = 100, 70, 60, 50, 30, 120
EVIDENCE, EVIDENCE_MAX, IMPLIED_THEME = 10, 40, 40

_MARKUP = re.compile(r"https?://\S+|[*_#>`\[\]()|]+")


def _plain(markdown_text: str, limit: int) -> str:
    words = " ".join(_MARKUP.sub(" ", markdown_text).split())
    return words[:limit].rsplit(" ", 1)[0] if len(words) > limit else words


class _Tags:
    """A record's weighted tags as ``[[tag index, weight], …]``. The thesaurus words its own
    text holds make its tags weigh more (a food bank whose summary says "colis", "repas" is
    more about food than an office that lists food among five themes), and a theme its text
    speaks of twice or more, though not one of its themes, is added with a low weight."""

    def __init__(self, tags: list[str]) -> None:
        self.index = {tag: i for i, tag in enumerate(tags)}
        self.book = thesaurus()

    def __call__(self, weighted: list[tuple[str, int]], text: str = "") -> list[list[int]]:
        counts = self.book.tag_counts(set(self.book.terms(text))) if text else {}
        out: dict[int, int] = {}
        for tag, weight in weighted:
            i = self.index.get(tag)
            if i is not None:
                out[i] = max(out.get(i, 0), weight + min(EVIDENCE_MAX, EVIDENCE * counts.get(tag, 0)))
        for tag, count in sorted(counts.items()):
            i = self.index.get(tag)
            if i is not None and i not in out and tag.startswith("t:") and count >= 2:
                out[i] = IMPLIED_THEME
        return [[i, w] for i, w in sorted(out.items())]


def _themes(themes: list[str], first: int = MAIN_THEME, rest: int = SIDE_THEME) -> list[tuple[str, int]]:
    return [(f"t:{t}", first if n == 0 else rest) for n, t in enumerate(themes)]


def _audiences(audiences: list[str] | tuple[str, ...]) -> list[tuple[str, int]]:
    return [(f"a:{a}", AUDIENCE) for a in audiences if a != "all"]


def _words(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def documents(view: SiteView) -> dict[str, Any]:
    """The search file's content (deterministic: the same data and today give the same bytes)."""
    lang = view.lang
    rules = search_rules()
    tags = _Tags(rules["tags"])
    all_communes = list(view.communes)
    docs: list[dict[str, Any]] = []

    def communes(found: list[str] | tuple[str, ...]) -> list[str] | int:
        return 0 if found and set(all_communes) <= set(found) else list(dict.fromkeys(found))

    for need in NEEDS:
        if not need_actors(view, need):
            continue
        weighted = [(f"n:{need.id}", NEED)] + _themes(list(need.themes), 40, 40)
        docs.append(
            {"u": view.url("need", need.id), "n": need.label(lang), "k": "need", "x": "", "g": tags(weighted), "c": 0}
        )
    for actor in view.actors:
        name = view.t(actor.name)
        served = communes(view.actor_communes(actor))
        own = _themes(list(actor.themes)) + _themes(
            [t for t in view.actor_themes(actor) if t not in actor.themes], SERVICE_THEME, SERVICE_THEME
        )
        weighted = own + _audiences(view.actor_audiences(actor)) + [(f"k:{actor.kind}", KIND)]
        text = _words(
            view.t(actor.summary),
            " ".join(actor.keywords),
            term("kind", actor.kind, lang),
            " ".join(view.t(s.name) for s in actor.services),
            " ".join(" ".join(s.keywords) for s in actor.services),
            _plain(view.t(actor.description), DESCRIPTION_CHARS) if actor.description else "",
        )
        docs.append(
            {
                "u": view.url("actor", actor.id),
                "n": name,
                "k": "actor",
                "x": text,
                "g": tags(weighted, f"{name} {text}"),
                "c": served,
            }
        )
        for number, service in enumerate(actor.services, start=1):
            themes = list(service.themes or actor.themes)
            weighted = _themes(themes) + _audiences(service.audiences or actor.audiences) + [(f"k:{actor.kind}", KIND)]
            text = _words(
                view.t(service.summary) if service.summary else "",
                " ".join(service.keywords),
                _plain(view.t(service.description), DESCRIPTION_CHARS // 2) if service.description else "",
            )
            docs.append(
                {
                    "u": f"{view.url('actor', actor.id)}#service-{number}",
                    "n": view.t(service.name),
                    "p": name,
                    "k": "service",
                    "x": text,
                    "g": tags(weighted, f"{view.t(service.name)} {text}"),
                    "c": served,
                }
            )
    for event in sorted(view.dataset.events.values(), key=lambda e: e.id):
        items = view.event_items(event, upcoming_only=False)
        upcoming = [i for i in items if i.day >= view.today and i.status != "cancelled"]
        venue = view.event_venue(event)
        where = sorted({c for i in items for c in i.communes} or ({venue.commune} if venue else set()))
        organizers = [view.t(view.dataset.actors[o].name) for o in event.organizers if o in view.dataset.actors]
        weighted = _themes(list(event.themes), 80, 60) + _audiences(event.audiences)
        doc: dict[str, Any] = {
            "u": view.url("event", event.id),
            "n": view.t(event.title),
            "k": "event",
            "x": _words(
                view.t(event.summary),
                " ".join(event.keywords),
                term("event-type", event.type, lang),
                venue.name if venue else "",
                view.village_name(venue.village) if venue else "",
                _plain(view.t(event.description), DESCRIPTION_CHARS // 2) if event.description else "",
            ),
            "p": ", ".join(organizers),
            "g": tags(weighted),
            "c": communes(where),
            "d": [i.day.isoformat() for i in upcoming[:UPCOMING_DATES]],
            "e": items[-1].day.isoformat() if items else "",
        }
        doc["g"] = tags(weighted, f"{doc['n']} {doc['x']}")
        if event.status != "scheduled":
            doc["s"] = str(event.status)
        docs.append(doc)
    for circuit in sorted(view.dataset.circuits.values(), key=lambda c: c.id):
        runs = view.circuit_runs(circuit, upcoming_only=False)
        upcoming = [r for r in runs if r.day >= view.today and r.status != "cancelled"]
        villages = list(dict.fromkeys(view.village_name(s.village) for s in circuit.stops))
        where = list(dict.fromkeys(view.villages[s.village][1] for s in circuit.stops if s.village in view.villages))
        operator = view.dataset.actors.get(circuit.operator)
        weighted = _themes(list(CIRCUIT_THEMES.get(str(circuit.type), ())), 90, 70) + _audiences(circuit.audiences)
        route: dict[str, Any] = {
            "u": view.url("route", circuit.id),
            "n": view.t(circuit.name),
            "k": "route",
            "x": _words(
                view.t(circuit.summary),
                " ".join(circuit.keywords),
                term("circuit-type", circuit.type, lang),
                " ".join(villages),
            ),
            "p": view.t(operator.name) if operator else "",
            "g": tags(weighted),
            "c": communes(where),
            "d": [r.day.isoformat() for r in upcoming[:UPCOMING_DATES]],
            "e": runs[-1].day.isoformat() if runs else "",
        }
        route["g"] = tags(weighted, f"{route['n']} {route['x']}")
        docs.append(route)
    for commune in view.territory.communes:
        docs.append(
            {
                "u": view.url("commune", commune.id),
                "n": view.t(commune.name),
                "k": "commune",
                "x": _words(" ".join(view.t(v.name) for v in commune.villages), " ".join(commune.postcodes)),
                "g": [],
                "c": [commune.id],
            }
        )
    for place in sorted(view.dataset.places.values(), key=lambda p: p.id):
        docs.append(
            {
                "u": view.url("place", place.id),
                "n": view.t(place.name),
                "k": "place",
                "x": _words(place.address, view.village_name(place.village), " ".join(place.keywords)),
                "g": [],
                "c": [place.commune],
            }
        )
    return {
        "v": VERSION,
        "lang": lang,
        "today": view.today.isoformat(),
        "rules": rules,
        "needs": {need.id: need.label(lang) for need in NEEDS if need_actors(view, need)},
        "needThemes": {need.id: list(need.themes) for need in NEEDS},
        "kinds": {
            kind: label(f"type_{kind}", lang)
            for kind in ("actor", "service", "event", "route", "commune", "place", "need")
        },
        "communes": {c.id: view.t(c.name) for c in view.territory.communes},
        "docs": docs,
    }
