/**
 * The review site on a 40-page report (seed 000 seven times, 3 000 characters a page) against
 * seed 000 alone, measured in the same run: time to write the site, page size, and in headless
 * Chromium the time to a loaded page and per `n` (next failed check). Needs /usr/bin/chromium.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { processDocument } from '../pipelines/report.js';
import { ingestBytes } from '../src/ingest/index.js';
import { writeSite } from '../src/review/site.js';
import { stableJson, writeFileAtomic } from '../src/write/files.js';
import { median, medianSeconds } from './_measure.js';

const seed = readFileSync('fixtures/000_df22d471c82bd4e0.txt');
const out = mkdtempSync(join(tmpdir(), 'baocao-bench-review-'));
const docs = [
  { name: 'seed-000.txt', bytes: seed },
  { name: 'forty-pages.txt', bytes: Buffer.concat(Array.from({ length: 7 }, () => seed)) },
];
for (const d of docs) {
  const report = processDocument(await ingestBytes(d.bytes, d.name));
  await writeFileAtomic(join(out, `${d.name}.json`), stableJson(report));
  const failed = report.checks.filter((c) => !(c as { holds: boolean }).holds).length;
  console.log(`${d.name}: ${(report.text.length / 3000).toFixed(0)} pages, ${report.figures.length} figures, ${report.references.length} references, ${report.checks.length} checks (${failed} failed)`);
}

const site = await medianSeconds(() => writeSite(out));
console.log(`writeSite (both documents): median of 5 ${(site.median * 1000).toFixed(0)} ms`);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'baocao-bench-chromium-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
const results: Record<string, { load: number; key: number; bytes: number }> = {};
for (const d of docs) {
  const file = join(out, 'review', 'docs', `${d.name}.html`);
  const loads: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const load = performance.now() - t0;
    const t1 = performance.now();
    for (let k = 0; k < 10; k++) await page.keyboard.press('n');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
    if (i > 0) { // the first is a warm-up
      loads.push(load);
      keys.push((performance.now() - t1) / 10);
    }
  }
  results[d.name] = { load: median(loads), key: median(keys), bytes: statSync(file).size };
  console.log(`${d.name}: page ${(results[d.name]!.bytes / 1e6).toFixed(2)} MB, load median of 5 ${median(loads).toFixed(0)} ms, n median ${median(keys).toFixed(1)} ms`);
}
await context.close();
const [small, big] = [results['seed-000.txt']!, results['forty-pages.txt']!];
console.log(`ratio 40 pages / seed 000: load ×${(big.load / small.load).toFixed(2)}, n ×${(big.key / small.key).toFixed(2)}, size ×${(big.bytes / small.bytes).toFixed(2)}`);
