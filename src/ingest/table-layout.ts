/**
 * Tables on a laid-out page (PDF text layer; OCR words the same way): which runs of text form a
 * table, and which cell each run belongs to. Where the table is drawn with ruling lines, the lines
 * give the grid and its merged cells (a border missing between two grid cells merges them); where
 * it is not, columns come from the gaps that no data row writes across, and the header's cells from
 * which columns each header line covers. A table is written as the text every format writes: one
 * row per line, cells tab-separated, a merged cell's other places empty (segment/tables.ts reads it
 * back, header paths included).
 *
 * Coordinates are page coordinates, origin at the top left, y growing downwards.
 */
import { median, quantile, segmentText, makeSegment, sortedNumbers, type Join, type PageLayout, type PlacedLine, type Run, type Segment } from './layout.js';

/** A horizontal (`y0 === y1`) or vertical (`x0 === x1`) line drawn on the page. */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A table found on a page: its rows of cells, each cell the runs it holds (null: a merged cell's other place). */
export interface PageTable {
  top: number;
  bottom: number;
  rows: (Run[] | null)[][];
}

/** pdf.js's `DrawOPS` inside a `constructPath` (moveTo, lineTo, curveTo, quadraticCurveTo, closePath). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * The straight horizontal and vertical lines an operator list draws (strokes, and the long edges of
 * thin filled rectangles, which some writers draw borders as), in viewport coordinates.
 * `ops` are pdf.js's operator codes; `viewport` its viewport transform.
 */
export function rulingsFromOperators(
  fnArray: number[],
  argsArray: unknown[],
  ops: { save: number; restore: number; transform: number; constructPath: number; endPath: number },
  viewport: number[],
): Ruling[] {
  const out: Ruling[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(argsArray[i] as Matrix, ctm);
    else if (fn === ops.constructPath) {
      const [paint, [data]] = argsArray[i] as [number, (ArrayLike<number> | null)[]];
      if (paint === ops.endPath || !data) continue; // a clip, drawing nothing
      const m = multiply(ctm, viewport as Matrix);
      const at = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
      let start: [number, number] | null = null;
      let last: [number, number] | null = null;
      const edge = (a: [number, number], b: [number, number]) => {
        if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= 3) out.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: (a[1] + b[1]) / 2, y1: (a[1] + b[1]) / 2 });
        else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= 3) out.push({ x0: (a[0] + b[0]) / 2, x1: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
      };
      for (let k = 0; k < data.length; ) {
        const op = data[k++];
        if (op === DRAW.moveTo) last = start = at(data[k++]!, data[k++]!);
        else if (op === DRAW.lineTo) {
          const p = at(data[k++]!, data[k++]!);
          if (last) edge(last, p);
          last = p;
        } else if (op === DRAW.curveTo) {
          last = at(data[k + 4]!, data[k + 5]!);
          k += 6;
        } else if (op === DRAW.quadraticCurveTo) {
          last = at(data[k + 2]!, data[k + 3]!);
          k += 4;
        } else if (op === DRAW.closePath) {
          if (last && start) edge(last, start);
          last = start;
        } else break;
      }
    }
  }
  return out;
}

export interface PageTables {
  /** The page's segments left for running text. */
  segments: Segment[];
  tables: PageTable[];
  joinWithSpace: boolean;
}

/**
 * A page's tables and the segments left for running text: by column alignment, and with ruling
 * lines (`rulings`, read only then: a PDF's operator list costs most of what its text layer cost)
 * when alignment leaves lines of three cells or more unread. On OCR'd pages (`ocr`) `rulings` are
 * the grid found in the image (scan-rulings.ts), and only that grid is read.
 */
/**
 * Whether tables without ruling lines are looked for on OCR'd pages. Off: on scans the alignment
 * reading got 14–26 % of cells right (`npm run eval -- tables`), and on the scan set's prose pages
 * it took justified lines for table rows, which lowered their word accuracy (clean 300 dpi: 98.88 %
 * → 98.60 %, `npm run eval -- scans`). An OCR'd page's tables come from the grid found in its image
 * (`rulings`, scan-rulings.ts), and a page without one is left as it is (docs/tables.md).
 */
export const SCANNED_TABLES = false;

