"""Plain words for the YAML parser's syntax errors.

libyaml says "mapping values are not allowed in this context"; a volunteer needs "an
unexpected `:`". Each problem the parser commonly reports gets a French and an English
phrase; where the parser knows where an unclosed quote or bracket was opened, the phrase
says so, since the error itself is only noticed lines later. An unknown problem keeps the
parser's own words, which beat silence.
"""

from __future__ import annotations

from typing import Any

_TAB = {
    "fr": "une tabulation sert d'indentation : indentez avec des espaces",
    "en": "a tab is used for indentation: indent with spaces",
}
_QUOTE = {
    "fr": "le guillemet ouvert ligne {opened_line}, colonne {opened_column} n'est jamais fermé",
    "en": "the quote opened on line {opened_line}, column {opened_column} is never closed",
}
_BRACKET = {
    "fr": "« {bracket} » ouvert ligne {opened_line}, colonne {opened_column} n'est pas fermé, ou une virgule manque",
    "en": "the '{bracket}' opened on line {opened_line}, column {opened_column} is not closed, or a comma is missing",
}

# libyaml's problem text → {lang: phrase}
_WORDS: dict[str, dict[str, str]] = {
    "mapping values are not allowed in this context": {
        "fr": "un « : » inattendu : indentation décalée, ou deux-points dans un texte à mettre entre guillemets",
        "en": "an unexpected ':': shifted indentation, or a colon in a text that needs quotes",
    },
    "did not find expected key": {
        "fr": "l'indentation ne correspond pas à celle des lignes au-dessus",
        "en": "the indentation does not match the lines above",
    },
    "did not find expected '-' indicator": {
        "fr": "un élément de liste « - » était attendu : l'indentation ne correspond pas",
        "en": "a list item '- ' was expected: the indentation does not match",
    },
    "could not find expected ':'": {
        "fr": "il manque « : » après le nom du champ",
        "en": "':' is missing after the field name",
    },
    "found character that cannot start any token": {
        "fr": "le caractère « {char} » ne peut pas commencer une valeur : mettez le texte entre guillemets",
        "en": "the character '{char}' cannot start a value: put the text in quotes",
    },
    "found a tab character that violates indentation": _TAB,
    "found unknown escape character": {
        "fr": "une barre oblique inverse « \\ » entre guillemets doubles : doublez-la, ou utilisez des guillemets simples",
        "en": "a backslash inside double quotes: double it, or use single quotes",
    },
    "control characters are not allowed": {
        "fr": "un caractère de contrôle invisible, interdit ici",
        "en": "an invisible control character, not allowed here",
    },
    "found unexpected end of stream": {
        "fr": "le fichier se termine au milieu d'une valeur",
        "en": "the file ends in the middle of a value",
    },
}


def syntax_detail(context: dict[str, Any], lang: str) -> str:
    """The parser's ``detail`` in plain words, using where it saw the problem start."""
    detail = str(context.get("detail", ""))
    char = str(context.get("char", ""))
    within = str(context.get("within", ""))
    opened = bool(context.get("opened_line"))
    phrase: dict[str, str] | None = _WORDS.get(detail)
    fields: dict[str, Any] = {"char": char, **context}
    if char == "\t" and detail.startswith("found"):
        phrase = _TAB
    elif opened and "quoted scalar" in within and "end of stream" in detail:
        phrase = _QUOTE
    elif opened and detail in ("did not find expected ',' or ']'", "did not find expected ',' or '}'"):
        phrase = _BRACKET
        fields["bracket"] = "[" if detail.endswith("']'") else "{"
    if phrase is None:
        return detail
    return phrase[lang].format(**fields)
