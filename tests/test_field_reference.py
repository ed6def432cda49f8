"""Issue 6, items 2 and 5: every field documented and listed on /contribuer/; the freshness report."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from conftest import TODAY, run_cli
from pydantic import Field

from generator.models import SCHEMA_NAMES, Model
from generator.models.vocabularies import VOCABULARIES
from generator.outputs.reference import reference_markdown
from generator.schemas import schema_of


def _models(root: type[Model] = Model) -> list[type[Model]]:
    found = []
    for sub in root.__subclasses__():
        found += [sub, *_models(sub)]
    return found


def undocumented(models: list[type[Model]]) -> list[str]:
    """`Model.field` for every model without a docstring or field without a description."""
    missing = []
    for model in models:
        if not (model.__doc__ or "").strip():
            missing.append(model.__name__)
        missing += [f"{model.__name__}.{name}" for name, info in model.model_fields.items() if not info.description]
    return missing


def _schemas() -> dict[str, dict[str, Any]]:
    return {name: schema_of(name) for name in SCHEMA_NAMES}


def test_every_model_field_has_a_description() -> None:
    models = [m for m in _models() if m.__module__.startswith("generator.models")]
    assert len(models) >= 15, "the data models were not found"
    assert undocumented(models) == []


def test_every_schema_property_has_a_description() -> None:
    """What the reference page and the editors show: the JSON Schemas, nested blocks included."""
    missing = []
    for name, schema in _schemas().items():
        for block, sub in [("", schema), *schema.get("$defs", {}).items()]:
            for field_name, prop in sub.get("properties", {}).items():
                if not str(prop.get("description", "")).strip():
                    missing.append(f"{name}:{block}.{field_name}")
    assert missing == []


def test_an_undocumented_field_is_caught() -> None:
    class Sloppy(Model):
        """A model written in a hurry."""

        good: str = Field(description="Documenté.")
        bad: str = ""

    assert undocumented([Sloppy]) == ["Sloppy.bad"]


def test_the_reference_lists_every_field_and_every_vocabulary() -> None:
    page = reference_markdown()
    for name, schema in _schemas().items():
        for block, sub in [("", schema), *schema.get("$defs", {}).items()]:
            for field_name in sub.get("properties", {}):
                row = next((line for line in page.splitlines() if line.startswith(f"| `{field_name}` |")), None)
                assert row is not None, f"{name}:{block}.{field_name} missing from /contribuer/"
            if block:
                assert f"### {block} " in page, block
    for vocabulary, terms in VOCABULARIES.items():
        assert f"{{#liste-{vocabulary}}}" in page
        for term in terms.values():
            assert f"| `{term.value}` |" in page, f"{vocabulary}: {term.value}"


def test_freshness_report_most_overdue_first_with_edit_links() -> None:
    result = run_cli("report", "freshness", "--format", "json", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) > 50
    today = date.fromisoformat(TODAY)
    lateness = [(today - date.fromisoformat(r["verified_on"])).days - r["review_months"] * 30.44 for r in rows]
    assert lateness == sorted(lateness, reverse=True)
    states = [r["state"] for r in rows]
    assert states[0] == "overdue" and "overdue" not in states[states.index(next(s for s in states if s != "overdue")) :]
    assert set(states) <= {"overdue", "over-6", "3-6", "under-3"}
    for row in rows:
        assert row["edit"] == f"https://git.example/maillage/maillage/edit/main/data/actors/{row['actor']}.yaml"
        expected = (
            "overdue"
            if row["age_months"] >= row["review_months"]
            else "over-6"
            if row["age_months"] >= 6
            else "3-6"
            if row["age_months"] >= 3
            else "under-3"
        )
        assert row["state"] == expected
    text = run_cli("report", "freshness", "--today", TODAY).stdout
    assert "À revoir (délai dépassé)" in text and "/edit/main/data/actors/" in text
