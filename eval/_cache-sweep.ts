/**
 * Dev-set sweep of decoding weights, the document cache's among them (rerank.ts), seeds 000–003 only, leave one out as
 * `npm run eval -- restore`: word accuracy on the stripped set and the three English-OCR sets, and
 * clean words changed when forced to full mode, for each setting given.
 * `npx tsx eval/_cache-sweep.ts '[{"cache":{"pair":0}},{"beam":20}]' [sets]` (sets: comma list of
 * stripped, ocr, ocrTimes, ocrScan; default stripped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignWords, SEED004_ALIGNED, textPairs, wordAccuracy, words } from '../src/restore/align.js';
import { learnConfusions } from '../src/restore/channel.js';
import { loadModel } from '../src/restore/index.js';
import { SPECIALS } from '../src/restore/lm.js';
import { Restorer, type Weights } from '../src/restore/restore.js';
import { SourceText } from '../src/text/source-text.js';

const DATA = 'eval/data/restore';
const settings = JSON.parse(process.argv[2] ?? '[{}]') as Partial<Weights>[];
const sets = (process.argv[3] ?? 'stripped').split(',');
const DIRS: Record<string, string> = { stripped: 'stripped', ocr: 'ocr-eng', ocrTimes: 'ocr-eng-times', ocrScan: 'ocr-eng-scan' };
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const docs = seeds.map((f) => {
  const id = f.slice(0, 3);
  const read = (d: string) => readFileSync(join(DATA, d, `${id}.txt`), 'utf8');
  return { id, ref: readFileSync(join('fixtures', f), 'utf8'), input: Object.fromEntries(Object.entries(DIRS).map(([k, d]) => [k, read(d)])) };
});
const shipped = loadModel('restore-lm.bin');
const syllables = shipped.vocab.slice(SPECIALS.length, SPECIALS.length + shipped.syllableCount);
const real = { ref: readFileSync(join(SEED004_ALIGNED.dir, 'ref.txt'), 'utf8'), ocr: readFileSync(join(SEED004_ALIGNED.dir, 'ocr.txt'), 'utf8') };
const realPairs = Array.from({ length: SEED004_ALIGNED.repeat }, () => textPairs(real.ref, real.ocr)).flat();
const ok = settings.map(() => Object.fromEntries(sets.map((s) => [s, 0])) as Record<string, number>);
const cleanChanged = settings.map(() => 0);
/** errors per seed and setting, all sets together (to check that one setting suits each seed) */
const perSeed = settings.map(() => [] as number[]);
let total = 0;
for (const d of docs) {
  const others = docs.filter((o) => o.id !== d.id);
  const lm = loadModel(`loo/restore-lm-no-${d.id}.bin`);
  const confusions = learnConfusions([...others.flatMap((o) => ['ocr', 'ocrTimes', 'ocrScan'].flatMap((s) => textPairs(o.ref, o.input[s]!))), ...realPairs], syllables);
  const ref = words(d.ref);
  total += ref.length;
  settings.forEach((weights, k) => {
    const r = new Restorer(lm, confusions, weights);
    let errors = 0;
    for (const s of sets) {
      const a = wordAccuracy(alignWords(ref, words(r.restore(SourceText.fromOriginal(d.input[s]!), { mode: 'full' }).text.text)));
      ok[k]![s]! += a.correct;
      errors += a.total - a.correct;
    }
    perSeed[k]!.push(errors);
    const full = wordAccuracy(alignWords(ref, words(r.restore(SourceText.fromOriginal(d.ref), { mode: 'full' }).text.text)));
    cleanChanged[k]! += full.total - full.correct;
  });
}
settings.forEach((c, k) => console.log(`${JSON.stringify(c).padEnd(70)} ${sets.map((s) => `${s} ${((100 * ok[k]![s]!) / total).toFixed(2)}% (${total - ok[k]![s]!} errors)`).join('  ')}  clean forced full: ${cleanChanged[k]} changed  errors by seed ${perSeed[k]!.join(' ')}`));
