"""The open data under /donnees/: shapes validated against the official schemas, CSV safety,
determinism, and text from data kept as data.

The official JSON Schemas of Open Referral HSDS 3.0 and data·inclusion v1 are vendored under
tests/schemas/ (see each SOURCE.txt); their ``$ref``s are resolved from those files, never
from the network.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import DEMO, ROOT, TERRITORIES
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.models.vocabularies import AUDIENCES, THEMES
from generator.outputs import SITE_WRITERS, RenderContext
from generator.outputs.exports import inclusion as di
from generator.outputs.exports import render_exports, write_exports
from generator.outputs.exports.files import csv_bytes, neutralise
from generator.schemas import schema_of, schema_texts
from generator.validate import validate

SCHEMAS = Path(__file__).resolve().parent / "schemas"
TODAY = date(2026, 11, 23)
SETTINGS = {"site_url": "https://maillage.example/"}
CASES = {"demo": DEMO, **{name: TERRITORIES / name / "data" for name in ("mini", "hostile", "paris", "recurrences")}}


# --- helpers -------------------------------------------------------------------------------


def context_of(data: Path, today: date = TODAY) -> RenderContext:
    validation = validate(data, today=today)
    assert validation.ok, [p.message for p in validation.errors]
    return RenderContext(validation.dataset, validation.today, SETTINGS)


@cache
def exports(case: str) -> dict[str, bytes]:
    return render_exports(context_of(CASES[case]))


def loaded(case: str, path: str) -> Any:
    return json.loads(exports(case)[f"donnees/{path}"].decode("utf-8"))


def csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "a CSV file starts with the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(content[3:].decode("utf-8"), newline="")))


def strict(schema: Any) -> Any:
    """A copy of ``schema`` in which every object refuses undeclared properties: the
    official schemas allow extra keys, but a misspelt field name should fail here."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if isinstance(schema.get("properties"), dict) and "additionalProperties" not in schema:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def format_checker() -> FormatChecker:
    """jsonschema's checker (uuid, email, date…) plus ``uri``, which it checks only with an
    optional package: an absolute URI with a scheme and, for http(s), a host."""
    checker = FormatChecker()

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        if not parts.scheme or any(c.isspace() for c in value):
            return False
        return bool(parts.netloc) if parts.scheme in ("http", "https") else True

    return checker


