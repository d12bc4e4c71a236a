import type { SourceText } from '../text/source-text.js';
import { parseBody } from './body.js';
import { parseHeader } from './header.js';
import { splitLines } from './lines.js';
import { findTables, isTableLine } from './tables.js';
import type { Outline } from './types.js';

export type * from './types.js';

/** Segment a normalised (and, where needed, restored) text into header, sections, blocks and tables. */
export function segment(text: SourceText): Outline {
  const lines = splitLines(text.text);
  const { header, bodyStart, closing, warnings } = parseHeader(lines, text.text);
  const tableLines = new Set<number>();
  for (let i = bodyStart; i < lines.length; i++) if (isTableLine(lines[i]!)) tableLines.add(i);
  const { sections, blocks, sectionOfLine } = parseBody(lines, bodyStart, closing, tableLines);
  const { tables } = findTables(lines, (i) => sectionOfLine[i] ?? null);
  return { text, header, sections, blocks, tables, warnings };
}
