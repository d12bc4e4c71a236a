/**
 * Checks that no corpus excerpt of `eval/data/documents/dev-periods-3/` shares text with a file of the test part
 * (the corpus holds copies of some of `../shared/documents/`). Prints, per excerpt, the number of its long
 * lines (over 60 characters) whose first 40 characters occur in a test file, by file name only, and fails if any
 * does. Nothing of a test file is printed. Run: `node --import tsx eval/_check-excerpts.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const DIR = 'eval/data/documents/dev-periods-3';
const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { test: string[] };
const tests = split.test.map((file) => ({ file, text: readFileSync(join('../shared', file), 'utf8') }));
const corpora = new Map<string, string[]>();
let shared = 0;
for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { file: string; excerpt: { from: number; to: number } };
  if (!corpora.has(gold.file)) corpora.set(gold.file, gunzipSync(readFileSync(join('../shared', gold.file))).toString('utf8').split('\n'));
  const long = corpora.get(gold.file)!.slice(gold.excerpt.from - 1, gold.excerpt.to).filter((l) => l.length > 60);
  const hits = tests.map((t) => ({ file: t.file, n: long.filter((l) => t.text.includes(l.slice(0, 40))).length })).filter((h) => h.n > 0);
  shared += hits.length;
  console.log(`${name}: ${long.length} long lines; shared with the test part: ${hits.length ? hits.map((h) => `${h.file} (${h.n})`).join(', ') : 'none'}`);
}
if (shared > 0) process.exit(1);
