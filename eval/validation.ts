/**
 * `npm run eval -- validation`: the checks of the real pipeline on the seeds against a hand list
 * of every arithmetic inconsistency in seeds 000, 001 and 003 (`eval/data/validation/*.json`,
 * made by reading the reports).
 *
 * A failed check matches a listed inconsistency when the line of its first figure (the whole, or
 * the rate), its kind and the values of its figures in order are the same. Printed: checks made
 * and failed per seed (all five fixtures), precision of the failed checks (matched / failed) and
 * recall of the list (found / listed) on the three listed seeds, every miss and false alarm.
 *
 * Then a damage sweep: for every number that takes part in a check that holds, one digit of it
 * is changed in the source text (the last digit of its first number, d → (d + 5) mod 10) and the
 * file is run again; the damage is caught when a check that number takes part in fails. Printed:
 * numbers damaged, caught, and the ones not caught.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../pipelines/report.js';
import { ingestBytes } from '../src/ingest/index.js';
import type { ReportJson } from '../src/write/report.js';

interface Listed {
  line: number;
  kind: string;
  values: number[];
  note: string;
}

const DIR = 'eval/data/validation';
const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : 'n/a');

async function run(name: string, text?: string): Promise<ReportJson> {
  const bytes = text === undefined ? readFileSync(join('fixtures', name)) : Buffer.from(text, 'utf8');
  return processDocument(await ingestBytes(bytes, name));
}

function facts(r: ReportJson) {
  const fig = new Map(r.figures.map((f) => [f.id, f]));
  const line = (c: ReportJson['checks'][number]) => fig.get(c.figures[0]!)!.provenance.line;
  const values = (c: ReportJson['checks'][number]) => c.figures.map((id) => fig.get(id)!.value);
  return { fig, line, values };
}

const listed = new Map<string, Listed[]>();
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { seed: string; inconsistencies: Listed[] };
  listed.set(data.seed, data.inconsistencies);
}

const seeds = readdirSync('fixtures').filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const totals = { made: 0, failed: 0, listedFailed: 0, matched: 0, listed: 0, found: 0 };
const problems: string[] = [];
const reports = new Map<string, ReportJson>();

console.log('seed                             checks  failed  kinds (failed/made)');
for (const seed of seeds) {
  const r = await run(seed);
  reports.set(seed, r);
  const { line, values } = facts(r);
  const failed = r.checks.filter((c) => !c.holds);
  const kinds = new Map<string, [number, number]>();
  for (const c of r.checks) {
    const k = kinds.get(c.kind) ?? [0, 0];
    k[1]++;
    if (!c.holds) k[0]++;
    kinds.set(c.kind, k);
  }
  const kindText = [...kinds].map(([k, [f, m]]) => `${k} ${f}/${m}`).join(', ');
  const hand = listed.get(seed);
  console.log(`${seed.padEnd(32)} ${String(r.checks.length).padStart(6)}  ${String(failed.length).padStart(6)}  ${kindText}${hand ? '' : '  (no hand list)'}`);
  totals.made += r.checks.length;
  totals.failed += failed.length;
  if (!hand) continue;
  const free = [...hand];
  totals.listed += hand.length;
  totals.listedFailed += failed.length;
  for (const c of failed) {
    const i = free.findIndex((h) => h.line === line(c) && h.kind === c.kind && JSON.stringify(h.values) === JSON.stringify(values(c)));
    if (i >= 0) {
      free.splice(i, 1);
      totals.matched++;
    } else problems.push(`false alarm  ${seed} L${line(c)} ${c.kind}: ${c.description}`);
  }
  totals.found += hand.length - free.length;
  for (const h of free) problems.push(`missed       ${seed} L${h.line} ${h.kind} [${h.values.join(', ')}]: ${h.note}`);
}

console.log(`\nall fixtures: ${totals.made} checks made, ${totals.failed} failed`);
console.log(
  `seeds with a hand list: ${totals.listedFailed} failed checks, ${totals.matched} on the list → precision ${pct(totals.matched / totals.listedFailed)}%; ` +
    `${totals.found} of ${totals.listed} listed inconsistencies flagged → recall ${pct(totals.found / totals.listed)}%`,
);
for (const p of problems) console.log(`  ${p}`);

// Damage sweep over the numbers of checks that hold, on the listed seeds.
let damaged = 0;
let caught = 0;
const uncaught: string[] = [];
const started = Date.now();
for (const seed of listed.keys()) {
  const r = reports.get(seed)!;
  const original = readFileSync(join('fixtures', seed), 'utf8');
  const holding = new Set(r.checks.filter((c) => c.holds).flatMap((c) => c.figures));
  const done = new Set<number>();
  for (const f of r.figures) {
    if (!holding.has(f.id)) continue;
    const span = f.provenance.span;
    const number = /\d[\d.,]*/u.exec(original.slice(span.start, span.end));
    if (!number) continue;
    const digits = [...number[0]].map((ch, i) => [ch, i] as const).filter(([ch]) => /\d/.test(ch));
    const [d, i] = digits[digits.length - 1]!;
    const at = span.start + number.index + i;
    if (done.has(at)) continue;
    done.add(at);
    const text = original.slice(0, at) + String((Number(d) + 5) % 10) + original.slice(at + 1);
    damaged++;
    const after = await run(seed, text);
    const hit = after.figures.find((g) => g.provenance.span.start <= at && at < g.provenance.span.end);
    const failedIds = new Set(after.checks.filter((c) => !c.holds).flatMap((c) => c.figures));
    if (hit && failedIds.has(hit.id)) caught++;
    else uncaught.push(`${seed} L${f.provenance.line} ${JSON.stringify(f.provenance.text)} → digit ${d}→${(Number(d) + 5) % 10}${hit ? '' : ' (figure no longer read)'}`);
  }
}
console.log(`\ndamage sweep: ${damaged} numbers of holding checks damaged one digit each, ${caught} caught by a failed check (${pct(caught / damaged)}%) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const u of uncaught) console.log(`  not caught: ${u}`);
