/**
 * DOCX through mammoth's document model: paragraphs, list items and tables in reading order, one
 * paragraph per line, every run's text located by an XPath-like path (`/body/p[12]/r[3]`,
 * `/body/tbl[1]/tr[1]/tc[2]/p[1]/r[1]`) so a span maps back to the paragraph and run.
 */
import mammoth from 'mammoth';
import { PipelineError } from '../errors.js';
import { zipBombReason } from './zip.js';
import { FlowWriter as Writer, type FlowText } from './flow.js';

export type DocxText = FlowText;

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  font?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  breakType?: string;
  /** Table cells: mammoth's reading of `gridSpan` and `vMerge`. */
  colSpan?: number;
  rowSpan?: number;
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxText> {
  const bomb = zipBombReason(bytes);
  if (bomb) throw new PipelineError('ingest', file, `DOCX refused: ${bomb}`);
  let root: Node | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: Node) => {
          root = doc;
          return { type: 'document', children: [] } as unknown as Node;
        },
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/end of central directory|zip|corrupted/i.test(message)) {
      throw new PipelineError('ingest', file, 'truncated DOCX (not a valid zip)', { cause: error });
    }
    throw new PipelineError('ingest', file, `unreadable DOCX (${message})`, { cause: error });
  }
  if (!root) throw new PipelineError('ingest', file, 'unreadable DOCX (no document body)');
  const out = new Writer();
  writeBlocks(out, (root as Node).children ?? [], '/body');
  const warnings: string[] = [];
  if (out.length === 0) warnings.push('DOCX has no text');
  return out.result(warnings);
}

/**
 * Body paragraphs are separated by a blank line, as the seed texts and the PDF reader separate
 * paragraphs (DOCX has no blank lines of its own: spacing is paragraph formatting); paragraphs
 * inside a table cell by a newline, as the lines of a header block.
 */
function writeBlocks(out: Writer, blocks: Node[], path: string, separator = '\n\n'): void {
  const count = new Map<string, number>();
  const next = (tag: string) => {
    const n = (count.get(tag) ?? 0) + 1;
    count.set(tag, n);
    return `${path}/${tag}[${n}]`;
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      out.owe(separator);
      writeInline(out, block.children ?? [], next('p'));
      out.owe(separator);
    } else if (block.type === 'table') {
      writeTable(out, block, next('tbl'));
    }
  }
}

/**
 * A table on its grid: a cell merged across columns (`gridSpan`) or rows (`vMerge`, which mammoth
 * reads as `rowSpan`) is written at its first place and its other places are written empty, so each
 * row's cells stay at their columns (segment reads the merges back from the empty places).
 */
function writeTable(out: Writer, table: Node, path: string): void {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  const grid: ({ node: Node; tc: number } | null)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    (row.children ?? [])
      .filter((c) => c.type === 'tableCell')
      .forEach((cell, tc) => {
        while (grid[r]![col] === null) col++; // places covered by a cell merged from above
        const colSpan = Math.max(1, cell.colSpan ?? 1);
        const rowSpan = Math.max(1, cell.rowSpan ?? 1);
        for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
          for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? { node: cell, tc } : null;
        }
        col += colSpan;
      });
  });
  const cells = grid.map((row) => Array.from(row, (c) => c ?? null));
  out.table(
    cells,
    ({ node, tc }, r) => writeBlocks(out, node.children ?? [], `${path}/tr[${r + 1}]/tc[${tc + 1}]`, '\n'),
    ({ node, tc }, r) => {
      let first = true;
      for (const [k, para] of (node.children ?? []).entries()) {
        if (para.type !== 'paragraph') continue;
        if (!first) out.owe(' ');
        writeInline(out, para.children ?? [], `${path}/tr[${r + 1}]/tc[${tc + 1}]/p[${k + 1}]`);
        first = false;
      }
    },
  );
}

function writeInline(out: Writer, nodes: Node[], path: string, runCount = { n: 0 }, font: string | null = null): void {
  for (const node of nodes) {
    if (node.type === 'run') {
      runCount.n++;
      const runPath = `${path}/r[${runCount.n}]`;
      for (const child of node.children ?? []) {
        if (child.type === 'text') out.push(child.value ?? '', runPath, node.font ?? font);
        else if (child.type === 'tab') out.push('\t');
        else if (child.type === 'break') out.owe(child.breakType === 'page' ? '\n\n' : '\n');
      }
    } else if (node.children) {
      // hyperlinks and other wrappers: their runs belong to the same paragraph
      writeInline(out, node.children, path, runCount, font);
    }
  }
}
