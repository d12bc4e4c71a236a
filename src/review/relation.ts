/**
 * What a check compares, rebuilt from its data: which figures (and which of their fields) make up
 * the expected side and the printed side, and the test between them. The report stores a check as
 * `kind`, `figures` (the whole or stated value first), `expected`, `actual`, `tolerance` and
 * `holds`; each kind of src/validate computes them in a known way, so the relation is found by
 * trying the ways that kind computes them and keeping the one that gives back the stored numbers.
 *
 * Used twice: to describe a check in any language from its figures and values (describe.ts), and
 * to re-evaluate it in the tables with QA's corrected values (the `checks` table's `terms`,
 * `constant` and `relation` columns; src/write/duckdb.ts).
 */
import { inBaseUnit } from '../extract/figures/lexicon.js';
import { MAXIMA, RATES } from '../validate/relations.js';

export type TermField = 'value' | 'of';
/** `expected` and `actual` are sums of their terms; a percent check's expected side is 100 × numerator / denominator. */
export type TermPart = 'expected' | 'actual' | 'numerator' | 'denominator';

export interface Term {
  figure: string;
  field: TermField;
  part: TermPart;
  coefficient: number;
}

/** `equal`: |actual − expected| ≤ tolerance; `at_most`: actual ≤ expected + tolerance; `rank`: 1 ≤ actual ≤ expected. */
export type RelationTest = 'equal' | 'at_most' | 'rank';

export interface Relation {
  test: RelationTest;
  terms: Term[];
  /** Added to the expected side (100 for shares, a score's fixed maximum). */
  constant: number;
  /** The expected side is 100 × Σ numerator / Σ denominator. */
  percent: boolean;
}

/** The fields of a check and of a figure the relation needs. */
export interface RelationCheck {
  kind: string;
  figures: readonly string[];
  expected: number;
  actual: number;
}
export interface RelationFigure {
  id: string;
  value: number;
  of: number | null;
  unit: string | null;
  metric: string | null;
  parent: string | null;
  span: { start: number; end: number };
}

/** The relation of a check, or null when none of its kind's ways gives back its numbers. */
export function relationOf(check: RelationCheck, byId: ReadonlyMap<string, RelationFigure>): Relation | null {
  const figures = check.figures.map((id) => byId.get(id));
  if (figures.length === 0 || figures.some((f) => f === undefined)) return null;
  for (const candidate of candidates(check.kind, figures as RelationFigure[])) {
    const { expected, actual } = evaluate(candidate, (id, field) => {
      const f = byId.get(id)!;
      return field === 'of' ? f.of : f.value;
    });
    if (expected !== null && actual !== null && close(expected, check.expected) && close(actual, check.actual)) return candidate;
  }
  return null;
}

/** Both sides of a relation from the figures' values (null when a value is missing or a denominator is 0). */
export function evaluate(
  relation: Relation,
  valueOf: (figure: string, field: TermField) => number | null,
): { expected: number | null; actual: number | null } {
  const sums: Record<TermPart, number> = { expected: 0, actual: 0, numerator: 0, denominator: 0 };
  for (const t of relation.terms) {
    const v = valueOf(t.figure, t.field);
    if (v === null || !Number.isFinite(v)) return { expected: null, actual: null };
    sums[t.part] += t.coefficient * v;
  }
  const expected = relation.percent ? (sums.denominator > 0 ? (100 * sums.numerator) / sums.denominator : null) : sums.expected + relation.constant;
  return { expected, actual: sums.actual };
}

/** Whether the test holds, with the validator's own slack for floating point. */
export function holdsFor(test: RelationTest, expected: number, actual: number, tolerance: number): boolean {
  const diff = actual - expected;
  const tol = tolerance + 1e-9;
  if (test === 'equal') return Math.abs(diff) <= tol;
  if (test === 'at_most') return diff <= tol;
  return diff <= 0 && actual >= 1;
}