@cache
def validator(standard: str, name: str) -> Draft202012Validator:
    """A validator for ``standard``/``name``.json, the standard's other files registered
    under the same (fictitious, never fetched) base URI so that relative $refs resolve."""
    base = f"https://schemas.invalid/{standard}/"
    resources = []
    for path in sorted((SCHEMAS / standard).glob("*.json")):
        contents = strict(json.loads(path.read_text(encoding="utf-8")))
        resources.append((base + path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    registry: Registry[Any] = Registry().with_resources(resources)
    return Draft202012Validator({"$ref": base + f"{name}.json"}, registry=registry, format_checker=format_checker())


def problems(standard: str, name: str, item: Any) -> list[str]:
    errors = validator(standard, name).iter_errors(item)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


# --- the files -----------------------------------------------------------------------------


def test_the_contract_urls_and_every_listed_file_are_written(tmp_path: Path) -> None:
    assert write_exports in SITE_WRITERS
    write_exports(context_of(CASES["mini"]), tmp_path)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    for path in ("donnees/acteurs.json", "donnees/acteurs.csv", "donnees/evenements.json"):
        assert path in written
    assert {f"donnees/schema/{name}" for name in schema_texts()} <= written
    assert written == set(exports("mini"))


def test_the_index_pages_list_every_file() -> None:
    index = (ROOT / "content" / "donnees" / "index.md").read_text(encoding="utf-8")
    for path in exports("mini"):
        name = path.removeprefix("donnees/")
        if not name.startswith("schema/"):
            assert f'href="{name}"' in index, f"{name} is not listed on /donnees/"
    assert "Licence" in index or "licence" in index
    schema_index = (ROOT / "content" / "donnees" / "schema" / "index.md").read_text(encoding="utf-8")
    for name in schema_texts():
        assert f'href="{name}"' in schema_index


def test_the_schema_folder_is_what_the_schema_command_writes() -> None:
    files = exports("demo")
    for name, text in schema_texts().items():
        assert files[f"donnees/schema/{name}"] == text.encode("utf-8")
        assert files[f"donnees/schema/{name}"] == (ROOT / "schemas" / name).read_bytes()


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("path", "kind", "collection"), [
    ("acteurs.json", "actor", "actors"),
    ("lieux.json", "place", "places"),
    ("evenements.json", "event", "events"),
])  # fmt: skip
def test_native_json_items_validate_against_the_published_schemas(
    case: str, path: str, kind: str, collection: str
) -> None:
    items = loaded(case, path)
    dataset = context_of(CASES[case]).dataset
    assert [item["id"] for item in items] == sorted(dataset.collection(collection))
    check = Draft202012Validator(schema_of(kind), format_checker=format_checker())
    for item in items:
        assert not [e.message for e in check.iter_errors(item)], item["id"]


def test_native_json_writes_the_data_as_the_files_write_it() -> None:
    event = next(e for e in loaded("mini", "evenements.json") if e["id"] == "cafe-parents-achene")
    assert event["start"] == "2026-09-08 09:30"
    assert event["end"] == "11:00"
    assert event["repeat"] == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630"
    assert event["skip"] == ["public-holidays"]
    assert event["cancelled"] == [{"date": "2027-02-09", "reason": "Congé de carnaval"}]


def test_occurrences_are_the_schedule_in_its_window() -> None:
    context = context_of(CASES["mini"])
    expected = sum(len(v) for v in context.occurrences.values())
    items = loaded("mini", "occurrences.json")
    assert len(items) == expected == len(csv_rows(exports("mini")["donnees/occurrences.csv"]))
    assert len({i["id"] for i in items}) == len(items)
    assert all(context.window.first.isoformat() <= i["start"][:10] <= context.window.last.isoformat() for i in items)
    cancelled = [i for i in items if i.get("event") == "cafe-parents-achene" and i["status"] == "cancelled"]
    assert [(i["start"], i["reason"]) for i in cancelled] == [("2027-02-09 09:30", "Congé de carnaval")]
    stop = next(i for i in items if i["kind"] == "stop")
    assert stop["commune"] and stop["village"] and stop["circuit"] == "epicerie-mardi"
    starts = [(i["start"], i["id"]) for i in items]
    assert starts == sorted(starts)


def test_services_inherit_what_they_omit() -> None:
    for service in loaded("demo", "services.json"):
        assert service["themes"] and service["audiences"] and service["access"] and service["contact"]
        assert service["id"].startswith(service["actor"] + "--")
    ids = [s["id"] for s in loaded("demo", "services.json")]
    assert len(ids) == len(set(ids))


# --- official schemas ----------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("path", "name"), [
    ("hsds/organizations.json", "organization"),
    ("hsds/services.json", "service"),
    ("hsds/locations.json", "location"),
])  # fmt: skip
def test_hsds_exports_validate_against_hsds_3_0(case: str, path: str, name: str) -> None:
    items = loaded(case, path)
    assert items
    for item in items:
        assert problems("hsds-3.0", name, item) == [], item.get("name")
    assert len({item["id"] for item in items}) == len(items)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("path", "name"), [
    ("data-inclusion/structures.json", "structure"),
    ("data-inclusion/services.json", "service"),
])  # fmt: skip
def test_data_inclusion_exports_validate_against_the_v1_schema(case: str, path: str, name: str) -> None:
    items = loaded(case, path)
    assert items
    for item in items:
        assert problems("data-inclusion-v1", name, item) == [], item["id"]
    assert len({item["id"] for item in items}) == len(items)


