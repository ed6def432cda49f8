"""The editor's configuration (``/admin/config.yml``), generated from the models.

Like the JSON Schemas (``generator.schemas``), it is never written by hand: every field of
every data file kind becomes a form field, chosen from the field's JSON Schema (a select for
a vocabulary, a list for a list of blocks, a pattern for a date…) and from the few field
names that point to other files (``organizers`` → actors, ``village`` → the villages of
``territory.yaml``). A model field this module cannot map still gets a text field, and the
test of the editor fails until it has a label (``FIELD_LABELS``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ...messages import describe
from ...models import KINDS, Territory
from ...models.types import ID_PATTERN, text_in
from ...models.vocabularies import VOCABULARIES

# The collections, in the order of the editor's sidebar: data folder → (label, singular).
COLLECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "actors": {"fr": ("Acteurs", "Acteur"), "en": ("Actors", "Actor")},
    "events": {"fr": ("Agenda", "Événement"), "en": ("Agenda", "Event")},
    "places": {"fr": ("Lieux", "Lieu"), "en": ("Places", "Place")},
    "circuits": {"fr": ("Tournées", "Tournée"), "en": ("Routes", "Route")},
    "notices": {"fr": ("Avis", "Avis"), "en": ("Notices", "Notice")},
}
# The field shown as each entry's name in the lists.
TITLE_FIELDS = {"actors": "name", "events": "title", "places": "name", "circuits": "name", "notices": "title"}

# Field names (as written in the files) that hold the id of another file.
RELATIONS = {"organizers": "actors", "operator": "actors", "actors": "actors", "place": "places"}
COMMUNE_FIELDS = {"commune", "area", "communes"}
VILLAGE_FIELDS = {"village"}

# A label for every field name, in both editor languages. The hint under each field is the
# model's own description.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Identifiant (nom du fichier)", "Id (file name)"),
    "name": ("Nom", "Name"),
    "title": ("Titre", "Title"),
    "kind": ("Type d'acteur", "Kind"),
    "type": ("Type", "Type"),
    "themes": ("Thèmes", "Themes"),
    "audiences": ("Publics", "Audiences"),
    "summary": ("En une phrase", "Summary"),
    "description": ("Description", "Description"),
    "area": ("Communes desservies", "Communes served"),
    "locations": ("Lieux d'accueil", "Locations"),
    "address": ("Adresse", "Address"),
    "commune": ("Commune", "Commune"),
    "communes": ("Communes", "Communes"),
    "village": ("Village", "Village"),
    "geo": ("Position sur la carte", "Position on the map"),
    "hours": ("Heures d'ouverture", "Opening hours"),
    "wheelchair": ("Accès en fauteuil roulant", "Wheelchair access"),
    "contact": ("Contact", "Contact"),
    "phone": ("Téléphone", "Phone"),
    "email": ("E-mail", "E-mail"),
    "website": ("Site web", "Website"),
    "url": ("Adresse web", "Web address"),
    "access": ("Accès", "Access"),
    "cost": ("Coût", "Cost"),
    "cost_note": ("Précision sur le coût", "Cost note"),
    "modes": ("Comment venir", "How to come"),
    "conditions": ("Conditions", "Conditions"),
    "languages": ("Langues", "Languages"),
    "services": ("Services", "Services"),
    "closures": ("Fermetures temporaires", "Temporary closures"),
    "from": ("Du", "From"),
    "until": ("Jusqu'au (inclus)", "Until (included)"),
    "message": ("Message au public", "Message to the public"),
    "verified": ("Dernière vérification", "Last verification"),
    "on": ("Le", "On"),
    "by": ("Par", "By"),
    "how": ("Comment", "How"),
    "review_months": ("Vérifier tous les … mois", "Review every … months"),
    "organizers": ("Organisateurs", "Organizers"),
    "place": ("Lieu", "Place"),
    "location": ("Lieu écrit en entier", "Venue written in full"),
    "start": ("Début (première fois)", "Start (first time)"),
    "end": ("Fin", "End"),
    "repeat": ("Répétition", "Repeat"),
    "skip": ("Dates sautées", "Skipped dates"),
    "cancelled": ("Dates annulées", "Cancelled dates"),
    "changed": ("Dates déplacées ou modifiées", "Moved or changed dates"),
    "date": ("Date", "Date"),
    "reason": ("Raison", "Reason"),
    "note": ("Note au public", "Note to the public"),
    "status": ("Statut", "Status"),
    "registration": ("Inscription", "Registration"),
    "required": ("Inscription obligatoire", "Registration required"),
    "deadline": ("Date limite", "Deadline"),
    "attendance": ("Participation", "Attendance"),
    "count": ("Nombre de participants", "Participants"),
    "ages": ("Par tranche d'âge", "By age band"),
    "0-11": ("0 à 11 ans", "Aged 0-11"),
    "12-17": ("12 à 17 ans", "Aged 12-17"),
    "18-25": ("18 à 25 ans", "Aged 18-25"),
    "26-64": ("26 à 64 ans", "Aged 26-64"),
    "65+": ("65 ans et plus", "Aged 65+"),
    "operator": ("Acteur qui fait la tournée", "Operator"),
    "stops": ("Arrêts", "Stops"),
    "where": ("Où exactement", "Where exactly"),
    "arrive": ("Arrivée", "Arrives"),
    "leave": ("Départ", "Leaves"),
    "level": ("Niveau", "Level"),
    "body": ("Texte de l'avis", "Text"),
    "actors": ("Acteurs", "Actors"),
    # fields other issues add to every kind (search keywords, territory calendars)
    "keywords": ("Mots-clés", "Keywords"),
    "calendars": ("Calendriers", "Calendars"),
    "public_contacts": ("Contacts publics cités dans les textes", "Public contacts named in texts"),
    "source": ("Source (agenda importé, ne pas modifier)", "Source (imported calendar, do not change)"),
}

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_TIME = r"^([01]?\d|2[0-3]):[0-5]\d$"
_DATETIME = r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$"
# Patterns the form checks before saving, with the words `check` uses for the same mistake.
_PATTERN_CODES = {
    ID_PATTERN: ("id_format", {"value": "…", "suggestion": "cafe-parents-maffe"}),
    _DATE: ("date_format", {"value": "…"}),
    _TIME: ("time_format", {"value": "…"}),
    _DATETIME: ("datetime_format", {"value": "…"}),
}
_START = r"^\d{4}-\d{2}-\d{2}( ([01]?\d|2[0-3]):[0-5]\d)?$"
_END = r"^((\d{4}-\d{2}-\d{2})|(\d{4}-\d{2}-\d{2} )?([01]?\d|2[0-3]):[0-5]\d)$"
_EMAIL = r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[A-Za-z]{2,}$"
_URL = r"^https?://[^\s/]+\.[^\s]+$"
_PHONE = r"^\+?[0-9][0-9 ./()-]{2,24}$"


def _message(code: str, lang: str, **context: Any) -> str:
    message, hint = describe(code, {"value": "…", **context}, lang)
    this = "cette valeur" if lang == "fr" else "this value"
    message = message.replace("`…`", this)
    message = message[0].upper() + message[1:]
    return f"{message} ; {hint}" if lang == "fr" else f"{message}; {hint}"


class EditorConfig:
    """Builds the configuration for a territory, in the language of its first site language."""

    def __init__(self, territory: Territory, settings: dict[str, Any]) -> None:
        self.territory = territory
        self.settings = settings
        self.lang = "en" if territory.default_language == "en" else "fr"
        default = territory.default_language
        self.communes = [{"label": text_in(c.name, default, default), "value": c.id} for c in territory.communes]
        self.villages = [
            {"label": f"{text_in(v.name, default, default)} ({text_in(c.name, default, default)})", "value": v.id}
            for c in territory.communes
            for v in c.villages
        ]

    # --- one field ----------------------------------------------------------------------

    def label(self, name: str) -> str:
        labels = FIELD_LABELS.get(name)
        if labels is None:
            return name.replace("_", " ").capitalize()
        return labels[0] if self.lang == "fr" else labels[1]

    def _pattern(self, pattern: str, code: str | None = None, **context: Any) -> list[str]:
        if code is None:
            code, context = _PATTERN_CODES.get(pattern, ("", {}))
        return [pattern, _message(code, self.lang, **context)] if code else [pattern, pattern]

    def _options(self, vocabulary: str) -> list[dict[str, str]]:
        return [{"label": term.label(self.lang), "value": value} for value, term in VOCABULARIES[vocabulary].items()]

    def field(self, name: str, prop: dict[str, Any], required: bool, defs: dict[str, Any]) -> dict[str, Any]:
        """The form field of one property of a JSON Schema."""
        description = prop.get("description")
        options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
        if "anyOf" in prop and len(options) < len(prop["anyOf"]):
            required = False
            inner = options[0] if len(options) == 1 else {"anyOf": options}
            prop = {**inner, "description": description or inner.get("description")}
        result: dict[str, Any] = {"name": name, "label": self.label(name), "required": required}
        if description:
            result["hint"] = description
        result.update(self.widget(name, prop, defs))
        if result.get("widget") == "object" and not required:
            # an optional block may be left out: its own required fields are asked by `check`
            # only when it is there, which Decap cannot say
            # (and their defaults would make Decap write the block when nobody filled it in)
            for inner in result["fields"]:
                inner["required"] = False
                inner.pop("default", None)
        if "default" in prop and prop["default"] is not None and result.get("widget") in ("select", "number"):
            result["default"] = prop["default"]
        if result.get("widget") == "boolean" and "default" in prop:
            result["default"] = prop["default"]
        return result

    def widget(self, name: str, prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
        """The widget and its options for a property (already stripped of `null`)."""
        if "$ref" in prop:
            model = defs[prop["$ref"].rsplit("/", 1)[-1]]
            return {"widget": "object", "collapsed": False, "fields": self.fields(model, defs)}
        kinds = {p.get("type") for p in prop.get("anyOf", [])}
        if kinds == {"string", "object"}:
            longest = max(int(p.get("maxLength", 0)) for p in prop["anyOf"] if p.get("type") == "string")
            return {
                "widget": "maillage-i18n",
                "multiline": longest > 1000,
                "languages": list(self.territory.languages),
            }
        if any("FREQ" in str(p.get("pattern", "")) for p in [prop, *prop.get("anyOf", [])]):
            return {"widget": "maillage-recurrence"}
        if "anyOf" in prop:  # start, end: a date, a date and time, or a time
            patterns = {p.get("pattern") for p in prop["anyOf"]}
            if _TIME in patterns:
                return {"widget": "string", "pattern": self._pattern(_END, "end_format")}
            return {"widget": "string", "pattern": self._pattern(_START, "start_format")}
        if "enum" in prop:
            return {"widget": "select", "options": self._options(_vocabulary_of(prop["enum"]))}
        kind = prop.get("type")
        if kind == "array":
            return self._list(name, prop, defs)
        if kind == "object":  # a count by id (attendance by commune)
            return {"widget": "maillage-counts", "options": self.communes}
        if kind == "integer":
            result: dict[str, Any] = {"widget": "number", "value_type": "int"}
            for key, option in (("minimum", "min"), ("maximum", "max")):
                if key in prop:
                    result[option] = prop[key]
            return result
        if kind == "number":
            return {"widget": "number", "value_type": "float"}
        if kind == "boolean":
            return {"widget": "boolean"}
        return self._string(name, prop)

    def _string(self, name: str, prop: dict[str, Any]) -> dict[str, Any]:
        pattern = prop.get("pattern")
        if pattern == ID_PATTERN:
            if name in RELATIONS:
                return self._relation(RELATIONS[name], multiple=False)
            if name in COMMUNE_FIELDS:
                return {"widget": "select", "options": self.communes}
            if name in VILLAGE_FIELDS:
                return {"widget": "select", "options": self.villages}
        if "PH off" in " ".join(str(e) for e in prop.get("examples", [])):
            return {"widget": "maillage-hours"}
        if pattern in _PATTERN_CODES:
            return {"widget": "string", "pattern": self._pattern(pattern)}
        if prop.get("format") == "email":
            return {"widget": "string", "pattern": self._pattern(_EMAIL, "email_format")}
        if prop.get("format") == "uri":
            return {"widget": "string", "pattern": self._pattern(_URL, "url_format")}
        if pattern and "0-9" in pattern and "./()" in pattern:
            return {"widget": "string", "pattern": self._pattern(_PHONE, "phone_format")}
        if int(prop.get("maxLength", 0)) > 200:
            return {"widget": "text"}
        return {"widget": "string"}

    def _relation(self, collection: str, multiple: bool) -> dict[str, Any]:
        title = TITLE_FIELDS[collection]
        return {
            "widget": "relation",
            "collection": collection,
            "value_field": "id",
            "search_fields": ["id", title],
            "display_fields": [title],
            "multiple": multiple,
            "options_length": 200,
        }

    def _list(self, name: str, prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
        items = prop.get("items", {})
        result: dict[str, Any]
        if prop.get("minItems") == 2 and prop.get("maxItems") == 2 and items.get("type") == "number":
            return {"widget": "maillage-geo"}
        if "$ref" in items:
            model = defs[items["$ref"].rsplit("/", 1)[-1]]
            # `default: []`: without it Decap starts a new entry with one empty block, whose
            # required fields then stop the saving of an entry that needs none
            result = {
                "widget": "list",
                "collapsed": name == "attendance",
                "default": [],
                "fields": self.fields(model, defs),
            }
        elif "enum" in items:
            result = {"widget": "select", "multiple": True, "options": self._options(_vocabulary_of(items["enum"]))}
        elif items.get("pattern") == ID_PATTERN and name in RELATIONS:
            result = self._relation(RELATIONS[name], multiple=True)
        elif items.get("pattern") == ID_PATTERN and name in COMMUNE_FIELDS:
            everywhere = "tout le territoire" if self.lang == "fr" else "the whole territory"
            result = {
                "widget": "select",
                "multiple": True,
                "options": [{"label": everywhere, "value": "all"}, *self.communes],
            }
        elif any(p.get("const") for p in items.get("anyOf", [])):  # skip: public-holidays or dates
            holidays = "public-holidays"
            result = {
                "widget": "list",
                "field": {
                    "name": "date",
                    "label": self.label("date"),
                    "widget": "string",
                    "pattern": [f"^({holidays}|\\d{{4}}-\\d{{2}}-\\d{{2}})$", _message("date_format", self.lang)],
                },
            }
        else:
            result = {"widget": "list", "field": {"name": "item", "label": self.label(name), "widget": "string"}}
        if prop.get("minItems"):
            result["min"] = prop["minItems"]
        return result

    def fields(self, schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
        required = set(schema.get("required", []))
        return [self.field(name, prop, name in required, defs) for name, prop in schema.get("properties", {}).items()]

    # --- the whole configuration ----------------------------------------------------------

    def collections(self) -> list[dict[str, Any]]:
        result = []
        for folder, labels in COLLECTIONS.items():
            model = KINDS[folder]
            schema = model.model_json_schema(by_alias=True, mode="validation")
            plural, singular = labels[self.lang]
            fields = self.fields(schema, schema.get("$defs", {}))
            for field in fields:
                if field["name"] == "id":
                    field["hint"] = field.get("hint", "") + (
                        " Il devient le nom du fichier et l'adresse de la page ; ne le changez plus ensuite."
                        if self.lang == "fr"
                        else " It becomes the file name and the page's address; do not change it afterwards."
                    )
            result.append(
                {
                    "name": folder,
                    "label": plural,
                    "label_singular": singular,
                    "folder": f"data/{folder}",
                    "extension": "yaml",
                    "format": "yaml",
                    "create": True,
                    "delete": False,
                    "identifier_field": "id",
                    "slug": "{{id}}",
                    "summary": "{{" + TITLE_FIELDS[folder] + "}}",
                    "fields": fields,
                }
            )
        return result

    def config(self) -> dict[str, Any]:
        site_url = str(self.settings.get("site_url") or "")
        config: dict[str, Any] = {
            "locale": self.lang,
            "backend": backend(self.settings),
            "local_backend": {
                "url": f"http://127.0.0.1:{local_port(self.settings)}/api/v1",
                "allowed_hosts": ["127.0.0.1", "localhost"],
            },
            "media_folder": "content/assets/images",
            "public_folder": "/assets/images",
            "omit_empty_optional_fields": True,
            "collections": self.collections(),
        }
        if config["backend"]["name"] == "github" and config["backend"].get("open_authoring"):
            config["publish_mode"] = "editorial_workflow"
        if site_url:
            config["site_url"] = site_url
            config["display_url"] = site_url
        return config


LOCAL_PORT = 8081


def local_port(settings: dict[str, Any]) -> int:
    """The port of the CMS's local backend (``make edit``): 8081, or ``extra.editor.local_port``."""
    extra = (settings.get("extra") or {}).get("editor") or {}
    try:
        return int(extra.get("local_port") or LOCAL_PORT)
    except (TypeError, ValueError):
        return LOCAL_PORT


