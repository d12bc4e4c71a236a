/**
 * `baocao run --queue` and `baocao worker` against a real Redis (Debian's redis-server, started
 * here on a unix socket in a temporary folder): workers killed and started late, Redis restarted
 * empty, and an output the same bytes as `--jobs 2` makes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_REDIS, redisServerPath, startRedis, type TestRedis } from '../pipelines/testing/redis.js';
import { baocao, BIN, filesUnder, ROOT } from './helpers.js';

/** Outside CI a machine without redis-server skips this suite with one line; in CI it must be there. */
const SKIP = redisServerPath() === null && process.env.CI !== 'true';
if (SKIP) console.warn(`skipping test/queue.test.ts (batch runs over a Redis queue): no redis-server; install it with \`${INSTALL_REDIS}\``);

interface Expected {
  path: string;
  kind: string;
  broken: string | null;
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-queue-${name}-`));

/** A generated archive with broken files, and with `scan` seed 000's 9-page scan (fanned out one page a job). */
function makeArchive(files: number, seed: number, scan: boolean): { input: string; expected: Expected[] } {
  const input = tmp('in');
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-archive.ts', input, '--files', String(files), '--seed', String(seed), '--broken', '0.1'], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const expected = (JSON.parse(readFileSync(join(input, '.expected.json'), 'utf8')) as { files: Expected[] }).files;
  if (!scan) return { input, expected };
  copyFileSync(join(ROOT, 'fixtures/formats/000_df22d471c82bd4e0.scan.pdf'), join(input, 'scan.pdf'));
  return { input, expected: [...expected, { path: 'scan.pdf', kind: 'pdf', broken: null }] };
}

const workers: ChildProcess[] = [];
function startWorker(url: string): ChildProcess {
  // a killed worker's file is taken up 2 s after its lock was last renewed
  const child = spawn(BIN, ['worker', '--queue', url, '--concurrency', '1', '--lock', '2'], { cwd: ROOT, stdio: 'ignore' });
  workers.push(child);
  return child;
}

function runProducer(input: string, out: string, url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, ['run', input, '--out', out, '--queue', url], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every file of an output but its run metadata and DuckDB file (its pages differ from run to run), with its bytes. */
function tree(out: string): Record<string, string> {
  const files = filesUnder(out).filter((f) => !f.startsWith('runs/') && f !== 'baocao.duckdb');
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
}

describe.skipIf(SKIP)('baocao run --queue with baocao worker', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await redis?.stop();
  });

  it('processes an archive with three workers, one killed and one started late, into the bytes of --jobs 2', async () => {
    const { input, expected } = makeArchive(30, 7, true);
    const out = tmp('out');
    startWorker(redis.url);
    const doomed = startWorker(redis.url);
    const producer = runProducer(input, out, redis.url);
    // SIGKILL mid-run, at a moment that differs from run to run
    await sleep(3000 + Math.random() * 4000);
    doomed.kill('SIGKILL');
    startWorker(redis.url);
    const run = await producer;
    expect(run.stderr).not.toContain('Error:');

    const good = expected.filter((e) => e.broken === null);
    const broken = expected.filter((e) => e.broken !== null);
    expect(run.stdout).toContain(`${expected.length} files: ${good.length} written, 0 unchanged, ${broken.length} failed;`);
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).file.slice(input.length + 1));
    expect(errors).toEqual(broken.map((e) => e.path).sort());
    const reports = filesUnder(out).filter((f) => f.endsWith('.json') && !/^(\.tables|runs)\//.test(f));
    expect(reports.sort()).toEqual(good.map((e) => `${e.path}.json`).sort());

    const local = tmp('local');
    expect(baocao(['run', input, '--out', local, '--jobs', '2']).code).toBe(1);
    expect(tree(out)).toEqual(tree(local));
    // nothing of the queue's bookkeeping stays in the output, and Redis holds no finished job
    expect(filesUnder(out).filter((f) => f.startsWith('.queue'))).toEqual([]);
    expect(redis.info('db0') ?? '').not.toMatch(/keys=\d{2,}/);
  }, 600_000);

  it('loses no result when Redis restarts empty mid-run, and enqueues nothing twice on a re-run', async () => {
    const { input, expected } = makeArchive(30, 8, false);
    const out = tmp('out');
    startWorker(redis.url);
    startWorker(redis.url);
    const producer = runProducer(input, out, redis.url);
    await sleep(3000);
    await redis.restart();
    const run = await producer;
    const good = expected.filter((e) => e.broken === null).length;
    expect(run.stdout).toContain(`${expected.length} files: ${good} written, 0 unchanged, ${expected.length - good} failed;`);
    const again = await runProducer(input, out, redis.url);
    expect(again.stdout).toContain(`${expected.length} files: 0 written, ${good} unchanged, ${expected.length - good} failed;`);
  }, 600_000);
});