export async function splitTables(segments: Segment[], ocr: boolean, rulings?: () => Promise<Ruling[]>): Promise<PageTables> {
  const joinWithSpace = segments[0]?.joinWithSpace ?? false;
  const runs: Run[] = [];
  for (const seg of segments) for (const r of seg.runs) runs.push(r);
  const none = { segments, tables: [], joinWithSpace };
  const imageGrid = ocr && !SCANNED_TABLES ? ((await rulings?.()) ?? []) : [];
  if (ocr && !SCANNED_TABLES && imageGrid.length === 0) return none;
  if (imageGrid.length === 0 && !mayHoldTable(runs)) return none;
  let found = findPageTables(runs, imageGrid, ocr, imageGrid.length === 0);
  if (!ocr && rulings && found.unread) found = findPageTables(runs, await rulings());
  if (found.tables.length === 0) return { segments, tables: [], joinWithSpace };
  // the running text keeps its own segments (OCR's lines), less the runs the tables took, and
  // less the border strokes OCR'd as `|` within a table's rows
  const kept = new Set<Run>(ocr ? found.rest.map((r) => originOf.get(r) ?? r) : found.rest);
  for (const r of runs) if (ocr && BAR_ONLY.test(r.text)) kept.add(r);
  const inTable = (r: Run) => found.tables.some((t) => r.top >= t.top - 1 && r.bottom <= t.bottom + 1);
  const keep = (r: Run) => kept.has(r) && !(ocr && BAR_ONLY.test(r.text) && inTable(r));
  const rest: Segment[] = [];
  for (const seg of segments) {
    const runs = seg.runs.filter(keep);
    if (runs.length === seg.runs.length) rest.push(seg);
    else if (runs.length > 0) rest.push(makeSegment(runs, seg.joinWithSpace));
  }
  return { segments: rest, tables: found.tables, joinWithSpace };
}

/**
 * The tables of a page, and the runs left for running text. Ruled tables first; then, among the
 * rest, blocks of rows aligned in columns.
 */
export function findPageTables(runs: Run[], rulings: Ruling[], ocr = false, aligned = true): { tables: PageTable[]; rest: Run[]; unread: boolean } {
  const tables: PageTable[] = [];
  let rest = ocr ? runs.flatMap(withoutBars) : runs;
  for (const grid of grids(rulings)) {
    const found = ruledTable(grid, rest);
    if (!found) continue;
    tables.push(found.table);
    rest = found.rest;
  }
  if (!aligned) return { tables: tables.sort((a, b) => a.top - b.top), rest, unread: false };
  const found = alignedTables(rest, ocr);
  tables.push(...found.tables);
  return { tables: tables.sort((a, b) => a.top - b.top), rest: found.rest, unread: found.unread };
}

/** A cell border OCR'd as a character: `|` alone, or stuck to a word (`|Xã`, `59|`). */
const BAR = /^[|¦]+|[|¦]+$/gu;
const BAR_ONLY = /^[|¦]+$/u;
/** The OCR word a word without its border strokes was made from. */
const originOf = new WeakMap<Run, Run>();

/** An OCR word without the border strokes read into it (its box narrowed by their share). */
function withoutBars(run: Run): Run[] {
  const text = run.text.replace(BAR, '');
  if (text === run.text) return [run];
  if (text.trim() === '') return [];
  const per = (run.x1 - run.x0) / run.text.length;
  const lead = run.text.length - run.text.replace(/^[|¦]+/u, '').length;
  const clean = { ...run, text, x0: run.x0 + lead * per, x1: run.x0 + (lead + text.length) * per };
  originOf.set(clean, run);
  return [clean];
}

// ---------------------------------------------------------------- ruled tables

interface Grid {
  xs: number[];
  ys: number[];
  h: Ruling[];
  v: Ruling[];
}

const TOL = 2;

