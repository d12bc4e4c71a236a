/**
 * `npm run eval -- fingerprint`: does document identity join every copy of a report and keep
 * every other report apart?
 *
 * The pool: the five seeds (`fixtures/*.txt`), their format variants (`fixtures/formats/`: DOCX,
 * text-layer PDF, scanned PDF, a PDF of one text page and one scanned page, one page as PNG,
 * TCVN3/VNI/VIQR texts) and near misses generated from each seed: the next month's report of the
 * same unit (every date a month on, every figure the extractor found changed), the same with its
 * figures unchanged (only the month differs), and the same month with every figure changed. Every
 * file goes through the whole pipeline (`processFile`, OCR included).
 *
 * Truth: two files are one document when they come from the same seed and neither is a near miss
 * (each near miss is a document of its own). Printed, for the pairs of the pool:
 * - the identity rule as the tables use it (`groupCopies`: header keys, known fields, fingerprint):
 *   copies joined (recall), joined pairs that are copies (precision), distinct reports merged;
 * - the fingerprint alone (`sameText`, every header field and period ignored), the same figures;
 * - the margins: the least text and number containment of two copies, and the greatest number
 *   containment of two different reports whose texts pass the text threshold.
 * Exits 1 unless the identity rule joins 100 % of copies and merges no two reports.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../pipelines/report.js';
import { decodeFingerprint, fingerprintOf, sameText, similarity, THRESHOLDS } from '../src/identity/fingerprint.js';
import { groupCopies, headerKey, identityFields, type CopyIdentity } from '../src/identity/index.js';
import { createIngestContext } from '../src/ingest/context.js';
import type { ReportJson } from '../src/write/report.js';

interface Item {
  name: string;
  /** Files with the same truth are one document. */
  truth: string;
  near: boolean;
  report: ReportJson;
}

const pct = (x: number, n: number) => (n === 0 ? '–' : `${((100 * x) / n).toFixed(1)} %`);

/** Every date and `tháng m` a month on (`tháng 12 năm 2025` → `tháng 1 năm 2026`). */
function nextMonth(text: string): string {
  const shift = (m: number, y: number) => [(m % 12) + 1, m === 12 ? y + 1 : y] as const;
  return text
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(20\d\d)\b/g, (all, d: string, m: string, y: string) => {
      if (+m < 1 || +m > 12) return all;
      const [mm, yy] = shift(+m, +y);
      return `${Math.min(+d, 28)}/${mm}/${yy}`;
    })
    .replace(/(tháng )(\d{1,2})( năm |\/)(20\d\d)/gi, (all, t: string, m: string, sep: string, y: string) => {
      if (+m < 1 || +m > 12) return all;
      const [mm, yy] = shift(+m, +y);
      return `${t}${mm}${sep}${yy}`;
    });
}

/**
 * Every figure the report found, changed in its original text: counts by a few units, rates by
 * a point, as next month's report would state them. Edits from the end, so spans stay valid.
 */
function otherFigures(original: string, report: ReportJson, salt: number): string {
  let text = original;
  const spans = report.figures
    .map((f) => f.provenance.span)
    .sort((a, b) => b.start - a.start)
    .filter((s, i, all) => i === 0 || s.end <= all[i - 1]!.start);
  spans.forEach((s, i) => {
    const changed = text.slice(s.start, s.end).replace(/\d+/, (d) => String(Number(d) + 1 + ((i * 7 + salt * 3) % 9)));
    text = text.slice(0, s.start) + changed + text.slice(s.end);
  });
  return text;
}

async function main(): Promise<void> {
  const items: Item[] = [];
  const started = Date.now();
  if (process.env.FINGERPRINT_POOL) {
    // a pool saved by FINGERPRINT_DUMP: the texts as the pipeline restored them, fingerprinted again
    // with the current code (for trying sketches and thresholds without running OCR again)
    for (const it of JSON.parse(readFileSync(process.env.FINGERPRINT_POOL, 'utf8')) as Item[]) {
      items.push({ ...it, near: it.name.startsWith('near/'), report: { ...it.report, fingerprint: fingerprintOf(it.report.text) } });
    }
  } else await processPool(items);
  report(items, started);
}

async function processPool(items: Item[]): Promise<void> {
  const ingest = createIngestContext({ workers: 2 });
  try {
    const seeds = readdirSync('fixtures').filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
    const variants = readdirSync('fixtures/formats').sort();
    for (const f of seeds) items.push({ name: f, truth: f.slice(0, 3), near: false, report: await processFile(join('fixtures', f), { ingest }) });
    for (const f of variants) {
      items.push({ name: `formats/${f}`, truth: f.slice(0, 3), near: false, report: await processFile(join('fixtures/formats', f), { ingest }) });
    }
    const dir = mkdtempSync(join(tmpdir(), 'baocao-near-'));
    for (const f of seeds) {
      const original = readFileSync(join('fixtures', f), 'utf8');
      const seed = items.find((i) => i.name === f)!.report;
      const near: [string, string][] = [
        ['next-month', nextMonth(otherFigures(original, seed, 0))],
        ['next-month-same-figures', nextMonth(original)],
        ['same-month-other-figures', otherFigures(original, seed, 1)],
      ];
      for (const [k, [kind, generated]] of near.entries()) {
        // another report has a number of its own, when the seed prints one (`Số: 120/BC-UBND`, in
        // seed 004's OCR `$6:120 /BC-UBND`): the first number before a symbol in the header lines
        const lines = generated.split('\n');
        const head = lines.slice(0, 6).join('\n').replace(/\d+(?=[ \t]*\/[A-ZĐ]+-[A-ZĐ]+)/, (n) => String(Number(n) + 1 + k));
        const text = [head, ...lines.slice(6)].join('\n');
        const file = join(dir, `${f.slice(0, 3)}.${kind}.txt`);
        writeFileSync(file, text);
        items.push({ name: `near/${f.slice(0, 3)}.${kind}`, truth: `${f.slice(0, 3)}.${kind}`, near: true, report: await processFile(file, { ingest }) });
      }
    }
  } finally {
    await ingest.close();
  }
  if (process.env.FINGERPRINT_DUMP) {
    writeFileSync(process.env.FINGERPRINT_DUMP, JSON.stringify(items.map((it) => ({ name: it.name, truth: it.truth, report: { ...it.report, restoration: null } }))));
  }
}

