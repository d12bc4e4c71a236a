/**
 * Many files through `processFile`, each in a guarded worker process (time and memory limits), with
 * a manifest so that a re-run skips what is done, redoes what changed, recognises a moved file by
 * its hash, resumes after `kill -9` to the same bytes as an uninterrupted run, and skips a file
 * that took its worker or the run down too often (manifest.ts: poison files).
 *
 * Output (everything but `runs/` is a function of the inputs and the code):
 *   <out>/<relative>.json        one report per good file (written atomically; `format: 'compact'` without its texts)
 *   <out>/<relative>.md          with `text`: the document's restored text as Markdown
 *   <out>/.tables/<relative>.json   its rows for the DuckDB tables (rows.ts: tableRowsJson)
 *   <out>/errors.jsonl           one line per failed file: file, sha256, stage, reason
 *   <out>/manifest.jsonl         what each input became (see src/write/manifest.ts)
 *   <out>/metrics.csv, <out>/metrics.parquet, <out>/metric_catalog.csv, <out>/baocao.duckdb
 *                                the analysts' tables, rebuilt from the reports (copies of one
 *                                document counted once: src/identity)
 *   <out>/runs/<start>.json      run metadata: start, duration, counts
 *   <out>/.ocr-cache/            OCR results by page image and engine: a re-run after an upgrade reads no page again
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import { isOutputFailure, OutputError, UsageError } from '../src/errors.js';
import { walkInputs, type InputFile, type Inputs, type SkippedInput } from '../src/ingest/walk.js';
import { ENTRY_SEPARATOR, expandArchives } from '../src/ingest/archive.js';
import { lockOutput } from '../src/write/lock.js';
import { MARKS_FILE, readMarks } from '../src/review/marks.js';
import { fileExists, sha256File, stableJson, writeFileAtomic } from '../src/write/files.js';
import {
  compare,
  guardFailure,
  journal,
  journalReleased,
  journalStarted,
  loadManifest,
  saveManifest,
  sortedEntries,
  versionKey,
  type ErrorStage,
  type Manifest,
  type ManifestEntry,
  type StartedFile,
} from '../src/write/manifest.js';
import { CATALOG_CSV } from '../src/write/catalog.js';
import { METRICS_CSV, writeMetricsCsv } from '../src/write/metrics-csv.js';
import { copyRelocated } from '../src/write/relocate.js';
import type { ReportFormat } from '../src/write/report.js';
import { resolveOcrEngine, type OcrEngineChoice, type OcrEngineKind, type OcrMode } from '../src/ingest/ocr.js';
import { requireTesseract, TesseractMissing } from '../src/ingest/native-ocr.js';
import type { CheckCount } from '../src/validate/index.js';
import type { WorkerTask } from './batch-worker.js';
import { WorkerPool, type Outcome } from './worker-pool.js';

export interface BatchOptions {
  out: string;
  /** Files processed at once (worker processes); default: the cores available. */
  jobs?: number;
  /** Per-file time limit; default 120 s (OCR of a long scan is the slow case). */
  timeoutMs?: number;
  /** Per-worker memory bound (each worker is a process); default 1024 MB. */
  memoryMb?: number;
  /**
   * Process again the files that failed in an earlier run with this version of the code: those
   * that failed a guard MAX_ATTEMPTS times, and those whose failure is their own.
   */
  retryFailed?: boolean;
  /** Aborting it stops the run at once (Ctrl+C): the workers are killed, their files are not counted against them. */
  signal?: AbortSignal;
  /**
   * Reports of files gone from the inputs are removed only while they are at most this share of
   * the output's (default 0.25): more looks like a share half mounted or a folder moved, not
   * deletions, and they are kept with a `skipped:` line. `prune: true` removes them however many.
   */
  pruneShare?: number;
  prune?: boolean;
  /**
   * A Redis URL: the files go to a BullMQ queue, processed by `baocao worker` on any machine that
   * sees the inputs and `out` at the same paths (pipelines/queue.ts); `jobs`, `timeoutMs` and
   * `memoryMb` are then the workers' to set.
   */
  queue?: string;
  /** Workers as child processes under the memory bound (default), or threads (the bench's baseline: worker-pool.ts). */
  isolation?: 'process' | 'thread';
  /** Files larger than this are refused before reading; default 100 MB. */
  maxBytes?: number;
  /** `compact`: reports without their texts and restoration changes; default `full`. */
  format?: ReportFormat;
  /** Write each document's restored text as Markdown beside its report (`<relative>.md`). */
  text?: boolean;
  /** Which OCR model reads scanned pages (src/ingest/ocr.ts); default `auto`. */
  ocr?: OcrMode;
  /**
   * What runs the OCR models (src/ingest/ocr.ts): `wasm` (tesseract.js), `native` (the system `tesseract`), or
   * `auto`, the default: native where the machine starting the run has it. Resolved once, there: a queue's
   * workers run the engine the run chose.
   */
  ocrEngine?: OcrEngineChoice;
  /** Called once the inputs are listed. */
  onStart?: (total: number) => void;
  /** Called for each symbolic link the walk did not follow (broken, or a loop), before `onStart`. */
  onSkip?: (skipped: SkippedInput) => void;
  /** Called after each file, for progress. */
  onFile?: (event: FileEvent) => void;
}

