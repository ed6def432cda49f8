"""Everyday words for the vocabularies: the thesaurus, and how text is read for searching.

``models/thesaurus.yaml`` (beside the vocabularies it completes) gives, for each theme, audience, actor kind and need,
the words people use (French, Dutch, English), and the reading rules: stop words, light
stemming. The search in the browser (``overrides/assets/search.js``) receives the same rules
and words as JSON (:func:`search_rules`), so that a query is read one way everywhere; this
module reads text the same way for the generator's own uses: :func:`themes_for_words` (for
importers mapping a spreadsheet's words to themes), the needs pages, the field reference.

Reading a text: lower case; accents and ligatures folded (``cœur`` → ``coeur``); elisions
and hyphens split (``d'enfants`` → ``d enfants``); stop words dropped; each word stemmed
(a final s/x, then the longest listed ending leaving at least ``min_stem`` letters).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from .models.vocabularies import ACTOR_KINDS, AUDIENCES, THEMES

SOURCE = Path(__file__).with_name("models") / "thesaurus.yaml"
LANGUAGES = ("fr", "nl", "en")
# The groups of the thesaurus and the prefix of their tags ("t:alimentation", "n:manger").
GROUPS = {"themes": "t", "audiences": "a", "kinds": "k", "needs": "n"}

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "Œ": "oe", "Æ": "ae"})
_SEPARATORS = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Thesaurus:
    """The words of each group and value, by language, and the reading rules."""

    words: dict[str, dict[str, dict[str, tuple[str, ...]]]]  # group -> value -> lang -> words
    stop_words: frozenset[str]
    suffixes: tuple[str, ...]  # longest first
    min_stem: int

    def fold(self, text: str) -> str:
        """Lower case, accents and ligatures folded, every non-alphanumeric a space."""
        return _fold_plain(text)

    def stem(self, word: str) -> str:
        if len(word) > 3 and word[-1] in "sx" and word[-2] != "s":
            word = word[:-1]
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.min_stem:
                return word[: -len(suffix)]
        return word

    def terms(self, text: str) -> list[str]:
        """The meaningful words of ``text``, stemmed, in order."""
        return [self.stem(w) for w in self.fold(text).split() if w not in self.stop_words and len(w) > 1]

    def tags_of_terms(self, terms: set[str]) -> dict[str, int]:
        """Every tag ("t:logement") with a phrase whose terms are all in ``terms``, with the
        number of terms its longest matching phrase covers."""
        found: dict[str, int] = {}
        for phrase, tags in self._matching(terms):
            for tag in tags:
                found[tag] = max(found.get(tag, 0), len(phrase))
        return found

    def tag_counts(self, terms: set[str]) -> dict[str, int]:
        """How many phrases of each tag have all their terms in ``terms`` (how strongly a
        text speaks of each theme, audience, kind or need)."""
        counts: dict[str, int] = {}
        for _, tags in self._matching(terms):
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        return counts

    def _matching(self, terms: set[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        by_first = self._by_first_term
        return [
            (phrase, tags)
            for term in sorted(terms)
            for phrase, tags in by_first.get(term, ())
            if all(t in terms for t in phrase[1:])
        ]

    @cached_property
    def _by_first_term(self) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for phrase, tags in self.phrases.items():
            out.setdefault(phrase[0], []).append((phrase, tags))
        return out

    @cached_property
    def phrases(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Each phrase's terms -> the tags it stands for."""
        out: dict[tuple[str, ...], set[str]] = {}
        for group, values in self.words.items():
            for value, by_lang in values.items():
                for words in by_lang.values():
                    for phrase in words:
                        terms = tuple(dict.fromkeys(self.terms(phrase)))
                        if terms:
                            out.setdefault(terms, set()).add(f"{GROUPS[group]}:{value}")
        return {terms: tuple(sorted(tags)) for terms, tags in sorted(out.items())}


