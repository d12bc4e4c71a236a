/**
 * The batch manifest: what each input became, keyed by its path relative to the input root,
 * remembered with the content hash and the version of the code that made it. A re-run skips an
 * entry whose hash and version still match and redoes the rest.
 *
 * Two files, so that `kill -9` at any moment loses at most the file being processed:
 * - `<out>/manifest.jsonl`: the settled state, sorted by path, rewritten atomically at the end
 *   of a run (deterministic bytes: a clean run and an interrupted-then-resumed run agree);
 * - `<out>/manifest.journal.jsonl`: one line appended per finished file during a run, replayed
 *   over the manifest on the next start, deleted once the manifest holds it. A line cut short by
 *   a kill is ignored (its file is simply redone).
 *
 * Poison files: a `started` line goes into the journal before a file is handed to a worker. A
 * started file with no outcome after it was being processed when the whole run died (killed, out
 * of memory): the next start records that as a failed attempt. A file that fails a guard (time,
 * memory, a crashed worker) or takes the run down MAX_ATTEMPTS times is skipped until the
 * version of the code changes, or a run asks to retry failed files.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Stage } from '../errors.js';
import { hashFileInto, writeFileAtomic } from './files.js';
import { SCHEMA_VERSION } from './report.js';
import type { CheckCount } from '../validate/index.js';

/**
 * Bump when the pipeline's output changes for the same input without a schema change. The
 * version key below also folds in a fingerprint of the code under `src/`, `pipelines/`, `schema/`
 * and `models/`, so a forgotten bump still redoes files made by older code.
 */
export const PIPELINE_VERSION = '1';

export const MANIFEST_FILE = 'manifest.jsonl';
export const JOURNAL_FILE = 'manifest.journal.jsonl';
/** Runs a file may fail a guard in, or take down, before it is skipped. */
export const MAX_ATTEMPTS = 3;

/** Where a file failed: a pipeline stage, or the batch's own guards (timeout, memory, crash). */
export type ErrorStage = Stage | 'batch';

export interface ManifestError {
  stage: ErrorStage;
  reason: string;
  /** Failures of the environment (timeout, memory, crash) are tried again on the next run, up to MAX_ATTEMPTS. */
  retry: boolean;
  /** For a guard's failure: the runs this content failed in with this version of the code. */
  attempts?: number;
}

export interface ManifestEntry {
  /** Path relative to the input root; the report is `<out>/<relative>.json`. */
  relative: string;
  /** The input path as given on the command line (joined with the walked part). */
  file: string;
  sha256: string;
  bytes: number;
  /** `versionKey()` of the code that produced the entry. */
  version: string;
  status: 'ok' | 'error';
  error: ManifestError | null;
  /** Checks the report made and how many failed (null for a failed file): the run's summary of an unchanged file. */
  checks: CheckCount | null;
}

export type Manifest = Map<string, ManifestEntry>;

let cachedKey: Promise<string> | null = null;

/** Pipeline version, schema version and a hash of the code and models that shape the output. */
export function versionKey(): Promise<string> {
  cachedKey ??= (async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const hash = createHash('sha256');
    for (const dir of ['src', 'pipelines', 'schema', 'models']) {
      for (const file of await filesUnder(join(root, dir))) {
        // tests and the evaluation's leave-one-out models never shape a report
        if (/\.test\.ts$/.test(file) || file.includes(`${sep}loo${sep}`)) continue;
        hash.update(relative(root, file)).update('\0');
        // a buffer at a time: the main thread of a batch should not hold a model file's bytes
        await hashFileInto(hash, file);
        hash.update('\0');
      }
    }
    return `${PIPELINE_VERSION}/${SCHEMA_VERSION}/${hash.digest('hex').slice(0, 16)}`;
  })();
  return cachedKey;
}

async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A file handed to a worker: what its entry will be, but for the outcome. */
export type StartedFile = Pick<ManifestEntry, 'relative' | 'file' | 'sha256' | 'bytes' | 'version'>;

/**
 * The manifest and, replayed over it, the journal of an interrupted run: its settled files, and
 * each file it started and never settled recorded as a failed attempt (`guardFailure`).
 */
