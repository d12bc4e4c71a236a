/**
 * The text of a word-processing document (DOCX, ODT) as the readers write it: one paragraph per
 * line, a blank line between body paragraphs, every run of text located by an XPath-like path,
 * and the runs set in a legacy Vietnamese font noted for conversion.
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
export const LAYOUT_TABLE_ROWS = 3;

export class FlowWriter {
  private parts: string[] = [];
  length = 0;
  locations: DocxLocation[] = [];
  legacyRuns: LegacyRun[] = [];
  /** Separator owed before the next text: lines are only written between pieces of text. */
  private pending = '';

  push(text: string, path?: string, font?: string | null): void {
    if (text.length === 0) return;
    if (this.length > 0 && this.pending) {
      this.parts.push(this.pending);
      this.length += this.pending.length;
    }
    this.pending = '';
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (path) {
      // pieces of one run written one after the other (text, spaces) are one location
      const last = this.locations.at(-1);
      if (last && last.path === path && last.end === start) last.end = this.length;
      else this.locations.push({ start, end: this.length, path });
    }
    const legacy = font ? legacyFont(font) : null;
    if (legacy) this.legacyRuns.push({ ...legacy, span: { start, end: this.length } });
  }

  /** Owe a separator; a stronger one (a blank line) wins over a newline. */
  owe(separator: string): void {
    if (separator.length > this.pending.length) this.pending = separator;
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
