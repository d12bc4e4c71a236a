// The build the command, its workers and the package run from (scripts/build.mjs; built before
// the tests by test/global-setup.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
/** Every JavaScript file of the build, concatenated. */
const code = () =>
  readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(DIST, f), 'utf8'))
    .join('\n');

describe('the build in dist/', () => {
  it('holds the library, the CLI and the batch worker side by side, with the library declarations', () => {
    const files = readdirSync(DIST);
    expect(files).toEqual(expect.arrayContaining(['index.js', 'cli.js', 'batch-worker.js', 'types', '.built']));
    expect(readdirSync(join(DIST, 'types/src'))).toContain('index.d.ts');
    // nothing but the declarations below dist/: every module's URL is computed from dist/ itself
    expect(files.filter((f) => !f.startsWith('.') && !f.endsWith('.js') && f !== 'types')).toEqual([]);
  });

  it('starts its workers from the built worker, which needs no module hooks', () => {
    expect(code()).toContain('new URL(true ? "../dist/batch-worker.js" : "./batch-worker.mjs", __baocao_module_url');
    expect(code()).not.toMatch(/\bregister\(/);
  });

  it('gives each module the URL of its source, relative to the build, so models and data are found wherever the package is', () => {
    const all = code();
    expect(all).toContain('new URL("../src/restore/index.ts", import.meta.url).href');
    expect(all).toContain('new URL("../src/write/schema.ts", import.meta.url).href');
    // no absolute path of this checkout baked in
    expect(all).not.toContain(ROOT);
    // import.meta.url only as the base of those URLs
    expect(all.match(/import\.meta\.url/g)!.length).toBe(all.match(/= new URL\("\.\.\/[^"]+", import\.meta\.url\)\.href;/g)!.length);
  });
});
