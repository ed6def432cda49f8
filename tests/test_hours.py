"""Opening hours in words (generator/outputs/hours.py): every form the demo data uses, both
languages, and text outside the supported subset given back unchanged."""

from __future__ import annotations

import pytest
import yaml
from conftest import DEMO

from generator.outputs.hours import describe_hours

NBSP = "\u00a0"


def fr(osm: str) -> str:
    # Compare with ordinary spaces; the no-break spaces are checked once below.
    return describe_hours(osm, "fr").replace(NBSP, " ")


@pytest.mark.parametrize(
    ("osm", "words"),
    [
        ("Mo-Fr 08:30-12:00; PH off", "du lundi au vendredi, de 8 h 30 à 12 h ; fermé les jours fériés"),
        (
            "Mo-Fr 08:30-12:00; Tu,Th 13:30-16:00; PH off",
            "du lundi au vendredi, de 8 h 30 à 12 h ; le mardi et le jeudi, de 13 h 30 à 16 h ; fermé les jours fériés",
        ),
        ("Mo-Fr 09:00-12:00,13:00-16:00", "du lundi au vendredi, de 9 h à 12 h et de 13 h à 16 h"),
        ("Mo,We,Fr 11:30-14:00", "le lundi, le mercredi et le vendredi, de 11 h 30 à 14 h"),
        ("Sa[1] 09:00-12:00", "le 1er samedi du mois, de 9 h à 12 h"),
        ("Th[1,3] 13:30-16:30", "le 1er et le 3e jeudi du mois, de 13 h 30 à 16 h 30"),
        ("Mo[-1] 20:00-24:00", "le dernier lundi du mois, de 20 h à minuit"),
        ("Mo-Su 19:30-08:30", "tous les jours, de 19 h 30 à 8 h 30 le lendemain"),
        ("24/7", "jour et nuit, tous les jours"),
        ("Mo off", "fermé le lundi"),
        ("Sa", "le samedi, toute la journée"),
        ("10:00-12:00", "tous les jours, de 10 h à 12 h"),
    ],
)
def test_french_sentences(osm: str, words: str) -> None:
    assert fr(osm) == words


def test_english_sentences() -> None:
    assert (
        describe_hours("Mo-Fr 09:00-16:00; PH off", "en")
        == "Monday to Friday, 9:00 to 16:00; closed on public holidays"
    )
    assert describe_hours("Th[1,3] 13:30-16:30", "en") == "on the 1st and the 3rd Thursday of the month, 13:30 to 16:30"
    assert describe_hours("Mo 20:00-24:00", "en") == "on Mondays, 20:00 to midnight"


def test_a_time_never_splits_over_two_lines() -> None:
    assert describe_hours("Tu 13:30-16:00", "fr") == f"le mardi, de 13{NBSP}h{NBSP}30 à 16{NBSP}h"


@pytest.mark.parametrize(
    "osm",
    ["Jan-Mar Mo 10:00-12:00", 'Mo-Fr 08:00-12:00 "sur rendez-vous"', "Mo-Fr 08:00-12:00 || PH off", "week 1-5 Tu"],
)
def test_unsupported_syntax_is_given_back_as_written(osm: str) -> None:
    assert describe_hours(osm, "fr") == osm


def test_languages_without_words_get_french() -> None:
    assert describe_hours("Mo 09:00-12:00", "nl") == describe_hours("Mo 09:00-12:00", "fr")


def test_every_hours_value_of_the_demo_is_put_in_words() -> None:
    values = []
    for path in sorted(DEMO.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for location in (data or {}).get("locations", []) if isinstance(data, dict) else []:
            if "hours" in location:
                values.append(location["hours"])
    assert len(values) > 50
    for osm in values:
        words = describe_hours(osm, "fr")
        assert words != osm, f"{osm!r} was not put in words"
        assert not any(code in words for code in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH")), words
