/**
 * Balances: known relations between measures stated side by side in one paragraph, list item or
 * section, whether or not the text links them (`received = resolved + pending`, `resolved = early
 * + on time + late`, the PAKN line `đã tiếp nhận: 07; đã xử lý đúng hạn: 07; … đang xử lý: 07`).
 *
 * Each measure must be stated exactly once in the place looked at; a part that is not stated may
 * be stood in for by its own parts (`đã xử lý` by `đã xử lý đúng hạn` + `đã xử lý quá hạn`).
 */
import type { Figure } from '../extract/types.js';
import { draft, pick, samePeriod, scopesOf, show, type Context } from './context.js';
import { WHOLES } from './relations.js';
import type { CheckDraft } from './types.js';

/** A stated figure, or the sum of stated figures standing in for an unstated one. */
interface Term {
  figures: Figure[];
  value: number;
  metric: string;
}

export function balanceChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const scope of scopesOf(ctx)) {
    for (const rel of WHOLES) {
      const whole = pick(scope, rel.whole);
      if (typeof whole === 'string') continue;
      const parts: Term[] = [];
      let blocked = false;
      for (const m of rel.parts) {
        const t = termOf(scope, m);
        if (t === 'ambiguous') blocked = true;
        else if (t !== 'none') parts.push(t);
      }
      if (blocked || parts.length < (rel.all ? rel.parts.length : 2)) continue;
      const used = parts.flatMap((p) => p.figures);
      if (!used.every((f) => samePeriod(f, whole) && f.unit === whole.unit)) continue;
      const total = parts.reduce((s, p) => s + p.value, 0);
      out.push(
        draft('balance', [whole, ...used], whole.value, total, 0, (holds) =>
          `${rel.whole} ${show(whole.value)} (${whole.id}) ${holds ? '=' : '≠'} ${parts.map(describe).join(' + ')} = ${show(total)}`,
          undefined,
          (v) => [v(whole.id), used.reduce((s, f) => s + v(f.id), 0)],
        ),
      );
    }
  }
  return out;
}

function termOf(scope: Figure[], metric: string): Term | 'none' | 'ambiguous' {
  const f = pick(scope, metric);
  if (f === 'ambiguous') return f;
  if (f !== 'none') return { figures: [f], value: f.value, metric };
  // not stated: its own parts, when the text states them and nothing else stands in the way
  for (const rel of WHOLES) {
    if (rel.whole !== metric) continue;
    const found = rel.parts.map((m) => pick(scope, m));
    if (found.includes('ambiguous')) return 'ambiguous';
    const stated = found.filter((x): x is Figure => typeof x !== 'string');
    if (stated.length === 0 || (rel.all && stated.length < rel.parts.length)) continue;
    return { figures: stated, value: stated.reduce((s, x) => s + x.value, 0), metric };
  }
  return 'none';
}

function describe(t: Term): string {
  if (t.figures.length === 1) return `${t.metric} ${show(t.value)} (${t.figures[0]!.id})`;
  return `${t.metric} (${t.figures.map((f) => `${show(f.value)} (${f.id})`).join(' + ')})`;
}
