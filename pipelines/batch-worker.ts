/**
 * One batch worker process: takes files from the batch, runs `processFile` on each and writes the
 * report JSON and its table rows itself (atomically), so a report never crosses processes as a
 * big string and is never parsed again to build the tables. The process runs under a memory
 * bound, and the batch kills it when a file takes too long or holds too much (worker-pool.ts): a
 * bad file costs a worker, never the batch.
 */
import { parentPort } from 'node:worker_threads';
import { asPipelineError, isOutputFailure } from '../src/errors.js';
import { createIngestContext, type IngestContext } from '../src/ingest/context.js';
import type { OcrEngineKind, OcrMode } from '../src/ingest/ocr.js';
import { stableJson, writeFileAtomic } from '../src/write/files.js';
import { countChecks, type CheckCount } from '../src/validate/index.js';
import { tableRowsJson } from '../src/write/rows.js';
import { compactReport, type ReportFormat } from '../src/write/report.js';
import { processFile, processFileWithText } from './report.js';
import { readFile } from 'node:fs/promises';
import { imagePageCount, ocrImagePage } from '../src/ingest/image.js';
import { sniffFormat } from '../src/ingest/index.js';
import { ocrPdfPage, pagesNeedingOcr } from '../src/ingest/pdf.js';

export interface WorkerTask {
  id: number;
  file: string;
  displayPath: string;
  output: string;
  /** Where the report's table rows go (`tableRowsJson`), for the batch's DuckDB tables. */
  rows: string;
  /** `compact`: the report without its texts and restoration changes (`--format compact`). */
  format?: ReportFormat;
  /** Where the document's restored text goes as Markdown (`--text`), if anywhere. */
  markdown?: string;
  /** The OCR cache's folder (src/ingest/ocr-cache.ts), the same for every task of a run. */
  ocrCache?: string;
  /** Which OCR model reads scanned pages (`--ocr`); a queue's worker may serve runs with different ones. */
  ocr?: OcrMode;
  /** What runs the OCR models, as the run resolved `--ocr-engine` (absent: `auto`, resolved on this machine); travels as `ocr` does. */
  ocrEngine?: OcrEngineKind;
  /**
   * For a queue's long scans (pipelines/queue.ts), instead of the report: `pages`, the pages of
   * a PDF that need OCR; `page`, one page's OCR into the cache. Run here for the same isolation.
   */
  step?: { kind: 'pages' } | { kind: 'page'; page: number };
}

export type WorkerResult =
  | { id: number; ok: true; checks: CheckCount; pages?: number[] }
  | { id: number; ok: false; stage: string; reason: string; stack: string | null; output?: { path: string; code: string } };

// A child process of the batch (worker-pool.ts), or a thread where the bench compares the two.
const channel = parentPort
  ? { post: (r: WorkerResult) => parentPort!.postMessage(r), on: (f: (m: WorkerTask | 'close') => void) => parentPort!.on('message', f), close: () => parentPort!.close() }
  : process.send
    ? { post: (r: WorkerResult) => process.send!(r), on: (f: (m: WorkerTask | 'close') => void) => process.on('message', f), close: () => process.disconnect() }
    : null;
if (!channel) throw new Error('batch-worker.ts runs in a worker of the batch (worker-pool.ts)');
const post = channel.post;

// One OCR pool per worker, started only when a scanned page needs it, for the OCR settings of the task in hand: a
// queue's worker outlives runs, and a run with other settings (`--ocr best` after `--ocr auto`, another `--ocr-engine`)
// gets a pool of its own.
let ingest: IngestContext | null = null;
let ingestKey = '';
async function ingestFor(task: WorkerTask): Promise<IngestContext> {
  const key = `${task.ocr ?? ''}\u0000${task.ocrEngine ?? ''}\u0000${task.ocrCache ?? ''}`;
  if (ingest && key === ingestKey) return ingest;
  await ingest?.close();
  ingestKey = key;
  ingest = createIngestContext({ workers: 1, ...(task.ocr ? { mode: task.ocr } : {}), ...(task.ocrEngine ? { engine: task.ocrEngine } : {}), ...(task.ocrCache ? { cacheDir: task.ocrCache } : {}) });
  return ingest;
}

// Ctrl+C reaches the whole process group: the batch decides what stops, and kills its workers.
process.on('SIGINT', () => {});
// the batch is gone (killed): nothing to report to
process.on('disconnect', () => process.exit(0));

channel.on(async (task) => {
  if (task === 'close') {
    await ingest?.close();
    channel.close();
    return;
  }
  let result: WorkerResult;
  try {
    const ingest = await ingestFor(task);
    if (task.step) {
      post({ id: task.id, ok: true, checks: { made: 0, failed: 0 }, ...(await runStep(task.file, task.step, ingest)) });
      return;
    }
    // `ingest` is read by processFile once the formats stage passes it on to ingestFile.
    const options = { displayPath: task.displayPath, ingest };
    const { report, markdown } = task.markdown ? await processFileWithText(task.file, options) : { report: await processFile(task.file, options), markdown: null };
    const writes: [string, string][] = [[task.rows, tableRowsJson(report)]];
    if (task.markdown && markdown !== null) writes.push([task.markdown, markdown]);
    writes.push([task.output, stableJson(task.format === 'compact' ? compactReport(report) : report)]);
    for (const [path, content] of writes) {
      try {
        await writeFileAtomic(path, content);
      } catch (error) {
        if (!isOutputFailure(error)) throw error;
        // the output's trouble, not the file's: the batch stops and the file stays to do
        result = { id: task.id, ok: false, stage: 'write', reason: error.message, stack: null, output: { path, code: error.code! } };
        post(result);
        return;
      }
    }
    result = { id: task.id, ok: true, checks: countChecks(report.checks) };
  } catch (error) {
    const e = asPipelineError(error, 'write', task.file);
    const cause = e.cause instanceof Error ? e.cause : e;
    result = { id: task.id, ok: false, stage: e.stage, reason: e.reason, stack: cause.stack ?? null };
  }
  post(result);
});

/** A scanned PDF's or a multi-page TIFF's pages to OCR, or one of them into the OCR cache. */
async function runStep(file: string, step: NonNullable<WorkerTask['step']>, ctx: IngestContext): Promise<{ pages?: number[] }> {
  const bytes = await readFile(file);
  const pdf = sniffFormat(bytes, file) === 'pdf';
  if (step.kind === 'pages') {
    return { pages: pdf ? await pagesNeedingOcr(bytes, file) : Array.from({ length: imagePageCount(bytes) }, (_, k) => k + 1) };
  }
  await (pdf ? ocrPdfPage(bytes, file, step.page, ctx) : ocrImagePage(bytes, file, step.page, ctx));
  return {};
}
