/**
 * OCR results kept on disk, keyed by the page image's bytes and the OCR engine, model and
 * settings that read it. OCR is by far the dearest step, and a new pipeline version re-runs every
 * file: with the cache, a re-run after an upgrade, another copy of the same scan, or a page OCR'd
 * by another machine (pages fanned out over a queue) reads the result instead of the page. A
 * change of engine, model or settings changes every key, so nothing stale is ever read.
 *
 * `<dir>/ab/abcdef….json.gz`: the segments, gzipped (some 5 KB a page). Written to a temporary
 * name and renamed, so a reader on any machine sees a whole entry or none; deleting the folder
 * is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Segment } from './layout.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export class OcrCache {
  /** Entries read and written in this process, for the run's figures. */
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  /** `engine`: the engine, model, settings and page preparation (ocr.ts: `Engine.key`). */
  async key(engine: string, image: Uint8Array, scale: number): Promise<string> {
    return createHash('sha256')
      .update(engine)
      .update(`\0${scale}\0`)
      .update(image)
      .digest('hex');
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  /** The segments read before for this key, or null (none, or an entry that cannot be read). */
  async get(key: string): Promise<Segment[] | null> {
    try {
      const segments = JSON.parse((await gunzipAsync(await readFile(this.path(key)))).toString('utf8')) as Segment[];
      this.hits++;
      return segments;
    } catch {
      this.misses++;
      return null;
    }
  }

  async set(key: string, segments: Segment[]): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // `.<pid>.tmp`: the batch removes such leftovers of a killed process
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, await gzipAsync(JSON.stringify(segments)));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
