/**
 * A full disk is the run's trouble, not the files': the run stops with exit 2 and a message naming
 * the path, marks no file failed, and once the disk is enlarged the same command finishes every
 * file. The output is a small tmpfs, which needs root (CI runs as root); elsewhere the suite is
 * skipped with one line.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao, ROOT } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'baocao-full-'));
const mount = (...options: string[]) => spawnSync('mount', ['-t', 'tmpfs', '-o', options.join(','), 'tmpfs', out]).status === 0;
const mounted = process.getuid?.() === 0 && mount('size=256k');
if (!mounted) console.warn('skipping test/disk-full.test.ts (a full disk): it mounts a small tmpfs, which needs root');
afterAll(() => {
  if (mounted) spawnSync('umount', [out]);
});

describe.skipIf(!mounted)('a disk that fills up during a run', () => {
  const seeds = readdirSync(join(ROOT, 'fixtures')).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  const input = mkdtempSync(join(tmpdir(), 'baocao-full-in-'));
  for (const f of seeds) copyFileSync(join(ROOT, 'fixtures', f), join(input, f));

  it('stops with exit 2 naming the path, and marks no file failed', () => {
    const run = baocao(['run', input, '--out', out, '--jobs', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: cannot write .+ \(ENOSPC\): the run stopped and no file was marked failed/);
    const manifest = existsSync(join(out, 'manifest.jsonl')) ? readFileSync(join(out, 'manifest.jsonl'), 'utf8') : '';
    expect(manifest).not.toContain('"status":"error"');
  });

  it('finishes every file once the disk is enlarged', () => {
    expect(spawnSync('mount', ['-o', 'remount,size=64m', out]).status).toBe(0);
    const run = baocao(['run', input, '--out', out, '--jobs', '1']);
    expect(run.code).toBe(0);
    for (const f of seeds) expect(existsSync(join(out, `${f}.json`))).toBe(true);
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toBe('');
  });
});
