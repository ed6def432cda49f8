"""The messages a volunteer reads (issue 14, item 8), the same in `check`, the pull request's
annotations and the editor's forms: a label found before a close spelling, the converted
value offered, a copied file flagged; and the form patterns say what `check` says."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TERRITORIES

from generator.messages import converted_value, describe
from generator.validate import validate


def test_a_label_is_looked_up_before_a_close_spelling_of_a_value() -> None:
    assert describe("vocabulary", {"vocabulary": "theme", "value": "social-ties"}, "fr")[1] == (
        "vouliez-vous dire `lien-social` ?"
    )
    assert describe("vocabulary", {"vocabulary": "theme", "value": "Lien social"}, "en")[1] == (
        "did you mean `lien-social`?"
    )
    assert describe("vocabulary", {"vocabulary": "cost", "value": "gratuit"}, "fr")[1] == "vouliez-vous dire `free` ?"
    # a close spelling of a value still finds it
    assert describe("vocabulary", {"vocabulary": "theme", "value": "aide-social"}, "fr")[1] == (
        "vouliez-vous dire `aide-sociale` ?"
    )


def test_the_converted_value_is_offered() -> None:
    assert converted_value("date_format", "07/01/2027") == "2027-01-07"
    assert converted_value("date_format", "7.1.2027") == "2027-01-07"
    assert converted_value("time_format", "16h30") == "16:30"
    assert converted_value("time_format", "9h") == "09:00"
    assert converted_value("end_format", "16h30") == "16:30"
    assert converted_value("start_format", "07/01/2027 14h00") == "2027-01-07 14:00"
    assert converted_value("url_format", "www.exemple.be") == "https://www.exemple.be"
    assert converted_value("date_format", "demain") is None
    assert converted_value("date_format", "45/13/2027") is None
    _, hint = describe("date_format", {"value": "07/01/2027"}, "fr")
    assert hint.startswith("écrivez `2027-01-07`")


def test_a_copied_file_whose_id_was_fixed_is_flagged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    source = data / "actors" / "cpas-ciney.yaml"
    copy = data / "actors" / "cpas-ciney-2.yaml"
    copy.write_text(source.read_text(encoding="utf-8").replace("id: cpas-ciney", "id: cpas-ciney-2"), encoding="utf-8")
    validation = validate(data)
    copied = [p for p in validation.errors if p.code == "copied_entry"]
    assert [Path(p.file).name for p in copied] == ["cpas-ciney-2.yaml"]
    assert "`data/actors/cpas-ciney.yaml`" in copied[0].message
