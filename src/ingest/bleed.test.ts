import { describe, expect, it } from 'vitest';
import { bleedThreshold, liftBleed } from './bleed.js';

/**
 * A grey page 1000 × 100 of paper (255 unless given) whose every row holds `pixels` pixels of each
 * `level` (a row's share in tenths of a percent), as a page's strokes add up in its histogram.
 */
function page(levels: [level: number, pixels: number][], paper = 255): Uint8Array {
  const row = new Uint8Array(1000).fill(paper);
  let x = 0;
  for (const [level, pixels] of levels) row.fill(level, x, (x += pixels));
  const grey = new Uint8Array(1000 * 100);
  for (let y = 0; y < 100; y++) grey.set(row, y * 1000);
  return grey;
}

/** Ink at 20 on 6 % of the page, and its strokes' grey edges: a pixel a row of every fourth level from 24 to 248. */
const INK: [number, number][] = [[20, 60], ...Array.from({ length: 57 }, (_, k): [number, number] => [24 + 4 * k, 1])];

describe('bleedThreshold and liftBleed', () => {
  it('finds the bleed-through between ink and paper and lifts it to white, the ink kept', () => {
    // the reverse side's print at 178 on 4 % of the page, as the scan set's 30 % bleed-through (255 × 0.7)
    const grey = page([...INK, [178, 40]]);
    const t = bleedThreshold(grey, 1000, 100);
    expect(t).toBe(174);
    const lifted = liftBleed(grey.slice(), t!);
    // the ink and its edges darker than the threshold kept, the bleed and the lighter edges white
    expect([...lifted.slice(0, 1000)].filter((v, x) => x === 0 || lifted[x - 1] !== v)).toEqual([20, ...Array.from({ length: 38 }, (_, k) => 24 + 4 * k), 255]);
  });

  it('leaves a page without a middle mode alone: ink, its edges, paper', () => {
    const grey = page(INK);
    expect(bleedThreshold(grey, 1000, 100)).toBeNull();
  });

  it('leaves a light page whose only print is mid-grey alone (no ink mode)', () => {
    expect(bleedThreshold(page([[150, 60]]), 1000, 100)).toBeNull();
  });

  it('leaves a grey stamp alone: a middle mode too small to be a page of print', () => {
    // a stamp turned grey (170) on 0.5 % of the page
    expect(bleedThreshold(page([...INK, [170, 5]]), 1000, 100)).toBeNull();
  });

  it("leaves a photocopy's grey paper alone: a slope up to the paper, no valley before it", () => {
    // paper at 236, spread down to 200
    const slope = Array.from({ length: 36 }, (_, k): [number, number] => [200 + k, 2 + 2 * k]);
    expect(bleedThreshold(page([[20, 60], ...slope], 236), 1000, 100)).toBeNull();
  });

  it('leaves a page of few grey levels alone (a palette PNG): empty levels between any two are no valley', () => {
    // a clean page (the fixture formats/000….page4.png) stored with a grey level every 34: ink, its edges
    // on each of the palette's greys, the most on the lightest (204)
    const grey = page([[0, 33], [34, 16], [68, 12], [102, 10], [136, 10], [170, 12], [204, 20]]);
    expect(bleedThreshold(grey, 1000, 100)).toBeNull();
  });
});
