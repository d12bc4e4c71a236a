/**
 * Canonical, language-neutral metric ids for figures, from the lexicon in
 * `lexicon/metrics.json` (a person extends it without touching code). Unmapped → null.
 */
import metricsData from './lexicon/metrics.json' with { type: 'json' };
import { foldLabel } from './figures/lexicon.js';
import type { FigureKind } from './types.js';

interface RawRule {
  metric: string;
  kinds?: string[];
  units?: string[];
  subject: string[];
  without?: string[];
  context?: string[];
  parent?: string[];
}

interface Rule {
  metric: string;
  kinds: Set<string> | null;
  units: Set<string> | null;
  subject: RegExp[];
  without: RegExp[];
  context: RegExp[] | null;
  parent: Set<string> | null;
}

const compile = (ps: string[]) => ps.map((p) => new RegExp(p, 'u'));

const RULES: Rule[] = (metricsData as { rules: RawRule[] }).rules.map((r) => ({
  metric: r.metric,
  kinds: r.kinds ? new Set(r.kinds) : null,
  units: r.units ? new Set(r.units) : null,
  subject: compile(r.subject),
  without: compile(r.without ?? []),
  context: r.context ? compile(r.context) : null,
  parent: r.parent ? new Set(r.parent) : null,
}));

const RATES = new Map(Object.entries((metricsData as { rates: Record<string, string> }).rates));

export interface MetricContext {
  /** Section headings and the sentence the figure stands in. */
  context?: string;
  /** The metric of the figure this one is a part of. */
  parentMetric?: string | null;
  /** Wider words around the number, tried when the subject alone matches nothing. */
  phrase?: string;
}

function matches(rule: Rule, text: string, unit: string | null, kind: FigureKind, ctx: MetricContext, context: () => string): boolean {
  if (rule.kinds && !rule.kinds.has(kind)) return false;
  if (rule.units && (unit === null || !rule.units.has(unit))) return false;
  if (rule.parent && (!ctx.parentMetric || !rule.parent.has(ctx.parentMetric))) return false;
  if (!rule.subject.some((p) => p.test(text))) return false;
  if (rule.without.some((p) => p.test(text))) return false;
  return !rule.context || rule.context.some((p) => p.test(context()));
}

export function metricFor(subject: string, unit: string | null, kind: FigureKind, ctx: MetricContext = {}): string | null {
  // the context can be long (headings and a whole sentence): fold it only if a rule asks
  let folded: string | null = null;
  const context = () => (folded ??= foldLabel(ctx.context ?? ''));
  for (const text of [foldLabel(subject), ctx.phrase ? foldLabel(ctx.phrase) : null]) {
    if (text === null || text === '') continue;
    for (const rule of RULES) if (matches(rule, text, unit, kind, ctx, context)) return rule.metric;
  }
  return null;
}

/** `tỷ lệ đạt: 93,93%` after `1.779/1.894 hồ sơ` (applications.online) is online.rate. */
export function rateOf(metric: string | null): string | null {
  return metric === null ? null : (RATES.get(metric) ?? null);
}

/** A percent whose words name no measure of their own: `tỷ lệ đạt`, `đạt tỷ lệ`, `chiếm`. */
export function isGenericRate(subject: string | null): boolean {
  if (subject === null) return true;
  return /^(?:(?:đạt|chiếm)\s+)?(?:tỷ lệ)?(?:\s+đạt)?$/u.test(foldLabel(subject));
}
