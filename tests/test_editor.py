"""The form editor (/admin/): its configuration generated from the models, its page and
policy, its widgets' rule and hours writers (run with node), and the round trip of every demo
file through the editor's own YAML serializer (Decap's formatter, run with node)."""

from __future__ import annotations

import json
import shutil
import subprocess
import typing
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO, ROOT
from pydantic import BaseModel

from generator.models import KINDS, Territory
from generator.models.vocabularies import VOCABULARIES
from generator.outputs import RenderContext
from generator.outputs.admin import config_text, policy, render_page, write_admin
from generator.outputs.admin.config import FIELD_LABELS, EditorConfig, backend
from generator.site import site_settings
from generator.validate import validate

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo() -> RenderContext:
    validation = validate(DEMO, today=TODAY)
    assert validation.ok
    return RenderContext(validation.dataset, validation.today, site_settings(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def config(demo: RenderContext) -> dict[str, Any]:
    return typing.cast(dict[str, Any], yaml.safe_load(config_text(demo)))


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_nested_models(arg))
    return found


def _missing(model: type[BaseModel], fields: list[dict[str, Any]], path: str) -> list[str]:
    """Every field of ``model`` (and of the blocks inside it) without a form field."""
    by_name = {f["name"]: f for f in fields}
    missing = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        form = by_name.get(key)
        if form is None:
            missing.append(f"{path}{key}")
            continue
        for inner in _nested_models(info.annotation):
            missing.extend(_missing(inner, form.get("fields", []), f"{path}{key}."))
    return missing


def _walk(fields: list[dict[str, Any]]) -> typing.Iterator[dict[str, Any]]:
    for field in fields:
        yield field
        yield from _walk(field.get("fields", []))


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(config: dict[str, Any], collection: str, *path: str) -> dict[str, Any]:
    fields = _collection(config, collection)["fields"]
    field: dict[str, Any] = {}
    for name in path:
        field = next(f for f in fields if f["name"] == name)
        fields = field.get("fields", [])
    return field


def test_one_collection_per_data_kind_on_its_folder_with_the_id_as_file_name(config: dict[str, Any]) -> None:
    assert [c["name"] for c in config["collections"]] == ["actors", "events", "places", "circuits", "notices"]
    for collection in config["collections"]:
        assert collection["folder"] == f"data/{collection['name']}"
        assert (collection["extension"], collection["format"]) == ("yaml", "yaml")
        assert collection["identifier_field"] == "id" and collection["slug"] == "{{id}}"


def test_every_model_field_has_a_form_field_with_a_label_and_the_description_as_hint(config: dict[str, Any]) -> None:
    for kind, model in KINDS.items():
        fields = _collection(config, kind)["fields"]
        assert _missing(model, fields, f"{kind}: ") == []
        for field in _walk(fields):
            assert field["name"] in FIELD_LABELS, f"{kind}.{field['name']} has no label in FIELD_LABELS"
    # every described model field shows its description as the hint
    assert _field(config, "actors", "locations", "hours")["hint"].startswith("Heures d'ouverture")
    assert _field(config, "events", "cancelled", "reason")["hint"].startswith("Raison")


def test_a_new_model_field_makes_the_coverage_fail(config: dict[str, Any]) -> None:
    from pydantic import Field

    from generator.models import Actor

    class Wider(Actor):
        keywords_test_only: list[str] = Field(default_factory=list)

    assert _missing(Wider, _collection(config, "actors")["fields"], "actors: ") == ["actors: keywords_test_only"]


def test_every_vocabulary_is_a_select_with_the_french_labels(config: dict[str, Any]) -> None:
    kind = _field(config, "actors", "kind")
    assert kind["widget"] == "select"
    assert {"label": "service public", "value": "public-service"} in kind["options"]
    themes = _field(config, "actors", "themes")
    assert themes["multiple"] is True and themes["min"] == 1
    assert [o["value"] for o in themes["options"]] == list(VOCABULARIES["theme"])
    assert {"label": "lien social", "value": "lien-social"} in themes["options"]
    for path in [
        ("actors", "audiences"),
        ("actors", "access", "cost"),
        ("actors", "access", "modes"),
        ("actors", "languages"),
        ("actors", "locations", "wheelchair"),
        ("actors", "verified", "how"),
        ("events", "type"),
        ("events", "status"),
        ("circuits", "type"),
        ("notices", "level"),
    ]:
        assert _field(config, *path)["widget"] == "select", path


def test_communes_villages_and_references_are_chosen_not_typed(config: dict[str, Any]) -> None:
    commune = _field(config, "actors", "locations", "commune")
    assert commune["widget"] == "select" and {"label": "Havelange", "value": "havelange"} in commune["options"]
    area = _field(config, "actors", "area")
    assert area["multiple"] is True and area["options"][0]["value"] == "all"
    village = _field(config, "places", "village")
    assert {"label": "Maffe (Havelange)", "value": "maffe"} in village["options"]
    organizers = _field(config, "events", "organizers")
    assert (organizers["widget"], organizers["collection"], organizers["multiple"]) == ("relation", "actors", True)
    assert organizers["value_field"] == "id" and organizers["min"] == 1
    assert _field(config, "events", "place")["collection"] == "places"
    assert _field(config, "circuits", "operator")["collection"] == "actors"
    assert _field(config, "notices", "actors")["collection"] == "actors"
    assert _field(config, "circuits", "stops", "village")["widget"] == "select"


def test_lists_and_custom_widgets(config: dict[str, Any]) -> None:
    for path in [
        ("actors", "locations"),
        ("actors", "services"),
        ("actors", "closures"),
        ("events", "cancelled"),
        ("events", "changed"),
        ("circuits", "stops"),
    ]:
        assert _field(config, *path)["widget"] == "list", path
    assert _field(config, "events", "repeat")["widget"] == "maillage-recurrence"
    assert _field(config, "circuits", "repeat")["widget"] == "maillage-recurrence"
    assert _field(config, "actors", "locations", "hours")["widget"] == "maillage-hours"
    assert _field(config, "actors", "services", "hours")["widget"] == "maillage-hours"
    assert _field(config, "actors", "name")["widget"] == "maillage-i18n"
    assert _field(config, "actors", "locations", "geo")["widget"] == "maillage-geo"


def test_patterns_refuse_before_saving_with_the_words_of_check(config: dict[str, Any]) -> None:
    import re

    date_field = _field(config, "actors", "closures", "from")
    pattern, message = date_field["pattern"]
    assert re.fullmatch(pattern, "2027-01-07") and not re.fullmatch(pattern, "07/01/2027")
    assert "AAAA-MM-JJ" in message
    start = _field(config, "events", "start")["pattern"][0]
    assert re.fullmatch(start, "2027-01-07 14:00") and re.fullmatch(start, "2027-01-07")
    assert not re.fullmatch(start, "2027-01-07 16h30")
    end = _field(config, "events", "end")["pattern"][0]
    assert re.fullmatch(end, "16:30") and not re.fullmatch(end, "16h30")
    website = _field(config, "actors", "contact", "website")["pattern"]
    assert not re.fullmatch(website[0], "www.exemple.be") and "https://" in website[1]
    assert re.fullmatch(_field(config, "actors", "id")["pattern"][0], "cafe-parents") is not None
    assert _field(config, "actors", "summary")["required"] is True


def test_the_forge_decides_the_backend() -> None:
    github = backend({"repo_url": "https://github.com/gal/maillage", "edit_uri": "edit/main/"})
    assert github == {
        "name": "github",
        "repo": "gal/maillage",
        "branch": "main",
        "api_root": "https://api.github.com",
        "open_authoring": True,
        "always_fork": True,
    }
    gitlab = backend({"repo_url": "https://gitlab.com/gal/maillage", "extra": {"editor": {"app_id": "abc"}}})
    assert (gitlab["name"], gitlab["auth_type"], gitlab["app_id"]) == ("gitlab", "pkce", "abc")
    forgejo = backend(
        {"repo_url": "https://codeberg.org/gal/maillage", "extra": {"editor": {"backend": "forgejo", "app_id": "x"}}}
    )
    assert (forgejo["name"], forgejo["base_url"], forgejo["api_root"]) == (
        "forgejo",
        "https://codeberg.org",
        "https://codeberg.org/api/v1",
    )
    unknown = backend({"repo_url": "https://git.example/maillage/maillage"})
    assert unknown["name"] == "proxy"  # the local backend only, until extra.editor names the forge


def test_the_page_loads_only_from_the_site_under_its_own_policy(demo: RenderContext, tmp_path: Path) -> None:
    write_admin(demo, tmp_path)
    admin = tmp_path / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page
    import re

    assert 'src="vendor/decap-cms.js"' in page
    assert all(not re.match(r"[a-z]+:|//", link) for link in re.findall(r'(?:src|href)="([^"]*)"', page))
    for name in ("config.yml", "maillage-cms.js", "maillage-data.js", "vendor/decap-cms.js"):
        assert (admin / name).is_file(), name
    csp = policy(demo.settings)
    assert f'content="{csp}"' in page.replace("&#39;", "'")
    assert "default-src 'none'" in csp and "frame-ancestors" not in csp
    assert "https://" not in csp.split("connect-src")[1].split(";")[0]  # git.example is no known forge
    github = policy({"repo_url": "https://github.com/gal/maillage"})
    assert "connect-src 'self' https://api.github.com" in github
    data = (admin / "maillage-data.js").read_text(encoding="utf-8")
    assert '"2027-01-01": "Nouvel An"' in data  # Belgium's holidays, in French


def test_english_territory_gets_an_english_editor(demo: RenderContext) -> None:
    english = Territory.model_validate({**demo.territory.model_dump(by_alias=True), "languages": ["en", "fr"]})
    config = EditorConfig(english, demo.settings).config()
    assert config["locale"] == "en"
    assert _field(config, "actors", "kind")["options"][0] == {"label": "public service", "value": "public-service"}
    assert '<html lang="en">' in render_page(demo, "en")


# --- the editor's serializer and widgets, run with node --------------------------------------


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the editor tests need Node.js (apt-get install nodejs)")
    if not (ROOT / "node_modules" / "decap-cms-core" / "dist" / "esm" / "formats" / "yaml.js").is_file():
        pytest.fail("node_modules/decap-cms is missing: run `npm ci` (make test does)")
    return node


def test_every_demo_file_saved_unchanged_by_the_editor_loads_to_equal_models(tmp_path: Path) -> None:
    files = sorted(DEMO.rglob("*.yaml"))
    result = subprocess.run(
        [_node(), str(ROOT / "tests" / "js" / "decap_roundtrip.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    saved = json.loads(result.stdout)
    copy = tmp_path / "data"
    for file in files:
        target = copy / file.relative_to(DEMO)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(saved[str(file)], encoding="utf-8")
    before, after = validate(DEMO, today=TODAY), validate(copy, today=TODAY)
    assert after.errors == []
    assert after.dataset.territory == before.dataset.territory
    for kind in KINDS:
        assert after.dataset.collection(kind) == before.dataset.collection(kind), kind
    # what the serializer writes for the values YAML 1.1 would have mangled
    event = saved[str(DEMO / "events" / "cafe-parents-havelange.yaml")]
    assert "start: 2026-09-08 09:30\n" in event and "end: 11:00\n" in event
    assert "  fr: Café parents\n" in event


WIDGETS_SCRIPT = """
const vm = require("node:vm");
const fs = require("node:fs");
const window = {MAILLAGE_EDITOR: {lang: "fr", holidays: {}}, CMS: {registerWidget() {}}};
const context = {window, createClass: (spec) => spec, h: () => null, console};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const api = window.MaillageEditor;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {hours: {}, rules: {}, dates: {}};
for (const value of input.hours) {
  const grid = api.parseHours(value);
  out.hours[value] = grid ? api.writeHours(grid) : null;
}
for (const [name, rule] of Object.entries(input.rules)) out.rules[name] = api.writeRule(rule);
for (const [rule, start] of input.expand) {
  out.dates[rule] = api.expand(rule, start, 10).map((d) => d.toISOString().slice(0, 10));
}
process.stdout.write(JSON.stringify(out));
"""


def _run_widgets(payload: dict[str, Any]) -> dict[str, Any]:
    result = subprocess.run(
        [_node(), "-e", WIDGETS_SCRIPT, str(ROOT / "overrides" / "admin" / "maillage-cms.js")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return typing.cast(dict[str, Any], json.loads(result.stdout))


def test_the_hours_grid_reads_back_every_value_of_the_demo_or_leaves_it_as_text(demo: RenderContext) -> None:
    import opening_hours

    values = sorted(
        {
            hours
            for actor in demo.dataset.actors.values()
            for hours in [*(loc.hours for loc in actor.locations), *(s.hours for s in actor.services)]
            if hours
        }
    )
    values += ["Mo-Fr 09:00-12:00,13:00-16:00; PH off", "Mo,We,Fr 09:00-12:00", "Sa[1] 14:00-17:00"]
    written = _run_widgets({"hours": values, "rules": {}, "expand": []})["hours"]
    shown = {v for v, w in written.items() if w is not None}
    assert len(shown) >= len(values) * 3 // 4  # most demo values are a grid
    for value, rewritten in written.items():
        if rewritten is None:
            assert "[" in value or "-08:30" in value, value  # nth weekdays, past midnight: kept as text
            continue
        # the grid writes what the site reads the same way: same opening state every half-hour of a week
        original, again = opening_hours.OpeningHours(value), opening_hours.OpeningHours(rewritten)
        moment = datetime(2027, 1, 4, 0, 0)  # a Monday, no public holiday that week
        for _ in range(7 * 48):
            assert original.is_open(moment) == again.is_open(moment), (value, rewritten, moment)
            moment += timedelta(minutes=30)
    assert written["Mo-Fr 09:00-12:00,13:00-16:00; PH off"] == "Mo-Fr 09:00-12:00,13:00-16:00; PH off"
    assert written["Mo,We,Fr 09:00-12:00"] == "Mo,We,Fr 09:00-12:00"


def test_the_recurrence_widget_writes_the_rules_of_the_cookbook_and_lists_their_dates() -> None:
    out = _run_widgets(
        {
            "hours": [],
            "rules": {
                "first-thursday-except-summer": {
                    "freq": "MONTHLY",
                    "interval": 1,
                    "days": [3],
                    "ords": [1],
                    "monthday": [],
                    "months": [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
                    "until": "",
                    "count": "",
                },
                "last-thursday-until": {
                    "freq": "MONTHLY",
                    "interval": 1,
                    "days": [3],
                    "ords": [-1],
                    "monthday": [],
                    "months": [],
                    "until": "2027-06-30",
                    "count": "",
                },
                "every-other-week": {
                    "freq": "WEEKLY",
                    "interval": 2,
                    "days": [2, 0],
                    "ords": [],
                    "monthday": [],
                    "months": [],
                    "until": "",
                    "count": "6",
                },
            },
            "expand": [["FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12", "2027-01-07 14:00"]],
        }
    )
    assert out["rules"] == {
        "first-thursday-except-summer": "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12",
        "last-thursday-until": "FREQ=MONTHLY;BYDAY=-1TH;UNTIL=20270630",
        "every-other-week": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6",
    }
    # the preview's dates are the schedule's
    from generator.models import Event
    from generator.schedule import Window, schedule

    rule = "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12"
    event = Event.model_validate(
        {
            "id": "cafe",
            "title": "Café",
            "type": "cafe",
            "organizers": ["x"],
            "audiences": ["all"],
            "summary": "Un café.",
            "location": {"commune": "ciney"},
            "start": "2027-01-07 14:00",
            "end": "16:30",
            "repeat": rule,
        }
    )
    window = Window(date(2027, 1, 1), date(2028, 12, 31))
    occurrences = next(iter(schedule({"cafe": event}, {}, "BE", window).values()))
    expected = [o.start.date().isoformat() for o in occurrences][:10]  # type: ignore[union-attr]
    assert out["dates"][rule] == expected
    assert "2027-07-01" not in expected and "2027-09-02" in expected


def test_the_contribute_page_is_in_french_and_leads_to_the_forms() -> None:
    from generator.models.recurrence import parse_recurrence
    from generator.outputs.reference import COOKBOOK, DESCRIPTIONS_FR, FILES, reference_markdown
    from generator.schemas import schema_of

    for kind in FILES:
        assert kind in DESCRIPTIONS_FR
        for name in schema_of(kind).get("$defs", {}):
            assert name in DESCRIPTIONS_FR, f"{name} has no French description for /contribuer/"
    page = reference_markdown()
    assert page.index("Ajouter votre association / une activité") < page.index("La référence des champs")
    assert "(../admin/#/collections/actors/new)" in page and "(../admin/#/collections/events/new)" in page
    assert " read from " not in page and "The territory" not in page
    for words, rule in COOKBOOK:
        parse_recurrence(rule)
        assert f"| {words} | `repeat: {rule}` |" in page
