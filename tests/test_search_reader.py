"""The browser reads queries as the generator reads text: the reader of
overrides/assets/search.js (run with node) gives the same terms as generator/thesaurus.py
for every phrase of the thesaurus and for hostile or unusual text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.thesaurus import search_rules, thesaurus

ROOT = Path(__file__).resolve().parent.parent
UNUSUAL = [
    "J'ai FAIM !!",
    "garde d’enfants",  # typographic apostrophe
    "Cœur ŒUVRE æther straße",
    "ﬁnancement",  # a ligature code point (NFKD)
    "sans-abri/SDF – à la rue",
    "<script>alert(1)</script>",
    "1er étage, n°12",
    "Ünïcödé façade naïve",
    "  ",
    "l'hôpital d'Ciney qu'il jusqu'à",
]


def test_browser_and_generator_read_text_the_same_way(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: this comparison needs Node.js (apt-get install nodejs)")
    book = thesaurus()
    texts = [
        phrase
        for values in book.words.values()
        for by_lang in values.values()
        for words in by_lang.values()
        for phrase in words
    ]
    texts += UNUSUAL
    rules, inputs = tmp_path / "rules.json", tmp_path / "texts.json"
    rules.write_text(json.dumps(search_rules()), encoding="utf-8")
    inputs.write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "read.mjs"), str(rules), str(inputs)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    browser = json.loads(result.stdout)
    differing = [(t, b, book.terms(t)) for t, b in zip(texts, browser, strict=True) if b != book.terms(t)]
    assert differing == []
