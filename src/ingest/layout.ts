/**
 * Page layout to reading-order text, shared by the PDF text layer and OCR: both give runs of text
 * with page boxes, and both need the same answers to the same questions: which runs form a line,
 * whether two lines side by side are columns (the two-column header block `ỦY BAN NHÂN DÂN … |
 * CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), whether a line continues the previous one (a wrapped
 * paragraph is joined into one line, as in the seed texts) or starts a new one, and which lines
 * are page furniture (page numbers) to drop.
 *
 * Coordinates are page coordinates with the origin at the top left, y growing downwards.
 */
import type { Box, Page, TextBox } from './types.js';

export interface Run {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline y. */
  baseline: number;
  /** Font size (PDF) or line height (OCR): the unit every threshold is measured in. */
  size: number;
  confidence?: number;
}

/** Runs on one baseline with no wide gap between them. */
export interface Segment {
  runs: Run[];
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  /** How to join two neighbouring runs: PDF items carry their own spaces, OCR words do not. */
  joinWithSpace: boolean;
}

/** A gap wider than this many font sizes splits a row into segments (columns, table cells). */
const SEGMENT_GAP = 2.5;

/** Group PDF text items into segments: same baseline, no wide gap. */
export function segmentsFromRuns(runs: Run[], joinWithSpace: boolean): Segment[] {
  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.baseline - run.baseline) < 0.35 * Math.max(row[0]!.size, run.size)) row.push(run);
    else rows.push([run]);
  }
  const out: Segment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let current: Run[] = [];
    for (const run of row) {
      const last = current[current.length - 1];
      if (last && run.x0 - last.x1 > SEGMENT_GAP * Math.max(last.size, run.size)) {
        out.push(makeSegment(current, joinWithSpace));
        current = [];
      }
      current.push(run);
    }
    if (current.length > 0) out.push(makeSegment(current, joinWithSpace));
  }
  return out;
}

export function makeSegment(runs: Run[], joinWithSpace: boolean): Segment {
  // loops, not spreads and maps: a table page makes a segment of every cell's line
  const first = runs[0]!;
  let x0 = first.x0;
  let x1 = first.x1;
  for (let i = 1; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.x0 < x0) x0 = r.x0;
    if (r.x1 > x1) x1 = r.x1;
  }
  if (runs.length === 1) return { runs, x0, x1, baseline: first.baseline, size: first.size, joinWithSpace };
  const sizes: number[] = [];
  const baselines: number[] = [];
  for (const r of runs) {
    sizes.push(r.size);
    baselines.push(r.baseline);
  }
  return { runs, x0, x1, baseline: median(baselines), size: sortedNumbers(sizes)[sizes.length >> 1]!, joinWithSpace };
}

/**
 * How a line is joined to the one before it; a table row joins with `\n` and the tabs of the empty
 * cells before its first filled one (table-layout.ts), a cell with the tabs of those before it.
 */
export type Join = '' | ' ' | '\n' | '\n\n' | '\t' | `\n${string}` | `\t${string}`;

export interface PlacedLine {
  segment: Segment;
  join: Join;
}

interface Row {
  segments: Segment[];
  baseline: number;
  size: number;
}

/**
 * Order a page's segments for reading and decide how each joins the previous one.
 * `pageHeight` locates the top and bottom margins where page numbers live.
 */
export interface PageLayout {
  lines: PlacedLine[];
  /** Left and right edges of the running text. */
  left: number;
  right: number;
}

export function layoutPage(segments: Segment[], pageHeight: number): PageLayout {
  const rows = groupRows(segments);
  dropPageNumbers(rows, pageHeight);
  if (rows.length === 0) return { lines: [], left: 0, right: 0 };
  const pitch = linePitch(rows);
  const textLeft = quantile(rows.flatMap((r) => r.segments.map((s) => s.x0)), 0.1);
  const textRight = quantile(rows.flatMap((r) => r.segments.map((s) => s.x1)), 0.9);
  const out: PlacedLine[] = [];
  let prev: Segment | null = null;
  const body = (seg: Segment) => {
    out.push({ segment: seg, join: prev ? bodyJoin(prev, seg, pitch, textLeft, textRight) : '\n\n' });
    prev = seg;
  };
  // where each row's lines start in `out`, and the first row a column block may still take back (the rows after the
  // last table row or block, laid out as running text)
  const rowStart: number[] = [];
  let floor = 0;
  for (let i = 0; i < rows.length; ) {
    const row = rows[i]!;
    rowStart[i] = out.length;
    if (row.segments.length >= 3) {
      // a table row: cells in order, tab-separated, as the seed texts write tables
      row.segments.forEach((seg, k) => {
        out.push({ segment: seg, join: k === 0 ? (prev ? '\n' : '\n\n') : '\t' });
        prev = seg;
      });
      i++;
      floor = i;
      continue;
    }
    if (row.segments.length === 2) {
      const region = columnRegion(rows, i, pitch, floor);
      if (region) {
        // rows just above the block that it takes in were laid out as running text already: take them back (their
        // first line keeps the join it had)
        let firstJoin: Join | null = null;
        if (region.from < i) {
          firstJoin = out[rowStart[region.from]!]?.join ?? null;
          out.length = rowStart[region.from]!;
          prev = out.at(-1)?.segment ?? null;
        }
        // a block of two columns: all of the left column, then all of the right one
        for (const side of [0, 1] as const) {
          let first = true;
          for (let k = region.from; k < region.to; k++) {
            for (const seg of rows[k]!.segments) {
              const isLeft = seg.x1 <= region.gutter[0] + 0.01;
              if ((side === 0) !== isLeft) continue;
              const join = prev === null ? '\n\n' : first ? (side === 0 && firstJoin !== null ? firstJoin : '\n\n') : hyphenJoin(prev, seg) ?? '\n';
              out.push({ segment: seg, join });
              prev = seg;
              first = false;
            }
          }
        }
        i = region.to;
        floor = i;
        continue;
      }
    }
    for (const seg of row.segments) body(seg);
    i++;
  }
  return { lines: out, left: textLeft, right: textRight };
}

