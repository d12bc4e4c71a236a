/**
 * Figures in tables, every number in a cell with its row and column.
 *
 * - An indicator table (`Chỉ tiêu | Đơn vị tính | Kết quả | Cơ quan chịu trách nhiệm`) gives one
 *   figure per row, with its unit from the unit column and the responsible body from its column.
 * - Any other table with columns of numbers (a grid: `STT | Xã, phường | Số hồ sơ tiếp nhận | … |
 *   Tỷ lệ đúng hạn (%)`) gives a figure per numeric cell: its subject is the row's label (a
 *   commune, a field, an indicator), its metric comes from the column's header path (then the
 *   label), its unit from the header or the caption (`(%)`, `Đơn vị tính: hồ sơ`), its role and
 *   period from the header path or the caption (`Kế hoạch`, `Thực hiện`, `Năm 2026`). When most
 *   rows name administrative units (`Xã An Lão`), each figure of such a row carries that unit.
 *
 * Other text cells are read as prose. Every cell figure keeps its table, row and column (`cell`).
 */
import type { Outline, Table, TableCell, TableRow } from '../../segment/types.js';
import type { FigureOptions, Placed } from '../figures.js';
import { metricFor } from '../metrics.js';
import { NUMBER_PATTERN, parseVietnameseNumber } from '../numbers.js';
import { findPeriods } from '../periods.js';
import { isIndexHeader, isNotValueHeader, isPercentHeader, isTotalLabel, measureUnitIn, roleOfHeader, unitOfLabel } from '../table-words.js';
import type { CellRef, Period } from '../types.js';
import { cellComparator } from './comparators.js';
import { countUnitIn, foldLabel, unitOf } from './lexicon.js';
import { readPassage, type Draft } from './read.js';

/** Header words of the columns (Vietnamese data, lower case). */
const COLUMNS = {
  index: /^(stt|tt|số tt)$/u, // số thứ tự: row number
  subject: /chỉ tiêu|nội dung|tiêu chí|nhiệm vụ/u, // indicator, content, criterion, task
  unit: /đơn vị tính|đvt/u, // unit of measure
  value: /kết quả|giá trị|mục tiêu|chỉ tiêu|số lượng|tỷ lệ/u, // result, value, target, quantity, rate
  responsible: /chịu trách nhiệm|chủ trì|cơ quan thực hiện|đơn vị thực hiện/u, // responsible / lead body
};

const VALUE = new RegExp(`^(?:(≥|>=|≤|<=|>|<|tối thiểu|ít nhất|tối đa|không quá|trên|dưới)\\s*)?(${NUMBER_PATTERN})\\s*(%)?$`, 'iu');

function column(header: TableRow, pattern: RegExp, skip: number[] = []): number {
  return header.cells.findIndex((c, i) => !skip.includes(i) && pattern.test(foldLabel(c.text)));
}

/** A cell's number as a figure: the cell is all of it (no sentence around it, nothing inferred). */
function cellDraft(cell: TableCell, kind: Draft['kind'], value: number, unit: string | null, comparatorWord: string | undefined, subject: string | null, phrase: string): Draft {
  return {
    kind,
    value,
    of: null,
    unit,
    comparator: cellComparator(comparatorWord),
    start: cell.span.start,
    end: cell.span.end,
    subject,
    phrase,
    sentence: { start: 0, end: 0 },
    scopeParent: null,
    categoryPart: false,
    unitInferred: false,
    subjectInferred: false,
    previous: null,
  };
}

/** What every figure of a table row shares: the row is its sentence, with no passage, block or parent around it. */
const rowContext = (table: Table, row: TableRow) => ({
  passage: null,
  block: null,
  section: table.section,
  sentence: row.span,
  parent: null,
  candidates: [],
  previous: null,
  metricInherited: false,
  role: 'actual' as const,
});

export function tableFigures(outline: Outline, options: FigureOptions): Placed[] {
  const out: Placed[] = [];
  for (const table of outline.tables) {
    const grid = gridOf(table);
    if (grid) out.push(...gridFigures(outline, table, grid));
    else if (table.header) out.push(...indicatorFigures(table, options));
  }
  return out;
}

