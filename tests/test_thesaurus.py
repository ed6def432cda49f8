"""The thesaurus of everyday words (generator/models/thesaurus.yaml): complete for every
value of the vocabularies and every need, and read the same way as the search reads queries."""

from __future__ import annotations

import pytest

from generator.models import Actor
from generator.models.vocabularies import ACTOR_KINDS, AUDIENCES, THEMES
from generator.outputs.pages.needs import NEEDS
from generator.thesaurus import (
    LANGUAGES,
    check_coverage,
    needs_for_words,
    search_rules,
    themes_for_words,
    thesaurus,
)


def test_every_theme_has_15_french_words_and_dutch_and_english_ones() -> None:
    book = thesaurus()
    assert set(book.words["themes"]) == set(THEMES)
    for theme, words in book.words["themes"].items():
        assert len(set(words["fr"])) >= 15, theme
        assert len(set(words["nl"])) >= 5, theme
        assert len(set(words["en"])) >= 5, theme
    assert check_coverage() == []


@pytest.mark.parametrize(("group", "values"), [("audiences", AUDIENCES), ("kinds", ACTOR_KINDS)])
def test_every_audience_and_kind_has_words_in_three_languages(group: str, values: dict[str, object]) -> None:
    book = thesaurus()
    assert set(book.words[group]) == set(values)
    for value, words in book.words[group].items():
        assert all(words.get(lang) for lang in LANGUAGES), (group, value)


def test_every_need_has_words_in_three_languages() -> None:
    book = thesaurus()
    assert set(book.words["needs"]) == {need.id for need in NEEDS}
    for value, words in book.words["needs"].items():
        assert len(words["fr"]) >= 5 and words["nl"] and words["en"], value


def test_no_phrase_is_only_stop_words() -> None:
    book = thesaurus()
    for group, values in book.words.items():
        for value, by_lang in values.items():
            for words in by_lang.values():
                for phrase in words:
                    assert book.terms(phrase), (group, value, phrase)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cœur", ["coeur"]),
        ("garde d'enfants", ["gard", "enfant"]),
        ("garde d’enfants", ["gard", "enfant"]),  # typographic apostrophe
        ("je n'ai plus de logement", ["loge"]),
        ("PSYCHOLOGUE", ["psychologu"]),
        ("dettes d'été", ["dett", "ete"]),
        ("sans-abri", ["san", "abri"]),
    ],
)
def test_reading_folds_splits_drops_and_stems(text: str, folded: list[str]) -> None:
    assert thesaurus().terms(text) == folded


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Colis alimentaires", ["alimentation"]),
        ("aide au loyer", ["logement"]),
        ("voedselbank", ["alimentation"]),
        ("food bank", ["alimentation"]),
        ("violences conjugales", ["violences"]),
        ("Garde d'enfants", ["parentalite", "petite-enfance"]),
        ("Médiation de dettes", ["budget-dettes"]),
    ],
)
def test_themes_for_words_maps_everyday_words_to_themes(text: str, themes: list[str]) -> None:
    assert set(themes) <= set(themes_for_words(text))


def test_themes_for_words_ignores_words_it_does_not_know() -> None:
    assert themes_for_words("") == []
    assert themes_for_words("le la les de du") == []
    assert themes_for_words("xyzzy plugh") == []


def test_needs_for_words() -> None:
    assert needs_for_words("j'ai faim") == ["manger"]
    assert "se-loger" in needs_for_words("où dormir ce soir")


def test_search_rules_for_the_browser_are_the_same_words() -> None:
    rules = search_rules()
    book = thesaurus()
    assert len(rules["phrases"]) == len(book.phrases)
    assert set(rules["stop"]) == book.stop_words
    assert rules["suffixes"] == list(book.suffixes)
    phrases = dict((terms, [rules["tags"][i] for i in tags]) for terms, tags in rules["phrases"])
    assert "t:alimentation" in phrases["faim"]
    assert "n:manger" in phrases["faim"]


def test_every_entry_kind_accepts_keywords() -> None:
    fields = Actor.model_fields
    assert "keywords" in fields and fields["keywords"].description
    from generator.models import Circuit, Event, Notice, Place, Service

    for model in (Circuit, Event, Notice, Place, Service):
        assert "keywords" in model.model_fields, model