/** written: processed now; reused: same content already processed under another path; unchanged: skipped. */
export type FileEvent =
  /** checks: the report's checks and how many failed (null only for a report of an older baocao). */
  | { file: string; ok: true; status: 'written' | 'reused' | 'unchanged'; output: string; checks: CheckCount | null }
  | { file: string; ok: false; status: 'failed'; cached: boolean; error: FileError; stack: string | null };

export interface FileError {
  file: string;
  sha256: string | null;
  stage: ErrorStage;
  reason: string;
}

export interface BatchSummary {
  /** Input files found (after following symbolic links). */
  files: number;
  /** Files with a report: written + reused + unchanged. */
  ok: number;
  failed: number;
  /** Reports written by processing the file in this run. */
  written: number;
  /** Reports copied from a file of the same content already processed under another path. */
  reused: number;
  /** Files skipped because their report is up to date (same content, same pipeline version). */
  unchanged: number;
  /** Failures among this run's inputs, sorted by file. */
  errors: FileError[];
  /** Failed checks in the reports of this run's inputs (written, reused and unchanged). */
  failedChecks: number;
  /** The reports among them with a failed check: most failed checks first, then by file. */
  failing: FailingReport[];
  /** Symbolic links not followed (broken, or a loop), by path. */
  skipped: SkippedInput[];
  /** Symbolic links followed. */
  links: number;
  durationMs: number;
  /** Path of the run metadata file. */
  run: string;
}

export interface FailingReport {
  file: string;
  output: string;
  checks: CheckCount;
}

/** WorkerPool, or the queue's QueueDispatcher (pipelines/queue.ts). */
interface Dispatcher {
  run(task: Omit<WorkerTask, 'id'>, file: StartedFile): Promise<Outcome>;
  close(): Promise<void>;
  kill(): void;
}

/** Files in a queue at once: enough to keep a few dozen workers busy, few enough for Redis's memory. */
const QUEUE_WINDOW = 1000;

async function openQueue(url: string, out: string, code: string): Promise<Dispatcher> {
  const { QueueDispatcher } = await import('./queue.js');
  const dispatcher = new QueueDispatcher(url, out, code);
  try {
    await dispatcher.ready(url);
  } catch (error) {
    dispatcher.kill();
    throw error;
  }
  return dispatcher;
}

/** Where archives' entries are extracted for a run, inside `--out` (hidden from the walk). */
const ARCHIVES_FOLDER = '.archives';
/** OCR results by page image, kept across runs and versions (src/ingest/ocr-cache.ts). */
export const OCR_CACHE_FOLDER = '.ocr-cache';

