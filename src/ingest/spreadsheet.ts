/**
 * Spreadsheets (XLSX, Excel 97–2003 `.xls`, ODS) through SheetJS: every sheet's used range as a
 * table, one row per line with tab-separated cells, every cell's text located by its address
 * (`Sheet1!B3`, `'Phụ lục I'!D5`) with the text the spreadsheet displays kept beside it.
 *
 * Numbers are written as stored, not as displayed, in the notation the Vietnamese figure parser
 * reads (src/extract/numbers.ts): `,` the decimal mark, `.` grouping thousands, full precision
 * (stored 0.456789 shown as `46%` is written `45,6789%`). Dates are written `dd/mm/yyyy`, the
 * numeric form src/extract/dates.ts reads (it does not read ISO dates).
 */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { PipelineError } from '../errors.js';
import { LIMITS } from './limits.js';
import type { DocxLocation } from './types.js';
import { zipBombReason, zipEntryNames } from './zip.js';

// code pages for Excel 5/95 files, whose strings are 8-bit in the workbook's code page
XLSX.set_cptable(cptable);

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods';

export interface SpreadsheetText {
  original: string;
  /** One per cell written, sorted by start: its address, its displayed text, its merge. */
  locations: DocxLocation[];
  warnings: string[];
}

const NAMES: Record<SpreadsheetFormat, string> = { xlsx: 'XLSX', xls: 'Excel 97–2003 (.xls)', ods: 'OpenDocument spreadsheet (.ods)' };

/** Options for untrusted files: values and their formats only; no formulas, rich text, styles or macros. */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true, // rows of cells: a third of the memory of one object keyed by address
  cellFormula: false,
  cellHTML: false,
  cellNF: true, // the number format (`0%`, `dd/mm/yyyy`) tells percentages and dates
  cellText: true, // the displayed text, kept for provenance
  cellDates: false, // serial numbers, turned into calendar dates here without time zones
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

export function readSpreadsheet(bytes: Uint8Array, file: string, format: SpreadsheetFormat): SpreadsheetText {
  const name = NAMES[format];
  if (format !== 'xls') {
    const bomb = zipBombReason(bytes);
    if (bomb) throw new PipelineError('ingest', file, `${name} refused: ${bomb}`);
    if (!zipEntryNames(bytes)) throw new PipelineError('ingest', file, `truncated ${name} (not a valid zip)`);
  }
  let workbook: XLSX.WorkBook;
  // SheetJS reports records it cannot read on the console; they become one warning of the file
  const complaints: string[] = [];
  const { error: consoleError, warn: consoleWarn } = console;
  console.error = console.warn = (...args: unknown[]) => void complaints.push(args.map(String).join(' '));
  try {
    workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), READ_OPTIONS);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
    if (/password|encrypt/i.test(message)) throw new PipelineError('ingest', file, `${name} is password-protected`, { cause: error });
    if (format !== 'xls' && /zip|central directory|inflate/i.test(message)) {
      throw new PipelineError('ingest', file, `truncated ${name} (not a valid zip)`, { cause: error });
    }
    throw new PipelineError('ingest', file, `corrupt ${name} (${message})`, { cause: error });
  } finally {
    console.error = consoleError;
    console.warn = consoleWarn;
  }
  if (workbook.SheetNames.length === 0) throw new PipelineError('ingest', file, `corrupt ${name} (no sheet found)`);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const out = new Writer();
  const warnings: string[] = [];
  if (complaints.length > 0) {
    warnings.push(`${name}: ${complaints[0]!.slice(0, 200)}${complaints.length > 1 ? ` (and ${complaints.length - 1} more)` : ''}`);
  }
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet || sheet['!type'] === 'chart') continue;
    const rows = sheetRows(sheet, sheetName, file, date1904);
    if (rows.length === 0) {
      warnings.push(`sheet ${quoteSheet(sheetName)} is empty`);
      continue;
    }
    out.line(sheetName);
    out.line('');
    for (const row of rows) out.row(row);
    out.line('');
  }
  if (out.length === 0) throw new PipelineError('ingest', file, `empty spreadsheet (no sheet holds a value)`);
  return { original: out.text(), locations: out.locations, warnings };
}

interface Cell {
  text: string;
  path: string;
  displayed?: string;
  merge?: string;
}

/**
 * The used range of a sheet: rows holding a value, each from the range's first column to its
 * last value. A merged range's value is in its top-left cell; the other cells of the merge are
 * written empty, whatever the file keeps in them (LibreOffice keeps hidden values there).
 */
function sheetRows(sheet: XLSX.WorkSheet, sheetName: string, file: string, date1904: boolean): (Cell | null)[][] {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const ref = quoteSheet(sheetName);
  // merges, by row of the data: the cells they cover, and the range at each top-left cell
  const covered = new Map<number, XLSX.Range[]>();
  const mergeAt = new Map<string, string>();
  for (const m of ((sheet['!merges'] ?? []) as XLSX.Range[]).slice(0, LIMITS.maxSheetCells)) {
    mergeAt.set(`${m.s.r},${m.s.c}`, XLSX.utils.encode_range(m));
    for (let r = m.s.r; r <= Math.min(m.e.r, data.length - 1); r++) covered.set(r, [...(covered.get(r) ?? []), m]);
  }
  const rows: { r: number; cells: Map<number, Cell> }[] = [];
  let count = 0;
  let firstColumn = Infinity;
  data.forEach((row, r) => {
    if (!row) return;
    const cells = new Map<number, Cell>();
    const merges = covered.get(r) ?? [];
    row.forEach((cell, c) => {
      if (!cell) return;
      if (merges.some((m) => c >= m.s.c && c <= m.e.c && (r !== m.s.r || c !== m.s.c))) return;
      const text = cellText(cell, date1904);
      if (text === '') return;
      if (++count > LIMITS.maxSheetCells) {
        throw new PipelineError('ingest', file, `sheet ${ref} too large to read (over ${LIMITS.maxSheetCells.toLocaleString('en-US')} cells with a value)`);
      }
      const entry: Cell = { text, path: `${ref}!${XLSX.utils.encode_cell({ r, c })}` };
      if (cell.w !== undefined && cell.w !== text) entry.displayed = cell.w;
      const merge = mergeAt.get(`${r},${c}`);
      if (merge) entry.merge = merge;
      cells.set(c, entry);
      firstColumn = Math.min(firstColumn, c);
    });
    if (cells.size > 0) rows.push({ r, cells });
  });
  return rows.map(({ cells }) => {
    const last = Math.max(...cells.keys());
    const out: (Cell | null)[] = [];
    for (let c = firstColumn; c <= last; c++) out.push(cells.get(c) ?? null);
    return out;
  });
}

