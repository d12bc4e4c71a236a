import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, ArchiveRefused, extractArchive, isZipArchive } from './archive.js';
import { zipFiles } from './testing/hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'baocao-archive-'));
const write = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const LINE = 'Số: 120/BC-UBND';
/** Digits that do not compress far: a large entry that is no zip bomb. */
const noise = (n: number) => Array.from({ length: n }, (_, i) => String((i * 7919) % 10007 % 10)).join('');

describe('extractArchive', () => {
  it('extracts entries under numbered names, keeping the extension, and skips folders and hidden files', async () => {
    const zip = write('a.zip', zipFiles([{ name: 'bao-cao/', data: '' }, { name: 'bao-cao/Báo cáo 12.md', data: LINE }, { name: '.DS_Store', data: 'x' }, { name: '__MACOSX/._a', data: 'x' }]));
    const into = join(dir, 'a');
    expect(await extractArchive(zip, into, { maxEntryBytes: 1e6 })).toEqual([
      { name: 'bao-cao/Báo cáo 12.md', extracted: join(into, '0.md'), bytes: 17, refused: null },
    ]);
    expect(readFileSync(join(into, '0.md'), 'utf8')).toBe(LINE);
  });

  it('opens archives inside archives to three levels, and names the fourth', async () => {
    let inner = zipFiles([{ name: 'sau.txt', data: LINE }]);
    for (const level of [3, 2, 1]) inner = zipFiles([{ name: `muc-${level}.zip`, data: inner }, { name: `${level}.txt`, data: LINE }]);
    const entries = await extractArchive(write('nested.zip', inner), join(dir, 'nested'), { maxEntryBytes: 1e6 });
    expect(entries.map((e) => [e.name, e.refused])).toEqual([
      ['muc-1.zip!/muc-2.zip!/muc-3.zip', 'ZIP archive nested more than 3 deep'],
      ['muc-1.zip!/muc-2.zip!/3.txt', null],
      ['muc-1.zip!/2.txt', null],
      ['1.txt', null],
    ]);
  });

  it('refuses an entry larger than a file may be, and reads the others', async () => {
    const zip = write('big.zip', zipFiles([{ name: 'lon.txt', data: noise(3_000_000) }, { name: 'nho.txt', data: LINE }]));
    const entries = await extractArchive(zip, join(dir, 'big'), { maxEntryBytes: 2_000_000 });
    expect(entries.map((e) => [e.name, e.extracted !== null, e.refused])).toEqual([
      ['lon.txt', false, 'file too large (3.0 MB; the limit is 2 MB)'],
      ['nho.txt', true, null],
    ]);
  });

  it('refuses the whole archive for too many entries, before extracting any', async () => {
    const zip = write('many.zip', zipFiles(['1', '2', '3'].map((n) => ({ name: `${n}.txt`, data: LINE }))));
    const limits = { ...ARCHIVE_LIMITS, maxEntries: 2 };
    await expect(extractArchive(zip, join(dir, 'many'), { maxEntryBytes: 1e6, limits })).rejects.toThrow(new ArchiveRefused('ZIP archive holds more than 2 entries'));
  });

  it('tells an archive from a document package', async () => {
    expect(await isZipArchive(write('plain.zip', zipFiles([{ name: '1.txt', data: LINE }])))).toBe(true);
    expect(await isZipArchive(join('fixtures/formats/000_df22d471c82bd4e0.docx'))).toBe(false);
    expect(await isZipArchive('fixtures/000_df22d471c82bd4e0.txt')).toBe(false);
  });
});
