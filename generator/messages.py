"""Words for every problem code, in French and English.

A code plus its context (what the validator saw) becomes a message saying what is wrong in
plain words and a hint saying what would be right. Codes come from the YAML reader
(``yamlread``), the field types (``models.types``), pydantic's own checks, and the checks
across files (``checks``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from .models.vocabularies import VOCABULARIES, VOCABULARY_NAMES
from .yamlwords import syntax_detail

_DATE_HINT = {
    "fr": "écrivez une date sous la forme AAAA-MM-JJ, par exemple 2026-09-08",
    "en": "write a date as YYYY-MM-DD, e.g. 2026-09-08",
}
_TIME_HINT = {
    "fr": "écrivez une heure sous la forme HH:MM sur 24 heures, par exemple 09:30 ou 14:00",
    "en": "write a time as HH:MM, 24-hour clock, e.g. 09:30 or 14:00",
}
_DATETIME_HINT = {
    "fr": "écrivez la date et l'heure sous la forme AAAA-MM-JJ HH:MM, par exemple 2026-09-08 09:30 "
    "(heure locale, sans fuseau)",
    "en": "write date and time as YYYY-MM-DD HH:MM, e.g. 2026-09-08 09:30 (local time, no offset)",
}

# code: {lang: (message, hint)}
CATALOGUE: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading the file
    "file_too_large": {
        "fr": (
            "le fichier est trop grand ({size} octets, {limit} au plus)",
            "un fichier décrit une seule chose : séparez-le",
        ),
        "en": ("the file is too large ({size} bytes, at most {limit})", "one file describes one thing: split it"),
    },
    "not_utf8": {
        "fr": (
            "le fichier n'est pas en UTF-8 (caractère illisible ici)",
            "enregistrez le fichier en UTF-8 dans votre éditeur",
        ),
        "en": ("the file is not UTF-8 (unreadable character here)", "save the file as UTF-8 in your editor"),
    },
    "binary": {
        "fr": (
            "le fichier contient des données binaires, pas du texte",
            "remplacez ce fichier par un fichier texte YAML",
        ),
        "en": ("the file holds binary data, not text", "replace it with a YAML text file"),
    },
    "syntax": {
        "fr": (
            "le YAML ne peut pas être lu ici ({detail})",
            "vérifiez l'indentation (des espaces, pas de tabulations), l'espace après « : » et les guillemets fermés",
        ),
        "en": (
            "the YAML cannot be read here ({detail})",
            "check the indentation (spaces, no tabs), the space after ':' and closing quotes",
        ),
    },
    "duplicate_key": {
        "fr": ("le champ `{key}` est écrit deux fois", "gardez une seule ligne `{key}:`"),
        "en": ("the field `{key}` is written twice", "keep a single `{key}:` line"),
    },
    "complex_key": {
        "fr": ("un nom de champ doit être un simple mot", "écrivez `nom: valeur`"),
        "en": ("a field name must be a plain word", "write `name: value`"),
    },
    "tag": {
        "fr": ("les étiquettes YAML (`{tag}`) ne sont pas acceptées", "retirez l'étiquette qui commence par `!`"),
        "en": ("YAML tags (`{tag}`) are not accepted", "remove the tag starting with `!`"),
    },
    "too_deep": {
        "fr": ("le document est imbriqué trop profondément (plus de {limit} niveaux)", "simplifiez la structure"),
        "en": ("the document is nested too deeply (over {limit} levels)", "simplify the structure"),
    },
    "too_many_values": {
        "fr": (
            "le document contient trop de valeurs (plus de {limit}, alias compris)",
            "n'utilisez pas d'alias YAML (`&` et `*`) pour répéter du contenu",
        ),
        "en": (
            "the document holds too many values (over {limit}, aliases included)",
            "do not use YAML aliases (`&`, `*`) to repeat content",
        ),
    },
    "unknown_alias": {
        "fr": ("l'alias `*{alias}` ne renvoie à rien", "retirez l'alias ou définissez `&{alias}` avant"),
        "en": ("the alias `*{alias}` refers to nothing", "remove it or define `&{alias}` first"),
    },
    "several_documents": {
        "fr": (
            "le fichier contient plusieurs documents (`---`)",
            "un fichier décrit une seule chose : un seul document",
        ),
        "en": ("the file holds several documents (`---`)", "one file, one document"),
    },
    "not_mapping": {
        "fr": ("le fichier doit contenir des champs `nom: valeur`", "commencez par `id: {stem}`"),
        "en": ("the file must hold `name: value` fields", "start with `id: {stem}`"),
    },
    "not_mapping_territory": {
        "fr": (
            "le fichier doit contenir des champs `nom: valeur`",
            "commencez par `name: <nom du territoire>`, puis `country:` et `communes:`",
        ),
        "en": (
            "the file must hold `name: value` fields",
            "start with `name: <territory name>`, then `country:` and `communes:`",
        ),
    },
    "unknown_folder": {
        "fr": (
            "ce fichier est à un endroit inconnu de data/",
            "les fichiers vont dans territory.yaml, actors/, places/, events/, circuits/ ou notices/",
        ),
        "en": (
            "this file is in an unknown place in data/",
            "files go in territory.yaml, actors/, places/, events/, circuits/ or notices/",
        ),
    },
    "not_yaml": {
        "fr": ("ce fichier n'est pas un fichier YAML (.yaml ou .yml)", "renommez-le en `.yaml` ou retirez-le de data/"),
        "en": ("this file is not a YAML file (.yaml or .yml)", "rename it to `.yaml` or remove it from data/"),
    },
    "territory_missing": {
        "fr": (
            "le fichier territory.yaml est introuvable",
            "créez data/territory.yaml (voir le modèle dans CONTRIBUTING.md)",
        ),
        "en": ("territory.yaml is missing", "create data/territory.yaml"),
    },
    "id_mismatch": {
        "fr": (
            "l'identifiant `{value}` ne correspond pas au nom du fichier",
            "écrivez `id: {stem}` ou renommez le fichier en `{value}.yaml`",
        ),
        "en": ("the id `{value}` does not match the file name", "write `id: {stem}` or rename the file `{value}.yaml`"),
    },
    "file_name": {
        "fr": (
            "le nom du fichier `{name}` n'est pas un identifiant valable",
            "renommez-le en minuscules sans accents ni espaces, par exemple `{suggestion}.yaml`",
        ),
        "en": (
            "the file name `{name}` is not a valid id",
            "rename it in lowercase without accents or spaces, e.g. `{suggestion}.yaml`",
        ),
    },
    "duplicate_id": {
        "fr": ("l'identifiant `{value}` est déjà utilisé ({other})", "choisissez un autre identifiant"),
        "en": ("the id `{value}` is already used ({other})", "choose another id"),
    },
    # --- the site folder and the data folder's files (issue 15)
    "site_dir_not_site": {
        "fr": (
            "le dossier `{path}` n'est ni vide ni un site publié par Maillage (il n'a pas de fichier `{marker}`) : "
            "il n'a pas été touché",
            "choisissez un dossier vide ou absent avec `--site-dir`, ou videz celui-ci si c'est bien un ancien site",
        ),
        "en": (
            "the folder `{path}` is neither empty nor a site published by Maillage (it has no `{marker}` file): "
            "it was not touched",
            "choose an empty or absent folder with `--site-dir`, or empty this one if it really is an old site",
        ),
    },
    "site_dir_holds_project": {
        "fr": (
            "le dossier `{path}` contient le projet ou les données (`{kept}`), ou est dans les données : "
            "il n'a pas été touché",
            "publiez le site dans un dossier à part, par exemple `--site-dir site`",
        ),
        "en": (
            "the folder `{path}` holds the project or the data (`{kept}`), or is inside the data: it was not touched",
            "publish the site into a folder of its own, e.g. `--site-dir site`",
        ),
    },
    "site_dir_not_folder": {
        "fr": ("`{path}` n'est pas un dossier : il n'a pas été touché", "choisissez un dossier avec `--site-dir`"),
        "en": ("`{path}` is not a folder: it was not touched", "choose a folder with `--site-dir`"),
    },
    "site_dir_unreadable": {
        "fr": ("le dossier `{path}` ne peut pas être lu ({reason}) : il n'a pas été touché", "vérifiez ses droits"),
        "en": ("the folder `{path}` cannot be read ({reason}): it was not touched", "check its permissions"),
    },
    "symlink_outside": {
        "fr": (
            "ce fichier est un lien symbolique vers `{target}`, hors du dossier des données : il n'est pas lu",
            "remplacez le lien par le fichier lui-même, placé dans le dossier des données",
        ),
        "en": (
            "this file is a symbolic link to `{target}`, outside the data folder: it is not read",
            "replace the link by the file itself, placed in the data folder",
        ),
    },
    "symlink_folder": {
        "fr": (
            "ce dossier est un lien symbolique (vers `{target}`) : ses fichiers ne sont pas lus",
            "remplacez le lien par un vrai dossier qui contient les fichiers",
        ),
        "en": (
            "this folder is a symbolic link (to `{target}`): its files are not read",
            "replace the link by a real folder holding the files",
        ),
    },
    "special_file": {
        "fr": (
            "ce n'est pas un fichier ordinaire mais {kind} : il n'est pas lu",
            "retirez-le du dossier des données ; seuls des fichiers texte YAML y ont leur place",
        ),
        "en": (
            "this is not a regular file but {kind}: it is not read",
            "remove it from the data folder; only YAML text files belong there",
        ),
    },
    "unreadable": {
        "fr": (
            "le fichier ne peut pas être lu ({reason})",
            "vérifiez qu'il existe et que ses droits permettent de le lire",
        ),
        "en": ("the file cannot be read ({reason})", "check that it exists and may be read"),
    },
    # --- field types
    "decision_needed": {
        "fr": (
            "décision à prendre : {question}",
            "remplacez toute la valeur « À DÉCIDER : … » par la bonne (l'import ne devine pas)",
        ),
        "en": (
            "a decision is needed: {question}",
            'replace the whole "À DÉCIDER: …" value with the right one (the import does not guess)',
        ),
    },
    "missing": {
        "fr": ("le champ obligatoire `{field}` manque", "ajoutez une ligne `{field}: …`"),
        "en": ("the required field `{field}` is missing", "add a line `{field}: …`"),
    },
    "extra_forbidden": {
        "fr": ("le champ `{field}` n'existe pas ici", "{suggestion}"),
        "en": ("there is no field `{field}` here", "{suggestion}"),
    },
    "id_type": {
        "fr": ("un identifiant est un mot", "par exemple `cafe-parents-maffe`"),
        "en": ("an id is a word", "e.g. `cafe-parents-maffe`"),
    },
    "id_too_long": {
        "fr": ("l'identifiant est trop long ({length} caractères, 64 au plus)", "raccourcissez-le"),
        "en": ("the id is too long ({length} characters, at most 64)", "shorten it"),
    },
    "id_format": {
        "fr": (
            "`{value}` n'est pas un identifiant valable : minuscules sans accents, chiffres et tirets seulement",
            "écrivez par exemple `{suggestion}`",
        ),
        "en": (
            "`{value}` is not a valid id: lowercase letters without accents, digits and hyphens only",
            "write e.g. `{suggestion}`",
        ),
    },
    "text_type": {
        "fr": ("ce champ attend un texte", "écrivez le texte après les deux-points, entre guillemets au besoin"),
        "en": ("this field expects text", "write the text after the colon, quoted if needed"),
    },
    "text_empty": {
        "fr": ("ce texte est vide", "écrivez le texte ou retirez la ligne si le champ est facultatif"),
        "en": ("this text is empty", "write the text, or remove the line if the field is optional"),
    },
    "text_newline": {
        "fr": (
            "ce texte doit tenir sur une ligne",
            "retirez le retour à la ligne (les descriptions longues vont dans `description`)",
        ),
        "en": ("this text must fit on one line", "remove the line break (long texts go in `description`)"),
    },
    "text_control": {
        "fr": (
            "ce texte contient un caractère invisible interdit ({char}, position {index})",
            "retapez le texte sans copier-coller depuis un traitement de texte",
        ),
        "en": (
            "this text contains a forbidden invisible character ({char}, position {index})",
            "retype the text rather than pasting it from a word processor",
        ),
    },
    "text_invisible": {
        "fr": (
            "ce texte contient un caractère invisible, {char} ({name}), au caractère {index}",
            "retirez-le (retapez le texte au lieu de le copier-coller) ; {rule}",
        ),
        "en": (
            "this text contains an invisible character, {char} ({name}), at character {index}",
            "remove it (retype the text rather than pasting it); {rule}",
        ),
    },
    "text_too_long": {
        "fr": (
            "ce texte est trop long ({length} caractères, {limit} au plus)",
            "raccourcissez-le ; les détails vont dans `description`",
        ),
        "en": (
            "this text is too long ({length} characters, at most {limit})",
            "shorten it; details go in `description`",
        ),
    },
    "translation_empty": {
        "fr": ("aucune traduction n'est donnée", 'écrivez un texte, ou `{{fr: "…", nl: "…"}}`'),
        "en": ("no translation is given", 'write a text, or `{{fr: "…", nl: "…"}}`'),
    },
    "translation_lang": {
        "fr": ("`{lang}` n'est pas un code de langue", "utilisez un code ISO 639 : `fr`, `nl`, `de`, `en`…"),
        "en": ("`{lang}` is not a language code", "use an ISO 639 code: `fr`, `nl`, `de`, `en`…"),
    },
    "translation_first_missing": {
        "fr": ("la traduction dans la langue principale du site (`{lang}`) manque", "ajoutez `{lang}: …`"),
        "en": ("the translation in the site's main language (`{lang}`) is missing", "add `{lang}: …`"),
    },
    "translation_incomplete": {
        "fr": (
            "la traduction en `{lang}` manque",
            "ajoutez `{lang}: …` (le texte en `{default}` est montré à la place)",
        ),
        "en": ("the `{lang}` translation is missing", "add `{lang}: …` (the `{default}` text is shown instead)"),
    },
    "copied_entry": {
        "fr": (
            "cette fiche a le même contenu que `data/{folder}/{other}.yaml` : seul l'identifiant a changé",
            "remplacez le contenu copié par celui de la nouvelle fiche, ou retirez ce fichier",
        ),
        "en": (
            "this entry has the same content as `data/{folder}/{other}.yaml`: only the id changed",
            "replace the copied content with the new entry's, or remove this file",
        ),
    },
    "placeholder": {
        "fr": (
            "« {value} » est l'exemple du modèle, pas la vraie information",
            "remplacez-le par la vraie information, ou retirez la ligne si le champ est facultatif",
        ),
        "en": (
            "“{value}” is the template's example, not the real information",
            "replace it with the real information, or remove the line if the field is optional",
        ),
    },
    "date_format": {
        "fr": ("`{value}` n'est pas une date", _DATE_HINT["fr"]),
        "en": ("`{value}` is not a date", _DATE_HINT["en"]),
    },
    "date_impossible": {
        "fr": ("la date `{value}` n'existe pas", "vérifiez le jour et le mois"),
        "en": ("the date `{value}` does not exist", "check the day and month"),
    },
    "time_format": {
        "fr": ("`{value}` n'est pas une heure", _TIME_HINT["fr"]),
        "en": ("`{value}` is not a time", _TIME_HINT["en"]),
    },
    "datetime_format": {
        "fr": ("`{value}` n'est pas une date avec heure", _DATETIME_HINT["fr"]),
        "en": ("`{value}` is not a date and time", _DATETIME_HINT["en"]),
    },
    "start_format": {
        "fr": (
            "`{value}` n'est ni une date ni une date avec heure",
            "écrivez `AAAA-MM-JJ HH:MM` (par exemple 2026-09-08 09:30), ou `AAAA-MM-JJ` pour une journée entière",
        ),
        "en": (
            "`{value}` is neither a date nor a date and time",
            "write `YYYY-MM-DD HH:MM` (e.g. 2026-09-08 09:30), or `YYYY-MM-DD` for an all-day event",
        ),
    },
    "end_format": {
        "fr": (
            "`{value}` n'est pas une fin valable",
            "écrivez une heure `HH:MM` (le même jour), `AAAA-MM-JJ HH:MM`, ou une date pour une journée entière",
        ),
        "en": (
            "`{value}` is not a valid end",
            "write a time `HH:MM` (same day), `YYYY-MM-DD HH:MM`, or a date for all-day events",
        ),
    },
    "geo_shape": {
        "fr": ("une position s'écrit `[latitude, longitude]`", "par exemple `[50.2950, 5.0990]`"),
        "en": ("a position is written `[latitude, longitude]`", "e.g. `[50.2950, 5.0990]`"),
    },
    "geo_range": {
        "fr": (
            "la position `[{lat}, {lon}]` n'existe pas sur Terre",
            "latitude entre -90 et 90, longitude entre -180 et 180",
        ),
        "en": (
            "the position `[{lat}, {lon}]` is not on Earth",
            "latitude between -90 and 90, longitude between -180 and 180",
        ),
    },
    "geo_outside": {
        "fr": ("la position `[{lat}, {lon}]` est hors du territoire", "{hint}"),
        "en": ("the position `[{lat}, {lon}]` is outside the territory", "{hint}"),
    },
    "phone_type": {
        "fr": ("un numéro de téléphone s'écrit comme un texte", "par exemple `083 21 00 00`"),
        "en": ("a phone number is written as text", "e.g. `083 21 00 00`"),
    },
    "phone_format": {
        "fr": (
            "`{value}` n'est pas un numéro de téléphone",
            "écrivez-le comme on le lit : `083 21 00 00` ou `+32 83 21 00 00`",
        ),
        "en": ("`{value}` is not a phone number", "write it as people do: `083 21 00 00` or `+32 83 21 00 00`"),
    },
    "phone_invalid": {
        "fr": (
            "le numéro `{value}` est impossible pour le pays `{country}`",
            "vérifiez le nombre de chiffres et l'indicatif ; un numéro étranger commence par `+`",
        ),
        "en": (
            "the number `{value}` is impossible for country `{country}`",
            "check the digits and area code; a foreign number starts with `+`",
        ),
    },
    "phone_unknown_range": {
        "fr": (
            "le numéro `{value}` n'appartient à aucune tranche de numéros attribuée en `{country}`",
            "vérifiez le numéro",
        ),
        "en": ("the number `{value}` belongs to no allocated range in `{country}`", "check the number"),
    },
    "email_format": {
        "fr": ("`{value}` n'est pas une adresse e-mail", "par exemple `accueil@exemple.be`"),
        "en": ("`{value}` is not an e-mail address", "e.g. `contact@example.org`"),
    },
    "email_query": {
        "fr": (
            "l'adresse e-mail `{value}` contient `{char}` : le lien « écrire » ajouterait des destinataires "
            "cachés ou un texte au message",
            "écrivez seulement l'adresse, par exemple `{address}`",
        ),
        "en": (
            "the e-mail address `{value}` holds `{char}`: the mail link would add hidden recipients or a text",
            "write the address only, e.g. `{address}`",
        ),
    },
    "url_format": {
        "fr": ("`{value}` n'est pas une adresse web", "écrivez l'adresse complète, commençant par `https://`"),
        "en": ("`{value}` is not a web address", "write the full address, starting with `https://`"),
    },
    "url_userinfo": {
        "fr": (
            "l'adresse `{value}` a un nom d'utilisateur avant le site (`{userinfo}@`) : elle mènerait en fait à `{host}`",
            "écrivez l'adresse du site sans rien avant un `@`, par exemple `https://{userinfo}/`",
        ),
        "en": (
            "the address `{value}` has a user name before the site (`{userinfo}@`): it would really lead to `{host}`",
            "write the site's address with nothing before an `@`, e.g. `https://{userinfo}/`",
        ),
    },
    "url_private": {
        "fr": (
            "l'adresse `{value}` mène à `{host}`, une adresse privée ou locale que les lecteurs ne peuvent pas "
            "joindre (ou qui désigne leur propre réseau)",
            "écrivez l'adresse publique du site, par exemple `https://www.exemple.be/`",
        ),
        "en": (
            "the address `{value}` leads to `{host}`, a private or local address readers cannot reach "
            "(or that means their own network)",
            "write the site's public address, e.g. `https://www.example.org/`",
        ),
    },
    "url_host": {
        "fr": (
            "`{host}` n'est pas un nom de site valable dans l'adresse `{value}`",
            "écrivez un nom de domaine complet, par exemple `https://www.exemple.be/`",
        ),
        "en": (
            "`{host}` is not a valid site name in the address `{value}`",
            "write a full domain name, e.g. `https://www.example.org/`",
        ),
    },
    "url_invisible": {
        "fr": (
            "l'adresse `{value}` contient un espace, un caractère invisible ou de changement de sens d'écriture ({char})",
            "retapez l'adresse au lieu de la copier-coller",
        ),
        "en": (
            "the address `{value}` holds a space, an invisible or a direction-changing character ({char})",
            "retype the address rather than pasting it",
        ),
    },
    "url_http": {
        "fr": (
            "l'adresse `{value}` n'est pas sécurisée (`http://`)",
            "si le site s'ouvre en `https://`, écrivez cette adresse-là",
        ),
        "en": ("the address `{value}` is not secure (`http://`)", "if the site opens with `https://`, write that"),
    },
    "url_mixed_scripts": {
        "fr": (
            "le nom de site `{host}` mélange des alphabets ({scripts}) : une lettre peut en imiter une autre ; "
            "il est montré sous sa forme ASCII dans `{value}`",
            "vérifiez que c'est bien le site voulu, sinon retapez son adresse",
        ),
        "en": (
            "the site name `{host}` mixes alphabets ({scripts}): a letter may imitate another; it is shown in "
            "its ASCII form in `{value}`",
            "check that it is the intended site, otherwise retype its address",
        ),
    },
    "hours_type": {
        "fr": ("les horaires s'écrivent comme un texte", "par exemple `Mo-Fr 09:00-12:00`"),
        "en": ("opening hours are written as text", "e.g. `Mo-Fr 09:00-12:00`"),
    },
    "hours_format": {
        "fr": (
            "les horaires `{value}` ne sont pas au format OpenStreetMap (problème au caractère {column} : « {rest} »)",
            "jours en anglais abrégés (Mo Tu We Th Fr Sa Su), heures HH:MM, règles séparées par « ; » : "
            "`Mo-Fr 08:30-12:00; Tu 13:30-16:00; PH off`",
        ),
        "en": (
            "the hours `{value}` are not in OpenStreetMap format (problem at character {column}: '{rest}')",
            "days Mo Tu We Th Fr Sa Su, times HH:MM, rules separated by ';': `Mo-Fr 08:30-12:00; PH off`",
        ),
    },
    "vocabulary": {
        "fr": ("`{value}` n'est pas un {vocabulary_name} connu", "{suggestion}"),
        "en": ("`{value}` is not a known {vocabulary_name}", "{suggestion}"),
    },
    "list_duplicate": {
        "fr": ("`{value}` est écrit deux fois dans la liste", "gardez-le une seule fois"),
        "en": ("`{value}` is listed twice", "keep it once"),
    },
    "timezone": {
        "fr": (
            "`{value}` n'est pas un fuseau horaire connu",
            "écrivez un nom IANA : `Europe/Brussels`, `Europe/Paris`",
        ),
        "en": ("`{value}` is not a known time zone", "write an IANA name: `Europe/Brussels`, `Europe/Paris`"),
    },
    "country": {
        "fr": ("`{value}` n'est pas un code de pays", "écrivez le code ISO à deux lettres majuscules : `BE`, `FR`"),
        "en": ("`{value}` is not a country code", "write the two-letter ISO code: `BE`, `FR`"),
    },
    "country_unsupported": {
        "fr": (
            "le pays `{value}` n'est pas pris en charge (jours fériés ou téléphones)",
            "utilisez par exemple `BE` ou `FR`",
        ),
        "en": ("country `{value}` is not supported (holidays or phones)", "use e.g. `BE` or `FR`"),
    },
    "site_language": {
        "fr": ("`{value}` n'est pas une langue du site", "langues possibles : {known}"),
        "en": ("`{value}` is not a site language", "possible languages: {known}"),
    },
    "list_type": {
        "fr": ("ce champ attend une liste", "écrivez `[a, b]`, ou une ligne `- a` par élément"),
        "en": ("this field expects a list", "write `[a, b]`, or one `- a` line per item"),
    },
    "mapping_type": {
        "fr": ("ce champ attend des sous-champs `nom: valeur`", "voir la référence des champs sur le site"),
        "en": ("this field expects `name: value` sub-fields", "see the field reference on the site"),
    },
    "too_short": {
        "fr": ("il faut au moins {min_length} élément(s) ici", "ajoutez-en"),
        "en": ("at least {min_length} item(s) are needed here", "add some"),
    },
    "too_long": {
        "fr": ("il y a trop d'éléments ici ({max_length} au plus)", "retirez-en"),
        "en": ("too many items here (at most {max_length})", "remove some"),
    },
    "int_type": {
        "fr": ("ce champ attend un nombre entier", "par exemple `6`"),
        "en": ("this field expects a whole number", "e.g. `6`"),
    },
    "bool_type": {
        "fr": ("ce champ attend `true` (oui) ou `false` (non)", "écrivez `true` ou `false`"),
        "en": ("this field expects `true` or `false`", "write `true` or `false`"),
    },
    "number_range": {
        "fr": ("la valeur doit être {bound}", "corrigez le nombre"),
        "en": ("the value must be {bound}", "fix the number"),
    },
    # --- recurrence
    "rrule_type": {
        "fr": ("la règle de répétition est vide", "par exemple `FREQ=WEEKLY;BYDAY=TU`"),
        "en": ("the repeat rule is empty", "e.g. `FREQ=WEEKLY;BYDAY=TU`"),
    },
    "rrule_syntax": {
        "fr": (
            "`{piece}` n'est pas une partie de règle valable",
            "chaque partie s'écrit `NOM=VALEUR`, séparées par `;`",
        ),
        "en": ("`{piece}` is not a valid rule part", "each part is `NAME=VALUE`, separated by `;`"),
    },
    "rrule_part": {
        "fr": (
            "la partie `{part}` n'est pas acceptée dans une règle de répétition",
            "parties possibles : FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL, WKST",
        ),
        "en": (
            "the part `{part}` is not accepted in a repeat rule",
            "possible parts: FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL, WKST",
        ),
    },
    "rrule_repeated": {
        "fr": ("la partie `{part}` est écrite deux fois", "gardez-la une seule fois"),
        "en": ("the part `{part}` is written twice", "keep it once"),
    },
    "rrule_freq_missing": {
        "fr": ("la règle ne dit pas à quelle fréquence (FREQ)", "commencez par `FREQ=WEEKLY`, `FREQ=MONTHLY`…"),
        "en": ("the rule lacks a frequency (FREQ)", "start with `FREQ=WEEKLY`, `FREQ=MONTHLY`…"),
    },
    "rrule_value": {
        "fr": (
            "`{value}` n'est pas une valeur possible pour `{part}`",
            "FREQ : DAILY, WEEKLY, MONTHLY ou YEARLY ; INTERVAL et COUNT : un nombre ; BYMONTH : 1 à 12",
        ),
        "en": (
            "`{value}` is not a possible value for `{part}`",
            "FREQ: DAILY, WEEKLY, MONTHLY or YEARLY; INTERVAL and COUNT: a number; BYMONTH: 1 to 12",
        ),
    },
    "rrule_until": {
        "fr": (
            "`UNTIL={value}` n'est pas une date",
            "écrivez la date sans tirets : `UNTIL=20270630` (jusqu'au 30 juin 2027 inclus)",
        ),
        "en": ("`UNTIL={value}` is not a date", "write the date without hyphens: `UNTIL=20270630`"),
    },
    "rrule_count_and_until": {
        "fr": (
            "COUNT et UNTIL ne peuvent pas aller ensemble",
            "gardez le nombre de fois (COUNT) ou la date de fin (UNTIL)",
        ),
        "en": ("COUNT and UNTIL cannot go together", "keep either COUNT or UNTIL"),
    },
    "rrule_byday": {
        "fr": (
            "`{value}` n'est pas un jour valable",
            "jours : MO TU WE TH FR SA SU, avec un rang au besoin : `2TU` (2e mardi), `-1TH` (dernier jeudi)",
        ),
        "en": ("`{value}` is not a valid day", "days: MO TU WE TH FR SA SU, with a rank if needed: `2TU`, `-1TH`"),
    },
    "rrule_byday_ordinal": {
        "fr": (
            "un rang comme `{value}` n'a de sens qu'avec FREQ=MONTHLY ou YEARLY",
            "retirez le chiffre, ou passez à FREQ=MONTHLY",
        ),
        "en": (
            "a rank like `{value}` only makes sense with FREQ=MONTHLY or YEARLY",
            "remove the number or use FREQ=MONTHLY",
        ),
    },
    "rrule_never": {
        "fr": ("cette règle ne donne aucune occurrence", "vérifiez la date de début et UNTIL"),
        "en": ("this rule gives no occurrence", "check the start date and UNTIL"),
    },
    "rrule_dateutil": {
        "fr": (
            "la règle de répétition n'est pas comprise ({detail})",
            "par exemple `FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630`",
        ),
        "en": ("the repeat rule is not understood ({detail})", "e.g. `FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630`"),
    },
    # --- checks across fields and files
    "unknown_reference": {
        "fr": ("{what} `{value}` n'existe pas", "{suggestion}"),
        "en": ("{what} `{value}` does not exist", "{suggestion}"),
    },
    "village_not_in_commune": {
        "fr": (
            "le village `{village}` n'est pas dans la commune `{commune}`",
            "il est dans `{actual}` : corrigez la commune ou le village",
        ),
        "en": (
            "village `{village}` is not in commune `{commune}`",
            "it is in `{actual}`: fix the commune or the village",
        ),
    },
    "duplicate_village": {
        "fr": (
            "le village `{value}` est déjà défini (commune `{other}`)",
            "les identifiants de village sont uniques dans tout le territoire",
        ),
        "en": (
            "village `{value}` is already defined (commune `{other}`)",
            "village ids are unique across the territory",
        ),
    },
    "all_alone": {
        "fr": ("`all` (tout public) s'écrit seul", "écrivez `[all]`, ou retirez `all` et gardez les publics précis"),
        "en": ("`all` stands alone", "write `[all]`, or remove `all` and keep the specific audiences"),
    },
    "area_all_alone": {
        "fr": ("`all` (tout le territoire) s'écrit seul", "écrivez `[all]`, ou la liste des communes"),
        "en": ("`all` (whole territory) stands alone", "write `[all]` or the list of communes"),
    },
    "contact_empty": {
        "fr": ("aucun moyen de contact n'est donné", "ajoutez au moins `phone`, `email` ou `website`"),
        "en": ("no way of contact is given", "add at least `phone`, `email` or `website`"),
    },
    "cost_note_missing": {
        "fr": (
            "le coût est `{cost}` mais rien ne dit combien",
            "ajoutez `cost_note: …` (par exemple « 2 € par séance »)",
        ),
        "en": ("cost is `{cost}` but nothing says how much", "add `cost_note: …` (e.g. '2 € per session')"),
    },
    "place_and_location": {
        "fr": ("il faut soit `place`, soit `location`, pas les deux", "gardez l'un des deux"),
        "en": ("write either `place` or `location`, not both", "keep one of them"),
    },
    "place_missing": {
        "fr": ("l'événement n'a pas de lieu", "ajoutez `place: <identifiant d'un lieu>` ou un `location:` complet"),
        "en": ("the event has no place", "add `place: <place id>` or a full `location:`"),
    },
    "end_before_start": {
        "fr": ("la fin ({end}) n'est pas après le début ({start})", "vérifiez les heures et les dates"),
        "en": ("the end ({end}) is not after the start ({start})", "check times and dates"),
    },
    "end_allday_type": {
        "fr": (
            "pour un événement d'une journée entière, la fin est une date (le dernier jour, inclus)",
            "par exemple `end: 2027-03-21`",
        ),
        "en": ("for an all-day event the end is a date (last day, inclusive)", "e.g. `end: 2027-03-21`"),
    },
    "end_timed_type": {
        "fr": (
            "pour un événement avec une heure de début, la fin est une heure ou une date avec heure",
            "par exemple `end: 11:00` ou `end: 2026-09-09 11:00`",
        ),
        "en": ("for a timed event the end is a time or a date and time", "e.g. `end: 11:00`"),
    },
    "until_before_from": {
        "fr": ("la date de fin ({until}) est avant la date de début ({start})", "vérifiez les deux dates"),
        "en": ("the end date ({until}) is before the start date ({start})", "check both dates"),
    },
    "start_not_first": {
        "fr": (
            "le début ({start}) n'est pas une occurrence de la règle de répétition ; la première serait le {first}",
            "mettez `start` à la première vraie occurrence, ou corrigez la règle",
        ),
        "en": (
            "the start ({start}) is not an occurrence of the repeat rule; the first would be {first}",
            "set `start` to the first real occurrence, or fix the rule",
        ),
    },
    "not_an_occurrence": {
        "fr": ("le {value} n'est pas une date de la série", "{suggestion}"),
        "en": ("{value} is not a date of the series", "{suggestion}"),
    },
    "occurrence_twice": {
        "fr": (
            "le {value} est déjà mentionné dans `{other}`",
            "une date ne peut être qu'une seule fois parmi skip, cancelled et changed",
        ),
        "en": (
            "{value} is already listed in `{other}`",
            "a date may appear only once among skip, cancelled and changed",
        ),
    },
    "exceptions_without_series": {
        "fr": ("une date unique n'a pas de `skip`", "pour annuler l'événement, écrivez `status: cancelled`"),
        "en": ("a single-date event has no `skip`", "to cancel it, write `status: cancelled`"),
    },
    "clock_change": {
        "fr": (
            "{value} tombe dans l'heure du changement d'heure ({zone}) : cette heure n'existe pas ou existe deux fois",
            "choisissez une heure en dehors de 02:00–03:00",
        ),
        "en": (
            "{value} falls in the clock-change hour ({zone}): that time does not exist or exists twice",
            "choose a time outside 02:00–03:00",
        ),
    },
    "stop_times": {
        "fr": (
            "l'heure de départ ({leave}) doit être après l'heure d'arrivée ({arrive})",
            "vérifiez les heures de cet arrêt",
        ),
        "en": ("the leave time ({leave}) must be after the arrive time ({arrive})", "check this stop's times"),
    },
    "stop_overlap": {
        "fr": (
            "l'arrêt arrive à {arrive}, avant le départ de l'arrêt précédent ({previous})",
            "les arrêts sont dans l'ordre de la tournée, et les heures toujours croissantes",
        ),
        "en": (
            "the stop arrives at {arrive}, before the previous stop leaves ({previous})",
            "stops are in route order, times always increasing",
        ),
    },
    "stop_twice": {
        "fr": (
            "la tournée passe deux fois par `{value}` : chaque passage a besoin d'un `id` propre",
            "ajoutez par exemple `id: {value}-matin` et `id: {value}-apres-midi`",
        ),
        "en": (
            "the route visits `{value}` twice: each visit needs its own `id`",
            "add e.g. `id: {value}-morning` and `id: {value}-afternoon`",
        ),
    },
    # --- warnings
    "verification_overdue": {
        "fr": (
            "les informations n'ont pas été vérifiées depuis le {on} ({months} mois, à revoir tous les {review} mois)",
            "confirmez-les auprès de l'acteur puis mettez `verified.on` à la date du jour",
        ),
        "en": (
            "the information was last verified on {on} ({months} months ago, review every {review} months)",
            "confirm it with the actor and set `verified.on` to today's date",
        ),
    },
    "verification_future": {
        "fr": (
            "la date de vérification ({on}) est dans le futur",
            "écrivez la date à laquelle la vérification a eu lieu",
        ),
        "en": ("the verification date ({on}) is in the future", "write the date the check took place"),
    },
    "series_past": {
        "fr": (
            "toutes les occurrences sont passées (la dernière le {last})",
            "ajoutez de nouvelles dates ou retirez le fichier",
        ),
        "en": ("every occurrence is past (the last on {last})", "add new dates or remove the file"),
    },
    "notice_expired": {
        "fr": ("l'avis a expiré le {until}", "retirez le fichier ou prolongez `until`"),
        "en": ("the notice expired on {until}", "remove the file or extend `until`"),
    },
    "hours_override": {
        "fr": (
            "`{rule}` remplace {days} les heures écrites avant lui : ces jours-là, seules ses heures comptent",
            "si vous vouliez ajouter des heures, séparez par `,` au lieu de `;` : `{suggestion}`",
        ),
        "en": (
            "`{rule}` replaces on {days} the hours written before it: on those days only its hours count",
            "to add hours instead, separate with `,` rather than `;`: `{suggestion}`",
        ),
    },
    "commune_without_actor": {
        "fr": (
            "aucun acteur ne dessert la commune `{value}`",
            "ajoutez des acteurs, ou `{value}` dans le champ `area` d'acteurs existants",
        ),
        "en": ("no actor serves commune `{value}`", "add actors, or `{value}` to the `area` of existing ones"),
    },
    "name_lookalike": {
        "fr": (
            "le nom « {value} » se lit comme celui de `{other}` ({other_file})",
            "si c'est la même chose, gardez un seul fichier ; sinon, distinguez les noms (par exemple par la "
            "commune) et vérifiez qu'aucune lettre n'est d'un autre alphabet",
        ),
        "en": (
            "the name '{value}' reads the same as that of `{other}` ({other_file})",
            "if it is the same thing, keep one file; otherwise tell the names apart (e.g. by the commune) and "
            "check that no letter is from another alphabet",
        ),
    },
    "personal_phone": {
        "fr": (
            "ce texte contient le numéro de téléphone `{value}`, qui n'est pas un contact de la fiche",
            "ne publiez pas le numéro d'une personne privée : retirez-le du texte ; si c'est le numéro public "
            'd\'une organisation, mettez-le dans `contact.phone` ou ajoutez à la fiche `public_contacts: ["{value}"]`',
        ),
        "en": (
            "this text holds the phone number `{value}`, which is not one of the entry's contacts",
            "do not publish a private person's number: remove it from the text; if it is an organisation's "
            'public number, put it in `contact.phone` or add `public_contacts: ["{value}"]` to the entry',
        ),
    },
    "personal_email": {
        "fr": (
            "ce texte contient l'adresse e-mail `{value}`, qui n'est pas un contact de la fiche",
            "ne publiez pas l'adresse d'une personne privée : retirez-la du texte ; si c'est l'adresse publique "
            'd\'une organisation, mettez-la dans `contact.email` ou ajoutez à la fiche `public_contacts: ["{value}"]`',
        ),
        "en": (
            "this text holds the e-mail address `{value}`, which is not one of the entry's contacts",
            "do not publish a private person's address: remove it from the text; if it is an organisation's "
            'public address, put it in `contact.email` or add `public_contacts: ["{value}"]` to the entry',
        ),
    },
    "privacy_too_many": {
        "fr": (
            "cette fiche contient plus de {limit} suites de chiffres : elles ne peuvent pas toutes être vérifiées "
            "(numéros de téléphone de personnes privées)",
            "une fiche décrit une seule chose : retirez les listes de numéros",
        ),
        "en": (
            "this entry holds over {limit} runs of digits: they cannot all be checked (private phone numbers)",
            "one entry describes one thing: remove the lists of numbers",
        ),
    },
    "personal_data": {
        "fr": (
            "ce texte semble contenir {what} qui n'est pas un contact de l'acteur",
            "ne publiez pas les coordonnées d'une personne privée : utilisez le contact de l'organisation",
        ),
        "en": (
            "this text seems to hold {what} that is not one of the actor's contacts",
            "do not publish a private person's details: use the organisation's contact",
        ),
    },
}

_FIELD_NAMES = {
    "fr": {
        "actor": "l'acteur",
        "place": "le lieu",
        "commune": "la commune",
        "village": "le village",
        "event": "l'événement",
    },
    "en": {"actor": "actor", "place": "place", "commune": "commune", "village": "village", "event": "event"},
}


_INVISIBLE_RULES = {
    "fr": {
        "never": "aucune langue n'en a besoin dans un nom ou un titre",
        "joiner": "il n'est accepté qu'entre deux lettres d'une écriture qui en a besoin (persan, langues de l'Inde…) "
        "ou dans un émoji",
        "direction": "il n'est accepté que dans un texte qui contient de l'arabe ou de l'hébreu",
    },
    "en": {
        "never": "no language needs it in a name or a title",
        "joiner": "it is accepted only between two letters of a script that needs it (Persian, Indic scripts…) "
        "or inside an emoji",
        "direction": "it is accepted only in a text holding Arabic or Hebrew",
    },
}

_FILE_KINDS = {
    "fr": {"folder": "un dossier", "device": "un périphérique", "fifo": "un tube nommé (FIFO)", "socket": "une socket"},
    "en": {"folder": "a folder", "device": "a device", "fifo": "a named pipe (FIFO)", "socket": "a socket"},
}


def closest(value: str, candidates: Iterable[str]) -> str | None:
    """The nearest known value, for "did you mean" (case and accents forgiven)."""
    options = list(candidates)
    lowered = value.lower()
    for option in options:
        if option.lower() == lowered:
            return option
    found = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(
    value: str, candidates: Iterable[str], lang: str, *, listing: bool = True, fallback: str | None = None
) -> str:
    options = sorted(candidates)
    best = closest(value, options)
    if best is not None:
        return f"vouliez-vous dire `{best}` ?" if lang == "fr" else f"did you mean `{best}`?"
    if listing and options and len(options) <= 30:
        known = ", ".join(f"`{o}`" for o in options)
        return f"valeurs possibles : {known}" if lang == "fr" else f"possible values: {known}"
    if fallback:
        return fallback
    return "voir la référence des champs sur le site" if lang == "fr" else "see the field reference on the site"


def describe(code: str, context: dict[str, Any], lang: str) -> tuple[str, str]:
    """(message, hint) for a problem code, in ``lang`` (French if unknown)."""
    lang = lang if lang in ("fr", "en") else "fr"
    ctx = dict(context)
    if code == "vocabulary":
        name = str(ctx.get("vocabulary", ""))
        ctx["vocabulary_name"] = VOCABULARY_NAMES.get(name, {}).get(lang, name)
        terms = VOCABULARIES.get(name, {})
        value = str(ctx.get("value", ""))
        # a label written instead of its value (`gratuit` for `free`, `social-ties` for
        # `lien-social`) is looked up first, exactly, before any close spelling of a value
        labels = {_words(label): key for key, term in terms.items() for label in term.labels.values()}
        if _words(value) in labels:
            value = labels[_words(value)]
        elif closest(value, terms) is None:
            label = closest(_words(value), labels)
            value = labels[label] if label is not None else value
        ctx["suggestion"] = did_you_mean(value, terms, lang)
    if code == "syntax":
        ctx["detail"] = syntax_detail(ctx, lang)
    if code == "text_invisible":
        ctx["rule"] = _INVISIBLE_RULES[lang].get(str(ctx.get("rule")), "")
    if code == "special_file":
        ctx["kind"] = _FILE_KINDS[lang].get(str(ctx.get("kind")), "?")
    if "what" in ctx and ctx["what"] in _FIELD_NAMES[lang]:
        ctx["what"] = _FIELD_NAMES[lang][ctx["what"]]
        if lang == "fr":
            ctx["what"] = ctx["what"][0].upper() + ctx["what"][1:]
    entry = CATALOGUE.get(code)
    if entry is None:
        return str(ctx.get("message", code)), ""
    message, hint = entry[lang]
    try:
        message, hint = message.format(**ctx), hint.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return message, ""
    converted = converted_value(code, str(ctx.get("value", "")))
    if converted is not None:
        hint = (f"écrivez `{converted}`" if lang == "fr" else f"write `{converted}`") + f" ({hint})"
    return message, hint


def _words(text: str) -> str:
    """A label or value as words: lower case, hyphens and underscores as spaces."""
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_HOUR = re.compile(r"(\d{1,2})\s*[hH.]\s*(\d{2})?")


def _date_of(text: str) -> str | None:
    match = _DMY.fullmatch(text.strip())
    if not match:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _time_of(text: str) -> str | None:
    match = _HOUR.fullmatch(text.strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None


def converted_value(code: str, value: str) -> str | None:
    """The value a volunteer meant, written as the file wants it: `07/01/2027` → `2027-01-07`,
    `16h30` → `16:30`, `www.exemple.be` → `https://www.exemple.be`; None when unsure."""
    text = value.strip()
    if code in ("date_format", "date_impossible"):
        return _date_of(text)
    if code == "time_format":
        return _time_of(text)
    if code in ("datetime_format", "start_format", "end_format"):
        day, _, clock = text.partition(" ")
        when = _date_of(day) or (day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None)
        if code == "end_format" and not clock:
            return _time_of(text) or _date_of(text)
        at = _time_of(clock) if clock else None
        if when and (at or not clock):
            return f"{when} {at}" if at else when
        return None
    if code == "url_format" and re.fullmatch(r"www\.[^\s/]+\.[a-z]{2,}(/\S*)?", text, re.I):
        return "https://" + text
    return None
