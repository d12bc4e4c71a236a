/**
 * A share that failed to mount looks like an empty folder: a run over it must not take the
 * archive's reports for deleted files.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baocao, ROOT } from './helpers.js';

const SEED = '001_226b3a6e67be8d17.txt';

describe('an input folder that is empty this time', () => {
  it('keeps every report, while a file deleted from a folder that still has files loses its own', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-empty-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-empty-out-'));
    copyFileSync(join(ROOT, 'fixtures', SEED), join(input, SEED));
    writeFileSync(join(input, 'note.txt'), 'Số: 12/BC-UBND\n\nBÁO CÁO\n\nTiếp nhận 15 hồ sơ.\n');
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const report = readFileSync(join(out, `${SEED}.json`), 'utf8');

    rmSync(join(input, 'note.txt'));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    expect(existsSync(join(out, 'note.txt.json'))).toBe(false);

    rmSync(join(input, SEED));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, `${SEED}.json`), 'utf8')).toBe(report);
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).toContain(SEED);
  });
});
