import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutput } from './lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'baocao-lock-'));
const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2026-12-04T21:00:00.000Z' });

describe('the lock on an output folder', () => {
  it('refuses a second run while the first holds it, and lets the next one in after', async () => {
    const out = folder();
    const first = await lockOutput(out);
    await expect(lockOutput(out)).rejects.toThrow(`${out}: is in use by another run (pid ${process.pid} on ${hostname()}`);
    await first.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    await (await lockOutput(out)).release();
  });

  it('refuses a lock held by another live process', async () => {
    const out = folder();
    writeFileSync(join(out, LOCK_FILE), owner(process.ppid));
    await expect(lockOutput(out)).rejects.toThrow(`is in use by another run (pid ${process.ppid} on ${hostname()}, since 2026-12-04T21:00:00.000Z)`);
  });

  it('takes over the lock of a run that was killed', async () => {
    const out = folder();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(out, LOCK_FILE), owner(dead));
    const lock = await lockOutput(out);
    await lock.release();
  });

  it('leaves another machine’s lock in place and says how to clear it', async () => {
    const out = folder();
    writeFileSync(join(out, LOCK_FILE), owner(4242, 'other-machine'));
    await expect(lockOutput(out)).rejects.toThrow(`or remove ${join(out, LOCK_FILE)} if that machine has no run going`);
  });
});
