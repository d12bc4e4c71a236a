/**
 * The library: what `import … from 'baocao'` gives. Everything here is stable within a major
 * version; anything not exported here is internal and may change.
 *
 *   import { processFile, runBatch, type Report } from 'baocao';
 *   const report: Report = await processFile('bao-cao.pdf');
 *   const summary = await runBatch(['archive'], { out: 'output', jobs: 2 });
 */
export { processFile, processFileWithText, processDocument, type ReportOptions } from '../pipelines/report.js';
export { runBatch, type BatchOptions, type BatchSummary, type FailingReport, type FileEvent, type FileError } from '../pipelines/batch.js';
export type { SkippedInput } from './ingest/walk.js';
export { ingestFile, createIngestContext, type IngestContext, type SourceDocument, type SourceFormat } from './ingest/index.js';
export { PipelineError, UsageError, type Stage } from './errors.js';
export { compactReport, type CompactReport, type ReportFormat } from './write/report.js';
export { SCHEMA_VERSION, type ReportJson as Report, type ReportFigure, type ReportReference, type ReportSection, type ReportTable, type TextUsed } from './write/report.js';
export { schemaErrors } from './write/schema.js';
export type { Check, CheckCount } from './validate/index.js';