function groupRows(segments: Segment[]): Row[] {
  const sorted = [...segments].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: Row[] = [];
  for (const seg of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.baseline - seg.baseline) < 0.5 * Math.min(row.size, seg.size)) {
      row.segments.push(seg);
      row.segments.sort((a, b) => a.x0 - b.x0);
    } else {
      rows.push({ segments: [seg], baseline: seg.baseline, size: seg.size });
    }
  }
  return rows;
}

/** `2`, `- 2 -`, `Trang 2` (page 2), `2/9` alone on the first or last row, in the outer 12 %. */
const PAGE_NUMBER = /^\s*[-–—]?\s*(?:trang\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?\s*[-–—]?\s*$/iu;

function dropPageNumbers(rows: Row[], pageHeight: number): void {
  const isNumber = (row: Row | undefined, inMargin: (y: number) => boolean) =>
    row !== undefined &&
    row.segments.length === 1 &&
    inMargin(row.baseline) &&
    PAGE_NUMBER.test(segmentText(row.segments[0]!));
  if (isNumber(rows[0], (y) => y < pageHeight * 0.12)) rows.shift();
  if (isNumber(rows[rows.length - 1], (y) => y > pageHeight * 0.88)) rows.pop();
}

/** The usual distance between baselines of consecutive lines of running text. */
function linePitch(rows: Row[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const d = rows[i]!.baseline - rows[i - 1]!.baseline;
    if (d > 0.5 * rows[i]!.size && d < 2.2 * rows[i]!.size) gaps.push(d);
  }
  return gaps.length > 0 ? quantile(gaps, 0.3) : 1.2 * median(rows.map((r) => r.size));
}

/**
 * The rows from `start` on (and any single-side rows just above it) that keep a vertical gutter
 * free of text: a column block. Null when the block would be a single row of a running line.
 */
function columnRegion(rows: Row[], start: number, pitch: number, floor: number): { from: number; to: number; gutter: [number, number] } | null {
  const first = rows[start]!;
  let gutter: [number, number] = [first.segments[0]!.x1, first.segments[1]!.x0];
  const fits = (row: Row, g: [number, number]): [number, number] | null => {
    if (row.segments.length > 2) return null;
    let [g0, g1] = g;
    for (const s of row.segments) {
      if (s.x1 <= g0 || s.x0 >= g1) continue;
      if (s.x0 < g0 && s.x1 < g1) g0 = s.x1;
      else if (s.x1 > g1 && s.x0 > g0) g1 = s.x0;
      else return null;
    }
    return g1 - g0 >= row.size ? [g0, g1] : null;
  };
  let to = start + 1;
  while (to < rows.length && rows[to]!.baseline - rows[to - 1]!.baseline < 2.5 * pitch) {
    const g = fits(rows[to]!, gutter);
    if (!g) break;
    gutter = g;
    to++;
  }
  let from = start;
  while (from > floor && rows[from]!.baseline - rows[from - 1]!.baseline < 2.5 * pitch) {
    const g = fits(rows[from - 1]!, gutter);
    if (!g) break;
    gutter = g;
    from--;
  }
  return { from, to, gutter };
}

/** `…/UBND-` + `TTPVHCC…`: a line broken after a hyphen inside a word joins without a space. */
function hyphenJoin(prev: Segment, next: Segment): Join | null {
  return /[\p{L}\p{N}]-$/u.test(segmentText(prev)) && /^[\p{L}\p{N}]/u.test(segmentText(next)) ? '' : null;
}

/** How a line of running text joins the previous one. */
function bodyJoin(prev: Segment, next: Segment, pitch: number, left: number, right: number): Join {
  const gap = next.baseline - prev.baseline;
  if (gap < 0 || gap > 1.25 * pitch || next.size > 1.15 * prev.size || prev.size > 1.15 * next.size) return '\n\n';
  const em = prev.size;
  const indented = (s: Segment) => s.x0 - left > 0.6 * em;
  const centered = (s: Segment) => indented(s) && Math.abs((s.x0 + s.x1) / 2 - (left + right) / 2) < em;
  if (centered(prev) && centered(next)) {
    // a wrapped centred title fills most of the width; short centred lines are lines of their own
    return prev.x1 - prev.x0 > 0.7 * (right - left) ? ' ' : '\n';
  }
  if (indented(next) && !centered(next)) return '\n'; // first-line indent: a new paragraph
  if (next.x0 - left > 0.6 * em && prev.x0 - left > 0.6 * em && Math.abs(next.x0 - prev.x0) > em) return '\n';
  // did the first word of the next line fit at the end of this one? then the break was deliberate
  const nextText = segmentText(next);
  const firstWord = nextText.split(/\s/, 1)[0]!;
  const wordWidth = ((next.x1 - next.x0) * firstWord.length) / Math.max(1, nextText.length);
  if (prev.x1 + 0.3 * em + wordWidth < right - 0.2 * em) return '\n';
  return hyphenJoin(prev, next) ?? ' ';
}

export function segmentText(seg: Segment): string {
  let out = '';
  seg.runs.forEach((run, i) => {
    if (i > 0 && needsSpace(seg, seg.runs[i - 1]!, run)) out += ' ';
    out += run.text;
  });
  return out;
}

function needsSpace(seg: Segment, a: Run, b: Run): boolean {
  if (seg.joinWithSpace) return true;
  if (/\s$/u.test(a.text) || /^\s/u.test(b.text)) return false;
  return b.x0 - a.x1 > 0.15 * Math.max(a.size, b.size);
}

/**
 * Accumulates the original text of a paged document with its pages and boxes: the one place
 * where ingest of PDFs and images turns layout into offsets.
 */
export class PagedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly pages: Page[] = [];
  readonly boxes: TextBox[] = [];
  private pending: Join | null = null;

  startPage(number: number, width: number, height: number): void {
    this.pages.push({ number, start: this.length, end: this.length, width, height });
  }

  /** Append a page's placed lines; `pageJoin` is how its first line joins the previous page. */
  addLines(lines: PlacedLine[], page: number, pageJoin: Join): void {
    lines.forEach((line, i) => {
      this.pending = i === 0 && this.length > 0 ? pageJoin : line.join;
      const seg = line.segment;
      seg.runs.forEach((run, k) => {
        if (k > 0 && needsSpace(seg, seg.runs[k - 1]!, run)) this.write(' ');
        this.write(run.text, { page, x: run.x0, y: run.top, width: run.x1 - run.x0, height: run.bottom - run.top }, run.confidence);
      });
    });
  }

  endPage(): void {
    const page = this.pages[this.pages.length - 1];
    if (page) page.end = this.length;
  }

  write(text: string, box?: Box, confidence?: number): void {
    if (this.pending !== null && this.length > 0) {
      this.parts.push(this.pending);
      this.length += this.pending.length;
    }
    this.pending = null;
    if (box) {
      const tb: TextBox = { start: this.length, end: this.length + text.length, box };
      if (confidence !== undefined) tb.confidence = confidence;
      this.boxes.push(tb);
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** The text so far plus a final newline, as text files end. */
  text(): string {
    return this.length > 0 ? this.parts.join('') + '\n' : '';
  }
}

/** How the first line of a page joins the last line of the previous page. */
export function pageJoin(prev: PageLayout | undefined, next: PageLayout): Join {
  const a = prev?.lines[prev.lines.length - 1]?.segment;
  const b = next.lines[0]?.segment;
  if (!prev || !a || !b) return '\n\n';
  const prevRight = prev.right;
  const left = next.left;
  const em = a.size;
  // a paragraph running on: the last line fills the width and the next line is not indented
  if (a.x1 > prevRight - em && b.x0 - left < 0.6 * em && Math.abs(a.size - b.size) < 0.15 * a.size) {
    return hyphenJoin(a, b) ?? ' ';
  }
  return '\n\n';
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const s = sortedNumbers(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

/**
 * A sorted copy of `values`, ascending. Layout sorts many short lists (a segment's sizes, a line's
 * baselines, a table's column edges): up to a few dozen, insertion sort on a plain array is the
 * fastest (no comparator calls, and a typed array of more than 8 numbers is allocated off the
 * heap); longer ones go to a typed array's own numeric sort.
 */
export function sortedNumbers(values: ArrayLike<number>): ArrayLike<number> {
  const n = values.length;
  if (n > 64) {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = values[i]!;
    return s.sort();
  }
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let j = i;
    s.push(v);
    for (; j > 0 && s[j - 1]! > v; j--) s[j] = s[j - 1]!;
    s[j] = v;
  }
  return s;
}
