/**
 * `npm run eval -- repairs`: the repairs proposed for failed checks (src/validate/repair.ts,
 * docs/repairs.md), measured three ways.
 *
 * 1. The seeds' own failed checks. On the seed texts (fixtures/*.txt) they are the authors'
 *    inconsistencies (eval/data/validation): no true value is known, the proposals are listed.
 *    On the scanned PDF of seed 000 (OCR'd by baocao), a failed check that the seed text does not
 *    fail comes from a misread figure, and the seed text gives its true value: the figures of the
 *    scan's report are matched to the seed's in order (same kind, unit and metric), and the check
 *    counts as repaired when its first proposal changes a figure to the seed's value for it.
 * 2. A damage sweep, with the OCR channel: every figure that takes part in a check of a seed
 *    report is damaged, one character at a time, by every confusion the measured table
 *    (src/validate/data/digit-confusions.json) has seen for that character that leaves a number
 *    (a digit for a digit, a digit lost or doubled, `.`↔`,`, a `%` read as a digit); the seed is
 *    run again. Of the checks that fail afterwards and held before with the damaged figure in
 *    them, the share whose first proposal (set 0, one change) is the damaged figure back at its
 *    true value.
 * 3. Proposals on checks that hold, over every report of 1 and 2 (target 0).
 *
 * The table is the OCR measurement as it is; nothing here feeds back into it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processDocument } from '../pipelines/report.js';
import { createIngestContext } from '../src/ingest/context.js';
import { ingestBytes, ingestFile } from '../src/ingest/index.js';
import type { ReportJson } from '../src/write/report.js';
import confusions from '../src/validate/data/digit-confusions.json' with { type: 'json' };

type Check = ReportJson['checks'][number];
type Fig = ReportJson['figures'][number];

const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');
const seeds = readdirSync('fixtures').filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
let holdingWithProposals = 0;
let holdingSeen = 0;
const tally = (r: ReportJson) => {
  for (const c of r.checks) {
    if (!c.holds) continue;
    holdingSeen++;
    if ((c.proposals ?? []).length > 0) holdingWithProposals++;
  }
};

async function run(name: string, text: string, channel: 'ocr' | 'typing' = 'ocr'): Promise<ReportJson> {
  const r = processDocument(await ingestBytes(Buffer.from(text, 'utf8'), name), { repairChannel: channel });
  tally(r);
  return r;
}

const top = (c: Check) => (c.proposals ?? []).filter((p) => p.set === 0);
const showTop = (c: Check, fig: Map<string, Fig>) =>
  top(c)
    .map((p) => `${p.figure} ${JSON.stringify(fig.get(p.figure)?.provenance.text)} ${p.read} → ${p.proposed}${p.unit ?? ''} (p ${p.probability})`)
    .join(' and ') || 'no proposal';

// 1. The seeds' failed checks
console.log('1. failed checks of the seeds (authors’ inconsistencies: no true value known; typing channel, as the texts were typed)');
const originals = new Map<string, ReportJson>();
for (const seed of seeds) {
  const text = readFileSync(join('fixtures', seed), 'utf8');
  originals.set(seed, await run(seed, text, 'ocr'));
  const r = await run(seed, text, 'typing');
  const fig = new Map(r.figures.map((f) => [f.id, f]));
  for (const c of r.checks.filter((c) => !c.holds)) {
    console.log(`  ${seed} L${fig.get(c.figures[0]!)!.provenance.line} ${c.kind}: ${showTop(c, fig)}  [${c.description}]`);
  }
}

const SCAN = 'fixtures/formats/000_df22d471c82bd4e0.scan.pdf';
const SEED = '000_df22d471c82bd4e0.txt';
const ctx = createIngestContext({ cacheDir: join(tmpdir(), 'baocao-eval-ocr-cache') });
const t0 = Date.now();
const scan = processDocument(await ingestFile(SCAN, ctx));
await ctx.close();
tally(scan);
const seedReport = originals.get(SEED)!;
// figures of the scan matched to the seed's: longest common subsequence on kind, unit and metric
const key = (f: Fig) => `${f.kind}|${f.unit}|${f.metric}`;
const a = scan.figures;
const b = seedReport.figures;
const L = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
for (let i = a.length - 1; i >= 0; i--) {
  for (let j = b.length - 1; j >= 0; j--) {
    L[i]![j] = key(a[i]!) === key(b[j]!) ? 1 + L[i + 1]![j + 1]! : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  }
}
const truth = new Map<string, Fig>();
// between two matched pairs, one figure of the scan and one of the seed left over are one figure
// read differently (`1007` for `100%`)
let gapA: Fig[] = [];
let gapB: Fig[] = [];
const closeGap = () => {
  if (gapA.length === 1 && gapB.length === 1) truth.set(gapA[0]!.id, gapB[0]!);
  gapA = [];
  gapB = [];
};
for (let i = 0, j = 0; i < a.length || j < b.length; ) {
  if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
    closeGap();
    truth.set(a[i++]!.id, b[j++]!);
  } else if (j >= b.length || (i < a.length && L[i + 1]![j]! >= L[i]![j + 1]!)) gapA.push(a[i++]!);
  else gapB.push(b[j++]!);
}
closeGap();
const scanFig = new Map(scan.figures.map((f) => [f.id, f]));
const seedFailed = new Set(
  seedReport.checks.filter((c) => !c.holds).map((c) => `${c.kind}|${c.figures.map((id) => seedReport.figures.find((f) => f.id === id)!.value).join(',')}`),
);
let misreadFailures = 0;
let misreadRepaired = 0;
let partsNotRead = 0;
console.log(`\n   ${SCAN} (OCR'd by the ${ctx.ocr.engine} engine in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${truth.size} of ${a.length} figures matched to the seed's)`);
for (const c of scan.checks.filter((c) => !c.holds)) {
  const wrong = c.figures.filter((id) => truth.has(id) && (truth.get(id)!.value !== scanFig.get(id)!.value || truth.get(id)!.kind !== scanFig.get(id)!.kind));
  const unmatched = c.figures.filter((id) => !truth.has(id));
  const values = `${c.kind}|${c.figures.map((id) => scanFig.get(id)!.value).join(',')}`;
  let verdict: string;
  if (unmatched.length > 0) verdict = `figures ${unmatched.join(', ')} not matched to the seed: left out`;
  else if (wrong.length === 0) {
    if (seedFailed.has(values)) verdict = 'the author’s inconsistency, as in the seed text';
    else {
      // the seed's check over the same whole: a part the scan did not read
      const whole = truth.get(c.figures[0]!)!;
      const same = seedReport.checks.find((s) => s.kind === c.kind && s.figures[0] === whole.id);
      const lost = same ? same.figures.length - c.figures.length : 0;
      verdict = lost > 0 ? `${lost} part(s) of the seed’s check not read on the scan: no change of a value read is the true repair` : 'every figure as in the seed: left out';
      if (lost > 0) partsNotRead++;
    }
  } else {
    misreadFailures++;
    const first = top(c);
    const asTrue = (p: NonNullable<Check['proposals']>[number]) => {
      const t = truth.get(p.figure)!;
      return t.value === p.proposed && (t.kind === 'percent') === (p.unit === '%');
    };
    const right = first.length === wrong.length && first.every((p) => wrong.includes(p.figure) && asTrue(p));
    if (right) misreadRepaired++;
    verdict = `misread ${wrong.map((id) => `${id} ${JSON.stringify(scanFig.get(id)!.provenance.text)} (seed ${JSON.stringify(truth.get(id)!.provenance.text)})`).join(', ')}: first proposal ${right ? 'right' : 'wrong'}`;
  }
  console.log(`  L${scanFig.get(c.figures[0]!)!.provenance.line} ${c.kind}: ${showTop(c, scanFig)}; ${verdict}`);
}
console.log(
  `  scan: ${misreadFailures} failed checks from misread figures, ${misreadRepaired} with the true value(s) first (${pct(misreadRepaired, misreadFailures)}); ${partsNotRead} from a figure not read at all`,
);

// 2. Damage sweep
const counts = (confusions as { counts: Record<string, Record<string, number>> }).counts;
/** Readings of `c` seen in the table that still leave a number. */
const readingsOf = (c: string) => Object.keys(counts[c] ?? {}).filter((o) => o !== c && /^[\d.,]*$/.test(o));

