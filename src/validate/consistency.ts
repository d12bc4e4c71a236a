/**
 * Consistency: the same measure stated twice in one report (same metric, kind, unit, role,
 * period and subject words) must have the same value, e.g. a rate in the body restated in the
 * summary (`tỷ lệ số hóa hồ sơ … đạt 93,97%` in I.9 and again in II).
 *
 * Statements of the same measure in parallel places (sibling sections `a) Trên Hệ thống … thành
 * phố` / `b) Trên Hệ thống các Bộ, ngành`, or two list items of one section) measure different
 * things named by their place; they are scoped by it and not compared with anything.
 */
import { isGenericRate } from '../extract/metrics.js';
import type { Figure } from '../extract/types.js';
import { foldLabel } from '../extract/figures/lexicon.js';
import { draft, overlapping, roundingOf, show, type Context } from './context.js';
import type { CheckDraft } from './types.js';

export function consistencyChecks(ctx: Context): CheckDraft[] {
  const parentOf = new Map(ctx.outline.sections.map((s) => [s.id, s.parent]));
  const reportingUnit = unitPattern(ctx);
  const groups = new Map<string, Figure[]>();
  for (const f of ctx.figures) {
    if (f.metric === null || isGenericRate(f.subject)) continue;
    const p = f.period ? `${f.period.from}..${f.period.to}` : '';
    const key = [f.kind, f.metric, f.unit, f.role, p, subjectWords(f.subject!, reportingUnit)].join('|');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  const parallel = (a: Figure, b: Figure) =>
    a.section === b.section || (a.section !== null && b.section !== null && parentOf.get(a.section) === parentOf.get(b.section));
  const out: CheckDraft[] = [];
  for (const group of groups.values()) {
    const free = group.filter((a) => !group.some((b) => b !== a && parallel(a, b)));
    const [first, ...rest] = free;
    for (const other of rest) {
      // each value stands for the interval its decimals round (`93,9` for [93,85; 93,95)): they
      // agree when the intervals meet
      const tol = roundingOf(ctx, first!) + roundingOf(ctx, other);
      out.push(
        draft(
          'consistency',
          [first!, other],
          first!.value,
          other.value,
          tol,
          (holds) =>
            `${first!.metric} is stated as ${show(first!.value)} (${first!.id}) and as ${show(other.value)} (${other.id}) for the same period${holds ? '' : ': they differ'}`,
          overlapping,
          (v) => [v(first!.id), v(other.id)],
        ),
      );
    }
  }
  return out;
}

/** `của thành phố Hải Phòng`, `của toàn thành phố`: the reporting unit itself adds nothing to a subject. */
function unitPattern(ctx: Context): RegExp | null {
  const unit = ctx.outline.header.unit;
  if (!unit) return null;
  const esc = (s: string) => foldLabel(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\s+(?:của|trên địa bàn)\\s+(?:toàn\\s+)?${esc(unit.level)}(?:\\s+${esc(unit.name)})?(?=\\s|$)`, 'u');
}

/** The words that name what is measured: no punctuation, no `số`/`số lượng`/`tổng số`, no trailing `đạt`. */
function subjectWords(subject: string, reportingUnit: RegExp | null): string {
  let s = foldLabel(subject).replace(/[^\p{L}\p{N}%/]+/gu, ' ').trim();
  if (reportingUnit) s = s.replace(reportingUnit, '');
  return s
    .replace(/^(?:tổng số|số lượng|tổng|số)\s+/u, '')
    .replace(/\s+đạt(?:\s+tỷ lệ)?$/u, '')
    .trim();
}
