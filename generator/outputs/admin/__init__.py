"""The form editor at ``/admin/``: Decap CMS, vendored from npm, configured from the models.

Written into the built site after MkDocs: the page (``overrides/admin/index.html``, an
autoescaped Jinja template carrying the page's own Content-Security-Policy), its generated
``config.yml`` (see ``config``), the territory's words for the custom widgets
(``maillage-data.js``: communes, villages, public holidays), the widgets
(``overrides/admin/maillage-cms.js``) and Decap's bundle with its chunks. Nothing is fetched
from another host until the user clicks "log in".
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import holidays
import jinja2
import yaml

from ...hours import describe_hours
from .. import RenderContext
from .config import EditorConfig, connect_sources, forge

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "overrides" / "admin"
NODE_MODULES = ROOT / "node_modules"
WIDGETS = ("maillage-cms.js", "maillage-cms.css")


class MissingEditor(RuntimeError):
    """node_modules lacks Decap CMS: run `npm ci` (done by `make site`)."""


def policy(settings: dict[str, Any]) -> str:
    """The page's own policy: what Decap needs, for /admin/ only.

    Decap compiles its configuration's JSON Schema with ``new Function`` (``'unsafe-eval'``)
    and styles its components with injected ``<style>`` elements (``'unsafe-inline'`` for
    styles only); the forge's API (and the local backend of ``make edit``) is the only other
    origin it talks to, and only after the user clicks "log in"."""
    sources = " ".join(connect_sources(settings))
    found = forge(settings)
    images = "'self' data: blob:"
    if found["kind"] == "github":
        images += " https://avatars.githubusercontent.com"
    elif found["host"]:
        images += f" https://{found['host']}"
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "font-src 'self' data:",
            f"connect-src 'self' {sources}",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-src 'self' blob:",
        ]
    )


def holiday_names(country: str, lang: str, today: date) -> dict[str, str]:
    """Public holidays of the territory's country, a year back and three ahead: date → name."""
    years = list(range(today.year - 1, today.year + 4))
    try:
        found = holidays.country_holidays(country, years=years, language=lang)
    except (NotImplementedError, KeyError):
        return {}
    return {day.isoformat(): str(name) for day, name in sorted(found.items())}


def editor_data(context: RenderContext, lang: str) -> dict[str, Any]:
    config = EditorConfig(context.territory, context.settings)
    return {
        "lang": lang,
        "today": context.today.isoformat(),
        "languages": list(context.territory.languages),
        "communes": config.communes,
        "villages": config.villages,
        "holidays": holiday_names(context.territory.country, lang, context.today),
        "hours": hours_sentences(context, lang),
    }


def hours_sentences(context: RenderContext, lang: str) -> dict[str, str]:
    """The sentence the site prints for every opening-hours value of the data: the editor shows
    it under a value its grid cannot show."""
    values: set[str] = set()
    for actor in context.dataset.actors.values():
        values.update(location.hours for location in actor.locations if location.hours)
        values.update(service.hours for service in actor.services if service.hours)
    country, today = context.territory.country, context.today
    return {value: describe_hours(value, country, today, lang) for value in sorted(values)}


def _copy_decap(target: Path, node_modules: Path) -> None:
    dist = node_modules / "decap-cms" / "dist"
    if not (dist / "decap-cms.js").is_file():
        raise MissingEditor(f"{dist / 'decap-cms.js'} manque : lancez `npm ci` (ou `make site`) à la racine du projet.")
    vendor = target / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for source in sorted(dist.iterdir()):
        name = source.name
        if name.endswith(".decap-cms.js") or name == "decap-cms.js" or name.endswith(".wasm"):
            shutil.copyfile(source, vendor / name)
    shutil.copyfile(dist / "decap-cms.js.LICENSE.txt", vendor / "decap-cms.js.LICENSE.txt")


def render_page(context: RenderContext, lang: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return env.get_template("index.html").render(
        lang=lang,
        csp=policy(context.settings),
        site_url=context.site_url,
    )


def config_text(context: RenderContext) -> str:
    config = EditorConfig(context.territory, context.settings).config()
    return (
        "# Généré par le générateur à partir des modèles (generator/outputs/admin) : ne pas modifier à la main.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
    )


def write_admin(context: RenderContext, built: Path, node_modules: Path = NODE_MODULES) -> None:
    """Write /admin/ into the built site."""
    target = built / "admin"
    target.mkdir(parents=True, exist_ok=True)
    lang = EditorConfig(context.territory, context.settings).lang
    _copy_decap(target, node_modules)
    for name in WIDGETS:
        shutil.copyfile(TEMPLATES / name, target / name)
    (target / "config.yml").write_text(config_text(context), encoding="utf-8")
    data = json.dumps(editor_data(context, lang), ensure_ascii=False, sort_keys=True)
    (target / "maillage-data.js").write_text(f"window.MAILLAGE_EDITOR = {data};\n", encoding="utf-8")
    (target / "index.html").write_text(render_page(context, lang), encoding="utf-8")
