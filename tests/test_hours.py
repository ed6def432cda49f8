"""Opening hours (generator/hours.py, the one module that reads them): every value of the demo
put in words, and ``check``'s warning when a later rule silently replaces earlier days.

The words themselves are tested in test_pages_hours.py; that every output says the same words
is tested in test_one_rule.py."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import DEMO, TERRITORIES, TODAY

from generator.checks import run_checks
from generator.hours import describe_hours, overrides
from generator.loading import Reporter, load_dataset

FIRST = date.fromisoformat(TODAY)


def test_every_hours_value_of_the_demo_is_put_in_words() -> None:
    values = []
    for path in sorted(DEMO.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for location in (data or {}).get("locations", []) if isinstance(data, dict) else []:
            if "hours" in location:
                values.append(location["hours"])
    assert len(values) > 50
    for osm in values:
        words = describe_hours(osm, "BE", FIRST, "fr")
        assert words and words != osm, f"{osm!r} was not put in words"
        assert not any(code in words for code in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH")), words


@pytest.mark.parametrize(
    ("value", "rule", "weekdays", "suggestion"),
    [
        ("Mo-Fr 09:00-12:00; We 14:00-17:00", "We 14:00-17:00", (2,), "Mo-Fr 09:00-12:00, We 14:00-17:00"),
        (
            "Mo-Fr 08:30-12:00; Tu,Th 13:30-16:00; PH off",
            "Tu,Th 13:30-16:00",
            (1, 3),
            "Mo-Fr 08:30-12:00, Tu,Th 13:30-16:00; PH off",
        ),
        ("Mo,Tu,Th 09:00-12:00; Tu 18:00-20:30", "Tu 18:00-20:30", (1,), "Mo,Tu,Th 09:00-12:00, Tu 18:00-20:30"),
    ],
)
def test_a_later_rule_that_replaces_earlier_days_is_found(
    value: str, rule: str, weekdays: tuple[int, ...], suggestion: str
) -> None:
    [found] = overrides(value, "BE", FIRST)
    assert (found.rule, found.weekdays, found.suggestion) == (rule, weekdays, suggestion)
    # The suggestion means what the writer most likely meant: the earlier hours are kept.
    before = describe_hours(value, "BE", FIRST, "fr")
    after = describe_hours(suggestion, "BE", FIRST, "fr")
    assert before != after


@pytest.mark.parametrize(
    "value",
    [
        "Mo-Fr 09:00-12:00; Sa 10:00-12:00",  # new days only
        "Mo-Fr 09:00-12:00; We off",  # closes on purpose
        "Mo-Fr 09:00-12:00; PH off",
        "Mo-Fr 07:00-18:00; We 07:00-13:00",  # a shorter Wednesday: a narrowing, on purpose
        "Mo-Su 09:00-18:00; Sa[1] 10:00-12:00",
        "Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00",  # seasons replace on purpose
        "Mo-Fr 08:30-12:00, Tu,Th 13:30-16:00; PH off",  # already added with ","
        "Mo-Fr 09:00-12:00; PH 10:00-11:00",
        'Mo-Fr 09:00-12:00; We 14:00-17:00 "sur rendez-vous"',  # comments: left to the writer
        "24/7",
    ],
)
def test_rules_that_replace_on_purpose_are_left_alone(value: str) -> None:
    assert overrides(value, "BE", FIRST) == []


def test_check_warns_with_the_value_to_write_instead(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "tricky" / "data", data)
    reporter = Reporter("fr")
    dataset = load_dataset(data, reporter)
    run_checks(dataset, reporter, FIRST)
    found = [p for p in reporter.problems if p.code == "hours_override"]
    assert len(found) == 1
    [problem] = found
    assert problem.severity == "warning"
    assert (problem.file.endswith("actors/cpas-ciney.yaml"), problem.line) == (True, 14)
    assert problem.message == (
        "`Tu,Th 13:30-16:00` remplace le mardi et le jeudi les heures écrites avant lui : "
        "ces jours-là, seules ses heures comptent"
    )
    assert problem.hint == (
        "si vous vouliez ajouter des heures, séparez par `,` au lieu de `;` : "
        "`Mo-Fr 08:30-12:00, Tu,Th 13:30-16:00; PH off`"
    )


@pytest.mark.parametrize(
    ("written", "osm"),
    [
        ("Lu-Ve 9h-12h; Me 14h-17h", "Mo-Fr 09:00-12:00, We 14:00-17:00"),
        ("du lundi au vendredi 9h-12h / mardi 13h30-16h", "Mo-Fr 09:00-12:00, Tu 13:30-16:00"),
        ("Lu 9h-12h / Ma 14h-17h", "Mo 09:00-12:00; Tu 14:00-17:00"),
    ],
)
def test_imported_hours_add_to_days_already_named_and_check_stays_quiet(written: str, osm: str) -> None:
    """A spreadsheet's "Lu-Ve 9h-12h / Me 14h-17h" means Wednesday afternoon as well: the
    importer writes OSM's additive ", " rather than a ";" that would close Wednesday morning."""
    from generator.importers.hours import french_hours

    assert french_hours(written) == osm
    assert overrides(osm, "BE", FIRST) == []
