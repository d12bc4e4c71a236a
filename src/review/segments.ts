/**
 * Cut a text into runs so that every extracted value can be highlighted at its span even when
 * spans overlap or cross (a ratio `1.779/1.894` and the count `1.894` inside it): each run is
 * covered by the same set of values from its start to its end.
 */

export interface Marked {
  id: string;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  /** Ids of the values covering this run, in the order they were given; empty for plain text. */
  ids: string[];
  /** Ids whose span begins at this run (where their anchor goes). */
  starts: string[];
}

/** Runs covering the whole of `[0, length)`; values with empty or out-of-range spans are skipped. */
export function runsOf(length: number, items: readonly Marked[]): Run[] {
  const order = new Map(items.map((it, i) => [it.id, i]));
  const cuts = new Set([0, length]);
  const valid = items.filter((it) => it.start >= 0 && it.end <= length && it.start < it.end);
  for (const it of valid) cuts.add(it.start).add(it.end);
  const points = [...cuts].sort((a, b) => a - b);
  const opening = new Map<number, Marked[]>();
  const closing = new Map<number, Marked[]>();
  for (const it of valid) {
    (opening.get(it.start) ?? opening.set(it.start, []).get(it.start)!).push(it);
    (closing.get(it.end) ?? closing.set(it.end, []).get(it.end)!).push(it);
  }
  const open = new Set<string>();
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i]!;
    for (const it of closing.get(at) ?? []) open.delete(it.id);
    const starts = (opening.get(at) ?? []).map((it) => it.id);
    for (const id of starts) open.add(id);
    const ids = [...open].sort((a, b) => order.get(a)! - order.get(b)!);
    const prev = runs.at(-1);
    // Plain text between values stays one run.
    if (prev && ids.length === 0 && prev.ids.length === 0) prev.end = points[i + 1]!;
    else runs.push({ start: at, end: points[i + 1]!, ids, starts });
  }
  return runs;
}
