/**
 * Extraction throughput on one core: the seed reports (normalised and segmented once, outside the
 * timing) repeated to at least 5 MB, then `extract()` timed alone (references, periods, figures),
 * and figures alone. Median of 5 runs after a warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract/index.js';
import { findFigures } from '../src/extract/figures.js';
import { normalise } from '../src/normalise/index.js';
import { segment } from '../src/segment/index.js';
import type { Outline } from '../src/segment/types.js';
import { SourceText } from '../src/text/source-text.js';
import { mb, medianSeconds } from './_measure.js';

const dir = 'fixtures';
const seeds = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return { bytes: Buffer.byteLength(text), outline: segment(normalise(SourceText.fromOriginal(text))) };
  });
const outlines: Outline[] = [];
let total = 0;
while (total < 5e6) {
  for (const s of seeds) {
    outlines.push(s.outline);
    total += s.bytes;
  }
}

let figures = 0;
const all = await medianSeconds(() => {
  figures = 0;
  for (const o of outlines) figures += extract(o).figures.length;
});
const onlyFigures = await medianSeconds(() => {
  for (const o of outlines) findFigures(o, { documentKind: o.header.kind, periods: [], documentPeriod: null });
});
console.log(`extract: ${outlines.length} reports, ${mb(total).toFixed(1)} MB, ${figures} figures`);
console.log(`  extract() median of 5: ${all.median.toFixed(2)} s → ${(mb(total) / all.median).toFixed(2)} MB/s (runs: ${all.all.map((s) => s.toFixed(2)).join(', ')})`);
console.log(`  figures only median of 5: ${onlyFigures.median.toFixed(2)} s → ${(mb(total) / onlyFigures.median).toFixed(2)} MB/s (runs: ${onlyFigures.all.map((s) => s.toFixed(2)).join(', ')})`);
