"""Opening hours in words and as the browser's JSON (generator/hours.py)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.hours import browser_json, in_words, read_hours, weekly_specs

TODAY = date(2026, 11, 23)
NNBSP = "\u202f"


def words(text: str, lang: str = "fr") -> str:
    return in_words(read_hours(text, "BE", TODAY), lang).replace("\u00a0", " ").replace(NNBSP, " ")


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (
            "Mo-Fr 08:30-12:00,13:30-16:00; PH off",
            "du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 16 h ; fermé les jours fériés",
        ),
        ("Mo-Fr 08:30-12:00", "du lundi au vendredi, de 8 h 30 à 12 h"),
        ("Tu 14:00-17:00", "le mardi, de 14 h à 17 h"),
        ("We,Sa 10:00-17:00", "mercredi et samedi, de 10 h à 17 h"),
        ("Mo,Tu,Th 10:00-11:00", "lundi, mardi et jeudi, de 10 h à 11 h"),
        # OpenStreetMap semantics: a later rule replaces the earlier one on its days.
        (
            "Mo-Fr 08:30-12:00; Tu,Th 13:30-16:00; PH off",
            "lundi, mercredi et vendredi, de 8 h 30 à 12 h ; mardi et jeudi, de 13 h 30 à 16 h ; fermé les jours fériés",
        ),
        ("Th[1,3] 13:30-16:30", "le 1er et le 3e jeudi du mois, de 13 h 30 à 16 h 30"),
        (
            "Tu 09:00-12:00; Sa[1] 09:00-12:00",
            "le mardi, de 9 h à 12 h ; le 1er samedi du mois, de 9 h à 12 h",
        ),
        ("Mo-Su 19:30-08:30", "tous les jours, de 19 h 30 à 8 h 30 le lendemain"),
        ("24/7", "tous les jours, jour et nuit"),
        (
            "Mo-Fr 09:00-12:00; PH 10:00-11:00",
            "du lundi au vendredi, de 9 h à 12 h ; horaires particuliers les jours fériés",
        ),
        ("Mo-Fr 09:00-12:00; Jul-Aug off", "du lundi au vendredi, de 9 h à 12 h ; horaires variables selon la période"),
    ],
)
def test_hours_in_french_words(hours: str, expected: str) -> None:
    assert words(hours) == expected


def test_french_words_use_typographic_spaces() -> None:
    sentence = in_words(read_hours("Mo-Fr 08:30-12:00; Sa 09:00-12:00; PH off", "BE", TODAY), "fr")
    assert "8\u00a0h\u00a030" in sentence and f"{NNBSP};" in sentence and " ;" not in sentence


def test_hours_in_english_words() -> None:
    assert words("Mo-Fr 08:30-12:00,13:30-16:00; PH off", "en") == (
        "Monday to Friday, 8:30–12:00, 13:30–16:00; closed on public holidays"
    )


def test_browser_json_has_the_week_holidays_and_closures() -> None:
    week = read_hours("Mo-Fr 08:30-12:00; PH off", "BE", TODAY)
    data = browser_json(week, [(date(2026, 12, 1), date(2026, 12, 2))], TODAY)
    assert data["w"][0] == [[510, 720]] and data["w"][5] == [] and data["w"][6] == []
    assert data["d"]["2026-12-25"] == []  # Christmas, a Friday: PH off
    assert data["d"]["2026-12-01"] == [] and data["d"]["2026-12-02"] == []  # the closure
    assert "2026-12-03" not in data["d"]
    assert data["until"] == "2027-12-27"


def test_monthly_rules_go_to_dated_exceptions() -> None:
    week = read_hours("Th[1,3] 13:30-16:30", "BE", TODAY)
    data = browser_json(week, [], TODAY)
    assert data["w"][3] == []
    assert data["d"]["2026-12-03"] == [[810, 990]] and data["d"]["2026-12-17"] == [[810, 990]]
    assert "2026-12-10" not in data["d"]


def test_opening_hours_specification_groups_days() -> None:
    specs = weekly_specs(read_hours("Mo-Fr 08:30-12:00; Tu 13:00-16:00", "BE", TODAY))
    assert specs == [([0, 2, 3, 4], 510, 720), ([1], 780, 960)]