def _vocabulary_of(values: list[Any]) -> str:
    for name, terms in VOCABULARIES.items():
        if set(values) == set(terms):
            return name
    raise ValueError(f"no vocabulary has the values {values!r}")


def forge(settings: dict[str, Any]) -> dict[str, Any]:
    """The forge of ``repo_url``: its kind, repository path, branch and API origin.

    github.com and gitlab.com are recognised from the address; any other host is named in
    mkdocs.yml's ``extra.editor`` (``backend: gitlab | gitea | forgejo | github``, and
    ``api_root``/``base_url`` where they differ from the defaults)."""
    extra = (settings.get("extra") or {}).get("editor") or {}
    repo_url = str(settings.get("repo_url") or "")
    parts = urlsplit(repo_url)
    host = (parts.hostname or "").lower()
    repo = parts.path.strip("/").removesuffix(".git")
    edit_uri = str(settings.get("edit_uri") or "edit/main/").strip("/").split("/")
    branch = str(extra.get("branch") or (edit_uri[-1] if len(edit_uri) > 1 else "main"))
    kind = str(extra.get("backend") or {"github.com": "github", "gitlab.com": "gitlab"}.get(host, ""))
    api_root = str(extra.get("api_root") or "")
    if not api_root and kind == "github":
        api_root = "https://api.github.com" if host == "github.com" else f"https://{host}/api/v3"
    if not api_root and kind == "gitlab":
        api_root = f"https://{host}/api/v4"
    if not api_root and kind in ("gitea", "forgejo"):
        api_root = f"https://{host}/api/v1"
    return {
        "kind": kind,
        "repo": repo,
        "branch": branch,
        "host": host,
        "api_root": api_root,
        "base_url": str(extra.get("base_url") or ""),
        "app_id": str(extra.get("app_id") or ""),
    }


