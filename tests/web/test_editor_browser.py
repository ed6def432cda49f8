"""The form editor end to end, in Chromium: /admin/ against Decap's local backend
(decap-server, node) on a temporary copy of the demo data. A volunteer changes an actor's
hours with the grid and leaves July and August out of a monthly series with the recurrence
widget; the files written then pass `check` and say what the forms said."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.schedule import Window, schedule
from generator.validate import validate

from .conftest import AXE
from .editor_server import TODAY, MissingBackend, run_editor


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    try:
        with run_editor(tmp_path_factory.mktemp("editor")) as running:
            yield running
    except MissingBackend as missing:
        pytest.fail(str(missing))


@pytest.fixture
def admin(browser: Any, editor: tuple[str, Path]) -> Iterator[Any]:
    base, _ = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    outside: list[str] = []
    page.route("**/*", lambda route: _allow(route, outside))
    page.goto(base)
    page.get_by_role("button", name="Se connecter").click()
    yield page
    context.close()
    assert outside == []  # nothing left 127.0.0.1


def _allow(route: Any, outside: list[str]) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        outside.append(route.request.url)
        route.abort()


def _publish(page: Any) -> None:
    page.get_by_text("Publier", exact=True).first.click()
    page.get_by_text("Publier maintenant").first.click()
    try:
        page.get_by_text("Modifications enregistrées", exact=False).first.wait_for(timeout=20_000)
    except Exception as error:  # say which fields the form refused
        refused = page.evaluate(
            """() => [...document.querySelectorAll("li, p, span")]
            .filter((e) => e.children.length === 0 && /requis|ne correspond|n'est pas|incorrect/i.test(e.textContent))
            .map((e) => (e.closest("[class*=ControlContainer]") || e.parentElement).innerText.slice(0, 160))"""
        )
        raise AssertionError(f"the editor did not save: {refused}") from error


def test_an_actors_hours_changed_with_the_grid_are_saved_and_pass_check(admin: Any, editor: Any) -> None:
    base, repo = editor
    # The CPAS opens mornings Mo-Fr and, as well, Tuesday and Thursday afternoons (", " adds).
    admin.goto(base + "#/collections/actors/entries/cpas-ciney")
    admin.locator('button[aria-label="Ajouter une plage : samedi"]:visible').first.click()
    assert "Sa 09:00-12:00" in admin.locator(".mg-widget code").first.inner_text()
    _publish(admin)
    text = (repo / "data" / "actors" / "cpas-ciney.yaml").read_text(encoding="utf-8")
    assert "hours: Mo,We,Fr 08:30-12:00; Tu,Th 08:30-12:00,13:30-16:00; Sa 09:00-12:00; PH off\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    actor = validation.dataset.actors["cpas-ciney"]
    assert actor.locations[0].hours == "Mo,We,Fr 08:30-12:00; Tu,Th 08:30-12:00,13:30-16:00; Sa 09:00-12:00; PH off"


def test_a_series_without_july_and_august_from_the_recurrence_widget(admin: Any, editor: Any) -> None:
    base, repo = editor
    admin.goto(base + "#/collections/events/entries/cafe-parents-havelange")
    widget = admin.locator(".mg-widget", has=admin.locator("legend", has_text="Sauf les mois de")).first
    widget.get_by_label("juillet").check()
    widget.get_by_label("août").check()
    rule = "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,9,10,11,12;UNTIL=20270630"
    assert widget.get_by_label("Règle écrite dans le fichier").input_value() == rule
    dates = widget.locator(".mg-dates li")
    assert dates.count() == 10 and dates.first.inner_text() == "mardi 8 septembre 2026"
    # axe on the widget's form: no serious or critical violation
    admin.evaluate(AXE.read_text(encoding="utf-8"))  # the page's policy forbids inline scripts
    result = admin.evaluate("() => axe.run('.mg-widget', {resultTypes: ['violations']})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    _publish(admin)
    text = (repo / "data" / "events" / "cafe-parents-havelange.yaml").read_text(encoding="utf-8")
    assert f"repeat: {rule}\n" in text and "start: 2026-09-08 09:30\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    event = validation.dataset.events["cafe-parents-havelange"]
    window = Window(date(2026, 9, 1), date(2027, 8, 31))
    occurrences = schedule({event.id: event}, {}, "BE", window)[f"evenement-{event.id}"]
    months = {o.original.month for o in occurrences}
    assert months.isdisjoint({7, 8}) and {9, 10, 11, 12, 1, 3, 4, 5, 6} <= months


def test_a_new_monthly_event_created_in_the_forms(admin: Any, editor: Any) -> None:
    """ "Every first Thursday, 14:00-16:30, except July and August", with one date cancelled,
    entered only through the forms; the holiday on one of its dates is flagged before saving."""
    import re

    base, repo = editor
    admin.goto(base + "#/collections/events/new")
    admin.reload()

    def choose(label: str, text: str) -> None:
        box = admin.get_by_label(label, exact=True)
        box.fill(text)
        admin.get_by_role("option", name=text).first.wait_for()
        box.press("Enter")

    admin.get_by_label("Identifiant (nom du fichier)").fill("cafe-du-jeudi")
    admin.get_by_label("Titre", exact=True).fill("Café du jeudi")
    choose("Type", "café rencontre")
    choose("Organisateurs", "CPAS de Ciney")
    choose("Publics", "tout public")
    admin.get_by_label("En une phrase", exact=True).fill("Un café pour se rencontrer, le premier jeudi du mois.")
    place = admin.get_by_label(re.compile(r"^Lieu( \(optionnel\))?$")).first
    place.fill("Salle du village de Maffe")
    admin.get_by_role("option", name="Salle du village de Maffe").first.wait_for()
    place.press("Enter")
    admin.get_by_label("Début (première fois)", exact=True).fill("2027-01-07 14:00")
    admin.get_by_label(re.compile(r"^Fin( \(optionnel\))?$")).first.fill("16:30")
    widget = admin.locator(".mg-widget", has=admin.get_by_text("Fréquence")).first
    widget.get_by_label("Fréquence").select_option("MONTHLY")
    widget.get_by_label("le … du mois").check()
    widget.get_by_label("jour", exact=True).select_option(label="jeudi")
    widget.get_by_label("juillet").check()
    widget.get_by_label("août").check()
    rule = "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12"
    assert widget.get_by_label("Règle écrite dans le fichier").input_value() == rule
    dates = widget.locator(".mg-dates li")
    assert dates.nth(4).inner_text() == "jeudi 6 mai 2027 — jour férié (Ascension)"
    assert dates.nth(6).inner_text() == "jeudi 2 septembre 2027"  # July and August left out
    _publish(admin)
    text = (repo / "data" / "events" / "cafe-du-jeudi.yaml").read_text(encoding="utf-8")
    assert "start: 2027-01-07 14:00\nend: 16:30\n" in text and f"repeat: {rule}\n" in text
    assert "organizers:\n  - cpas-ciney\n" in text and "place: salle-maffe\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    event = validation.dataset.events["cafe-du-jeudi"]
    occurrences = schedule({event.id: event}, {}, "BE", Window(date(2027, 1, 1), date(2027, 12, 31)))
    days = [o.original.isoformat()[:10] for o in occurrences["evenement-cafe-du-jeudi"]]
    assert days == [
        "2027-01-07",
        "2027-02-04",
        "2027-03-04",
        "2027-04-01",
        "2027-05-06",
        "2027-06-03",
        "2027-09-02",
        "2027-10-07",
        "2027-11-04",
        "2027-12-02",
    ]


def test_one_date_of_a_series_cancelled_in_the_form(admin: Any, editor: Any) -> None:
    base, repo = editor
    admin.goto(base + "#/collections/events/entries/cafe-parents-havelange")
    admin.reload()
    empty = 'input[id^="date-field"]:visible'
    admin.locator(empty).first.wait_for()
    before = admin.locator(empty).count()
    admin.get_by_role("button", name="Ajouter dates annulées").click()
    for _ in range(50):
        if admin.locator(empty).count() > before:
            break
        admin.wait_for_timeout(100)
    boxes = admin.locator(empty)
    values = [boxes.nth(i).input_value() for i in range(boxes.count())]
    assert "" in values, values
    new = boxes.nth(values.index(""))
    new.fill("2027-03-09")
    _publish(admin)
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    event = validation.dataset.events["cafe-parents-havelange"]
    assert [c.date.isoformat() for c in event.cancelled] == ["2027-02-09", "2027-03-09"]


def test_a_new_association_created_in_the_forms(admin: Any, editor: Any) -> None:
    import re

    base, repo = editor
    admin.goto(base + "#/collections/actors/new")
    admin.reload()

    def choose(label: str | re.Pattern[str], text: str) -> None:
        box = admin.get_by_label(label, exact=True).first if isinstance(label, str) else admin.get_by_label(label).first
        box.fill(text)
        admin.get_by_role("option", name=text).first.wait_for()
        box.press("Enter")

    admin.get_by_label("Identifiant (nom du fichier)").fill("amis-de-chapois")
    admin.get_by_label("Nom", exact=True).first.fill("Les Amis de Chapois")
    choose("Type d'acteur", "association")
    choose("Thèmes", "lien social")
    choose("Publics", "aînés")
    admin.get_by_label("En une phrase", exact=True).first.fill("Un goûter et des jeux chaque semaine pour les aînés.")
    choose("Communes desservies", "Ciney")
    admin.get_by_label(re.compile(r"^Téléphone( \(optionnel\))?$")).first.fill("083 21 00 01")
    choose("Coût", "gratuit")
    admin.get_by_label("Par", exact=True).first.fill("Les Amis de Chapois")
    admin.get_by_label("Le", exact=True).first.fill("2026-11-20")
    choose("Comment", "par téléphone")
    _publish(admin)
    text = (repo / "data" / "actors" / "amis-de-chapois.yaml").read_text(encoding="utf-8")
    assert "themes:\n  - lien-social\n" in text and "area:\n  - ciney\n" in text
    validation = validate(repo / "data", today=TODAY)
    assert validation.errors == []
    actor = validation.dataset.actors["amis-de-chapois"]
    assert (actor.kind, actor.access.cost, actor.verified.how) == ("association", "free", "phone")
    assert actor.contact.phone == "083 21 00 01" and actor.verified.on == date(2026, 11, 20)
