/**
 * A fixed number of worker processes that each process one file at a time, with a guard per file,
 * the way Tika forks its parsers: a file can only ever cost its own worker.
 *
 * - Memory: each worker is a child process under a bound on its data (`ulimit -d`, Linux's
 *   RLIMIT_DATA: the JavaScript heap, malloc, WebAssembly memory, a native library's pixel
 *   buffers), and the pool kills it if its private resident memory still passes the bound. A bomb
 *   in pdf.js, the canvas or OCR fails or kills that child alone, never the batch.
 * - Time: a worker that takes longer than the limit is killed.
 * Either becomes an outcome like any other error; the child is replaced. Workers are also
 * replaced after a number of files, so that slow leaks cannot grow a long run.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
  /**
   * `process` (the default): each worker a child process under the memory bound. `thread`: a
   * worker thread with a heap limit only, as before process isolation; kept so that the batch
   * bench measures what the isolation costs against it in the same run.
   */
  isolation?: 'process' | 'thread';
}

export type Outcome =
  | { ok: true; checks: CheckCount; pages?: number[] }
  | { ok: false; stage: ErrorStage; reason: string; retry: boolean; stack: string | null; output?: { path: string; code: string } };

interface Slot {
  worker: Handle | null;
  done: number;
}

/** A worker, process or thread, as the pool drives it. */
interface Handle {
  send(task: WorkerTask): void;
  /** `onResult` for each result; `onDeath` once if the worker dies (`memory`: of a memory limit), until `detach`. */
  watch(onResult: (r: WorkerResult) => void, onDeath: (reason: string, memory: boolean) => void): void;
  detach(): void;
  /** Private resident memory in MB, where the pool must watch it (null for a thread). */
  residentMb(): number | null;
  /** Finish the OCR pool and exit; killed if not done within 5 s. */
  stop(): Promise<void>;
  /** Now: it hangs, holds too much or is dead. */
  kill(): Promise<void>;
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
 * V8's young generation (MB): its default holds some 25 MB more per worker; the price is 10–20 %
 * more time in the collector (measured on the bench archive).
 */
const YOUNG_GENERATION_MB = 8;
/** How often the pool reads each worker process's resident memory. */
const RSS_POLL_MS = 100;
/**
 * The share of a worker process's bound that its JavaScript heap may take (256 MB of the default
 * 1 024); the rest is for code, buffers, pdf.js's canvas and OCR. V8 grows a heap faster the larger
 * its limit: at half the bound a `--jobs 2` run over 2 000 files peaked at 305–320 MB (PSS of the
 * tree), at a quarter at 285–291 MB, some 5–10 % slower (docs/batch-memory.md).
 */
const HEAP_SHARE = 0.25;

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly busy = new Set<Slot>();
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, done: 0 }));
  }

  /** Process one file in a worker; never rejects. */
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

  private start(slot: Slot, pending: Pending): void {
    this.busy.add(slot);
    if (slot.worker && slot.done >= (this.options.recycleAfter ?? Infinity)) {
      // the old worker is gone before its successor loads: two at once would double the memory
      const old = slot.worker;
      slot.worker = null;
      void old.stop().then(() => this.start(slot, pending));
      return;
    }
    if (!slot.worker) {
      const script = this.options.workerUrl ?? WORKER_URL;
      // a thread gets half the bound as its heap: the 512 MB it had by default before processes
      slot.worker = this.options.isolation === 'thread' ? workerThread(script, Math.floor(this.options.memoryMb / 2)) : workerProcess(script, this.options.memoryMb);
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
      worker.detach();
      slot.done++;
      pending.resolve(outcome);
      const free = () => {
        this.busy.delete(slot);
        this.dispatch();
      };
      if (replace) {
        // the slot takes a new file once this worker is gone
        slot.worker = null;
        void worker.kill().then(free);
      } else free();
    };
    const guard = (reason: string): Outcome => ({ ok: false, stage: 'batch', reason, retry: true, stack: null });
    const outOfMemory = guard(`ran out of memory (limit ${memoryMb} MB)`);
    worker.watch(
      (result) => {
        if (result.id !== id) return;
        finish(
          result.ok
            ? { ok: true, checks: result.checks, ...(result.pages ? { pages: result.pages } : {}) }
            : { ok: false, stage: result.stage as ErrorStage, reason: result.reason, retry: false, stack: result.stack, ...(result.output ? { output: result.output } : {}) },
          false,
        );
      },
      (reason, memory) => finish(memory ? outOfMemory : guard(reason), true),
    );
    const timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      finish(guard(`timed out after ${seconds} s`), true);
    }, this.options.timeoutMs);
    // The data bound stops most allocations; memory that escapes it (a library's own mappings)
    // is caught here, a tenth of a second late at most. A thread's heap limit is V8's to keep.
    const watch = worker.residentMb() === null ? undefined : setInterval(() => {
      if (worker.residentMb()! > memoryMb) finish(outOfMemory, true);
    }, RSS_POLL_MS);
    worker.send({ ...pending.task, id });
  }

  /** Let every worker finish its OCR pool and exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        if (worker) await worker.stop();
      }),
    );
  }

  /** Kill every worker at once (the run is interrupted): nothing it was doing is kept. */
  kill(): void {
    for (const slot of this.slots) void slot.worker?.kill();
  }
}

