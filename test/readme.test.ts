// The README is a user's guide: short, and every document it points to is there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const links = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));

describe('the README', () => {
  it('has at most 200 lines', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('points only to files that exist, and so do the documents in docs/', () => {
    const files = ['README.md', ...['outputs', 'batch', 'review', 'design', 'formats', 'restoration', 'batch-memory', 'queue', 'measurements', 'scans', 'tables', 'tables-figures'].map((d) => `docs/${d}.md`)];
    const broken = files.flatMap((f) => links(join(ROOT, f)).filter((l) => !existsSync(join(ROOT, dirname(f), l))).map((l) => `${f}: ${l}`));
    expect(broken).toEqual([]);
    expect(links(join(ROOT, 'README.md'))).toEqual(expect.arrayContaining(files.slice(1)));
  });
});