const t1 = Date.now();
let damages = 0;
let notRead = 0;
let notCaught = 0;
let failures = 0;
let repaired = 0;
let damagesCaught = 0;
let damagesRepaired = 0;
const byKind = new Map<string, [number, number]>();
const misses: string[] = [];
// REPAIRS_SWEEP=001 sweeps only the seeds whose name contains it (a quick look while working)
for (const seed of seeds.filter((s) => !process.env.REPAIRS_SWEEP || s.includes(process.env.REPAIRS_SWEEP))) {
  const original = readFileSync(join('fixtures', seed), 'utf8');
  const before = originals.get(seed)!;
  const beforeFig = new Map(before.figures.map((f) => [f.id, f]));
  const heldBefore = new Set(
    before.checks.filter((c) => c.holds).map((c) => `${c.kind}|${c.figures.map((id) => beforeFig.get(id)!.provenance.span.start).join(',')}`),
  );
  const checked = new Set(before.checks.flatMap((c) => c.figures));
  const done = new Set<string>();
  for (const id of checked) {
    const f = beforeFig.get(id)!;
    const span = f.provenance.span;
    const m = /\d(?:[\d.,]*\d)?(?:\s?%)?/u.exec(original.slice(span.start, span.end));
    if (!m) continue;
    const start = span.start + m.index;
    for (let i = 0; i < m[0].length; i++) {
      const ch = m[0][i]!;
      if (!/[\d.,%]/.test(ch)) continue;
      for (const o of readingsOf(ch)) {
        const at = start + i;
        if (done.has(`${at}|${o}`)) continue;
        done.add(`${at}|${o}`);
        const text = original.slice(0, at) + o + original.slice(at + 1);
        damages++;
        if (damages % 200 === 0) process.stderr.write(`  … ${damages} damaged so far (${((Date.now() - t1) / 1000).toFixed(0)} s)\n`);
        const after = await run(seed, text);
        const hit = after.figures.find((g) => g.provenance.span.start <= at && at < g.provenance.span.end + (o === '' ? 1 : 0));
        const expected = f.value;
        const damagedValue = hit?.value;
        if (!hit || damagedValue === expected || hit.kind !== f.kind) {
          notRead++;
          continue;
        }
        // new failures: checks that held before over the same figures (by position in the text,
        // shifted back where the damage changed the length)
        const shift = o.length - 1;
        const position = (cid: string) => {
          if (cid === hit.id) return span.start;
          const s0 = after.figures.find((g) => g.id === cid)!.provenance.span.start;
          return s0 > at ? s0 - shift : s0;
        };
        const fresh = after.checks.filter((c) => !c.holds && c.figures.includes(hit.id) && heldBefore.has(`${c.kind}|${c.figures.map(position).join(',')}`));
        if (fresh.length === 0) {
          notCaught++;
          continue;
        }
        damagesCaught++;
        let all = true;
        for (const c of fresh) {
          failures++;
          const first = top(c);
          const right = first.length === 1 && first[0]!.figure === hit.id && first[0]!.proposed === expected;
          const k = byKind.get(c.kind) ?? [0, 0];
          byKind.set(c.kind, k);
          k[1]++;
          if (right) {
            repaired++;
            k[0]++;
          } else {
            all = false;
            const fig = new Map(after.figures.map((g) => [g.id, g]));
            misses.push(`${seed} L${f.provenance.line} ${JSON.stringify(m[0])}: ${JSON.stringify(ch)} read as ${JSON.stringify(o)} (${expected} → ${damagedValue}), ${c.kind}: ${showTop(c, fig)}`);
          }
        }
        if (all) damagesRepaired++;
      }
    }
  }
}
console.log(`\n2. damage sweep (OCR confusions of the measured table, ${((Date.now() - t1) / 1000).toFixed(0)} s)`);
console.log(`  ${damages} damaged numbers: ${notRead} no longer read as a number of the same kind, ${notCaught} read but no check failed, ${damagesCaught} caught`);
console.log(`  ${failures} new failed checks, ${repaired} with the true value as first proposal: ${pct(repaired, failures)} (target ≥ 80 %)`);
console.log(`  by kind: ${[...byKind].map(([k, [r, n]]) => `${k} ${r}/${n} (${pct(r, n)})`).join(', ')}`);
console.log(`  caught damages whose every new failed check proposes the true value first: ${damagesRepaired} of ${damagesCaught} (${pct(damagesRepaired, damagesCaught)})`);
for (const x of misses.slice(0, Number(process.env.REPAIRS_MISSES ?? 40))) console.log(`    miss: ${x}`);
const shown = Number(process.env.REPAIRS_MISSES ?? 40);
if (misses.length > shown) console.log(`    … and ${misses.length - shown} more`);

// 3. Holding checks
console.log(`\n3. checks that hold with a proposal: ${holdingWithProposals} of ${holdingSeen} (target 0)`);
