/**
 * What an archive's output must survive: a share that failed to mount (an empty folder, whose
 * files must not be taken for deleted, or a folder half there), and a bad verdict line in review.jsonl.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../src/write/duckdb.js';
import { baocao, ROOT } from './helpers.js';

const SEED = '001_226b3a6e67be8d17.txt';

describe('an input folder that is empty this time', () => {
  it('keeps every report, while a file deleted from a folder that still has files loses its own', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-empty-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-empty-out-'));
    copyFileSync(join(ROOT, 'fixtures', SEED), join(input, SEED));
    writeFileSync(join(input, 'note.txt'), 'Số: 12/BC-UBND\n\nBÁO CÁO\n\nTiếp nhận 15 hồ sơ.\n');
    for (const n of [13, 14, 15]) writeFileSync(join(input, `note-${n}.txt`), `Số: ${n}/BC-UBND\n\nBÁO CÁO\n\nTiếp nhận ${n} hồ sơ.\n`);
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const report = readFileSync(join(out, `${SEED}.json`), 'utf8');

    rmSync(join(input, 'note.txt'));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    expect(existsSync(join(out, 'note.txt.json'))).toBe(false);

    for (const name of [SEED, 'note-13.txt', 'note-14.txt', 'note-15.txt']) rmSync(join(input, name));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, `${SEED}.json`), 'utf8')).toBe(report);
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).toContain(SEED);
  });
});

describe('many files gone at once from a folder that still has files', () => {
  it('keeps their reports with a line saying why, and removes them with --prune', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-prune-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-prune-out-'));
    const names = [11, 12, 13, 14].map((n) => `bc-${n}.txt`);
    names.forEach((name, i) => writeFileSync(join(input, name), `Số: ${11 + i}/BC-UBND\n\nBÁO CÁO\n\nTiếp nhận ${11 + i} hồ sơ.\n`));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);

    // two of four gone: half the output, over the 25 % a run removes on its own
    for (const name of names.slice(0, 2)) rmSync(join(input, name));
    const kept = baocao(['run', input, '--out', out]);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain(`skipped: ${out}: kept the reports of 2 files that are gone from the inputs: more than 25 % of the output at once (--prune removes them)\n`);
    expect(names.map((n) => existsSync(join(out, `${n}.json`)))).toEqual([true, true, true, true]);

    expect(baocao(['run', input, '--out', out, '--prune-limit', '50']).code).toBe(0);
    expect(names.map((n) => existsSync(join(out, `${n}.json`)))).toEqual([false, false, true, true]);
  });

  it('removes them however many with --prune', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-prune-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-prune-out-'));
    const names = [11, 12, 13].map((n) => `bc-${n}.txt`);
    names.forEach((name, i) => writeFileSync(join(input, name), `Số: ${11 + i}/BC-UBND\n\nBÁO CÁO\n\nTiếp nhận ${11 + i} hồ sơ.\n`));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    for (const name of names.slice(0, 2)) rmSync(join(input, name));
    const pruned = baocao(['run', input, '--out', out, '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).not.toContain('kept the reports');
    expect(names.map((n) => existsSync(join(out, `${n}.json`)))).toEqual([false, false, true]);
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).not.toContain('bc-11.txt');
  });
});

describe('a bad line in review.jsonl', () => {
  it('is left out of the tables with a line naming the file and line; the tables are still built', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-verdict-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-verdict-out-'));
    copyFileSync(join(ROOT, 'fixtures', SEED), join(input, SEED));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const sha256 = JSON.parse(readFileSync(join(out, `${SEED}.json`), 'utf8')).source.sha256;
    const verdict = { time: '2026-04-20T08:00:00.000Z', file: SEED, sha256, id: 'f1', target: 'figure', verdict: 'wrong', line: 1, text: 'x' };
    writeFileSync(join(out, 'review.jsonl'), `${JSON.stringify({ ...verdict, span: { start: 0, end: 1e308 } })}\n`);
    const again = baocao(['run', input, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`skipped: ${join(out, 'review.jsonl')}:1: verdict left out of the tables ("span" must be {start, end})`);
    expect(existsSync(join(out, 'metrics.csv'))).toBe(true);
  });
});

describe('two runs on one output folder', () => {
  it('refuses the second with exit 2 and the owner of the lock, and writes nothing', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-lock-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-lock-out-'));
    copyFileSync(join(ROOT, 'fixtures', SEED), join(input, SEED));
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(join(out, '.baocao.lock'), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-12-04T21:00:00.000Z' }));
      const second = baocao(['run', input, '--out', out]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`${out}: is in use by another run (pid ${other.pid} on ${hostname()}, since 2026-12-04T21:00:00.000Z)`);
      expect(existsSync(join(out, `${SEED}.json`))).toBe(false);
    } finally {
      other.kill();
    }
  });
});

describe('file names that are patterns or formulas', () => {
  it('count once each in the tables, and reach metrics.csv as text', async () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-names-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-names-out-'));
    const names = ['*.txt', 'star*.txt', 'starX.txt', "=1+1+cmd|' _C calc'!A0.txt"];
    names.forEach((name, i) => {
      writeFileSync(join(input, name), `ỦY BAN NHÂN DÂN\nXÃ SỐ ${i + 1}\n\nSố: ${i + 10}/BC-UBND\n\nBÁO CÁO\n\nTình hình tháng ${i + 1} năm 2026\n\n1. Tổng số hồ sơ tiếp nhận: ${1000 + i} hồ sơ.\n`);
    });
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const rows = await withDatabase(join(out, 'baocao.duckdb'), async (db) => (await db.runAndReadAll('SELECT path FROM documents ORDER BY path')).getRowObjectsJson());
    expect(rows).toEqual([...names].sort().map((path) => ({ path })));
    const csv = readFileSync(join(out, 'metrics.csv'), 'utf8');
    expect(csv).toContain(`,'=1+1+cmd|' _C calc'!A0.txt,`);
    expect(csv.split('\n').some((line) => line.split(',').some((c) => /^"?[=+@]/.test(c)))).toBe(false);
  });
});
