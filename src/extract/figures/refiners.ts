/**
 * Refiners over the raw parser output of one passage: drop the numbers that are something else,
 * and settle conflicts where two parsers read the same number.
 */
import { PARSERS, type Mention, type Span } from './parsers.js';

const priority = new Map(PARSERS.map((p, i) => [p.name, i]));

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Drop mentions whose number lies in an excluded span (document number, date, article…). */
export function dropExcluded(mentions: Mention[], excluded: Span[]): Mention[] {
  return mentions.filter((m) => {
    if (m.kind === 'zero') return true;
    const n = { start: m.numberStart, end: m.numberEnd };
    return !excluded.some((x) => overlaps(x, n));
  });
}

/** Where parsers disagree about a number, the earlier parser in `PARSERS` wins. */
export function resolveConflicts(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort(
    (a, b) => priority.get(a.parser)! - priority.get(b.parser)! || a.numberStart - b.numberStart,
  );
  const kept: Mention[] = [];
  for (const m of sorted) {
    const n = { start: m.numberStart, end: m.numberEnd };
    if (kept.some((k) => overlaps({ start: k.numberStart, end: k.numberEnd }, n))) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.numberStart - b.numberStart);
}
