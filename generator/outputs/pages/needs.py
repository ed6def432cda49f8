"""Entry points by need ("manger", "se loger", "parler à quelqu'un"…) rather than by
organisation: each need gathers some themes (and sometimes an audience) of the vocabulary,
and gets a page at ``/besoins/<id>/`` with the actors and the coming activities for it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from weakref import WeakKeyDictionary

from ...models import Actor
from ...thesaurus import thesaurus
from .actors import actor_card
from .blocks import agenda_days, audience_feeds, section
from .html import esc, text
from .i18n import label
from .page import Links, Page
from .view import AgendaItem, SiteView

NEED_DAYS = 28


@dataclass(frozen=True)
class Need:
    """One need: its id (URL), its words, the themes and audiences that answer it."""

    id: str
    words: dict[str, str]
    themes: tuple[str, ...]
    audiences: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.words.get(lang) or self.words["en"]


NEEDS = (
    Need("manger", {"fr": "Manger", "en": "Food"}, ("alimentation",)),
    Need("se-loger", {"fr": "Se loger", "en": "Housing"}, ("logement", "sans-abrisme")),
    Need(
        "parler",
        {"fr": "Parler à quelqu'un", "en": "Someone to talk to"},
        ("sante-mentale", "lien-social", "violences"),
    ),
    Need("argent", {"fr": "Argent, dettes, aides", "en": "Money, debts, benefits"}, ("aide-sociale", "budget-dettes")),
    Need("energie", {"fr": "Se chauffer, énergie", "en": "Heating, energy"}, ("energie",)),
    Need("sante", {"fr": "Se soigner", "en": "Health care"}, ("sante", "assuetudes")),
    Need("se-deplacer", {"fr": "Se déplacer", "en": "Getting around"}, ("mobilite",)),
    Need("emploi", {"fr": "Emploi, formation", "en": "Work, training"}, ("emploi", "formation")),
    Need("droits", {"fr": "Droits et papiers", "en": "Rights and paperwork"}, ("acces-aux-droits", "migration")),
    Need("famille", {"fr": "Enfants et familles", "en": "Children and families"}, ("parentalite", "petite-enfance")),
    Need("jeunes", {"fr": "Jeunes", "en": "Young people"}, ("jeunesse",)),
    Need("aines", {"fr": "Aînés", "en": "Seniors"}, (), ("seniors", "carers")),
    Need("handicap", {"fr": "Handicap", "en": "Disability"}, ("handicap",), ("disabled",)),
    Need("numerique", {"fr": "Ordinateur, internet", "en": "Computers, internet"}, ("numerique",)),
    Need(
        "sortir",
        {"fr": "Sortir, rencontrer", "en": "Going out, meeting people"},
        ("culture-loisirs", "sport", "lien-social"),
    ),
    Need("aider", {"fr": "Donner un coup de main", "en": "Lending a hand"}, ("benevolat",), ("volunteers",)),
)


def need_actors(view: SiteView, need: Need) -> list[Actor]:
    """The actors that answer the need, most relevant first (see :func:`ranked`)."""
    return [actor for actor, _ in ranked(view, need)]


def _relevance(view: SiteView, need: Need, actor: Actor) -> tuple[int, int, float] | None:
    """(tier, rank of the need's theme, specificity) or None when the actor does not answer.

    Tier 3: one of the need's themes is the actor's main theme, or the first theme of one of
    its services (a service made for it); 2: a side theme of the actor; 1: only a service's
    side theme or an audience. Among equals, the need's first theme before its others, then
    the specific before the general office (fewer themes), and the actor whose own words
    speak of the need (thesaurus)."""
    best: tuple[int, int] | None = None
    for rank, theme in enumerate(need.themes):
        tier = 0
        if actor.themes[0] == theme or any((s.themes or [None])[0] == theme for s in actor.services):
            tier = 3
        elif theme in actor.themes:
            tier = 2
        elif theme in view.actor_themes(actor):
            tier = 1
        if tier and (best is None or (tier, -rank) > (best[0], -best[1])):
            best = (tier, rank)
    if best is None and set(need.audiences) & set(view.actor_audiences(actor)):
        main = actor.audiences[0] in need.audiences
        best = (2 if main else 1, len(need.themes))
    if best is None:
        return None
    counts = _words_of(view, actor)
    evidence = counts.get(f"n:{need.id}", 0) + sum(counts.get(f"t:{t}", 0) for t in need.themes)
    specificity = 1 / len(view.actor_themes(actor)) + 0.1 * min(evidence, 5)
    return best[0], best[1], specificity


_COUNTS: WeakKeyDictionary[SiteView, dict[str, dict[str, int]]] = WeakKeyDictionary()
_RANKED: WeakKeyDictionary[SiteView, dict[str, list[tuple[Actor, int]]]] = WeakKeyDictionary()


def _words_of(view: SiteView, actor: Actor) -> dict[str, int]:
    """What the actor's own words speak of: thesaurus tag → number of phrases."""
    cache = _COUNTS.setdefault(view, {})
    if actor.id not in cache:
        book = thesaurus()
        words = " ".join([view.t(actor.name), view.t(actor.summary), *(view.t(s.name) for s in actor.services)])
        cache[actor.id] = book.tag_counts(set(book.terms(words)))
    return cache[actor.id]


def ranked(view: SiteView, need: Need) -> list[tuple[Actor, int]]:
    """The need's actors in order of relevance, each with the rank the browser keeps when it
    puts the nearest first for a chosen commune (it reorders only within equal ranks)."""
    cache = _RANKED.setdefault(view, {})
    if need.id not in cache:
        cache[need.id] = _ranked(view, need)
    return cache[need.id]


def _ranked(view: SiteView, need: Need) -> list[tuple[Actor, int]]:
    found = []
    for actor in view.actors:  # alphabetical: the last tie-break
        relevance = _relevance(view, need, actor)
        if relevance is not None:
            found.append((relevance, actor))
    found.sort(key=lambda pair: (-pair[0][0], pair[0][1], -pair[0][2]))
    return [(actor, tier * 10 + max(0, 5 - rank)) for (tier, rank, _), actor in found]


def need_items(view: SiteView, need: Need) -> list[AgendaItem]:
    window = view.agenda_between(view.today, view.today + timedelta(days=NEED_DAYS - 1))
    out = []
    for item in window:
        if item.kind == "event":
            event = view.dataset.events[item.source_id]
            if set(need.themes) & set(event.themes) or set(need.audiences) & set(event.audiences):
                out.append(item)
        elif need.id == "manger" and item.type == "grocery":
            out.append(item)
    return out


def need_links(view: SiteView, links: Links) -> str:
    lang = view.lang
    items = []
    for need in NEEDS:
        if need_actors(view, need):
            items.append(f'<li><a href="{links(view.url("need", need.id))}">{esc(need.label(lang))}</a></li>')
    return f'<ul class="mg-needs">{"".join(items)}</ul>'


def ranked_cards(view: SiteView, links: Links, need: Need) -> str:
    """The cards in order, each with its rank; the list carries the actors' places and the
    communes' centres so that the browser can put the nearest first once a commune is chosen
    (``assets/search.js``; the choice is the one of the search page, kept in the browser)."""
    lang = view.lang
    order = ranked(view, need)
    geo = {
        actor.id: [[round(loc.geo[0], 4), round(loc.geo[1], 4)] for loc in actor.locations if loc.geo]
        for actor, _ in order
    }
    centres = {c.id: [c.geo[0], c.geo[1]] for c in view.territory.communes}
    options = "".join(
        f'<option value="{esc(c.id)}">{text(view.commune_name(c.id), lang)}</option>' for c in view.territory.communes
    )
    chooser = (
        f'<form class="mg-need-commune" data-js hidden><label class="mg-field"><span>{esc(label("nearest_first", lang))}</span>'
        f'<select name="commune"><option value="">{esc(label("any_commune", lang))}</option>{options}</select></label></form>'
    )
    items = "".join(
        actor_card(view, links, actor).replace('<li class="mg-card', f'<li data-rank="{rank}" class="mg-card', 1)
        for actor, rank in order
    )
    data = esc(json.dumps({"places": geo, "centres": centres}, sort_keys=True, separators=(",", ":")))
    return f'{chooser}<ol class="mg-cards mg-ranked" data-geo="{data}">{items}</ol>'


def pages(view: SiteView) -> Iterator[Page]:
    lang = view.lang
    for need in NEEDS:
        actors = need_actors(view, need)
        if not actors:
            continue
        url = view.url("need", need.id)
        links = Links(url)
        body = (
            f"<h1>{esc(need.label(lang))}</h1>"
            + section(label("actors_for_need", lang), ranked_cards(view, links, need))
            + section(label("events_for_need", lang), agenda_days(view, links, need_items(view, need)))
            + audience_feeds(view)
        )
        yield Page(url, need.label(lang), body)
