/**
 * `npm run eval -- restore`: diacritic restoration accuracy, leave one document out.
 *
 * For each seed 000–003: the language model is models/loo/restore-lm-no-<id>.bin (corpus and the
 * *other three* seeds, made by `npm run train`), and the OCR confusions are learned here from the
 * other three seeds' OCR pairs (three renderings) plus the hand-corrected lines of seed 004, so the
 * evaluated document's text is never seen. Prints, per document and overall, case-insensitive word
 * accuracy of input and output on the three English-OCR sets and on the stripped set
 * (eval/data/restore, made by scripts/make-restore-devset.ts), on the Vietnamese-model OCR set in the
 * pipeline's mode (light, tone repair; tone confusions of the other three seeds), the change rate on the clean text,
 * accuracy on the hand-corrected seed 004 lines (in-sample for the shipped confusions, labelled
 * so), and the 20 most frequent remaining errors. RESTORE_WEIGHTS='{"keep":7}' overrides weights.
 *
 * Then the held-out documents (eval/data/restore/heldout, scripts/make-restore-heldout.ts): eight
 * UBND documents of 2025 that no model was trained on (`npm run train` drops every corpus line
 * sharing a 12-word sequence with them), restored by the shipped model and confusions: English-model
 * OCR (two renderings) and stripped text in full mode, Vietnamese-model OCR in the mode the pipeline
 * uses on it (light) and in the default mode, and the clean references (default mode).
 * `--dev` leaves the held-out part out (for tuning on the dev set); `--totals` prints its totals
 * without its lists of errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignWords, SEED004_ALIGNED, textPairs, wordAccuracy, words, sameWord } from '../src/restore/align.js';
import { learnConfusions } from '../src/restore/channel.js';
import { learnToneConfusions, loadConfusions, loadModel, loadToneConfusions } from '../src/restore/index.js';
import { SPECIALS } from '../src/restore/lm.js';
import { placeUnits } from '../src/restore/vocabulary.js';
import { Restorer, type Weights } from '../src/restore/restore.js';
import { SourceText } from '../src/text/source-text.js';
import { stripMarks } from '../src/vietnamese/letters.js';
import { heldoutIds, heldoutRef } from '../scripts/heldout-text.js';

const DATA = 'eval/data/restore';
/** RESTORE_WEIGHTS='{"lm":1.1}' overrides decoding weights (for tuning; see docs/restoration.md for how they were chosen). */
const weights = JSON.parse(process.env.RESTORE_WEIGHTS ?? '{}') as Partial<Weights>;
if (process.env.RESTORE_WEIGHTS) console.log(`weights ${process.env.RESTORE_WEIGHTS}`);
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const docs = seeds.map((f) => {
  const id = f.slice(0, 3);
  return {
    id,
    ref: readFileSync(join('fixtures', f), 'utf8'),
    ocr: readFileSync(join(DATA, 'ocr-eng', `${id}.txt`), 'utf8'),
    ocrTimes: readFileSync(join(DATA, 'ocr-eng-times', `${id}.txt`), 'utf8'),
    ocrScan: readFileSync(join(DATA, 'ocr-eng-scan', `${id}.txt`), 'utf8'),
    stripped: readFileSync(join(DATA, 'stripped', `${id}.txt`), 'utf8'),
    ocrVie: readFileSync(join(DATA, 'ocr-vie', `${id}.txt`), 'utf8'),
  };
});

const shipped = loadModel('restore-lm.bin');
const syllables = shipped.vocab.slice(SPECIALS.length, SPECIALS.length + shipped.syllableCount);
const syllableSet = new Set(syllables);
const ocrPairs = new Map(docs.map((d) => [d.id, [...textPairs(d.ref, d.ocr), ...textPairs(d.ref, d.ocrTimes), ...textPairs(d.ref, d.ocrScan)]]));
// hand-corrected lines of seed 004 (real damage): part of every confusion training, as in npm run train
const real = { ref: readFileSync(join(SEED004_ALIGNED.dir, 'ref.txt'), 'utf8'), ocr: readFileSync(join(SEED004_ALIGNED.dir, 'ocr.txt'), 'utf8') };
const realPairs = Array.from({ length: SEED004_ALIGNED.repeat }, () => textPairs(real.ref, real.ocr)).flat();
const SETS = ['ocr', 'ocrTimes', 'ocrScan', 'stripped', 'ocrVie'] as const;
const LABEL = {
  ocr: 'English-OCR (DejaVu Serif)',
  ocrTimes: 'English-OCR (Liberation Serif, bold caps)',
  ocrScan: 'English-OCR (Liberation Serif, 200 dpi, blur, JPEG 30)',
  stripped: 'stripped',
  ocrVie: 'Vietnamese-OCR (Liberation Serif), light mode and tone repair',
};

