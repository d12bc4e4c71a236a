/**
 * `npm run eval -- documents`: the whole pipeline on real UBND documents that no rule was tuned on,
 * scored against the hand annotations in `eval/data/documents/{dev,test}/*.json` (the guide and
 * the split are in that folder's README), and `dev-extra/`, `dev-periods/` … `dev-periods-4/` (more development
 * text annotated for some parts only: `parts`, `scopeStart`; corpus excerpts in the last two). The development
 * part and the test part are printed separately; the test part's misses are listed only with
 * `SHOW_TEST_MISSES=1`, so that they are not read while rules are written; `EVAL_PARTS=dev,dev-extra` leaves the
 * test part out altogether.
 *
 * - header: each field (kind, number, symbol, date, place, issuer, unit, title, signer) exactly
 *   right, with case, spaces, dashes and tone placement folded for text fields;
 * - references: found in scope (lines 1 to `scopeEnd`) vs annotated, matched on kind, number,
 *   year, symbol and date (each annotation once): precision, recall, F1;
 * - periods: matched on from and to: recall (and precision), role agreement on matched pairs;
 * - figures: matched on kind and value (money and measures compared after the unit's multiplier):
 *   precision, recall, F1; unit and comparator agreement on matched pairs.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { processFile } from '../pipelines/report.js';
import { canonicalToneEdits } from '../src/normalise/tones.js';
import { SourceText } from '../src/text/source-text.js';

interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}
interface Annotation {
  file: string;
  scopeEnd: number;
  /** First line of the scope (1 unless said). */
  scopeStart?: number;
  /** Lines `from`..`to` (1-based) of a corpus file (`corpus/vi-admin.txt.gz`), scored as a file of their own. */
  excerpt?: { from: number; to: number };
  /** What was annotated, when not everything (`["periods"]` for the extra development texts). */
  parts?: ('header' | 'references' | 'periods' | 'figures')[];
  header: {
    kind: string | null;
    number: string | null;
    symbol: string | null;
    date: DateParts | null;
    place: string | null;
    issuer: string | null;
    unit: { level: string; name: string } | null;
    title: string | null;
    signer: string | null;
  };
  references: { line: number; kind: string; number: string | null; year: number | null; symbol: string | null; date: string | null }[];
  periods: { line: number; text: string; role: string; from: string | null; to: string | null }[];
  figures: { line: number; text: string; kind: string; value: number; unit: string | null; comparator: string | null }[];
}

const ROOT = 'eval/data/documents';
const EXCERPTS = join(tmpdir(), 'baocao-eval-excerpts');

