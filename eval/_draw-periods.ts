/**
 * Draws the documents of `eval/data/documents/dev-periods/`: texts of `../shared/documents/` that are
 * in neither part of `split.json` nor in `dev-extra/`, annotated for periods only, so that the period
 * rules can be scored on text nobody read while writing them. The test part's files are dropped by
 * name before anything is read. Favours texts with period mentions (at least MIN_CUES cue hits; a date's `tháng … năm` is not counted, so that cited documents do not count), then
 * takes them in the order of sha256(SEED:file); for each, suggests the stretch of WINDOW lines with the
 * most cue hits (the annotator then trims it to the main text). Most of the pool are decisions that publish
 * procedure lists, whose only period is the entry into force; so a second stage adds every text of the pool with
 * at least MIN_STRONG strong cues (phrases that are almost always periods), with the window of most strong cues.
 * Run: `node --import tsx eval/_draw-periods.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

const SEED = 'baocao-dev-periods-2026-12-04';
const COUNT = 18;
const MIN_CUES = 10;
const WINDOW = 120;
/** Rough period cues, only to favour texts that have periods at all (not the rules under test). */
const CUE =
  /giai đoạn|thời kỳ|quý [IVX]|lũy kế|luỹ kế|cùng kỳ|tính đến|chậm nhất|trước ngày|từ ngày|đến ngày|đến năm|tháng (?:đầu|cuối)|\d+ tháng|tháng \d{1,2}\/20\d\d|(?<!tháng\s+\d{1,2}\s+)năm 20\d\d|hằng năm|hàng năm|định kỳ/giu;

/** Phrases that are nearly always periods (not dates of cited documents). */
const STRONG =
  /giai đoạn|thời kỳ|quý [IVX]|lũy kế|luỹ kế|cùng kỳ|tính đến|chậm nhất|trước ngày \d|đến năm 20|tháng (?:đầu|cuối)|\d+ tháng (?:đầu|cuối|năm)|tháng \d{1,2}\/20\d\d|trong năm 20\d\d|(?:kế hoạch|dự toán|năm) 20\d\d(?! *của)|từ ngày \d+\/\d+(?:\/\d+)? đến|\(20\d\d ?[-–] ?20\d\d\)/giu;
const MIN_STRONG = 10;

const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { dev: string[]; test: string[] };
const avoid = new Set([...split.dev, ...split.test]);
for (const f of readdirSync('eval/data/documents/dev-extra')) {
  avoid.add((JSON.parse(readFileSync(`eval/data/documents/dev-extra/${f}`, 'utf8')) as { file: string }).file);
}
const index = JSON.parse(readFileSync('../shared/documents/index.json', 'utf8')) as { documents: { file: string; kind: string }[] };
const pool = index.documents.map((d) => ({ file: `documents/${d.file}`, kind: d.kind })).filter((d) => !avoid.has(d.file));

const order = (f: string) => createHash('sha256').update(`${SEED}:${f}`).digest('hex');
const drawn: string[] = [];
for (const d of pool.sort((a, b) => order(a.file).localeCompare(order(b.file)))) {
  if (drawn.length >= COUNT) break;
  if (show(d.file, d.kind, CUE, MIN_CUES)) drawn.push(d.file);
}
console.log(`pool ${pool.length}, drawn ${drawn.length}; rich in strong cues:`);
for (const d of pool) if (!drawn.includes(d.file) && show(d.file, d.kind, STRONG, MIN_STRONG)) drawn.push(d.file);
console.log(`drawn ${drawn.length}`);

// a third stage, drawn after the rules were fitted to the first two (`dev-periods-2/`): the next SECOND texts in the
// seeded order that pass the first stage's test, for a figure on text the rules were not written on
const SECOND = 12;
console.log('second batch:');
let second = 0;
for (const d of pool.sort((a, b) => order(a.file).localeCompare(order(b.file)))) {
  if (second >= SECOND) break;
  if (!drawn.includes(d.file) && show(d.file, d.kind, CUE, MIN_CUES)) second++;
}

/** Prints the text's window of most cues when it has at least `min` in all. */
function show(file: string, kind: string, cue: RegExp, min: number): boolean {
  const lines = readFileSync(`../shared/${file}`, 'utf8').split('\n');
  const hits = lines.map((l) => (l.match(cue) ?? []).length);
  // the strong cues are counted over the text with its hard wraps undone (they are longer phrases)
  const total = cue === STRONG ? (lines.join(' ').match(cue) ?? []).length : hits.reduce((s, x) => s + x, 0);
  if (total < min) return false;
  let best = 0;
  let bestSum = -1;
  for (let i = 0; i < Math.max(1, lines.length - WINDOW + 1); i++) {
    const sum = hits.slice(i, i + WINDOW).reduce((s, x) => s + x, 0);
    if (sum > bestSum) [best, bestSum] = [i, sum];
  }
  console.log(`${file}\t${kind}\tlines ${lines.length}\tcues ${total}\tsuggested scope ${best + 1}-${Math.min(lines.length, best + WINDOW)} (${bestSum} cues)`);
  return true;
}