/** An indicator table: one value column, its unit in a column of its own. */
function indicatorFigures(table: Table, options: FigureOptions): Placed[] {
  const out: Placed[] = [];
  if (!table.header) return out;
  const h = table.header;
  const index = column(h, COLUMNS.index);
  const subjectCol = column(h, COLUMNS.subject, [index]);
  const unitCol = column(h, COLUMNS.unit, [index, subjectCol]);
  const valueCol = column(h, COLUMNS.value, [index, subjectCol, unitCol]);
  const respCol = column(h, COLUMNS.responsible, [index, subjectCol, unitCol, valueCol]);
  let group: TableCell | null = null;
  for (const [ri, row] of table.rows.entries()) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? null) : null);
    const valueCell = cell(valueCol);
    const m = valueCell ? VALUE.exec(valueCell.text.trim()) : null;
    if (!m && row.cells.filter((c) => c.text !== '').length <= 2) {
      group = row.cells.find((c, i) => i !== index && c.text !== '') ?? group; // `Giai đoạn 2026 - 2027`
      continue;
    }
    const context = `${table.title ?? ''} ${h.cells.map((c) => c.text).join(' ')} ${group?.text ?? ''}`;
    const period = group ? options.periods.find((p) => p.span.start >= group!.span.start && p.span.end <= group!.span.end) : undefined;
    const subject = cell(subjectCol)?.text.trim() || null;
    const responsible = cell(respCol)?.text.trim() || null;
    const base = {
      ...rowContext(table, row),
      metric: null,
      period: period ? { from: period.from, to: period.to, text: period.text } : null,
      extraContext: context,
    };
    if (m && valueCell) {
      const value = parseVietnameseNumber(m[2]!);
      const unitText = cell(unitCol)?.text.trim() ?? '';
      const entry = m[3] ? unitOf('%') : unitText ? unitOf(unitText) : null;
      if (value !== null) {
        const draft = cellDraft(valueCell, entry?.kind === 'percent' ? 'percent' : (entry?.kind ?? 'count'), value, entry?.unit ?? (unitText || null), m[1], subject, subject ?? '');
        const cellRef: CellRef = { table: table.id, row: ri, column: valueCol, path: table.columns[valueCol]?.path ?? [], label: subject };
        out.push({ ...base, draft, start: valueCell.span.start, end: valueCell.span.end, responsible, extraContext: `${context} ${m[1] ?? ''}`, cell: cellRef });
      }
    }
    // the other text cells are prose: `100% văn bản điện tử được gửi/nhận liên thông`
    row.cells.forEach((c, i) => {
      if (i === index || (i === valueCol && m) || i === unitCol || c.text === '') return;
      for (const d of readPassage(c.text)) {
        out.push({ ...base, draft: d, start: c.span.start + d.start, end: c.span.start + d.end, responsible });
      }
    });
  }
  return out;
}

/** Columns of a grid: the row-number column, the label column (-1 when none) and the columns of numbers. */
interface Grid {
  index: number;
  label: number;
  values: number[];
  /** The unit column (`ĐVT`), -1 when none: each row's unit. */
  unit: number;
}

/** A value cell holds a number, with a bound before it or a `%` after it, and nothing else. */
const isValue = (text: string) => VALUE.test(text.trim());

/**
 * The grid of a table whose columns hold numbers, or null for an indicator table (a unit column
 * beside one value column) or a table of text. A column of numbers is one where most filled
 * cells are values, and whose header does not say dates or codes (`Thời gian`, `Mã`).
 */
export function gridOf(table: Table): Grid | null {
  const paths = table.columns.map((c) => c.path);
  const unit = paths.findIndex((p) => p.some((t) => /^(?:đơn vị tính|đvt)$/u.test(foldLabel(t))));
  // a dash stands for nothing (`-`: none this period), neither a value nor text
  const filled = (k: number) => table.rows.map((r) => aligned(r, paths.length)[k]?.text.trim() ?? '').filter((t) => t !== '' && !/^[-–—]$/u.test(t));
  let index = paths.findIndex((p) => p.length > 0 && isIndexHeader(p.at(-1)!));
  const values: number[] = [];
  for (let k = 0; k < paths.length; k++) {
    if (k === index || k === unit || isNotValueHeader(paths[k]!.join(' '))) continue;
    const cells = filled(k);
    const numeric = cells.filter(isValue).length;
    if (numeric > 0 && numeric >= 0.6 * cells.length) values.push(k);
  }
  // a first column numbering the rows 1, 2, 3… with no header saying so
  if (index < 0 && values[0] === 0) {
    const numbers = filled(0).map((t) => parseVietnameseNumber(t));
    if (numbers.every((n, i) => n === i + 1)) {
      index = 0;
      values.shift();
    }
  }
  // a unit column beside one column of values is an indicator table
  if (values.length === 0 || (unit >= 0 && values.length === 1)) return null;
  let label = -1;
  for (let k = 0; k < paths.length && label < 0; k++) if (k !== index && k !== unit && !values.includes(k) && filled(k).length > 0) label = k;
  return { index, label, values, unit };
}

