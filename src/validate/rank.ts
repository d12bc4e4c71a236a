/** Ranks: `xếp thứ 72/114` must lie between 1 and the number ranked. */
import { draft, show, type Context } from './context.js';
import type { CheckDraft } from './types.js';

export function rankChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const f of ctx.figures) {
    if (f.kind !== 'rank' || f.of === null) continue;
    const of = f.of;
    out.push(
      draft(
        'rank',
        [f],
        of,
        f.value,
        0,
        (holds) => `rank ${show(f.value)} (${f.id}) ${holds ? 'lies within' : 'lies outside'} 1…${show(of)}`,
        (diff) => diff <= 0 && f.value >= 1,
        // a rank below 1 lies outside as surely as one above the number ranked (a rank read as 0
        // gets no repair: the bound above is all a repair is tried against)
        (v) => [of, v(f.id) >= 1 ? v(f.id) : Number.POSITIVE_INFINITY],
      ),
    );
  }
  return out;
}
