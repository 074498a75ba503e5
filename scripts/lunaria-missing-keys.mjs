// Lunaria v1's missingKeys (lunariajs/lunaria, branch v1, packages/core/src/status/status.ts:
// findMissingKeys, no optional keys), with its loaders: js-yaml for .yml, jiti for .ts (the
// module is run, its default export taken), JSON.parse for .json. Prints, per translation, the
// source's leaf paths (joined with ".") the translation lacks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { createJiti } from 'jiti';
import { Traverse } from 'neotraverse/modern';

const jiti = createJiti(import.meta.url);
const load = async (path) =>
  /\.(yml|yaml)$/.test(path) ? yaml.load(readFileSync(resolve(path), 'utf-8'))
  : /\.json$/.test(path) ? JSON.parse(readFileSync(resolve(path), 'utf-8'))
  : await jiti.import(resolve(path), { default: true });

function findMissingKeys(sourceDict, localeDict) {
  const s = new Traverse(sourceDict);
  const l = new Traverse(localeDict);
  return s.paths().filter((p) => p.length > 0 && typeof s.get(p) !== 'object' && !l.has(p));
}

const [source, ...translations] = process.argv.slice(2);
const src = await load(source);
const out = {};
for (const t of translations) {
  out[t] = findMissingKeys(src, await load(t)).map((p) => p.join('.'));
}
console.log(JSON.stringify(out, null, 1));
