/**
 * `npm run bench -- restore`: diacritic restoration speed and memory, one core.
 * Text: the English-OCR dev set (eval/data/restore/ocr-eng, seeds 000–003) and seed 004.
 * Prints model load time; throughput in full mode of the process's first restoration (the code
 * not yet compiled, one run), then on fresh restorers (cold: every token's candidates computed)
 * and on a warm one (its caches filled), medians of 5; and peak RSS. A batch worker pays the
 * first once, then restores cold, then warmer as an archive's words recur.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRestorer, loadConfusions, loadLanguageModel, Restorer } from '../src/restore/index.js';
import { SourceText } from '../src/text/source-text.js';
import { median, peakRssMb } from './_measure.js';

const dir = 'eval/data/restore/ocr-eng';
const text = [
  ...readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')),
  readFileSync(join('fixtures', readdirSync('fixtures').find((f) => f.startsWith('004_'))!), 'utf8'),
].join('\n\n');
const kb = Buffer.byteLength(text) / 1024;

const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  new Restorer(loadLanguageModel(), loadConfusions());
  loads.push(performance.now() - t0);
}
console.log(`model load (LM files + confusions + candidate trie): median ${median(loads).toFixed(0)} ms`);

const timeRestore = (r: Restorer) => {
  const t0 = performance.now();
  r.restore(SourceText.fromOriginal(text), { mode: 'full' });
  return performance.now() - t0;
};
const first = timeRestore(new Restorer(loadLanguageModel(), loadConfusions()));
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  cold.push(timeRestore(new Restorer(loadLanguageModel(), loadConfusions())));
}
const warmRestorer = getRestorer();
timeRestore(warmRestorer);
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(timeRestore(warmRestorer));
console.log(`text: ${kb.toFixed(0)} KB of OCR output`);
console.log(`throughput, first restoration in the process: ${(kb / (first / 1000)).toFixed(0)} KB/s (${first.toFixed(0)} ms)`);
console.log(`throughput, cold restorer: median ${(kb / (median(cold) / 1000)).toFixed(0)} KB/s (${median(cold).toFixed(0)} ms)`);
console.log(`throughput, warm restorer: median ${(kb / (median(warm) / 1000)).toFixed(0)} KB/s (${median(warm).toFixed(0)} ms)`);
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);
