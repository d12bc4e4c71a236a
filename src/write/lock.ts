/**
 * One run at a time per output folder: a second run on the same `--out` would delete the first's
 * temporary database and interleave their manifests. The lock is a file holding the owner's pid,
 * host and start; a lock whose process is gone (a run killed with -9, a machine that crashed) is
 * stale and taken over.
 */
import { rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

export const LOCK_FILE = '.baocao.lock';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** Lock paths this process holds now: its own pid in a lock file is live only while listed here. */
const held = new Set<string>();
process.once('exit', () => {
  for (const path of held) rmSync(path, { force: true });
});

export async function lockOutput(out: string): Promise<{ release(): Promise<void> }> {
  const path = join(out, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      held.add(path);
      return {
        async release() {
          held.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
    if (owner && isRunning(owner, path)) {
      throw new UsageError(
        out,
        `is in use by another run (pid ${owner.pid} on ${owner.host}, since ${owner.since}); run again when it has finished` +
          (owner.host === me.host ? '' : `, or remove ${path} if that machine has no run going`),
      );
    }
    await rm(path, { force: true }); // stale: its run is gone
  }
  throw new UsageError(out, `cannot take the lock ${path}`);
}

function parseOwner(text: string): Owner | null {
  try {
    const o = JSON.parse(text) as Owner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : null;
  } catch {
    return null; // a torn lock file: its writer died while writing it
  }
}

/** Another machine's process cannot be checked from here: its lock stands until removed. */
function isRunning(owner: Owner, path: string): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return held.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
