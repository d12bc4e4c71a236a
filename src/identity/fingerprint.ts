/**
 * A fingerprint of a document's text that survives its format and OCR noise, so that the signed
 * scan, the DOCX draft and the PDF sent by e-mail of one report are recognised as one document.
 *
 * Two sketches of the restored text, each a set of 32-bit hashes:
 * - `text`: Broder's mod-m sample of the syllable 3-shingles. Syllables are folded (no marks,
 *   lower case, đ → d), so OCR's tone errors and the restorer's choices do not count; numbers and
 *   punctuation are left out, so layout (pipe tables, DOCX tabs, PDF line breaks) does not either.
 *   A shingle is kept when its hash is 0 mod TEXT_MODULUS: the sample of a page is the part of
 *   the whole document's sample that falls on that page, so containment (how much of the smaller
 *   copy is in the larger) is measured directly, and a one-page scan joins its document.
 * - `numbers`: every number of two digits or more (figures, dates, document numbers), digits only.
 *   Reports of one unit for consecutive months share almost all their words and few of their
 *   numbers; copies of one report share both.
 *
 * Thresholds (see `sameText`) were measured by eval/fingerprint.ts on the fixtures' format
 * variants and on near-miss reports generated from the seeds.
 */
import { createHash } from 'node:crypto';
import { fold } from '../vietnamese/letters.js';

/** Version of the sketches: fingerprints of different schemes are never compared. */
export const FINGERPRINT_SCHEME = 'shingle3-mod8+numbers/1';
const TEXT_MODULUS = 8;

export interface Fingerprint {
  scheme: string;
  /** Sorted distinct hashes of the sampled shingles, as base64 of little-endian uint32. */
  text: string;
  /** Sorted distinct hashes of the numbers, as base64 of little-endian uint32. */
  numbers: string;
}

/** The decoded sketches, for comparing. */
export interface Sketch {
  text: Uint32Array;
  numbers: Uint32Array;
}

const TOKEN = /\p{L}+|\d+(?:[.,/]\d+)*/gu;

/** FNV-1a over UTF-16 code units, 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // a final mix, so that the low bits (the modulus) depend on every character
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export function sketchOf(text: string): Sketch {
  const syllables: string[] = [];
  const numbers = new Set<number>();
  for (const [token] of text.normalize('NFC').matchAll(TOKEN)) {
    const c = token.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const digits = token.replace(/\D/g, '');
      if (digits.length >= 2) numbers.add(fnv1a(digits));
    } else {
      syllables.push(fold(token));
    }
  }
  const shingles = new Set<number>();
  for (let i = 0; i + 2 < syllables.length; i++) {
    const h = fnv1a(`${syllables[i]} ${syllables[i + 1]} ${syllables[i + 2]}`);
    if (h % TEXT_MODULUS === 0) shingles.add(h);
  }
  return { text: sorted(shingles), numbers: sorted(numbers) };
}

const sorted = (s: Set<number>) => Uint32Array.from(s).sort();

export function fingerprintOf(text: string): Fingerprint {
  const s = sketchOf(text);
  return { scheme: FINGERPRINT_SCHEME, text: encode(s.text), numbers: encode(s.numbers) };
}

const encode = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function decode(b64: string): Uint32Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Uint32Array(buf.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

export function decodeFingerprint(f: Pick<Fingerprint, 'text' | 'numbers'>): Sketch {
  return { text: decode(f.text), numbers: decode(f.numbers) };
}

/** Share of the smaller set found in the larger (1 when both are empty, 0 when one is). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const small = Math.min(a.length, b.length);
  if (small === 0) return a.length === b.length ? 1 : 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      common++;
      i++;
      j++;
    }
  }
  return common / small;
}

export interface Similarity {
  text: number;
  numbers: number;
}

export function similarity(a: Sketch, b: Sketch): Similarity {
  return { text: containment(a.text, b.text), numbers: containment(a.numbers, b.numbers) };
}

/**
 * Thresholds: the least text and number containment of two copies of one report. A copy's
 * smaller sample must hold MIN_SHINGLES shingles (about 100 words) to be compared at all.
 */
export const THRESHOLDS = { text: 0.8, numbers: 0.9, minShingles: 8 } as const;

/** Whether two sketches are copies of one text by the fingerprint alone. */
export function sameText(a: Sketch, b: Sketch): boolean {
  if (Math.min(a.text.length, b.text.length) < THRESHOLDS.minShingles) return false;
  const s = similarity(a, b);
  return s.text >= THRESHOLDS.text && s.numbers >= THRESHOLDS.numbers;
}

/** A short stable name for a fingerprint: `text:` and 16 hex digits. */
export function fingerprintKey(f: Pick<Fingerprint, 'text' | 'numbers'>): string {
  return `text:${createHash('sha256').update(f.text).update('\0').update(f.numbers).digest('hex').slice(0, 16)}`;
}