def backend(settings: dict[str, Any]) -> dict[str, Any]:
    """Decap's ``backend`` section for the site's forge; without a known forge, the local
    backend only (``make edit``)."""
    found = forge(settings)
    kind = found["kind"]
    if not kind or not found["repo"]:
        port = local_port(settings)
        return {"name": "proxy", "proxy_url": f"http://127.0.0.1:{port}/api/v1", "branch": found["branch"]}
    result: dict[str, Any] = {"name": kind, "repo": found["repo"], "branch": found["branch"]}
    if found["api_root"]:
        result["api_root"] = found["api_root"]
    if found["base_url"]:
        result["base_url"] = found["base_url"]
    if kind == "github":
        result["open_authoring"] = True
        result["always_fork"] = True
    if kind == "gitlab":
        result["auth_type"] = "pkce"
        result["app_id"] = found["app_id"]
        if found["host"] != "gitlab.com":
            result["auth_endpoint"] = "oauth/authorize"
            result["base_url"] = found["base_url"] or f"https://{found['host']}"
    if kind in ("gitea", "forgejo"):
        result["app_id"] = found["app_id"]
        result["base_url"] = found["base_url"] or f"https://{found['host']}"
    return result


def connect_sources(settings: dict[str, Any]) -> list[str]:
    """Origins the editor talks to: the forge's API, and the local backend."""
    found = forge(settings)
    port = local_port(settings)
    sources = [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
    if found["api_root"]:
        parts = urlsplit(found["api_root"])
        sources.insert(0, f"{parts.scheme}://{parts.netloc}")
    if found["base_url"]:
        parts = urlsplit(found["base_url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in sources:
            sources.insert(1, origin)
    return sources
