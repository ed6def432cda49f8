"""The observatory: every indicator on a small territory with known answers
(tests/observatory/data, "today" 2026-11-23), the participation checks, and the page's
charts (text alternatives, a table under each, text from data escaped)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.indicators import compute
from generator.outputs import DOC_WRITERS, RenderContext
from generator.outputs.observatory import Observatory, write_observatory
from generator.validate import validate

DATA = Path(__file__).resolve().parent / "observatory" / "data"
TODAY = date(2026, 11, 23)


def context_of(data: Path, today: date = TODAY) -> RenderContext:
    validation = validate(data, today=today)
    assert validation.ok, [f"{p.file}: {p.message}" for p in validation.errors]
    return RenderContext(validation.dataset, validation.today, {"site_url": "https://maillage.example/"})


@pytest.fixture(scope="module")
def context() -> RenderContext:
    return context_of(DATA)


# --- indicators ----------------------------------------------------------------------------


def test_occurrences_per_month_by_commune_and_type(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    # Meetings in Feb, Jun and (planned) Dec at Alpha; the café every 15th but August (cancelled).
    assert data.months_by_commune == {
        "alpha": [1, 2, 1, 1, 1, 2, 1, 0, 1, 1, 1, 2],
        "beta": [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
    }
    assert data.months_by_type == {
        "cafe": [1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1],
        "grocery": [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
        "meeting": [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1],
    }


def test_coordination_meetings_held_per_year(context: RenderContext) -> None:
    # The December meeting is planned, not held yet.
    assert compute(context.dataset, TODAY).meetings == {2025: 2, 2026: 2}
    assert compute(context.dataset, date(2026, 12, 8)).meetings == {2025: 2, 2026: 3}


def test_share_of_actors_taking_part(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    # Organizer cpas, present asbl and pcs (2026); club never came.
    assert data.actors_present == {"cpas", "asbl", "pcs"}
    assert data.actors_total == 4
    assert data.participation_share == 0.75


def test_attendance_and_its_diversity(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    # Feb meeting 8, Jun meeting (actors only) 0, café Jan 10, Mar 2+3 (no count), Oct 4.
    assert data.attended_occurrences == 5
    assert data.participants == 27
    assert data.by_age == {"0-11": 2, "12-17": 0, "18-25": 0, "26-64": 9, "65+": 4}
    assert data.by_commune == {"alpha": 7, "beta": 7}


def test_villages_reached_and_white_zones(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    assert data.reached == {"a1", "b1"}
    assert data.white_zones == ["a2", "b2"]
    # Before the grocery van's first run, Bêta-Centre was a white zone.
    assert compute(context.dataset, date(2026, 8, 31)).white_zones == ["a2", "b1", "b2"]


def test_directory_freshness(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    assert data.freshness == {"overdue": 1, "over-6": 1, "3-6": 1, "under-3": 1}


def test_this_year_against_last_year(context: RenderContext) -> None:
    data = compute(context.dataset, TODAY)
    now, before = data.this_year, data.last_year
    assert (now.first, now.last, before.first, before.last) == (
        date(2026, 1, 1),
        TODAY,
        date(2025, 1, 1),
        date(2025, 11, 23),
    )
    # 2 meetings + 10 cafés + 3 stops; 2025: the two meetings.
    assert (now.occurrences, now.meetings, now.participants, now.villages) == (15, 2, 27, {"a1", "b1"})
    assert (before.occurrences, before.meetings, before.participants, before.villages) == (2, 2, 6, {"a1"})


# --- participation data and its checks -------------------------------------------------------


def test_attendance_reaches_the_open_data(context: RenderContext) -> None:
    from generator.outputs.exports.native import Native

    cafe = next(e for e in Native(context).events_json() if e["id"] == "cafe-a1")
    assert cafe["attendance"][0] == {
        "actors": [],
        "ages": {"26-64": 6, "65+": 4},
        "communes": {"alpha": 7, "beta": 3},
        "count": 10,
        "date": "2026-01-15",
    }


def broken(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    validation = validate(data, today=TODAY)
    return [f"{p.path} {p.message}" for p in validation.errors]


def test_an_unknown_commune_is_an_error(tmp_path: Path) -> None:
    errors = broken(tmp_path, "events/cafe-a1.yaml", "{beta: 4}", "{gamma: 4}")
    assert len(errors) == 1 and "gamma" in errors[0] and "attendance" in errors[0]


def test_an_unknown_actor_is_an_error(tmp_path: Path) -> None:
    errors = broken(tmp_path, "events/reunion-2026-06.yaml", "actors: [pcs]", "actors: [pcs, inconnu]")
    assert len(errors) == 1 and "inconnu" in errors[0]


def test_an_attendance_date_must_be_an_occurrence(tmp_path: Path) -> None:
    errors = broken(tmp_path, "events/cafe-a1.yaml", "date: 2026-03-15", "date: 2026-03-16")
    assert len(errors) == 1 and "2026-03-16" in errors[0]


def test_an_occurrence_has_one_attendance_entry(tmp_path: Path) -> None:
    errors = broken(tmp_path, "events/cafe-a1.yaml", "date: 2026-03-15", "date: 2026-01-15")
    assert len(errors) == 1 and "2026-01-15" in errors[0]


def test_an_unknown_age_band_and_a_negative_count_are_errors(tmp_path: Path) -> None:
    errors = broken(tmp_path, "events/cafe-a1.yaml", "{0-11: 2, 26-64: 3}", "{0-10: 2, 26-64: -3}")
    assert len(errors) == 2


# --- the page ------------------------------------------------------------------------------


def test_the_page_is_registered_and_written(context: RenderContext, tmp_path: Path) -> None:
    assert write_observatory in DOC_WRITERS
    write_observatory(context, tmp_path)
    assert (tmp_path / "observatoire" / "index.md").read_text(encoding="utf-8").startswith("---\ntitle:")


def test_every_chart_has_a_text_alternative_and_a_table_under_it(context: RenderContext) -> None:
    page = Observatory(context).markdown()
    charts = re.findall(r'<svg [^>]*role="img" aria-labelledby="([\w-]+)-t \1-d"', page)
    assert len(charts) == 7 == page.count("<svg ")
    for key in charts:
        assert f'<title id="{key}-t">' in page and f'<desc id="{key}-d">' in page
        after = page[page.index(f'aria-labelledby="{key}-t') :]
        assert after.index("<table") < after.index("</section>")
    assert "Zones blanches" in page and "<li>Alpha-Bois</li><li>Bêta-Champs</li>" in page
    assert "27 participations notées sur 5 activités" in page


def test_text_from_data_is_escaped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    territory = data / "territory.yaml"
    territory.write_text(
        territory.read_text(encoding="utf-8").replace("Alpha-Bois", '"<script>alert(1)</script>"'), encoding="utf-8"
    )
    actor = data / "actors" / "asbl.yaml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace("ASBL du Bois", '"<img src=x onerror=alert(2)> & co"'),
        encoding="utf-8",
    )
    page = Observatory(context_of(data)).markdown()
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt; &amp; co" in page