const DEFAULTS = { timeoutMs: 120_000, memoryMb: 1024, maxBytes: 100e6, pruneShare: 0.25 };

/**
 * What `baocao run` does: every file under `inputs` into `options.out`. Resolves with the run's
 * summary whether or not files failed (each failure is in `errors` and `<out>/errors.jsonl`);
 * throws a `UsageError` (path and reason) when it cannot run as given: an input that does not
 * exist, an `out` that is a file, below a file, or one of the inputs.
 */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = new Date();
  const out = options.out;
  const jobs = options.jobs ?? availableParallelism();
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const same = inputs.find((i) => resolve(i) === resolve(out));
  if (same !== undefined) throw new UsageError(out, 'is also an input: the reports go to a folder of their own (e.g. --out output)');
  // a machine without the command is told before any file is read (a queue's workers check their own)
  if (options.ocrEngine === 'native') {
    try {
      requireTesseract();
    } catch (error) {
      throw error instanceof TesseractMissing ? new UsageError('--ocr-engine native', error.detail) : error;
    }
  }
  const ocrEngine = resolveOcrEngine(options.ocrEngine);
  const walked = await walkInputs(inputs, out);
  await makeOutputFolder(out);
  const lock = await lockOutput(out);
  try {
    return await runLocked(inputs, { ...options, ocrEngine }, { started, out, jobs, maxBytes, ...walked });
  } finally {
    await lock.release();
  }
}

