import type { SourceText } from '../text/source-text.js';

/**
 * What a file turned out to be, judged by its content, not its name: `doc` is Word 97–2003, `xls`
 * Excel 97–2003, `odt`/`ods` OpenDocument text and spreadsheet.
 */
export type SourceFormat = 'text' | 'markdown' | 'docx' | 'pdf' | 'image' | 'doc' | 'rtf' | 'odt' | 'xlsx' | 'xls' | 'ods';

/** A page of a paged source: the original-text offsets it covers. */
export interface Page {
  number: number; // 1-based
  start: number;
  end: number;
  width?: number;
  height?: number;
}

/** Page coordinates of a run of original text (PDF text items, OCR words). */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextBox {
  start: number; // original offsets
  end: number;
  box: Box;
  /** OCR word confidence in [0, 1], when the text came from OCR. */
  confidence?: number;
}

/** The output of ingest: one file's text with everything known about where it came from. */
export interface SourceDocument {
  path: string;
  sha256: string;
  bytes: number;
  format: SourceFormat;
  /** The text as read; `text.original` is what every provenance span indexes into. */
  text: SourceText;
  /** Where the text came from: the file's own text (or text layer), or OCR that baocao ran. */
  textOrigin: 'original' | 'ocr';
  /** Character encoding the text was decoded from (utf-8, utf-16le, tcvn3, vni, viqr…). */
  encoding: string;
  pages: Page[];
  /** Sorted by start; empty for sources without geometry. */
  boxes: TextBox[];
  warnings: string[];
  /**
   * DOCX, ODT and spreadsheets: where each piece of the original text came from (a paragraph and
   * run or span, a spreadsheet cell), sorted by start.
   */
  locations?: DocxLocation[];
  /** Pages (1-based) whose text came from OCR, for PDFs with a text layer on some pages only. */
  ocrPages?: number[];
  /** Each OCR'd page: the model and engine that read it and its mean word confidence (null: no words). */
  ocr?: OcrPage[];
}

export interface OcrPage {
  page: number;
  model: 'fast' | 'best';
  /** `wasm` (tesseract.js) or `native` (the system tesseract command). */
  engine: 'wasm' | 'native';
  confidence: number | null;
  /** Degrees the page was turned clockwise to read it (180 upside down, 90 or 270 sideways); its boxes are on the turned page. */
  turned?: Turn;
}

/** Clockwise degrees a page was turned to read it the right way up. */
export type Turn = 90 | 180 | 270;

/**
 * Where a piece of the original text came from: a DOCX run (`/body/p[12]/r[3]`,
 * `/body/tbl[1]/tr[1]/tc[2]/p[1]/r[1]`), an ODT span (`/body/p[12]/span[1]`,
 * `/body/table[1]/tr[1]/tc[2]/p[1]`) or a spreadsheet cell (`Sheet1!B3`, `'Phụ lục I'!D5`).
 */
export interface DocxLocation {
  start: number; // original offsets
  end: number;
  path: string;
  /**
   * Spreadsheets: the cell's text as the spreadsheet displays it (its number format applied:
   * `95%`, `1,894`, `3/26/25`), when it differs from the text written, which is the stored value
   * (`95%` from 0.95, `1.894`, `26/03/2025`).
   */
  displayed?: string;
  /** Spreadsheets: the merged range (`A2:E2`) whose top-left cell this is; the range's other cells are written empty. */
  merge?: string;
}
