/**
 * Ratios against the percentage printed next to them, within the rounding the percentage's
 * decimals allow:
 * - a ratio and its rate: `1.779/1.894 hồ sơ; tỷ lệ đạt: 93,93%`;
 * - a part and its rate of the total it is listed under: `Số lượng hồ sơ đã giải quyết: 1.739 hồ
 *   sơ` → `+ Có file thành phần hồ sơ đính kèm: 1.736 hồ sơ; tỷ lệ đạt: 99,83%`;
 * - a named rate and the counts it is computed from (`relations.json` rates), stated in the same
 *   paragraph or section: `Tỷ lệ hồ sơ đã giải quyết trước hạn, đúng hạn đạt 99,98 %` against
 *   4874 resolved of which 01 late.
 */
import { isGenericRate, rateOf } from '../extract/metrics.js';
import type { Figure } from '../extract/types.js';
import { draft, nextInClause, percentTolerance, pick, samePeriod, scopesOf, show, type Context } from './context.js';
import { RATES } from './relations.js';
import type { CheckDraft } from './types.js';

export function ratioChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const f of ctx.figures) {
    const rate = rateBeside(ctx, f);
    if (!rate) continue;
    if (f.kind === 'ratio' && f.of !== null && f.of > 0) {
      out.push(percentCheck(ctx, rate, [f], f.value, f.of, `${show(f.value)}/${show(f.of)} (${f.id})`));
    } else if (f.kind === 'count' && f.parent !== null) {
      const whole = ctx.byId.get(f.parent)!;
      if (whole.kind !== 'count' || whole.value <= 0 || whole.unit !== f.unit) continue;
      out.push(percentCheck(ctx, rate, [whole, f], f.value, whole.value, `${show(f.value)} (${f.id}) of ${show(whole.value)} (${whole.id})`));
    }
  }
  for (const scope of scopesOf(ctx)) {
    for (const rate of scope) {
      if (rate.kind !== 'percent' || rate.role !== 'actual') continue;
      const relation = RATES.filter((r) => r.rate === rate.metric);
      if (relation.length === 0 || scope.filter((x) => x.metric === rate.metric).length !== 1) continue;
      for (const r of relation) {
        const num = termsOf(scope, r.numerator);
        const den = termsOf(scope, r.denominator);
        if (!num || !den || den.value <= 0) continue;
        const used = unique([...num.figures, ...den.figures]);
        if (!used.every((u) => samePeriod(u, rate))) continue;
        out.push(percentCheck(ctx, rate, used, num.value, den.value, `${r.rate}: (${num.text}) / (${den.text})`));
        break;
      }
    }
  }
  return out;
}

/** The percentage printed right after a ratio or count as its rate (`tỷ lệ đạt`, `chiếm`). */
export function rateBeside(ctx: Context, f: Figure): Figure | null {
  const next = nextInClause(ctx, f);
  if (!next || next.kind !== 'percent') return null;
  return isGenericRate(next.subject) || (next.metric !== null && next.metric === rateOf(f.metric)) ? next : null;
}

export function percentCheck(ctx: Context, rate: Figure, used: Figure[], num: number, den: number, what: string): CheckDraft {
  const expected = (100 * num) / den;
  return draft('ratio', [rate, ...used], expected, rate.value, percentTolerance(ctx, rate), (holds) =>
    `${show(rate.value)}% (${rate.id}) ${holds ? 'matches' : 'does not match'} ${what} = ${show(expected)}%`,
  );
}

function termsOf(scope: Figure[], metrics: string[]): { figures: Figure[]; value: number; text: string } | null {
  const figures: Figure[] = [];
  let value = 0;
  const text: string[] = [];
  for (const m of metrics) {
    const minus = m.startsWith('-');
    const f = pick(scope, minus ? m.slice(1) : m);
    if (typeof f === 'string') return null;
    figures.push(f);
    value += minus ? -f.value : f.value;
    text.push(`${text.length === 0 ? (minus ? '-' : '') : minus ? ' - ' : ' + '}${show(f.value)} (${f.id})`);
  }
  return { figures, value, text: text.join('') };
}

function unique(fs: Figure[]): Figure[] {
  return [...new Set(fs)];
}
