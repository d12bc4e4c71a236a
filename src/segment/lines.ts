import type { Span } from '../text/source-text.js';

/** A line of the current text: its span (without the newline) and its trimmed content span. */
export interface Line {
  index: number;
  span: Span;
  /** Span with leading/trailing white space removed (tabs inside are kept). */
  trimmed: Span;
  text: string; // trimmed text
  raw: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      const trimmed = { start: start + lead, end: Math.max(start + lead, i - trail) };
      lines.push({ index: lines.length, span: { start, end: i }, trimmed, text: text.slice(trimmed.start, trimmed.end), raw });
      start = i + 1;
    }
  }
  return lines;
}

/** Mostly capitals: at least 80 % of the letters (a title or heading set in capitals). */
export function isCapitals(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  const upper = s.match(/\p{Lu}/gu) ?? [];
  return letters.length > 0 && upper.length / letters.length >= 0.8;
}
