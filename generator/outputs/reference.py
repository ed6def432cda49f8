"""The field reference of /contribuer/: every field of every data file and every vocabulary.

Generated from the models' descriptions and the vocabularies' labels, never written by hand,
so that it cannot drift from what `check` accepts.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..models.types import ID_PATTERN
from ..models.vocabularies import VOCABULARIES, VOCABULARY_NAMES
from ..schemas import schema_of
from ..thesaurus import thesaurus
from . import RenderContext

FILES = {
    "territory": ("Le territoire", "data/territory.yaml"),
    "actor": ("Un acteur", "data/actors/<id>.yaml"),
    "place": ("Un lieu", "data/places/<id>.yaml"),
    "event": ("Un événement ou une série", "data/events/<id>.yaml"),
    "circuit": ("Une tournée", "data/circuits/<id>.yaml"),
    "notice": ("Un avis", "data/notices/<id>.yaml"),
}

EVERYDAY_SHOWN = 10  # words of the thesaurus shown per value

# The page is in French: the models' docstrings (English, for developers) are replaced by
# these. A block without one here shows its docstring (tests/test_editor.py lists them all).
DESCRIPTIONS_FR = {
    "territory": "Le territoire que publie le site : fichier `data/territory.yaml`.",
    "actor": "Un acteur social de l'annuaire : fichier `data/actors/<id>.yaml`.",
    "place": "Un lieu (salle de village, bibliothèque…) : fichier `data/places/<id>.yaml`.",
    "event": "Un événement ou une série de l'agenda : fichier `data/events/<id>.yaml`.",
    "circuit": "Une tournée itinérante : fichier `data/circuits/<id>.yaml`.",
    "notice": "Un avis daté : fichier `data/notices/<id>.yaml`.",
    "Commune": "Une commune du territoire, avec ses villages.",
    "Helpline": "La ligne d'information unique du territoire (guichet unique).",
    "Village": "Un village, hameau ou section d'une commune : là où ont lieu arrêts et activités.",
    "Access": "Comment on accède au service : ce qu'il coûte et comment venir.",
    "Closure": "Une fermeture temporaire, annoncée sur le site 15 jours avant.",
    "Contact": "Comment joindre : au moins un téléphone, un e-mail ou un site web.",
    "Location": "Une adresse où l'acteur accueille le public.",
    "Service": "Une chose que propose l'acteur ; les champs omis sont ceux de l'acteur.",
    "Verification": "Quand et comment les informations ont été confirmées la dernière fois.",
    "AgeBands": "Participants d'une occurrence par tranche d'âge, si les organisateurs la connaissent.",
    "Attendance": "Qui est venu à une occurrence, compté par les organisateurs ; seule la date est obligatoire.",
    "Cancellation": "Une occurrence annoncée comme annulée : elle reste affichée, comme annulée.",
    "Change": "Une occurrence déplacée ou modifiée : `date` est sa date d'origine.",
    "InlineLocation": "Un lieu écrit directement dans l'événement, pour un lieu utilisé une seule fois.",
    "Registration": "S'il faut s'inscrire, et comment.",
    "CalendarSource": "L'agenda d'un partenaire (adresse .ics), réimporté chaque jour en événements.",
    "Stop": "Un arrêt de la tournée : un village, un endroit précis, et l'heure de passage.",
}

COOKBOOK = [
    ("le 1er jeudi du mois, sauf en juillet et en août", "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12"),
    ("le dernier jeudi du mois", "FREQ=MONTHLY;BYDAY=-1TH"),
    ("le 2e mardi du mois, jusqu'au 30 juin 2027", "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630"),
    ("le 1er et le 3e lundi du mois", "FREQ=MONTHLY;BYDAY=1MO,3MO"),
    ("un mercredi sur deux", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("chaque mardi et vendredi, 10 fois", "FREQ=WEEKLY;BYDAY=TU,FR;COUNT=10"),
]

_PATTERNS = {
    ID_PATTERN: "identifiant (minuscules, chiffres, tirets)",
    r"^\d{4}-\d{2}-\d{2}$": "date `AAAA-MM-JJ`",
    r"^([01]?\d|2[0-3]):[0-5]\d$": "heure `HH:MM`",
    r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$": "date et heure `AAAA-MM-JJ HH:MM`",
}


def _vocabulary_of(values: list[Any]) -> str | None:
    for name, terms in VOCABULARIES.items():
        if set(values) == set(terms):
            return name
    return None


def describe_type(prop: dict[str, Any]) -> str:
    """A field's type in plain French, from its JSON Schema."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"bloc [{name}](#{name.lower()})"
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        kinds = {p.get("type") for p in options}
        if kinds == {"string", "object"}:
            return "texte, ou ses traductions `{fr: …, nl: …}`"
        return " ou ".join(describe_type(p) for p in options)
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        name = _vocabulary_of(prop["enum"])
        if name:
            return f"un mot de la liste [{VOCABULARY_NAMES[name]['fr']}](#liste-{name})"
        return " / ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        if prop.get("minItems") == 2 and prop.get("maxItems") == 2:
            return "position `[latitude, longitude]`"
        return "liste de " + describe_type(prop.get("items", {}))
    if kind == "string":
        if prop.get("pattern") in _PATTERNS:
            return _PATTERNS[prop["pattern"]]
        if prop.get("format") == "email":
            return "adresse e-mail"
        if prop.get("format") == "uri":
            return "adresse web `https://…`"
        if "FREQ" in str(prop.get("pattern", "")):
            return "règle de répétition RFC 5545"
        return "texte"
    return {"integer": "nombre entier", "number": "nombre", "boolean": "`true` ou `false`"}.get(str(kind), "valeur")


