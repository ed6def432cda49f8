"""The preview (`python -m generator serve`): after one data file changes, only the pages
whose text changed are rendered again and rewritten, and the result is the full build's."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import ROOT, TERRITORIES, TODAY

from generator.serve import Preview


def _mtimes(site: Path) -> dict[Path, int]:
    return {p.relative_to(site): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_one_edit_renders_only_the_pages_it_changes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    preview = Preview(
        ROOT, data, site_dir=tmp_path / "served", scratch=tmp_path / "scratch", today=date.fromisoformat(TODAY)
    )
    preview.rebuild()
    assert "complète" in capsys.readouterr().out
    built = tmp_path / "scratch" / "site"
    before = _mtimes(built)
    served_before = _mtimes(tmp_path / "served")
    assert len(before) > 20 and preview.version == 1

    actor = data / "actors" / "cpas-ciney.yaml"
    text = actor.read_text(encoding="utf-8")
    assert "summary:" in text
    actor.write_text(text.replace("summary: ", "summary: Texte modifié. ", 1), encoding="utf-8")
    preview.rebuild()
    out = capsys.readouterr().out
    assert "complète" not in out, out
    after = _mtimes(built)
    rendered = {p for p in after if after[p] != before.get(p)}
    assert Path("acteurs/cpas-ciney/index.html") in rendered
    # The actor's own page and the listings that show its summary, not the whole site.
    assert 0 < len(rendered) < len(before) / 2, sorted(map(str, rendered))
    page = (tmp_path / "served" / "acteurs" / "cpas-ciney" / "index.html").read_text(encoding="utf-8")
    assert "Texte modifié." in page
    untouched = Path("agenda/index.html")
    assert untouched not in rendered and _mtimes(tmp_path / "served")[untouched] == served_before[untouched]
    assert preview.version == 2


def test_a_site_wide_change_renders_every_page(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    preview = Preview(
        ROOT, data, site_dir=tmp_path / "served", scratch=tmp_path / "scratch", today=date.fromisoformat(TODAY)
    )
    preview.rebuild()
    capsys.readouterr()
    # A notice is shown as a banner on every page: the dirty mode would leave stale banners.
    notices = sorted((data / "notices").glob("*.yaml"))
    assert notices
    notice = notices[0]
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("title: ", "title: Nouveau titre – ", 1), encoding="utf-8"
    )
    preview.rebuild()
    assert "complète" in capsys.readouterr().out
    page = (tmp_path / "served" / "agenda" / "index.html").read_text(encoding="utf-8")
    assert "Nouveau titre" in page


def test_invalid_data_keeps_the_previous_preview(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    preview = Preview(
        ROOT, data, site_dir=tmp_path / "served", scratch=tmp_path / "scratch", today=date.fromisoformat(TODAY)
    )
    preview.rebuild()
    served = _mtimes(tmp_path / "served")
    (data / "actors" / "cpas-ciney.yaml").write_text("id: cpas-ciney\nkind: [\n", encoding="utf-8")
    preview.rebuild()
    assert "garde la version précédente" in capsys.readouterr().out
    # The files served are the previous ones; the version moves so that open pages reload
    # and show the failure (generator/serve.py's banner, tests/test_hostile_files.py).
    assert _mtimes(tmp_path / "served") == served and preview.version == 2
    assert preview.failure is not None and "data/actors/cpas-ciney.yaml:" in preview.failure


def test_a_removed_file_removes_its_page(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(TERRITORIES / "mini" / "data", data)
    preview = Preview(
        ROOT, data, site_dir=tmp_path / "served", scratch=tmp_path / "scratch", today=date.fromisoformat(TODAY)
    )
    preview.rebuild()
    notice = sorted((data / "notices").glob("*.yaml"))[0]
    page = tmp_path / "served" / "avis" / notice.stem / "index.html"
    assert page.is_file()
    notice.unlink()
    capsys.readouterr()
    preview.rebuild()
    assert "complète" in capsys.readouterr().out
    assert not page.exists()
