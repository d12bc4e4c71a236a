/**
 * The sizes a ZIP container (DOCX, XLSX, ODT…) declares, read from its central directory before
 * anything is inflated: a 3.5 MB DOCX that inflates to gigabytes is refused by its own numbers.
 */
import { inflateRawSync } from 'node:zlib';
import { LIMITS } from './limits.js';

/** Why a ZIP container is refused, or null. */
export function zipBombReason(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(view);
  if (eocd < 0) return null; // not a ZIP the checks can read; the format reader says what is wrong
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let inflated = 0;
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff || packed === 0xffffffff) return 'ZIP entry of 4 GB or more (ZIP64)';
    if (size > 1_000_000 && size / Math.max(1, packed) > LIMITS.maxZipRatio) {
      return `ZIP entry inflates ${Math.round(size / Math.max(1, packed))} times (${mb(packed)} to ${mb(size)}; the limit is ${LIMITS.maxZipRatio} times)`;
    }
    inflated += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (entries > LIMITS.maxZipEntries) return `ZIP holds ${entries} entries (the limit is ${LIMITS.maxZipEntries})`;
  if (inflated > LIMITS.maxZipBytes) return `ZIP inflates to ${mb(inflated)} (the limit is ${mb(LIMITS.maxZipBytes)})`;
  return null;
}

/**
 * The entry names of a ZIP's central directory, in order, or null when there is none to read
 * (a truncated file). Enough to tell a DOCX from an XLSX, an ODT or a plain archive.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return centralEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))?.map((e) => e.name) ?? null;
}

/**
 * Whether a ZIP's entries are those of an Office document (OOXML's `[Content_Types].xml`,
 * OpenDocument's `mimetype`) rather than an archive of files.
 */
export function isDocumentPackage(names: readonly string[]): boolean {
  return names.includes('[Content_Types].xml') || names.includes('mimetype') || names.includes('word/document.xml') || names.includes('xl/workbook.xml');
}

/**
 * An OpenDocument package's media type: its `mimetype` entry, which the format wants first and
 * stored, right after its local header; LibreOffice writes it so, other writers (SheetJS) later
 * in the file and deflated, where the central directory finds it. Null when there is none.
 */
export function openDocumentType(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const media = (text: string) => /^application\/vnd\.oasis\.opendocument\.[a-z-]+/.exec(text)?.[0] ?? null;
  if (buffer.toString('latin1', 30, 38) === 'mimetype' && buffer.readUInt16LE(8) === 0) {
    const start = 30 + buffer.readUInt16LE(26) + buffer.readUInt16LE(28);
    return media(buffer.toString('latin1', start, start + 80));
  }
  const entry = centralEntries(buffer)?.find((e) => e.name === 'mimetype');
  if (!entry || entry.packed > 1024 || entry.offset + 30 > buffer.length) return null;
  const start = entry.offset + 30 + buffer.readUInt16LE(entry.offset + 26) + buffer.readUInt16LE(entry.offset + 28);
  const data = buffer.subarray(start, start + entry.packed);
  try {
    return media((entry.method === 8 ? inflateRawSync(data, { maxOutputLength: 1024 }) : data).toString('latin1'));
  } catch {
    return null;
  }
}

interface CentralEntry {
  name: string;
  method: number;
  packed: number;
  offset: number;
}

/** The central directory's entries, or null when there is none to read (a truncated file). */
function centralEntries(bytes: Buffer): CentralEntry[] | null {
  const eocd = endOfDirectory(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: CentralEntry[] = [];
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const length = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, Math.min(at + 46 + length, bytes.length)),
      method: bytes.readUInt16LE(at + 10),
      packed: bytes.readUInt32LE(at + 20),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + length + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Where the end-of-central-directory record starts (it sits in the last 64 KB + 22 bytes), or -1. */
function endOfDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
