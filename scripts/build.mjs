// The build: `npm ci` runs it (package.json "prepare"), `npm run build` after an edit, and the
// test suite before it starts (test/global-setup.ts). It writes
//
//   dist/index.js          the library (`import … from 'baocao'`, src/index.ts)
//   dist/cli.js            the command (bin/baocao → bin/baocao.mjs → here)
//   dist/batch-worker.js   the batch's worker threads (pipelines/batch-worker.ts)
//   dist/*-<hash>.js       code they share, each command's modules in chunks of their own
//   dist/types/            declarations of the library (tsc -p tsconfig.build.json; --no-types skips)
//
// esbuild bundles the TypeScript (types stripped, packages left to node_modules). The CLI and
// the workers run as plain JavaScript: stripping types as modules load (bin/ts-hooks.mjs, which
// the tests' workers still use) ran its hooks on a loader thread of about 17 MB, with an esbuild
// process beside it, for the main thread and again for every worker.
//
// Every output file sits directly in dist/, so a module's own `import.meta.url` is rewritten to
// `new URL('../<its source path>', import.meta.url)`: files found relative to a module (models,
// schema, data, the review site's assets) are found as from the sources, wherever the package
// is installed.
//
// Safe while other runs use dist/: each file is written beside and renamed into place, the
// shared chunks first, and only when its bytes changed; chunks (named by their content) that no
// entry uses any more are removed once nothing has touched them for a day.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
export const ENTRIES = { index: 'src/index.ts', cli: 'src/cli.ts', 'batch-worker': 'pipelines/batch-worker.ts' };
/** Touched by every build: bin/baocao.mjs rebuilds a checkout whose sources are newer. */
export const STAMP = join(DIST, '.built');
const MODULE_URL = '__baocao_module_url';

/** Bundle the entries into dist/ and, unless `types` is false, write the declarations. */
export async function build({ types = true } = {}) {
  const { build: esbuild, stop, transform } = await import('esbuild');
  try {
    const result = await esbuild({
      // absolute: with `packages: 'external'`, a bare `src/cli.ts` would be taken for a package
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
      absWorkingDir: ROOT,
      outdir: DIST,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      bundle: true,
      splitting: true, // each command's modules stay in their own chunks, loaded when it runs
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external', // found in node_modules, from dist/ as from the sources
      define: { BUNDLED_WORKER: JSON.stringify('../dist/batch-worker.js') }, // relative to pipelines/worker-pool.ts
      write: false,
      logLevel: 'warning',
      plugins: [
        {
          name: 'module-url-of-the-source',
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
              let { code } = await transform(readFileSync(path, 'utf8'), {
                loader: 'ts',
                format: 'esm',
                target: 'node20',
                sourcefile: path,
                define: { 'import.meta.url': MODULE_URL },
              });
              if (code.includes(MODULE_URL)) {
                const source = `../${relative(ROOT, path).split(sep).join('/')}`;
                code = `const ${MODULE_URL} = new URL(${JSON.stringify(source)}, import.meta.url).href;\n${code}`;
              }
              return { contents: code, loader: 'js' };
            });
          },
        },
      ],
    });
    mkdirSync(DIST, { recursive: true });
    const entryFiles = new Set(Object.keys(ENTRIES).map((name) => join(DIST, `${name}.js`)));
    // chunks before the entries that import them
    const files = [...result.outputFiles].sort((a, b) => Number(entryFiles.has(a.path)) - Number(entryFiles.has(b.path)));
    for (const file of files) writeIfChanged(file.path, file.contents);
    pruneChunks(new Set(files.map((f) => f.path)));
  } finally {
    await stop();
  }
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  if (types && !existsSync(tsc)) console.warn('baocao build: typescript is not installed (npm ci --omit=dev?): no declarations in dist/types/');
  else if (types) {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  }
  writeFileSync(STAMP, '');
  const now = new Date();
  utimesSync(STAMP, now, now);
}

function writeIfChanged(path, contents) {
  try {
    if (Buffer.compare(readFileSync(path), contents) === 0) {
      // still in use: keeps pruning away from it
      const now = new Date();
      utimesSync(path, now, now);
      return;
    }
  } catch {
    // not there yet
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

/** JavaScript files of older builds, and temporaries of killed builds, a day after their last use. */
function pruneChunks(current) {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(DIST)) {
    const path = join(DIST, name);
    if (current.has(path) || !/\.js(\.\d+\.[0-9a-f]{8}\.tmp)?$/.test(name)) continue;
    if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
  }
}

/** Whether a checkout's sources changed since the last build (newer than its stamp). */
export function stale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  if (statSync(join(ROOT, 'package.json')).mtimeMs > built) return true; // the version --version prints
  for (const dir of ['src', 'pipelines']) {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name.endsWith('.test.ts') || !/\.(ts|json)$/.test(entry.name)) continue;
      if (statSync(join(entry.parentPath, entry.name)).mtimeMs > built) return true;
    }
  }
  return false;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build({ types: !process.argv.includes('--no-types') });
  console.log(`built ${relative(process.cwd(), DIST) || '.'}/ (${Object.keys(ENTRIES).map((e) => `${e}.js`).join(', ')}${process.argv.includes('--no-types') ? '' : ', types/'})`);
}

