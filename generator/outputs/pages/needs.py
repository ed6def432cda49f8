"""Entry points by need ("manger", "se loger", "parler à quelqu'un"…) rather than by
organisation: each need gathers some themes (and sometimes an audience) of the vocabulary,
and gets a page at ``/besoins/<id>/`` with the actors and the coming activities for it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from ...models import Actor
from .actors import cards
from .blocks import agenda_days, audience_feeds, section
from .html import esc
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
    return [
        a
        for a in view.actors
        if set(need.themes) & set(view.actor_themes(a)) or set(need.audiences) & set(view.actor_audiences(a))
    ]


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
            + section(label("actors_for_need", lang), cards(view, links, actors))
            + section(label("events_for_need", lang), agenda_days(view, links, need_items(view, need)))
            + audience_feeds(view)
        )
        yield Page(url, need.label(lang), body)
