/**
 * `npm run bench -- restore`: diacritic restoration speed and memory, one core.
 * Text: the English-OCR dev set (eval/data/restore/ocr-eng, seeds 000–003) and seed 004.
 * Prints model load time and the throughput, in full mode, of:
 * - the process's first restoration (the code not yet compiled; one run);
 * - a fresh restorer (cold: every distinct token's candidates searched);
 * - a restorer that has first restored the two other English-OCR renderings of seeds 000–003
 *   (ocr-eng-scan, ocr-eng-times): the same kind of reports with other OCR damage, which is what a
 *   batch worker's restorer has seen after a while: common words cached, new garbles not;
 * - a restorer that has restored this very text before (every cache hit: an upper bound);
 * medians of 5, and peak RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfusions, loadLanguageModel, Restorer } from '../src/restore/index.js';
import { SourceText } from '../src/text/source-text.js';
import { median, peakRssMb } from './_measure.js';

const read = (dir: string) => readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const text = [
  ...read('eval/data/restore/ocr-eng'),
  readFileSync(join('fixtures', readdirSync('fixtures').find((f) => f.startsWith('004_'))!), 'utf8'),
].join('\n\n');
const otherOcr = [...read('eval/data/restore/ocr-eng-scan'), ...read('eval/data/restore/ocr-eng-times')];
const kb = Buffer.byteLength(text) / 1024;

const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  new Restorer(loadLanguageModel(), loadConfusions());
  loads.push(performance.now() - t0);
}
console.log(`model load (LM files + confusions + candidate trie): median ${median(loads).toFixed(0)} ms`);

const fresh = () => new Restorer(loadLanguageModel(), loadConfusions());
const timeRestore = (r: Restorer) => {
  const t0 = performance.now();
  r.restore(SourceText.fromOriginal(text), { mode: 'full' });
  return performance.now() - t0;
};
const fiveTimes = (restorer: () => Restorer) => median(Array.from({ length: 5 }, () => timeRestore(restorer())));
const first = timeRestore(fresh());
const cold = fiveTimes(fresh);
const seenOther = fiveTimes(() => {
  const r = fresh();
  for (const t of otherOcr) r.restore(SourceText.fromOriginal(t), { mode: 'full' });
  return r;
});
const same = fresh();
timeRestore(same);
const seenThis = fiveTimes(() => same);
const line = (what: string, ms: number) => console.log(`throughput, ${what}: ${(kb / (ms / 1000)).toFixed(0)} KB/s (${ms.toFixed(0)} ms)`);
console.log(`text: ${kb.toFixed(0)} KB of OCR output`);
line('first restoration in the process', first);
line('fresh restorer (cold), median', cold);
line('restorer that has seen other OCR of these reports, median', seenOther);
line('restorer that has seen this text (every cache hit), median', seenThis);
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);
