import type { OcrPage, SourceDocument } from '../ingest/types.js';
import type { Extraction, Figure, Period, PeriodMention, Reference } from '../extract/types.js';
import type { RestoreResult } from '../restore/index.js';
import type { DocumentHeader, Outline, Table } from '../segment/types.js';
import { LOW_CONFIDENCE, lowConfidence } from '../restore/confidence.js';
import { checksByFigure, type Check } from '../validate/index.js';
import { provenanceOf, type Provenance } from '../text/provenance.js';
import type { SourceText, Span } from '../text/source-text.js';
import { documentKeyOf, fingerprintOf, type Fingerprint } from '../identity/index.js';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

export type TextUsed = 'original' | 'ocr' | 'restored';

export interface ReportSection {
  id: string;
  label: string | null;
  level: number;
  title: string;
  parent: string | null;
  provenance: Provenance;
}

export interface ReportTable {
  id: string;
  title: string | null;
  section: string | null;
  header: string[] | null;
  rows: string[][];
  /** The header path of each column, outermost first; a figure read from a cell names its column's (`cell.path`). */
  columns: string[][];
  provenance: Provenance;
}

export type ReportFigure = Omit<Figure, 'span'> & { span: Span; provenance: Provenance; checks: string[] };
export type ReportReference = Omit<Reference, 'span'> & { span: Span; provenance: Provenance };
export type ReportPeriod = Omit<PeriodMention, 'span'> & { span: Span; provenance: Provenance };

/** The report JSON: one per input file. */
export interface ReportJson {
  schemaVersion: string;
  /** `ocr`: each OCR'd page's model, engine and mean word confidence. */
  source: { path: string; sha256: string; format: string; bytes: number; pages: number | null; encoding: string; ocr?: OcrPage[] };
  /** The document this file is a copy of: its header key when complete, else `text:` and its fingerprint's hash (src/identity). */
  documentKey: string;
  /** What recognises other copies of the same document (other formats, scans): see src/identity/fingerprint.ts. */
  fingerprint: Fingerprint;
  textUsed: TextUsed;
  /** The text every `span` refers to (normalised, and restored where `textUsed` is `restored`). */
  text: string;
  /** The text every `provenance.span` refers to, when it differs from `text`. */
  originalText?: string;
  document: DocumentHeader;
  /** The document's main reporting period. */
  period: Period | null;
  /** Every period the text names (in text order), with its role; figures point at one by `periodId`. */
  periods: ReportPeriod[];
  sections: ReportSection[];
  tables: ReportTable[];
  figures: ReportFigure[];
  references: ReportReference[];
  /** Arithmetic cross-checks (src/validate); each figure lists the ids of those it took part in. */
  checks: Check[];
  /** What the damage detector measured and, for restored text, every token restoration changed. */
  restoration: {
    damage: RestoreResult['damage'];
    changes: ReportChange[];
    /** The changes a reviewer should read first: confidence under `threshold`, least confident first (schema 1.5). */
    lowConfidence: { threshold: number; changes: ReportChange[] };
  };
  warnings: string[];
}

export type ReportChange = Omit<RestoreResult['changes'][number], 'span'> & { span: Span; provenance: Provenance };

export interface ReportParts {
  doc: SourceDocument;
  /** The text after the last stage that changed it. */
  text: SourceText;
  textUsed: TextUsed;
  outline: Outline;
  extraction: Extraction;
  /** The validate stage's checks (none when left out). */
  checks?: Check[];
  restoration: Pick<RestoreResult, 'damage' | 'changes'>;
  /** Displayed path of the source (relative to the run's input root). */
  path: string;
}

/** Assemble the report JSON. Key order here is the key order in the file: keep it stable. */
export function buildReport({ doc, text, textUsed, outline, extraction, checks = [], restoration, path }: ReportParts): ReportJson {
  const restored = textUsed === 'restored';
  const prov = (span: Span) => ({ ...provenanceOf(doc, text, span, restored), file: path });
  const checksOf = checksByFigure(checks);
  const fingerprint = fingerprintOf(text.text);
  const report: ReportJson = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path,
      sha256: doc.sha256,
      format: doc.format,
      bytes: doc.bytes,
      pages: doc.pages.length > 0 ? doc.pages.length : null,
      encoding: doc.encoding,
      ...(doc.ocr ? { ocr: doc.ocr } : {}),
    },
    documentKey: documentKeyOf(outline.header, fingerprint),
    fingerprint,
    textUsed,
    text: text.text,
    ...(text.text !== text.original ? { originalText: text.original } : {}),
    document: outline.header,
    period: extraction.documentPeriod,
    periods: extraction.periods.map((p) => ({ ...p, provenance: prov(p.span) })),
    sections: outline.sections.map((s) => ({
      id: s.id,
      label: s.label,
      level: s.level,
      title: s.title,
      parent: s.parent,
      provenance: prov(s.span),
    })),
    tables: outline.tables.map((t) => tableJson(t, prov)),
    figures: extraction.figures.map((f) => ({ ...f, provenance: prov(f.span), checks: checksOf.get(f.id) ?? [] })),
    references: extraction.references.map((r) => ({ ...r, provenance: prov(r.span) })),
    checks,
    restoration: restorationJson(restoration, prov),
    warnings: [...doc.warnings, ...outline.warnings],
  };
  return report;
}

function restorationJson(restoration: ReportParts['restoration'], prov: (span: Span) => Provenance): ReportJson['restoration'] {
  const changes = restoration.changes.map((c) => ({ ...c, provenance: prov(c.span) }));
  return { damage: restoration.damage, changes, lowConfidence: { threshold: LOW_CONFIDENCE, changes: lowConfidence(changes) } };
}

function tableJson(t: Table, prov: (span: Span) => Provenance): ReportTable {
  const rows = t.header ? [t.header, ...t.rows] : t.rows;
  const span = { start: rows[0]?.span.start ?? 0, end: rows.at(-1)?.span.end ?? 0 };
  return {
    id: t.id,
    title: t.title,
    section: t.section,
    header: t.header ? t.header.cells.map((c) => c.text) : null,
    rows: t.rows.map((r) => r.cells.map((c) => c.text)),
    columns: t.columns.map((c) => c.path),
    provenance: prov(span),
  };
}

export type ReportFormat = 'full' | 'compact';

/**
 * `--format compact`: the report without its texts and the restoration's changes (`detail:
 * 'compact'`); the low-confidence ones stay, with their provenance: they are what to check.
 */
export type CompactReport = Omit<ReportJson, 'text' | 'originalText' | 'restoration'> & {
  detail: 'compact';
  restoration: Pick<ReportJson['restoration'], 'damage' | 'lowConfidence'>;
};

export function compactReport(report: ReportJson): CompactReport {
  const { text: _text, originalText: _original, restoration, ...rest } = report;
  const out: Record<string, unknown> = {};
  // key order as in the full report, `detail` after `schemaVersion`
  for (const [k, v] of Object.entries(rest)) {
    out[k] = v;
    if (k === 'schemaVersion') out.detail = 'compact';
    if (k === 'checks') out.restoration = { damage: restoration.damage, lowConfidence: restoration.lowConfidence };
  }
  return out as CompactReport;
}
