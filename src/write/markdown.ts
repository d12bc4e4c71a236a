/**
 * `--text`: a document's restored text as Markdown, for full-text search and long-term keeping.
 * The header lines as printed, then the body block by block: sections as headings (`##` for the
 * top level of the section tree, one more `#` a level, at most six), tables as pipe tables,
 * paragraphs and list items as they read (lines a PDF wrapped joined again).
 */
import type { Outline, Table } from '../segment/types.js';

/** The Markdown of a document; `title` is the report's title (`# …` on the first line when known). */
export function documentMarkdown(outline: Outline): string {
  const text = outline.text.text;
  const out: string[] = [];
  const title = outline.header.title;
  if (title) out.push(`# ${oneLine(title)}`);
  const first = outline.blocks[0]?.span.start ?? text.length;
  const preamble = text
    .slice(0, first)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (preamble.length > 0) out.push(preamble.map(escapeLine).join('  \n'));

  const headings = new Map(outline.sections.map((s) => [s.span.start, s]));
  // every line inside a table's span is the table's (header rows, a pipe table's `|---|` rule, a header repeated
  // after a page break): the table is written once, where its first line stood
  const tableAt = (at: number) =>
    outline.tables.find((t) => (t.span ? t.span.start <= at && at < t.span.end : [...(t.headerRows ?? []), ...(t.header ? [t.header] : []), ...t.rows].some((r) => r.span.start === at)));
  const written = new Set<Table>();
  for (const b of outline.blocks) {
    const raw = text.slice(b.span.start, b.span.end);
    const t = b.kind === 'heading' ? undefined : tableAt(b.span.start);
    if (t) {
      if (!written.has(t)) {
        written.add(t);
        out.push(tableMarkdown(t));
      }
      continue;
    }
    if (b.kind === 'table-row') {
      out.push(escapeLine(oneLine(raw)));
      continue;
    }
    const s = headings.get(b.span.start);
    const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
    if (b.kind === 'heading' || s) {
      const level = Math.min(6, (s?.level ?? 1) + 1);
      // a Markdown heading of the source (`## Mục tiêu`) gets the level of its place in the tree
      out.push(`${'#'.repeat(level)} ${oneLine(raw).replace(/^#+\s*/, '')}`);
    } else if (lines.length > 1 && lines.every((l) => l.startsWith('|'))) {
      // pipe-table lines the segmenter did not read as a table: kept line by line
      out.push(lines.join('\n'));
    } else if (b.kind === 'list-item') {
      // a dash or bullet item is a Markdown item; `a)`, `1.1.` items keep their label as printed
      const bullet = b.marker !== null && /^[-+*•–]$/.test(b.marker);
      out.push(bullet ? `- ${oneLine(text.slice(b.content.start, b.content.end))}` : escapeLine(oneLine(raw)));
    } else {
      out.push(escapeLine(oneLine(raw)));
    }
  }
  return `${out.join('\n\n')}\n`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A line that Markdown would read as markup of its own (`#`, `>`, `1.` lists…) kept as text. */
function escapeLine(s: string): string {
  return s.replace(/^([#>+*=]|\d+[.)](?=\s))/, (m) => `\\${m}`);
}

function cell(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** One header line: a multi-level header's path joined (`Số hồ sơ tiếp nhận / Trực tuyến`), as Markdown has one header row. */
function tableMarkdown(t: Table): string {
  const body = t.rows.map((r) => r.cells.map((c) => cell(c.text)));
  const width = Math.max(1, t.columns.length, ...body.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  const head = t.header || (t.headerRows?.length ?? 0) > 0 ? t.columns.map((c) => cell(c.path.join(' / '))) : Array<string>(width).fill('');
  const lines = [`| ${pad(head!).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...body.map((r) => `| ${pad(r).join(' | ')} |`)];
  // the caption (`Phụ lục I …`) is a line of the text before the table: not repeated
  return lines.join('\n');
}
