import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardFailure, JOURNAL_FILE, journalReleased, loadManifest, MANIFEST_FILE, type ManifestEntry, type StartedFile } from './manifest.js';

const file: StartedFile = { relative: '2026-04/xa-an-lao/bc-120.pdf', file: 'archive/2026-04/xa-an-lao/bc-120.pdf', sha256: 'ab12', bytes: 2_400_000, version: '1/1.2.0/ac5f' };
const started = (f: StartedFile) => `${JSON.stringify({ started: f })}\n`;
const KILLED = 'the run ended while this file was being processed (killed, or out of memory)';

let out = '';
afterEach(() => rmSync(out, { recursive: true, force: true }));
const folder = () => (out = mkdtempSync(join(tmpdir(), 'baocao-manifest-')));

describe('poison files in the manifest', () => {
  it('records a file started and never settled (the run died with it) as a failed attempt, tried again next run', async () => {
    folder();
    appendFileSync(join(out, JOURNAL_FILE), started(file));
    const entry = (await loadManifest(out)).get(file.relative);
    expect(entry).toEqual({ ...file, status: 'error', error: { stage: 'batch', reason: KILLED, retry: true, attempts: 1 }, checks: null });
  });

  it('skips it after the third attempt with the same content and code, saying why', async () => {
    folder();
    const twice = guardFailure(file, 'ran out of memory (limit 1024 MB)', guardFailure(file, 'timed out after 120 s', undefined));
    expect(twice.error).toEqual({ stage: 'batch', reason: 'ran out of memory (limit 1024 MB)', retry: true, attempts: 2 });
    writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(twice)}\n`);
    appendFileSync(join(out, JOURNAL_FILE), started(file));
    const entry = (await loadManifest(out)).get(file.relative)!;
    expect(entry.error).toEqual({
      stage: 'batch',
      reason: `${KILLED}; failed 3 times, skipped until baocao changes (--retry-failed tries again)`,
      retry: false,
      attempts: 3,
    });
  });

  it('counts again from one when the content or the code changed', () => {
    const old: ManifestEntry = guardFailure(file, 'timed out after 120 s', guardFailure(file, 'timed out after 120 s', undefined));
    expect(guardFailure({ ...file, version: '1/1.2.0/ffff' }, 'timed out after 120 s', old).error?.attempts).toBe(1);
    expect(guardFailure({ ...file, sha256: 'cd34' }, 'timed out after 120 s', old).error?.attempts).toBe(1);
  });

  it('keeps the outcome of a file that settled after it started, and the old entry of one released by Ctrl+C', async () => {
    folder();
    const done: ManifestEntry = { ...file, status: 'ok', error: null, checks: { made: 31, failed: 5 } };
    const other: StartedFile = { ...file, relative: '2026-04/xa-an-lao/bc-121.pdf', sha256: 'ef56' };
    const before: ManifestEntry = { ...other, status: 'ok', error: null, checks: { made: 12, failed: 0 } };
    writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(before)}\n`);
    appendFileSync(join(out, JOURNAL_FILE), started(file) + `${JSON.stringify(done)}\n` + started(other));
    journalReleased(out, [other.relative]);
    const manifest = await loadManifest(out);
    expect(manifest.get(file.relative)).toEqual(done);
    expect(manifest.get(other.relative)).toEqual(before);
  });
});
