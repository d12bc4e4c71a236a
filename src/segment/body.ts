import { isCapitals, type Line } from './lines.js';
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
  const article = ARTICLE_HEADINGS.map((p) => p.exec(rest)).find((m) => m !== null);
  if (article) return { label: `${article.groups!.word} ${article.groups!.label}`, level: 1, title: (article.groups!.title ?? '').trim() };
  for (const { pattern, level } of HEADING_LABELS) {
    const m = pattern.exec(rest);
    if (m) return { label: m.groups!.label!, level, title: m.groups!.title!.trim() };
  }
  // an unnumbered Markdown heading nests by its hashes, below the numbered levels it sits in
  return md && rest ? { label: null, level: md.groups!.hashes!.length, title: rest } : null;
}

/** List marker depth: `-` items hold `+` items (seed 000 writes the nested marker as `- +`). */
const markerDepth = (marker: string) => (marker === '+' || marker === '- +' ? 2 : 1);

/**
 * Parts of a legal text: `Điều 4. Cấp phép xây dựng` (article), `Chương I` (chapter), `Mục 2`
 * (section), `Phần II` (part). All are top-level here: a decision without chapters starts at its
 * articles, and the clauses (`1.`, `a)`) of an article nest under it.
 */
const ARTICLE_HEADINGS: readonly RegExp[] = [
  // `Điều 4. Cấp phép xây dựng`, `Điều 4.` (title on the next line); `Điều 14, 18 Quyết định …` is a citation
  /^(?<word>Điều|Mục)\s+(?<label>\d{1,3}[a-z]?)(?:[.:]\s*(?<title>.*)|$)/u,
  // `Chương I`, `CHƯƠNG II. QUY ĐỊNH CHUNG`, `Phần I TÌNH HÌNH`
  /^(?<word>Chương|Phần|CHƯƠNG|PHẦN)\s+(?<label>[IVXL]+|\d{1,2})(?:[.:]?\s+(?<title>\p{Lu}.*)|[.:]?$)/u,
];
/** A label word wrapped away from its number (`Điều` / `1. Phạm vi …`, `Chương` / `I`). */
const BARE_LABEL_WORD = /^(?:Điều|Chương|Mục|Phần|CHƯƠNG|PHẦN)$/u;
/** `|` cell breaks and dash rules of web renderings: layout, not text. */
const LAYOUT_LINE = /^(?:\|+|[-_=–—]{3,})$/u;

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

  /** The next non-empty line at or after k, or lines.length. */
  const nextText = (k: number) => {
    while (k < lines.length && (!lines[k]!.text || LAYOUT_LINE.test(lines[k]!.text))) k++;
    return k;
  };
  /** A line that starts a block of its own (or is not body text at all). */
  const startsBlock = (k: number) => {
    const t = lines[k]!.text;
    return skip.has(k) || tableRows.has(k) || LAYOUT_LINE.test(t) || FOOTNOTE_LINE.test(t) || LIST_ITEM.test(t) || parseHeading(t) !== null || BARE_LABEL_WORD.test(t);
  };
  /**
   * The lines that continue a block whose text so far ends with `last`: a sentence does not end at a
   * line break that hard-wrapping put there (web renderings wrap mid-phrase, with no blank lines
   * between paragraphs), nor at a page break (a blank line, then a line that cannot start a sentence).
   */
  const continuation = (from: number, last: string, acrossBlank: boolean) => {
    let end = -1;
    let k = from;
    for (;;) {
      if (ENDS_SENTENCE.test(last)) break;
      const n = nextText(k);
      if (n >= lines.length || startsBlock(n)) break;
      const adjacent = n === k && !!lines[k]?.text;
      if (!(adjacent || (acrossBlank && CONTINUES.test(lines[n]!.text)))) break;
      end = lines[n]!.trimmed.end;
      last = lines[n]!.text;
      k = n + 1;
    }
    return { end, last, next: k };
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const current = open.at(-1)?.id ?? null;
    sectionOfLine[i] = current;
    if (!line.text || skip.has(i) || LAYOUT_LINE.test(line.text)) continue;
    const id = `b${blocks.length + 1}`;

    if (tableRows.has(i)) {
      blocks.push({ id, kind: 'table-row', span: line.trimmed, content: line.trimmed, marker: null, section: current, parent: null });
      continue;
    }
    if (FOOTNOTE_LINE.test(line.text)) {
      blocks.push({ id, kind: 'footnote', span: line.trimmed, content: line.trimmed, marker: null, section: current, parent: null });
      continue;
    }
    // a label word wrapped away from its number (`Điều` / `1. Phạm vi …`) reads as one line
    let labelEnd = line.trimmed.end;
    let afterLabel = i + 1;
    let headingText = line.text;
    if (BARE_LABEL_WORD.test(line.text)) {
      const n = nextText(i + 1);
      if (n < lines.length && /^(?:\d{1,3}[a-z]?|[IVXL]+)\b/u.test(lines[n]!.text)) {
        headingText = `${line.text} ${lines[n]!.text}`;
        labelEnd = lines[n]!.trimmed.end;
        afterLabel = n + 1;
      }
    }
    const heading = parseHeading(headingText);
    if (heading) {
      let title = heading.title;
      let titleStart = labelEnd - title.length;
      let end = labelEnd;
      let k = afterLabel;
      if (!title) {
        // `Điều 4.` / `Cấp phép xây dựng`, `Chương I` / `QUY ĐỊNH CHUNG`: the title on the next line
        const n = nextText(k);
        if (n < lines.length && !startsBlock(n)) {
          title = lines[n]!.text;
          titleStart = lines[n]!.trimmed.start;
          end = lines[n]!.trimmed.end;
          k = n + 1;
        }
      }
      // a title wrapped over lines: lower-case continuations, or capitals under a title in capitals
      for (; k < lines.length && title && !ENDS_SENTENCE.test(title); k++) {
        const next = lines[k]!;
        if (!next.text || startsBlock(k) || !(CONTINUES.test(next.text) || (isCapitals(title) && isCapitals(next.text)))) break;
        title = `${title} ${next.text}`;
        end = next.trimmed.end;
      }
      while (open.length > 0 && open.at(-1)!.level >= heading.level) open.pop();
      const section: Section = {
        id: `s${sections.length + 1}`,
        label: heading.label,
        level: heading.level,
        title,
        span: { start: line.trimmed.start, end },
        parent: open.at(-1)?.id ?? null,
      };
      sections.push(section);
      open.push(section);
      for (let j = i; j < k; j++) sectionOfLine[j] = section.id;
      const block: Block = {
        id,
        kind: 'heading',
        span: { start: line.trimmed.start, end },
        content: { start: titleStart, end },
        marker: null,
        section: section.id,
        parent: null,
      };
      blocks.push(block);
      introducers = [ENDS_INTRO.test(title) ? block : null, null, null];
      i = k - 1;
      continue;
    }
    const item = LIST_ITEM.exec(line.text);
    if (item) {
      const marker = item.groups!.marker!;
      const depth = markerDepth(marker);
      const contentStart = line.trimmed.end - item.groups!.content!.length;
      const parent = introducers.slice(0, depth).reverse().find((b) => b !== null) ?? null;
      const more = continuation(i + 1, line.text, false);
      const end = more.end >= 0 ? more.end : line.trimmed.end;
      for (let j = i + 1; j < more.next; j++) sectionOfLine[j] = current;
      const block: Block = {
        id,
        kind: 'list-item',
        span: { start: line.trimmed.start, end },
        content: { start: contentStart, end },
        marker,
        section: current,
        parent: parent?.id ?? null,
      };
      blocks.push(block);
      // an item is the parent of deeper items that follow it, whether or not it ends in `:`
      introducers[depth] = block;
      for (let d = depth + 1; d < introducers.length; d++) introducers[d] = null;
      i = more.next - 1;
      continue;
    }
    // a paragraph: wrapped lines and sentences broken by a page break join it
    const more = continuation(i + 1, line.text, true);
    const end = more.end >= 0 ? more.end : line.trimmed.end;
    for (let j = i + 1; j < more.next; j++) sectionOfLine[j] = current;
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
    introducers = [ENDS_INTRO.test(more.last) ? block : null, null, null];
    i = more.next - 1;
  }
  return { sections, blocks, sectionOfLine };
}


/** A line that introduces what follows: `…, trong đó:`, `… như sau:`. */
const ENDS_INTRO = /:\s*$/u;
