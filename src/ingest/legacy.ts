/**
 * Legacy Vietnamese encodings: TCVN3 (ABC, `.VnTime` fonts), VNI (`VNI-Times`), VIQR
 * (`Vie^.t Nam`) and Windows-1258. The decoded bytes (Latin-1 for TCVN3 and VNI) stay the original
 * text; the conversion to Unicode is a set of `SourceText` edits, so every span maps back to the bytes.
 */
import type { Span } from '../text/source-text.js';
import { toNfc } from '../normalise/index.js';
import { SourceText } from '../text/source-text.js';
import tables from './legacy-encodings.json' with { type: 'json' };
import { syllableScore } from './syllables.js';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';

const fromTcvn3 = invert(tables.tcvn3 as Record<string, string>);
const fromVni = invert(tables.vni as Record<string, string>);

function invert(table: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [unicode, legacy] of Object.entries(table)) out.set(legacy, unicode);
  return out;
}

function alternation(keys: Iterable<string>): RegExp {
  const sorted = [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(sorted.join('|'), 'gu');
}

const TCVN3_CHAR = alternation(fromTcvn3.keys());
const VNI_SEQ = alternation(fromVni.keys());
/** A backslash escape, `dd`/`DD`, or a vowel with an optional shape mark and an optional tone mark. */
const VIQR_SEQ = /\\([^\s])|(dd|DD|Dd)|([aeiouyAEIOUY])([\^(+]?)(['`?~.]?)/gu;
const VIQR_SHAPE: Record<string, string> = { '^': '\u0302', '(': '\u0306', '+': '\u031B' };
const VIQR_TONE: Record<string, string> = { "'": '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323' };
const SHAPE_OK: Record<string, string> = { '^': 'aeo', '(': 'a', '+': 'ou' };

export interface LegacyOptions {
  /** Spans of the current text set in an upper-case legacy font (`.VnTimeH`). */
  upper?: Span[];
  /**
   * Convert only inside these spans of the current text (the runs set in a legacy font, when the
   * reader knows every run's font): the other runs are Unicode already.
   */
  only?: Span[];
}

/** Convert text in a legacy encoding to Unicode, keeping the mapping. */
export function convertLegacy(text: SourceText, encoding: LegacyEncoding, options: LegacyOptions = {}): SourceText {
  if (encoding === 'viqr') {
    return text.replaceAll(VIQR_SEQ, (m) => {
      if (m[1] !== undefined) return m[1];
      if (m[2] !== undefined) return m[2] === 'dd' ? 'đ' : 'Đ';
      const [, , , vowel, shape, tone] = m as unknown as [string, undefined, undefined, string, string, string];
      if (!shape && !tone) return null;
      if (shape && !SHAPE_OK[shape]!.includes(vowel.toLowerCase())) return null;
      return (vowel + (shape ? VIQR_SHAPE[shape]! : '') + (tone ? VIQR_TONE[tone]! : '')).normalize('NFC');
    });
  }
  const table = encoding === 'tcvn3' ? fromTcvn3 : fromVni;
  const pattern = encoding === 'tcvn3' ? TCVN3_CHAR : VNI_SEQ;
  const upper = options.upper ?? [];
  const only = options.only;
  const s = text.text;
  return text.replaceAll(pattern, (m) => {
    if (only && !only.some((sp) => m.index >= sp.start && m.index < sp.end)) return null;
    const u = table.get(m[0])!;
    if (encoding !== 'tcvn3' || u !== u.toLowerCase()) return u;
    // TCVN3 has codes for lower-case toned letters only: capitals were typed with the same code in
    // an upper-case font. Without the font, a letter is a capital inside an all-capitals word.
    const inUpper = upper.some((sp) => m.index >= sp.start && m.index < sp.end);
    return inUpper || capsWord(s, m.index) || sentenceStart(s, m.index) ? u.toUpperCase() : u;
  });
}

/**
 * Whether the toned letter at `at` stands in an all-capitals word: a capital after the word's
 * first letter (`B¸O` → `BÁO`), or, when the only other letter is the initial (`Sè`, `VÒ`), an
 * all-capitals Vietnamese word next to it (`VÒ VIÖC` → `VỀ VIỆC`, but `Sè: /BC` → `Số:`).
 */
function capsWord(s: string, at: number, look = true): boolean {
  const [start, end] = wordAround(s, at);
  let upper = 0;
  for (let i = start; i < end; i++) {
    if (i === at) continue;
    const c = s[i]!;
    if (/[a-z]/.test(c) || (fromTcvn3.has(c) && !TCVN3_CAPITALS.includes(c))) return false;
    if (i > start && (/[A-Z]/.test(c) || TCVN3_CAPITALS.includes(c))) upper++;
  }
  if (upper > 0) return true;
  if (!look || start === end - 1 || !/[A-Z]/.test(s[start]!) && !TCVN3_CAPITALS.includes(s[start]!)) return false;
  return capsNeighbour(s, start - 1, -1) || capsNeighbour(s, end, 1);
}

/** A word-initial letter at the start of a line, a list item (`- `, `1.1. `, `a) `) or a sentence. */
function sentenceStart(s: string, at: number): boolean {
  if (at > 0 && isWordChar(s[at - 1]!)) return false;
  const before = s.slice(Math.max(0, at - 16), at);
  return /(?:^|\n)\s*(?:(?:[-+•]|\d+(?:\.\d+)*\.|[a-z]\))\s+)?$/u.test(before) || /[.!?]\s+$/u.test(before);
}

/** TCVN3 codes of Ă Â Ê Ô Ơ Ư Đ: the only capitals with a code of their own. */
const TCVN3_CAPITALS = '\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7';

function wordAround(s: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && isWordChar(s[start - 1]!)) start--;
  let end = at + 1;
  while (end < s.length && isWordChar(s[end]!)) end++;
  return [start, end];
}

/** The nearest word on the same line in direction `dir` is an all-capitals word with a toned letter. */
function capsNeighbour(s: string, from: number, dir: 1 | -1): boolean {
  let i = from;
  while (i >= 0 && i < s.length && s[i] === ' ') i += dir;
  if (i < 0 || i >= s.length || !isWordChar(s[i]!)) return false;
  const [start, end] = wordAround(s, i);
  for (let k = start; k < end; k++) {
    if (fromTcvn3.has(s[k]!) && !TCVN3_CAPITALS.includes(s[k]!)) return capsWord(s, k, false);
  }
  return false;
}

function isWordChar(c: string): boolean {
  return /[A-Za-z]/.test(c) || fromTcvn3.has(c);
}

/**
 * Which legacy encoding a text decoded as Latin-1 (or ASCII) is in, if any: the one whose
 * conversion reads most like Vietnamese syllables, and clearly better than the text as it is.
 */
export function detectLegacy(text: string): LegacyEncoding | null {
  const sample = text.slice(0, 20_000);
  // real Unicode Vietnamese is not legacy
  if ((sample.match(/[\u1EA0-\u1EF9\u0103\u0111\u01A1\u01B0]/gu)?.length ?? 0) > 20) return null;
  const base = syllableScore(sample);
  const candidates: LegacyEncoding[] = [];
  if (/[\u00A1-\u00FF]/u.test(sample)) candidates.push('tcvn3', 'vni');
  const viqrMarks = sample.match(/[aeiouyAEIOUY](?:[\^(+]['`?~.]?|['`?~](?=[a-zA-Z]))|\bdd/gu)?.length ?? 0;
  if (viqrMarks >= 5 && viqrMarks >= 0.02 * base.words) candidates.push('viqr');
  return bestReading(base.ratio, candidates.map((encoding) => [encoding, convertLegacy(SourceText.fromOriginal(sample), encoding).text]));
}

/** The reading with the largest share of Vietnamese syllables, if it beats the text as it is by a clear margin. */
function bestReading<E>(baseRatio: number, readings: [E, string][]): E | null {
  let best: E | null = null;
  let bestRatio = baseRatio + 0.1;
  for (const [encoding, text] of readings) {
    const score = syllableScore(text);
    if (score.words >= 5 && score.ratio > bestRatio) {
      best = encoding;
      bestRatio = score.ratio;
    }
  }
  return best;
}

/** The 8-bit encodings of Vietnamese plain text. */
export type EightBitEncoding = 'tcvn3' | 'vni' | 'windows-1258';

/**
 * Which 8-bit encoding bytes that are not UTF-8 are in, judged by the evidence of each reading:
 * TCVN3 and VNI converted from the bytes read as Latin-1, and Windows-1258 (whose tones are
 * combining marks after the letter) as decoded. The reading with the largest share of well-formed
 * Vietnamese syllables wins, if it reads clearly better than Latin-1 does; otherwise none.
 */
export function detectEightBit(bytes: Uint8Array): EightBitEncoding | null {
  const head = bytes.subarray(0, 20_000);
  const latin1 = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  return bestReading<EightBitEncoding>(syllableScore(latin1).ratio, [
    ['tcvn3', convertLegacy(SourceText.fromOriginal(latin1), 'tcvn3').text],
    ['vni', convertLegacy(SourceText.fromOriginal(latin1), 'vni').text],
    ['windows-1258', WINDOWS_1258.decode(head)],
  ]);
}

const WINDOWS_1258 = new TextDecoder('windows-1258');

/**
 * Windows-1258 bytes as text: the decoded characters are the original (one per byte, the tones
 * as combining marks), and their composition into NFC letters is a set of edits.
 */
export function decodeWindows1258(bytes: Uint8Array): SourceText {
  return toNfc(SourceText.fromOriginal(WINDOWS_1258.decode(bytes)));
}
