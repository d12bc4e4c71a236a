/**
 * The text conventions of the word-processor readers (`.doc`, `.rtf`), the same as `docx.ts`
 * keeps, so that the later stages see one text whatever the file format: one paragraph per line, a
 * blank line between body paragraphs, a table of two columns and at most three rows (the header
 * block) read column by column, other tables one row per line with tab-separated cells. A reader
 * builds `Block`s; `writeBlocks` lays them out and records where every run came from.
 */
import type { Span } from '../text/source-text.js';
import type { DocxLocation } from './types.js';

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

export interface LaidOutText {
  original: string;
  locations: DocxLocation[];
  /** Runs set in a legacy Vietnamese font, by encoding (from the font name). */
  legacyRuns: { encoding: 'tcvn3' | 'vni'; upper: boolean; span: Span }[];
}

/** A table of two columns and at most three rows is a layout block (the header), read by column. */
const LAYOUT_TABLE_ROWS = 3;

/** `.VnTime`, `.VnTimeH` (TCVN3; H = capitals); `VNI-Times`, `VNI-Helve` (VNI). */
export function legacyFont(font: string): { encoding: 'tcvn3' | 'vni'; upper: boolean } | null {
  if (/^\.vn/i.test(font)) return { encoding: 'tcvn3', upper: /h$/i.test(font.trim()) };
  if (/^vni[- ]/i.test(font)) return { encoding: 'vni', upper: false };
  return null;
}

export function layOut(blocks: Block[]): LaidOutText {
  const out = new Writer();
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.owe('\n\n');
      out.runs(block.runs);
      out.owe('\n\n');
    } else {
      writeTable(out, block.rows);
    }
  }
  return { original: out.text(), locations: out.locations, legacyRuns: out.legacyRuns };
}

function writeTable(out: Writer, rows: Paragraph[][][]): void {
  out.owe('\n\n');
  if (rows.length <= LAYOUT_TABLE_ROWS && rows.every((cells) => cells.length === 2)) {
    // header block: all of the left column, then all of the right one (as the PDF reader does);
    // the paragraphs of a cell are lines of the block
    for (const col of [0, 1]) {
      for (const cells of rows) {
        for (const para of cells[col]!) {
          out.owe('\n');
          out.runs(para);
          out.owe('\n');
        }
      }
      out.owe('\n\n');
    }
    return;
  }
  for (const cells of rows) {
    out.owe('\n');
    cells.forEach((cell, c) => {
      if (c > 0) out.owe('\t');
      // a cell's paragraphs on one line: a table row is one line of text, cells tab-separated
      cell.forEach((para, k) => {
        if (k > 0) out.owe(' ');
        out.runs(para);
      });
    });
  }
  out.owe('\n\n');
}

class Writer {
  private parts: string[] = [];
  length = 0;
  locations: DocxLocation[] = [];
  legacyRuns: LaidOutText['legacyRuns'] = [];
  /** Separator owed before the next text: lines are only written between pieces of text. */
  private pending = '';

  runs(runs: Run[]): void {
    for (const run of runs) this.push(run);
  }

  private push(run: Run): void {
    if (run.owe) this.owe(run.owe);
    if (run.text.length === 0) return;
    if (this.length > 0 && this.pending) {
      this.parts.push(this.pending);
      this.length += this.pending.length;
    }
    this.pending = '';
    const start = this.length;
    this.parts.push(run.text);
    this.length += run.text.length;
    if (run.path) this.locations.push({ start, end: this.length, path: run.path });
    const legacy = run.font ? legacyFont(run.font) : null;
    if (legacy) this.legacyRuns.push({ ...legacy, span: { start, end: this.length } });
  }

  /** Owe a separator; a stronger one (a blank line) wins over a newline. */
  owe(separator: string): void {
    if (separator.length > this.pending.length) this.pending = separator;
  }

  text(): string {
    return this.length > 0 ? this.parts.join('') + '\n' : '';
  }
}