def test_the_validators_do_reject_what_is_wrong() -> None:
    """The checks above can fail: a bad UUID, an undeclared field, a Belgian postcode."""
    organization = loaded("mini", "hsds/organizations.json")[0]
    assert problems("hsds-3.0", "organization", {**organization, "id": "cpas-ciney"})
    assert problems("hsds-3.0", "organization", {**organization, "nmae": "x"})
    assert problems("hsds-3.0", "organization", {**organization, "website": "pas une adresse"})
    location = loaded("mini", "hsds/locations.json")[0]
    address = {**location["addresses"][0], "address_type": "home"}
    assert problems("hsds-3.0", "location", {**location, "addresses": [address]})
    structure = loaded("mini", "data-inclusion/structures.json")[0]
    assert problems("data-inclusion-v1", "structure", {**structure, "code_postal": "5590"})
    assert problems("data-inclusion-v1", "structure", {**structure, "date_maj": "2026-13-01"})
    service = loaded("mini", "data-inclusion/services.json")[0]
    assert problems("data-inclusion-v1", "service", {**service, "publics": ["everyone"]})


def test_hsds_links_point_at_exported_entities() -> None:
    organizations = {o["id"] for o in loaded("demo", "hsds/organizations.json")}
    locations = {loc["id"] for loc in loaded("demo", "hsds/locations.json")}
    for service in loaded("demo", "hsds/services.json"):
        assert service["organization_id"] in organizations
        assert {s["location_id"] for s in service["service_at_locations"]} <= locations
    for organization in loaded("demo", "hsds/organizations.json"):
        assert {loc["id"] for loc in organization["locations"]} <= locations


def test_data_inclusion_services_point_at_their_structure() -> None:
    structures = {s["id"] for s in loaded("demo", "data-inclusion/structures.json")}
    actors = context_of(DEMO).dataset.actors
    services = loaded("demo", "data-inclusion/services.json")
    assert {s["structure_id"] for s in services} == structures
    # An actor listing no service is offered as one; the others as many as they list.
    assert len(services) == sum(max(1, len(a.services)) for a in actors.values())


def test_french_codes_only_for_a_french_territory() -> None:
    paris = loaded("paris", "data-inclusion/services.json")
    assert paris and all(s["zone_eligibilite"] for s in paris)
    assert all(re.fullmatch(r"58\d{3}", code) for s in paris for code in s["zone_eligibilite"])
    for name in ("structures", "services"):
        for item in loaded("demo", f"data-inclusion/{name}.json"):
            assert not {"code_insee", "code_postal", "zone_eligibilite"} & set(item)


def test_every_theme_and_audience_has_a_decided_data_inclusion_counterpart() -> None:
    assert set(di.THEMES) == set(THEMES)
    assert set(di.AUDIENCES) == set(AUDIENCES)


def test_hsds_ids_are_stable_uuids_of_the_ids() -> None:
    first = loaded("mini", "hsds/organizations.json")
    again = json.loads(render_exports(context_of(CASES["mini"], date(2027, 3, 1)))["donnees/hsds/organizations.json"])
    assert [o["id"] for o in first] == [o["id"] for o in again]


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+1", "+32 83 21 00 00", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1"])
def test_a_cell_that_could_be_a_formula_is_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Ciney", "'déjà", " =1", "1=1", ""])
def test_other_text_is_left_alone(value: str) -> None:
    assert neutralise(value) == value


def test_numbers_stay_numbers() -> None:
    assert neutralise(-3.5) == "-3.5"
    assert neutralise(12) == "12"
    assert neutralise(None) == ""


