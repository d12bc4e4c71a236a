/**
 * Batch runs over a Redis queue (BullMQ), for archives larger than one machine can read in time:
 * `baocao run --queue URL` is the producer, and `baocao worker --queue URL` runs on any number of
 * machines that see the inputs and `--out` at the same paths (a shared file system).
 *
 * The producer is the batch of batch.ts with one change: a file goes to the queue
 * (`QueueDispatcher.run`) instead of a local worker (`WorkerPool.run`, the same contract). The
 * walk, the hashes, the manifest, copies, errors and the tables are the single-machine code, so
 * the output is the same bytes as `--jobs`.
 *
 * Results live in `--out`, never only in Redis: a worker writes the report, then the outcome to
 * `<out>/.queue/<job id>.json`, and the producer collects outcomes from there. Redis only
 * schedules. A job lost with its worker (SIGKILL, a machine gone) is taken up by another once its
 * lock expires (BullMQ's stalled-job check); one lost again, or gone with a Redis that restarted
 * empty, is found missing by the producer and enqueued again, at most MAX_LOSSES times for its
 * workers' sake (a restart of Redis is not held against the file), then the file fails as a
 * guard failure. Finished jobs are removed at once, and at most `QUEUE_WINDOW` (batch.ts) files are in the queue
 * at a time, so Redis's memory does not grow with the archive.
 *
 * A long scan (a PDF, a multi-page TIFF) fans out: its job first asks (in a guarded worker) which pages need OCR; with
 * FAN_OUT_PAGES or more, it adds one child job per page (a BullMQ flow), waits for them, and then
 * runs as any file: every page's OCR is then in the OCR cache (src/ingest/ocr-cache.ts), written by
 * whichever worker read it, so the report is the one a single machine makes.
 */
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, WaitingChildrenError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { UsageError } from '../src/errors.js';
import { fileExists, writeFileAtomic } from '../src/write/files.js';
import { versionKey, type StartedFile } from '../src/write/manifest.js';
import { copyRelocated } from '../src/write/relocate.js';
import type { WorkerTask } from './batch-worker.js';
import { WorkerPool, type Outcome } from './worker-pool.js';

export const QUEUE_NAME = 'baocao';
/** Times a file's job may be lost before the file fails (each loss: up to two workers, see `maxStalledCount`). */
const MAX_LOSSES = 3;
/** A PDF with at least this many pages to OCR is read by many workers at once. */
export const FAN_OUT_PAGES = 4;
/** A scanned page is rarely under 50 KB: smaller PDFs are not asked about their pages. */
const FAN_OUT_MIN_BYTES = 200_000;
/** How often the producer collects outcomes, and how often it looks for lost jobs. */
const COLLECT_MS = 200;
const LOST_CHECK_MS = 3000;

type Task = Omit<WorkerTask, 'id'>;

/** What a file's job carries: the worker's task and what the worker checks before it runs it. */
interface FileJobData {
  task: Task;
  /** `versionKey()` of the producer: a worker of another version refuses the file. */
  code: string;
  /** The producer's outcome folder. */
  results: string;
  /** `assemble` once the file's pages were fanned out. */
  step: 'inspect' | 'assemble';
}

interface PageJobData {
  task: Task;
}

/** `redis://[user:password@]host[:port][/db]` or `unix:///path/to/redis.sock[?db=N]` as BullMQ's connection. */
export function connectionOf(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(url, 'not a Redis URL (redis://HOST:PORT/DB or unix:///path/redis.sock)');
  }
  // workers block on Redis for jobs; BullMQ requires retrying every command, never giving up
  const common = { maxRetriesPerRequest: null, ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}), ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}) };
  if (parsed.protocol === 'unix:') return { ...common, path: parsed.pathname, db: Number(parsed.searchParams.get('db') ?? 0) };
  if (parsed.protocol !== 'redis:') throw new UsageError(url, 'not a Redis URL (redis://HOST:PORT/DB or unix:///path/redis.sock)');
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new UsageError(url, `database "${parsed.pathname.slice(1)}" is not a number`);
  return { ...common, host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379), db };
}

/** The job of a file: its content and the run's version, so two producers enqueue a file once. */
export function jobId(sha256: string, version: string): string {
  return `${sha256}.${createHash('sha256').update(version).digest('hex').slice(0, 16)}`;
}

interface Waiter {
  task: Task;
  resolve: (outcome: Outcome) => void;
}

interface Pending {
  data: FileJobData;
  waiters: Waiter[];
  losses: number;
}

/** The producer's side: `run` enqueues a file and resolves with its outcome, as WorkerPool.run does. */
export class QueueDispatcher {
  private readonly queue: Queue;
  private readonly pending = new Map<string, Pending>();
  private readonly results: string;
  private collector: NodeJS.Timeout | null = null;
  private lastLostCheck = 0;
  private redisRun: string | null = null;
  private collecting = false;

