/**
 * The extract stage: directive references, periods and figures of one outline.
 */
import type { Outline } from '../segment/types.js';
import { findFigures } from './figures.js';
import { periodsOf } from './periods.js';
import { findReferences } from './references.js';
import type { Extraction, Figure, PeriodMention, StatedPeriod } from './types.js';

export type * from './types.js';

export function extract(outline: Outline): Extraction {
  const text = outline.text.text;
  const { header } = outline;
  const { periods, documentPeriod: period } = periodsOf(header.title, text, { date: header.date, kind: header.kind });
  const stated = periods.flatMap(statedFor);
  const figures = findFigures(outline, { documentKind: header.kind, periods: stated, documentPeriod: period });
  for (const f of figures) f.periodId = periodIdOf(f, stated, periods);
  return { figures, references: findReferences(text, outline.header), periods, documentPeriod: period };
}

/**
 * A figure can be stated for a reporting or cumulative mention with both ends, a target also for
 * a plan's (figures.ts tells them apart); a count up to a day (`tính đến ngày 31/12/2025`:
 * cumulative, no start) is stated for that day, as a stock is counted on a date.
 */
function statedFor(p: PeriodMention): StatedPeriod[] {
  const stated = p.from === null ? p.role === 'cumulative' : p.role === 'reporting' || p.role === 'cumulative' || p.role === 'plan';
  if (p.to === null || !stated) return [];
  return [{ id: p.id, role: p.role, span: p.span, text: p.text, from: p.from ?? p.to, to: p.to }];
}

/**
 * The mention a figure's period was read from: the nearest one before it with the same words and
 * dates; for the document period (read from the title or a window), its first mention in the text.
 */
function periodIdOf(f: Figure, stated: StatedPeriod[], all: PeriodMention[]): string | null {
  const p = f.period;
  if (!p) return null;
  const same = stated.filter((m) => m.from === p.from && m.to === p.to && m.text === p.text);
  const before = same.filter((m) => m.span.start <= f.span.start);
  const hit = before.at(-1) ?? same[0] ?? all.find((m) => m.from === p.from && m.to === p.to);
  return hit?.id ?? null;
}
