/**
 * End-to-end rate of the text pipeline on one core: the seed reports repeated to at least 5 MB,
 * each run ingesting from memory, running every stage and serialising the JSON. Clean reports
 * (seeds 000–003) and the garbled OCR report (seed 004, which also goes through restoration) are
 * measured apart, because restoration costs far more per byte than the rest. A page is 3 000
 * characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../pipelines/report.js';
import { ingestBytes } from '../src/ingest/index.js';
import { stableJson } from '../src/write/files.js';
import { mb, medianSeconds, peakRssMb } from './_measure.js';

const dir = 'fixtures';
const seeds = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));

async function measure(label: string, files: typeof seeds, targetBytes: number, target: string) {
  const inputs: typeof seeds = [];
  let total = 0;
  let chars = 0;
  while (total < targetBytes) {
    for (const s of files) {
      inputs.push(s);
      total += s.bytes.length;
      chars += s.bytes.toString('utf8').length;
    }
  }
  const { median, all } = await medianSeconds(async () => {
    for (const input of inputs) stableJson(processDocument(await ingestBytes(input.bytes, input.name)));
  });
  console.log(`${label}: ${inputs.length} reports, ${mb(total).toFixed(1)} MB, ${(chars / 3000).toFixed(0)} pages`);
  console.log(`  median of 5: ${median.toFixed(2)} s (runs: ${all.map((s) => s.toFixed(2)).join(', ')})`);
  console.log(`  rate: ${(mb(total) / median).toFixed(2)} MB/s, ${(chars / 3000 / median).toFixed(0)} pages/s (${target})`);
}

await measure('clean text reports (seeds 000–003)', seeds.filter((s) => !s.name.startsWith('004')), 5e6, 'target ≥ 2 MB/s, one core');
await measure('garbled OCR report (seed 004, restored)', seeds.filter((s) => s.name.startsWith('004')), 5e5, 'bounded by restoration');
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);
