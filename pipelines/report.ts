/**
 * One file through every stage:
 *
 *   ingest → normalise → restore (only if garbled) → segment → extract → validate → report JSON
 *
 * Each stage is a function with one typed input and one typed output; this file only composes
 * them and names the stage an error came from. I/O happens in ingest and in the caller that writes.
 */
import { asPipelineError, PipelineError, type Stage } from '../src/errors.js';
import { extract } from '../src/extract/index.js';
import { createIngestContext, type IngestContext } from '../src/ingest/context.js';
import { ingestFile } from '../src/ingest/index.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { normalise } from '../src/normalise/index.js';
import { detectDamage, restoreDiacritics } from '../src/restore/index.js';
import { segment } from '../src/segment/index.js';
import type { Outline } from '../src/segment/types.js';
import { documentMarkdown } from '../src/write/markdown.js';
import { validate } from '../src/validate/index.js';
import { buildReport, type ReportJson, type TextUsed } from '../src/write/report.js';
import { schemaErrors } from '../src/write/schema.js';

export interface ReportOptions {
  /** The path written into the report (defaults to the file path). */
  displayPath?: string;
  /**
   * OCR worker pool for scanned PDFs and images, shared across the files of a run
   * (`createIngestContext()`, closed by its owner). Without one, a file that needs OCR gets a
   * pool of its own, closed before `processFile` returns.
   */
  ingest?: IngestContext;
  /** The channel repairs of failed checks are scored by; by default `ocr` for text baocao OCR'd, `typing` for the rest. */
  repairChannel?: 'ocr' | 'typing';
}

/** Run the stages on one file. Throws a PipelineError naming the file, the stage and the reason. */
export async function processFile(file: string, options: ReportOptions = {}): Promise<ReportJson> {
  // the pool starts no worker until a page needs OCR: text, DOCX and text-layer PDFs cost nothing
  const own = options.ingest ? null : createIngestContext();
  try {
    return processDocument(await ingestStage(file, options.ingest ?? own!), options);
  } finally {
    await own?.close();
  }
}

/** Ingest, with any error a reader let through (pdf.js, mammoth) named as the ingest stage's. */
async function ingestStage(file: string, ingest: IngestContext): Promise<SourceDocument> {
  try {
    return await ingestFile(file, ingest);
  } catch (error) {
    throw asPipelineError(error, 'ingest', file);
  }
}

export function processDocument(doc: SourceDocument, options: ReportOptions = {}): ReportJson {
  return processDocumentParts(doc, options).report;
}

/** `processFile`, with the document's restored text as Markdown (`baocao run --text`). */
export async function processFileWithText(file: string, options: ReportOptions = {}): Promise<{ report: ReportJson; markdown: string }> {
  const own = options.ingest ? null : createIngestContext();
  try {
    const { report, outline } = processDocumentParts(await ingestStage(file, options.ingest ?? own!), options);
    return { report, markdown: documentMarkdown(outline) };
  } finally {
    await own?.close();
  }
}

function processDocumentParts(doc: SourceDocument, options: ReportOptions): { report: ReportJson; outline: Outline } {
  const file = doc.path;
  const stage = <T>(name: Stage, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw asPipelineError(error, name, file);
    }
  };
  const normalised = stage('normalise', () => normalise(doc.text));
  // Restoration runs on text that looks stripped or garbled by the damage detector, and on OCR that baocao ran (a
  // light pass with tone repair: it gains on every part of the scan set, docs/scans.md); clean text passes through.
  const restoration = stage('restore', () => {
    if (doc.textOrigin === 'ocr') return restoreDiacritics(normalised, { mode: 'light', tones: true });
    const damage = detectDamage(normalised.text);
    return damage.damaged ? restoreDiacritics(normalised, { mode: 'full' }) : { text: normalised, changes: [], damage };
  });
  const text = restoration.text;
  const textUsed: TextUsed = restoration.changes.length > 0 ? 'restored' : doc.textOrigin === 'ocr' ? 'ocr' : 'original';
  const outline = stage('segment', () => segment(text));
  const extraction = stage('extract', () => extract(outline));
  const channel = options.repairChannel ?? (doc.textOrigin === 'ocr' ? 'ocr' : 'typing');
  const checks = stage('validate', () => validate(outline, extraction, { channel }));
  const report = stage('write', () =>
    buildReport({ doc, text, textUsed, outline, extraction, checks, restoration, path: options.displayPath ?? file }),
  );
  const invalid = schemaErrors(report);
  if (invalid) throw new PipelineError('write', file, `report does not match the schema: ${invalid}`);
  return { report, outline };
}