/** Groups of rulings that touch one another, as grids: at least two lines each way. */
function grids(rulings: Ruling[]): Grid[] {
  const n = rulings.length;
  if (n < 4) return [];
  const parent = rulings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touch = (a: Ruling, b: Ruling) => a.x0 - TOL <= b.x1 && b.x0 - TOL <= a.x1 && a.y0 - TOL <= b.y1 && b.y0 - TOL <= a.y1;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (touch(rulings[i]!, rulings[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, Ruling[]>();
  rulings.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const out: Grid[] = [];
  for (const group of groups.values()) {
    const h = group.filter((r) => r.y0 === r.y1);
    const v = group.filter((r) => r.x0 === r.x1);
    const ys = cluster(h.map((r) => r.y0));
    const xs = cluster(v.map((r) => r.x0));
    if (xs.length >= 3 && ys.length >= 3) out.push({ xs, ys, h, v });
  }
  return out;
}

/** Distinct positions, positions closer than TOL taken as one (a doubled border, a thin rectangle's two edges). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! < TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => median(c));
}

/**
 * The cells of a grid of `rows` × `cols` places (row-major): places with no border between them are one cell, owned by
 * its top-left place. Returns each place's owner.
 */
export function mergedCells(
  rows: number,
  cols: number,
  vBorder: (col: number, row: number) => boolean,
  hBorder: (row: number, col: number) => boolean,
): (place: number) => number {
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    // the top-left place of a merged cell stays its owner
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vBorder(c + 1, r)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hBorder(r + 1, c)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  return find;
}

function ruledTable(grid: Grid, runs: Run[]): { table: PageTable; rest: Run[] } | null {
  const { xs, ys, h, v } = grid;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // a border between two grid cells is there when a ruling covers its middle
  const vBorder = (col: number, row: number) => {
    const x = xs[col]!;
    const y = (ys[row]! + ys[row + 1]!) / 2;
    return v.some((r) => Math.abs(r.x0 - x) < TOL && r.y0 - TOL <= y && y <= r.y1 + TOL);
  };
  const hBorder = (row: number, col: number) => {
    const y = ys[row]!;
    const x = (xs[col]! + xs[col + 1]!) / 2;
    return h.some((r) => Math.abs(r.y0 - y) < TOL && r.x0 - TOL <= x && x <= r.x1 + TOL);
  };
  const id = (r: number, c: number) => r * cols + c;
  const find = mergedCells(rows, cols, vBorder, hBorder);
  const cells: Run[][] = Array.from({ length: rows * cols }, () => []);
  const rest: Run[] = [];
  const locate = (value: number, edges: number[]) => {
    for (let k = 0; k + 1 < edges.length; k++) if (value >= edges[k]! && value < edges[k + 1]!) return k;
    return -1;
  };
  let inside = 0;
  for (const run of runs) {
    const c = locate((run.x0 + run.x1) / 2, xs);
    const r = locate((run.top + run.bottom) / 2, ys);
    if (c < 0 || r < 0) {
      rest.push(run);
      continue;
    }
    cells[find(id(r, c))]!.push(run);
    inside++;
  }
  // a frame drawn around a paragraph or an empty form is not a table of data
  if (inside === 0) return null;
  const table: PageTable = { top: ys[0]!, bottom: ys.at(-1)!, rows: [] };
  for (let r = 0; r < rows; r++) {
    const row: (Run[] | null)[] = [];
    for (let c = 0; c < cols; c++) row.push(find(id(r, c)) === id(r, c) ? cells[id(r, c)]! : null);
    // a grid row whose every place is covered by cells above (a row of a merged block) is no row
    if (row.some((cell) => cell !== null)) table.rows.push(row);
  }
  return { table, rest };
}

// ---------------------------------------------------------------- tables without ruling lines

/** Runs of one row closer than this many font sizes are one chunk (words of one cell). */
const WORD_GAP = 0.45;
const NUMERIC = /^(?:[≥≤<>]=?\s*)?[-+−]?\d[\d.,]*\s*%?$/u;
const NUMBERING = /^\(?(?:\d{1,2}|[A-ZĐ])\)?$/u;
const CAPTION = /^(?:phụ lục|biểu|bảng)\b|đơn vị tính|^\(?đvt\b/iu;

interface Chunk {
  runs: Run[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  text: string;
}

interface Line {
  chunks: Chunk[];
  baseline: number;
  size: number;
  /**
   * `isNumberingLine`, `isDataLine`: asked of every line many times over, answered once (`data` is
   * also set on a row with empty cells under data lines: `sparseRow`).
   */
  numbering?: boolean;
  data?: boolean;
}

function chunkOf(runs: Run[]): Chunk {
  const seg = makeSegment(runs, false);
  let top = Infinity;
  let bottom = -Infinity;
  for (const r of runs) {
    if (r.top < top) top = r.top;
    if (r.bottom > bottom) bottom = r.bottom;
  }
  return {
    runs,
    x0: seg.x0,
    x1: seg.x1,
    top,
    bottom,
    baseline: seg.baseline,
    size: seg.size,
    text: segmentText(seg).trim(),
  };
}

/** Runs grouped into lines (one baseline) of chunks (runs without a wide gap between them). */
function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g[0]!.baseline - run.baseline) < 0.35 * Math.max(g[0]!.size, run.size)) g.push(run);
    else groups.push([run]);
  }
  // cells of one row set a little higher or lower (a cell wrapped to two lines, its neighbours
  // centred on them) are one line, as long as they do not stand over one another
  const merged: Run[][] = [];
  for (const g of groups) {
    const last = merged.at(-1);
    let size = 0;
    for (const r of g) if (r.size > size) size = r.size;
    // (`last` is in baseline order: its median is its middle run's)
    const apart = last && Math.abs(last[Math.round(0.5 * (last.length - 1))]!.baseline - g[0]!.baseline) < 0.8 * size;
    if (last && apart && !g.some((r) => last.some((o) => r.x0 < o.x1 && o.x0 < r.x1))) last.push(...g);
    else merged.push(g);
  }
  return merged.map((g) => {
    g.sort((a, b) => a.x0 - b.x0);
    const chunks: Chunk[] = [];
    let current: Run[] = [];
    for (const run of g) {
      const last = current.at(-1);
      if (last && run.x0 - last.x1 > WORD_GAP * Math.max(last.size, run.size)) {
        chunks.push(chunkOf(current));
        current = [];
      }
      current.push(run);
    }
    if (current.length > 0) chunks.push(chunkOf(current));
    return { chunks, baseline: median(chunks.map((c) => c.baseline)), size: median(chunks.map((c) => c.size)) };
  });
}

/** Two lines with three chunks or more: the page may hold a table (the cheap test before anything else). */
export function mayHoldTable(runs: Run[]): boolean {
  // no chunk objects: runs on one baseline, counting the wide gaps between them
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  let wide = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && Math.abs(sorted[j]!.baseline - sorted[i]!.baseline) < 0.35 * Math.max(sorted[i]!.size, sorted[j]!.size)) j++;
    if (j - i >= 3) {
      const line = sorted.slice(i, j).sort((a, b) => a.x0 - b.x0);
      let chunks = 1;
      for (let k = 1; k < line.length; k++) if (line[k]!.x0 - line[k - 1]!.x1 > WORD_GAP * Math.max(line[k]!.size, line[k - 1]!.size)) chunks++;
      if (chunks >= 3 && ++wide >= 2) return true;
    }
    i = j;
  }
  return false;
}

