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
import { mergedCells, type Ruling } from './table-layout.js';

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
  const hSegs: Band[] = [];
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
    }
    if (start >= 0 && last - start + 1 >= minH) hSegs.push({ x0: start, x1: last, y0: y, y1: y });
  }
  // runs in neighbouring rows (columns) that overlap are one line, some pixels thick
  const h = bands(hSegs, 'y');
  // a grid has three horizontal rulings or more (those it keeps are some of these): a page with fewer
  // ends here, before the vertical runs, which its letters' stems make by the thousand
  if (h.length < 3) return null;
  // vertical runs are followed per column while the rows are read once, in memory order
  const vStart = new Int32Array(width).fill(-1);
  const vLast = new Int32Array(width).fill(-1);
  const vSegs: Band[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (grey[row + x]! >= INK) continue;
      if (vStart[x]! >= 0 && y - vLast[x]! > gap + 1) {
        if (vLast[x]! - vStart[x]! + 1 >= minV) vSegs.push({ x0: x, x1: x, y0: vStart[x]!, y1: vLast[x]! });
        vStart[x] = y;
      } else if (vStart[x]! < 0) vStart[x] = y;
      vLast[x] = y;
    }
  }
  for (let x = 0; x < width; x++) if (vStart[x]! >= 0 && vLast[x]! - vStart[x]! + 1 >= minV) vSegs.push({ x0: x, x1: x, y0: vStart[x]!, y1: vLast[x]! });
  if (vSegs.length === 0) return null;
  const v = bands(vSegs, 'x');
  // a line is a ruling of the grid only where it meets the other direction's lines
  const reach = reachOf(dpi);
  const meets = (a: Band, b: Band) => a.x0 - reach <= b.x1 && b.x0 - reach <= a.x1 && a.y0 - reach <= b.y1 && b.y0 - reach <= a.y1;
  let hs = h;
  let vs = v;
  for (;;) {
    // a vertical ruling runs from one horizontal ruling to another (the top and bottom of its
    // cells); what it runs on beyond them is a glyph touching the line (a `g` over a border)
    const nextV: Band[] = [];
    for (const line of vs) {
      const crossed = hs.filter((r) => r.y0 - reach <= line.y1 && line.y0 <= r.y1 + reach && r.x0 - reach <= line.x1 && line.x0 <= r.x1 + reach);
      if (crossed.length < 2) continue;
      const top = Math.max(line.y0, Math.min(...crossed.map((r) => r.y0)));
      const bottom = Math.min(line.y1, Math.max(...crossed.map((r) => r.y1)));
      if (bottom - top > reach) nextV.push(top === line.y0 && bottom === line.y1 ? line : { ...line, y0: top, y1: bottom });
    }
    const nextH = hs.filter((line) => nextV.filter((r) => meets(line, r)).length >= 2);
    if (nextV.length === vs.length && nextH.length === hs.length && nextV.every((l, i) => l === vs[i])) break;
    [hs, vs] = [nextH, nextV];
  }
  const distinct = (values: number[]) => values.sort((a, b) => a - b).filter((p, i, all) => i === 0 || p - all[i - 1]! > reach).length;
  if (distinct(hs.map((r) => (r.y0 + r.y1) / 2)) < 3 || distinct(vs.map((r) => (r.x0 + r.x1) / 2)) < 3) return null;
  return { h: hs, v: vs };
}

/** How near two lines' ends must come to meet, or two lines' centres to be one grid position (pixels). */
const reachOf = (dpi: number) => Math.max(3, Math.round(0.03 * dpi));

