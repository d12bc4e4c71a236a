/**
 * A fingerprint of a document's text that survives its format and OCR noise, so that the signed
 * scan, the DOCX draft and the PDF sent by e-mail of one report are recognised as one document.
 *
 * Three sketches of the restored text, each a set of 32-bit hashes:
 * - `text`: Broder's mod-m sample of the syllable 3-shingles. Syllables are folded (no marks,
 *   lower case, đ → d), so OCR's tone errors and the restorer's choices do not count; numbers and
 *   punctuation are left out, so layout (pipe tables, DOCX tabs, PDF line breaks) does not either.
 *   A shingle is kept when its hash is 0 mod TEXT_MODULUS: the sample of a page is the part of
 *   the whole document's sample that falls on that page, so containment (how much of the smaller
 *   copy is in the larger) is measured directly, and a one-page scan joins its document.
 * - `numbers`: every number of two digits or more (figures, dates, document numbers), digits only,
 *   each occurrence counted (`100` the third time is `100#3`), so a value repeated in a table or
 *   changed in one place of many still counts. Reports of one unit for consecutive months, or two
 *   versions of a plan with other targets, share almost all their words and few of their numbers;
 *   copies of one report share both.
 * - `dates`: the dates the text names (`15/3/2026`, `tháng 4 năm 2026`), so that two reports that
 *   differ only in their month are two documents even where the header states no month.
 *
 * Thresholds (see `sameText`) were measured by eval/fingerprint.ts on the fixtures' format
 * variants and on near-miss reports generated from the seeds.
 */
import { createHash } from 'node:crypto';
import { fold } from '../vietnamese/letters.js';

/** Version of the sketches: fingerprints of different schemes are never compared. */
export const FINGERPRINT_SCHEME = 'shingle3-mod8+numbers+dates/1';
const TEXT_MODULUS = 8;

export interface Fingerprint {
  scheme: string;
  /** Sorted distinct hashes of the sampled shingles, as base64 of little-endian uint32. */
  text: string;
  /** Sorted hashes of the numbers' occurrences, as base64 of little-endian uint32. */
  numbers: string;
  /** Sorted distinct hashes of the dates, as base64 of little-endian uint32. */
  dates: string;
}

/** The decoded sketches, for comparing. */
export interface Sketch {
  text: Uint32Array;
  numbers: Uint32Array;
  dates: Uint32Array;
}

const TOKEN = /\p{L}+|\d+(?:[.,/]\d+)*/gu;
const DATE = /\b(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d\d)\b|tháng\s+(\d{1,2})\s*(?:năm|\/)\s*((?:19|20)\d\d)/giu;

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a's running state over the UTF-16 code units of `s`. */
function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** A final mix, so that the low bits (the modulus) depend on every character. */
function fnvFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, 32-bit. */
export const fnv1a = (s: string) => fnvFinish(fnvUpdate(FNV_OFFSET, s));

export function sketchOf(raw: string): Sketch {
  const text = raw.normalize('NFC');
  const syllables: string[] = [];
  const numbers = new Set<number>();
  const seen = new Map<string, number>();
  // a report repeats its words: each is folded once
  const folded = new Map<string, string>();
  for (const [token] of text.matchAll(TOKEN)) {
    const c = token.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const digits = token.replace(/\D/g, '');
      if (digits.length < 2) continue;
      const n = (seen.get(digits) ?? 0) + 1;
      seen.set(digits, n);
      numbers.add(fnv1a(`${digits}#${n}`));
    } else {
      let f = folded.get(token);
      if (f === undefined) folded.set(token, (f = fold(token)));
      syllables.push(f);
    }
  }
  const shingles = new Set<number>();
  for (let i = 0; i + 2 < syllables.length; i++) {
    // the hash of `a b c` without building the string
    const h = fnvFinish(fnvUpdate(fnvUpdate(fnvUpdate(fnvUpdate(fnvUpdate(FNV_OFFSET, syllables[i]!), ' '), syllables[i + 1]!), ' '), syllables[i + 2]!));
    if (h % TEXT_MODULUS === 0) shingles.add(h);
  }
  const dates = new Set<number>();
  for (const m of text.matchAll(DATE)) dates.add(fnv1a(m[1] ? `${+m[1]}-${+m[2]!}-${m[3]}` : `${+m[4]!}-${m[5]}`));
  return { text: sorted(shingles), numbers: sorted(numbers), dates: sorted(dates) };
}

const sorted = (s: Set<number>) => Uint32Array.from(s).sort();

export function fingerprintOf(text: string): Fingerprint {
  const s = sketchOf(text);
  return { scheme: FINGERPRINT_SCHEME, text: encode(s.text), numbers: encode(s.numbers), dates: encode(s.dates) };
}

const encode = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** A fresh array (not a view of Buffer's shared pool, which would keep its 8 KB slab alive). */
function decode(b64: string): Uint32Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Uint32Array(buf.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

export function decodeFingerprint(f: FingerprintParts): Sketch {
  return { text: decode(f.text), numbers: decode(f.numbers), dates: decode(f.dates) };
}

export type FingerprintParts = Pick<Fingerprint, 'text' | 'numbers' | 'dates'>;

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
  /** Null when the copy with fewer dates names fewer than THRESHOLDS.minDates. */
  dates: number | null;
}

export function similarity(a: Sketch, b: Sketch): Similarity {
  const dates = Math.min(a.dates.length, b.dates.length) >= THRESHOLDS.minDates ? containment(a.dates, b.dates) : null;
  return { text: containment(a.text, b.text), numbers: containment(a.numbers, b.numbers), dates };
}

/**
 * The least containment of two copies of one report, measured by eval/fingerprint.ts: copies
 * held ≥ 0.989 of each other's text sample, ≥ 0.962 of their numbers and all of their dates; the
 * near misses that share their dates shared ≤ 0.819 of their numbers, those a month apart ≤ 0.231
 * of their dates. A copy's smaller text sample must hold MIN_SHINGLES shingles (about 100 words)
 * to be compared at all; dates are compared when both name at least two.
 */
export const THRESHOLDS = { text: 0.8, numbers: 0.9, dates: 0.8, minShingles: 8, minDates: 2 } as const;

/** Whether two sketches are copies of one text by the fingerprint alone. */
export function sameText(a: Sketch, b: Sketch): boolean {
  if (Math.min(a.text.length, b.text.length) < THRESHOLDS.minShingles) return false;
  // the numbers first: they tell most near misses apart, and the walk stops once they cannot pass
  if (!holds(a.numbers, b.numbers, THRESHOLDS.numbers)) return false;
  if (Math.min(a.dates.length, b.dates.length) >= THRESHOLDS.minDates && !holds(a.dates, b.dates, THRESHOLDS.dates)) return false;
  return holds(a.text, b.text, THRESHOLDS.text);
}

/**
 * `containment(a, b) >= threshold`, stopping as soon as the smaller set has missed more than the
 * threshold allows (a batch compares thousands of near misses of one report with each other).
 */
function holds(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return large.length === 0;
  const allowed = small.length - Math.ceil(threshold * small.length - 1e-9);
  let misses = 0;
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    const v = small[i]!;
    while (j < large.length && large[j]! < v) j++;
    if (j < large.length && large[j] === v) j++;
    else if (++misses > allowed) return false;
  }
  return true;
}

/** A short stable name for a fingerprint: `text:` and 16 hex digits of a hash of its sketches. */
export function fingerprintKey(s: Sketch): string {
  const hash = createHash('sha256');
  for (const a of [s.text, s.numbers, s.dates]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).update('\0');
  return `text:${hash.digest('hex').slice(0, 16)}`;
}
