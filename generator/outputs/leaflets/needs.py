"""The needs a leaflet's reader comes with, and which themes answer each.

Owns the grouping of the 25 themes of the contract into ten needs worded as a person would
say them (« Se nourrir », « Se loger, se chauffer »), in the order a leaflet prints them. An
actor is printed once, under the need of its first theme, and named in « Voir aussi » under
the needs of its other themes: a reader finds it wherever they look, and the leaflet stays
short enough to print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    """One need: its key, its labels by language and the themes it gathers."""

    key: str
    labels: dict[str, str]
    themes: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["fr"]


NEEDS: tuple[Need, ...] = (
    Need(
        "aide",
        {"fr": "Aide sociale, droits et démarches", "en": "Social assistance, rights and paperwork"},
        ("aide-sociale", "acces-aux-droits", "budget-dettes", "migration"),
    ),
    Need("manger", {"fr": "Se nourrir", "en": "Food"}, ("alimentation",)),
    Need(
        "loger",
        {"fr": "Se loger, se chauffer", "en": "Housing and heating"},
        ("logement", "energie", "sans-abrisme"),
    ),
    Need(
        "sante",
        {"fr": "Santé, handicap, bien-être", "en": "Health, disability, well-being"},
        ("sante", "sante-mentale", "assuetudes", "handicap"),
    ),
    Need(
        "violences", {"fr": "Violences : être écouté, être aidé", "en": "Violence: help and listening"}, ("violences",)
    ),
    Need(
        "familles",
        {"fr": "Familles, enfants, jeunes", "en": "Families, children, young people"},
        ("parentalite", "petite-enfance", "jeunesse"),
    ),
    Need(
        "emploi",
        {"fr": "Emploi, formation, numérique", "en": "Work, training, digital skills"},
        ("emploi", "formation", "numerique"),
    ),
    Need("bouger", {"fr": "Se déplacer", "en": "Getting around"}, ("mobilite",)),
    Need(
        "rencontrer",
        {"fr": "Rencontrer, apprendre, se divertir", "en": "Meeting people, learning, leisure"},
        ("lien-social", "culture-loisirs", "sport", "transmission-savoirs"),
    ),
    Need("engager", {"fr": "Donner un coup de main", "en": "Volunteering"}, ("benevolat",)),
)

NEED_OF_THEME: dict[str, Need] = {theme: need for need in NEEDS for theme in need.themes}
