// Each file given is read and written back with Decap CMS's own YAML formatter (the module
// the editor saves with: decap-cms-core's formats/yaml.js and the `yaml` package it depends
// on), as the editor does for an entry saved unchanged. Prints {path: text} as JSON.
//
// decap-cms-core ships that module as ES source with extension-less imports, which Node does
// not resolve; it is copied as it is into a temporary folder with the two import lines
// pointed at their files.
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const core = dirname(require.resolve("decap-cms-core/package.json"));
const formats = join(core, "dist", "esm", "formats");
const yamlEntry = createRequire(join(core, "package.json")).resolve("yaml");
const folder = mkdtempSync(join(tmpdir(), "decap-yaml-"));
try {
  const source = readFileSync(join(formats, "yaml.js"), "utf8")
    .replace("from 'yaml'", `from ${JSON.stringify(pathToFileURL(yamlEntry).href)}`)
    .replace("from './helpers'", "from './helpers.mjs'");
  writeFileSync(join(folder, "yaml.mjs"), source);
  writeFileSync(join(folder, "helpers.mjs"), readFileSync(join(formats, "helpers.js"), "utf8"));
  const formatter = (await import(pathToFileURL(join(folder, "yaml.mjs")).href)).default;
  const out = {};
  for (const path of process.argv.slice(2)) {
    const data = formatter.fromFile(readFileSync(path, "utf8"));
    out[path] = formatter.toFile(data);
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
