#!/usr/bin/env node
/**
 * The npm registry reachable here serves prebuilt binaries only for this machine's platform, so
 * `npm install` leaves the other platforms' optional packages (`@duckdb/node-bindings-darwin-arm64`,
 * `@napi-rs/canvas-win32-x64-msvc`…) out of package-lock.json, and `npm ci` then refuses the lock
 * ("Missing: … from lock file"); sometimes it records a stale version instead. This adds those entries as optional, platform-restricted
 * packages, which `npm ci` skips on any other platform. Run it after every `npm install <pkg>`;
 * `test/lockfile.test.ts` fails when it is needed.
 *
 *   node scripts/complete-lockfile.mjs          # fix package-lock.json in place
 *   node scripts/complete-lockfile.mjs --check  # exit 1 and list what is missing
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));

export function missingOptionalPackages(lock) {
  const missing = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const found = resolve(lock, where, name);
      // an exact pin that resolves to another version is a stale entry: counts as missing too
      const stale = found && /^\d+\.\d+\.\d+\S*$/.test(version) && lock.packages[found].version !== version;
      if (found && !stale) continue;
      const root = `node_modules/${name}`;
      const key = !lock.packages[root] ? root : `${where ? `${where}/` : ''}node_modules/${name}`;
      missing.push({ key, name, version });
    }
  }
  return missing;
}

/** Node's resolution inside the lock: the package's own node_modules, then each parent's. */
function resolve(lock, where, name) {
  let dir = where;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return null;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/** os, cpu and libc from the platform words in a binary package's name. */
function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'sunos', 'aix'].find((w) => words.includes(w));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 's390x', 'loong64'].find((w) => words.includes(w));
  const libc = words.includes('musl') ? 'musl' : os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
}

const missing = missingOptionalPackages(lock);
if (process.argv.includes('--check')) {
  for (const m of missing) console.log(`missing from package-lock.json: ${m.name}@${m.version}`);
  process.exit(missing.length > 0 ? 1 : 0);
}
for (const m of missing) {
  const { os, cpu, libc } = platformOf(m.name);
  if (!os || !cpu) throw new Error(`cannot tell the platform of ${m.name}`);
  lock.packages[m.key] = { version: m.version, cpu: [cpu], ...(libc ? { libc: [libc] } : {}), optional: true, os: [os] };
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${missing.length} optional platform packages to package-lock.json`);
