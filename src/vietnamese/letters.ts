/**
 * Vietnamese letters and syllables: marks, folding and tone placement.
 *
 * A letter carries at most two marks: a shape mark that makes a different vowel (ă â ê ô ơ ư, and
 * đ) and a tone (grave, acute, hook, tilde, dot below). Folding removes both; `toneOf` and
 * `withoutTone` separate the tone from the shaped letters, and `canonical` places the tone the
 * "new" way (hòa, thủy), which most of the corpus uses, so that `hoà` and `hòa` are one syllable.
 */

/** Combining tone marks, in tone-number order 1..5 (0 is level tone). */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const TONE_RE = /[\u0300\u0301\u0309\u0303\u0323]/g;
const ALL_MARKS_RE = /[\u0300-\u036f]/g;

const foldCache = new Map<string, string>();

/** Lower-case base letters: every mark removed, đ → d. */
export function fold(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    f = s.toLowerCase().normalize('NFD').replace(ALL_MARKS_RE, '').replace(/đ/g, 'd');
    if (foldCache.size < 200_000) foldCache.set(s, f);
  }
  return f;
}

/** Remove every mark, keeping case (the "stripped" damage: `Quyết định` → `Quyet dinh`). */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(ALL_MARKS_RE, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Tone number 0..5 of a syllable (the first tone mark found). */
export function toneOf(s: string): number {
  const d = s.normalize('NFD');
  for (let i = 0; i < d.length; i++) {
    const k = TONE_MARKS.indexOf(d[i] as (typeof TONE_MARKS)[number]);
    if (k >= 0) return k + 1;
  }
  return 0;
}

/** The syllable with its tone removed and its shape marks kept (`quyết` → `quyêt`). */
export function withoutTone(s: string): string {
  return s.normalize('NFD').replace(TONE_RE, '').normalize('NFC');
}

const VOWELS = 'aăâeêioôơuưy';
const SHAPED = 'ăâêôơư';

/**
 * Index (in the tone-less NFC string) of the letter that carries the tone, new style:
 * a shaped vowel if there is one (ơ in ươ), else the last vowel before a final consonant,
 * else in an open cluster of two the first (hòa, thủy, mía), of three the middle (ngoài).
 */
function tonePosition(plain: string): number {
  const lower = plain.toLowerCase();
  let start = 0;
  // qu and gi (before another vowel) are initial consonants, not part of the vowel cluster
  if (lower.startsWith('qu')) start = 2;
  else if (lower.startsWith('gi') && lower.length > 2 && VOWELS.includes(lower[2]!)) start = 2;
  else while (start < lower.length && !VOWELS.includes(lower[start]!)) start++;
  let end = start;
  while (end < lower.length && VOWELS.includes(lower[end]!)) end++;
  if (end === start) return -1;
  let shaped = -1;
  for (let i = start; i < end; i++) if (SHAPED.includes(lower[i]!)) shaped = i; // the last: ơ in ươ
  if (shaped >= 0) return shaped;
  const n = end - start;
  if (end < lower.length) return end - 1; // closed syllable
  if (n === 1) return start;
  if (n === 2) return start;
  return start + 1;
}

/** Put tone `tone` (0..5) on a tone-less syllable, new style. */
export function placeTone(plain: string, tone: number): string {
  if (tone === 0) return plain;
  const at = tonePosition(plain);
  if (at < 0) return plain;
  return (plain.slice(0, at + 1) + TONE_MARKS[tone - 1] + plain.slice(at + 1)).normalize('NFC');
}

const canonicalCache = new Map<string, string>();

/** A syllable with its tone placed the new way (`hoà` → `hòa`, `thuỷ` → `thủy`); case kept. */
export function canonical(s: string): string {
  let c = canonicalCache.get(s);
  if (c === undefined) {
    const nfc = s.normalize('NFC');
    const tone = toneOf(nfc);
    c = tone === 0 ? nfc : placeTone(withoutTone(nfc), tone);
    if (canonicalCache.size < 200_000) canonicalCache.set(s, c);
  }
  return c;
}

/** True when the string has a mark that plain ASCII would not have (any Vietnamese or Latin-1 mark). */
export function hasMarks(s: string): boolean {
  return fold(s) !== s.toLowerCase();
}

/** Letters that only Vietnamese text has: shaped vowels with tones, ă ơ ư đ, dot-below and hook tones. */
const VIETNAMESE_ONLY_RE = /[ăơưđĂƠƯĐ\u1ea0-\u1ef9ĩũĨŨ]/;
export function hasVietnameseOnlyLetters(s: string): boolean {
  return VIETNAMESE_ONLY_RE.test(s);
}

export type CaseShape = 'lower' | 'upper' | 'title';

/** The case pattern of a token as written (mixed OCR case such as `BDam` counts as title). */
export function caseShape(token: string): CaseShape {
  let shape = shapeCache.get(token);
  if (shape === undefined) {
    shape = computeCaseShape(token);
    if (shapeCache.size < 100_000) shapeCache.set(token, shape);
  }
  return shape;
}

const shapeCache = new Map<string, CaseShape>();

function computeCaseShape(token: string): CaseShape {
  let upper = 0;
  let lower = 0;
  for (const ch of token) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper === 0) return 'lower';
  if (lower === 0 && upper >= 2) return 'upper';
  const first = token.match(/\p{L}/u)?.[0];
  if (lower === 0) return first && first !== first.toLowerCase() ? 'title' : 'lower';
  return first && first !== first.toLowerCase() ? 'title' : 'lower';
}

export function applyCase(word: string, shape: CaseShape): string {
  if (shape === 'upper') return word.toUpperCase();
  if (shape === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
