import type { SourceText, Span } from '../text/source-text.js';

/** Header fields of an administrative document; null where the document leaves a blank. */
export interface DocumentHeader {
  /** Document kind code from the symbol or title: BC (báo cáo), KH (kế hoạch), CV (công văn)… */
  kind: string | null;
  number: string | null;
  /** The symbol after the number, spaces removed: `BC-UBND`. */
  symbol: string | null;
  /** Issuing body as printed in the header block (`ỦY BAN NHÂN DÂN ĐẶC KHU CÁT HẢI`). */
  issuer: string | null;
  /** The reporting unit and its level (`đặc khu` / `Cát Hải`), from the header or the body. */
  unit: ReportingUnit | null;
  place: string | null;
  date: { year: number | null; month: number | null; day: number | null } | null;
  title: string | null;
  /** `Kính gửi:` (respectfully to) recipients. */
  recipients: string[];
  signer: { name: string | null; role: string | null; onBehalfOf: string | null } | null;
  /** `Nơi nhận:` (distribution list) lines. */
  distribution: string[];
}

export interface ReportingUnit {
  /** `xã`, `phường`, `đặc khu`, `thành phố`, `tỉnh`… */
  level: string;
  name: string;
}

/** A numbered or titled section (`I.`, `1.`, `1.1.`, `a)`, Markdown `#`). */
export interface Section {
  id: string;
  /** The label as printed, without punctuation: `I`, `1.1`, `a`; null for Markdown headings. */
  label: string | null;
  /** Depth in the tree, 1 for the top level. */
  level: number;
  title: string;
  /** Span of the heading line in the current text. */
  span: Span;
  parent: string | null;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'footnote';

/** A line-level unit of the body in reading order, with the section it belongs to. */
export interface Block {
  id: string;
  kind: BlockKind;
  /** Span of the whole line in the current text (marker included). */
  span: Span;
  /** Span of the content after the list marker. */
  content: Span;
  /** `-`, `+`, `*`, `a)`… or null. */
  marker: string | null;
  section: string | null;
  /** For list items: the block it hangs under (the paragraph or item ending in `:`), if any. */
  parent: string | null;
}

export interface TableCell {
  /** The cell's characters in the current text (empty at the cell's place for an empty cell). */
  span: Span;
  text: string;
  /**
   * A merged cell: how many grid columns / rows it covers (absent for 1). The columns it covers to
   * its right, and the rows below it, hold an empty cell marked `merged`.
   */
  colSpan?: number;
  rowSpan?: number;
  /** This grid place is covered by a merged cell to its left or above: it has no text of its own. */
  merged?: true;
}

export interface TableRow {
  span: Span;
  cells: TableCell[];
  /**
   * Data rows: the cell naming the row (a commune, an indicator, `Tổng cộng`), null when the row has
   * none. Usually the cell of `Table.labelColumn`; a total row's label may sit further left (`Tổng
   * cộng` across the number and name columns).
   */
  label?: TableCell | null;
}

/**
 * One column of a table: its header path, outermost first (`['Số hồ sơ tiếp nhận', 'Trực tuyến']`);
 * a merged header cell is on the path of every column it covers.
 */
export interface TableColumn {
  path: string[];
}

/**
 * A table; a table continued on the next page (its header rows repeated or not) is one table.
 * Every format is read to the same text (one row per line, cells tab-separated, a merged cell's
 * other places written empty; Markdown pipe rows as written) and the table is read from it: see
 * docs/tables.md.
 */
export interface Table {
  id: string;
  /** Caption such as `Phụ lục I …` (appendix), when one precedes the table. */
  title: string | null;
  section: string | null;
  /** The last header row naming columns (not the numbering row), or null for a table without one. */
  header: TableRow | null;
  /**
   * Every header row, top first: the rows naming columns (several for a multi-level header) and a
   * numbering row `(1) (2) (3)` under them, if any. `header` is one of them.
   */
  headerRows?: TableRow[];
  /** One per column of the widest row; the path is empty for a column with no header text. */
  columns: TableColumn[];
  /** The column naming each row (a commune, an indicator), past a row-number column `STT`; null if none. */
  labelColumn?: number | null;
  /** Data rows, in order (header rows and their repetitions on later pages are not rows). */
  rows: TableRow[];
  /**
   * From the table's first line to its last: every line inside (header rows, a pipe table's
   * `|---|` rule, a header repeated after a page break) belongs to the table.
   */
  span?: Span;
}

/** The output of segment: the document's structure over its current text. */
export interface Outline {
  text: SourceText;
  header: DocumentHeader;
  sections: Section[];
  blocks: Block[];
  tables: Table[];
  /** Header fields that could not be read, and why. */
  warnings: string[];
}
