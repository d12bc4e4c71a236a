/** The stages a file goes through; an error names the one it failed in. */
export type Stage = 'ingest' | 'normalise' | 'restore' | 'segment' | 'extract' | 'validate' | 'write';

/**
 * An error that is a value: a stage, a file and a sentence a person can act on.
 * The stack trace is for `--verbose`, never for the summary line.
 */
export class PipelineError extends Error {
  constructor(
    readonly stage: Stage,
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = 'PipelineError';
  }
}

export function asPipelineError(error: unknown, stage: Stage, file: string): PipelineError {
  if (error instanceof PipelineError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PipelineError(stage, file, reason, { cause: error });
}

/**
 * The command cannot run as given (an input that does not exist, an output path that is a file,
 * a folder that is not the output of `baocao run`): nothing was processed. The CLI prints the
 * message and exits with 2.
 */
export class UsageError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UsageError';
  }
}

/** Codes of a write that failed because of the output's disk or permissions, not the file's content. */
const OUTPUT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EPERM', 'EACCES', 'EIO']);

export const isOutputFailure = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && OUTPUT_CODES.has((error as NodeJS.ErrnoException).code ?? '');

/**
 * The output could not be written (a full disk, a read-only or forbidden folder): the run's
 * trouble, not a file's. The batch stops cleanly; no file is marked failed for it; the same command
 * run again, once the cause is fixed, goes on where it stopped.
 */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path} (${code}): the run stopped and no file was marked failed; fix the output folder (free space, permissions) and run the same command again`);
    this.name = 'OutputError';
  }
}
