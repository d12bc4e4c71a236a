/**
 * ZIP archives of documents: archives arrive as `.zip` folders, and each entry is a file of its
 * own, named `archive.zip!/folder/file.doc` (nested: `outer.zip!/inner.zip!/file.doc`).
 *
 * The batch extracts an archive's entries into a working folder under `--out` before processing
 * them, under numbered names: an entry's name is never a path on disk, so `../` or an absolute
 * name cannot write anywhere. Such a name, too many entries, more bytes than the limit or an
 * entry that inflates more than zip bombs do refuse the whole archive, by its own central
 * directory, before anything is inflated; the sizes it declares are then held to while inflating
 * (yauzl's `validateEntrySizes`), so a directory that lies fails too.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { isOutputFailure } from '../errors.js';
import { LIMITS } from './limits.js';
import type { InputFile } from './walk.js';
import { firstInvalidUtf8 } from './text.js';
import { isDocumentPackage } from './zip.js';

/** Between an archive's path and an entry's name in the path of the entry. */
export const ENTRY_SEPARATOR = '!/';

export const ARCHIVE_LIMITS = {
  /** Archives inside archives: `a.zip!/b.zip!/c.zip!/file` is as deep as it goes. */
  maxDepth: 3,
  maxEntries: LIMITS.maxZipEntries,
  /** What one archive, nested ones included, may inflate to on disk. */
  maxBytes: 4_000_000_000,
  /** How many times an entry of more than 1 MB may grow: compressed text reaches 10–20. */
  maxRatio: LIMITS.maxZipRatio,
};

/** An entry of an archive, extracted; or refused, with the reason (too large, nested too deep). */
export interface ArchiveEntry {
  /** The entry's path inside the top archive, nested archives joined by `!/`. */
  name: string;
  /** Where its bytes were extracted; null when it was refused. */
  extracted: string | null;
  bytes: number;
  refused: string | null;
}

/** An archive the batch does not open, and why: the whole archive is one failed file. */
export class ArchiveRefused extends Error {}

/** Whether the file is a ZIP archive of files, not a document package (DOCX, XLSX, ODT…). */
export async function isZipArchive(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.toString('latin1') !== 'PK\u0003\u0004' && head.toString('latin1') !== 'PK\u0005\u0006') return false;
  } finally {
    await handle.close();
  }
  // a ZIP whose directory cannot be read goes to the readers, which name what is wrong with it
  const names = await entryNames(file).catch(() => null);
  return names !== null && !isDocumentPackage(names);
}

async function entryNames(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) {
    names.push(Buffer.isBuffer(entry.fileName) ? entry.fileName.toString('utf8') : entry.fileName);
    if (names.length > 64) break; // a package names its parts among its first entries
  }
  zip.close();
  return names;
}

/**
 * Extract the archive's entries into `into` (numbered files keeping the entry's extension, which
 * tells Markdown from text) and the entries of archives inside it, to `maxDepth`. Throws
 * `ArchiveRefused` with the reason when the archive as a whole is refused.
 */
