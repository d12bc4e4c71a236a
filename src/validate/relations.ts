/** The known relations between metrics, from `relations.json` (data a person extends without code). */
import data from './relations.json' with { type: 'json' };

export interface WholeRelation {
  whole: string;
  parts: string[];
  /** Every part must be stated; otherwise two are enough. */
  all: boolean;
}

export interface RateRelation {
  rate: string;
  /** Metrics added up; a leading `-` subtracts. */
  numerator: string[];
  denominator: string[];
}

const raw = data as {
  wholes: { whole: string; parts: string[]; all?: boolean }[];
  rates: RateRelation[];
  complements: string[][];
  maxima: Record<string, number>;
  total: string;
};

export const WHOLES: WholeRelation[] = raw.wholes.map((w) => ({ whole: w.whole, parts: w.parts, all: w.all ?? false }));
export const RATES: RateRelation[] = raw.rates;
export const COMPLEMENTS: string[][] = raw.complements;
export const MAXIMA = new Map(Object.entries(raw.maxima));
export const INDEX_TOTAL = raw.total;
export const INDEX_PARTS = [...MAXIMA.keys()].filter((m) => m !== INDEX_TOTAL);

/** Every metric a whole may be broken into, at any depth (received → new → online). */
export function partsOf(whole: string): Set<string> {
  const out = new Set<string>();
  const todo = [whole];
  while (todo.length > 0) {
    const m = todo.pop()!;
    for (const r of WHOLES) {
      if (r.whole !== m) continue;
      for (const p of r.parts) {
        if (!out.has(p)) {
          out.add(p);
          todo.push(p);
        }
      }
    }
  }
  return out;
}

export function hasParts(whole: string | null): whole is string {
  return whole !== null && WHOLES.some((r) => r.whole === whole);
}