/**
 * `(1) (2) (3)…` or `1 2 3…`, the numbers increasing; two thirds of them are enough when the
 * others are as short (OCR's `G)` for `(1)`).
 */
const numberingOf = (line: Line) => {
  // (a label is at most four characters, `(12)`, any other chunk at most three: a data row's name
  // rules it out before any regex)
  if (line.chunks.some((c) => c.text.length > 4)) return false;
  const labels = line.chunks.filter((c) => NUMBERING.test(c.text));
  const numbers = labels.map((c) => /\d+/u.exec(c.text)?.[0]).filter((n) => n !== undefined).map(Number);
  if (!numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)) return false;
  return line.chunks.length >= 3 && (labels.length === line.chunks.length || (labels.length >= (2 * line.chunks.length) / 3 && line.chunks.every((c) => c.text.length <= 3)));
};

/** A row of figures: three chunks or more, one a figure, and not a numbering row. */
const dataOf = (line: Line) => line.chunks.length >= 3 && line.chunks.some((c) => NUMERIC.test(c.text)) && !isNumberingLine(line);

const isNumberingLine = (line: Line) => (line.numbering ??= numberingOf(line));
const isDataLine = (line: Line) => (line.data ??= dataOf(line));

/**
 * Blocks of at least two data lines (three or more chunks, one a figure) one under the other; the
 * lines above them that sit within the block's columns are its header.
 */
/** `unread`: lines of three chunks or more (two at least: a table has rows) are left out of the tables found. */
function alignedTables(runs: Run[], ocr: boolean): { tables: PageTable[]; rest: Run[]; unread: boolean } {
  const lines = linesOf(runs);
  if (lines.length === 0) return { tables: [], rest: runs, unread: false };
  const pitch = quantile(
    lines.slice(1).map((l, i) => l.baseline - lines[i]!.baseline).filter((d) => d > 0),
    0.3,
  );
  const used = new Set<Line>();
  const tables: PageTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isDataLine(lines[i]!) || used.has(lines[i]!)) continue;
    // the data lines: data lines, and the lines continuing a row's text cells, close one under the other
    let end = i + 1;
    let dataCount = 1;
    let full = lines[i]!;
    const sparse: Line[] = [];
    while (end < lines.length && lines[end]!.baseline - lines[end - 1]!.baseline < 2.2 * Math.max(pitch, lines[end]!.size)) {
      const l = lines[end]!;
      if (isDataLine(l)) {
        dataCount++;
        if (l.chunks.length >= 3) full = l;
      } else if (sparseRow(l, full)) {
        // a row with empty cells (two of a three-column table's) is a row all the same
        sparse.push(l);
        dataCount++;
      } else if (!continuesAbove(l, lines[end - 1]!) && !figureTails(l, lines[end - 1]!)) break;
      end++;
    }
    // one data line is a table when a header stands over it (the last row, on a page of its own)
    const headed = i > 0 && lines[i - 1]!.chunks.length >= 2 && !used.has(lines[i - 1]!) && lines[i]!.baseline - lines[i - 1]!.baseline < 2.5 * Math.max(pitch, lines[i]!.size);
    if (dataCount < 2 && !headed) continue;
    const data = lines.slice(i, end);
    const columns = columnsOf(data);
    if (columns.length < 3) continue;
    for (const l of sparse) l.data = true;
    const left = columns[0]![0];
    const right = columns.at(-1)![1];
    const em = median(data.map((l) => l.size));
    // header lines: above the data, close, within the columns, not a caption
    let start = i;
    while (start > 0) {
      const l = lines[start - 1]!;
      if (used.has(l) || lines[start]!.baseline - l.baseline > 2.5 * Math.max(pitch, l.size)) break;
      // a caption (`Phụ lục`, `Đơn vị tính`, its next line set larger than the table) or a line of
      // running text (`… như sau:`, as wide as the table) is no heading
      const prose = l.chunks.length === 1 && (l.chunks[0]!.x1 - l.chunks[0]!.x0 > 0.75 * (right - left) || /:$/u.test(l.chunks[0]!.text));
      // (an OCR'd line's size is its height, too uneven to tell a caption by)
      if (prose || l.chunks.some((c) => c.x0 < left - 2 * em || CAPTION.test(c.text) || (!ocr && c.size > 1.15 * em))) break;
      start--;
    }
    const header = lines.slice(start, i);
    lines.slice(start, end).forEach((l) => used.add(l));
    tables.push(alignedTable(header, data, columns));
  }
  const left = lines.filter((l) => !used.has(l));
  const unread = left.filter((l) => l.chunks.length >= 3).length >= 2;
  const rest: Run[] = [];
  for (const l of left) for (const c of l.chunks) for (const r of c.runs) rest.push(r);
  return { tables, rest, unread };
}

