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
