"""Privacy in the data model and in free text (issue 7, item 4).

The model has room for an organisation's ways to be reached, never for a private person's
details: read from the JSON Schemas the generator publishes, every field that can hold a
phone number, an e-mail address or a web address sits in a contact block, and no field is
named for a person (first name, birth date, mobile…). A phone number or e-mail address
written in free text or an address that is not one of the entry's contacts is an error
(issue 15) unless the entry lists it in ``public_contacts``, located at its field, in French
and English. (That no page asks another host is
tests/web/test_browser.py::test_no_request_leaves_the_site, over every template.)
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, TERRITORIES, TODAY, run_cli

from generator.models import SCHEMA_NAMES
from generator.schemas import schema_of

# Where a way to reach someone may be written: an organisation's contact, a registration
# desk, the territory's helpline.
CONTACT_FIELDS = {"phone", "email", "website", "url"}
CONTACT_BLOCKS = {"contact", "registration", "helpline", "calendars"}  # calendars: a feed's address
PERSONAL = re.compile(
    r"(first|last|given|family|sur|nick)_?name|birth|born|^age$|gender|^sex$|nationality|national|niss|iban"
    r"|person|private|personal|home|mobile|gsm|whatsapp|signal|telegram|photo|diagnos|health_status|religion",
    re.IGNORECASE,
)


def fields(schema: dict[str, Any], node: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every property path of ``schema``, ``$ref`` followed (lists and unions see through)."""
    found: list[tuple[str, ...]] = []
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in path:  # a recursive definition: once is enough
                return found
            return fields(schema, schema["$defs"][name], path + (name,))
        for key, child in node.get("properties", {}).items():
            found.append(path + (key,))
            found.extend(fields(schema, child, path + (key,)))
        for key in ("items", "anyOf", "oneOf", "allOf", "additionalProperties"):
            child = node.get(key)
            for part in child if isinstance(child, list) else [child]:
                if isinstance(part, dict):
                    found.extend(fields(schema, part, path))
    return found


def every_field() -> list[tuple[str, tuple[str, ...]]]:
    return [(name, path) for name in SCHEMA_NAMES for path in fields(schema_of(name), schema_of(name))]


def test_no_field_is_meant_for_a_person() -> None:
    found = every_field()
    assert len(found) > 50
    personal = [(name, path) for name, path in found if PERSONAL.search(path[-1])]
    assert personal == []


def test_contact_fields_only_in_contact_blocks() -> None:
    misplaced = [
        (name, path)
        for name, path in every_field()
        if path[-1] in CONTACT_FIELDS and not CONTACT_BLOCKS & {part.lower() for part in path[:-1]}
    ]
    assert misplaced == []
    assert any(path[-1] == "phone" for _, path in every_field())  # the walk does reach them


def check(data: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("check", "--format", "json", "--today", TODAY, "--data", str(data), *extra)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, json.loads(result.stdout)


def with_summary(tmp_path: Path, summary: str, description: str | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    actor = data / "actors" / "cpas-ciney.yaml"
    text = actor.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^summary: .*$", f"summary: {json.dumps(summary, ensure_ascii=False)}", text)
    if description is not None:
        text = text.replace("  Le CPAS reçoit **sans rendez-vous** le matin.", f"  {description}")
    actor.write_text(text, encoding="utf-8")
    return data


def test_a_personal_number_and_address_in_free_text_are_errors(tmp_path: Path) -> None:
    data = with_summary(
        tmp_path,
        "Demandez Marie au 0470 12 34 56.",
        "Écrivez à marie.dupont@gmail.com ou appelez le +32 471 98 76 54.",
    )
    code, problems = check(data)
    assert code == 1, problems  # the pull request stays red: nothing is published
    found = [p for p in problems if p["message"].startswith("ce texte contient")]
    assert [(p["severity"], p["path"], p["line"]) for p in found] == [
        ("error", "summary", 6),
        ("error", "description", 7),
        ("error", "description", 7),
    ]
    assert 'public_contacts: ["0470 12 34 56"]' in found[0]["hint"]
    assert "`0470 12 34 56`" in found[0]["message"] and "numéro de téléphone" in found[0]["message"]
    mail = [p for p in found if "`marie.dupont@gmail.com`" in p["message"]]
    assert len(mail) == 1 and "contact.email" in mail[0]["hint"]
    assert any("`+32 471 98 76 54`" in p["message"] for p in found)
    _, english = check(data, "--lang", "en")
    messages = [p["message"] for p in english if p["path"] in ("summary", "description")]
    assert "this text holds the phone number `0470 12 34 56`, which is not one of the entry's contacts" in messages


def test_the_entrys_own_contacts_and_dates_are_not_flagged(tmp_path: Path) -> None:
    base = (TERRITORIES / "mini" / "data" / "actors" / "cpas-ciney.yaml").read_text(encoding="utf-8")
    phone = re.search(r"phone: (.+)", base).group(1)  # type: ignore[union-attr]
    email = re.search(r"email: (.+)", base).group(1)  # type: ignore[union-attr]
    data = with_summary(
        tmp_path,
        f"Appelez le {phone} ou écrivez à {email.upper()}, ou la ligne 0800 99 012.",
        "Ouvert le 2026-12-08 de 09:30 à 12:00, rue du Centre 1, 5590 Ciney ; 2 € ; 1 300 repas.",
    )
    code, problems = check(data)
    assert code == 0
    assert [p for p in problems if p["message"].startswith("ce texte contient")] == []


def test_the_demo_checks_without_errors() -> None:
    code, problems = check(DEMO)
    assert code == 0
    assert [p for p in problems if p["severity"] == "error"] == []


@pytest.mark.parametrize("text", ["appelez le 083/21.00.00", "GSM : 0475-11-22-33", "bob@example.org"])
def test_written_forms_are_recognised(text: str) -> None:
    from generator.checks.privacy import found_in

    assert list(found_in(text, "BE")), text


def test_numbers_marked_as_public_contacts_are_accepted(tmp_path: Path) -> None:
    data = with_summary(
        tmp_path,
        "Demandez l'accueil au 0470 12 34 56.",
        "Écrivez à accueil@partenaire.example ou appelez le +32 471 98 76 54.",
    )
    actor = data / "actors" / "cpas-ciney.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8")
        + 'public_contacts: ["+32 470 12 34 56", "0471 98 76 54", "Accueil@Partenaire.example"]\n',
        encoding="utf-8",
    )
    code, problems = check(data)
    assert code == 0, problems
    assert [p for p in problems if p["message"].startswith("ce texte contient")] == []


def test_an_address_field_is_checked_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    place = sorted((data / "places").glob("*.yaml"))[0]
    text = place.read_text(encoding="utf-8")
    place.write_text(
        re.sub(r"(?m)^address: (.*)$", r'address: "\1 (sonnez chez Jean, 0470 12 34 56)"', text), encoding="utf-8"
    )
    code, problems = check(data)
    assert code == 1
    assert [(p["severity"], p["path"], p["code"]) for p in problems] == [("error", "address", "personal_phone")]
