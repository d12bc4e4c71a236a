import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkInputs } from './walk.js';

/** An archive: two reports, a folder of a third, and the output folder inside it. */
function archive() {
  const root = mkdtempSync(join(tmpdir(), 'baocao-walk-'));
  writeFileSync(join(root, 'a.txt'), 'a');
  mkdirSync(join(root, 'locked'));
  writeFileSync(join(root, 'locked', 'b.txt'), 'b');
  mkdirSync(join(root, 'z'));
  writeFileSync(join(root, 'z', 'c.txt'), 'c');
  return root;
}

describe('walkInputs', () => {
  it('lists an unreadable folder as skipped and goes on with the rest', async () => {
    const root = archive();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { files, skipped } = await walkInputs([root], undefined, {
      readDirectory: async (dir) => {
        if (dir.endsWith('locked')) throw denied;
        return readdirSync(dir, { withFileTypes: true });
      },
    });
    expect(files.map((f) => f.relative)).toEqual(['a.txt', join('z', 'c.txt')]);
    expect(skipped).toEqual([{ path: join(root, 'locked'), reason: 'unreadable folder (EACCES)' }]);
  });

  it('refuses an input root it cannot read, naming it', async () => {
    const root = archive();
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    await expect(walkInputs([root], undefined, { readDirectory: async () => Promise.reject(denied) })).rejects.toThrow(`${root}: cannot read the folder (EACCES)`);
  });

  it('leaves out the output folder also when it is reached through a symbolic link', async () => {
    const root = archive();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'a.txt.json'), '{}');
    const link = join(mkdtempSync(join(tmpdir(), 'baocao-walk-link-')), 'out');
    symlinkSync(join(root, 'out'), link);
    const { files } = await walkInputs([root], link);
    expect(files.map((f) => f.relative)).toEqual(['a.txt', join('locked', 'b.txt'), join('z', 'c.txt')]);
  });
});
