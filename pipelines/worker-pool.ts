/**
 * A fixed number of worker processes that each process one file at a time, with a guard per file,
 * the way Tika forks its parsers: a file can only ever cost its own worker.
 *
 * - Memory: each worker is a child process under an address-space bound for data (`ulimit -d`,
 *   Linux's RLIMIT_DATA: the JavaScript heap, malloc, WebAssembly memory, a native library's
 *   pixel buffers), and the pool kills it if its resident memory still passes the bound. A bomb
 *   in pdf.js, the canvas or OCR fails or kills that child alone, never the batch.
 * - Time: a worker that takes longer than the limit is killed.
 * Either becomes an outcome like any other error; the child is replaced. Workers are also
 * replaced after a number of files, so that slow leaks cannot grow a long run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckCount } from '../src/validate/index.js';
import type { ErrorStage } from '../src/write/manifest.js';
import type { WorkerResult, WorkerTask } from './batch-worker.js';

export interface PoolOptions {
  size: number;
  /** Per-file wall-clock limit. */
  timeoutMs: number;
  /** Per-worker memory bound (MB): its data segment, and its resident memory. */
  memoryMb: number;
  /** Replace a worker after this many files. */
  recycleAfter?: number;
  /** The worker's script (tests give one of their own); the batch worker by default. */
  workerUrl?: URL;
}

export type Outcome =
  | { ok: true; checks: CheckCount }
  | { ok: false; stage: ErrorStage; reason: string; retry: boolean; stack: string | null; output?: { path: string; code: string } };

interface Slot {
  worker: ChildProcess | null;
  done: number;
}

interface Pending {
  task: Omit<WorkerTask, 'id'>;
  resolve: (outcome: Outcome) => void;
}

/** Defined by scripts/build.mjs in the build: the built worker, relative to this source file. */
declare const BUNDLED_WORKER: string | undefined;
// From the sources (tests, scripts), the worker strips its own types (batch-worker.mjs).
const WORKER_URL = new URL(typeof BUNDLED_WORKER === 'string' ? BUNDLED_WORKER : './batch-worker.mjs', import.meta.url);
/**
 * V8's semi-space (MB). Its default reserves some 25 MB more per worker; the price is 10–20 %
 * more time in the collector (measured on the bench archive when workers were threads).
 */
const SEMI_SPACE_MB = 3;
/** How often the pool reads each worker's resident memory. */
const RSS_POLL_MS = 100;
/** What V8 and Node need besides the JavaScript heap (code, the runtime's own allocations). */
const NATIVE_SHARE = 0.5;

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly busy = new Set<Slot>();
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, done: 0 }));
  }

  /** Process one file in a worker process; never rejects. */
  run(task: Omit<WorkerTask, 'id'>): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (this.busy.has(slot)) continue;
      this.start(slot, this.queue.shift()!);
    }
  }

  /** A new worker process under the memory bound. */
  private spawnWorker(): ChildProcess {
    const { memoryMb } = this.options;
    const heapMb = Math.max(16, Math.floor(memoryMb * (1 - NATIVE_SHARE)));
    const script = fileURLToPath(this.options.workerUrl ?? WORKER_URL);
    // `ulimit -d` takes KB; a lower hard limit already in force stays (the shell says why on stderr)
    const bound = `ulimit -d ${memoryMb * 1024} || echo "baocao: the worker runs without a memory bound" >&2; exec "$@"`;
    const child = spawn('/bin/sh', ['-c', bound, 'sh', process.execPath, `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, script], {
      // the worker's own console output (a library's warnings) must not mix with the progress
      // lines; stderr is kept to tell a heap limit from a crash
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // none of the parent's Node options (a test may run under a loader): the worker has its own
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    child.stderr!.setEncoding('utf8');
    let tail = '';
    child.stderr!.on('data', (s: string) => (tail = (tail + s).slice(-4000)));
    stderrTails.set(child, () => tail);
    return child;
  }

  private start(slot: Slot, pending: Pending): void {
    this.busy.add(slot);
    if (slot.worker && slot.done >= (this.options.recycleAfter ?? Infinity)) {
      // the old worker is gone before its successor loads: two at once would double the memory
      const old = slot.worker;
      slot.worker = null;
      void stop(old).then(() => this.start(slot, pending));
      return;
    }
    if (!slot.worker) {
      slot.worker = this.spawnWorker();
      slot.done = 0;
    }
    const worker = slot.worker;
    const id = this.nextId++;
    const { memoryMb } = this.options;
    let settled = false;
    const finish = (outcome: Outcome, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      worker.off('error', onError);
      slot.done++;
      pending.resolve(outcome);
      const free = () => {
        this.busy.delete(slot);
        this.dispatch();
      };
      if (replace) {
        // the slot takes a new file once this worker is gone: it hangs, holds too much or is dead
        slot.worker = null;
        void kill(worker).then(free);
      } else free();
    };
    const guard = (reason: string): Outcome => ({ ok: false, stage: 'batch', reason, retry: true, stack: null });
    const outOfMemory = guard(`ran out of memory (limit ${memoryMb} MB)`);
    const onMessage = (result: WorkerResult) => {
      if (result.id !== id) return;
      finish(
        result.ok
          ? { ok: true, checks: result.checks }
          : { ok: false, stage: result.stage as ErrorStage, reason: result.reason, retry: false, stack: result.stack, ...(result.output ? { output: result.output } : {}) },
        false,
      );
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      const said = stderrTails.get(worker)?.() ?? '';
      // V8 at its heap limit, or an allocation the data bound refused (the process aborts)
      if (/heap out of memory|Reached heap limit|allocation failed|Cannot allocate memory|std::bad_alloc/i.test(said)) return finish(outOfMemory, true);
      if (signal) return finish(guard(`worker process killed by ${signal}`), true);
      finish(guard(`worker exited with code ${code}`), true);
    };
    const onError = (error: Error) => finish(guard(`worker process failed: ${error.message}`), true);
    const timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      finish(guard(`timed out after ${seconds} s`), true);
    }, this.options.timeoutMs);
    // The data bound stops most allocations; memory that escapes it (a library's own mappings)
    // is caught here, a tenth of a second late at most.
    const watch = setInterval(() => {
      if (worker.pid !== undefined && residentMb(worker.pid) > memoryMb) finish(outOfMemory, true);
    }, RSS_POLL_MS);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.on('error', onError);
    worker.send({ ...pending.task, id } satisfies WorkerTask);
  }

  /** Let every worker finish its OCR pool and exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        if (worker) await stop(worker);
      }),
    );
  }

  /** Kill every worker at once (the run is interrupted): nothing it was doing is kept. */
  kill(): void {
    for (const slot of this.slots) slot.worker?.kill('SIGKILL');
  }
}

const stderrTails = new WeakMap<ChildProcess, () => string>();

const gone = (worker: ChildProcess) => worker.exitCode !== null || worker.signalCode !== null;

/** Ask a worker to finish (its OCR pool, then exit); kill it if it has not within 5 s. */
async function stop(worker: ChildProcess): Promise<void> {
  if (gone(worker)) return;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  if (worker.connected) worker.send('close');
  else worker.kill('SIGKILL');
  const timer = setTimeout(() => worker.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function kill(worker: ChildProcess): Promise<void> {
  if (gone(worker)) return;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.kill('SIGKILL');
  await exited;
}

/** A process's resident memory in MB (0 once it is gone). */
function residentMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
