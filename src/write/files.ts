import { createHash, randomBytes, type Hash } from 'node:crypto';
import { access, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write a file atomically: a temporary file beside it, then a rename, so a crash or `kill -9`
 * leaves either the old file or the new one, never half of one. `durable: false` skips the flush
 * to disk, for a file whose loss in a power cut costs only a redo (a queue job's outcome).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | AsyncIterable<string | Uint8Array>, options: { durable?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // flushed to the disk before the rename: after a power cut the name holds the old file or
    // the whole new one, never a file of zeros
    const handle = await open(tmp, 'w');
    try {
      await writeFile(handle, data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** JSON with a trailing newline; key order is the order the objects were built in. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Read buffers for hashing, reused. A read stream allocates a fresh 64 KB buffer per read; in a
 * batch's main thread, which hashes every input, thousands of them waited for the next collection
 * (up to 30 MB at a time, measured with `process.memoryUsage().arrayBuffers`).
 */
const spareReadBuffers: Buffer[] = [];
const READ_BUFFER_BYTES = 64 * 1024;

/** Feed a file's bytes into `hash`, a buffer at a time (never the whole file in memory). */
export async function hashFileInto(hash: Hash, file: string): Promise<Hash> {
  const handle = await open(file, 'r');
  const buffer = spareReadBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
  try {
    for (let read; (read = (await handle.read(buffer, 0, buffer.length, null)).bytesRead) > 0; ) hash.update(buffer.subarray(0, read));
    return hash;
  } finally {
    spareReadBuffers.push(buffer);
    await handle.close();
  }
}

/** A file's SHA-256, in hex. */
export async function sha256File(file: string): Promise<string> {
  return (await hashFileInto(createHash('sha256'), file)).digest('hex');
}

/** Whether a path exists (and can be seen by this process). */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
