import type { Box, DocxLocation, SourceDocument } from '../ingest/types.js';
import type { SourceText, Span } from './source-text.js';

/** Where an extracted value came from, in terms a QA reviewer can check against the source. */
export interface Provenance {
  file: string;
  /** 1-based page, or null for sources without pages. */
  page: number | null;
  /** Span in the original text (`SourceDocument.text.original`). */
  span: Span;
  /** 1-based line of the span's start in the original text. */
  line: number;
  /** The original characters of the span, before any normalisation or restoration. */
  text: string;
  /** The text the value was read from, when restoration changed it. */
  restoredText?: string;
  /** Page boxes covering the span, where the source has geometry. */
  boxes?: Box[];
  /** Spreadsheets: the address of the cell holding the span (`'Phụ lục I'!D5`). */
  cell?: string;
  /** Spreadsheets: that cell's text as the spreadsheet displays it (`46%` for a stored 0.456789), when it differs from `text`'s cell text. */
  displayed?: string;
}

/** Provenance of a span of `current`, a text derived from `doc.text` by any chain of edits. */
export function provenanceOf(doc: SourceDocument, current: SourceText, span: Span, restored = false): Provenance {
  const o = current.toOriginal(span);
  const text = current.original.slice(o.start, o.end);
  const p: Provenance = {
    file: doc.path,
    page: pageOf(doc, o.start),
    span: o,
    line: current.lineOf(o.start),
    text,
  };
  if (restored) {
    const now = current.slice(span);
    if (now !== text) p.restoredText = now;
  }
  const boxes = boxesOf(doc, o);
  if (boxes.length > 0) p.boxes = boxes;
  if (SPREADSHEETS.has(doc.format) && doc.locations) {
    const cell = locationAt(doc.locations, o.start);
    if (cell && o.end <= cell.end) {
      p.cell = cell.path;
      if (cell.displayed !== undefined) p.displayed = cell.displayed;
    }
  }
  return p;
}

const SPREADSHEETS = new Set<SourceDocument['format']>(['xlsx', 'xls', 'ods']);

/** The location holding an original offset (locations are sorted by start and do not overlap). */
function locationAt(locations: readonly DocxLocation[], offset: number): DocxLocation | null {
  let lo = 0;
  let hi = locations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (locations[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const l = locations[lo];
  return l && l.start <= offset ? l : null;
}

function pageOf(doc: SourceDocument, offset: number): number | null {
  for (const page of doc.pages) if (offset >= page.start && offset < page.end) return page.number;
  return doc.pages.length > 0 ? doc.pages[doc.pages.length - 1]!.number : null;
}

/** The boxes that overlap an original span (boxes are sorted by start). */
function boxesOf(doc: SourceDocument, span: Span): Box[] {
  const out: Box[] = [];
  let lo = 0;
  let hi = doc.boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.boxes[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.boxes.length && doc.boxes[i]!.start < span.end; i++) out.push(doc.boxes[i]!.box);
  return out;
}