/** The ends of figures wrapped in narrow cells (`48.33` over `8`, `72,67` over `%`), just under them. */
function figureTails(line: Line, above: Line): boolean {
  if (line.baseline - above.baseline > 1.25 * line.size) return false;
  return line.chunks.every((c) => /^[\d.,]{1,3}%?$|^%$/u.test(c.text) && above.chunks.some((p) => NUMERIC.test(p.text) && p.x0 < c.x1 && c.x0 < p.x1));
}

/**
 * A row of a table with cells left empty, too few chunks for a data line: two chunks or more, one a
 * figure, each standing in a cell of the last full row above (over one of its chunks).
 */
function sparseRow(line: Line, full: Line): boolean {
  if (line.chunks.length < 2 || !line.chunks.some((c) => NUMERIC.test(c.text)) || isNumberingLine(line)) return false;
  return line.chunks.every((c) => full.chunks.some((f) => c.x0 < f.x1 && f.x0 < c.x1));
}

/**
 * A line continuing the text cells of the line above (a commune's name wrapped in its cell): close
 * under it, no figure, each chunk under a text chunk of that line, aligned with it left or centre.
 */
function continuesAbove(line: Line, above: Line): boolean {
  if (line.baseline - above.baseline > 1.6 * line.size || line.chunks.length > 2) return false;
  return line.chunks.every((c) => {
    if (NUMERIC.test(c.text)) return false;
    const mid = (c.x0 + c.x1) / 2;
    const over = above.chunks.find((a) => Math.abs(a.x0 - c.x0) < 0.6 * c.size || Math.abs((a.x0 + a.x1) / 2 - mid) < c.size);
    // a figure's `%` wrapped under it continues it too
    return over !== undefined && (!NUMERIC.test(over.text) || c.text === '%') && c.x1 - c.x0 <= over.x1 - over.x0 + 2 * c.size;
  });
}

/**
 * Column extents: the x ranges the data lines write in, split where (almost) no line writes
 * across; a total row's `Tổng cộng` across the first two columns does not join them.
 */
function columnsOf(data: Line[]): [number, number][] {
  // the lines with the most cells: a total row's `Tổng cộng` across two columns has one less
  const lines = data.filter(isDataLine);
  const most = Math.max(...lines.map((l) => l.chunks.length));
  const rows = lines.filter((l) => l.chunks.length === most);
  const threshold = Math.floor(0.15 * rows.length);
  // the chunks' left and right edges in x order, a left edge before a right one at the same x
  const x0s: number[] = [];
  const x1s: number[] = [];
  for (const l of rows) {
    for (const c of l.chunks) {
      x0s.push(c.x0);
      x1s.push(c.x1);
    }
  }
  const [starts, ends] = [sortedNumbers(x0s), sortedNumbers(x1s)];
  const count = x0s.length;
  const out: [number, number][] = [];
  let depth = 0;
  let open: number | null = null;
  for (let i = 0, j = 0; i < count || j < count; ) {
    const opens = i < count && (j >= count || starts[i]! <= ends[j]!);
    const x = opens ? starts[i++]! : ends[j++]!;
    depth += opens ? 1 : -1;
    if (depth > threshold && open === null) open = x;
    else if (depth <= threshold && open !== null) {
      out.push([open, x]);
      open = null;
    }
  }
  return out;
}