export async function extractArchive(
  file: string,
  into: string,
  options: { maxEntryBytes: number; limits?: typeof ARCHIVE_LIMITS },
): Promise<ArchiveEntry[]> {
  const limits = options.limits ?? ARCHIVE_LIMITS;
  await mkdir(into, { recursive: true });
  const entries: ArchiveEntry[] = [];
  const budget = { bytes: limits.maxBytes, entries: limits.maxEntries, next: 0 };
  await extractInto(file, '', 1);
  return entries;

  async function extractInto(zipFile: string, prefix: string, depth: number): Promise<void> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: false, decodeStrings: false });
    } catch (error) {
      throw new ArchiveRefused(`unreadable ZIP archive (${message(error)})`);
    }
    try {
      // every entry's name and size first: a refused archive extracts nothing
      const listed: { entry: yauzl.Entry; name: string }[] = [];
      try {
        for await (const entry of zip.eachEntry()) {
          const name = entryName(entry);
          const unsafe = yauzl.validateFileName(name);
          if (unsafe !== null) throw new ArchiveRefused(`ZIP archive refused: ${unsafe}`);
          listed.push({ entry, name });
        }
      } catch (error) {
        if (error instanceof ArchiveRefused) throw error;
        throw new ArchiveRefused(`unreadable ZIP archive (${message(error)})`);
      }
      const files = listed.filter(({ name }) => !name.endsWith('/') && !hidden(name));
      budget.entries -= files.length;
      if (budget.entries < 0) throw new ArchiveRefused(`ZIP archive holds more than ${limits.maxEntries} entries`);
      for (const { entry: e, name } of files) {
        if (e.uncompressedSize > 1_000_000 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
          const times = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
          throw new ArchiveRefused(`ZIP archive refused: ${prefix}${name} inflates ${times} times (${mb(e.compressedSize)} to ${mb(e.uncompressedSize)}; the limit is ${limits.maxRatio} times)`);
        }
      }
      const declared = files.reduce((n, { entry: e }) => n + (e.uncompressedSize <= options.maxEntryBytes ? e.uncompressedSize : 0), 0);
      budget.bytes -= declared;
      if (budget.bytes < 0) throw new ArchiveRefused(`ZIP archive inflates to more than ${mb(limits.maxBytes)}`);

      for (const { entry: e, name: own } of files) {
        const name = prefix + own;
        if (e.uncompressedSize > options.maxEntryBytes) {
          entries.push({ name, extracted: null, bytes: e.uncompressedSize, refused: tooLarge(e.uncompressedSize, options.maxEntryBytes) });
          continue;
        }
        if (e.isEncrypted()) {
          entries.push({ name, extracted: null, bytes: e.uncompressedSize, refused: 'ZIP entry is password-protected' });
          continue;
        }
        const target = join(into, `${budget.next++}${safeExtension(own)}`);
        try {
          await pipeline(await zip.openReadStreamPromise(e), createWriteStream(target));
        } catch (error) {
          if (isOutputFailure(error)) throw error; // the output's disk, not the archive
          // a damaged entry is that entry's failure; the others are still read
          entries.push({ name, extracted: null, bytes: e.uncompressedSize, refused: `damaged ZIP entry (${message(error)})` });
          continue;
        }
        if (await isZipArchive(target)) {
          if (depth >= limits.maxDepth) {
            entries.push({ name, extracted: null, bytes: e.uncompressedSize, refused: `ZIP archive nested more than ${limits.maxDepth} deep` });
            continue;
          }
          try {
            await extractInto(target, `${name}${ENTRY_SEPARATOR}`, depth + 1);
          } catch (error) {
            if (!(error instanceof ArchiveRefused)) throw error;
            entries.push({ name, extracted: null, bytes: e.uncompressedSize, refused: error.message });
          }
          continue;
        }
        entries.push({ name, extracted: target, bytes: e.uncompressedSize, refused: null });
      }
    } finally {
      zip.close();
    }
  }
}

/**
 * The walked files with each ZIP archive among them replaced by its entries, extracted under
 * `into` (one numbered folder per archive); an archive refused whole stays, with the reason.
 */
export async function expandArchives(files: readonly InputFile[], into: string, maxEntryBytes: number): Promise<InputFile[]> {
  const expanded: InputFile[] = [];
  let archives = 0;
  for (const input of files) {
    // an unreadable file is not an archive here: the batch names why it cannot be read
    if (!(await isZipArchive(input.file).catch(() => false))) {
      expanded.push(input);
      continue;
    }
    try {
      for (const entry of await extractArchive(input.file, join(into, String(archives++)), { maxEntryBytes })) {
        expanded.push({
          file: `${input.file}${ENTRY_SEPARATOR}${entry.name}`,
          relative: `${input.relative}${ENTRY_SEPARATOR}${entry.name}`,
          ...(entry.extracted !== null ? { source: entry.extracted } : {}),
          ...(entry.refused !== null ? { refused: entry.refused } : {}),
        });
      }
    } catch (error) {
      if (!(error instanceof ArchiveRefused)) throw error;
      expanded.push({ ...input, refused: error.message });
    }
  }
  return expanded;
}

/**
 * An entry's name. ZIP says a name is CP437 unless flagged UTF-8, but archivers on Linux and many
 * on Windows write UTF-8 unflagged: Vietnamese names read as CP437 are garbage (`B├ío c├ío`), so
 * bytes that are valid UTF-8 are read as UTF-8. Windows' backslashes are folder separators.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const flagged = (entry.generalPurposeBitFlag & 0x800) !== 0;
  const name = !flagged && firstInvalidUtf8(raw) < 0 ? raw.toString('utf8') : yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  return name.replace(/\\/g, '/');
}

/** Folders' metadata that archivers add (`__MACOSX/`, `.DS_Store`) and hidden files, skipped as the walk skips them. */
function hidden(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

function safeExtension(name: string): string {
  const ext = extname(name);
  return /^\.[A-Za-z0-9]{1,8}$/.test(ext) ? ext : '';
}

function tooLarge(bytes: number, limit: number): string {
  return `file too large (${(bytes / 1e6).toFixed(1)} MB; the limit is ${(limit / 1e6).toFixed(0)} MB)`;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
