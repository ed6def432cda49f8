"""One rule per concept (issue 16): every output — page, leaflet, feed, open data, the browser's
"open now" data — says the same opening hours and the same place, read back from the files a
build of tests/territories/tricky wrote. Its values are the tricky ones: a later rule that
replaces earlier days, special hours on public holidays, hours across midnight, a season;
events placed by commune only, by village, by place, and an occurrence moved to another place.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import icalendar
import pytest
from conftest import TERRITORIES, TODAY, shared_build
from test_leaflets_support import pdf_text

from generator.hours import browser_json, describe_hours, read_hours
from generator.schedule import where
from generator.validate import validate

DATA = TERRITORIES / "tricky" / "data"
HOURS = {
    "Mo-Fr 08:30-12:00; Tu,Th 13:30-16:00; PH off": (
        "lundi, mercredi et vendredi, de 8 h 30 à 12 h ; mardi et jeudi, de 13 h 30 à 16 h ; fermé les jours fériés"
    ),
    "Mo-Fr 09:00-12:00; PH 10:00-11:00": "du lundi au vendredi, de 9 h à 12 h ; horaires particuliers les jours fériés",
    "Mo-Su 19:30-08:30": "tous les jours, de 19 h 30 à 8 h 30 le lendemain",
    "Mo-Fr 09:00-12:00; Jul-Aug off": "du lundi au vendredi, de 9 h à 12 h ; horaires variables selon la période",
    "Th[1,3] 13:30-16:30": "le 1er et le 3e jeudi du mois, de 13 h 30 à 16 h 30",
}
# event id → (the words every output says, the position every output gives)
PLACES = {
    "cafe-achene": ("Salle du village d'Achêne, Rue de l'Église 3, 5590 Achêne", (50.2668, 5.0458)),  # a place
    "atelier-natoye": ("Natoye, Hamois", (50.3422, 5.0571)),  # a village only: the village's centre
    "marche-ciney": ("Ciney", (50.2960, 5.1000)),  # a commune only: the commune's centre
}
MOVED = ("Salle communale de Natoye, Rue du Centre 12, 5360 Natoye", (50.3422, 5.0571))  # 2026-12-08 → 9, Natoye


def squeeze(text: str) -> str:
    """Text without any kind of space, in lower case: a PDF's lines and a page's tags wrap
    where they like, and a sentence that starts a line starts with a capital."""
    return re.sub(r"[\s\u00a0\u202f]+", "", text).lower()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, DATA)


@pytest.fixture(scope="module")
def leaflets(site: Path) -> str:
    return squeeze(" ".join(pdf_text(pdf) for pdf in sorted((site / "imprimer").glob("commune-*.pdf"))))


def page_text(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    return squeeze(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_the_territory_holds_the_tricky_values() -> None:
    written = (DATA / "actors" / "cpas-ciney.yaml").read_text(encoding="utf-8")
    assert all(f'"{value}"' in written for value in HOURS)


@pytest.mark.parametrize("value", sorted(HOURS))
def test_page_leaflet_and_open_data_say_the_same_hours(site: Path, leaflets: str, value: str) -> None:
    words = describe_hours(value, "BE", date.fromisoformat(TODAY), "fr")
    assert squeeze(words) == squeeze(HOURS[value])
    assert squeeze(words) in page_text(site, "acteurs/cpas-ciney"), "the actor's page"
    assert squeeze(words) in leaflets, "the commune's leaflet"
    exported = json.loads((site / "donnees" / "acteurs.json").read_text(encoding="utf-8"))
    assert value in json.dumps(exported, ensure_ascii=False), "the open data carries the value as written"


def test_the_open_now_data_is_read_by_the_same_rule(site: Path) -> None:
    page = (site / "acteurs" / "cpas-ciney" / "index.html").read_text(encoding="utf-8")
    found = [json.loads(html.unescape(m)) for m in re.findall(r'data-hours="([^"]+)"', page)]
    today = date.fromisoformat(TODAY)
    expected = [browser_json(read_hours(value, "BE", today), [], today) for value in HOURS]
    assert found == expected


def feed_places(site: Path, event_id: str) -> dict[str, tuple[str, tuple[float, float]]]:
    """RECURRENCE-ID (or "") → (LOCATION, GEO) of one event's feed, as icalendar reads it."""
    calendar = icalendar.Calendar.from_ical((site / "calendriers" / "evenement" / f"{event_id}.ics").read_bytes())
    out = {}
    for component in calendar.walk("VEVENT"):
        key = component["RECURRENCE-ID"].dt.date().isoformat() if "RECURRENCE-ID" in component else ""
        geo = component["GEO"]
        out[key] = (str(component["LOCATION"]), (round(geo.latitude, 4), round(geo.longitude, 4)))
    return out


@pytest.mark.parametrize("event_id", sorted(PLACES))
def test_feed_page_and_leaflet_say_the_same_place(site: Path, leaflets: str, event_id: str) -> None:
    label, geo = PLACES[event_id]
    assert feed_places(site, event_id)[""] == (label, geo)
    assert squeeze(label) in leaflets
    page = (site / "evenements" / event_id / "index.html").read_text(encoding="utf-8")
    lieu = re.search(r"<h2>Lieu</h2>(.*?)</section>", page, re.S)
    assert lieu is not None
    assert all(squeeze(part) in squeeze(html.unescape(lieu.group(1))) for part in label.split(", "))
    points = json.loads(html.unescape(re.search(r'data-points="([^"]+)"', lieu.group(1)).group(1)))  # type: ignore[union-attr]
    assert [(p["lat"], p["lon"]) for p in points] == [geo], "the map shows the feed's position"


def test_a_moved_occurrence_is_at_its_new_place_everywhere(site: Path, leaflets: str) -> None:
    label, geo = MOVED
    assert feed_places(site, "cafe-achene")["2026-12-08"] == (label, geo)
    assert squeeze("mercredi 9 décembre") + squeeze("CHANGEMENT") in leaflets
    assert squeeze(label) in leaflets
    agenda = page_text(site, "evenements/cafe-achene")
    assert squeeze("Salle communale de Natoye") in agenda


def test_the_schedule_resolves_where_once() -> None:
    validation = validate(DATA, today=date.fromisoformat(TODAY))
    dataset = validation.dataset
    assert dataset.territory is not None
    for event_id, (label, geo) in PLACES.items():
        event = dataset.events[event_id]
        found = where(event.place, event.location, dataset.places, dataset.territory)
        assert found is not None
        assert (found.label("fr", "fr"), found.geo) == (label, geo)
    assert where(None, None, dataset.places, dataset.territory) is None
