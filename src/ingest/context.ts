/**
 * What ingest keeps across files of one run: the OCR worker pool. The pipeline creates one
 * context per run, passes it to every `ingestFile`, and closes it at the end so the worker
 * threads exit.
 */
import { OcrPool, type OcrPoolOptions } from './ocr.js';

export interface IngestContext {
  readonly ocr: OcrPool;
  close(): Promise<void>;
}

export function createIngestContext(options: OcrPoolOptions = {}): IngestContext {
  const ocr = new OcrPool(options);
  return {
    ocr,
    close: () => ocr.close(),
  };
}