/**
 * The first period a header cell names with both ends (`Năm 2026`, `Quý I/2026`, `6 tháng đầu năm
 * 2026`). A bare `6 tháng` (six months) heading a column of a report is the year's first six.
 */
function periodIn(texts: readonly string[], outline: Outline): Period | null {
  const context = { date: outline.header.date, kind: outline.header.kind };
  for (const t of texts) {
    const p = findPeriods(t, context).find((m) => m.from !== null && m.to !== null);
    if (p) return { from: p.from!, to: p.to!, text: p.text };
    const months = /(?<![\p{L}\d])(\d{1,2}) tháng$/iu.exec(t.trim());
    const first = months ? findPeriods(`${months[0]} đầu năm`, context).find((m) => m.from !== null && m.to !== null) : undefined;
    if (first) return { from: first.from!, to: first.to!, text: months![0] };
  }
  return null;
}

/**
 * A row's cells by column. A row shorter than the table, its label cell merged over several
 * columns (`Tổng cộng` over STT and the name) and read as one cell, has its other cells at the
 * right end, where the numbers stand.
 */
function aligned(row: TableRow, width: number): (TableCell | undefined)[] {
  const cells = row.cells;
  if (cells.length >= width) return cells;
  const lead = cells.findIndex((c) => isValue(c.text));
  if (lead <= 0) return cells;
  const shift = width - cells.length;
  const out: (TableCell | undefined)[] = [];
  cells.forEach((c, i) => (out[i < lead ? i : i + shift] = c));
  return out;
}