/**
 * Where the cell borders between columns likely are: figures are set right-aligned, centred or
 * left-aligned in their cells, and the border stands a cell's padding from the aligned edge (right
 * of right-aligned figures, left of left-aligned text), or midway between two centred columns.
 */
function borders(data: Line[], columns: [number, number][]): number[] {
  const em = median(data.map((l) => l.size));
  const pad = 0.4 * em;
  const all: Chunk[] = [];
  for (const l of data) for (const c of l.chunks) all.push(c);
  // each column's chunks: the spread of their left edges, right edges and centres (one pass, no
  // closures: this runs for every column of every table)
  const align = columns.map(([a, b]) => {
    const centres: number[] = [];
    let [x0Min, x0Max, x1Min, x1Max, midMin, midMax] = [Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity];
    for (const c of all) {
      if (c.x0 < a - 0.5 || c.x1 > b + 0.5) continue;
      const mid = (c.x0 + c.x1) / 2;
      centres.push(mid);
      x0Min = Math.min(x0Min, c.x0);
      x0Max = Math.max(x0Max, c.x0);
      x1Min = Math.min(x1Min, c.x1);
      x1Max = Math.max(x1Max, c.x1);
      midMin = Math.min(midMin, mid);
      midMax = Math.max(midMax, mid);
    }
    if (centres.length < 2) return { side: 'centre' as const, centre: (a + b) / 2 };
    const [left, right, centre] = [x0Max - x0Min, x1Max - x1Min, midMax - midMin];
    // figures all of one width (`73,05`, `91,94`) line up on every side: their alignment is not
    // known, and the border is left midway rather than a padding from one side
    const side =
      Math.max(left, right, centre) - Math.min(left, right, centre) < 0.1 * em
        ? ('unknown' as const)
        : right <= Math.min(left, centre)
          ? ('right' as const)
          : left <= centre
            ? ('left' as const)
            : ('centre' as const);
    return { side, centre: median(centres) };
  });
  return columns.slice(1).map((c, j) => {
    const [gapLeft, gapRight] = [columns[j]![1], c[0]];
    const [a, b] = [align[j]!, align[j + 1]!];
    let border = (gapLeft + gapRight) / 2;
    if (a.side === 'right' && b.side !== 'left') border = Math.min(gapLeft + pad, border);
    else if (b.side === 'left' && a.side !== 'right') border = Math.max(gapRight - pad, border);
    else if (a.side === 'centre' && b.side === 'centre') border = Math.min(Math.max((a.centre + b.centre) / 2, gapLeft), gapRight);
    return border;
  });
}

/** The columns a chunk covers: those of which it covers a good part, or the one its middle is in. */
function covered(chunk: Chunk, bounds: number[]): [number, number] {
  const cols: number[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const overlap = Math.min(chunk.x1, bounds[k + 1]!) - Math.max(chunk.x0, bounds[k]!);
    if (overlap > 0.25 * Math.min(chunk.x1 - chunk.x0, bounds[k + 1]! - bounds[k]!)) cols.push(k);
  }
  if (cols.length === 0) {
    const mid = (chunk.x0 + chunk.x1) / 2;
    const k = Math.max(0, bounds.findIndex((b) => b > mid) - 1);
    return [k, k];
  }
  return [cols[0]!, cols.at(-1)!];
}