/** A child process under the memory bound (`ulimit -d`, in KB), its heap a quarter of it. */
function workerProcess(script: URL, memoryMb: number): Handle {
  const heapMb = Math.max(16, Math.floor(memoryMb * HEAP_SHARE));
  // a lower hard limit already in force stays (the shell says why on stderr)
  const bound = `ulimit -d ${memoryMb * 1024} || echo "baocao: the worker runs without a memory bound" >&2; exec "$@"`;
  // One collector thread per worker: two processes' parallel collectors on two cores waited on each
  // other (2 000 files, --jobs 2, two runs each: threads 55.7 s, processes 61.3 s, processes with
  // --single-threaded-gc 54.9 s); worker threads share one process's collector threads.
  const flags = [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${Math.floor(YOUNG_GENERATION_MB / 3)}`, '--single-threaded-gc'];
  const child = spawn('/bin/sh', ['-c', bound, 'sh', process.execPath, ...flags, fileURLToPath(script)], {
    // the worker's own console output (a library's warnings) must not mix with the progress
    // lines; stderr is kept to tell a heap limit from a crash
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // none of the parent's Node options (a test may run under a loader): the worker has its own
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let said = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (said = (said + s).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  let detach = () => {};
  return {
    send: (task) => child.send(task),
    watch(onResult, onDeath) {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        // V8 at its heap limit, or an allocation the data bound refused (the process aborts, or a
        // library says so and throws where nothing catches it: tesseract's libpng on a large PNG
        // said "libpng error: Out of memory", and the worker exited with code 1)
        if (/out of memory|Reached heap limit|allocation failed|Cannot allocate memory|std::bad_alloc/i.test(said)) onDeath('', true);
        else onDeath(signal ? `worker process killed by ${signal}` : `worker exited with code ${code}`, false);
      };
      const onError = (error: Error) => onDeath(`worker process failed: ${error.message}`, false);
      // 'close', not 'exit': only once its stderr is read to the end does it say why it died (on
      // 'exit' the last lines may still be on their way, and an out-of-memory death was sometimes
      // reported as a crash)
      child.on('message', onResult).on('close', onExit).on('error', onError);
      detach = () => child.off('message', onResult).off('close', onExit).off('error', onError);
    },
    detach: () => detach(),
    residentMb: () => (child.pid === undefined ? 0 : privateResidentMb(child.pid)),
    async stop() {
      if (gone()) return;
      if (child.connected) child.send('close');
      else killTree(child.pid!);
      const timer = setTimeout(() => killTree(child.pid!), 5000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!gone()) killTree(child.pid!);
      await exited;
    },
  };
}

/** A worker thread with a heap limit (`resourceLimits`): no bound on native memory. */
function workerThread(script: URL, memoryMb: number): Handle {
  const worker = new Worker(script, {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // none of the parent's flags (a script may run under `--import tsx`): the worker has its own loader
    execArgv: [],
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  let alive = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => ((alive = false), resolve())));
  let detach = () => {};
  return {
    send: (task) => worker.postMessage(task),
    watch(onResult, onDeath) {
      const onError = (error: Error) =>
        onDeath(`worker crashed: ${error.message}`, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY');
      const onExit = (code: number) => onDeath(`worker exited with code ${code}`, false);
      worker.on('message', onResult).on('error', onError).on('exit', onExit);
      detach = () => worker.off('message', onResult).off('error', onError).off('exit', onExit);
    },
    detach: () => detach(),
    residentMb: () => null,
    async stop() {
      if (!alive) return;
      worker.postMessage('close');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      await worker.terminate();
    },
  };
}

/**
 * Kills a worker process and the processes it started (a `tesseract` reading a page for the native OCR engine), which
 * would otherwise finish their work alone. The tree is listed before the worker is killed: once it is gone, its
 * children belong to init and are no longer found under it.
 */
function killTree(pid: number): void {
  const below = descendants(pid);
  for (const p of [pid, ...below]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Every process below `pid`, from `/proc/<pid>/task/<thread>/children` (Linux; none elsewhere or once it is gone). */
function descendants(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed) children.push(...listed.split(/\s+/).map(Number));
    }
  } catch {
    // no such process, or no /proc
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * A process's private resident memory in MB (0 once it is gone): what it allocated, not the pages
 * of Node's binary and libraries it shares with every other Node process.
 */
function privateResidentMb(pid: number): number {
  try {
    const kb = /RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
