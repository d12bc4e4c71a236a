/**
 * `npm run bench:queue`: batch runs over a Redis queue (pipelines/queue.ts), each figure beside its
 * baseline measured in the same run, on this machine, with a Redis of its own
 * (pipelines/testing/redis.ts):
 *
 *   1. files/s of a 2 000-file archive (scripts/make-archive.ts) through the producer and two
 *      `baocao worker` processes (one file at a time each), against `baocao run --jobs 2`
 *      (target: ≥ 0.9 of it);
 *   2. a 40-page scanned PDF (seed 000's scanned pages, each re-encoded with a small shift so no
 *      two pages are the same image) with one worker and with two (target: ≥ 1.7× faster);
 *   3. a re-run of that scan after the pipeline changed, with the OCR cache and without it
 *      (target: ≥ 10× faster with it). A new version re-runs every file because the manifest no
 *      longer matches it; the bench removes the manifest, which has the same effect;
 *   4. Redis's peak memory while 10 000 files go through the queue (target: ≤ 50 MB).
 *
 *   QUEUE_FILES=500 QUEUE_REDIS_FILES=2000 QUEUE_SCAN_PAGES=12 npm run bench:queue   (smaller)
 *   QUEUE_PARTS=1,3 npm run bench:queue                                              (some parts)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { startRedis, type TestRedis } from '../../pipelines/testing/redis.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/baocao');
const FILES = Number(process.env.QUEUE_FILES ?? 2000);
const REDIS_FILES = Number(process.env.QUEUE_REDIS_FILES ?? 10_000);
const SCAN_PAGES = Number(process.env.QUEUE_SCAN_PAGES ?? 40);
const PARTS = new Set((process.env.QUEUE_PARTS ?? '1,2,3,4').split(',').map(Number));

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-bench-queue-${name}-`));

function makeArchive(files: number): string {
  const dir = tmp('archive');
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-archive.ts', dir, '--files', String(files), '--seed', '3'], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  return dir;
}

/** Run a command to its end; its wall time in seconds and its summary line. */
function timed(args: string[]): Promise<{ seconds: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(BIN, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (stdout += c));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => resolve({ seconds: (performance.now() - t0) / 1000, summary: /^\d+ files: .*$/m.exec(stdout)?.[0] ?? '(no summary)' }));
  });
}

function startWorkers(url: string, count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(BIN, ['worker', '--queue', url, '--concurrency', '1'], { cwd: ROOT, stdio: 'ignore' }));
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map((w) => {
      if (w.exitCode !== null) return Promise.resolve();
      const exited = new Promise((r) => w.once('exit', r));
      w.kill('SIGTERM');
      return exited;
    }),
  );
}

/** Producer and `workers` worker processes over `input`; the run's wall time (workers started first). */
async function queued(redis: TestRedis, input: string, out: string, workers: number) {
  const started = startWorkers(redis.url, workers);
  try {
    return await timed(['run', input, '--out', out, '--queue', redis.url]);
  } finally {
    await stopWorkers(started);
  }
}

/** Seed 000's scanned pages from its fixture: the JPEG streams of the PDF's image XObjects. */
function scannedPages(): Buffer[] {
  const pdf = readFileSync(join(ROOT, 'fixtures/formats/000_df22d471c82bd4e0.scan.pdf'));
  const text = pdf.toString('latin1');
  const pages: Buffer[] = [];
  for (const m of text.matchAll(/<<[^>]*\/DCTDecode[^>]*\/Length (\d+) >>\nstream\n/g)) {
    const start = m.index + m[0].length;
    pages.push(pdf.subarray(start, start + Number(m[1])));
  }
  return pages;
}

/** A PDF of `count` A4 pages, each one scanned JPEG (2 480 × 3 508 px, 300 dpi), no two alike. */
async function makeScan(count: number): Promise<Buffer> {
  const sources = await Promise.all(scannedPages().map((jpeg) => loadImage(jpeg)));
  const jpegs: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const image = sources[i % sources.length]!;
    const canvas = createCanvas(image.width, image.height);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, image.width, image.height);
    // a shift of a few pixels: another image to the OCR cache, the same text to OCR
    g.drawImage(image, (i % 7) - 3, Math.floor(i / sources.length) * 2);
    jpegs.push(await canvas.encode('jpeg', 80));
  }
  return pdfOfJpegs(jpegs, 2480, 3508);
}