function alignedTable(header: Line[], data: Line[], columns: [number, number][]): PageTable {
  // the boundary between two columns: the middle of the gap between them
  const bounds = [-Infinity, ...borders(data, columns), Infinity];
  const n = columns.length;
  const out: (Run[] | null)[][] = [];
  // header: the lines of a wrapped heading are one block; each block hangs under the closest block
  // above it (lowest first, then nearest across), and covers the columns of the blocks hanging under
  // it (`Số hồ sơ tiếp nhận` over `Trực tuyến | Trực tiếp`), or, with none, its middle's column
  const numbering = header.filter(isNumberingLine);
  const chunks = header.filter((l) => !numbering.includes(l)).flatMap((l) => l.chunks).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  interface Block {
    chunks: Chunk[];
    x0: number;
    x1: number;
    top: number;
    bottom: number;
    parent: Block | null;
    range: [number, number];
  }
  const blocks: Block[] = [];
  const figuresUnder = (x: { x0: number; x1: number }) => columns.map((col, k) => (x.x0 < col[1] - 1 && col[0] + 1 < x.x1 ? k : -1)).filter((k) => k >= 0).join();
  for (const c of chunks) {
    // a heading's next line: just under it, centred on it, or left-aligned with it over the same
    // columns of figures (a heading over two columns and the first sub-heading under it may
    // happen to start at the same x)
    let wrapped: Block | undefined;
    for (const b of blocks) {
      const last = b.chunks.at(-1)!;
      const next = c.baseline - last.baseline;
      const centred = Math.abs(mid(last) - mid(c)) < c.size;
      const left = Math.abs(last.x0 - c.x0) < 0.5 * c.size && figuresUnder(last) === figuresUnder(c);
      if (next > 0.5 * c.size && next <= 1.3 * c.size && (centred || left)) {
        wrapped = b;
        break;
      }
    }
    if (wrapped) {
      wrapped.chunks.push(c);
      wrapped.x0 = Math.min(wrapped.x0, c.x0);
      wrapped.x1 = Math.max(wrapped.x1, c.x1);
      wrapped.bottom = Math.max(wrapped.bottom, c.bottom);
    } else blocks.push({ chunks: [c], x0: c.x0, x1: c.x1, top: c.top, bottom: c.bottom, parent: null, range: [0, 0] });
  }
  // a block's cell: cells do not overlap, so a heading covers at least the columns whose figures
  // it stands over (or, over none, the nearest one); it covers more when it would otherwise cut
  // the cell of a block below it, or when two blocks just under it fit in the wider cell, and is
  // then centred over the columns it covers
  const edge = (k: number) => (k <= 0 ? columns[0]![0] : k >= n ? columns[n - 1]![1] : bounds[k]!);
  const over = (b: Block) => columns.map((c, k) => (b.x0 < c[1] - 1 && c[0] + 1 < b.x1 ? k : -1)).filter((k) => k >= 0);
  const nearest = (b: Block) => {
    const d = columns.map((c) => Math.max(0, c[0] - mid(b), mid(b) - c[1]));
    return d.indexOf(Math.min(...d));
  };
  const done: Block[] = [];
  for (const block of [...blocks].sort((p, q) => q.top - p.top)) {
    const below = done.filter((c) => c.top >= block.bottom - 1);
    const cols = over(block);
    const least: [number, number] = cols.length > 0 ? [cols[0]!, cols.at(-1)!] : [nearest(block), nearest(block)];
    const cuts = (from: number, to: number) => below.some((c) => c.range[0] <= to && c.range[1] >= from && (c.range[0] < from || c.range[1] > to));
    // the blocks just under it (and under its text): a heading over two of them or more is what a
    // merged heading is
    const size = block.chunks[0]!.size;
    const under = below.filter((c) => c.top - block.bottom < 1.5 * size);
    const next = under.filter((c) => c.x0 < block.x1 + size && block.x0 - size < c.x1);
    // a heading narrower than its two sub-headings' cells may stand over neither's text (or one's
    // only), but midway between them (centred on the border between their cells)
    const leftOf = under.filter((c) => c.x1 <= block.x0).sort((p, q) => q.x1 - p.x1)[0];
    const rightOf = under.filter((c) => c.x0 >= block.x1).sort((p, q) => p.x0 - q.x0)[0];
    if (leftOf && rightOf && Math.abs((mid(leftOf) + mid(rightOf)) / 2 - mid(block)) <= 0.15 * (mid(rightOf) - mid(leftOf))) {
      for (const c of [leftOf, rightOf]) if (!next.includes(c)) next.push(c);
    }
    const holds = (from: number, to: number) => next.filter((c) => c.range[0] >= from && c.range[1] <= to).length;
    const needed = cuts(...least);
    const enough = holds(...least) >= 2;
    let best = least;
    if (needed || !enough) search: for (let width = least[1] - least[0] + 1; width < n; width++) {
      for (let from = Math.max(0, least[1] - width); from <= Math.min(least[0], n - 1 - width); from++) {
        const to = from + width;
        const [left, right] = [edge(from), edge(to + 1)];
        if (Math.abs((left + right) / 2 - mid(block)) <= 0.15 * (right - left) && !cuts(from, to) && (needed || (!enough && holds(from, to) >= 2))) {
          best = [from, to];
          break search;
        }
      }
    }
    block.range = best;
    done.push(block);
  }
  // a block hangs under the lowest block above it whose cell covers its own
  for (const c of blocks) {
    const above = blocks.filter((p) => p !== c && p.bottom <= c.top + 1 && p.range[0] <= c.range[0] && p.range[1] >= c.range[1]);
    c.parent = above.sort((p, q) => q.bottom - p.bottom)[0] ?? null;
  }
  const levelOf = (b: Block): number => (b.parent ? 1 + levelOf(b.parent) : 0);
  const levels = blocks.map(levelOf);
  const depth = blocks.length > 0 ? Math.max(...levels) + 1 : 0;
  for (let l = 0; l < depth; l++) {
    const row = emptyRow(n);
    blocks.forEach((block, k) => {
      if (levels[k] !== l) return;
      const [from, to] = block.range;
      row[from] = [...(row[from] ?? []), ...block.chunks.flatMap((c) => c.runs)];
      for (let j = from + 1; j <= to; j++) row[j] = null;
    });
    out.push(row);
  }
  for (const line of numbering) out.push(placeRow(line, bounds, n));
  // data: a line with no figure after a data line continues its text cells (a wrapped name)
  // and a line of figure ends just under figures (`48.33` over `8`: a figure wrapped in a narrow
  // cell) continues their cells
  let last: (Run[] | null)[] | null = null;
  let previous: Line | null = null;
  for (const line of data) {
    const tails = previous !== null && figureTails(line, previous);
    previous = line;
    if ((!isDataLine(line) || tails) && last) {
      for (const chunk of line.chunks) {
        const [from] = covered(chunk, bounds);
        const cell = last[from];
        if (cell) cell.push(...chunk.runs);
        else last[from] = [...chunk.runs];
      }
      continue;
    }
    last = placeRow(line, bounds, n);
    out.push(last);
  }
  let top = Infinity;
  let bottom = -Infinity;
  for (const l of [...header, ...data]) {
    for (const c of l.chunks) {
      if (c.top < top) top = c.top;
      if (c.bottom > bottom) bottom = c.bottom;
    }
  }
  return { top, bottom, rows: out };
}

