/**
 * A fixed number of worker threads that each process one file at a time, with a guard per file:
 * a time limit (the thread is terminated and replaced) and a heap limit (`resourceLimits`: V8
 * stops the thread instead of the whole process). Either becomes an outcome like any other
 * error, so one hostile file never stalls or kills the batch. Threads are also replaced after a
 * number of files, so that slow leaks cannot grow the process over a long run.
 */
import { Worker } from 'node:worker_threads';
import type { CheckCount } from '../src/validate/index.js';
import type { ErrorStage } from '../src/write/manifest.js';
import type { WorkerResult, WorkerTask } from './batch-worker.js';

export interface PoolOptions {
  size: number;
  /** Per-file wall-clock limit. */
  timeoutMs: number;
  /** Per-thread V8 old-generation limit. */
  memoryMb: number;
  /** Replace a thread after this many files. */
  recycleAfter?: number;
  /** The thread's script (tests give one of their own); the batch worker by default. */
  workerUrl?: URL;
}

export type Outcome =
  | { ok: true; checks: CheckCount }
  | { ok: false; stage: ErrorStage; reason: string; retry: boolean; stack: string | null; output?: { path: string; code: string } };

interface Slot {
  worker: Worker | null;
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
/** Per-thread V8 young generation (V8's own default reserves about 32 MB). */
const YOUNG_GENERATION_MB = 8;

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, done: 0 }));
  }

  /** Process one file in a worker thread; never rejects. */
  run(task: Omit<WorkerTask, 'id'>): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  private readonly busy = new Set<Slot>();

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
      // the old thread is gone before its successor loads: two at once would double the memory
      const old = slot.worker;
      slot.worker = null;
      void old.terminate().then(() => this.start(slot, pending));
      return;
    }
    if (!slot.worker) {
      slot.worker = new Worker(this.options.workerUrl ?? WORKER_URL, {
        // A small young generation: V8's default semi-spaces hold some 25 MB more per thread;
        // the price is 10–20 % more time in the collector (measured on the bench archive).
        resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        // none of the parent's flags (a script may run under `--import tsx`): the worker registers
        // its own loader
        execArgv: [],
        // The worker's own console output (e.g. a library's warnings) must not mix with the
        // progress lines: drop it; failures come back as messages.
        stdout: true,
        stderr: true,
      });
      slot.worker.stdout.resume();
      slot.worker.stderr.resume();
      slot.done = 0;
    }
    const worker = slot.worker;
    const id = this.nextId++;
    let settled = false;
    const finish = (outcome: Outcome, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.done++;
      pending.resolve(outcome);
      const free = () => {
        this.busy.delete(slot);
        this.dispatch();
      };
      if (replace) {
        // the slot takes a new file once this thread is gone (a hung one can take a moment)
        slot.worker = null;
        void worker.terminate().then(free, free);
      } else free();
    };
    const onMessage = (result: WorkerResult) => {
      if (result.id !== id) return;
      finish(
        result.ok
          ? { ok: true, checks: result.checks }
          : { ok: false, stage: result.stage as ErrorStage, reason: result.reason, retry: false, stack: result.stack, ...(result.output ? { output: result.output } : {}) },
        false,
      );
    };
    const onError = (error: Error) => {
      const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const reason = oom ? `ran out of memory (limit ${this.options.memoryMb} MB)` : `worker crashed: ${error.message}`;
      finish({ ok: false, stage: 'batch', reason, retry: true, stack: error.stack ?? null }, true);
    };
    const onExit = (code: number) => {
      finish({ ok: false, stage: 'batch', reason: `worker exited with code ${code}`, retry: true, stack: null }, true);
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      finish({ ok: false, stage: 'batch', reason: `timed out after ${seconds} s`, retry: true, stack: null }, true);
    }, this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ ...pending.task, id } satisfies WorkerTask);
  }

  /** Let every thread finish its OCR pool and exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        if (!worker) return;
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.postMessage('close');
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