type Tally = { inOk: number; outOk: number; total: number };
const totals = Object.fromEntries(SETS.map((s) => [s, { inOk: 0, outOk: 0, total: 0 }])) as Record<(typeof SETS)[number], Tally>;
const errors = Object.fromEntries(SETS.map((s) => [s, new Map<string, number>()])) as Record<(typeof SETS)[number], Map<string, number>>;
let cleanChanged = 0;
let cleanFullChanged = 0;
let cleanWords = 0;
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(2)}%`;

console.log('doc  set       words  input    output   time');
for (const d of docs) {
  const others = docs.filter((o) => o.id !== d.id);
  const lm = loadModel(`loo/restore-lm-no-${d.id}.bin`);
  const confusions = learnConfusions([...others.flatMap((o) => ocrPairs.get(o.id)!), ...realPairs], syllables);
  const tones = learnToneConfusions(others.flatMap((o) => textPairs(o.ref, o.ocrVie)), (w) => syllableSet.has(w));
  const restorer = new Restorer(lm, confusions, weights, tones);
  const refWords = words(d.ref);
  for (const set of SETS) {
    const input = d[set];
    const t0 = performance.now();
    const out = restorer.restore(SourceText.fromOriginal(input), set === 'ocrVie' ? { mode: 'light', tones: true } : { mode: 'full' }).text.text;
    const ms = performance.now() - t0;
    const a = wordAccuracy(alignWords(refWords, words(input)));
    const outAlign = alignWords(refWords, words(out));
    const b = wordAccuracy(outAlign);
    totals[set].inOk += a.correct;
    totals[set].outOk += b.correct;
    totals[set].total += a.total;
    for (const [r, h] of outAlign) {
      if (r !== null && (h === null || !sameWord(r, h))) {
        const k = `${r.toLowerCase()} → ${h?.toLowerCase() ?? '∅'}`;
        errors[set].set(k, (errors[set].get(k) ?? 0) + 1);
      }
    }
    console.log(`${d.id}  ${set.padEnd(8)}  ${String(a.total).padStart(5)}  ${pct(a.correct, a.total).padStart(7)}  ${pct(b.correct, b.total).padStart(7)}  ${ms.toFixed(0)} ms`);
  }
  // clean text through the stage as the pipeline would (default mode) and forced to full
  const cw = words(d.ref);
  const auto = words(restorer.restore(SourceText.fromOriginal(d.ref)).text.text);
  const full = words(restorer.restore(SourceText.fromOriginal(d.ref), { mode: 'full' }).text.text);
  const changed = (ws: string[]) => (ws.length === cw.length ? ws.filter((w, i) => w !== cw[i]).length : wordAccuracy(alignWords(cw, ws)).total - wordAccuracy(alignWords(cw, ws)).correct);
  cleanChanged += changed(auto);
  cleanFullChanged += changed(full);
  cleanWords += cw.length;
  console.log(`${d.id}  clean     ${String(cw.length).padStart(5)}  changed ${pct(changed(auto), cw.length)} (forced full: ${pct(changed(full), cw.length)})`);
}
console.log('\noverall (leave-one-document-out)');
for (const set of SETS) {
  const t = totals[set];
  console.log(`  ${LABEL[set]}: words ${t.total}  input ${pct(t.inOk, t.total)}  output ${pct(t.outOk, t.total)}`);
}
console.log(`  clean text  words ${cleanWords}  changed ${pct(cleanChanged, cleanWords)} (forced full mode: ${pct(cleanFullChanged, cleanWords)})`);
{
  // seed 004, lines 1–104 hand-corrected: real damage, but in-sample for the shipped confusions
  const restorer = new Restorer(loadModel('restore-lm.bin'), loadConfusions(), weights);
  const out = restorer.restore(SourceText.fromOriginal(real.ocr), { mode: 'full' }).text.text;
  const refWords = words(real.ref);
  const a = wordAccuracy(alignWords(refWords, words(real.ocr)));
  const b = wordAccuracy(alignWords(refWords, words(out)));
  console.log(`  seed 004 lines 1–104, hand-corrected (IN-SAMPLE for the confusions): words ${a.total}  input ${pct(a.correct, a.total)}  output ${pct(b.correct, b.total)}`);
}
for (const set of SETS) {
  console.log(`\n20 most frequent remaining errors, ${LABEL[set]} (reference → output):`);
  for (const [k, n] of [...errors[set]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20)) console.log(`  ${String(n).padStart(4)}  ${k}`);
}

// ---- held-out documents: never in any training text, measured with the shipped model ----
const HELDOUT = join(DATA, 'heldout');
// --dev: the dev set only (for tuning); --totals: the held-out part without its lists of errors
const devOnly = process.argv.includes('--dev');
const totalsOnly = process.argv.includes('--totals');
if (existsSync(HELDOUT) && !devOnly) {
  const ids = heldoutIds();
  // --no-gazetteer: the model trained without the place names (npm run train -- --no-gazetteer)
  const noGazetteer = process.argv.includes('--no-gazetteer');
  // (the gazetteer also keeps each place name one reading within a document: not in the ablation)
  const restorer = new Restorer(loadModel(noGazetteer ? 'ablation/restore-lm-no-gazetteer.bin' : 'restore-lm.bin'), loadConfusions(), weights, loadToneConfusions(), noGazetteer ? [] : placeUnits());
  const HSETS = [
    { dir: 'ocr-eng', label: 'English-OCR (Liberation Serif, 300 dpi)', mode: 'full' },
    { dir: 'ocr-eng-scan', label: 'English-OCR (200 dpi, blur, JPEG 30)', mode: 'full' },
    { dir: 'stripped', label: 'stripped', mode: 'full' },
    { dir: 'ocr-vie', label: 'Vietnamese-OCR, light mode', mode: 'light' },
    { dir: 'ocr-vie', label: 'Vietnamese-OCR, light mode and tone repair (as the pipeline)', mode: 'light', tones: true },
  ] as const;
  const tally = HSETS.map(() => ({ inOk: 0, outOk: 0, total: 0, errors: new Map<string, number>() }));
  let changed = 0;
  let changedTones = 0;
  let total = 0;
  const cleanErrors = new Map<string, number>();
  for (const id of ids) {
    const ref = heldoutRef(id);
    const refWords = words(ref);
    HSETS.forEach((s, k) => {
      const input = s.dir === 'stripped' ? stripMarks(ref) : readFileSync(join(HELDOUT, s.dir, `${id}.txt`), 'utf8');
      const out = restorer.restore(SourceText.fromOriginal(input), { mode: s.mode, tones: 'tones' in s }).text.text;
      const a = wordAccuracy(alignWords(refWords, words(input)));
      const outAlign = alignWords(refWords, words(out));
      const b = wordAccuracy(outAlign);
      tally[k]!.inOk += a.correct;
      tally[k]!.outOk += b.correct;
      tally[k]!.total += a.total;
      for (const [r, h] of outAlign) {
        if (r !== null && (h === null || !sameWord(r, h))) {
          const e = `${r.toLowerCase()} → ${h?.toLowerCase() ?? '∅'}`;
          tally[k]!.errors.set(e, (tally[k]!.errors.get(e) ?? 0) + 1);
        }
      }
    });
    const out = words(restorer.restore(SourceText.fromOriginal(ref)).text.text);
    const al = alignWords(refWords, out);
    for (const [r, h] of al) {
      if (r !== h) {
        changed++;
        const e = `${r ?? '∅'} → ${h ?? '∅'}`;
        cleanErrors.set(e, (cleanErrors.get(e) ?? 0) + 1);
      }
    }
    // clean text through the OCR pass with tone repair: what it would cost a text that needs none
    for (const [r, h] of alignWords(refWords, words(restorer.restore(SourceText.fromOriginal(ref), { mode: 'light', tones: true }).text.text))) if (r !== h) changedTones++;
    total += refWords.length;
  }
  console.log(`\nheld-out documents (${ids.length}, ${noGazetteer ? 'model WITHOUT the gazetteer' : 'shipped model'} and confusions; no training text shares a 12-word sequence with them)`);
  HSETS.forEach((s, k) => {
    const t = tally[k]!;
    console.log(`  ${s.label}: words ${t.total}  input ${pct(t.inOk, t.total)}  output ${pct(t.outOk, t.total)}`);
  });
  console.log(`  clean text  words ${total}  changed ${(100 * changed / total).toFixed(3)}% (${changed} words); light mode and tone repair: ${(100 * changedTones / total).toFixed(3)}% (${changedTones})`);
  if (totalsOnly) process.exit(0);
  for (const [k, s] of HSETS.entries()) {
    console.log(`\n15 most frequent remaining errors, held out, ${s.label}:`);
    for (const [e, n] of [...tally[k]!.errors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15)) console.log(`  ${String(n).padStart(4)}  ${e}`);
  }
  console.log('\nclean words changed, held out:');
  for (const [e, n] of [...cleanErrors].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${e}`);
}
