/**
 * Many files through `processFile`, each isolated: one file's error becomes a line in
 * `errors.jsonl` and never stops the batch or touches another file's output.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { asPipelineError, type Stage } from '../src/errors.js';
import { listInputs } from '../src/ingest/walk.js';
import { stableJson, writeFileAtomic } from '../src/write/files.js';
import { processFile } from './report.js';

export interface BatchOptions {
  out: string;
  jobs?: number;
  /** Called after each file, for progress. */
  onFile?: (event: FileEvent) => void;
}

export type FileEvent =
  | { file: string; ok: true; output: string }
  | { file: string; ok: false; error: FileError };

export interface FileError {
  file: string;
  sha256: string | null;
  stage: Stage;
  reason: string;
}

export interface BatchSummary {
  files: number;
  ok: number;
  failed: number;
  errors: FileError[];
}

export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const files = await listInputs(inputs, options.out);
  const queue = new PQueue({ concurrency: options.jobs ?? 1 });
  const errors: FileError[] = [];
  let ok = 0;
  await Promise.all(
    files.map((input) =>
      queue.add(async () => {
        const output = join(options.out, `${input.relative}.json`);
        try {
          const report = await processFile(input.file, { displayPath: input.relative });
          await writeFileAtomic(output, stableJson(report));
          ok++;
          options.onFile?.({ file: input.file, ok: true, output });
        } catch (error) {
          const e = asPipelineError(error, 'write', input.file);
          const record: FileError = { file: input.file, sha256: await sha256OfFile(input.file), stage: e.stage, reason: e.reason };
          errors.push(record);
          options.onFile?.({ file: input.file, ok: false, error: record });
        }
      }),
    ),
  );
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  await writeFileAtomic(join(options.out, 'errors.jsonl'), errors.map((e) => JSON.stringify(e)).join('\n') + (errors.length ? '\n' : ''));
  return { files: files.length, ok, failed: errors.length, errors };
}

/** The hash of a file that failed, when it can be read at all (so a moved copy is recognised). */
async function sha256OfFile(file: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return null;
  }
}
