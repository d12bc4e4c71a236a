/**
 * Issue 18, "What it must show": a batch over real reports and the hostile corpus
 * (scripts/make-hostile-corpus.ts) ends with its summary, gives each hostile file its one error
 * line or its report, leaves the good files' reports byte for byte as a run without the hostile
 * files made them, and the whole process tree stays under 2 GB while it runs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHostileCorpus } from '../scripts/make-hostile-corpus.js';
import { treePssKb } from '../bench/_measure.js';
import { BIN, filesUnder, ROOT } from './helpers.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-hostile-${name}-`));

/** Real reports, one of them in a subfolder: their reports must not change when hostile files join them. */
const GOOD = ['001_226b3a6e67be8d17.txt', '004_0ecefb93d6d43162.txt', '2026-02/000_df22d471c82bd4e0.txt'];

/** The CLI as installed, its process tree's memory sampled every 50 ms; resolves once its output is all read. */
function runSampled(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    let peakKb = 0;
    const timer = setInterval(() => (peakKb = Math.max(peakKb, treePssKb(child.pid!))), 50);
    // 'close', not 'exit': the summary may come after the exit
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakMb: Math.round(peakKb / 1024) });
    });
  });
}

describe('baocao run over real reports and the hostile corpus', () => {
  it('ends with its summary, one exact error line per hostile file, good reports unchanged, the tree under 2 GB', async () => {
    const input = tmp('in');
    for (const path of GOOD) {
      mkdirSync(join(input, path, '..'), { recursive: true });
      copyFileSync(join(ROOT, 'fixtures', path.split('/').at(-1)!), join(input, path));
    }
    const flags = ['--jobs', '2', '--max-memory', '700'];
    const clean = tmp('clean');
    const first = await runSampled(['run', input, '--out', clean, ...flags]);
    expect(first.code, first.stderr).toBe(0);

    const t0 = performance.now();
    const cases = await makeHostileCorpus(input);
    const generatedMs = performance.now() - t0;
    const out = tmp('out');
    const run = await runSampled(['run', input, '--out', out, ...flags]);
    console.log(`hostile corpus: generated in ${Math.round(generatedMs)} ms; the run's peak tree PSS ${run.peakMb} MB (clean run: ${first.peakMb} MB)`);

    const failing = cases.filter((c) => !c.skipped && c.error !== null);
    const passing = cases.filter((c) => !c.skipped && c.error === null);
    const skipped = cases.filter((c) => c.skipped);
    // exit 1 is also what a crash gives: the run must have ended with its summary line
    expect(run.code).toBe(1);
    const files = GOOD.length + passing.length + failing.length;
    expect(run.stdout).toMatch(new RegExp(`^${files} files: ${GOOD.length + passing.length} written, 0 unchanged, ${failing.length} failed; .* → ${out}$`, 'm'));

    // each hostile file refused by its own reader (stage ingest): none needed a guard or cost a worker
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { file: string; stage: string; reason: string });
    expect(errors.map((e) => e.file).sort()).toEqual(failing.map((c) => join(input, c.path)).sort());
    for (const c of failing) {
      const lines = errors.filter((e) => e.file === join(input, c.path));
      expect(lines, c.what).toHaveLength(1);
      expect(lines[0]!.stage, c.what).toBe('ingest');
      expect(lines[0]!.reason, c.what).toContain(c.error);
      expect(existsSync(join(out, `${c.path}.json`)), c.what).toBe(false);
    }
    for (const c of passing) expect(existsSync(join(out, `${c.path}.json`)), c.what).toBe(true);
    for (const c of skipped) {
      expect(run.stderr, c.what).toContain(`skipped: ${join(input, c.path)}: ${c.skipped}\n`);
      expect(existsSync(join(out, `${c.path}.json`)), c.what).toBe(false);
    }

    for (const path of GOOD) expect(readFileSync(join(out, `${path}.json`), 'utf8'), path).toBe(readFileSync(join(clean, `${path}.json`), 'utf8'));

    // the external entity was never read: /etc/passwd's first line is in no output file
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    expect(passwd).toMatch(/^root:/);
    const leaking = filesUnder(out).filter((f) => readFileSync(join(out, f), 'latin1').includes(passwd));
    expect(leaking).toEqual([]);

    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(2048);
  }, 90_000);
});
