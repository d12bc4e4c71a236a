/**
 * The text of a word-processing document (DOCX, ODT, .doc, RTF) as every reader writes it, so that
 * the later stages see one text whatever the file format: one paragraph per line, a blank line
 * between body paragraphs, a table of two columns and at most three rows (the header block) read
 * column by column, other tables one row per line with tab-separated cells; every run of text
 * located by an XPath-like path, and the runs set in a legacy Vietnamese font noted for conversion.
 *
 * DOCX and ODT walk their document trees and write as they go (`FlowWriter`); the .doc and RTF
 * readers gather `Block`s first and hand them to `layOut`, which writes them the same way.
 */
import type { Span } from '../text/source-text.js';
import type { DocxLocation } from './types.js';

export interface FlowText {
  original: string;
  locations: DocxLocation[];
  /** Runs set in a legacy Vietnamese font, by encoding (from the font name). */
  legacyRuns: LegacyRun[];
  warnings: string[];
}

export interface LegacyRun {
  encoding: 'tcvn3' | 'vni';
  /** Set in the capitals font (`.VnTimeH`): TCVN3 has no codes of its own for toned capitals. */
  upper: boolean;
  span: Span;
}

/** A table of two columns and at most three rows is a layout block (the header), read by column. */
const LAYOUT_TABLE_ROWS = 3;

export class FlowWriter {
  private parts: string[] = [];
  length = 0;
  locations: DocxLocation[] = [];
  legacyRuns: LegacyRun[] = [];
  /** Separator owed before the next text: lines are only written between pieces of text. */
  private pending = '';

  /**
   * A piece of text, located by `path` and set in `font`. Pieces of one run written one after the
   * other (text, spaces) are one location; with `join` false the piece is a run of its own, located
   * on its own even where the last run had the same path.
   */
  push(text: string, path?: string, font?: string | null, join = true): void {
    if (text.length === 0) return;
    // a table's first row may start with empty cells: their tabs are written even at the start
    const pending = this.length > 0 ? this.pending : this.pending.replace(/^\n+/u, '');
    if (pending) {
      this.parts.push(pending);
      this.length += pending.length;
    }
    this.pending = '';
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (path) {
      const last = this.locations.at(-1);
      if (join && last && last.path === path && last.end === start) last.end = this.length;
      else this.locations.push({ start, end: this.length, path });
    }
    const legacy = font ? legacyFont(font) : null;
    if (legacy) this.legacyRuns.push({ ...legacy, span: { start, end: this.length } });
  }

  /** Owe a separator; a stronger one (a blank line) wins over a newline. */
  owe(separator: string): void {
    if (separator.length > this.pending.length) this.pending = separator;
  }

  /**
   * A table, `rows` of cells. The header block (two columns, at most three rows) is written all of
   * the left column, then all of the right one (as the PDF reader does), `lines` writing a cell's
   * paragraphs as lines of the block; any other table one row per line, cells tab-separated, `line`
   * writing a cell's paragraphs on its row's line. `row` and `col` count from 0. A null cell is a
   * grid place covered by a merged cell: written empty, its tab kept, so that every row has its
   * cells at their columns.
   */
  table<C>(
    rows: (C | null)[][],
    lines: (cell: C, row: number, col: number) => void,
    line: (cell: C, row: number, col: number) => void,
  ): void {
    this.owe('\n\n');
    if (rows.length <= LAYOUT_TABLE_ROWS && rows.every((cells) => cells.length === 2)) {
      for (const col of [0, 1]) {
        rows.forEach((cells, r) => {
          const cell = cells[col];
          if (cell != null) lines(cell, r, col);
        });
        this.owe('\n\n');
      }
      return;
    }
    rows.forEach((cells, r) => {
      // empty cells at the end of the last row are dropped; every other cell keeps its tab
      this.pending = this.pending.replace(/\t+$/u, '');
      this.owe('\n');
      cells.forEach((cell, c) => {
        if (c > 0) this.pending += '\t';
        if (cell != null) line(cell, r, c);
      });
    });
    this.pending = this.pending.replace(/\t+$/u, '');
    this.owe('\n\n');
  }

  text(): string {
    return this.length > 0 ? this.parts.join('') + '\n' : '';
  }

  result(warnings: string[]): FlowText {
    return { original: this.text(), locations: this.locations, legacyRuns: this.legacyRuns, warnings };
  }
}

/** `.VnTime`, `.VnTimeH` (TCVN3; H = capitals); `VNI-Times`, `VNI-Helve` (VNI). */
export function legacyFont(font: string): { encoding: 'tcvn3' | 'vni'; upper: boolean } | null {
  if (/^\.vn/i.test(font)) return { encoding: 'tcvn3', upper: /h$/i.test(font.trim()) };
  if (/^vni[- ]/i.test(font)) return { encoding: 'vni', upper: false };
  return null;
}

/**
 * A piece of text in one font; `path` locates it in the source file (`/body/p[3]`). A line break
 * inside a paragraph is a run with `text: ''` and `owe: '\n'` (a separator, written only between
 * pieces of text, as docx.ts writes `<w:br/>`).
 */
export interface Run {
  text: string;
  font?: string | null;
  path?: string;
  owe?: string;
}

export type Paragraph = Run[];
/** A table: rows of cells, each cell a list of paragraphs. */
export type Block = { kind: 'paragraph'; runs: Paragraph } | { kind: 'table'; rows: Paragraph[][][] };

/**
 * Blocks written as the DOCX reader writes its paragraphs and tables, every run located on its own;
 * the writer is returned for its `length` and `result`.
 */
export function layOut(blocks: Block[]): FlowWriter {
  const out = new FlowWriter();
  const runs = (paragraph: Paragraph) => {
    for (const run of paragraph) {
      if (run.owe) out.owe(run.owe);
      out.push(run.text, run.path, run.font, false);
    }
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.owe('\n\n');
      runs(block.runs);
      out.owe('\n\n');
      continue;
    }
    out.table(
      block.rows,
      (cell) => {
        for (const paragraph of cell) {
          out.owe('\n');
          runs(paragraph);
          out.owe('\n');
        }
      },
      (cell) => {
        cell.forEach((paragraph, k) => {
          if (k > 0) out.owe(' ');
          runs(paragraph);
        });
      },
    );
  }
  return out;
}
