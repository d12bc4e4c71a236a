import { describe, expect, it } from 'vitest';
import { cellSheet, eraseGrid, findGridLines, type GreyImage } from './scan-rulings.js';

/** A white 600×400 page (300 dpi) with black boxes drawn on it. */
function page(boxes: [x0: number, y0: number, x1: number, y1: number][]): GreyImage {
  const [width, height] = [600, 400];
  const grey = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y <= y1; y++) grey.fill(0, y * width + x0, y * width + x1 + 1);
  return { width, height, grey };
}

// a 3×2 grid: horizontal rulings at y 100, 160, 220, vertical ones at x 50, 250, 450, 2 px thick;
// the middle vertical one missing in the top row (a merged heading)
const grid: [number, number, number, number][] = [
  [50, 100, 451, 101],
  [50, 160, 451, 161],
  [50, 220, 451, 221],
  [50, 100, 51, 221],
  [250, 160, 251, 221],
  [450, 100, 451, 221],
];

describe('scan-rulings: a table grid in the pixels', () => {
  it('finds the rulings of a grid and the merged cell, and no grid in an underline', () => {
    const found = findGridLines(page(grid), 300)!;
    expect(found.h.map((b) => [b.y0, b.y1, b.x0, b.x1])).toEqual([
      [100, 101, 50, 451],
      [160, 161, 50, 451],
      [220, 221, 50, 451],
    ]);
    expect(found.v.map((b) => [b.x0, b.x1, b.y0, b.y1])).toEqual([
      [50, 51, 100, 221],
      [250, 251, 160, 221],
      [450, 451, 100, 221],
    ]);
    // an underline and a frame of two lines are no grid
    expect(findGridLines(page([[50, 300, 500, 301]]), 300)).toBeNull();
  });

  it('takes a vertical ruling between the horizontal ones it crosses, a glyph touching it aside', () => {
    // a descender 20 px tall touching the middle ruling from above the line at y 160
    const found = findGridLines(page([...grid, [252, 130, 254, 160], [250, 140, 251, 159]]), 300)!;
    expect(found.v.map((b) => [b.x0, b.x1, b.y0, b.y1])).toContainEqual([250, 251, 160, 221]);
  });

  it('erases the rulings, gives them in points and the cells, merged, in reading order', () => {
    const erased = eraseGrid(page(grid), 300, 300 / 72)!;
    expect(erased.image.grey.every((v) => v === 255)).toBe(true);
    // the top ruling, pixels over 300/72: x 50–451, y 100.5
    const top = erased.rulings[0]!;
    expect([top.x0, top.x1, top.y0, top.y1].map((v) => v.toFixed(2))).toEqual(['12.00', '108.24', '24.12', '24.12']);
    expect(erased.cells).toEqual([
      { x0: 50.5, y0: 100.5, x1: 450.5, y1: 160.5 },
      { x0: 50.5, y0: 160.5, x1: 250.5, y1: 220.5 },
      { x0: 250.5, y0: 160.5, x1: 450.5, y1: 220.5 },
    ]);
  });

  it('sets each cell with ink on the sheet, blank cells left out', () => {
    const image = page([[100, 120, 119, 139]]);
    const cells = [
      { x0: 50, y0: 100, x1: 250, y1: 160 },
      { x0: 250, y0: 100, x1: 450, y1: 160 },
    ];
    const sheet = cellSheet(image, cells, 300)!;
    // the ink (20×20 px) and 6 px round it; 9 px of white before
    expect(sheet.pieces).toEqual([{ pageX: 94, pageY: 114, sheetX: 9, sheetY: 9, width: 32, height: 32 }]);
    expect([sheet.image.width, sheet.image.height]).toEqual([50, 50]);
  });
});
