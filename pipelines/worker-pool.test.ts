import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tesseractVersion } from '../src/ingest/native-ocr.js';
import { WorkerPool, type Outcome } from './worker-pool.js';

const workerUrl = new URL('./testing/hostile-worker.mjs', import.meta.url);
const task = (file: string) => ({ file, displayPath: file, output: '', rows: '' });
const worker = (o: Outcome) => (o.ok ? o.checks.made : null);

describe('WorkerPool: one hostile file costs a worker process, never the batch', () => {
  it('turns a hang, a heap or native memory past the bound and an exiting worker into retryable outcomes, while other files go on', async () => {
    const pool = new WorkerPool({ size: 2, timeoutMs: 3000, memoryMb: 160, workerUrl });
    try {
      const [hang, good, heap, native, exit, fail] = await Promise.all(
        ['hang', 'good', 'exhaust-memory', 'native-memory', 'exit', 'fail'].map((f) => pool.run(task(f))),
      );
      expect(hang).toEqual({ ok: false, stage: 'batch', reason: 'timed out after 3 s', retry: true, stack: null });
      expect(good).toMatchObject({ ok: true });
      expect(heap).toEqual({ ok: false, stage: 'batch', reason: 'ran out of memory (limit 160 MB)', retry: true, stack: null });
      // refused by the data bound: the process aborts, as a native library does when malloc fails
      expect(native).toEqual({ ok: false, stage: 'batch', reason: 'worker process killed by SIGABRT', retry: true, stack: null });
      expect(exit).toEqual({ ok: false, stage: 'batch', reason: 'worker exited with code 3', retry: true, stack: null });
      // a failure the pipeline reports is the file's own: not retried
      expect(fail).toEqual({ ok: false, stage: 'extract', reason: 'no figures', retry: false, stack: null });
      // the workers that died were replaced: the pool still works at full size
      const after = await Promise.all(['a', 'b', 'c', 'd'].map((f) => pool.run(task(f))));
      expect(after.every((o) => o.ok)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('kills a timed-out worker with the process it started (a native tesseract reading a page)', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 1500, memoryMb: 160, workerUrl });
    const pidFile = join(mkdtempSync(join(tmpdir(), 'baocao-pool-')), 'child.pid');
    // running, and not a zombie waiting for a parent to reap it
    const running = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    try {
      const hung = await pool.run({ ...task('hang-with-child'), output: pidFile });
      expect(hung).toEqual({ ok: false, stage: 'batch', reason: 'timed out after 1.5 s', retry: true, stack: null });
      const child = Number(readFileSync(pidFile, 'utf8'));
      expect(child).toBeGreaterThan(0);
      // the signal is on its way: a loaded machine takes a moment to end it
      for (let waited = 0; running(child) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(running(child)).toBe(false);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it('replaces a worker after `recycleAfter` files, the old one gone first', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 5000, memoryMb: 256, recycleAfter: 2, workerUrl });
    try {
      const workers: (number | null)[] = [];
      for (const f of ['a', 'b', 'c', 'd', 'e']) workers.push(worker(await pool.run(task(f))));
      expect(workers[0]).toBe(workers[1]);
      expect(workers[2]).toBe(workers[3]);
      expect(new Set(workers).size).toBe(3);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it("runs threads instead where asked (the bench's baseline): a heap limit, no bound on native memory", async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 3000, memoryMb: 32, workerUrl, isolation: 'thread' });
    try {
      const [heap, good] = [await pool.run(task('exhaust-memory')), await pool.run(task('good'))];
      expect(heap).toMatchObject({ ok: false, stage: 'batch', reason: 'ran out of memory (limit 32 MB)', retry: true });
      expect(good).toMatchObject({ ok: true });
      expect(worker(good)).not.toBe(process.pid);
    } finally {
      await pool.close();
    }
  }, 20_000);
});

describe('the batch worker', () => {
  it('reads each task with the OCR model the task names, though one worker serves both (a queue worker outlives runs)', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 120_000, memoryMb: 1024 });
    const out = mkdtempSync(join(tmpdir(), 'baocao-ocr-mode-'));
    const file = new URL('../fixtures/formats/000_df22d471c82bd4e0.page4.png', import.meta.url).pathname;
    try {
      const models: string[][] = [];
      for (const ocr of ['fast', 'best'] as const) {
        const output = join(out, `${ocr}.json`);
        expect(await pool.run({ file, displayPath: file, output, rows: join(out, `${ocr}.rows.json`), ocr })).toMatchObject({ ok: true });
        const report = JSON.parse(readFileSync(output, 'utf8')) as { source: { ocr: { model: string }[] } };
        models.push(report.source.ocr.map((p) => p.model));
      }
      expect(models).toEqual([['fast'], ['best']]);
    } finally {
      await pool.close();
    }
  }, 180_000);

  // outside CI a machine without the tesseract command skips this one (src/ingest/ocr-native.test.ts says so)
  it.skipIf(tesseractVersion() === null && process.env.CI !== 'true')('reads each task with the OCR engine the task names, though one worker serves both', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 120_000, memoryMb: 1024 });
    const out = mkdtempSync(join(tmpdir(), 'baocao-ocr-engine-'));
    const ocrCache = join(out, 'cache');
    const file = new URL('../fixtures/formats/000_df22d471c82bd4e0.page4.png', import.meta.url).pathname;
    const cached = () => readdirSync(ocrCache, { recursive: true }).filter((f) => String(f).endsWith('.json.gz')).length;
    try {
      const entries: number[] = [];
      for (const ocrEngine of ['wasm', 'native', 'wasm'] as const) {
        const output = join(out, `${ocrEngine}.json`);
        expect(await pool.run({ file, displayPath: file, output, rows: join(out, `${ocrEngine}.rows.json`), ocrCache, ocrEngine })).toMatchObject({ ok: true });
        entries.push(cached());
      }
      expect(entries[0]).toBeGreaterThan(0);
      // the native task's readings went under keys of their own; the last task found the first's
      expect(entries).toEqual([entries[0], 2 * entries[0]!, 2 * entries[0]!]);
    } finally {
      await pool.close();
    }
  }, 180_000);
});
