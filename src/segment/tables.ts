/**
 * Tables from the text every format is read to: one row per line, cells tab-separated (a merged
 * cell's other grid places written as empty cells), or Markdown pipe rows `| a | b |`. Which rows
 * are header rows, and each column's header path, are read from the content; see docs/tables.md.
 */
import type { Span } from '../text/source-text.js';
import type { Line } from './lines.js';
import { TABLE_CAPTION } from './patterns.js';
import type { Table, TableCell, TableColumn, TableRow } from './types.js';

/** `| a | b |`: a Markdown pipe row (the outer pipes may be left out when there are inner ones). */
const PIPE_ROW = /^\|.*\|$|^[^|]+(?:\|[^|]*){2,}$/u;
/** A cell of `|---|:---:|`, the row under a pipe table's header. */
const PIPE_RULE_CELL = /^:?-{3,}:?$/u;

/** A table line: tab-separated cells, or a Markdown pipe row (its rule `|---|` included). */
export const isTableLine = (line: Line) => line.text !== '' && (line.raw.includes('\t') || isPipeLine(line));

const isPipeLine = (line: Line) => line.text.includes('|') && PIPE_ROW.test(line.text) && !/^\|?[^|]*\|?$/u.test(line.text);

/** Markdown emphasis and HTML bold around a whole cell are formatting, not text: `**Tổng cộng**`, `<b>I</b>`. */
const EMPHASIS = /^(\*\*|__|<b>|<strong>)(.*?)(\*\*|__|<\/b>|<\/strong>)$/su;

function cellAt(raw: string, from: number, to: number, base: number): TableCell {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(raw[s]!)) s++;
  while (e > s && /\s/u.test(raw[e - 1]!)) e--;
  const m = EMPHASIS.exec(raw.slice(s, e));
  if (m && m[2]!.trim()) {
    const inner = m[2]!;
    const lead = inner.length - inner.trimStart().length;
    s += m[1]!.length + lead;
    e = s + inner.trim().length;
  }
  return { span: { start: base + s, end: base + e }, text: raw.slice(s, e) };
}

function toRow(line: Line): TableRow {
  const cells: TableCell[] = [];
  const base = line.span.start;
  const raw = line.raw;
  if (!raw.includes('\t') && isPipeLine(line)) {
    // pipe row: split on `|` not escaped as `\|`, dropping the outer pipes
    const bars: number[] = [];
    for (let i = 0; i < raw.length; i++) if (raw[i] === '|' && raw[i - 1] !== '\\') bars.push(i);
    const first = raw.trimStart().startsWith('|') ? bars.shift()! : -1;
    const last = raw.trimEnd().endsWith('|') ? bars.pop()! : raw.length;
    let from = first + 1;
    for (const bar of [...bars, last]) {
      cells.push(cellAt(raw, from, bar, base));
      from = bar + 1;
    }
  } else {
    let from = 0;
    for (const cell of raw.split('\t')) {
      cells.push(cellAt(raw, from, from + cell.length, base));
      from += cell.length + 1;
    }
  }
  // trailing empty cells are layout, not data
  while (cells.length > 1 && cells.at(-1)!.text === '') cells.pop();
  return { span: line.trimmed, cells };
}

const sameCells = (a: TableRow, b: TableRow) =>
  a.cells.length === b.cells.length && a.cells.every((c, i) => c.text === b.cells[i]!.text);

/**
 * Group runs of table lines into tables. Blank lines do not end a table (a page break); any other
 * line does. Header rows repeated after a page break are read once; a row whose first cell is
 * empty, after the header, continues the row before it (a cell broken across the page).
 */
export function findTables(lines: readonly Line[], sectionOf: (line: number) => string | null): {
  tables: Table[];
  rowLines: Map<number, { table: string; row: TableRow | null }>;
} {
  const runs: { first: number; rows: { line: number; row: TableRow }[] }[] = [];
  let current: (typeof runs)[number] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isTableLine(line)) {
      if (line.text) current = null;
      continue;
    }
    if (!current) runs.push((current = { first: i, rows: [] }));
    current.rows.push({ line: i, row: toRow(line) });
  }
  const tables: Table[] = [];
  const rowLines = new Map<number, { table: string; row: TableRow | null }>();
  for (const run of runs) {
    const id = `t${tables.length + 1}`;
    const table = readTable(id, run.rows, rowLines);
    table.title = captionBefore(lines, run.first);
    table.section = sectionOf(run.first);
    tables.push(table);
  }
  return { tables, rowLines };
}

