/**
 * The sizes a ZIP container (DOCX, XLSX, ODT…) declares, read from its central directory before
 * anything is inflated: a 3.5 MB DOCX that inflates to gigabytes is refused by its own numbers.
 */
import { LIMITS } from './limits.js';

/** Why a ZIP container is refused, or null. */
export function zipBombReason(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 64 KB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return null;
    const length = view.getUint16(at + 28, true);
    names.push(Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(length, bytes.length - at - 46)).toString('utf8'));
    at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

/**
 * Whether a ZIP's entries are those of an Office document (OOXML's `[Content_Types].xml`,
 * OpenDocument's `mimetype`) rather than an archive of files.
 */
export function isDocumentPackage(names: readonly string[]): boolean {
  return names.includes('[Content_Types].xml') || names.includes('mimetype') || names.includes('word/document.xml') || names.includes('xl/workbook.xml');
}

/**
 * An OpenDocument package's media type: its first entry, `mimetype`, stored uncompressed right
 * after its local header (the format requires both), or null.
 */
export function openDocumentType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200));
  if (head.toString('latin1', 30, 38) !== 'mimetype') return null;
  const start = 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  const match = /^application\/vnd\.oasis\.opendocument\.[a-z-]+/.exec(head.toString('latin1', start, start + 80));
  return match ? match[0] : null;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
