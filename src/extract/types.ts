import type { Span } from '../text/source-text.js';

/** A reporting period as ISO dates (inclusive). */
export interface Period {
  from: string; // YYYY-MM-DD
  to: string;
  /** The words it was read from: `từ ngày 15/3/2026 đến hết ngày 14/4/2026`, `quý I năm 2026`. */
  text: string;
}

/**
 * What a period mention is to the document (`eval/data/documents/README.md`, section Periods):
 * the span its facts are about, a plan's horizon, what a figure is compared with, a running
 * total's span, a deadline, when a rule takes or stops effect, or another span.
 */
export type PeriodRole = 'reporting' | 'plan' | 'comparison' | 'cumulative' | 'deadline' | 'effective' | 'other';

/** A period found in the text, with its role and its span in the current text. */
export interface PeriodMention {
  /** `p1`, `p2`… in text order. */
  id: string;
  role: PeriodRole;
  /** ISO, inclusive; null for an open start (`đến năm 2030`, `trước ngày 31/12/2025`). */
  from: string | null;
  /** ISO, inclusive; null for an open end (`có hiệu lực từ ngày 01/12/2025`). */
  to: string | null;
  /** The words it was read from. */
  text: string;
  span: Span;
}

/** A mention a figure can be stated for: a reporting or cumulative period (or, for targets, a plan's) with both ends. */
export interface StatedPeriod extends Period {
  id: string;
  role: PeriodRole;
  span: Span;
}

/**
 * `percent-point`: a change of a percentage (`tăng 4,7 điểm phần trăm`), never a score.
 * `amount`: money and measures, `value` in the unit as printed (`3,8 tỷ đồng` → 3.8 `tỷ đồng`).
 */
export type FigureKind = 'count' | 'percent' | 'ratio' | 'score' | 'rank' | 'amount' | 'percent-point';

/**
 * A bound rather than an exact value: `ít nhất 10%`, `tối thiểu`, `trở lên`, `không thấp hơn` (≥);
 * `trên`, `hơn`, `vượt` (>); `tối đa`, `không quá`, `trở xuống` (≤); `dưới` (<).
 */
export type Comparator = '≥' | '≤' | '>' | '<';

/** One quantitative fact. Spans are offsets in the current (normalised/restored) text. */
export interface Figure {
  id: string;
  kind: FigureKind;
  value: number;
  /** Denominator or maximum for ratio (`1.779/1.894`), score (`19,99/20`) and rank (`72/114`). */
  of: number | null;
  /** `hồ sơ`, `TTHC`, `PAKN`, `%`, `điểm`, `tỷ đồng`, `ha`… */
  unit: string | null;
  /** Set when the text states a bound (`tối thiểu 30%` → `≥`), null for an exact value. */
  comparator: Comparator | null;
  /** The noun phrase it counts: `Số hồ sơ đã giải quyết`, `Lĩnh vực Hộ tịch`. */
  subject: string | null;
  /** Canonical metric id from the lexicon (`applications.resolved`), or null: never a guess. */
  metric: string | null;
  role: 'actual' | 'target';
  period: Period | null;
  /** The id of the period mention (`p3`) that `period` was read from, when there is one. */
  periodId?: string | null;
  /** The figure this one is a part of (`trong đó`, `cụ thể`, a list under a total). */
  parent: string | null;
  /** Section id from the outline. */
  section: string | null;
  /** In [0, 1]: lower when subject or unit had to be inferred across sentences. */
  confidence: number;
  /** Span of the number (and its unit) in the current text. */
  span: Span;
  /** For a target row of an indicator table: the body responsible for it (`Cơ quan chịu trách nhiệm`). */
  responsible?: string | null;
  /** For a number read from a table cell: the table, the row and the column's header path. */
  cell?: CellRef;
  /** For a cell of a row that names an administrative unit (`Xã An Lão`): that unit, a part of the report's. */
  subunit?: { level: string; name: string } | null;
}

/** Where a figure stands in a table: `Outline.tables[].id`, the row's index in `rows`, its column. */
export interface CellRef {
  table: string;
  /** Index in the table's `rows` (header rows not counted), from 0. */
  row: number;
  /** Index of the column, from 0. */
  column: number;
  /** The column's header path, outermost first (`['Số hồ sơ tiếp nhận', 'Trực tuyến']`). */
  path: string[];
  /** The row's label as printed (`Xã An Lão`, `Tổng cộng`). */
  label: string | null;
}

/** A cited directive: `Công văn số 137/UBND-TTPVHCC ngày 23/01/2026`. */
export interface Reference {
  id: string;
  /** Kind as named in the text, canonical spelling: `Công văn`, `Quyết định`, `Nghị định`… */
  kind: string;
  /** The number as written: `137`, `66.7` (a string, never a decimal). */
  number: string | null;
  year: number | null;
  /** Everything after the number and year, spaces removed: `UBND-TTPVHCC`, `QĐ-TTg`, `KL/TW`. */
  symbol: string | null;
  /** Type code (`QĐ`, `NĐ`, `KL`) and issuer code (`TTg`, `CP`, `UBND-TTPVHCC`, `TW`). */
  typeCode: string | null;
  issuerCode: string | null;
  /** Issuing body when the text names it: `Thủ tướng Chính phủ`. */
  issuer: string | null;
  /** ISO date, or null. */
  date: string | null;
  /** Same document cited twice ⇒ same key. */
  key: string;
  confidence: number;
  span: Span;
}

export interface Extraction {
  figures: Figure[];
  references: Reference[];
  periods: PeriodMention[];
  /** The document's main reporting period, from its title and body. */
  documentPeriod: Period | null;
}