def _table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| champ | obligatoire | forme | description |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        description = str(prop.get("description", "")).replace("|", "\\|").replace("\n", " ")
        rows.append(
            f"| `{name}` | {'oui' if name in required else 'non'} | {describe_type(prop).replace('|', '/')} "
            f"| {description} |"
        )
    return rows


def reference_markdown() -> str:
    """The whole reference page as Markdown (our own text only: no data goes in)."""
    out = [
        "# Contribuer",
        "",
        "## Ajouter votre association / une activité {#ajouter}",
        "",
        "Le plus simple : les **formulaires de l'éditeur**, sans rien installer ni écrire de code. "
        "Ouvrez le formulaire, cliquez sur « Se connecter », remplissez les champs et cliquez sur "
        "« Publier » : l'éditeur envoie votre proposition, qu'une personne de l'équipe relit avant "
        "sa mise en ligne.",
        "",
        "- [Ajouter votre association](../admin/#/collections/actors/new)",
        "- [Ajouter une activité ou une série (café, atelier, permanence…)](../admin/#/collections/events/new)",
        "- [Ajouter un lieu](../admin/#/collections/places/new) · "
        "[une tournée](../admin/#/collections/circuits/new) · [un avis](../admin/#/collections/notices/new)",
        "- [Modifier une fiche existante](../admin/)",
        "",
        "Vous préférez écrire le fichier texte ? La suite de cette page dit tout ce qu'il peut contenir.",
        "",
        "## Répéter une activité : les règles les plus courantes {#repetition}",
        "",
        "Dans le formulaire, les cases de « Répétition » écrivent la règle pour vous et montrent les "
        "10 prochaines dates. Dans le fichier, la règle s'écrit dans `repeat:` ; ajoutez "
        "`skip: [public-holidays]` pour sauter les jours fériés.",
        "",
        "| pour dire… | écrivez |",
        "|---|---|",
        *[f"| {words} | `repeat: {rule}` |" for words, rule in COOKBOOK],
        "",
        "## La référence des champs {#reference}",
        "",
        "Chaque fichier de `data/` décrit une seule chose. Cette page liste tous les champs possibles, "
        "ce qu'ils attendent et les listes de valeurs. Elle est produite à partir du code qui valide "
        "les fichiers : elle dit exactement ce que `python -m generator check` accepte.",
        "",
        "Voir aussi : [la fraîcheur des informations](fraicheur/).",
        "",
    ]
    for kind, (title, path) in FILES.items():
        schema = schema_of(kind)
        out += [
            f"## {title} — `{path}` {{#{kind}}}",
            "",
            DESCRIPTIONS_FR.get(kind, str(schema.get("description", ""))),
            "",
        ]
        out += _table(schema)
        out.append("")
        for name, sub in sorted(schema.get("$defs", {}).items()):
            out += [f"### {name} (dans {title.lower()}) {{#{name.lower()}-{kind}}}", ""]
            out += [DESCRIPTIONS_FR.get(name, str(sub.get("description", ""))), ""]
            out += _table(sub)
            out.append("")
    out += ["## Les listes de valeurs", ""]
    book = thesaurus()
    groups = {"theme": "themes", "audience": "audiences", "kind": "kinds"}
    for name, terms in VOCABULARIES.items():
        out += [f"### {VOCABULARY_NAMES[name]['fr'].capitalize()} {{#liste-{name}}}", ""]
        if name in groups:
            # The thesaurus's everyday words: what the search understands for each value.
            words = book.words[groups[name]]
            out += [
                "La recherche comprend aussi les mots de tous les jours de chaque valeur "
                "(`generator/models/thesaurus.yaml`, complétés par les `keywords` de chaque fiche).",
                "",
                "| valeur | en français | in English | mots compris par la recherche (extrait) |",
                "|---|---|---|---|",
            ]
            out += [
                f"| `{t.value}` | {html.escape(t.labels['fr'])} | {html.escape(t.labels['en'])} | "
                f"{html.escape(', '.join(words.get(t.value, {}).get('fr', ())[:EVERYDAY_SHOWN]))} |"
                for t in terms.values()
            ]
            out.append("")
            continue
        out += ["| valeur | en français | in English |", "|---|---|---|"]
        out += [
            f"| `{t.value}` | {html.escape(t.labels['fr'])} | {html.escape(t.labels['en'])} |" for t in terms.values()
        ]
        out.append("")
    out += IMPORTING
    return "\n".join(out)


