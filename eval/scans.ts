/**
 * `npm run eval -- scans`: how well baocao reads degraded scans (eval/_scans-data.ts makes them into
 * eval/.scans/ when missing), per degradation and level, for each OCR setting.
 *
 * - word accuracy, 1 − word edit distance / reference words, pooled over the pages of a
 *   condition, case-insensitive, both sides normalised (tone placement, NFC): of the OCR text
 *   (`raw`), of it after the restoration module's light pass (`light`), and of the text the report
 *   carries (`report`: `processDocument`, every pass the pipeline runs);
 * - reference recall: the directive references `findReferences` finds in the typed text, found
 *   again (kind, number, symbol, date) in the report's text;
 * - for `auto`, how many pages were read again by the best model.
 *
 * Settings: the fast, best and auto model choices, with the page preparation kept (page-prep.ts)
 * and without any; on the development part also each preparation step alone with the fast model,
 * to show what pays. A first run of the eval part reads 190 pages (some 10 CPU-minutes).
 * `SCANS_PART=dev` scores the development pages (seeds) instead of the reported ones: the auto
 * threshold and the steps were chosen there. OCR results are cached in eval/.scans/ocr-cache, so a
 * second run costs seconds. `SCANS_SETTINGS='fast, none|auto'` runs the settings named so (prefixes; a name ending in `$`
 * whole: `auto, prepared$`); `SCANS_PART=extra` scores 8 more development pages in 10 conditions
 * (eval/_scans-data.ts); `SCANS_PAGES=1`
 * prints a line per page (model, confidence, share of words below 0.6, accuracy). The engine is the
 * product's default (`--ocr-engine auto`: the system tesseract command where installed, else
 * tesseract.js), or `SCANS_ENGINE=wasm` / `native`; with the native one the CPU-s count the tesseract
 * processes too.
 */
import { join } from 'node:path';
import { processDocument } from '../pipelines/report.js';
import { findReferences } from '../src/extract/references.js';
import { createIngestContext, type IngestContext } from '../src/ingest/context.js';
import { ingestFile } from '../src/ingest/index.js';
import { resolveOcrEngine, type OcrEngineKind, type OcrMode } from '../src/ingest/ocr.js';
import { cpuClock } from '../bench/_measure.js';
import { DEFAULT_STEPS, type PrepSteps } from '../src/ingest/page-prep.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { normalise } from '../src/normalise/index.js';
import { restoreDiacritics } from '../src/restore/index.js';
import { SourceText } from '../src/text/source-text.js';
import { CONDITIONS, makeScanSet, SCANS_DIR, type ScanCase } from './_scans-data.js';

const ENGINE: OcrEngineKind = process.env.SCANS_ENGINE === 'native' || process.env.SCANS_ENGINE === 'wasm' ? process.env.SCANS_ENGINE : resolveOcrEngine();
const PART = process.env.SCANS_PART === 'dev' || process.env.SCANS_PART === 'extra' ? process.env.SCANS_PART : 'eval';
const NONE: PrepSteps = { dropColour: false, upscale: false, deskew: false, flatten: false, denoise: false, binarise: false, bleed: false, turn: false };

interface Setting {
  name: string;
  mode: OcrMode;
  prepare: PrepSteps;
}
const SETTINGS: Setting[] = [
  ...(['fast', 'best', 'auto'] as const).flatMap((mode) => [
    { name: `${mode}, prepared`, mode, prepare: DEFAULT_STEPS },
    { name: `${mode}, none`, mode, prepare: NONE },
  ]),
  // what the binarised second reading buys, beside the default
  { name: 'auto, prepared without binarise', mode: 'auto', prepare: { ...DEFAULT_STEPS, binarise: false } },
  // and what smoothing grainy pages (with the best model reading them) buys
  { name: 'auto, prepared without denoise', mode: 'auto', prepare: { ...DEFAULT_STEPS, denoise: false } },
  ...(Object.keys(NONE) as (keyof PrepSteps)[]).map((step) => ({ name: `fast, ${step} only`, mode: 'fast' as const, prepare: { ...NONE, [step]: step === 'flatten' ? 'all' : true } })),
];
const only = process.env.SCANS_SETTINGS?.split('|');
// each step alone is measured where the steps are chosen, the development part, unless asked for
const settings = only ? SETTINGS.filter((s) => only.some((o) => (o.endsWith('$') ? s.name === o.slice(0, -1) : s.name.startsWith(o)))) : SETTINGS.filter((s) => PART !== 'eval' || !s.name.endsWith(' only'));

const words = (s: string) => s.toLowerCase().split(/\s+/u).filter(Boolean);
const norm = (s: string) => normalise(SourceText.fromOriginal(s.normalize('NFC'))).text;

/** Word-level edit distance (substitutions, insertions, deletions), two rows of memory. */
function wordDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const refKeys = (text: string) => findReferences(text).map((r) => `${r.kind}|${r.number ?? ''}|${r.symbol ?? ''}|${r.date ?? '-'}`);