function readTable(
  id: string,
  lines: { line: number; row: TableRow }[],
  rowLines: Map<number, { table: string; row: TableRow | null }>,
): Table {
  // the `|---|` rule of a pipe table is neither header nor data
  const rows = lines.filter(({ line, row }) => {
    const rule = row.cells.some((c) => c.text !== '') && row.cells.every((c) => c.text === '' || PIPE_RULE_CELL.test(c.text));
    if (rule) rowLines.set(line, { table: id, row: null });
    return !rule;
  });
  const headerRows = headerRowsOf(rows.map((r) => r.row));
  const span = { start: lines[0]!.row.span.start, end: lines.at(-1)!.row.span.end };
  const table: Table = { id, title: null, section: null, header: null, headerRows, columns: [], labelColumn: null, rows: [], span };
  rows.slice(0, headerRows.length).forEach(({ line }) => rowLines.set(line, { table: id, row: null }));
  const words = new Set(headerRows.flatMap((r) => r.cells.flatMap((c) => wordsOf(c.text))));
  let repeating = false;
  for (let k = headerRows.length; k < rows.length; k++) {
    const { line, row } = rows[k]!;
    // the header repeated on the next page: the same rows, or, read from a page's layout where
    // the repetition is set tighter (a heading wrapped differently), rows of the header's words
    if (k > 0 && line > rows[k - 1]!.line + 1) repeating = true;
    if (headerRows.some((h) => sameCells(h, row)) || (repeating && repeatsHeader(row, words))) {
      rowLines.set(line, { table: id, row: null });
      continue;
    }
    repeating = false;
    const previous = table.rows.at(-1);
    if (previous && row.cells[0]!.text === '' && row.cells.length > 1 && continues(previous, row)) {
      mergeContinuation(previous, row);
      rowLines.set(line, { table: id, row: previous });
    } else {
      table.rows.push(row);
      rowLines.set(line, { table: id, row });
    }
  }
  const naming = headerRows.filter((r) => !isNumberingRow(r));
  table.header = naming.at(-1) ?? null;
  markMerges(naming);
  table.columns = columnsOf(naming, table.rows);
  table.labelColumn = labelColumnOf(table.rows);
  for (const row of table.rows) row.label = labelOf(row, table.labelColumn);
  return table;
}

/**
 * A row starting with an empty cell continues the one above (a cell broken across a page) when it
 * adds text to the row's text cells or fills cells the row above left empty; a row of figures
 * under a merged label cell is a row of its own.
 */
function continues(previous: TableRow, row: TableRow): boolean {
  return row.cells.every((c, k) => c.text === '' || !isNumeric(c.text) || previous.cells[k]?.text === '');
}

/** Words of a header cell; column numbers `(7)` are numbers of one or two digits. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? [];

/** A row of header words only (and column numbers), no figure: a header row set anew. */
function repeatsHeader(row: TableRow, words: ReadonlySet<string>): boolean {
  const filled = row.cells.filter((c) => c.text !== '');
  if (filled.length < 2 || filled.some((c) => isFigure(c.text) && !NUMBER_LABEL.test(c.text))) return false;
  return filled.every((c) => wordsOf(c.text).every((w) => words.has(w) || /^\d{1,2}$/u.test(w)));
}

/** A figure: `1.234`, `12,5%`, `≥ 95`, `-3`, `(12)`; not a row number in a numbering row. */
const NUMERIC = /^(?:[≥≤<>~]=?\s*)?[-+−]?\d[\d.,\s]*(?:%|‰)?$/u;
const isNumeric = (text: string) => NUMERIC.test(text.trim());
/** A figure in a header is not a year (`2025`, a column per year). */
const isFigure = (text: string) => isNumeric(text) && !/^(?:19|20)\d\d$/u.test(text.trim());

/** `(1)`, `1`, `A`, `(A)`, `1=2+3`: the labels of a numbering row under a header. */
const NUMBER_LABEL = /^\(?(?:\d{1,2}|[A-ZĐ])\)?$|^\(?\d{1,2}\s*=\s*[\d\s+\-x*/×:()]+\)?$/u;

