/**
 * Draws corpus excerpts to annotate (as `dev-periods-3/` was; a `dev-periods-4/` would take them): windows of
 * WINDOW lines of `../shared/corpus/vi-admin.txt.gz` rich in report-style period phrases (reporting months,
 * `cùng kỳ`, `lũy kế`, quarters, deadlines), so the period rules can be scored on text nobody read while writing
 * them. (Run in the eleventh session: the corpus's windows of report language were either annotated already or
 * copies of a test document, so none was annotated; docs/documents-eval.md.)
 * The corpus holds copies of some of `../shared/documents/`, so a window is dropped, before anything of it
 * is printed, when any of its lines of 30 characters or more shares its first or middle 30 characters with a
 * test-part file (both with hard wraps and emphasis marks undone), or any of its document symbols (`123/KH-UBND`)
 * occurs in one; windows that overlap an excerpt already annotated (`dev-periods-3/`, `dev-periods-4/`) are dropped
 * too. The rest are taken in the order of
 * sha256(SEED:line) and printed with their line numbers.
 * Run: `node --import tsx eval/_draw-excerpts.ts [count]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SEED = 'baocao-dev-periods-4-2026-12-05';
const WINDOW = 30;
const MIN_CUES = 8;
const COUNT = Number(process.argv[2] ?? 6);
/** Rough cues of report language, only to favour windows that have periods at all (not the rules under test). */
const CUE =
  /cùng kỳ|lũy kế|luỹ kế|quý [IVX]+|\d+ tháng (?:đầu|cuối)|tháng \d{1,2}\/20\d\d|tháng \d{1,2} năm 20\d\d|tính đến|so với|trước ngày \d|chậm nhất|trong năm 20\d\d|giai đoạn 20\d\d|năm 20\d\d/giu;
const SYMBOL = /\b\d+\/(?:20\d\d\/)?[A-ZĐ]+(?:-[A-ZĐ]+)+/gu;

const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { test: string[] };
// the test files with their hard wraps and emphasis marks undone, so that a corpus paragraph is found in them whatever
// the rendering's line breaks
const flat = (text: string) => text.replace(/\*+/gu, '').replace(/\s+/gu, ' ');
const tests = split.test.map((file) => flat(readFileSync(join('../shared', file), 'utf8')));
const lines = gunzipSync(readFileSync('../shared/corpus/vi-admin.txt.gz')).toString('utf8').split('\n');

const taken: [number, number][] = [];
for (const dir of ['dev-periods-3', 'dev-periods-4']) {
  const path = join('eval/data/documents', dir);
  if (!existsSync(path)) continue;
  for (const f of readdirSync(path).filter((n) => n.endsWith('.json'))) {
    const { excerpt } = JSON.parse(readFileSync(join(path, f), 'utf8')) as { excerpt: { from: number; to: number } };
    taken.push([excerpt.from - WINDOW, excerpt.to + WINDOW]);
  }
}

/** A line's 30-character pieces at its start and middle (not its end: sentence ends are formulas). */
const pieces = (line: string) => {
  const l = flat(line).trim();
  return l.length < 30 ? [] : [l.slice(0, 30), l.slice((l.length >> 1) - 15, (l.length >> 1) + 15)];
};
const sharesTest = (window: string[]) =>
  window.some((l) => pieces(l).some((piece) => tests.some((t) => t.includes(piece)))) ||
  window.some((l) => [...l.matchAll(SYMBOL)].some((m) => tests.some((t) => t.includes(m[0]))));

const order = (n: number) => createHash('sha256').update(`${SEED}:${n}`).digest('hex');
const starts: number[] = [];
for (let from = 1; from + WINDOW <= lines.length; from += WINDOW) {
  const window = lines.slice(from - 1, from - 1 + WINDOW);
  const cues = window.reduce((n, l) => n + (l.match(CUE)?.length ?? 0), 0);
  if (cues >= MIN_CUES && !taken.some(([a, b]) => from >= a && from <= b)) starts.push(from);
}
let shown = 0;
for (const from of starts.sort((a, b) => order(a).localeCompare(order(b)))) {
  if (shown >= COUNT) break;
  const window = lines.slice(from - 1, from - 1 + WINDOW);
  if (sharesTest(window)) continue;
  shown++;
  console.log(`\n=== lines ${from}-${from + WINDOW - 1}`);
  window.forEach((l, i) => console.log(`${i + 1}: ${l}`)); // whole lines: a period may stand past any cut
}
console.error(`${starts.length} windows with ≥ ${MIN_CUES} cues; ${shown} shown`);
