// Reads texts with the browser's reader (overrides/assets/search.js) and prints their terms:
// node tests/js/read.mjs RULES.json TEXTS.json  →  JSON list of term lists.
import fs from "fs";
const [rulesPath, textsPath] = process.argv.slice(2);
await import(new URL("../../overrides/assets/search.js", import.meta.url));
const reader = new globalThis.MaillageSearch.Reader(JSON.parse(fs.readFileSync(rulesPath, "utf8")));
const texts = JSON.parse(fs.readFileSync(textsPath, "utf8"));
process.stdout.write(JSON.stringify(texts.map((t) => reader.terms(t))));