  constructor(
    url: string,
    out: string,
    private readonly code: string,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: connectionOf(url), streams: { events: { maxLen: 100 } } });
    // an unreachable Redis is retried, not thrown; the user sees it as a run that does not move
    this.queue.on('error', () => {});
    this.results = join(out, '.queue');
  }

  /** Check that Redis answers, before the run walks a large archive for nothing. */
  async ready(url: string, timeoutMs = 10_000): Promise<void> {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new UsageError(url, `Redis does not answer (${timeoutMs / 1000} s)`)), timeoutMs).unref());
    this.redisRun = await Promise.race([this.serverRunId(), timeout]);
  }

  run(task: Task, file: Pick<StartedFile, 'sha256' | 'version'>): Promise<Outcome> {
    const id = jobId(file.sha256, file.version);
    return new Promise((resolve) => {
      const waiter = { task, resolve };
      const known = this.pending.get(id);
      if (known) {
        // the same content under another path in this run: one job, its report copied
        known.waiters.push(waiter);
        return;
      }
      const data: FileJobData = { task, code: this.code, results: this.results, step: 'inspect' };
      this.pending.set(id, { data, waiters: [waiter], losses: 0 });
      void this.enqueue(id, data);
      this.collector ??= setInterval(() => void this.collect(), COLLECT_MS);
    });
  }

  private async enqueue(id: string, data: FileJobData): Promise<void> {
    await this.queue.add('file', data, { jobId: id, removeOnComplete: true, removeOnFail: true });
  }

  private async collect(): Promise<void> {
    if (this.collecting) return;
    this.collecting = true;
    try {
      const names = new Set(await readdir(this.results).catch(() => [] as string[]));
      for (const [id, pending] of this.pending) {
        if (!names.has(`${id}.json`)) continue;
        const path = join(this.results, `${id}.json`);
        let outcome: Outcome;
        try {
          outcome = JSON.parse(await readFile(path, 'utf8')) as Outcome;
        } catch {
          // an outcome a power cut emptied: the file is enqueued again once its job is found gone
          await rm(path, { force: true });
          continue;
        }
        await rm(path, { force: true });
        this.pending.delete(id);
        await this.settle(pending, outcome);
      }
      if (Date.now() - this.lastLostCheck > LOST_CHECK_MS) {
        this.lastLostCheck = Date.now();
        await this.requeueLost(names);
      }
      if (this.pending.size === 0 && this.collector) {
        clearInterval(this.collector);
        this.collector = null;
      }
    } finally {
      this.collecting = false;
    }
  }

  /** Every waiter gets the outcome; one whose paths are not the job's gets the report copied. */
  private async settle(pending: Pending, outcome: Outcome): Promise<void> {
    const made = pending.data.task;
    for (const { task, resolve } of pending.waiters) {
      if (!outcome.ok || task.output === made.output) {
        resolve(outcome);
        continue;
      }
      try {
        await copyRelocated(made, { path: task.displayPath, output: task.output, rows: task.rows, ...(task.markdown ? { markdown: task.markdown } : {}) });
        resolve(outcome);
      } catch (error) {
        resolve({ ok: false, stage: 'write', reason: `cannot copy the report of ${made.displayPath} (${error instanceof Error ? error.message : error})`, retry: true, stack: null });
      }
    }
  }

  /** Jobs gone from Redis with no outcome in `--out`: enqueued again, or failed after MAX_LOSSES. */
  private async requeueLost(results: Set<string>): Promise<void> {
    const ids = [...this.pending.keys()].filter((id) => !results.has(`${id}.json`));
    if (ids.length === 0) return;
    // one question first: while the queue holds as many files as are awaited, none is lost
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    const held = Object.values(counts).reduce((a, b) => a + b, 0);
    if (held >= ids.length && (await this.serverRunId()) === this.redisRun) return;
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
    const run = await this.serverRunId();
    // a Redis that restarted empty lost every job: not the files' fault
    const restarted = this.redisRun !== null && run !== this.redisRun;
    this.redisRun = run;
    for (const [k, id] of ids.entries()) {
      if (states[k] !== 'unknown') continue;
      // the outcome may have landed between the listing and the question
      if (await fileExists(join(this.results, `${id}.json`))) continue;
      const pending = this.pending.get(id)!;
      if (!restarted && ++pending.losses >= MAX_LOSSES) {
        this.pending.delete(id);
        const reason = `its worker was lost ${MAX_LOSSES} times (killed, or its machine lost)`;
        await this.settle(pending, { ok: false, stage: 'batch', reason, retry: true, stack: null });
        continue;
      }
      await this.enqueue(id, { ...pending.data, step: 'inspect' });
    }
  }

  private async serverRunId(): Promise<string> {
    const client = await this.queue.backend.client;
    return /run_id:(\w+)/.exec(await client.info())?.[1] ?? '';
  }

  /** Stop collecting; the queue's jobs stay for the next run (they are the same files). */
  async close(): Promise<void> {
    if (this.collector) clearInterval(this.collector);
    this.collector = null;
    await this.queue.close();
    await rm(this.results, { recursive: true, force: true }).catch(() => {});
  }

  kill(): void {
    if (this.collector) clearInterval(this.collector);
    this.collector = null;
    void this.queue.close();
  }
}

