import { describe, expect, it } from 'vitest';
import { WorkerPool, type Outcome } from './worker-pool.js';

const workerUrl = new URL('./testing/hostile-worker.mjs', import.meta.url);
const task = (file: string) => ({ file, displayPath: file, output: '', rows: '' });
const thread = (o: Outcome) => (o.ok ? o.checks.made : null);

describe('WorkerPool: one hostile file costs a thread, never the batch', () => {
  it('turns a hang, a heap blown past its limit and an exiting thread into retryable outcomes, while other files go on', async () => {
    const pool = new WorkerPool({ size: 2, timeoutMs: 1500, memoryMb: 16, workerUrl });
    try {
      const [hang, good, memory, exit, fail] = await Promise.all(['hang', 'good', 'exhaust-memory', 'exit', 'fail'].map((f) => pool.run(task(f))));
      expect(hang).toEqual({ ok: false, stage: 'batch', reason: 'timed out after 1.5 s', retry: true, stack: null });
      expect(good).toMatchObject({ ok: true });
      expect(memory).toMatchObject({ ok: false, stage: 'batch', reason: 'ran out of memory (limit 16 MB)', retry: true });
      expect(exit).toEqual({ ok: false, stage: 'batch', reason: 'worker exited with code 3', retry: true, stack: null });
      // a failure the pipeline reports is the file's own: not retried
      expect(fail).toEqual({ ok: false, stage: 'extract', reason: 'no figures', retry: false, stack: null });
      // the threads that died were replaced: the pool still works at full size
      const after = await Promise.all(['a', 'b', 'c', 'd'].map((f) => pool.run(task(f))));
      expect(after.every((o) => o.ok)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it('replaces a thread after `recycleAfter` files, the old one gone first', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 5000, memoryMb: 64, recycleAfter: 2, workerUrl });
    try {
      const threads: (number | null)[] = [];
      for (const f of ['a', 'b', 'c', 'd', 'e']) threads.push(thread(await pool.run(task(f))));
      expect(threads[0]).toBe(threads[1]);
      expect(threads[2]).toBe(threads[3]);
      expect(new Set(threads).size).toBe(3);
    } finally {
      await pool.close();
    }
  }, 20_000);
});