def write_reference(context: RenderContext, docs: Path) -> None:
    folder = docs / "contribuer"
    folder.mkdir(parents=True, exist_ok=True)
    text = reference_markdown()
    # Sub-blocks appear under several file kinds; a plain anchor before the first one makes
    # the `#contact`-style links of the tables resolve.
    seen: set[str] = set()
    lines = []
    for line in text.splitlines():
        if line.startswith("### ") and "(dans " in line:
            name = line[4:].split(" ", 1)[0].lower()
            if name not in seen:
                seen.add(name)
                lines.append(f'<span id="{name}"></span>')
                lines.append("")
        lines.append(line)
    (folder / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# Issue 19: what to do with an existing spreadsheet or calendar (the same advice as the
# section of CONTRIBUTING.md), at the end of the page.
IMPORTING = [
    "## Vous avez déjà un tableau / un agenda {#importer}",
    "",
    "Inutile de retaper votre répertoire ou votre agenda : la personne qui s'occupe du site les importe.",
    "",
    "- **Un tableau** (CSV, XLSX, ODS) : `python -m generator import table repertoire.xlsx --report rapport.md`. "
    "Les en-têtes courants sont reconnus (Nom, Adresse, CP, Localité, Téléphone, E-mail, Public, Thématique, "
    "Horaires…) ; pour les autres, `--write-columns colonnes.yaml` écrit une correspondance à compléter, "
    "puis `--columns colonnes.yaml` l'utilise.",
    "- **Un agenda** Google, Nextcloud ou Outlook (fichier `.ics` ou adresse publique) : "
    "`python -m generator import ics agenda.ics --organizer cercle-wallon`. Listé dans `territory.yaml` "
    "(`calendars:`), il est réimporté chaque matin et ses changements sont proposés en demande de fusion.",
    "- **Un export data·inclusion ou HSDS** : `python -m generator import data-inclusion structures.json "
    "services.json`, `python -m generator import hsds dossier/`.",
    "",
    "Chaque import dit, ligne par ligne, ce qu'il a créé, ce qu'il a remis en forme et ce qu'il faut décider. "
    "Ce qu'il ne peut pas deviner est écrit « À DÉCIDER : … » avec la question : `python -m generator check` "
    "liste chacune de ces valeurs jusqu'à ce qu'elle soit remplacée. Un fichier existant n'est jamais remplacé "
    "sans `--update`, et un nouvel import garde les décisions déjà prises.",
    "",
]
