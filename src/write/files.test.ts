import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256File } from './files.js';

const dir = mkdtempSync(join(tmpdir(), 'baocao-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256File', () => {
  it('hashes an empty file, a small one and one of several read buffers', async () => {
    expect(await sha256File(writeBytes('empty', new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const small = Buffer.from('BÁO CÁO Kết quả giải quyết thủ tục hành chính\n');
    expect(await sha256File(writeBytes('small.txt', small))).toBe(sha256(small));
    const big = randomBytes(200_000 + 17);
    expect(await sha256File(writeBytes('big.bin', big))).toBe(sha256(big));
  });

  it('gives each of many files hashed at once its own bytes (buffers are reused, never shared)', async () => {
    const files = Array.from({ length: 12 }, (_, i) => randomBytes(50_000 + i * 30_000));
    const paths = files.map((bytes, i) => writeBytes(`concurrent-${i}.bin`, bytes));
    expect(await Promise.all(paths.map((p) => sha256File(p)))).toEqual(files.map(sha256));
  });

  it('rejects for a missing file, and the next file still hashes', async () => {
    await expect(sha256File(join(dir, 'missing.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
    const bytes = randomBytes(70_000);
    expect(await sha256File(writeBytes('after.bin', bytes))).toBe(sha256(bytes));
  });
});

function writeBytes(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