async function runLocked(
  inputs: readonly string[],
  options: BatchOptions & { ocrEngine: OcrEngineKind },
  setting: { started: Date; out: string; jobs: number; maxBytes: number } & Inputs,
): Promise<BatchSummary> {
  const { started, out, jobs, maxBytes, skipped, links, unreadable } = setting;
  await removeTemporaries(out);
  // ZIP archives' entries are files of their own, extracted for the run and removed after it
  const extracted = join(out, ARCHIVES_FOLDER);
  await rm(extracted, { recursive: true, force: true });
  const files = await expandArchives(setting.files, extracted, maxBytes);
  const ocrCache = join(out, OCR_CACHE_FOLDER);
  const format = options.format ?? 'full';
  const [code, manifest] = await Promise.all([versionKey(), loadManifest(out)]);
  // what a file's outputs depend on besides the code: a run with other output options, or another OCR model or
  // engine, redoes it (the pages a model read before come from the OCR cache)
  const ocr = `${options.ocr && options.ocr !== 'auto' ? `+ocr-${options.ocr}` : ''}${options.ocrEngine === 'native' ? '+ocr-native' : ''}`;
  const version = `${code}${format === 'compact' ? '+compact' : ''}${options.text ? '+text' : ''}${ocr}`;
  for (const s of skipped) options.onSkip?.(s);
  options.onStart?.(files.length);

  const reusable = reusableByHash(manifest, version);
  // files in a worker now: if the run is interrupted on purpose, they are not counted against
  const inFlight = new Set<string>();
  // where each file is processed: a worker process here, or any machine's worker over a queue
  const pool: Dispatcher = options.queue
    ? await openQueue(options.queue, out, code)
    : new WorkerPool({
        size: jobs,
        timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
        memoryMb: options.memoryMb ?? DEFAULTS.memoryMb,
        recycleAfter: 500,
        isolation: options.isolation ?? 'process',
      });
  // a journal the full disk refuses leaves the files counted as attempts: once, and retried
  const releaseQuietly = (relatives: Iterable<string>) => {
    try {
      journalReleased(out, relatives);
    } catch {
      // the run is stopping for the output's sake already
    }
  };
  const interrupt = () => {
    pool.kill();
    releaseQuietly(inFlight);
  };
  options.signal?.addEventListener('abort', interrupt, { once: true });
  const counts = { written: 0, reused: 0, unchanged: 0 };
  const errors: FileError[] = [];
  const failing: FailingReport[] = [];
  let failedChecks = 0;
  const reported = (file: string, output: string, checks: CheckCount | null) => {
    if (!checks || checks.failed === 0) return;
    failedChecks += checks.failed;
    failing.push({ file, output, checks });
  };
  const seen = new Map<string, string>();
  // inputs that would overwrite another's report: not in the manifest (the path is the other's)
  const clashes: FileError[] = [];

  const settle = async (input: InputFile, entry: ManifestEntry, status: 'written' | 'reused', stack: string | null = null) => {
    await journal(out, entry);
    manifest.set(entry.relative, entry);
    if (entry.status === 'ok') {
      counts[status]++;
      const output = outputOf(out, entry.relative);
      reported(input.file, output, entry.checks);
      options.onFile?.({ file: input.file, ok: true, status, output, checks: entry.checks });
      if (!reusable.has(entry.sha256)) reusable.set(entry.sha256, entry);
    } else {
      fail(input, entry, false, stack);
    }
  };
  const fail = (input: InputFile, entry: Pick<ManifestEntry, 'sha256' | 'error'>, cached: boolean, stack: string | null): FileError => {
    const error = fileError(input.file, entry);
    errors.push(error);
    options.onFile?.({ file: input.file, ok: false, status: 'failed', cached, error, stack });
    return error;
  };

  const one = async (input: InputFile): Promise<void> => {
    const other = seen.get(input.relative);
    if (other !== undefined) {
      // Two inputs would write the same report path: keep the first, name the clash.
      const sha256 = await sha256File(input.source ?? input.file).catch(() => '');
      clashes.push(fail(input, { sha256, error: { stage: 'write', reason: `same output path as ${other}`, retry: false } }, false, null));
      return;
    }
    seen.set(input.relative, input.file);
    const base = { relative: input.relative, file: input.file, version };
    if (input.refused !== undefined) {
      // an archive refused whole, by its own bytes; an entry that was never extracted, by none
      const sha256 = input.source === undefined && input.relative.includes(ENTRY_SEPARATOR) ? '' : await sha256File(input.source ?? input.file).catch(() => '');
      const error = { stage: 'ingest' as const, reason: input.refused, retry: false };
      return settle(input, { ...base, sha256, bytes: 0, status: 'error', error, checks: null }, 'written');
    }
    const source = input.source ?? input.file;
    let bytes: number;
    let sha256: string;
    try {
      bytes = (await stat(source)).size;
      sha256 = await sha256File(source);
    } catch (error) {
      const reason = `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      return settle(input, { ...base, sha256: '', bytes: 0, status: 'error', error: { stage: 'ingest', reason, retry: true }, checks: null }, 'written');
    }
    const entry = { ...base, sha256, bytes };
    const output = outputOf(out, input.relative);

    const prev = manifest.get(input.relative);
    const rows = rowsOf(out, input.relative);
    const markdown = options.text ? markdownOf(out, input.relative) : undefined;
    const done = async () => (await fileExists(output)) && (await fileExists(rows)) && (!markdown || (await fileExists(markdown)));
    // done before with this content and code: a report, or a failure not to be retried
    const settled = async (p: ManifestEntry) => (p.status === 'ok' ? await done() : !p.error?.retry && !options.retryFailed);
    if (prev && prev.sha256 === sha256 && prev.version === version && (await settled(prev))) {
      if (prev.file !== input.file) manifest.set(input.relative, { ...prev, file: input.file });
      if (prev.status === 'ok') {
        counts.unchanged++;
        reported(input.file, output, prev.checks);
        options.onFile?.({ file: input.file, ok: true, status: 'unchanged', output, checks: prev.checks });
      } else fail(input, prev, true, null);
      return;
    }
    if (bytes > maxBytes) {
      const reason = `file too large (${(bytes / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB)`;
      return settle(input, { ...entry, status: 'error', error: { stage: 'ingest', reason, retry: false }, checks: null }, 'written');
    }
    const twin = reusable.get(sha256);
    if (twin && extname(twin.relative).toLowerCase() === extname(input.relative).toLowerCase()) {
      try {
        const from = { output: outputOf(out, twin.relative), markdown: markdownOf(out, twin.relative) };
        await copyRelocated(from, { path: input.relative, output, rows, ...(markdown ? { markdown } : {}) });
        return settle(input, { ...entry, status: 'ok', error: null, checks: twin.checks }, 'reused');
      } catch {
        // the twin's report is gone or unreadable: process the file itself
      }
    }
    await journalStarted(out, entry);
    inFlight.add(input.relative);
    const outcome = await pool.run({ file: source, displayPath: input.relative, output, rows, format, ocrCache, ...(options.ocr ? { ocr: options.ocr } : {}), ocrEngine: options.ocrEngine, ...(markdown ? { markdown } : {}) }, entry);
    inFlight.delete(input.relative);
    if (!outcome.ok && outcome.output) {
      // the output's trouble, not the file's: not an attempt against it
      releaseQuietly([input.relative]);
      throw new OutputError(outcome.output.path, outcome.output.code);
    }
    if (outcome.ok) {
      // a Markdown file an earlier run with --text left would no longer follow its report
      if (!markdown) await rm(markdownOf(out, input.relative), { force: true });
      return settle(input, { ...entry, status: 'ok', error: null, checks: outcome.checks }, 'written');
    }
    // a report left from an older run of a file that now fails must not stay in the tables
    await rm(output, { force: true });
    await rm(rows, { force: true });
    await rm(markdownOf(out, input.relative), { force: true });
    const failed: ManifestEntry =
      outcome.stage === 'batch' && outcome.retry
        ? guardFailure(entry, outcome.reason, prev)
        : { ...entry, status: 'error', error: { stage: outcome.stage, reason: outcome.reason, retry: outcome.retry }, checks: null };
    return settle(input, failed, 'written', outcome.stack);
  };

  // Hashing and small reads overlap with the workers' CPU work: a few more tasks than threads.
  // over a queue, the files in it at once: what keeps every machine's workers busy
  const queue = new PQueue({ concurrency: options.queue ? QUEUE_WINDOW : jobs * 2 });
  // A write the output refused (full disk, read-only, forbidden) stops the run: the files not yet
  // started are left for the next run, none is marked failed for it, and nothing more is written.
  let stopped: OutputError | null = null;
  const guarded = async (input: InputFile) => {
    if (stopped) return;
    try {
      await one(input);
    } catch (error) {
      if (error instanceof OutputError) stopped ??= error;
      else if (isOutputFailure(error)) stopped ??= new OutputError(error.path ?? out, error.code!);
      else throw error;
    }
  };
  try {
    await Promise.all(files.map((input) => queue.add(() => guarded(input))));
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    await pool.close();
    await rm(extracted, { recursive: true, force: true });
  }
  // a queue worker killed mid-write (another machine's) leaves its temporary file behind
  if (options.queue) await removeTemporaries(out);
  if (stopped) throw stopped;

  const kept = await prune(out, manifest, inputs, seen, unreadable, options.prune ? Infinity : (options.pruneShare ?? DEFAULTS.pruneShare));
  if (kept > 0) {
    const share = Math.round((options.pruneShare ?? DEFAULTS.pruneShare) * 100);
    options.onSkip?.({ path: out, reason: `kept the reports of ${kept} files that are gone from the inputs: more than ${share} % of the output at once (--prune removes them)` });
  }
  await writeErrors(out, manifest, clashes);
  // the manifest first: the tables are rebuilt on every run, so if building them fails (or the
  // run is killed meanwhile) the next run only has to build them again
  await saveManifest(out, manifest);
  const entries = canonicalEntries(manifest);
  try {
    await writeTables(out, entries, options.onSkip);
  } catch (error) {
    const removed = await removeDamagedRows(out, entries);
    const healing = removed > 0 ? `; ${removed} damaged rows file(s) removed, the next run writes them again from the reports` : '';
    throw new Error(`the reports are written, but building ${join(out, 'baocao.duckdb')} failed: ${(error as Error).message.trimEnd()}${healing}`, { cause: error });
  }

  errors.sort((a, b) => compare(a.file, b.file));
  failing.sort((a, b) => b.checks.failed - a.checks.failed || compare(a.file, b.file));
  const finished = new Date();
  const summary = {
    files: files.length,
    ok: counts.written + counts.reused + counts.unchanged,
    failed: errors.length,
    ...counts,
    errors,
    failedChecks,
    failing,
    skipped,
    links,
    durationMs: finished.getTime() - started.getTime(),
  };
  const run = join(out, 'runs', `${started.toISOString().replace(/:/g, '-')}.json`);
  await writeFileAtomic(
    run,
    stableJson({
      start: started.toISOString(),
      end: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      inputs,
      jobs,
      version,
      files: summary.files,
      ok: summary.ok,
      failed: summary.failed,
      written: summary.written,
      reused: summary.reused,
      unchanged: summary.unchanged,
      failedChecks: summary.failedChecks,
    }),
  );
  return { ...summary, run };
}

/** The output folder, made if missing; a clear error when the path is a file or cannot be made. */
async function makeOutputFolder(out: string): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(out, 'is a file, not a folder (the output of a run is a folder: give a new or existing folder)');
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'part of the path is a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? error);
    throw new UsageError(out, `cannot create the output folder: ${why}`);
  }
}

function outputOf(out: string, relative: string): string {
  return join(out, `${relative}.json`);
}

/** `--text`: the document's restored text as Markdown, beside its report. */
function markdownOf(out: string, relative: string): string {
  return join(out, `${relative}.md`);
}

function rowsOf(out: string, relative: string): string {
  return join(out, '.tables', `${relative}.json`);
}

/**
 * Rows files that no longer parse (a disk that filled up, a hand edit) would stop every later
 * run's tables too: they go, and the next run finds its reports done but their rows missing, and
 * writes the rows again from the reports. Read only when the tables have failed.
 */
async function removeDamagedRows(out: string, entries: readonly ManifestEntry[]): Promise<number> {
  let removed = 0;
  for (const e of entries) {
    const rows = rowsOf(out, e.relative);
    try {
      JSON.parse(await readFile(rows, 'utf8'));
    } catch {
      await rm(rows, { force: true });
      removed++;
    }
  }
  return removed;
}

/** For each hash, one done entry of the current version whose report can be copied. */
function reusableByHash(manifest: Manifest, version: string): Map<string, ManifestEntry> {
  const byHash = new Map<string, ManifestEntry>();
  for (const e of sortedEntries(manifest)) {
    if (e.status === 'ok' && e.version === version && !byHash.has(e.sha256)) byHash.set(e.sha256, e);
  }
  return byHash;
}

/** One entry per content hash (the first by path), so a copy or a move never doubles a row. */
function canonicalEntries(manifest: Manifest): ManifestEntry[] {
  const seen = new Set<string>();
  const out: ManifestEntry[] = [];
  for (const e of sortedEntries(manifest)) {
    if (e.status !== 'ok' || seen.has(e.sha256)) continue;
    seen.add(e.sha256);
    out.push(e);
  }
  return out;
}

/**
 * The DuckDB file and `metrics.csv`, rebuilt from the reports' rows files (one per content hash,
 * in path order) at the end of every run: cheap next to the pipeline, and never stale after a kill.
 */
async function writeTables(out: string, entries: readonly ManifestEntry[], onSkip?: (skipped: SkippedInput) => void): Promise<void> {
  // DuckDB's native library is loaded only now: it holds memory the file-processing phase can use
  const { buildDatabase, DATABASE_FILE, METRICS_ORDER, METRICS_PARQUET, writeParquet } = await import('../src/write/duckdb.js');
  const rows = entries.map((e) => rowsOf(out, e.relative));
  const marks = await readMarks(join(out, MARKS_FILE), (line, reason) =>
    onSkip?.({ path: `${join(out, MARKS_FILE)}:${line}`, reason: `verdict left out of the tables (${reason})` }),
  );
  await buildDatabase(join(out, DATABASE_FILE), rows, marks, async (db) => {
    const result = await db.stream(`SELECT * FROM metrics ${METRICS_ORDER}`);
    await writeMetricsCsv(join(out, METRICS_CSV), result.columnNames(), result.yieldRowsJson());
    await writeParquet(db, `SELECT * FROM metrics ${METRICS_ORDER}`, join(out, METRICS_PARQUET));
    const catalog = await db.stream('SELECT * FROM metric_catalog');
    await writeMetricsCsv(join(out, CATALOG_CSV), catalog.columnNames(), catalog.yieldRowsJson());
  });
}

/**
 * Entries for files that were under this run's inputs and are gone (deleted or moved away):
 * drop them and their reports, unless they are more than `share` of the manifest (then all are
 * kept, and their number returned). Entries from other input folders are left alone, and so are
 * those under an input that yielded no file at all or under a folder that could not be read.
 */
async function prune(
  out: string,
  manifest: Manifest,
  inputs: readonly string[],
  seen: Map<string, string>,
  unreadable: readonly string[],
  share: number,
): Promise<number> {
  const under = (path: string, root: string) => path === root || path.startsWith(root + sep);
  const seenPaths = [...seen.values()].map((f) => resolve(f));
  // An input folder that yielded no file (a share that failed to mount, an emptied folder) and a
  // folder that could not be read say nothing about their files: their reports are kept.
  const roots = inputs.map((i) => resolve(i)).filter((r) => seenPaths.some((p) => under(p, r)));
  const unread = unreadable.map((d) => resolve(d));
  const gone: ManifestEntry[] = [];
  for (const e of [...manifest.values()]) {
    if (seen.get(e.relative) === e.file) continue;
    const path = resolve(e.file);
    if (!roots.some((r) => under(path, r)) || unread.some((d) => under(path, d))) continue;
    if (!(await fileExists(e.file))) gone.push(e);
  }
  if (gone.length > share * manifest.size) return gone.length;
  for (const e of gone) {
    await rm(outputOf(out, e.relative), { force: true });
    await rm(rowsOf(out, e.relative), { force: true });
    await rm(markdownOf(out, e.relative), { force: true });
    manifest.delete(e.relative);
  }
  return 0;
}

/** The `errors.jsonl` line of a failed entry (fixed key order). */
function fileError(file: string, entry: Pick<ManifestEntry, 'sha256' | 'error'>): FileError {
  return { file, sha256: entry.sha256 || null, stage: entry.error!.stage, reason: entry.error!.reason };
}

/** `errors.jsonl`: every failed entry of the output folder, sorted, fixed key order. */
async function writeErrors(out: string, manifest: Manifest, clashes: readonly FileError[]): Promise<void> {
  const lines = sortedEntries(manifest)
    .filter((e) => e.status === 'error')
    .map((e) => fileError(e.file, e))
    .concat(clashes)
    .sort((a, b) => compare(a.file, b.file))
    .map((e) => `${JSON.stringify(e)}\n`);
  await writeFileAtomic(join(out, 'errors.jsonl'), lines.join(''));
}

/**
 * Temporary files a killed run left behind (`writeFileAtomic`'s `<name>.<pid>.<hex>.tmp`, the
 * database's `<name>.<pid>.tmp`): never part of the output. One output folder takes one run at a
 * time.
 */
async function removeTemporaries(out: string): Promise<void> {
  const entries = await readdir(out, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (e.isFile() && /\.\d+(\.[0-9a-f]{8})?\.tmp(\.wal)?$/.test(e.name)) await rm(join(e.parentPath, e.name), { force: true });
  }
}