/** The validator rounds `expected` to 6 decimals. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

const term = (f: RelationFigure, part: TermPart, coefficient = 1, field: TermField = 'value'): Term => ({ figure: f.id, field, part, coefficient });
const linear = (test: RelationTest, terms: Term[], constant = 0): Relation => ({ test, terms, constant, percent: false });
const percent = (rate: RelationFigure, numerator: Term[], denominator: Term[]): Relation =>
  ({ test: 'equal', terms: [term(rate, 'actual'), ...numerator, ...denominator], constant: 0, percent: true });

/** The ways each kind of check is computed (src/validate/*.ts), most specific first. */
function candidates(kind: string, figures: RelationFigure[]): Relation[] {
  const [first, ...rest] = figures as [RelationFigure, ...RelationFigure[]];
  switch (kind) {
    case 'sum': {
      // parts printed in another unit of the whole's family count in the whole's unit
      const scale = (p: RelationFigure) => (p.unit === first.unit ? 1 : inBaseUnit(1, p.unit) / inBaseUnit(1, first.unit));
      return [linear('equal', [term(first, 'expected'), ...rest.map((p) => term(p, 'actual', scale(p)))])];
    }
    case 'balance':
      return [linear('equal', [term(first, 'expected'), ...rest.map((p) => term(p, 'actual'))])];
    case 'share':
      return [linear('equal', figures.map((r) => term(r, 'actual')), 100)];
    case 'consistency':
      return rest.length === 1 ? [linear('equal', [term(first, 'expected'), term(rest[0]!, 'actual')])] : [];
    case 'rank':
      return rest.length === 0 ? [linear('rank', [term(first, 'expected', 1, 'of'), term(first, 'actual')])] : [];
    case 'score': {
      if (rest.length > 0) return [linear('equal', [...rest.map((p) => term(p, 'expected')), term(first, 'actual')])];
      const known = first.metric === null ? undefined : MAXIMA.get(first.metric);
      const out: Relation[] = [];
      // the value within its maximum: the printed `/20`, else the metric's fixed one
      if (first.of !== null) out.push(linear('at_most', [term(first, 'expected', 1, 'of'), term(first, 'actual')]));
      if (known !== undefined) {
        out.push(linear('at_most', [term(first, 'actual')], known));
        // the printed maximum against the metric's fixed one
        out.push(linear('equal', [term(first, 'actual', 1, 'of')], known));
      }
      return out;
    }
    case 'ratio':
      return ratioCandidates(first, rest);
    default:
      return [];
  }
}

function ratioCandidates(rate: RelationFigure, used: RelationFigure[]): Relation[] {
  const out: Relation[] = [];
  const [a, b] = used;
  // `1.779/1.894 hồ sơ; tỷ lệ đạt: 93,93%`
  if (used.length === 1 && a!.of !== null) out.push(percent(rate, [term(a!, 'numerator')], [term(a!, 'denominator', 1, 'of')]));
  // a part and its rate of the total it is listed under
  if (used.length === 2) out.push(percent(rate, [term(b!, 'numerator')], [term(a!, 'denominator')]));
  // a named rate and the counts it is computed from (relations.json)
  for (const r of RATES.filter((x) => x.rate === rate.metric)) {
    const side = (metrics: string[], part: TermPart): Term[] | null => {
      const terms: Term[] = [];
      for (const m of metrics) {
        const minus = m.startsWith('-');
        const f = used.find((x) => x.metric === (minus ? m.slice(1) : m));
        if (!f) return null;
        terms.push(term(f, part, minus ? -1 : 1));
      }
      return terms;
    };
    const num = side(r.numerator, 'numerator');
    const den = side(r.denominator, 'denominator');
    if (num && den) out.push(percent(rate, num, den));
  }
  // a share: one count over the counts that split the whole; the count printed nearest before the rate first
  if (used.length >= 2) {
    const nearest = [...used].sort((x, y) => distance(x, rate) - distance(y, rate));
    for (const p of nearest) out.push(percent(rate, [term(p, 'numerator')], used.map((q) => term(q, 'denominator'))));
  }
  return out;
}

/** How far before the rate a count ends (after it: further than any before). */
const distance = (f: RelationFigure, rate: RelationFigure) =>
  f.span.end <= rate.span.start ? rate.span.start - f.span.end : Number.MAX_SAFE_INTEGER - (f.span.start - rate.span.end);
