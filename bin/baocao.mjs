#!/usr/bin/env node
// The command, run from the build (dist/cli.js, made by scripts/build.mjs when `npm ci` runs
// "prepare"). In a git checkout whose sources changed since the last build, it builds first (a
// second or two), so the command never runs older code than the sources it stamps its outputs
// with (the manifest's version key hashes src/ and pipelines/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const cli = new URL('dist/cli.js', root);
if (existsSync(fileURLToPath(new URL('.git', root))) && existsSync(fileURLToPath(new URL('scripts/build.mjs', root)))) {
  const { build, stale } = await import('../scripts/build.mjs');
  if (stale()) await build({ types: false });
} else if (!existsSync(fileURLToPath(cli))) {
  console.error(`error: baocao is not built (${fileURLToPath(cli)} is missing): run npm run build in ${fileURLToPath(root)}`);
  process.exit(2);
}
await import(cli.href);
