/**
 * Ruling lines in a page image: a table's grid found in the pixels of a scanned page, before OCR.
 * A ruling is a long straight run of dark pixels, a few pixels thick; a vertical one counts only
 * where both its ends meet horizontal ones, and a horizontal one only where it meets two vertical
 * ones, so an underline, a signature line or a tall letter is no ruling. When they form a grid
 * (three lines or more each way) the lines are erased from the image tesseract reads (tesseract
 * reads a stroke beside a word into it: `lau` for `TT`, `|Xã`, and drops a digit next to a border),
 * and given to the table reader (table-layout.ts), which builds the table from them as from a PDF's
 * drawn lines.
 *
 * Coordinates here are the image's pixels.
 */
import type { Ruling } from './table-layout.js';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte a pixel, row by row. */
  grey: Uint8Array;
}

/** A ruling as found: its centre line, and the band of pixels it covers (for erasing). */
interface Band {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Darker than this is ink (print is near 0, the paper near 255; a thin line anti-aliased is about 100). */
const INK = 160;

/**
 * The rulings of a page image that form a grid, or none. `dpi` sets the lengths: a horizontal
 * ruling is at least a quarter inch long (no letter or word has such a stroke), a vertical one at
 * least an eighth (a table row), and touches horizontal ones at both ends.
 */
export function findGridLines(image: GreyImage, dpi: number): { h: Band[]; v: Band[] } | null {
  const { width, height, grey } = image;
  const minH = Math.round(0.25 * dpi);
  const minV = Math.round(0.12 * dpi);
  // a ruling broken by a pixel or two of JPEG noise is one ruling
  const gap = Math.max(2, Math.round(dpi / 150));
  const h: Band[] = [];
  const v: Band[] = [];
  // vertical runs are followed per column while the rows are read once, in memory order
  const vStart = new Int32Array(width).fill(-1);
  const vLast = new Int32Array(width).fill(-1);
  const hSegs: Band[] = [];
  const vSegs: Band[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (grey[row + x]! >= INK) continue;
      if (start >= 0 && x - last > gap + 1) {
        if (last - start + 1 >= minH) hSegs.push({ x0: start, x1: last, y0: y, y1: y });
        start = x;
      } else if (start < 0) start = x;
      last = x;
      if (vStart[x]! >= 0 && y - vLast[x]! > gap + 1) {
        if (vLast[x]! - vStart[x]! + 1 >= minV) vSegs.push({ x0: x, x1: x, y0: vStart[x]!, y1: vLast[x]! });
        vStart[x] = y;
      } else if (vStart[x]! < 0) vStart[x] = y;
      vLast[x] = y;
    }
    if (start >= 0 && last - start + 1 >= minH) hSegs.push({ x0: start, x1: last, y0: y, y1: y });
  }
  for (let x = 0; x < width; x++) if (vStart[x]! >= 0 && vLast[x]! - vStart[x]! + 1 >= minV) vSegs.push({ x0: x, x1: x, y0: vStart[x]!, y1: vLast[x]! });
  if (hSegs.length === 0 || vSegs.length === 0) return null;
  // runs in neighbouring rows (columns) that overlap are one line, some pixels thick
  h.push(...bands(hSegs, 'y'));
  v.push(...bands(vSegs, 'x'));
  // a line is a ruling of the grid only where it meets the other direction's lines
  const reach = Math.max(3, Math.round(0.03 * dpi));
  const meets = (a: Band, b: Band) => a.x0 - reach <= b.x1 && b.x0 - reach <= a.x1 && a.y0 - reach <= b.y1 && b.y0 - reach <= a.y1;
  let hs = h;
  let vs = v;
  for (;;) {
    // a vertical ruling ends on horizontal ones (the top and bottom of its cells)
    const endsOn = (line: Band, y: number) => hs.some((r) => r.y0 - reach <= y && y <= r.y1 + reach && r.x0 - reach <= line.x1 && line.x0 <= r.x1 + reach);
    const nextV = vs.filter((line) => endsOn(line, line.y0) && endsOn(line, line.y1));
    const nextH = hs.filter((line) => nextV.filter((r) => meets(line, r)).length >= 2);
    if (nextV.length === vs.length && nextH.length === hs.length) break;
    [hs, vs] = [nextH, nextV];
  }
  const distinct = (values: number[]) => values.sort((a, b) => a - b).filter((p, i, all) => i === 0 || p - all[i - 1]! > reach).length;
  if (distinct(hs.map((r) => (r.y0 + r.y1) / 2)) < 3 || distinct(vs.map((r) => (r.x0 + r.x1) / 2)) < 3) return null;
  return { h: hs, v: vs };
}

/** Runs one pixel thick merged into lines: runs in touching rows (`y`) or columns (`x`) that overlap. */
function bands(segs: Band[], across: 'x' | 'y'): Band[] {
  const out: Band[] = [];
  const lo = across === 'y' ? 'y0' : 'x0';
  const hi = across === 'y' ? 'y1' : 'x1';
  const along0 = across === 'y' ? 'x0' : 'y0';
  const along1 = across === 'y' ? 'x1' : 'y1';
  const sorted = [...segs].sort((a, b) => a[lo] - b[lo] || a[along0] - b[along0]);
  for (const s of sorted) {
    const line = out.find((l) => s[lo] - l[hi] <= 1 && s[along0] <= l[along1] && l[along0] <= s[along1]);
    if (line) {
      line[hi] = Math.max(line[hi], s[hi]);
      line[along0] = Math.min(line[along0], s[along0]);
      line[along1] = Math.max(line[along1], s[along1]);
    } else out.push({ ...s });
  }
  // a line is a few pixels thick: a wide dark block (a filled box, a photo) is no ruling
  return out.filter((l) => l[hi] - l[lo] <= 0.3 * (l[along1] - l[along0]));
}

/**
 * The page's grid, if it has one: the image with the rulings painted white (a pixel's margin
 * round each), and the rulings as centre lines in the caller's units (pixels divided by `scale`).
 */
export function eraseGrid(image: GreyImage, dpi: number, scale: number): { image: GreyImage; rulings: Ruling[] } | null {
  const found = findGridLines(image, dpi);
  if (!found) return null;
  const { width, height } = image;
  const grey = Uint8Array.from(image.grey);
  const paint = (b: Band) => {
    for (let y = Math.max(0, b.y0 - 1); y <= Math.min(height - 1, b.y1 + 1); y++) grey.fill(255, y * width + Math.max(0, b.x0 - 1), y * width + Math.min(width - 1, b.x1 + 1) + 1);
  };
  found.h.forEach(paint);
  found.v.forEach(paint);
  const rulings: Ruling[] = [
    ...found.h.map((b) => ({ x0: b.x0 / scale, x1: b.x1 / scale, y0: (b.y0 + b.y1) / 2 / scale, y1: (b.y0 + b.y1) / 2 / scale })),
    ...found.v.map((b) => ({ x0: (b.x0 + b.x1) / 2 / scale, x1: (b.x0 + b.x1) / 2 / scale, y0: b.y0 / scale, y1: b.y1 / scale })),
  ];
  return { image: { width, height, grey }, rulings };
}
