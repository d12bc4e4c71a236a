import { describe, expect, it } from 'vitest';
import { darkFrame, segmentationMode, twoColumnRow } from './page-mode.js';
import type { GreyImage } from './scan-rulings.js';

/**
 * A 900 × 1200 px page (3 × 4 in at 300 dpi) of `paper`, with lines of words: 20 px high every 50 px
 * from y = 100, words 30 px wide with 10 px between them from x = 90 to 810 (justified prose).
 */
function page(paper: (x: number, y: number) => number = () => 255): GreyImage {
  const [width, height] = [900, 1200];
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) grey[y * width + x] = paper(x, y);
  for (let top = 100; top + 20 < height - 100; top += 50) ink({ width, height, grey }, 90, 810, top, top + 20);
  return { width, height, grey };
}

/** Words (30 px of ink, 10 px of paper) from x0 to x1 on rows y0 to y1. */
function ink({ width, grey }: GreyImage, x0: number, x1: number, y0: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((x - x0) % 40 < 30) grey[y * width + x] = 20;
}

/** The page with its first line (y 100–120) replaced by a header's two columns 260 px (0.87 in) apart. */
function withHeader(p: GreyImage): GreyImage {
  for (let y = 100; y < 120; y++) p.grey.fill(255, y * p.width, (y + 1) * p.width);
  ink(p, 90, 330, 100, 120);
  ink(p, 580, 810, 100, 120);
  return p;
}

describe('the page-segmentation mode of a page (page-mode.ts)', () => {
  it('reads a clean grey 300-dpi page of prose as one block (6)', () => {
    expect(segmentationMode(page(), 300, false)).toBe(6);
  });

  it('keeps mode 3 for a colour page, or one below 250 dpi', () => {
    expect([segmentationMode(page(), 300, true), segmentationMode(page(), 200, false)]).toEqual([3, 3]);
  });

  it("keeps mode 3 for a photocopy's grey paper, or white paper with grain", () => {
    const grey = page(() => 240);
    // paper 251 and 255 by turns: white (its level 255) but grainy (neighbours differ by 4)
    const grainy = page((x) => (x % 2 ? 255 : 251));
    expect([segmentationMode(grey, 300, false), segmentationMode(grainy, 300, false)]).toEqual([3, 3]);
  });

  it('keeps mode 3 for a page in a dark border (a phone photo of a sheet on a table)', () => {
    // 60 px of black around the sheet
    const framed = page((x, y) => (x < 60 || y < 60 || x >= 840 || y >= 1140 ? 0 : 255));
    expect(darkFrame(page())).toBe(0);
    // the frame measured is 3 % of the width (27 px) each side: all of it dark
    expect(darkFrame(framed)).toBe(1);
    expect(segmentationMode(framed, 300, false)).toBe(3);
  });

  it("keeps mode 3 for a page with a two-column header in its top third, not for one with a two-column row lower", () => {
    const header = withHeader(page());
    expect(twoColumnRow(header, 400, 225)).toBe(true);
    expect(segmentationMode(header, 300, false)).toBe(3);
    // the same row below the top third (400 px): a signature block beside the last line, read as one block
    const low = page();
    for (let y = 900; y < 920; y++) low.grey.fill(255, y * low.width, (y + 1) * low.width);
    ink(low, 90, 330, 900, 920);
    ink(low, 580, 810, 900, 920);
    expect(segmentationMode(low, 300, false)).toBe(6);
    // asked for a wider gap than the 260 px there, none is found
    expect(twoColumnRow(header, 400, 261)).toBe(false);
  });
});