export interface QueueWorkerOptions {
  concurrency: number;
  timeoutMs: number;
  memoryMb: number;
  /** How long a worker holds a job without renewing its lock before another may take it. */
  lockMs?: number;
  signal?: AbortSignal;
  /** Called after each job, for the worker's log. */
  onJob?: (event: { kind: 'file' | 'page'; file: string; ok: boolean; reason?: string }) => void;
  /** Called once for each distinct connection error (Redis unreachable…); the worker keeps retrying. */
  onProblem?: (message: string) => void;
}

/**
 * `baocao worker`: take files from the queue until `signal` aborts, each in a guarded worker
 * process as `--jobs` runs them. Resolves once the files in hand are done.
 */
export async function runQueueWorker(url: string, options: QueueWorkerOptions): Promise<void> {
  const connection = connectionOf(url);
  const code = await versionKey();
  const pool = new WorkerPool({ size: options.concurrency, timeoutMs: options.timeoutMs, memoryMb: options.memoryMb, recycleAfter: 500 });
  const queue = new Queue(QUEUE_NAME, { connection });
  const lockDuration = options.lockMs ?? 30_000;
  // jobs in hand, which a stop lets finish
  let active = 0;
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string) => {
      active++;
      try {
        await processJob(job, token);
      } finally {
        active--;
      }
    },
    // one stall is forgiven (a worker restarted), the second fails the job: the producer decides then
    { connection, concurrency: options.concurrency, lockDuration, stalledInterval: lockDuration, maxStalledCount: 1 },
  );
  const told = new Set<string>();
  const problem = (error: Error) => {
    if (told.has(error.message)) return;
    told.add(error.message);
    options.onProblem?.(error.message);
  };
  worker.on('error', problem);
  queue.on('error', problem);

  async function processJob(job: Job, token: string | undefined): Promise<void> {
    if (job.name === 'page') {
      // a failed page is read again, and its failure named, by its file's own job
      const outcome = await pool.run((job.data as PageJobData).task);
      options.onJob?.({ kind: 'page', file: (job.data as PageJobData).task.displayPath, ok: outcome.ok });
      return;
    }
    const data = job.data as FileJobData;
    const outcome = await fileOutcome(job, data, token);
    if (outcome === 'waiting') throw new WaitingChildrenError();
    // not flushed: after a power cut an outcome lost is a file done again (the producer finds it missing)
    await writeFileAtomic(join(data.results, `${job.id}.json`), JSON.stringify(outcome), { durable: false });
    options.onJob?.({ kind: 'file', file: data.task.displayPath, ok: outcome.ok, ...(outcome.ok ? {} : { reason: outcome.reason }) });
  }

  async function fileOutcome(job: Job, data: FileJobData, token: string | undefined): Promise<Outcome | 'waiting'> {
    if (data.code !== code) {
      return { ok: false, stage: 'batch', reason: `the worker runs another version of baocao (${code}; the run's is ${data.code})`, retry: true, stack: null };
    }
    if (data.step === 'inspect' && (await isLargeScan(data.task.file))) {
      const asked = await pool.run({ ...data.task, step: { kind: 'pages' } });
      const pages = asked.ok ? (asked.pages ?? []) : [];
      if (pages.length >= FAN_OUT_PAGES && token) {
        const parent = { id: job.id!, queue: job.queueQualifiedName };
        await queue.addBulk(
          pages.map((page) => ({
            name: 'page',
            data: { task: { ...data.task, step: { kind: 'page', page } } } satisfies PageJobData,
            opts: { jobId: `${job.id}.page${page}`, parent, removeOnComplete: true, removeOnFail: true, ignoreDependencyOnFailure: true },
          })),
        );
        await job.updateData({ ...data, step: 'assemble' });
        if (await job.moveToWaitingChildren(token)) return 'waiting';
      }
    }
    return pool.run(data.task);
  }

  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  // no new job from here; the files in hand finish (each bounded by the pool's time guard), then
  // the connections close, without waiting on a Redis that does not answer
  void worker.pause(true).catch(() => {});
  const deadline = Date.now() + options.timeoutMs + 10_000;
  while (active > 0 && Date.now() < deadline) await sleep(100);
  await Promise.race([worker.close(true).catch(() => {}), sleep(5000)]);
  await Promise.race([queue.close().catch(() => {}), sleep(5000)]);
  await pool.close();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** A PDF or TIFF large enough to hold several scanned pages (by its first bytes and size: no parsing here). */
async function isLargeScan(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    const kind = head.toString('latin1');
    return (kind === '%PDF-' || kind.startsWith('II*\0') || kind.startsWith('MM\0*')) && (await handle.stat()).size >= FAN_OUT_MIN_BYTES;
  } finally {
    await handle.close();
  }
}
