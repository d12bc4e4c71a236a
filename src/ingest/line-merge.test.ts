import { describe, expect, it } from 'vitest';
import { makeSegment, type Segment } from './layout.js';
import { mergeLines } from './line-merge.js';

/** A line of words read at `top` (points; 12 high), each word as wide as its text, with its confidence. */
function line(top: number, words: [text: string, confidence: number][], left = 68): Segment {
  let x = left;
  const runs = words.map(([text, confidence]) => {
    const run = { text, x0: x, x1: x + 6 * text.length, top, bottom: top + 12, baseline: top + 9, size: 12, confidence };
    x = run.x1 + 4;
    return run;
  });
  return makeSegment(runs, true);
}

const text = (segs: Segment[]) => segs.map((s) => s.runs.map((r) => r.text).join(' '));

describe('mergeLines', () => {
  // two readings of the same lines of a 200-dpi photocopy (a seed page of the scan set's development
  // part): the best model first, the fast one second
  const best = [
    line(100, [['Quyết', 0.96], ['định', 0.96], ['số', 0.95], ['714/QĐ-UBND', 0.9], ['ngày', 0.96], ['27/02/2026', 0.95], ['b¬n', 0.41]]),
    line(118, [['hành', 0.96], ['Kế', 0.95], ['hoạch', 0.96], ['kiểm', 0.96], ['soát', 0.95], ['TTHC', 0.93]]),
    line(154, [['Hải', 0.93], ['Phòng;', 0.9]]),
  ];
  const fast = [
    line(101, [['Quyết', 0.96], ['định', 0.95], ['số', 0.96], ['714/QĐ-UBND', 0.91], ['ngày', 0.96], ['27/02/2026', 0.93], ['ban', 0.96]]),
    line(117, [['hành', 0.95], ['Kế', 0.96], ['hoạch', 0.95], ['kiểm', 0.96], ['soát', 0.94], ['TTHG', 0.73]]),
    // toner dust between two lines, read by the fast model only
    line(136, [[':.', 0.3]], 300),
  ];

  it('takes each line from the reading surer of its words', () => {
    expect(text(mergeLines(best, fast))).toEqual([
      'Quyết định số 714/QĐ-UBND ngày 27/02/2026 ban',
      'hành Kế hoạch kiểm soát TTHC',
      'Hải Phòng;',
    ]);
  });

  it("keeps a line only the first reading has, drops one only the second has", () => {
    expect(text(mergeLines(fast, best))).toEqual([
      'Quyết định số 714/QĐ-UBND ngày 27/02/2026 ban',
      'hành Kế hoạch kiểm soát TTHC',
      ':.',
    ]);
  });

  it('compares a line split in two by one reading with the whole line of the other', () => {
    const split = [line(100, [['Quyết', 0.96], ['định', 0.96], ['số', 0.95]]), line(100, [['714/QĐ-UBND', 0.9], ['ngày', 0.96], ['27/02/2026', 0.95], ['b¬n', 0.41]], 140)];
    expect(text(mergeLines(split, [fast[0]!]))).toEqual(['Quyết định số 714/QĐ-UBND ngày 27/02/2026 ban']);
    expect(text(mergeLines([fast[0]!], split))).toEqual(['Quyết định số 714/QĐ-UBND ngày 27/02/2026 ban']);
  });
});
