/**
 * Checks that no corpus excerpt of `eval/data/documents/dev-periods-3/` or `dev-periods-4/` shares text with a file of
 * the test part (the corpus holds copies of some of `../shared/documents/`). Prints, per excerpt, the number of its long
 * lines (over 60 characters) whose first or middle 40 characters occur in a test file (both with hard wraps and
 * emphasis marks undone: the test files are web renderings wrapped mid-phrase; pieces that another document of
 * `../shared/documents/` has too are formulas, not counted), by file name only, and fails if any
 * does. Nothing of a test file is printed. Run: `node --import tsx eval/_check-excerpts.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const DIRS = ['eval/data/documents/dev-periods-3', 'eval/data/documents/dev-periods-4'];
const flat = (text: string) => text.replace(/\*+/gu, '').replace(/\s+/gu, ' ').trim();
// (not the last: sentence ends are formulas, `… Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.`)
const pieces = (l: string) => [l.slice(0, 40), l.slice((l.length >> 1) - 20, (l.length >> 1) + 20)];
const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { test: string[] };
const tests = split.test.map((file) => ({ file, text: flat(readFileSync(join('../shared', file), 'utf8')) }));
// a piece that another document of the folder has too is a formula (`… Sở Nông nghiệp và Môi trường, Ủy ban nhân dân …`)
const others = readdirSync('../shared/documents')
  .filter((f) => f.endsWith('.md') && f !== 'README.md' && !split.test.includes(`documents/${f}`))
  .map((f) => flat(readFileSync(join('../shared/documents', f), 'utf8')));
const copied = (piece: string, test: string) => test.includes(piece) && !others.some((o) => o.includes(piece));
const corpora = new Map<string, string[]>();
let shared = 0;
for (const dir of DIRS.filter((d) => existsSync(d))) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { file: string; excerpt: { from: number; to: number } };
    if (!corpora.has(gold.file)) corpora.set(gold.file, gunzipSync(readFileSync(join('../shared', gold.file))).toString('utf8').split('\n'));
    const long = corpora.get(gold.file)!.slice(gold.excerpt.from - 1, gold.excerpt.to).map(flat).filter((l) => l.length > 60);
    const hits = tests
      .map((t) => ({ file: t.file, n: long.filter((l) => pieces(l).some((p) => copied(p, t.text))).length }))
      .filter((h) => h.n > 0);
    shared += hits.length;
    console.log(`${dir.split('/').pop()}/${name}: ${long.length} long lines; shared with the test part: ${hits.length ? hits.map((h) => `${h.file} (${h.n})`).join(', ') : 'none'}`);
  }
}
if (shared > 0) process.exit(1);
