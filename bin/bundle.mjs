// The CLI and the batch worker as plain JavaScript, bundled by esbuild on first use and kept in
// node_modules/.cache/baocao/<key>/, where the key hashes the sources: an edit makes a new bundle,
// and a run of unchanged code loads the old one without starting esbuild at all.
//
// Why not strip the types as modules load (ts-hooks.mjs, which the tests' workers still use)?
// module.register() runs its hooks on a loader thread of its own, about 17 MB, with an esbuild
// process beside it; a batch had one of each for the main thread and for every worker thread.
//
// The bundle keeps each module's own `import.meta.url`, so files found relative to a module
// (models, schema, data) are found as in the sources.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['src/cli.ts', 'pipelines/batch-worker.ts'];

/**
 * The bundle's folder (built if missing), whose `src/cli.js` runs the CLI; null when it cannot be
 * written (a read-only install). It lives under node_modules so that the packages it imports are
 * found from it as from the sources.
 */
export async function bundle() {
  const cache = join(ROOT, 'node_modules/.cache/baocao');
  const dir = join(cache, await sourceKey());
  if (existsSync(join(dir, 'src/cli.js'))) {
    // marks the bundle as in use, so that pruning leaves it alone
    const now = new Date();
    await utimes(dir, now, now).catch(() => {});
    return dir;
  }
  try {
    await prune(cache);
    await build(dir);
    return dir;
  } catch (error) {
    if (['EACCES', 'EPERM', 'EROFS'].includes(error.code)) return null;
    throw error;
  }
}

/**
 * Bundles of other versions of the sources, and builds a killed run left half done, once nothing
 * has used them for a day (a run still going on an old version keeps loading its chunks).
 */
export async function prune(cache) {
  let names;
  try {
    names = await readdir(cache);
  } catch {
    return; // no cache yet
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const path = join(cache, name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Infinity }));
    if (mtimeMs < dayAgo) await rm(path, { recursive: true, force: true });
  }
}

/**
 * A hash of everything the bundle is made of: the sources, this file, esbuild's version, and where
 * the sources are (the bundle holds their absolute URLs: a moved checkout needs a new one).
 */
async function sourceKey() {
  const hash = createHash('sha256');
  const { version } = JSON.parse(await readFile(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8'));
  hash.update(ROOT).update('\0').update(version).update(await readFile(fileURLToPath(import.meta.url)));
  for (const dir of ['src', 'pipelines']) {
    const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile() && !e.name.endsWith('.test.ts')).map((e) => join(e.parentPath, e.name));
    for (const file of files.sort()) hash.update(relative(ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(dir) {
  const { build: esbuild, stop, transform } = await import('esbuild');
  await mkdir(join(dir, '..'), { recursive: true });
  // built beside and renamed into place: a run killed mid-build never leaves half a bundle
  const partial = `${dir}.partial-${process.pid}`;
  try {
    await esbuild({
      entryPoints: ENTRIES.map((entry) => join(ROOT, entry)),
      outbase: ROOT,
      outdir: partial,
      bundle: true,
      splitting: true, // each command's modules stay in their own chunks, loaded when it runs
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external', // found in node_modules from the cache folder as from the sources
      define: { BUNDLED_WORKER: JSON.stringify(pathToFileURL(join(dir, 'pipelines/batch-worker.js')).href) },
      logLevel: 'warning',
      plugins: [
        {
          name: 'keep-import-meta-url',
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
              const { code } = await transform(await readFile(path, 'utf8'), {
                loader: 'ts',
                format: 'esm',
                target: 'node20',
                sourcefile: path,
                define: { 'import.meta.url': JSON.stringify(pathToFileURL(path).href) },
              });
              return { contents: code, loader: 'js' };
            });
          },
        },
      ],
    });
    try {
      await rename(partial, dir);
    } catch (error) {
      // another run built the same bundle first
      if (!existsSync(join(dir, 'src/cli.js'))) throw error;
    }
  } finally {
    await rm(partial, { recursive: true, force: true });
    await stop();
  }
}
