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
import type { CheckDraft, Values } from './types.js';

export function ratioChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const f of ctx.figures) {
    const rate = rateBeside(ctx, f);
    if (!rate) continue;
    if (f.kind === 'ratio' && f.of !== null && f.of > 0) {
      const of = f.of;
      out.push(percentCheck(ctx, rate, [f], f.value, of, `${show(f.value)}/${show(of)} (${f.id})`, (v) => [v(f.id), of]));
    } else if (f.kind === 'count' && f.parent !== null) {
      const whole = ctx.byId.get(f.parent)!;
      if (whole.kind !== 'count' || whole.value <= 0 || whole.unit !== f.unit) continue;
      out.push(
        percentCheck(ctx, rate, [whole, f], f.value, whole.value, `${show(f.value)} (${f.id}) of ${show(whole.value)} (${whole.id})`, (v) => [
          v(f.id),
          v(whole.id),
        ]),
      );
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
        const at = (terms: Terms, v: Values) => terms.figures.reduce((s, f, i) => s + (terms.signs[i]! < 0 ? -v(f.id) : v(f.id)), 0);
        out.push(percentCheck(ctx, rate, used, num.value, den.value, `${r.rate}: (${num.text}) / (${den.text})`, (v) => [at(num, v), at(den, v)]));
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

/** `rate` = 100 × num / den; `fraction` gives num and den from other values of the figures (repairs). */
export function percentCheck(
  ctx: Context,
  rate: Figure,
  used: Figure[],
  num: number,
  den: number,
  what: string,
  fraction: (v: Values) => [number, number],
): CheckDraft {
  const expected = (100 * num) / den;
  return draft(
    'ratio',
    [rate, ...used],
    expected,
    rate.value,
    percentTolerance(ctx, rate),
    (holds) => `${show(rate.value)}% (${rate.id}) ${holds ? 'matches' : 'does not match'} ${what} = ${show(expected)}%`,
    undefined,
    (v) => {
      const [n, d] = fraction(v);
      return [d > 0 ? (100 * n) / d : Number.NaN, v(rate.id)];
    },
  );
}

interface Terms {
  figures: Figure[];
  signs: number[];
  value: number;
  text: string;
}

function termsOf(scope: Figure[], metrics: string[]): Terms | null {
  const figures: Figure[] = [];
  const signs: number[] = [];
  let value = 0;
  const text: string[] = [];
  for (const m of metrics) {
    const minus = m.startsWith('-');
    const f = pick(scope, minus ? m.slice(1) : m);
    if (typeof f === 'string') return null;
    figures.push(f);
    signs.push(minus ? -1 : 1);
    value += minus ? -f.value : f.value;
    text.push(`${text.length === 0 ? (minus ? '-' : '') : minus ? ' - ' : ' + '}${show(f.value)} (${f.id})`);
  }
  return { figures, signs, value, text: text.join('') };
}

function unique(fs: Figure[]): Figure[] {
  return [...new Set(fs)];
}
