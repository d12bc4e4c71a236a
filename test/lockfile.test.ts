import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// `npm ci` on a fresh clone refuses a lock that lacks other platforms' optional binaries.
it('package-lock.json lists every optional platform package (else run scripts/complete-lockfile.mjs)', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/complete-lockfile.mjs'), '--check'], { encoding: 'utf8' });
  expect(r.stdout).toBe('');
  expect(r.status).toBe(0);
});
