/**
 * Dev-set error analysis of the Vietnamese-model OCR set (seeds 000–003 only, leave one out, as
 * `npm run eval -- restore`): each reference word the output gets wrong, with what the OCR read
 * and the line around it. `npx tsx eval/_vie-errors.ts [set]` (set: ocrVie, default, or stripped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignWords, textPairs, words, sameWord, type Alignment } from '../src/restore/align.js';
import { learnToneConfusions, loadModel } from '../src/restore/index.js';
import { learnConfusions } from '../src/restore/channel.js';
import { SPECIALS } from '../src/restore/lm.js';
import { Restorer } from '../src/restore/restore.js';
import { SourceText } from '../src/text/source-text.js';

const set = process.argv[2] ?? 'ocrVie';
const DATA = 'eval/data/restore';
const dir = set === 'stripped' ? 'stripped' : set === 'ocr' ? 'ocr-eng' : 'ocr-vie';
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const docs = seeds.map((f) => ({ id: f.slice(0, 3), ref: readFileSync(join('fixtures', f), 'utf8'), input: readFileSync(join(DATA, dir, `${f.slice(0, 3)}.txt`), 'utf8'), vie: readFileSync(join(DATA, 'ocr-vie', `${f.slice(0, 3)}.txt`), 'utf8'), eng: ['ocr-eng', 'ocr-eng-times', 'ocr-eng-scan'].map((d) => readFileSync(join(DATA, d, `${f.slice(0, 3)}.txt`), 'utf8')) }));
const shipped = loadModel('restore-lm.bin');
const syllables = shipped.vocab.slice(SPECIALS.length, SPECIALS.length + shipped.syllableCount);
const syllableSet = new Set(syllables);
/** hyp word at each ref index */
const byRef = (al: Alignment) => {
  const out: (string | null)[] = [];
  for (const [r, h] of al) if (r !== null) out.push(h);
  return out;
};
for (const d of docs) {
  const others = docs.filter((o) => o.id !== d.id);
  const lm = loadModel(`loo/restore-lm-no-${d.id}.bin`);
  const tones = learnToneConfusions(others.flatMap((o) => textPairs(o.ref, o.vie)), (w) => syllableSet.has(w));
  const confusions = learnConfusions(others.flatMap((o) => o.eng.flatMap((e) => textPairs(o.ref, e))), syllables);
  const r = new Restorer(lm, confusions, JSON.parse(process.env.RESTORE_WEIGHTS ?? '{}'), tones);
  const out = r.restore(SourceText.fromOriginal(d.input), set === 'ocrVie' ? { mode: 'light', tones: true } : { mode: 'full' }).text.text;
  const ref = words(d.ref);
  const inp = byRef(alignWords(ref, words(d.input)));
  const outp = byRef(alignWords(ref, words(out)));
  for (let i = 0; i < ref.length; i++) {
    const o = outp[i] ?? null;
    if (o !== null && sameWord(ref[i]!, o)) continue;
    console.log(`${d.id} ${ref[i]} | in ${inp[i]} | out ${o}   …${ref.slice(Math.max(0, i - 4), i).join(' ')} [${ref[i]}] ${ref.slice(i + 1, i + 4).join(' ')}`);
  }
}
