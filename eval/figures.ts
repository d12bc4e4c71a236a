/**
 * `npm run eval -- figures`: precision, recall and F1 of figures against the hand annotations in
 * `eval/data/figures/*.json` (seeds 000, 001, 003; the policy of what counts is in each file).
 *
 * A found figure is right when its line (of the number's first character), kind, value, `of` and
 * metric equal an annotated one (each annotation matches once; metric null must be null). The
 * same is printed without the metric (detection). On the pairs that match on line, kind, value and
 * `of`, subject and parent agreement are printed: subject exactly (case and spaces folded) and
 * leniently (one contains the other), parent as the same annotated figure or both none.
 * Misses and false hits are listed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract/index.js';
import type { Figure } from '../src/extract/types.js';
import { normalise } from '../src/normalise/index.js';
import { segment } from '../src/segment/index.js';
import { SourceText } from '../src/text/source-text.js';

type Row = [string, number, string, number, number | null, string | null, string | null, string | null, string | null];

const DIR = 'eval/data/figures';
const fold = (s: string | null) => (s ?? '').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x: number) => (100 * x).toFixed(1);

const totals = { tp: 0, fp: 0, fn: 0, dtp: 0, dfp: 0, dfn: 0, subjN: 0, subjExact: 0, subjLenient: 0, parentN: 0, parentRight: 0 };
const problems: string[] = [];

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { seed: string; figures: Row[] };
  const source = SourceText.fromOriginal(readFileSync(join('fixtures', data.seed), 'utf8'));
  const text = normalise(source);
  const { figures } = extract(segment(text));
  const lineOf = (f: Figure) => text.lineOf(text.toOriginal(f.span).start);
  const ann = data.figures.map(([id, line, kind, value, of, unit, metric, parent, subject]) => ({ id, line, kind, value, of, unit, metric, parent, subject }));
  const shape = (line: number, kind: string, value: number, of: number | null) => `${line}|${kind}|${value}|${of ?? '-'}`;

  // detection pairs: line, kind, value, of (in document order, each annotation once)
  const free = new Map<string, typeof ann>();
  for (const a of ann) {
    const k = shape(a.line, a.kind, a.value, a.of);
    if (!free.has(k)) free.set(k, []);
    free.get(k)!.push(a);
  }
  const pairOf = new Map<string, string>(); // figure id → annotation id
  const annOfFigure = new Map<string, (typeof ann)[number]>();
  const unmatched: Figure[] = [];
  for (const f of figures) {
    const list = free.get(shape(lineOf(f), f.kind, f.value, f.of));
    const a = list?.shift();
    if (!a) {
      unmatched.push(f);
      continue;
    }
    pairOf.set(f.id, a.id);
    annOfFigure.set(f.id, a);
  }
  const missed = [...free.values()].flat();
  let tp = 0;
  for (const f of figures) {
    const a = annOfFigure.get(f.id);
    if (!a) continue;
    if ((a.metric ?? null) === f.metric) tp++;
    else problems.push(`${data.seed}:${a.line} metric ${f.kind} ${f.value}${f.of !== null ? `/${f.of}` : ''}: found ${f.metric}, annotated ${a.metric}`);
    if (a.subject !== null) {
      totals.subjN++;
      const s = fold(f.subject);
      const t = fold(a.subject);
      if (s === t) totals.subjExact++;
      if (s !== '' && (s.includes(t) || t.includes(s))) totals.subjLenient++;
      else problems.push(`${data.seed}:${a.line} subject of ${f.value}: found "${f.subject}", annotated "${a.subject}"`);
    }
    totals.parentN++;
    const foundParent = f.parent === null ? null : (pairOf.get(f.parent) ?? `unannotated ${f.parent}`);
    if (foundParent === a.parent) totals.parentRight++;
    else problems.push(`${data.seed}:${a.line} parent of ${f.value}: found ${foundParent}, annotated ${a.parent}`);
  }
  for (const a of missed) problems.push(`${data.seed}:${a.line} MISSED ${a.kind} ${a.value}${a.of !== null ? `/${a.of}` : ''} ${a.unit ?? ''} (${a.metric})`);
  for (const f of unmatched) problems.push(`${data.seed}:${lineOf(f)} FALSE ${f.kind} ${f.value}${f.of !== null ? `/${f.of}` : ''} ${f.unit ?? ''} "${f.subject}"`);

  const dtp = figures.length - unmatched.length;
  totals.dtp += dtp;
  totals.dfp += unmatched.length;
  totals.dfn += missed.length;
  totals.tp += tp;
  totals.fp += figures.length - tp;
  totals.fn += ann.length - tp;
  const p = tp / figures.length;
  const r = tp / ann.length;
  console.log(`${data.seed}: ${ann.length} annotated, ${figures.length} found; kind+value+of+metric P ${pct(p)} R ${pct(r)} F1 ${pct(f1(p, r))}; detection P ${pct(dtp / figures.length)} R ${pct(dtp / ann.length)}`);
}

const P = totals.tp / (totals.tp + totals.fp);
const R = totals.tp / (totals.tp + totals.fn);
const dP = totals.dtp / (totals.dtp + totals.dfp);
const dR = totals.dtp / (totals.dtp + totals.dfn);
console.log(`\nfigures, kind+value+of+metric: precision ${pct(P)}  recall ${pct(R)}  F1 ${pct(f1(P, R))}`);
console.log(`figures, detection (kind+value+of): precision ${pct(dP)}  recall ${pct(dR)}  F1 ${pct(f1(dP, dR))}`);
console.log(`subject on matched figures: exact ${totals.subjExact}/${totals.subjN} (${pct(totals.subjExact / totals.subjN)}), lenient ${totals.subjLenient}/${totals.subjN} (${pct(totals.subjLenient / totals.subjN)})`);
console.log(`parent on matched figures: ${totals.parentRight}/${totals.parentN} (${pct(totals.parentRight / totals.parentN)})`);
if (problems.length > 0) {
  console.log(`\n${problems.length} differences:`);
  for (const p of problems) console.log(`  ${p}`);
}
