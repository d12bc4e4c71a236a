/**
 * Shares: counts that split one whole between them, each with its percentage (`352 TTHC (đạt tỷ
 * lệ 90,51%)`; `37 TTHC (chiếm tỷ lệ 9,49%)`). Their percentages must add up to 100 %, and each
 * must be its count over the sum of the counts.
 */
import type { Figure } from '../extract/types.js';
import { draft, percentTolerance, samePeriod, show, type Context } from './context.js';
import { percentCheck, rateBeside } from './ratio.js';
import { COMPLEMENTS } from './relations.js';
import type { CheckDraft } from './types.js';

export function shareChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  const pairsByBlock = new Map<string, { count: Figure; rate: Figure }[]>();
  for (const f of ctx.figures) {
    if (f.kind !== 'count' || f.role !== 'actual') continue;
    const rate = rateBeside(ctx, f) ?? percentAfter(ctx, f);
    const block = ctx.blockOf.get(f.id);
    if (!rate || !block) continue;
    if (!pairsByBlock.has(block.id)) pairsByBlock.set(block.id, []);
    pairsByBlock.get(block.id)!.push({ count: f, rate });
  }
  for (const pairs of pairsByBlock.values()) {
    for (const set of COMPLEMENTS) {
      const members = set.map((m) => pairs.filter((p) => p.count.metric === m));
      if (members.some((m) => m.length !== 1)) continue;
      const chosen = members.map((m) => m[0]!);
      const first = chosen[0]!.count;
      if (!chosen.every((p) => p.count.unit === first.unit && samePeriod(p.count, first))) continue;
      const rates = chosen.map((p) => p.rate);
      const sum = rates.reduce((s, r) => s + r.value, 0);
      const tolerance = rates.reduce((s, r) => s + percentTolerance(ctx, r), 0);
      out.push(
        draft('share', rates, 100, sum, tolerance, (holds) =>
          `shares ${rates.map((r) => `${show(r.value)}% (${r.id})`).join(' + ')} = ${show(sum)}% ${holds ? 'add up to' : 'do not add up to'} 100%`,
          undefined,
          (v) => [100, rates.reduce((s, r) => s + v(r.id), 0)],
        ),
      );
      const whole = chosen.reduce((s, p) => s + p.count.value, 0);
      if (whole <= 0) continue;
      const ids = chosen.map((p) => `${show(p.count.value)} (${p.count.id})`).join(' + ');
      for (const p of chosen) {
        const counts = chosen.map((q) => q.count);
        out.push(
          percentCheck(ctx, p.rate, counts, p.count.value, whole, `${show(p.count.value)} (${p.count.id}) of ${ids}`, (v) => [
            v(p.count.id),
            counts.reduce((s, c) => s + v(c.id), 0),
          ]),
        );
      }
    }
  }
  return out;
}

/** `42.442 hồ sơ (chiếm 9,85%)`: a percentage in brackets right after the count is its share. */
function percentAfter(ctx: Context, f: Figure): Figure | null {
  const next = ctx.figures[ctx.index.get(f.id)! + 1];
  if (!next || next.kind !== 'percent') return null;
  const gap = ctx.text.slice(f.span.end, next.span.start);
  return /^\s*\((?:đạt|chiếm)[^\d()]{0,20}$/iu.test(gap) ? next : null;
}
