import type { Line } from './lines.js';
import { FOOTNOTE_LINE, HEADING_LABELS, LIST_ITEM, MARKDOWN_HEADING } from './patterns.js';
import type { Block, Section } from './types.js';

interface Heading {
  label: string | null;
  level: number;
  title: string;
}

/** A numbered line (`1.1. …`, `a) …`, `II. …`) or a Markdown heading, with its nesting level. */
export function parseHeading(text: string): Heading | null {
  const md = MARKDOWN_HEADING.exec(text);
  const rest = md ? md.groups!.rest!.trim() : text;
  for (const { pattern, level } of HEADING_LABELS) {
    const m = pattern.exec(rest);
    if (m) return { label: m.groups!.label!, level, title: m.groups!.title!.trim() };
  }
  // an unnumbered Markdown heading nests by its hashes, below the numbered levels it sits in
  return md && rest ? { label: null, level: md.groups!.hashes!.length, title: rest } : null;
}

/** List marker depth: `-` items hold `+` items (seed 000 writes the nested marker as `- +`). */
const markerDepth = (marker: string) => (marker === '+' || marker === '- +' ? 2 : 1);

/** A line that does not end a sentence and a next line that cannot start one: a page break. */
const ENDS_SENTENCE = /[.:;!?…)"”]$/u;
const CONTINUES = /^[\p{Ll}\d(]/u;

/**
 * Sections and line-level blocks of the body, in reading order. `skip` holds lines that belong to
 * the header, the closing or a table (table rows become `table-row` blocks via `tableRows`).
 */
export function parseBody(
  lines: readonly Line[],
  bodyStart: number,
  skip: ReadonlySet<number>,
  tableRows: ReadonlySet<number>,
): { sections: Section[]; blocks: Block[]; sectionOfLine: (string | null)[] } {
  const sections: Section[] = [];
  const blocks: Block[] = [];
  const sectionOfLine: (string | null)[] = new Array(lines.length).fill(null);
  const open: Section[] = []; // the path from the top section to the current one
  /** The last block ending in `:` at each list depth (0 = the paragraph or heading above a list). */
  let introducers: (Block | null)[] = [null, null, null];

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const current = open.at(-1)?.id ?? null;
    sectionOfLine[i] = current;
    if (!line.text || skip.has(i)) continue;
    const id = `b${blocks.length + 1}`;

    if (tableRows.has(i)) {
      blocks.push({ id, kind: 'table-row', span: line.trimmed, content: line.trimmed, marker: null, section: current, parent: null });
      continue;
    }
    if (FOOTNOTE_LINE.test(line.text)) {
      blocks.push({ id, kind: 'footnote', span: line.trimmed, content: line.trimmed, marker: null, section: current, parent: null });
      continue;
    }
    const heading = parseHeading(line.text);
    if (heading) {
      while (open.length > 0 && open.at(-1)!.level >= heading.level) open.pop();
      const section: Section = {
        id: `s${sections.length + 1}`,
        label: heading.label,
        level: heading.level,
        title: heading.title,
        span: line.trimmed,
        parent: open.at(-1)?.id ?? null,
      };
      sections.push(section);
      open.push(section);
      sectionOfLine[i] = section.id;
      const contentStart = line.trimmed.end - heading.title.length;
      const block: Block = {
        id,
        kind: 'heading',
        span: line.trimmed,
        content: { start: contentStart, end: line.trimmed.end },
        marker: null,
        section: section.id,
        parent: null,
      };
      blocks.push(block);
      introducers = [ENDS_INTRO.test(line.text) ? block : null, null, null];
      continue;
    }
    const item = LIST_ITEM.exec(line.text);
    if (item) {
      const marker = item.groups!.marker!;
      const depth = markerDepth(marker);
      const contentStart = line.trimmed.end - item.groups!.content!.length;
      const parent = introducers.slice(0, depth).reverse().find((b) => b !== null) ?? null;
      const block: Block = {
        id,
        kind: 'list-item',
        span: line.trimmed,
        content: { start: contentStart, end: line.trimmed.end },
        marker,
        section: current,
        parent: parent?.id ?? null,
      };
      blocks.push(block);
      // an item is the parent of deeper items that follow it, whether or not it ends in `:`
      introducers[depth] = block;
      for (let d = depth + 1; d < introducers.length; d++) introducers[d] = null;
      continue;
    }
    // a paragraph; a page break inside a sentence joins the next lines to it
    let end = line.trimmed.end;
    let last = line.text;
    let k = i + 1;
    for (;;) {
      let n = k;
      while (n < lines.length && !lines[n]!.text) n++;
      const next = lines[n];
      if (!next || ENDS_SENTENCE.test(last) || !CONTINUES.test(next.text) || parseHeading(next.text) || skip.has(n) || tableRows.has(n)) {
        break;
      }
      end = next.trimmed.end;
      last = next.text;
      sectionOfLine[n] = current;
      k = n + 1;
    }
    const block: Block = {
      id,
      kind: 'paragraph',
      span: { start: line.trimmed.start, end },
      content: { start: line.trimmed.start, end },
      marker: null,
      section: current,
      parent: null,
    };
    blocks.push(block);
    introducers = [ENDS_INTRO.test(last) ? block : null, null, null];
    i = k - 1;
  }
  return { sections, blocks, sectionOfLine };
}

/** A line that introduces what follows: `…, trong đó:`, `… như sau:`. */
const ENDS_INTRO = /:\s*$/u;
