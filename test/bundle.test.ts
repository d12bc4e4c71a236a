// The CLI runs from a bundle that bin/bundle.mjs makes on first use (see there for why).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the launcher, without type declarations
import { bundle, prune } from '../bin/bundle.mjs';

/** Every JavaScript file of the bundle, concatenated. */
function bundledCode(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('the CLI bundle', () => {
  it('is built once per version of the sources and holds the CLI and the batch worker', async () => {
    const dir: string = await bundle();
    expect(await bundle()).toBe(dir);
    expect(dir).toMatch(/node_modules\/\.cache\/baocao\/[0-9a-f]{16}$/);
    expect(existsSync(join(dir, 'src/cli.js'))).toBe(true);
    expect(existsSync(join(dir, 'pipelines/batch-worker.js'))).toBe(true);
    // no half-built bundle of this process left beside it (other test files' CLIs may be building)
    expect(readdirSync(join(dir, '..')).filter((d) => d.endsWith(`.partial-${process.pid}`))).toEqual([]);
  });

  it('starts its workers from the bundled worker, which needs no module hooks', async () => {
    const dir: string = await bundle();
    const code = bundledCode(dir);
    expect(code).toContain(JSON.stringify(pathToFileURL(join(dir, 'pipelines/batch-worker.js')).href));
    expect(code).not.toMatch(/\bregister\(/);
  });

  it('keeps each module its own import.meta.url, so models and data are found beside the sources', async () => {
    const dir: string = await bundle();
    const code = bundledCode(dir);
    expect(code).toContain(JSON.stringify(pathToFileURL(join(import.meta.dirname, '../src/restore/index.ts')).href));
    expect(code).not.toContain('import.meta.url');
  });

  it('prunes bundles and half-done builds that nothing has used for a day', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baocao-bundles-'));
    for (const name of ['0123456789abcdef', 'fedcba9876543210', 'fedcba9876543210.partial-123']) mkdirSync(join(cache, name));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(cache, '0123456789abcdef'), twoDaysAgo, twoDaysAgo);
    utimesSync(join(cache, 'fedcba9876543210.partial-123'), twoDaysAgo, twoDaysAgo);
    await prune(cache);
    expect(readdirSync(cache)).toEqual(['fedcba9876543210']);
  });
});
