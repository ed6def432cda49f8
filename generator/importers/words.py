"""Everyday words of a spreadsheet cell → values of a closed vocabulary.

ONE function, ``vocabulary_for_words``, is the way in: it matches a vocabulary's ids and
labels (``models.vocabularies``, every language) and a few synonyms below, accents and case
forgiven; what names none of them is read through the thesaurus of everyday words
(``generator.thesaurus``, the one the search and the field reference use) for themes,
audiences and kinds.
"""

from __future__ import annotations

import re

from ..models.vocabularies import VOCABULARIES
from ..thesaurus import values_for_words
from .territory import fold

# vocabulary → everyday word (folded) → value. Obvious ones only, French and Dutch.
SYNONYMS: dict[str, dict[str, str]] = {
    "theme": {
        "social": "aide-sociale",
        "aide sociale": "aide-sociale",
        "cpas": "aide-sociale",
        "sociale": "aide-sociale",
        "maatschappelijke dienstverlening": "aide-sociale",
        "alimentaire": "alimentation",
        "aide alimentaire": "alimentation",
        "colis": "alimentation",
        "voedselhulp": "alimentation",
        "logement": "logement",
        "huisvesting": "logement",
        "wonen": "logement",
        "energie": "energie",
        "sante": "sante",
        "soins": "sante",
        "medical": "sante",
        "gezondheid": "sante",
        "sante mentale": "sante-mentale",
        "psy": "sante-mentale",
        "geestelijke gezondheid": "sante-mentale",
        "handicap": "handicap",
        "parents": "parentalite",
        "parentalite": "parentalite",
        "opvoeding": "parentalite",
        "petite enfance": "petite-enfance",
        "creche": "petite-enfance",
        "kinderopvang": "petite-enfance",
        "jeunesse": "jeunesse",
        "jeunes": "jeunesse",
        "jeugd": "jeunesse",
        "emploi": "emploi",
        "insertion": "emploi",
        "werk": "emploi",
        "formation": "formation",
        "alphabetisation": "formation",
        "opleiding": "formation",
        "numerique": "numerique",
        "informatique": "numerique",
        "internet": "numerique",
        "digitaal": "numerique",
        "mobilite": "mobilite",
        "transport": "mobilite",
        "vervoer": "mobilite",
        "lien social": "lien-social",
        "convivialite": "lien-social",
        "rencontre": "lien-social",
        "culture": "culture-loisirs",
        "loisirs": "culture-loisirs",
        "cultuur": "culture-loisirs",
        "sport": "sport",
        "droits": "acces-aux-droits",
        "juridique": "acces-aux-droits",
        "dettes": "budget-dettes",
        "endettement": "budget-dettes",
        "mediation de dettes": "budget-dettes",
        "schulden": "budget-dettes",
        "violence": "violences",
        "violences": "violences",
        "geweld": "violences",
        "addictions": "assuetudes",
        "assuetudes": "assuetudes",
        "verslaving": "assuetudes",
        "sans abri": "sans-abrisme",
        "sdf": "sans-abrisme",
        "dakloosheid": "sans-abrisme",
        "migrants": "migration",
        "migration": "migration",
        "accueil des migrants": "migration",
        "benevolat": "benevolat",
        "vrijwilligerswerk": "benevolat",
    },
    "audience": {
        "tous": "all",
        "tout public": "all",
        "tous publics": "all",
        "tout le monde": "all",
        "iedereen": "all",
        "enfants": "children",
        "kinderen": "children",
        "jeunes": "youth",
        "ados": "youth",
        "adolescents": "youth",
        "jongeren": "youth",
        "familles": "families",
        "parents": "families",
        "gezinnen": "families",
        "aines": "seniors",
        "seniors": "seniors",
        "personnes agees": "seniors",
        "3e age": "seniors",
        "ouderen": "seniors",
        "aidants": "carers",
        "aidants proches": "carers",
        "mantelzorgers": "carers",
        "handicap": "disabled",
        "personnes handicapees": "disabled",
        "pmr": "disabled",
        "sans abri": "homeless",
        "sdf": "homeless",
        "daklozen": "homeless",
        "migrants": "migrants",
        "refugies": "migrants",
        "primo arrivants": "migrants",
        "demandeurs d emploi": "jobseekers",
        "chomeurs": "jobseekers",
        "werkzoekenden": "jobseekers",
        "etudiants": "students",
        "femmes": "women",
        "vrouwen": "women",
        "nouveaux habitants": "newcomers",
        "benevoles": "volunteers",
        "professionnels": "professionals",
    },
    "kind": {
        "asbl": "association",
        "vzw": "association",
        "cpas": "public-service",
        "commune": "public-service",
        "administration communale": "public-service",
        "service public": "public-service",
        "ocmw": "public-service",
        "gemeente": "public-service",
        "maison medicale": "health",
        "hopital": "health",
        "ecole": "education",
        "school": "education",
        "centre culturel": "culture",
        "bibliotheque": "culture",
        "entreprise": "business",
        "commerce": "business",
        "cooperative": "business",
        "benevoles": "volunteer-network",
    },
    "cost": {
        "gratuit": "free",
        "gratis": "free",
        "payant": "paid",
        "betalend": "paid",
        "selon revenus": "mixed",
        "variable": "mixed",
        "prix libre": "mixed",
    },
    "event-type": {
        "reunion": "meeting",
        "cafe": "cafe",
        "atelier": "workshop",
        "workshop": "workshop",
        "permanence": "permanence",
        "formation": "training",
        "groupe de parole": "discussion",
        "fete": "festive",
        "seance d information": "info-session",
        "balade": "leisure",
    },
}

_THESAURUS_GROUPS = {"theme": "themes", "audience": "audiences", "kind": "kinds"}
_SPLIT = re.compile(r"\s*(?:[,;/+|\n•]|\bet\b|\ben\b|\bou\b|&)\s*", re.IGNORECASE)


def _index(vocabulary: str) -> dict[str, str]:
    terms = VOCABULARIES[vocabulary]
    index: dict[str, str] = {}
    for value, term in terms.items():
        index[fold(value)] = value
        for label in term.labels.values():
            index[fold(label)] = value
    index.update(SYNONYMS.get(vocabulary, {}))
    return index


def vocabulary_for_words(text: str, vocabulary: str) -> tuple[list[str], list[str]]:
    """The values of ``vocabulary`` that ``text`` names (in order, each once), and the
    pieces of text that named none: ``"Aînés, familles / jeunes"`` → ``(["seniors",
    "families", "youth"], [])``."""
    index = _index(vocabulary)
    found: list[str] = []
    unknown: list[str] = []
    whole = fold(text)
    if whole in index:
        return [index[whole]], []
    for piece in _SPLIT.split(text):
        key = fold(piece)
        if not key:
            continue
        value = index.get(key) or index.get(key.removesuffix("s"))
        if value is None and vocabulary in _THESAURUS_GROUPS:  # "colis alimentaires", "mantelzorgers"
            value = next(iter(values_for_words(piece, _THESAURUS_GROUPS[vocabulary])), None)
        if value is None:  # "personnes âgées isolées": the longest known words inside
            inside = sorted((k for k in index if f" {k} " in f" {key} "), key=len, reverse=True)
            value = index[inside[0]] if inside else None
        if value is None:
            unknown.append(piece.strip())
        elif value not in found:
            found.append(value)
    if "all" in found and len(found) > 1 and vocabulary == "audience":
        found = ["all"]
    return found, unknown