/** A row numbering the columns: `(1) (2) (3)…` or `A B 1 2 3`, increasing where they are numbers. */
function isNumberingRow(row: TableRow): boolean {
  const filled = row.cells.filter((c) => c.text !== '');
  if (filled.length < 2 || filled.length < row.cells.length / 2) return false;
  // OCR misreads a label now and then (`G)` for `(1)`): two thirds, the others as short
  const labels = filled.filter((c) => NUMBER_LABEL.test(c.text)).length;
  if (labels < filled.length && (labels < (2 * filled.length) / 3 || filled.some((c) => c.text.length > 3))) return false;
  const numbers = filled.filter((c) => NUMBER_LABEL.test(c.text)).map((c) => /^\(?(\d{1,2})/u.exec(c.text)?.[1]).filter((n) => n !== undefined).map(Number);
  return numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

/**
 * The header rows: the first row, then every row that fills places the row above left empty (the
 * sub-headers under a merged header cell, `Trực tuyến | Trực tiếp` under `Số hồ sơ tiếp nhận`)
 * without holding a figure, then a numbering row. A table whose first row holds figures has none.
 */
function headerRowsOf(rows: TableRow[]): TableRow[] {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  if (first.cells.some((c) => isFigure(c.text)) && !isNumberingRow(first)) return [];
  const out = [first];
  if (isNumberingRow(first)) return out;
  for (let k = 1; k < rows.length; k++) {
    const row = rows[k]!;
    if (isNumberingRow(row)) {
      out.push(row);
      break;
    }
    const above = out.at(-1)!;
    const fills = row.cells.some((c, i) => c.text !== '' && (above.cells[i]?.text ?? '') === '');
    // web renderings repeat a merged cell's text in every place it covers
    const repeats = row.cells.some((c, i) => c.text !== '' && c.text === above.cells[i]?.text);
    const figures = row.cells.some((c) => isFigure(c.text));
    const newLabel = row.cells[0]!.text !== '' && above.cells[0]!.text !== '' && row.cells[0]!.text !== above.cells[0]!.text;
    if (!(fills || repeats) || figures || newLabel) break;
    out.push(row);
  }
  return out;
}

/**
 * Merged header cells, read from the empty places they leave: an empty place to the right of a
 * header cell, over places a header row below names, belongs to that cell (`colSpan`); an empty
 * place under a header cell, with nothing under it, belongs to the cell above (`rowSpan`).
 */
function markMerges(naming: TableRow[]): void {
  const width = Math.max(0, ...naming.map((r) => r.cells.length));
  // a merged cell may reach the end of its row, where the empty places were not written
  for (const row of naming) {
    while (row.cells.length < width) row.cells.push({ span: { start: row.span.end, end: row.span.end }, text: '' });
  }
  const text = (r: number, k: number) => naming[r]?.cells[k]?.text ?? '';
  naming.forEach((row, r) => {
    if (r === naming.length - 1) return;
    for (let k = 0; k < row.cells.length; k++) {
      const cell = row.cells[k]!;
      if (cell.text === '' || text(r + 1, k) === '') continue;
      // the places to its right that are empty here but named in a row below (a third level)
      let end = k + 1;
      while (end < width && text(r, end) === '' && naming.slice(r + 1).some((_, d) => text(r + 1 + d, end) !== '')) end++;
      if (end - k > 1) {
        cell.colSpan = end - k;
        for (let j = k + 1; j < end; j++) if (row.cells[j]) row.cells[j]!.merged = true;
        k = end - 1;
      }
    }
  });
  for (let k = 0; k < width; k++) {
    for (let r = 0; r < naming.length; r++) {
      const cell = naming[r]!.cells[k];
      if (!cell || cell.text === '' || cell.merged) continue;
      let end = r + 1;
      while (end < naming.length && text(end, k) === '' && !naming[end]!.cells[k]?.merged) end++;
      // under a cell covering several columns, an empty place is not the cell's own
      if (end - r > 1 && !cell.colSpan) {
        cell.rowSpan = end - r;
        for (let j = r + 1; j < end; j++) {
          const below = naming[j]!.cells[k];
          if (below) below.merged = true;
        }
      }
      r = end - 1;
    }
  }
}

/** Header paths, one per column of the widest row: every header row's cell over the column, top first. */
function columnsOf(naming: TableRow[], rows: TableRow[]): TableColumn[] {
  const width = Math.max(0, ...naming.map((r) => r.cells.length), ...rows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, k) => {
    const path: string[] = [];
    for (const row of naming) {
      // a merged place takes the text of the cell covering it from the left
      let j = k;
      while (j > 0 && row.cells[j]?.merged) j--;
      const owner = row.cells[j];
      const covers = owner && (j === k || (owner.colSpan ?? 1) > k - j);
      const text = covers ? owner.text : '';
      if (text && path.at(-1) !== text) path.push(text);
    }
    return { path };
  });
}

/** A row number: `1`, `12`, `I`, `IV.`, `a)`, `1.2`. */
const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])[.)]?$/u;

/**
 * The column naming rows: the first whose filled cells are mostly text rather than figures or row
 * numbers.
 */
function labelColumnOf(rows: TableRow[]): number | null {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (let k = 0; k < width; k++) {
    const filled = rows.map((r) => r.cells[k]?.text ?? '').filter((t) => t !== '');
    const text = filled.filter((t) => !isNumeric(t) && !ROW_NUMBER.test(t));
    if (filled.length > 0 && text.length > filled.length / 2) return k;
  }
  return null;
}

/** The row's label: its cell in the label column, or a text cell left of it (`Tổng cộng` across both). */
function labelOf(row: TableRow, column: number | null): TableCell | null {
  if (column === null) return null;
  const own = row.cells[column];
  if (own && own.text) return own;
  for (let k = column - 1; k >= 0; k--) {
    const c = row.cells[k];
    if (c && c.text && !isNumeric(c.text) && !ROW_NUMBER.test(c.text)) return c;
  }
  return null;
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
    target.span = { start: target.span.start, end: cell.span.end } satisfies Span;
  });
  previous.span = { start: previous.span.start, end: row.span.end };
}

/**
 * `Phụ lục I` and the lines after it (`(Đơn vị tính: hồ sơ)`), when they stand just before the
 * table: at most three lines, blank lines between them allowed (paragraphs of DOCX and PDF).
 */
function captionBefore(lines: readonly Line[], i: number): string | null {
  const before: string[] = [];
  for (let k = i - 1; k >= 0 && before.length < 3; k--) {
    const t = lines[k]!.text;
    if (!t) continue;
    before.unshift(t);
    if (TABLE_CAPTION.test(t)) return before.join(' — ');
  }
  return null;
}
