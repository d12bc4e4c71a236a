/**
 * `npm run bench` / `npm run eval`: runs every `bench/*.ts` or `eval/*.ts` in its own process,
 * in name order, so that one area's figures never disturb another's (memory, JIT, workers).
 * Pass a substring to run only matching files: `npm run eval -- restore`; what follows it goes to
 * each script (`npm run eval -- restore --no-gazetteer`). Scripts in subfolders
 * (`bench/slow/`) are left out: they have npm scripts of their own (`npm run bench:batch`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [kind, filter, ...rest] = process.argv.slice(2);
if (kind !== 'bench' && kind !== 'eval') {
  console.error('usage: run-all.ts bench|eval [filter]');
  process.exit(2);
}
const files = readdirSync(kind)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${kind}/${f} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(kind, f), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} of ${files.length} ${kind} scripts failed`);
  process.exit(1);
}