/** Runs one pixel thick merged into lines: runs in touching rows (`y`) or columns (`x`) that overlap. */
function bands(segs: Band[], across: 'x' | 'y'): Band[] {
  const out: Band[] = [];
  const lo = across === 'y' ? 'y0' : 'x0';
  const hi = across === 'y' ? 'y1' : 'x1';
  const along0 = across === 'y' ? 'x0' : 'y0';
  const along1 = across === 'y' ? 'x1' : 'y1';
  const sorted = [...segs].sort((a, b) => a[lo] - b[lo] || a[along0] - b[along0]);
  for (const s of sorted) {
    // a glyph touching a ruling makes a shorter run beside it: the same line only where the two
    // runs cover mostly the same extent
    const same = (l: Band) => Math.min(l[along1], s[along1]) - Math.max(l[along0], s[along0]) >= 0.8 * Math.max(l[along1] - l[along0], s[along1] - s[along0]);
    const line = out.find((l) => s[lo] - l[hi] <= 1 && s[lo] >= l[lo] && same(l));
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
export function eraseGrid(image: GreyImage, dpi: number, scale: number): { image: GreyImage; rulings: Ruling[]; cells: CellBox[] } | null {
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
  const cells = gridCells(found.h, found.v, reachOf(dpi));
  return { image: { width, height, grey }, rulings, cells };
}

/** A cell of a grid, in pixels: the box inside its borders. */
export interface CellBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The cells of the grid the bands form, merged cells as one (a border missing between two grid
 * places joins them, as table-layout.ts reads a PDF's grid), in reading order.
 */
export function gridCells(h: Band[], v: Band[], reach: number): CellBox[] {
  const positions = (bs: Band[], a: 'x' | 'y') => {
    const mids = bs.map((b) => (a === 'y' ? (b.y0 + b.y1) / 2 : (b.x0 + b.x1) / 2)).sort((p, q) => p - q);
    const out: number[][] = [];
    for (const m of mids) {
      const last = out.at(-1);
      if (last && m - last.at(-1)! <= reach) last.push(m);
      else out.push([m]);
    }
    return out.map((c) => c[c.length >> 1]!);
  };
  const ys = positions(h, 'y');
  const xs = positions(v, 'x');
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return [];
  const vBorder = (c: number, r: number) => {
    const y = (ys[r]! + ys[r + 1]!) / 2;
    return v.some((b) => Math.abs((b.x0 + b.x1) / 2 - xs[c]!) <= reach && b.y0 - reach <= y && y <= b.y1 + reach);
  };
  const hBorder = (r: number, c: number) => {
    const x = (xs[c]! + xs[c + 1]!) / 2;
    return h.some((b) => Math.abs((b.y0 + b.y1) / 2 - ys[r]!) <= reach && b.x0 - reach <= x && x <= b.x1 + reach);
  };
  const find = mergedCells(rows, cols, vBorder, hBorder);
  const boxes = new Map<number, CellBox>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = find(r * cols + c);
      const b = boxes.get(k);
      const [x0, x1, y0, y1] = [xs[c]!, xs[c + 1]!, ys[r]!, ys[r + 1]!];
      if (b) boxes.set(k, { x0: Math.min(b.x0, x0), y0: Math.min(b.y0, y0), x1: Math.max(b.x1, x1), y1: Math.max(b.y1, y1) });
      else boxes.set(k, { x0, y0, x1, y1 });
    }
  }
  return [...boxes.values()];
}

/** A cell's ink as placed on the sheet: where it came from on the page, where it went. */
export interface SheetPiece {
  /** Top-left of the piece on the page, and on the sheet. */
  pageX: number;
  pageY: number;
  sheetX: number;
  sheetY: number;
  width: number;
  height: number;
}

/**
 * The cells' ink cut out of the (erased) page and set one under another on a white sheet, a
 * little white between them: tesseract then reads each cell as its own lines, never a line across
 * cells, and never a border. Blank cells are left out. (Setting a row's cells on one line instead,
 * a cell's width apart, read 83.0 % of dev tables 1–10 right: tesseract took the column of row
 * numbers for a block of its own and misread it.)
 */
export function cellSheet(image: GreyImage, cells: CellBox[], dpi: number): { image: GreyImage; pieces: SheetPiece[] } | null {
  const { width, grey } = image;
  // white between the cells: tesseract skips some short lines of a sheet as noise, and which ones
  // depends on the spacing (the annex fixture: 8 of its 13 rows lost a cell at 0.08 or 0.05 inch
  // and at 0.2, none at 0.03 and 2 at 0.04; dev tables 1–10 then read 94.7 % of cells right)
  const margin = Math.round(0.03 * dpi);
  const pieces: SheetPiece[] = [];
  let y = margin;
  let sheetWidth = 0;
  for (const cell of cells) {
    // the cell's ink: the box of its dark pixels inside the borders
    let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
    for (let py = Math.ceil(cell.y0) + 1; py < Math.floor(cell.y1); py++) {
      for (let px = Math.ceil(cell.x0) + 1; px < Math.floor(cell.x1); px++) {
        if (grey[py * width + px]! < INK) {
          if (px < x0) x0 = px;
          if (px > x1) x1 = px;
          if (py < y0) y0 = py;
          if (py > y1) y1 = py;
        }
      }
    }
    if (x1 < 0 || (x1 - x0 < 2 && y1 - y0 < 2)) continue;
    const pad = Math.round(0.02 * dpi);
    const [ax, ay] = [Math.max(Math.ceil(cell.x0) + 1, x0 - pad), Math.max(Math.ceil(cell.y0) + 1, y0 - pad)];
    const [bx, by] = [Math.min(Math.floor(cell.x1) - 1, x1 + pad), Math.min(Math.floor(cell.y1) - 1, y1 + pad)];
    pieces.push({ pageX: ax, pageY: ay, sheetX: margin, sheetY: y, width: bx - ax + 1, height: by - ay + 1 });
    y += by - ay + 1 + margin;
    sheetWidth = Math.max(sheetWidth, bx - ax + 1 + 2 * margin);
  }
  if (pieces.length === 0) return null;
  const sheet = new Uint8Array(sheetWidth * y).fill(255);
  for (const p of pieces) {
    for (let r = 0; r < p.height; r++) {
      const from = (p.pageY + r) * width + p.pageX;
      sheet.set(grey.subarray(from, from + p.width), (p.sheetY + r) * sheetWidth + p.sheetX);
    }
  }
  return { image: { width: sheetWidth, height: y, grey: sheet }, pieces };
}
