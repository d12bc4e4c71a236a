/**
 * A poison file end to end: a real input that takes its worker down every time is tried on the
 * next runs, skipped once it failed MAX_ATTEMPTS (3) times, and tried again on --retry-failed; a
 * run that died with the file in flight counts as one of its attempts (src/write/manifest.ts).
 */
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngWhite } from '../src/ingest/testing/hostile.js';
import { baocao, readJson, ROOT } from './helpers.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-poison-${name}-`));

const GOOD = '004_0ecefb93d6d43162.txt';
const POISON = 'white-8000.png';

/**
 * A white 8 000 × 8 000 px PNG (64 Mpx, under the 120 Mpx limit, 75 KB on disk): under a 200 MB
 * bound, tesseract.js's libpng runs out of memory decoding it and its error kills the worker process.
 * (The system tesseract, `--ocr-engine native`, reads it within the bound: the runs here pin tesseract.js.)
 */
function poisonInput(): string {
  const input = tmp('in');
  writeFileSync(join(input, POISON), pngWhite(8000, 8000));
  copyFileSync(join(ROOT, 'fixtures', GOOD), join(input, GOOD));
  return input;
}

const run = (input: string, out: string, ...more: string[]) => baocao(['run', input, '--out', out, '--jobs', '1', '--max-memory', '200', '--ocr-engine', 'wasm', ...more]);

/** The manifest line of a file, as written. */
const manifestLine = (out: string, relative: string) =>
  readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`{"relative":${JSON.stringify(relative)},`))!;

const errorOf = (out: string) => JSON.parse(manifestLine(out, POISON)).error;

/**
 * How the worker's death is recorded: out of memory when it said so on its way out (libpng, or V8
 * when the bound refused its heap: which one comes first varies with the machine's load), else
 * the signal that ended it.
 */
const DIED = String.raw`(ran out of memory \(limit 200 MB\)|worker process killed by SIG[A-Z]+)`;
const died = new RegExp(`^${DIED}$`);
const skipped = (attempts: number) => new RegExp(`^${DIED}; failed ${attempts} times, skipped until baocao changes \\(--retry-failed tries again\\)$`);

describe('a file that kills its worker every time', () => {
  it('is retried on the next two runs, skipped from its third failure on, and tried again with --retry-failed', () => {
    const input = poisonInput();
    const out = tmp('out');
    const errorLine = () => readJson(join(out, 'errors.jsonl'));

    const first = run(input, out);
    expect(first.code).toBe(1);
    // the batch went on: the good file has its report
    expect(first.stdout).toMatch(/^2 files: 1 written, 0 unchanged, 1 failed; /m);
    expect(errorLine()).toEqual({ file: join(input, POISON), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), stage: 'batch', reason: errorOf(out).reason });
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(died), retry: true, attempts: 1 });

    expect(run(input, out).stdout).toMatch(/^2 files: 0 written, 1 unchanged, 1 failed; /m);
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(died), retry: true, attempts: 2 });

    const third = run(input, out);
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(skipped(3)), retry: false, attempts: 3 });
    expect(third.stderr).toContain(`error: ${join(input, POISON)}: ${errorOf(out).reason} (batch)\n`);
    expect(errorLine().reason).toBe(errorOf(out).reason);

    // not handed to a worker again: a fourth attempt would have counted (attempts 4)
    const line = manifestLine(out, POISON);
    const fourth = run(input, out);
    expect(fourth.code).toBe(1);
    expect(fourth.stderr).toContain(`error: ${join(input, POISON)}: ${errorOf(out).reason} (batch)\n`);
    expect(manifestLine(out, POISON)).toBe(line);

    const retried = run(input, out, '--retry-failed');
    expect(retried.code).toBe(1);
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(skipped(4)), retry: false, attempts: 4 });
  }, 90_000);

  it('counts a run that died while the file was in a worker as one attempt', () => {
    const input = poisonInput();
    const out = tmp('out');
    expect(run(input, out).code).toBe(1);
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(died), retry: true, attempts: 1 });

    // the second run killed with the file in flight: its `started` line, as journalStarted writes
    // it, and no outcome after it
    const { relative, file, sha256, bytes, version } = JSON.parse(manifestLine(out, POISON));
    appendFileSync(join(out, 'manifest.journal.jsonl'), `${JSON.stringify({ started: { relative, file, sha256, bytes, version } })}\n`);

    // the third run counts the second as attempt 2, fails the third, and skips the file from now on
    const third = run(input, out);
    expect(third.code).toBe(1);
    expect(errorOf(out)).toEqual({ stage: 'batch', reason: expect.stringMatching(skipped(3)), retry: false, attempts: 3 });
  }, 60_000);
});