/** A row of `n` empty cells (a loop: `Array.from` with a callback is slow in a hot path). */
function emptyRow(n: number): (Run[] | null)[] {
  const row: (Run[] | null)[] = [];
  for (let k = 0; k < n; k++) row.push([]);
  return row;
}

/** A line's chunks at their columns; a chunk across several columns (`Tổng cộng`) at the first. */
function placeRow(line: Line, bounds: number[], n: number): (Run[] | null)[] {
  const row = emptyRow(n);
  for (const chunk of line.chunks) {
    const mid = (chunk.x0 + chunk.x1) / 2;
    const [from, to] = covered(chunk, bounds);
    const k = from === to ? from : Math.max(from, Math.min(to, bounds.findIndex((b) => b > mid) - 1));
    row[from < to && NUMERIC.test(chunk.text) ? k : from]!.push(...chunk.runs);
  }
  return row;
}

// ---------------------------------------------------------------- writing

/**
 * The page's lines with its tables put in at their place (before the first line below the table's
 * top): each row a line, cells tab-separated, a cell's lines joined by a space.
 */
export function placeTables(layout: PageLayout, tables: PageTable[], joinWithSpace: boolean): PageLayout {
  if (tables.length === 0) return layout;
  const lines: PlacedLine[] = [];
  let pendingTable = 0;
  let afterTable = false;
  const put = (line: PlacedLine) => {
    lines.push(afterTable ? { ...line, join: '\n\n' } : line);
    afterTable = false;
  };
  const flush = (before: number) => {
    while (pendingTable < tables.length && tables[pendingTable]!.top <= before) {
      lines.push(...tableLines(tables[pendingTable]!, joinWithSpace));
      pendingTable++;
      afterTable = true;
    }
  };
  for (const line of layout.lines) {
    flush(line.segment.baseline);
    put(line);
  }
  flush(Infinity);
  return { ...layout, lines };
}

function tableLines(table: PageTable, joinWithSpace: boolean): PlacedLine[] {
  const out: PlacedLine[] = [];
  let first = true;
  for (const row of table.rows) {
    let join = first ? '\n\n' : '\n';
    let wrote = false;
    row.forEach((cell, c) => {
      if (c > 0) join += '\t';
      if (!cell || cell.length === 0) return;
      let before = '';
      const segments = cellSegments(cell, joinWithSpace);
      for (let k = 0; k < segments.length; k++) {
        const segment = segments[k]!;
        // a cell's lines join with a space; a figure wrapped in a narrow cell (`48.33` over `8`,
        // `72,67` over `%`) is joined back without one
        const text = segmentText(segment);
        const next = /[\d.,]$/u.test(before) && /^[\d.,]*%?$/u.test(text) ? '' : ' ';
        out.push({ segment, join: (k === 0 ? join : next) as Join });
        before = text;
        join = '';
      }
      wrote = true;
    });
    if (wrote) first = false;
  }
  return out;
}

/** A cell's runs as segments, one per line of the cell, in reading order. */
function cellSegments(runs: Run[], joinWithSpace: boolean): Segment[] {
  if (runs.length === 1) return [makeSegment(runs, joinWithSpace)];
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const l = lines.at(-1);
    if (l && Math.abs(l[0]!.baseline - run.baseline) < 0.35 * Math.max(l[0]!.size, run.size)) l.push(run);
    else lines.push([run]);
  }
  return lines.map((l) => makeSegment(l.sort((a, b) => a.x0 - b.x0), joinWithSpace));
}
