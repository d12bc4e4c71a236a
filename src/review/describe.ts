/**
 * A check described in a language from its data: its kind, the relation its figures stand in
 * (relation.ts), their values and whether it holds; never from the English sentence the validator
 * writes. Metrics are named by the metric catalog (Vietnamese label, English gloss).
 */
import { metricCatalog } from '../write/catalog.js';
import { formatNumber, t, type Lang, type LabelKey } from './labels.js';
import { relationOf, type Relation, type RelationFigure, type Term } from './relation.js';

export interface DescribedCheck {
  kind: string;
  figures: readonly string[];
  expected: number;
  actual: number;
  holds: boolean;
}

let catalog: Map<string, { vi: string | null; en: string | null }> | null = null;
/** A metric's name in a language: its catalog label, else its id. */
export function metricName(lang: Lang, metric: string | null): string {
  if (metric === null) return '';
  catalog ??= new Map(metricCatalog().map((r) => [r.id, { vi: r.label_vi, en: r.gloss_en }]));
  const row = catalog.get(metric);
  return (lang === 'vi' ? row?.vi : row?.en) || metric;
}

const KINDS = new Set(['sum', 'balance', 'ratio', 'share', 'score', 'rank', 'consistency']);
export const kindLabel = (lang: Lang, kind: string) => (KINDS.has(kind) ? t(lang, `kind.${kind}` as LabelKey) : kind);

/** One sentence in `lang` a reviewer can check by hand. */
export function describeCheck(lang: Lang, check: DescribedCheck, byId: ReadonlyMap<string, RelationFigure>, relation = relationOf(check, byId)): string {
  const n = (x: number) => formatNumber(lang, x);
  const fig = (id: string, field: 'value' | 'of' = 'value') => {
    const f = byId.get(id)!;
    return `${n(field === 'of' ? f.of! : f.value)} (${id})`;
  };
  const sumOf = (terms: Term[]) =>
    terms.map((x, i) => `${i === 0 ? (x.coefficient < 0 ? '−' : '') : x.coefficient < 0 ? ' − ' : ' + '}${fig(x.figure, x.field)}`).join('');
  const grouped = (terms: Term[]) => (terms.length > 1 ? `(${sumOf(terms)})` : sumOf(terms));
  const total = (terms: Term[]) => n(Math.round(terms.reduce((s, x) => s + x.coefficient * valueOf(byId, x), 0) * 1e4) / 1e4);
  const op = t(lang, check.holds ? 'eq.true' : 'eq.false');
  const fallback = () => t(lang, 'desc.unknown', { kind: kindLabel(lang, check.kind), expected: n(check.expected), actual: n(check.actual) });
  if (!relation) return fallback();
  const part = (p: Term['part']) => relation.terms.filter((x) => x.part === p);
  const [expected, actual] = [part('expected'), part('actual')];
  const h = check.holds ? 'true' : 'false';
  switch (check.kind) {
    case 'sum':
      return t(lang, 'desc.sum', { whole: sumOf(expected), op, parts: sumOf(actual), total: n(check.actual) });
    case 'balance': {
      const named = (x: Term) => `${metricName(lang, byId.get(x.figure)!.metric)} ${fig(x.figure)}`;
      return t(lang, 'desc.balance', { whole: named(expected[0]!), op, parts: actual.map(named).join(' + '), total: total(actual) });
    }
    case 'ratio':
      return t(lang, `desc.ratio.${h}`, {
        rate: `${n(valueOf(byId, actual[0]!))}% (${actual[0]!.figure})`,
        numerator: grouped(part('numerator')), denominator: grouped(part('denominator')), expected: n(check.expected),
      });
    case 'share':
      return t(lang, `desc.share.${h}`, { parts: actual.map((x) => `${n(valueOf(byId, x))}% (${x.figure})`).join(' + '), total: n(check.actual) });
    case 'rank':
      return t(lang, `desc.rank.${h}`, { value: fig(actual[0]!.figure), of: n(check.expected) });
    case 'consistency':
      return t(lang, `desc.consistency.${h}`, {
        metric: metricName(lang, byId.get(expected[0]!.figure)!.metric), first: fig(expected[0]!.figure), second: fig(actual[0]!.figure),
      });
    case 'score':
      return describeScore(lang, relation, check, byId, { fig, sumOf, op, h });
    default:
      return fallback();
  }
}

function describeScore(
  lang: Lang,
  relation: Relation,
  check: DescribedCheck,
  byId: ReadonlyMap<string, RelationFigure>,
  { fig, sumOf, op, h }: { fig: (id: string, field?: 'value' | 'of') => string; sumOf: (terms: Term[]) => string; op: string; h: string },
): string {
  const n = (x: number) => formatNumber(lang, x);
  const actual = relation.terms.filter((x) => x.part === 'actual');
  const expected = relation.terms.filter((x) => x.part === 'expected');
  if (expected.length > 1) return t(lang, 'desc.score.total', { whole: fig(actual[0]!.figure), op, parts: sumOf(expected), total: n(check.expected) });
  const first = actual[0]!;
  if (first.field === 'of') {
    const f = byId.get(first.figure)!;
    return t(lang, 'desc.score.of', { metric: metricName(lang, f.metric), known: n(check.expected), figure: first.figure, of: n(f.of!) });
  }
  return t(lang, `desc.score.max.${h}` as LabelKey, { value: fig(first.figure), max: n(check.expected) });
}

const valueOf = (byId: ReadonlyMap<string, RelationFigure>, x: Term) => {
  const f = byId.get(x.figure)!;
  return x.field === 'of' ? f.of! : f.value;
};
