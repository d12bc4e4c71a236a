import { PipelineError } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/**
 * Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Anything else is an error naming the reason, because guessing would corrupt the figures.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new PipelineError('ingest', file, 'empty file');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strictDecode('utf-16le', bytes.subarray(2), file, 2), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strictDecode('utf-16be', bytes.subarray(2), file, 2), encoding: 'utf-16be' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new PipelineError('ingest', file, `not a text file: NUL byte at byte ${formatByte(nul)}`);
  const text = strictDecode('utf-8', bytes.subarray(bom), file, bom);
  if (text.trim().length === 0) throw new PipelineError('ingest', file, 'file holds only white space');
  return { text, encoding: 'utf-8' };
}

function strictDecode(encoding: string, bytes: Uint8Array, file: string, offset: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = encoding === 'utf-8' && at >= 0 ? ` at byte ${formatByte(at + offset)}` : '';
    throw new PipelineError('ingest', file, `not ${encoding.toUpperCase()}${where}`);
  }
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** `1 204`: the thin grouping Vietnamese readers and our error messages use. */
function formatByte(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