def _words(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ValueError(f"{SOURCE.name}: {where} doit être une liste de mots par langue")
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in raw.items():
        if lang not in LANGUAGES or not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{SOURCE.name}: {where}.{lang} doit être une liste de mots ({', '.join(LANGUAGES)})")
        out[lang] = tuple(str(w) for w in words)
    return out


@cache
def thesaurus(source: Path = SOURCE) -> Thesaurus:
    """The thesaurus, read once per process."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    words = {
        group: {str(value): _words(by_lang, f"{group}.{value}") for value, by_lang in (raw.get(group) or {}).items()}
        for group in GROUPS
    }
    reading = raw["reading"]
    stop_words = frozenset(
        w for words_ in reading["stop_words"].values() for word in words_ for w in _fold_plain(str(word)).split()
    )
    suffixes = tuple(sorted((str(s) for s in reading["suffixes"]), key=lambda s: (-len(s), s)))
    return Thesaurus(words, stop_words, suffixes, int(reading["min_stem"]))


def _fold_plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).lower())
    return " ".join(_SEPARATORS.split("".join(c for c in text if not unicodedata.combining(c)))).strip()


def themes_for_words(text: str) -> list[str]:
    """The themes that everyday ``text`` speaks of ("colis alimentaire, aide au loyer" →
    ``["alimentation", "logement"]``), most specific first (longest matching phrase), then in
    the vocabulary's order. For importers mapping a spreadsheet's words to themes."""
    return values_for_words(text, "themes")


def values_for_words(text: str, group: str) -> list[str]:
    """The values of ``group`` (themes, audiences, kinds, needs) that everyday ``text`` speaks
    of, most specific first (longest matching phrase), then in the vocabulary's order."""
    book = thesaurus()
    prefix = GROUPS[group] + ":"
    tags = book.tags_of_terms(set(book.terms(text)))
    order = {"themes": list(THEMES), "audiences": list(AUDIENCES), "kinds": list(ACTOR_KINDS)}.get(group, [])
    values = [tag[len(prefix) :] for tag in tags if tag.startswith(prefix)]
    rank = {value: order.index(value) if value in order else len(order) for value in values}
    return sorted(values, key=lambda v: (-tags[prefix + v], rank[v], v))


def needs_for_words(text: str) -> list[str]:
    """The needs (ids of the /besoins/ pages) that ``text`` speaks of."""
    book = thesaurus()
    tags = book.tags_of_terms(set(book.terms(text)))
    return sorted((tag[2:] for tag in tags if tag.startswith("n:")), key=lambda n: (-tags[f"n:{n}"], n))


def search_rules() -> dict[str, Any]:
    """The reading rules and the thesaurus's phrases, for the search in the browser: the
    phrases as their stemmed terms (``"gard enfant"``), each with the indexes of its tags."""
    book = thesaurus()
    tags = sorted({tag for tags_ in book.phrases.values() for tag in tags_})
    index = {tag: i for i, tag in enumerate(tags)}
    return {
        "stop": sorted(book.stop_words),
        "suffixes": list(book.suffixes),
        "minStem": book.min_stem,
        "tags": tags,
        "phrases": [[" ".join(terms), [index[t] for t in found]] for terms, found in book.phrases.items()],
    }


def check_coverage() -> list[str]:
    """What the thesaurus lacks: values of the vocabularies without words, themes with fewer
    than 15 French words, groups without Dutch or English words. Empty when complete."""
    book = thesaurus()
    missing = []
    for group, vocabulary in (("themes", THEMES), ("audiences", AUDIENCES), ("kinds", ACTOR_KINDS)):
        for value in vocabulary:
            words = book.words[group].get(value, {})
            for lang in LANGUAGES:
                if not words.get(lang):
                    missing.append(f"{group}.{value}: pas de mots en {lang}")
            if group == "themes" and len(words.get("fr", ())) < 15:
                missing.append(f"{group}.{value}: {len(words.get('fr', ()))} mots français (15 au moins)")
    return missing
