import type { Line } from './lines.js';
import { TABLE_CAPTION } from './patterns.js';
import type { Table, TableCell, TableColumn, TableRow } from './types.js';

/** A tab-separated row: at least two cells. */
export const isTableLine = (line: Line) => line.text !== '' && line.raw.includes('\t');

function toRow(line: Line): TableRow {
  const cells: TableCell[] = [];
  let start = line.span.start;
  for (const cell of line.raw.split('\t')) {
    const lead = cell.length - cell.trimStart().length;
    const value = cell.trim();
    const s = start + lead;
    cells.push({ span: { start: s, end: s + value.length }, text: value });
    start += cell.length + 1;
  }
  // trailing empty cells are layout, not data
  while (cells.length > 1 && cells.at(-1)!.text === '') cells.pop();
  return { span: line.trimmed, cells };
}

const sameCells = (a: TableRow, b: TableRow) =>
  a.cells.length === b.cells.length && a.cells.every((c, i) => c.text === b.cells[i]!.text);

/**
 * Group runs of tab-separated lines into tables. A run whose first row repeats the previous
 * table's header, with only blank lines between, is that table continued on the next page; a
 * row whose first cell is empty continues the row before it (a cell broken across the page).
 */
export function findTables(lines: readonly Line[], sectionOf: (line: number) => string | null): {
  tables: Table[];
  rowLines: Map<number, { table: string; row: TableRow | null }>;
} {
  const tables: Table[] = [];
  const rowLines = new Map<number, { table: string; row: TableRow | null }>();
  // blank lines do not end a table (a page break); any other line does
  let current: Table | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isTableLine(line)) {
      if (line.text) current = null;
      continue;
    }
    const row = toRow(line);
    if (!current) {
      current = { id: `t${tables.length + 1}`, title: captionBefore(lines, i), section: sectionOf(i), header: row, columns: [], rows: [] };
      tables.push(current);
      rowLines.set(i, { table: current.id, row: null });
      continue;
    }
    if (current.header && sameCells(current.header, row)) {
      rowLines.set(i, { table: current.id, row: null }); // the header repeated on the next page
      continue;
    }
    const previous = current.rows.at(-1);
    if (previous && row.cells[0]!.text === '' && row.cells.length > 1) {
      mergeContinuation(previous, row);
      rowLines.set(i, { table: current.id, row: previous });
    } else {
      current.rows.push(row);
      rowLines.set(i, { table: current.id, row });
    }
  }
  for (const table of tables) table.columns = columnsOf(table);
  return { tables, rowLines };
}

/** Header paths, one per column of the widest row: for now the header row's cell alone. */
function columnsOf(table: Table): TableColumn[] {
  const width = Math.max(table.header?.cells.length ?? 0, ...table.rows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, k) => {
    const text = table.header?.cells[k]?.text ?? '';
    return { path: text ? [text] : [] };
  });
}

/** Cells of a continuation row are appended to the row above, cell by cell. */
function mergeContinuation(previous: TableRow, row: TableRow): void {
  row.cells.forEach((cell, k) => {
    if (!cell.text) return;
    const target = previous.cells[k];
    if (!target || !target.text) {
      previous.cells[k] = cell;
      return;
    }
    // the merged cell spans from its first part to its second; its text joins them
    target.text = `${target.text} ${cell.text}`;
    target.span = { start: target.span.start, end: cell.span.end };
  });
  previous.span = { start: previous.span.start, end: row.span.end };
}

/** `Phụ lục I` and the line after it, when they stand just before the table. */
function captionBefore(lines: readonly Line[], i: number): string | null {
  const before: string[] = [];
  for (let k = i - 1; k >= 0 && before.length < 3; k--) {
    const t = lines[k]!.text;
    if (!t) {
      if (before.length > 0) break;
      continue;
    }
    before.unshift(t);
    if (TABLE_CAPTION.test(t)) return before.join(' — ');
  }
  return null;
}