/** A cell's text: strings on one line, numbers and dates as stored, booleans and errors as displayed. */
function cellText(cell: XLSX.CellObject, date1904: boolean): string {
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '').replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, ' ');
    case 'n': {
      const v = cell.v as number;
      if (!Number.isFinite(v)) return cell.w ?? '';
      const kind = cell.z === undefined ? null : formatKind(String(cell.z));
      if (kind === 'date') return serialDate(v, date1904) ?? cell.w ?? '';
      const percent = kind ? kind === 'percent' : /%\s*$/.test(cell.w ?? '');
      return vietnameseNumber(v, percent, groupsThousands(cell.w));
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(d.getTime()) ? (cell.w ?? '') : `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    case 'b':
      return cell.w ?? (cell.v ? 'TRUE' : 'FALSE');
    case 'e':
      return cell.w ?? '';
    default:
      return '';
  }
}

/** What a number format makes of a number, by format string (a sheet has few; parsing each is slow). */
const FORMAT_KINDS = new Map<string, 'date' | 'percent' | 'number'>();
function formatKind(z: string): 'date' | 'percent' | 'number' {
  let kind = FORMAT_KINDS.get(z);
  if (!kind) {
    kind = z !== 'General' && XLSX.SSF.is_date(z) ? 'date' : isPercentFormat(z) ? 'percent' : 'number';
    if (FORMAT_KINDS.size < 10_000) FORMAT_KINDS.set(z, kind);
  }
  return kind;
}

/** `%` in a number format, outside quoted text, escapes and `[…]` sections. */
export function isPercentFormat(z: string): boolean {
  return /%/.test(z.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
}

/** Whether the displayed text groups thousands (`1,894`, `1.894`, `12 345`). */
function groupsThousands(w: string | undefined): boolean {
  return w !== undefined && /\d[,.\u00a0\u202f ]\d{3}(?![\d])/.test(w) && !/^\s*-?0[.,]/.test(w);
}

/**
 * A stored number in Vietnamese notation, digit for digit: the shortest decimal that reads back
 * as the same double (`0.1` not `0.1000000000000000055…`), the decimal point moved two places
 * for a percentage (0.4567 → `45,67%`, no binary rounding from multiplying by 100). Thousands
 * are grouped with `.` when the spreadsheet displays them grouped or the number has five or more
 * integer digits; a four-digit number shown ungrouped (a year, `2026`) stays as it is.
 */
export function vietnameseNumber(value: number, percent = false, grouped = false): string {
  let { negative, digits, point } = decimalDigits(value);
  if (percent) point += 2;
  // integer and fraction parts from the digit string and the decimal point's position
  let int = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  let frac = point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0));
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  if (grouped || int.length >= 5) int = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const text = frac ? `${int},${frac}` : int;
  return `${negative && text !== '0' ? '-' : ''}${text}${percent ? '%' : ''}`;
}

/** The significant digits of a number's shortest round-trip form and where its decimal point goes. */
function decimalDigits(value: number): { negative: boolean; digits: string; point: number } {
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // toExponential() without a precision gives as many digits as needed to identify the number
  return { negative: value < 0, digits, point: 1 + Number(exponent) };
}

/** A date serial as `dd/mm/yyyy`, with `hh:mm` (or `hh:mm:ss`) when it has a time of day; a time alone as `hh:mm:ss`. */
function serialDate(serial: number, date1904: boolean): string | null {
  const p = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!p) return null;
  const time = p.S ? `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}` : `${pad(p.H)}:${pad(p.M)}`;
  if (Math.floor(serial) === 0 && !date1904) return `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`;
  const date = `${pad(p.d)}/${pad(p.m)}/${p.y}`;
  return p.H || p.M || p.S ? `${date} ${time}` : date;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is one word of letters, digits and
 * `_` not starting with a digit, else in single quotes with any quote doubled (`'Phụ lục 1'`).
 */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

const pad = (n: number) => String(n).padStart(2, '0');

class Writer {
  private parts: string[] = [];
  length = 0;
  locations: DocxLocation[] = [];

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  line(s: string): void {
    this.push(s);
    this.push('\n');
  }

  row(cells: (Cell | null)[]): void {
    cells.forEach((cell, k) => {
      if (k > 0) this.push('\t');
      if (!cell) return;
      const start = this.length;
      this.push(cell.text);
      const location: DocxLocation = { start, end: this.length, path: cell.path };
      if (cell.displayed !== undefined) location.displayed = cell.displayed;
      if (cell.merge) location.merge = cell.merge;
      this.locations.push(location);
    });
    this.push('\n');
  }

  /** The text, without the blank line owed after the last sheet. */
  text(): string {
    return this.parts.join('').replace(/\n+$/, '\n');
  }
}