function pdfOfJpegs(jpegs: Buffer[], width: number, height: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (body: Buffer | string) => {
    offsets.push(length);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1');
    parts.push(bytes);
    length += bytes.length;
  };
  const n = jpegs.length;
  // objects: 1 catalog, 2 pages, then per page: page, content, image
  add('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
  add(`2 0 obj << /Type /Pages /Count ${n} /Kids [${jpegs.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')}] >> endobj\n`);
  jpegs.forEach((jpeg, i) => {
    const page = 3 + 3 * i;
    add(`${page} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595.275591 841.889764] /Resources << /XObject << /Im0 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >> endobj\n`);
    const content = 'q 595.275591 0 0 841.889764 0 0 cm /Im0 Do Q';
    add(`${page + 1} 0 obj << /Length ${content.length} >>\nstream\n${content}\nendstream endobj\n`);
    add(
      Buffer.concat([
        Buffer.from(`${page + 2} 0 obj << /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, 'latin1'),
        jpeg,
        Buffer.from('\nendstream endobj\n', 'latin1'),
      ]),
    );
  });
  const xref = length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${table}trailer << /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

async function main(): Promise<void> {
  const redis = await startRedis();
  console.log(`bench:queue on ${process.env.HOSTNAME ?? 'this machine'}; Redis ${redis.info('redis_version')} on a unix socket`);
  try {
    if (PARTS.has(1)) {
      const archive = makeArchive(FILES);
      // the local run first and the queue second, then again in the other order: medians of two
      const local: number[] = [];
      const queue: number[] = [];
      for (const order of [0, 1]) {
        for (const which of order === 0 ? ['local', 'queue'] : ['queue', 'local']) {
          const out = tmp('out');
          const r = which === 'local' ? await timed(['run', archive, '--out', out, '--jobs', '2']) : await queued(redis, archive, out, 2);
          (which === 'local' ? local : queue).push(FILES / r.seconds);
          console.log(`  ${which === 'local' ? '--jobs 2          ' : 'queue, 2 workers  '} ${(FILES / r.seconds).toFixed(2)} files/s  ${r.summary}`);
          rmSync(out, { recursive: true, force: true });
        }
      }
      const ratio = (Math.min(...queue) + Math.max(...queue)) / (Math.min(...local) + Math.max(...local));
      console.log(`1. ${FILES} files: queue with 2 workers ${(queue.reduce((a, b) => a + b) / 2).toFixed(2)} files/s, --jobs 2 ${(local.reduce((a, b) => a + b) / 2).toFixed(2)} files/s (means of 2): ${ratio.toFixed(2)} of --jobs 2 (target ≥ 0.9: ${verdict(ratio >= 0.9)})`);
      rmSync(archive, { recursive: true, force: true });
    }
    if (PARTS.has(2) || PARTS.has(3)) {
      const input = tmp('scan');
      writeFileSync(join(input, 'scan.pdf'), await makeScan(SCAN_PAGES));
      const one = tmp('out');
      const a = await queued(redis, input, one, 1);
      const two = tmp('out');
      const b = await queued(redis, input, two, 2);
      console.log(`  one worker   ${a.seconds.toFixed(1)} s  ${a.summary}`);
      console.log(`  two workers  ${b.seconds.toFixed(1)} s  ${b.summary}`);
      if (PARTS.has(2)) console.log(`2. a ${SCAN_PAGES}-page scan: ${(a.seconds / b.seconds).toFixed(2)}× faster with two workers than with one (target ≥ 1.7×: ${verdict(a.seconds / b.seconds >= 1.7)})`);
      if (PARTS.has(3)) {
        // the pipeline changed: every file is processed again (here: the manifest is gone)
        // one file is one worker here: its pages are read one after another (minutes), hence the time limit
        rmSync(join(two, 'manifest.jsonl'));
        const cached = await timed(['run', input, '--out', two, '--jobs', '2', '--timeout', '3600']);
        rmSync(join(two, 'manifest.jsonl'));
        rmSync(join(two, '.ocr-cache'), { recursive: true });
        const uncached = await timed(['run', input, '--out', two, '--jobs', '2', '--timeout', '3600']);
        console.log(`  re-run with the OCR cache     ${cached.seconds.toFixed(1)} s  ${cached.summary}`);
        console.log(`  re-run without the OCR cache  ${uncached.seconds.toFixed(1)} s  ${uncached.summary}`);
        const x = uncached.seconds / cached.seconds;
        if (![cached, uncached].every((r) => / 0 failed;/.test(r.summary))) console.log('   (a run failed: the ratio below does not measure what it says)');
        console.log(`3. a re-run of the ${SCAN_PAGES}-page scan after a pipeline change: ${x.toFixed(1)}× faster with the OCR cache (target ≥ 10×: ${verdict(x >= 10)})`);
      }
      for (const d of [input, one, two]) rmSync(d, { recursive: true, force: true });
    }
    if (PARTS.has(4)) {
      const archive = makeArchive(REDIS_FILES);
      const out = tmp('out');
      let peak = 0;
      const sample = setInterval(() => (peak = Math.max(peak, Number(redis.info('used_memory') ?? 0))), 250);
      const r = await queued(redis, archive, out, 2);
      clearInterval(sample);
      const reported = Number(redis.info('used_memory_peak') ?? 0);
      const peakMb = Math.max(peak, reported) / 1e6;
      console.log(`  ${r.summary}`);
      console.log(`4. Redis's peak memory over ${REDIS_FILES} files: ${peakMb.toFixed(1)} MB (used_memory_peak ${(reported / 1e6).toFixed(1)} MB, sampled ${(peak / 1e6).toFixed(1)} MB; target ≤ 50 MB: ${verdict(peakMb <= 50)})`);
      for (const d of [archive, out]) rmSync(d, { recursive: true, force: true });
    }
  } finally {
    await redis.stop();
  }
}

mkdirSync(tmpdir(), { recursive: true });
await main();