export async function loadManifest(out: string): Promise<Manifest> {
  const manifest: Manifest = new Map();
  const started = new Map<string, StartedFile>();
  for (const name of [MANIFEST_FILE, JOURNAL_FILE]) {
    let text: string;
    try {
      text = await readFile(join(out, name), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const record = parseLine(line);
      if (!record) continue;
      if ('started' in record) started.set(record.started.relative, record.started);
      else if ('released' in record) started.delete(record.released);
      else {
        started.delete(record.relative);
        manifest.set(record.relative, record);
      }
    }
  }
  for (const file of started.values()) {
    const reason = 'the run ended while this file was being processed (killed, or out of memory)';
    manifest.set(file.relative, guardFailure(file, reason, manifest.get(file.relative)));
  }
  return manifest;
}

/**
 * The entry of a file that failed a guard (time, memory, a crashed worker or run): one more
 * attempt than its last entry counted for the same content and code; the last allowed one says
 * that the file is now skipped.
 */
export function guardFailure(file: StartedFile, reason: string, previous: ManifestEntry | undefined): ManifestEntry {
  const same = previous?.sha256 === file.sha256 && previous.version === file.version;
  const attempts = (same ? (previous.error?.attempts ?? 0) : 0) + 1;
  const retry = attempts < MAX_ATTEMPTS;
  const said = retry ? reason : `${reason}; failed ${attempts} times, skipped until baocao changes (--retry-failed tries again)`;
  return { ...file, status: 'error', error: { stage: 'batch', reason: said, retry, attempts }, checks: null };
}

type JournalLine = ManifestEntry | { started: StartedFile } | { released: string };

function parseLine(line: string): JournalLine | null {
  if (!line.trim()) return null;
  try {
    const e = JSON.parse(line) as Partial<ManifestEntry> & { started?: StartedFile; released?: string };
    if (e.started && typeof e.started.relative === 'string') return { started: e.started };
    if (typeof e.released === 'string') return { released: e.released };
    return typeof e.relative === 'string' && typeof e.sha256 === 'string' ? ({ ...e, checks: e.checks ?? null } as ManifestEntry) : null;
  } catch {
    return null; // a line cut short by a kill
  }
}

/** Append one settled file to the journal (one `write` of one line: a kill leaves it whole or cut). */
export async function journal(out: string, entry: ManifestEntry): Promise<void> {
  await appendFile(join(out, JOURNAL_FILE), `${entryLine(entry)}\n`);
}

/** Before a file goes to a worker: if the run dies before its outcome, the next start knows. */
export async function journalStarted(out: string, file: StartedFile): Promise<void> {
  const { relative, file: path, sha256, bytes, version } = file;
  await appendFile(join(out, JOURNAL_FILE), `${JSON.stringify({ started: { relative, file: path, sha256, bytes, version } })}\n`);
}

/**
 * The files in a worker when the run is interrupted on purpose (Ctrl+C, a kill): not their fault.
 * Synchronous, for a signal handler that exits next.
 */
export function journalReleased(out: string, relatives: Iterable<string>): void {
  const lines = [...relatives].map((r) => `${JSON.stringify({ released: r })}\n`).join('');
  if (lines) appendFileSync(join(out, JOURNAL_FILE), lines);
}

/** Write the manifest sorted by path, then drop the journal it now contains. */
export async function saveManifest(out: string, manifest: Manifest): Promise<void> {
  const lines = sortedEntries(manifest).map((e) => `${entryLine(e)}\n`);
  await writeFileAtomic(join(out, MANIFEST_FILE), lines.join(''));
  await rm(join(out, JOURNAL_FILE), { force: true });
}

export function sortedEntries(manifest: Manifest): ManifestEntry[] {
  return [...manifest.values()].sort((a, b) => compare(a.relative, b.relative));
}

/** Fixed key order, so equal entries are equal bytes. */
function entryLine(e: ManifestEntry): string {
  return JSON.stringify({
    relative: e.relative,
    file: e.file,
    sha256: e.sha256,
    bytes: e.bytes,
    version: e.version,
    status: e.status,
    error: e.error ? { stage: e.error.stage, reason: e.error.reason, retry: e.error.retry, ...(e.error.attempts ? { attempts: e.error.attempts } : {}) } : null,
    checks: e.checks ? { made: e.checks.made, failed: e.checks.failed } : null,
  });
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