/** The file to run: the shared document itself, or its excerpt written to a temporary file. */
async function sourceOf(gold: Annotation, name: string): Promise<string> {
  if (!gold.excerpt) return join(SHARED, gold.file);
  const raw = readFileSync(join(SHARED, gold.file));
  const text = (gold.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const lines = text.split('\n').slice(gold.excerpt.from - 1, gold.excerpt.to);
  mkdirSync(EXCERPTS, { recursive: true });
  const path = join(EXCERPTS, name.replace(/\.json$/u, '.txt'));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
const SHARED = '../shared';
const HEADER_FIELDS = ['kind', 'number', 'symbol', 'date', 'place', 'issuer', 'unit', 'title', 'signer'] as const;

/** Case, spaces, dashes, emphasis, trailing punctuation and tone placement folded. */
function fold(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const nfc = s.normalize('NFC');
  const toned = SourceText.fromOriginal(nfc).edit(canonicalToneEdits(nfc)).text;
  return toned
    .toLowerCase()
    .replace(/[*]/gu, '')
    .replace(/[–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .replace(/\s*-\s*/gu, ' - ')
    .replace(/[\s.,;:]+$/u, '')
    .trim();
}

const units = JSON.parse(readFileSync('src/extract/lexicon/units.json', 'utf8')) as { units: { forms: string[]; multiplier?: number }[] };
const multiplierOf = (unit: string | null) => {
  const u = fold(unit);
  return units.units.find((x) => x.forms.some((f) => fold(f) === u))?.multiplier ?? 1;
};
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(4));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

interface Totals {
  header: Record<(typeof HEADER_FIELDS)[number], { right: number; n: number }>;
  refs: { tp: number; fp: number; fn: number };
  periods: { tp: number; fp: number; fn: number; role: number };
  figures: { tp: number; fp: number; fn: number; unit: number; comparator: number };
}

async function scorePart(part: string, showMisses: boolean): Promise<void> {
  const dir = join(ROOT, part);
  const t: Totals = {
    header: Object.fromEntries(HEADER_FIELDS.map((f) => [f, { right: 0, n: 0 }])) as Totals['header'],
    refs: { tp: 0, fp: 0, fn: 0 },
    periods: { tp: 0, fp: 0, fn: 0, role: 0 },
    figures: { tp: 0, fp: 0, fn: 0, unit: 0, comparator: 0 },
  };
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const name of files) {
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Annotation;
    const report = (await processFile(await sourceOf(gold, name))) as unknown as ReportShape;
    const inScope = (p: { provenance: { line: number } }) => p.provenance.line >= (gold.scopeStart ?? 1) && p.provenance.line <= gold.scopeEnd;
    const doc = name.replace(/\.json$/u, '');
    const annotated = (what: 'header' | 'references' | 'periods' | 'figures') => !gold.parts || gold.parts.includes(what);

    // header
    if (annotated('header')) {
    const got = report.document;
    const found: Record<(typeof HEADER_FIELDS)[number], string | null> = {
      kind: got.kind,
      number: got.number,
      symbol: got.symbol,
      date: got.date ? JSON.stringify([got.date.year, got.date.month, got.date.day]) : null,
      place: fold(got.place),
      issuer: fold(got.issuer),
      unit: got.unit ? `${fold(got.unit.level)} ${fold(got.unit.name)}` : null,
      title: fold(got.title),
      signer: fold(got.signer?.name),
    };
    const g = gold.header;
    const want: typeof found = {
      kind: g.kind,
      number: g.number,
      symbol: g.symbol,
      date: g.date ? JSON.stringify([g.date.year, g.date.month, g.date.day]) : null,
      place: fold(g.place),
      issuer: fold(g.issuer),
      unit: g.unit ? `${fold(g.unit.level)} ${fold(g.unit.name)}` : null,
      title: fold(g.title),
      signer: fold(g.signer),
    };
    for (const field of HEADER_FIELDS) {
      t.header[field].n++;
      if (found[field] === want[field]) t.header[field].right++;
      else problems.push(`  header   ${doc} ${field}: got ${JSON.stringify(found[field])}, want ${JSON.stringify(want[field])}`);
    }
    }

    // references
    const refKey = (r: { kind: string; number: string | null; year: number | null; symbol: string | null; date: string | null }) =>
      `${r.kind}|${r.number ?? '-'}|${r.year ?? '-'}|${r.symbol ?? '-'}|${r.date ?? '-'}`;
    if (annotated('references')) match(
      report.references.filter(inScope),
      gold.references,
      (r) => refKey(r),
      (a) => refKey(a),
      t.refs,
      (r) => `  ref+     ${doc} line ${r.provenance.line}: ${refKey(r)}`,
      (a) => `  ref-     ${doc} line ${a.line}: ${refKey(a)}`,
      problems,
    );

    // periods
    const periodKey = (p: { from: string | null; to: string | null }) => `${p.from ?? '-'}..${p.to ?? '-'}`;
    const periodPairs = !annotated('periods') ? [] : match(
      (report.periods ?? []).filter(inScope),
      gold.periods,
      periodKey,
      periodKey,
      t.periods,
      (p) => `  period+  ${doc} line ${p.provenance.line}: ${periodKey(p)} ${p.role ?? ''} «${p.text}»`,
      (a) => `  period-  ${doc} line ${a.line}: ${periodKey(a)} ${a.role} «${a.text}»`,
      problems,
    );
    for (const [p, a] of periodPairs) {
      if (p.role === a.role) t.periods.role++;
      else problems.push(`  role     ${doc} line ${a.line} «${a.text}»: got ${p.role}, want ${a.role}`);
    }

    // figures
    const figurePairs = annotated('figures') ? matchFigures(report.figures.filter(inScope), gold.figures, t.figures, doc, problems) : [];
    for (const [f, a] of figurePairs) {
      if (fold(f.unit) === fold(a.unit) || multiplierOf(a.unit) !== 1) t.figures.unit++;
      else problems.push(`  unit     ${doc} line ${a.line} «${a.text}»: got ${JSON.stringify(f.unit)}, want ${JSON.stringify(a.unit)}`);
      if ((f.comparator ?? null) === (a.comparator ?? null)) t.figures.comparator++;
      else problems.push(`  comparator ${doc} line ${a.line} «${a.text}»: got ${JSON.stringify(f.comparator ?? null)}, want ${JSON.stringify(a.comparator)}`);
    }
  }

  const fields = HEADER_FIELDS.map((f) => t.header[f]);
  const right = fields.reduce((s, x) => s + x.right, 0);
  const n = fields.reduce((s, x) => s + x.n, 0);
  console.log(`\n## ${part} part: ${files.length} documents`);
  if (n > 0) {
    console.log(`header fields: ${right}/${n} exactly right (${ratio(right, n)})`);
    console.log(`  ${HEADER_FIELDS.map((f) => `${f} ${t.header[f].right}/${t.header[f].n}`).join(', ')}`);
  }
  if (t.refs.tp + t.refs.fp + t.refs.fn > 0) printPrf('references', t.refs);
  const pr = t.periods;
  console.log(
    `periods: recall ${ratio(pr.tp, pr.tp + pr.fn)} precision ${ratio(pr.tp, pr.tp + pr.fp)} (tp ${pr.tp}, fp ${pr.fp}, fn ${pr.fn}); role agreement ${pr.role}/${pr.tp} (${ratio(pr.role, pr.tp)})`,
  );
  // parts annotated for periods only have no figures to score
  if (t.figures.tp + t.figures.fp + t.figures.fn > 0) {
    printPrf('figures', t.figures);
    console.log(`  unit agreement ${t.figures.unit}/${t.figures.tp}, comparator agreement ${t.figures.comparator}/${t.figures.tp}`);
  }
  if (showMisses) console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'problems: none');
  else console.log(`(${problems.length} problems not listed: this is the test part; SHOW_TEST_MISSES=1 lists them)`);
}

function printPrf(what: string, x: { tp: number; fp: number; fn: number }): void {
  const p = x.tp / (x.tp + x.fp || 1);
  const r = x.tp / (x.tp + x.fn || 1);
  console.log(`${what}: precision ${p.toFixed(4)} recall ${r.toFixed(4)} F1 ${f1(p, r).toFixed(4)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`);
}

/** Pairs found items with annotations of the same key, each annotation once; counts the rest. */
function match<F, A>(
  found: F[],
  gold: A[],
  keyOfFound: (f: F) => string,
  keyOfGold: (a: A) => string,
  counts: { tp: number; fp: number; fn: number },
  describeFalse: (f: F) => string,
  describeMissed: (a: A) => string,
  problems: string[],
): [F, A][] {
  const open = new Map<string, A[]>();
  for (const a of gold) open.set(keyOfGold(a), [...(open.get(keyOfGold(a)) ?? []), a]);
  const pairs: [F, A][] = [];
  for (const f of found) {
    const a = open.get(keyOfFound(f))?.shift();
    if (a) pairs.push([f, a]);
    else {
      counts.fp++;
      problems.push(describeFalse(f));
    }
  }
  const missed = [...open.values()].flat();
  for (const a of missed) problems.push(describeMissed(a));
  counts.tp += pairs.length;
  counts.fn += missed.length;
  return pairs;
}

/** Figures pair on kind and value; the annotated value is as printed (`3,8 tỷ đồng` → 3.8). */
function matchFigures(
  found: ReportShape['figures'],
  gold: Annotation['figures'],
  counts: { tp: number; fp: number; fn: number },
  doc: string,
  problems: string[],
): [ReportShape['figures'][number], Annotation['figures'][number]][] {
  const open = [...gold];
  const pairs: [ReportShape['figures'][number], Annotation['figures'][number]][] = [];
  for (const f of found) {
    const k = open.findIndex((a) => a.kind === f.kind && (near(a.value, f.value) || near(a.value * multiplierOf(a.unit), f.value)));
    if (k >= 0) pairs.push([f, open.splice(k, 1)[0]!]);
    else {
      counts.fp++;
      problems.push(`  figure+  ${doc} line ${f.provenance.line}: ${f.kind} ${f.value} ${f.unit ?? ''} «${f.provenance.text}»`);
    }
  }
  for (const a of open) problems.push(`  figure-  ${doc} line ${a.line}: ${a.kind} ${a.value} ${a.unit ?? ''} «${a.text}»`);
  counts.tp += pairs.length;
  counts.fn += open.length;
  return pairs;
}

interface Located {
  provenance: { line: number; text: string };
}
interface ReportShape {
  document: {
    kind: string | null;
    number: string | null;
    symbol: string | null;
    date: DateParts | null;
    place: string | null;
    issuer: string | null;
    unit: { level: string; name: string } | null;
    title: string | null;
    signer: { name: string | null } | null;
  };
  references: (Located & { kind: string; number: string | null; year: number | null; symbol: string | null; date: string | null })[];
  periods?: (Located & { from: string | null; to: string | null; role?: string; text: string })[];
  figures: (Located & { kind: string; value: number; unit: string | null; comparator?: string | null })[];
}

// every part by default, the test part last; EVAL_PARTS=dev,dev-extra scores those parts only:
// rule writers need not even see the test totals
const parts = process.env.EVAL_PARTS?.split(',') ?? readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
for (const part of readdirSync(ROOT, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
  if (!part.isDirectory() || !parts.includes(part.name)) continue;
  if (part.name !== 'test') await scorePart(part.name, true);
}
if (parts.includes('test')) await scorePart('test', process.env.SHOW_TEST_MISSES === '1');