interface Score {
  words: number;
  rawErrors: number;
  lightErrors: number;
  reportErrors: number;
  refs: number;
  refsFound: number;
}

function score(c: ScanCase, doc: SourceDocument): Score {
  const ref = words(norm(c.page.text));
  const raw = words(norm(doc.text.text));
  const light = words(restoreDiacritics(normalise(doc.text), { mode: 'light', tones: true }).text.text);
  const reportText = processDocument(doc).text;
  const report = words(reportText);
  const gold = refKeys(norm(c.page.text));
  const found = refKeys(reportText);
  let hit = 0;
  for (const g of gold) {
    const at = found.indexOf(g);
    if (at >= 0) {
      hit++;
      found.splice(at, 1);
    }
  }
  return { words: ref.length, rawErrors: wordDistance(ref, raw), lightErrors: wordDistance(ref, light), reportErrors: wordDistance(ref, report), refs: gold.length, refsFound: hit };
}

async function runAll<T>(items: T[], limit: number, f: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await f(items[next++]!);
  }));
}

const cases = (await makeScanSet(PART === 'extra')).filter((c) => c.page.part === PART);
const pageCount = new Set(cases.map((c) => c.page.source)).size;
const conditions = CONDITIONS.filter((c) => cases.some((k) => k.condition === c));
console.log(`${PART} part, ${ENGINE} engine: ${pageCount} pages × ${conditions.length} conditions (${cases.reduce((n, c) => n + words(c.page.text).length, 0) / conditions.length} words a condition)`);
const pct = (x: number) => `${(100 * x).toFixed(2)}`;

const table: Map<string, Map<string, Score>> = new Map();
for (const setting of settings) {
  const ctx: IngestContext = createIngestContext({ workers: 2, mode: setting.mode, prepare: setting.prepare, engine: ENGINE, cacheDir: join(SCANS_DIR, 'ocr-cache') });
  const clock = cpuClock();
  const t0 = performance.now();
  const byCondition = new Map<string, Score>();
  try {
    await runAll(cases, 3, async (c) => {
      const doc = await ingestFile(c.file, ctx);
      const s = score(c, doc);
      if (process.env.SCANS_PAGES) {
        const runs = doc.boxes.filter((b) => b.confidence !== undefined);
        const low = runs.filter((b) => b.confidence! < 0.6).length / Math.max(1, runs.length);
        const p = doc.ocr?.[0];
        console.log(`  page ${setting.name} | ${c.condition.name} | ${c.page.source} | ${p?.model} conf ${p?.confidence} low ${low.toFixed(3)} | raw ${pct(1 - s.rawErrors / s.words)} light ${pct(1 - s.lightErrors / s.words)} report ${pct(1 - s.reportErrors / s.words)}`);
      }
      const sum = byCondition.get(c.condition.name) ?? { words: 0, rawErrors: 0, lightErrors: 0, reportErrors: 0, refs: 0, refsFound: 0 };
      for (const k of Object.keys(s) as (keyof Score)[]) sum[k] += s[k];
      byCondition.set(c.condition.name, sum);
    });
  } finally {
    await ctx.close();
  }
  const cpu = clock.total();
  table.set(setting.name, byCondition);
  console.log(
    `${setting.name}: ${ctx.ocr.pages} pages OCR'd (${ctx.ocr.retried} read again by the best model), ${ctx.ocr.cache!.hits} from the cache, ` +
      `${((performance.now() - t0) / 1000).toFixed(0)} s, ${cpu.toFixed(0)} CPU-s`,
  );
}

console.log('\nword accuracy % (raw OCR / after the light pass / the report text), reference recall in the report text:');
const names = [...table.keys()];
for (const condition of conditions) {
  console.log(`\n${condition.name}`);
  for (const name of names) {
    const s = table.get(name)!.get(condition.name)!;
    console.log(
      `  ${name.padEnd(22)} ${pct(1 - s.rawErrors / s.words).padStart(6)} / ${pct(1 - s.lightErrors / s.words).padStart(6)} / ${pct(1 - s.reportErrors / s.words).padStart(6)}   refs ${s.refsFound}/${s.refs}`,
    );
  }
}
console.log('\nall conditions pooled (raw / light / report, refs):');
for (const name of names) {
  const t = { words: 0, rawErrors: 0, lightErrors: 0, reportErrors: 0, refs: 0, refsFound: 0 };
  for (const s of table.get(name)!.values()) for (const k of Object.keys(t) as (keyof Score)[]) t[k] += s[k];
  console.log(`  ${name.padEnd(22)} ${pct(1 - t.rawErrors / t.words).padStart(6)} / ${pct(1 - t.lightErrors / t.words).padStart(6)} / ${pct(1 - t.reportErrors / t.words).padStart(6)}   refs ${t.refsFound}/${t.refs}`);
}
