/**
 * Two OCR readings of one page (fast and best model, or the page and its binarised copy) merged
 * line by line: each misreads other lines, and a page's mean confidence is a weak judge of which
 * reading to keep whole (docs/scans.md). Lines are matched by their boxes on the page; of each
 * group of lines that overlap, the reading whose words have the higher confidence (length-weighted)
 * is kept.
 */
import type { Run, Segment } from './layout.js';

interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

function boxOf(seg: Segment): Box {
  let top = Infinity;
  let bottom = -Infinity;
  for (const r of seg.runs) {
    if (r.top < top) top = r.top;
    if (r.bottom > bottom) bottom = r.bottom;
  }
  return { x0: seg.x0, x1: seg.x1, top, bottom };
}

/**
 * Two lines are the same line when they overlap across and their boxes share half the height of
 * the lower one: neighbouring lines of a page touch at most by their accents and descenders.
 */
function sameLine(a: Box, b: Box): boolean {
  const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return across > 0 && down > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Confidence-weighted characters of some runs: the sum of confidence × length, and the length. */
function weight(runs: readonly Run[]): { sum: number; chars: number } {
  let sum = 0;
  let chars = 0;
  for (const r of runs) {
    sum += (r.confidence ?? 0) * r.text.length;
    chars += r.text.length;
  }
  return { sum, chars };
}

/**
 * The lines of `first` and `second` merged: lines are grouped with the lines of the other reading
 * they overlap (`sameLine`, transitively), and each group is taken from the reading whose words in
 * it have the higher mean confidence, `first` on a tie. A line one reading alone has is kept when
 * it is `first`'s (the reading the page's confidence chose) and dropped when it is `second`'s.
 */
export function mergeLines(first: readonly Segment[], second: readonly Segment[]): Segment[] {
  const boxes = [first.map(boxOf), second.map(boxOf)] as const;
  // union-find over first's lines (0..n−1) then second's (n..)
  const n = first.length;
  const parent = Array.from({ length: n + second.length }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < second.length; j++) {
      if (sameLine(boxes[0][i]!, boxes[1][j]!)) parent[root(n + j)] = root(i);
    }
  }
  const groups = new Map<number, { first: Segment[]; second: Segment[] }>();
  const group = (i: number) => {
    const k = root(i);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { first: [], second: [] }));
    return g;
  };
  first.forEach((seg, i) => group(i).first.push(seg));
  second.forEach((seg, j) => group(n + j).second.push(seg));
  const out: Segment[] = [];
  for (const g of groups.values()) {
    if (g.second.length === 0) out.push(...g.first);
    if (g.first.length === 0 || g.second.length === 0) continue;
    const a = weight(g.first.flatMap((s) => s.runs));
    const b = weight(g.second.flatMap((s) => s.runs));
    // mean confidences compared without dividing: b.sum / b.chars > a.sum / a.chars
    out.push(...(b.sum * a.chars > a.sum * b.chars ? g.second : g.first));
  }
  return out;
}

