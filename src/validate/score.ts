/**
 * Scores: a `num/den điểm` over its den; the sub-scores of the Decision 766 service index over
 * their fixed maxima (công khai minh bạch 18, tiến độ giải quyết 20, dịch vụ công trực tuyến 12,
 * thanh toán trực tuyến 10, mức độ hài lòng 18, số hóa hồ sơ 22; total 100); and the total
 * against the sum of the six, when all six are stated in the same section.
 */
import type { Figure } from '../extract/types.js';
import { decimalsOf, draft, halfUnit, show, type Context } from './context.js';
import { INDEX_PARTS, INDEX_TOTAL, MAXIMA } from './relations.js';
import type { CheckDraft } from './types.js';

const atMost = (diff: number, tol: number) => diff <= tol;

export function scoreChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const f of ctx.figures) {
    if (f.kind !== 'score') continue;
    const known = f.metric !== null ? MAXIMA.get(f.metric) : undefined;
    if (known !== undefined && f.of !== null && f.of !== known) {
      out.push(
        draft('score', [f], known, f.of, 0, () => `${f.metric} is out of ${show(known)}, but ${f.id} is printed out of ${show(f.of!)}`),
      );
    }
    const max = f.of ?? known;
    if (max === undefined || max === null) continue;
    out.push(
      draft(
        'score',
        [f],
        max,
        f.value,
        0,
        (holds) => `${show(f.value)} (${f.id}) ${holds ? 'is within' : 'exceeds'} its maximum of ${show(max)} points`,
        atMost,
        (v) => [max, v(f.id)],
      ),
    );
  }
  const bySection = new Map<string | null, Figure[]>();
  for (const f of ctx.figures) {
    if (f.kind !== 'score' || f.metric === null || !MAXIMA.has(f.metric)) continue;
    if (!bySection.has(f.section)) bySection.set(f.section, []);
    bySection.get(f.section)!.push(f);
  }
  for (const scores of bySection.values()) {
    const one = (m: string) => {
      const hits = scores.filter((f) => f.metric === m);
      return hits.length === 1 ? hits[0]! : null;
    };
    const total = one(INDEX_TOTAL);
    const parts = INDEX_PARTS.map(one);
    if (!total || parts.some((p) => p === null)) continue;
    const ps = parts as Figure[];
    const sum = ps.reduce((s, p) => s + p.value, 0);
    // the sub-scores were rounded to the finest precision printed among them
    const decimals = Math.max(...[total, ...ps].map((f) => decimalsOf(ctx, f)));
    out.push(
      draft('score', [total, ...ps], sum, total.value, halfUnit(decimals) * (ps.length + 1), (holds) =>
        `total ${show(total.value)} (${total.id}) ${holds ? '=' : '≠'} ${ps.map((p) => `${show(p.value)} (${p.id})`).join(' + ')} = ${show(sum)}`,
        undefined,
        (v) => [ps.reduce((s, p) => s + v(p.id), 0), v(total.id)],
      ),
    );
  }
  return out;
}
