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
  span: Span;
  text: string;
}

export interface TableRow {
  span: Span;
  cells: TableCell[];
}

/** One column of a table: its header path, outermost first (`['Số hồ sơ tiếp nhận', 'Trực tuyến']`). */
export interface TableColumn {
  path: string[];
}

/** A table; a table continued on the next page with its header row repeated is one table. */
export interface Table {
  id: string;
  /** Caption such as `Phụ lục I …` (appendix), when one precedes the table. */
  title: string | null;
  section: string | null;
  /** The last header row (the one naming each column), or null for a table without one. */
  header: TableRow | null;
  /** One per column of the widest row; the path is empty for a column with no header text. */
  columns: TableColumn[];
  rows: TableRow[];
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