def test_csv_is_rfc_4180_with_a_bom() -> None:
    content = csv_bytes(("a", "b"), [{"a": 'il a dit "oui", puis\nnon', "b": "=HYPERLINK(1)"}])
    assert content == b'\xef\xbb\xbfa,b\r\n"il a dit ""oui"", puis\nnon",\'=HYPERLINK(1)\r\n'


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_csv_file_is_safe_and_parses_back(case: str) -> None:
    for path, content in exports(case).items():
        if not path.endswith(".csv"):
            continue
        text = content.decode("utf-8")
        assert text.startswith("\ufeff") and text.endswith("\r\n")
        rows = csv_rows(content)
        header = next(csv.reader(io.StringIO(text[1:])))
        for row in rows:
            assert list(row) == header
            for column, cell in row.items():
                if column not in ("latitude", "longitude"):
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), (path, column, cell)


def test_native_csv_rows_match_the_json() -> None:
    files = exports("demo")
    for name in ("acteurs", "services", "lieux", "evenements", "occurrences"):
        items = json.loads(files[f"donnees/{name}.json"])
        rows = csv_rows(files[f"donnees/{name}.csv"])
        assert [r["id"] for r in rows] == [i["id"] for i in items]


# --- hostile text and determinism -------------------------------------------------------------


@pytest.fixture(scope="module")
def formulas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The hostile territory with an actor whose texts are spreadsheet formulas."""
    data = tmp_path_factory.mktemp("formulas") / "data"
    shutil.copytree(CASES["hostile"], data)
    actor = (data / "actors" / "piege.yaml").read_text(encoding="utf-8")
    actor = actor.replace('name: "<script>', 'name: "=HYPERLINK(\\"https://evil.example\\")<script>', 1)
    actor = actor.replace('by: "Vérif', 'by: "@SUM(1+1) Vérif', 1)
    actor = actor.replace('conditions: "Condition', 'conditions: "-2+3 Condition', 1)
    (data / "actors" / "piege.yaml").write_text(actor, encoding="utf-8")
    return render_exports(context_of(data))


def test_formulas_from_data_reach_json_as_data_and_csv_neutralised(formulas: dict[str, bytes]) -> None:
    actor = json.loads(formulas["donnees/acteurs.json"])[0]
    assert actor["name"].startswith('=HYPERLINK("https://evil.example")<script>')
    row = csv_rows(formulas["donnees/acteurs.csv"])[0]
    assert row["name"].startswith("'=HYPERLINK(")
    assert row["verified_by"].startswith("'@SUM(")
    assert row["conditions"].startswith("'-2+3")
    hsds = json.loads(formulas["donnees/hsds/organizations.json"])[0]
    assert hsds["name"] == actor["name"]


def test_hostile_text_is_kept_verbatim() -> None:
    actor = loaded("hostile", "acteurs.json")[0]
    assert actor["name"] == "<script>alert('nom')</script> {{ config.site_name }} **gras**"
    assert actor["summary"] == "</script><img src=x onerror=alert(1)> {% raw %} --- title: x"
    assert actor["contact"]["website"] == "https://piege.example/?a=1&b=<2>"
    structure = loaded("hostile", "data-inclusion/structures.json")[0]
    assert "<script>alert('description')</script>" in structure["description"]
    row = csv_rows(exports("hostile")["donnees/acteurs.csv"])[0]
    assert row["name"] == actor["name"]


@pytest.mark.parametrize("case", ["demo", "hostile"])
def test_the_same_data_and_today_give_the_same_bytes(case: str) -> None:
    first = exports(case)
    context = context_of(CASES[case])
    # The order in which files were read must not matter either.
    dataset = context.dataset
    for kind in ("actors", "places", "events", "circuits"):
        items = dataset.collection(kind)
        reordered = dict(reversed(list(items.items())))
        items.clear()
        items.update(reordered)
    assert render_exports(RenderContext(dataset, TODAY, SETTINGS)) == first


def test_json_is_sorted_and_indented() -> None:
    for path, content in exports("mini").items():
        if path.endswith(".json") and "/schema/" not in path:
            value = json.loads(content)
            assert content == (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
