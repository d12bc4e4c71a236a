/**
 * `npm run eval -- ocr`: how well baocao reads the scanned PDF of seed 000
 * (`fixtures/formats/000_df22d471c82bd4e0.scan.pdf`: 300 dpi, grey, slight skew, JPEG).
 *
 * - word accuracy of the OCR text against the seed text, case-insensitive: 1 − (word edit
 *   distance / seed words), raw and after the light correction pass the pipeline runs on OCR
 *   (`normalise` then `restoreDiacritics(…, {mode: 'light'})`, scored against the seed normalised);
 * - recall of seed 000's directive references (the hand annotations in
 *   `eval/data/references/000.json`: kind, number, symbol, date) found by `findReferences` in the
 *   corrected OCR text;
 * - the same word accuracy for the other `vie` build shipped in @tesseract.js-data/vie (4.0.0),
 *   on three pages, to back the choice of model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findReferences } from '../src/extract/references.js';
import { createIngestContext } from '../src/ingest/context.js';
import { ingestFile } from '../src/ingest/index.js';
import { vieLangPath } from '../src/ingest/ocr.js';
import { normalise } from '../src/normalise/index.js';
import { restoreDiacritics } from '../src/restore/index.js';
import { SourceText } from '../src/text/source-text.js';

const SEED = 'fixtures/000_df22d471c82bd4e0.txt';
const SCAN = 'fixtures/formats/000_df22d471c82bd4e0.scan.pdf';
const MIXED = 'fixtures/formats/000_df22d471c82bd4e0.mixed.pdf'; // page 1 text layer, page 2 = scan page 4

const words = (s: string) => s.normalize('NFC').toLowerCase().split(/\s+/u).filter(Boolean);

/** Word-level edit distance (substitutions, insertions, deletions), two rows of memory. */
function wordDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

const accuracy = (reference: string[], hypothesis: string[]) => 1 - wordDistance(reference, hypothesis) / reference.length;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

const seed = readFileSync(SEED, 'utf8');
const ctx = createIngestContext();
const t0 = performance.now();
const doc = await ingestFile(SCAN, ctx);
const seconds = (performance.now() - t0) / 1000;
const raw = doc.text.text;
const corrected = restoreDiacritics(normalise(doc.text), { mode: 'light' });
const ref = words(seed);
console.log(`scanned PDF: ${doc.pages.length} pages OCR'd in ${seconds.toFixed(1)} s with ${ctx.ocr.size} workers (${ctx.ocr.engine} engine)`);
console.log(`word accuracy, raw OCR:            ${pct(accuracy(ref, words(raw)))} (${ref.length} seed words)`);
// normalise drops Markdown emphasis (`(*ban hành …*)`) that the seed keeps and OCR reads: score
// the corrected text against the seed normalised the same way
const normalisedRef = words(normalise(SourceText.fromOriginal(seed)).text);
console.log(
  `word accuracy, after light pass:   ${pct(accuracy(normalisedRef, words(corrected.text.text)))} (${corrected.changes.length} words changed by restoration; seed normalised too)`,
);

// references: each annotated one matched at most once, by kind, number, symbol and date
interface Gold {
  kind: string;
  number: string;
  symbol: string;
  date: string | null;
}
const gold = (JSON.parse(readFileSync(join('eval/data/references', '000.json'), 'utf8')) as { references: Gold[] }).references;
const key = (r: Gold) => `${r.kind}|${r.number}|${r.symbol}|${r.date ?? '-'}`;
const recall = (text: string) => {
  const found = new Map<string, number>();
  for (const r of findReferences(text)) {
    const k = key({ kind: r.kind, number: r.number ?? '', symbol: r.symbol ?? '', date: r.date });
    found.set(k, (found.get(k) ?? 0) + 1);
  }
  const missed: string[] = [];
  let hit = 0;
  for (const g of gold) {
    const n = found.get(key(g)) ?? 0;
    if (n > 0) {
      hit++;
      found.set(key(g), n - 1);
    } else missed.push(key(g));
  }
  return { hit, missed };
};
for (const [name, text] of [
  ['raw OCR', raw],
  ['after light pass', corrected.text.text],
] as const) {
  const r = recall(text);
  console.log(`reference recall, ${name}: ${r.hit}/${gold.length} = ${pct(r.hit / gold.length)}${r.missed.length ? `; missed ${r.missed.join('; ')}` : ''}`);
}
const seedRecall = recall(seed);
console.log(`reference recall on the seed text itself (ceiling): ${seedRecall.hit}/${gold.length}`);
await ctx.close();

// model choice: the two builds on the same page (page 4 of the scan, the OCR'd page of the
// mixed PDF), scored against page 4 of the text-layer PDF, which holds the same words
const layer = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.pdf');
const pageRef = words(layer.text.text.slice(layer.pages[3]!.start, layer.pages[3]!.end));
for (const [name, langPath] of [
  ['4.0.0_best_int (used)', vieLangPath()],
  ['4.0.0', join(vieLangPath(), '..', '4.0.0')],
] as const) {
  const c = createIngestContext({ langPath, workers: 1 });
  const t = performance.now();
  const m = await ingestFile(MIXED, c);
  const s = (performance.now() - t) / 1000;
  await c.close();
  const ocrWords = words(m.text.text.slice(m.pages[1]!.start, m.pages[1]!.end));
  console.log(`model ${name}: page 4 word accuracy ${pct(accuracy(pageRef, ocrWords))} over ${pageRef.length} words, ${s.toFixed(1)} s`);
}