function report(items: Item[], started: number): void {
  const copies: CopyIdentity[] = items.map((it) => {
    const r = it.report;
    const confidences = r.figures.map((f) => f.confidence);
    return {
      sha256: it.name,
      path: it.name,
      ocr: r.source.encoding === 'ocr' || r.source.format === 'image',
      confidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null,
      headerKey: headerKey(r.document),
      fields: identityFields(r.document, r.period),
      sketch: decodeFingerprint(r.fingerprint),
    };
  });
  const truth = new Map(items.map((it) => [it.name, it.truth]));

  // the identity rule, as the tables group
  const groupOf = new Map<string, number>();
  const groups = groupCopies(copies);
  groups.forEach((g, i) => g.copies.forEach((c) => groupOf.set(c.path, i)));
  const sketches = new Map(items.map((it) => [it.name, decodeFingerprint(it.report.fingerprint)]));

  const tally = { rule: { same: 0, joined: 0, wrongJoins: 0 }, fp: { same: 0, joined: 0, wrongJoins: 0 } };
  const margin = { copyText: 1, copyNumbers: 1, copyDates: 1, otherNumbers: 0, otherNumbersPair: '', otherDates: 0, otherDatesPair: '' };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i]!, items[j]!];
      const same = truth.get(a.name) === truth.get(b.name);
      const ruleJoined = groupOf.get(a.name) === groupOf.get(b.name);
      const fpJoined = sameText(sketches.get(a.name)!, sketches.get(b.name)!);
      const s = similarity(sketches.get(a.name)!, sketches.get(b.name)!);
      for (const [t, joined] of [[tally.rule, ruleJoined], [tally.fp, fpJoined]] as const) {
        if (same) t.same++;
        if (same && joined) t.joined++;
        if (!same && joined) t.wrongJoins++;
      }
      const pair = `${a.name} ~ ${b.name}`;
      if (same) {
        margin.copyText = Math.min(margin.copyText, s.text);
        margin.copyNumbers = Math.min(margin.copyNumbers, s.numbers);
        if (s.dates !== null) margin.copyDates = Math.min(margin.copyDates, s.dates);
      } else if (s.text >= THRESHOLDS.text) {
        // what keeps them apart: the numbers where the dates agree, the dates where the numbers do
        if ((s.dates === null || s.dates >= THRESHOLDS.dates) && s.numbers > margin.otherNumbers) [margin.otherNumbers, margin.otherNumbersPair] = [s.numbers, pair];
        if (s.dates !== null && s.numbers >= THRESHOLDS.numbers && (s.dates > margin.otherDates || !margin.otherDatesPair)) [margin.otherDates, margin.otherDatesPair] = [s.dates, pair];
      }
    }
  }
  const merged = groups.filter((g) => new Set(g.copies.map((c) => truth.get(c.path))).size > 1);

  console.log(`${items.length} files: ${items.filter((i) => !i.near).length} seeds and format variants, ${items.filter((i) => i.near).length} near misses (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(
    `thresholds: text containment ≥ ${THRESHOLDS.text}, numbers ≥ ${THRESHOLDS.numbers}, dates ≥ ${THRESHOLDS.dates} ` +
      `(when both name ${THRESHOLDS.minDates} or more), at least ${THRESHOLDS.minShingles} sampled shingles\n`,
  );
  console.log('| rule | pairs of copies | joined (recall) | joined pairs that are copies (precision) | pairs of different reports joined |');
  console.log('|---|---|---|---|---|');
  for (const [name, t] of [['identity (tables)', tally.rule], ['fingerprint alone', tally.fp]] as const) {
    console.log(`| ${name} | ${t.same} | ${t.joined} (${pct(t.joined, t.same)}) | ${pct(t.joined, t.joined + t.wrongJoins)} | ${t.wrongJoins} |`);
  }
  console.log(`\ndocuments: ${groups.length} groups for ${new Set(truth.values()).size} true documents; distinct reports merged: ${merged.length}`);
  for (const g of merged) console.log(`  merged: ${g.copies.map((c) => c.path).join(', ')}`);
  console.log(`margins: copies hold ≥ ${margin.copyText.toFixed(3)} of each other's text sample, ≥ ${margin.copyNumbers.toFixed(3)} of their numbers, ≥ ${margin.copyDates.toFixed(3)} of their dates;`);
  console.log(`         different reports over the text threshold share ≤ ${margin.otherNumbers.toFixed(3)} of their numbers where the dates agree (${margin.otherNumbersPair || 'none'}),`);
  console.log(`         ≤ ${margin.otherDates.toFixed(3)} of their dates where the numbers agree (${margin.otherDatesPair || 'none'})`);
  const ok = tally.rule.joined === tally.rule.same && tally.rule.wrongJoins === 0 && merged.length === 0;
  if (!ok) {
    console.error('\nFAIL: the identity rule must join every copy and merge no two reports');
    process.exitCode = 1;
  }
}

await main();