function gridFigures(outline: Outline, table: Table, grid: Grid): Placed[] {
  const out: Placed[] = [];
  const caption = table.title ?? '';
  const paths = table.columns.map((c) => c.path);
  const cellsOf = new Map(table.rows.map((r) => [r, aligned(r, paths.length)]));
  // the label column's text, else the first text outside the value columns (`Tổng cộng` in a cell merged over STT and the label)
  const labelOf = (row: TableRow) =>
    (grid.label >= 0 ? cellsOf.get(row)![grid.label]?.text.trim() : '') ||
    cellsOf.get(row)!.find((c, k) => c && !grid.values.includes(k) && c.text.trim() !== '' && !(k === grid.index && /^[\dIVXLivxl.]+$/u.test(c.text.trim())))?.text.trim() ||
    null;
  const hasValue = (row: TableRow) => grid.values.some((k) => isValue(cellsOf.get(row)![k]?.text ?? ''));
  // rows that name units make a table of sub-units when they are most of the rows with values
  // (a row naming the report's own unit is the report's, not a part of it)
  const own = outline.header.unit;
  const isOwn = (u: { level: string; name: string } | null) => own !== null && u !== null && u.level === own.level && foldLabel(u.name) === foldLabel(own.name);
  const units = table.rows.map((r) => {
    const u = hasValue(r) && !isTotalLabel(labelOf(r)) ? unitOfLabel(labelOf(r)) : null;
    return isOwn(u) ? null : u;
  });
  const valued = table.rows.filter((r) => hasValue(r) && !isTotalLabel(labelOf(r))).length;
  const named = units.filter((u) => u !== null).length;
  const ofUnits = named > 0 && named * 2 >= valued;
  // the unit the caption states, else the one unit the headers count in (`Số hồ sơ tiếp nhận`
  // makes `Giải quyết đúng hạn` a count of hồ sơ too)
  const headerUnits = new Set(paths.map((p) => headerUnitIn(p.join(' '))).filter((u) => u !== null));
  const captionUnit = measureUnitIn(caption) ?? (headerUnits.size === 1 ? [...headerUnits][0]! : null);
  const captionPeriod = periodIn([caption], outline);
  const headerPeriods = paths.map((p) => periodIn([...p].reverse(), outline));
  let group: { text: string; period: Period | null } | null = null;
  for (const [ri, row] of table.rows.entries()) {
    const label = labelOf(row);
    if (!hasValue(row)) {
      if (row.cells.filter((c) => c.text !== '').length <= 2 && label) group = { text: label, period: periodIn([label], outline) }; // `Giai đoạn 2026 - 2027`
    }
    const base = {
      ...rowContext(table, row),
      responsible: undefined,
    };
    const taken = new Set<number>();
    const byColumn = cellsOf.get(row)!;
    for (const k of grid.values) {
      const cell = byColumn[k];
      const m = cell ? VALUE.exec(cell.text.trim()) : null;
      const value = m ? parseVietnameseNumber(m[2]!) : null;
      if (!cell || !m || value === null) continue;
      taken.add(k);
      const path = paths[k] ?? [];
      const pathText = path.join(' ');
      // a percentage by its cell (`85,5%`), its column (`Tỷ lệ (%)`) or, in a table of indicators, its row (`… (%)`)
      const percent = Boolean(m[3]) || isPercentHeader(pathText) || (!ofUnits && /\(%\)/u.test(label ?? ''));
      const rowUnit = grid.unit >= 0 ? byColumn[grid.unit]?.text.trim() || null : null;
      // the unit column's, the header's, in a table of indicators the row's (`Số hồ sơ tiếp nhận`), else the caption's
      const unitText = percent || rowUnit === '%' ? '%' : (rowUnit ?? headerUnitIn(pathText) ?? (ofUnits ? null : headerUnitIn(label ?? '')) ?? captionUnit);
      const entry = unitText ? unitOf(unitText) : null;
      const kind = percent ? 'percent' : (entry?.kind ?? 'count');
      const unit = entry?.unit ?? unitText ?? null;
      const draft = cellDraft(cell, kind, value, unit, m[1], label, pathText);
      const context = `${caption} ${group?.text ?? ''}`;
      // the column names the measure (`Số hồ sơ tiếp nhận`); in a table of indicators by year, the row does
      const metric = metricFor(pathText, unit, kind, { context: `${context} ${label ?? ''}`, phrase: label ?? '' });
      const cellRef: CellRef = { table: table.id, row: ri, column: k, path, label };
      out.push({
        ...base,
        draft,
        start: cell.span.start,
        end: cell.span.end,
        metric,
        period: headerPeriods[k] ?? group?.period ?? captionPeriod,
        extraContext: `${context} ${pathText}`,
        cell: cellRef,
        subunit: ofUnits ? units[ri]! : null,
        roleFromTable: roleOfHeader([caption, group?.text ?? '', ...path]),
      });
    }
    // the other text cells are prose (a label with a figure of its own: `Có 05 xã đạt chuẩn`)
    byColumn.forEach((c, i) => {
      if (!c || i === grid.index || i === grid.unit || taken.has(i) || c.text === '' || (ofUnits && i === grid.label)) return;
      for (const d of readPassage(c.text)) {
        out.push({ ...base, metric: null, period: null, draft: d, start: c.span.start + d.start, end: c.span.start + d.end });
      }
    });
  }
  return out;
}

/**
 * The unit a header names: in brackets (`Diện tích (ha)`), after `Đơn vị tính:`, or counted by
 * `Số`, `Số lượng`, `Tổng số` (`Số hồ sơ tiếp nhận`). A count noun elsewhere in a header is not
 * its unit (`trực tuyến` is online, not routes; `Xã, phường` names the rows).
 */
function headerUnitIn(text: string): string | null {
  const stated = measureUnitIn(text);
  if (stated) return stated;
  const bracket = /\(([^()%]+)\)/u.exec(text);
  const inBrackets = bracket ? unitOf(bracket[1]!.trim()) : null;
  if (inBrackets) return inBrackets.unit;
  const counted = /(?:^|\s)(?:tổng số|số lượng|số)\s+(\S.*)$/iu.exec(text);
  if (!counted) return null;
  const unit = countUnitIn(counted[1]!);
  return unit !== null && foldLabel(counted[1]!).startsWith(foldLabel(unit)) ? unit : null;
}
