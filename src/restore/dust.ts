/**
 * Toner dust and broken strokes in Vietnamese-model OCR (a photocopied scan): signs no Vietnamese
 * word holds, read inside or against a word (`lớ::` for `lớn`, `trê*'` for `trên`, `:an` for
 * `quan`, `phưòr:` for `phường`). This module finds such chunks and the syllables each may stand
 * for; the restorer's language model chooses among them in context (`Restorer.repairDust`).
 */
import type { Piece } from './tokens.js';
import { fold } from '../vietnamese/letters.js';

/** What may close a printed word: closing brackets or quotes around one stop (`sau:`, `đó.`, `"ký"),`). */
const CLOSING_RE = /^[)\]"”’'»]{0,2}(?:[.,;:!?]|\.\.\.|…)?[)\]"”’'»]{0,2}$/u;
/** What may open a printed word: opening brackets or quotes (`(nếu`, `"Quy`). */
const OPENING_RE = /^[([“‘"'«]{0,2}$/u;
/** A bullet opening a line (`- Các`, `• Về`, `+ Tổ`). */
const BULLET_RE = /^[-–—•*+]$/u;
/** A stop a dusty chunk may still end with, after a letter: the reading keeps it as a sign of its own. */
const STOP_RE = /[.,;:]$/u;
const LETTER_RE = /\p{L}/u;
const LOWER_RE = /^\p{Ll}/u;
const LOWER_REST_RE = /^.\p{Ll}*$/u;
const NOT_LETTER_RE = /\P{L}/gu;
/** A vowel with a tone or a shape mark (not đ, which acronyms hold: `HĐND`). */
const MARKED_VOWEL_RE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/u;

/** A word with signs against it, or a word that is no syllable, as the OCR wrote it. */
export interface DustyChunk {
  /** Pieces first..last (inclusive) make the chunk; `word` is its word piece. */
  first: number;
  last: number;
  word: number;
  /** The chunk as written (`lớ::`). */
  text: string;
  /** Opening brackets or quotes as print puts them, kept as they are (`(` of `(lớ::`), else ''. */
  open: string;
  /** The rest of the chunk, which a syllable may stand for (`lớ::`). */
  read: string;
  /** A stop ending the chunk that may be printed (`phưòr:` may be `phường:`), else ''. */
  stop: string;
  /** Written as print puts signs (`phưòr:`, `thuận:`): only the word itself is in doubt. */
  printLike: boolean;
  /** A syllable as written, closed by a colon or semicolon (`mộ:`, `thuận:`): the sign is in doubt. */
  syllable: boolean;
}

/**
 * The chunks of OCR text that hold a word and signs no printed word puts there (`lớ::`, `trê*'`,
 * `:an`), and, with `isSyllable`, words in small letters that are no syllable (`phưòr:`, `ziai`).
 * Left alone: a word closed or opened as print does it (`sau:`, `(nếu`, `"Quy`, `a)`), capitals
 * (`UBND`, `TM.`), chunks holding a number, a code or two words (`8:30`, `QĐ-UBND`, `v.v.`).
 */
export function dustyChunks(ps: readonly Piece[], text: string, isSyllable: (word: string) => boolean): DustyChunk[] {
  const out: DustyChunk[] = [];
  for (let i = 0; i < ps.length; ) {
    let j = i;
    while (j + 1 < ps.length && ps[j + 1]!.start === ps[j]!.end) j++;
    const chunk = checkChunk(ps, text, i, j, isSyllable);
    if (chunk) out.push(chunk);
    i = j + 1;
  }
  return out;
}

/** Signs a word read with dust inside may hold (`d:p`, `chi“:n`): not those joining two words (`v.v.`, `và/hoặc`). */
const INSIDE_RE = /^[:;*'"“”‘’^~`]+$/u;

function checkChunk(ps: readonly Piece[], text: string, first: number, last: number, isSyllable: (word: string) => boolean): DustyChunk | null {
  let word = -1;
  let wordEnd = -1;
  for (let k = first; k <= last; k++) {
    const p = ps[k]!;
    if (p.kind === 'word') {
      // a second word: one word with dust inside it, when only dust lies between them
      if (word >= 0 && !INSIDE_RE.test(text.slice(ps[wordEnd]!.end, p.start))) return null;
      if (word < 0) word = k;
      wordEnd = k;
    } else if (p.kind !== 'punct') return null;
  }
  if (word < 0) return null;
  const w = text.slice(ps[word]!.start, ps[wordEnd]!.end);
  const inside = wordEnd > word;
  const letters = w.replace(NOT_LETTER_RE, '');
  // a word in small letters, with a capital first or not, or a header's word in capitals;
  // mixed case is a code or a brand (`IoT`)
  const capitals = letters.length > 1 && letters === letters.toUpperCase();
  if (!LETTER_RE.test(w[0]!) || !(capitals || LOWER_REST_RE.test(letters))) return null;
  const before = text.slice(ps[first]!.start, ps[word]!.start);
  const after = text.slice(ps[wordEnd]!.end, ps[last]!.end);
  // a list marker (`a)`, `đ)`), whatever opened it
  if (letters.length === 1 && !inside && after.startsWith(')')) return null;
  const open = OPENING_RE.test(before) ? before : '';
  const opened = open !== '' || before === '' || (ps[first]!.lineStart === true && BULLET_RE.test(before));
  const printLike = opened && !inside && CLOSING_RE.test(after) && closersOpened(text, ps[first]!.start, after);
  // Signs as print puts them: only a word that is no syllable is looked at, in small letters, or
  // in capitals with a Vietnamese vowel (`VIỆ”`; `UBND:`, `TM.` are acronyms). A lone letter is a
  // list marker (`b)`) or a table's mark.
  if (printLike && syllableThenColon(ps, text, word, last, after, isSyllable)) {
    return { first, last, word, text: text.slice(ps[first]!.start, ps[last]!.end), open, read: text.slice(ps[first]!.start + open.length, ps[last]!.end), stop: after, printLike: true, syllable: true };
  }
  if (printLike && (letters.length < 2 || isSyllable(w) || (capitals && !MARKED_VOWEL_RE.test(w.toLowerCase())))) return null;
  const whole = text.slice(ps[first]!.start, ps[last]!.end);
  // (a stop after another sign is dust too: `lớ::`)
  const stop = STOP_RE.test(after) && LETTER_RE.test(whole.at(-2) ?? '') ? whole.at(-1)! : '';
  return { first, last, word, text: whole, open, read: whole.slice(open.length), stop, printLike, syllable: false };
}

/**
 * A syllable in small letters closed by a colon or semicolon, a word in small letters after it on
 * its line (`mộ: cửa`, `thuận: lợi`, `vụ; hoạt động`): dust read as a stop, or a list (`gồm: các`).
 */
function syllableThenColon(ps: readonly Piece[], text: string, word: number, last: number, after: string, isSyllable: (word: string) => boolean): boolean {
  const next = ps[last + 1];
  const w = ps[word]!.text;
  return (after === ':' || after === ';') && LOWER_RE.test(w) && isSyllable(w) && next !== undefined && next.kind === 'word' && !next.lineStart && LOWER_RE.test(next.text) && !text.slice(ps[last]!.end, next.start).includes('\n');
}

const OPENER: Record<string, string> = { ')': '(', ']': '[', '”': '“', '»': '«', '’': '‘', '"': '"', "'": "'" };
/** How far back a quote or bracket may have been opened: a paragraph, at most this many characters. */
const OPENED_WITHIN = 600;

/**
 * Whether every closing bracket or quote in `after` closes one opened before `at` in its paragraph
 * (`“một cửa”,` is print; `hàn”:` holds dust read as a quote).
 */
function closersOpened(text: string, at: number, after: string): boolean {
  let from = Math.max(0, at - OPENED_WITHIN);
  const paragraph = text.lastIndexOf('\n\n', at);
  if (paragraph > from) from = paragraph;
  const before = text.slice(from, at);
  for (const c of after) {
    const o = OPENER[c];
    if (o === undefined) continue;
    // (a closer nothing opened, a list's `a)`, closes nothing)
    let open = 0;
    for (const d of before) {
      if (d === o && (o !== c || open === 0)) open++;
      else if (d === c && open > 0) open--;
    }
    if (open <= 0) return false;
  }
  return true;
}

/** Costs (nats) of the edits that take a syllable as printed to the chunk as read. */
export const DUST_COSTS = {
  /** A sign read where there is nothing (dust). */
  signInserted: 1,
  /** A sign read for a letter (a broken stroke). */
  signForLetter: 1.5,
  /** A letter read with other marks (`ò` for `ờ`). */
  marks: 1.5,
  /** A letter read as one of like shape that lost toner (`r` for `n`, `z` for `g`, `l` for `t`). */
  likeShape: 3,
  /** Any other letter for a letter, a letter lost, a letter added. */
  letter: 5,
  lost: 4,
  added: 4,
};

/** Letters that toner loss turns into one another (folded): a stroke or a part of one missing. */
const LIKE_SHAPES = ['nrmhu', 'gzqy', 'ceo', 'tlif', 'bhk', 'ao'];
/** By the two folded letters' codes (a–z): 1 where they are of like shape. */
const LIKE = new Uint8Array(128 * 128);
for (const g of LIKE_SHAPES) for (const a of g) for (const b of g) if (a !== b) LIKE[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = 1;
const SIGN = 0;

/** A string's letters folded one by one (`\0` for a sign): index for index, as `dustCost` compares them. */
function foldEach(s: string): string {
  let out = '';
  // (by UTF-16 unit: a surrogate half is a sign)
  for (let i = 0; i < s.length; i++) out += LETTER_RE.test(s[i]!) ? (fold(s[i]!)[0] ?? s[i]!) : '\0';
  return out;
}

/** Char codes in, the letters' folded codes beside them (SIGN for a sign). */
function substitution(read: number, readFold: number, printed: number, printedFold: number): number {
  if (read === printed) return 0;
  if (readFold === SIGN) return DUST_COSTS.signForLetter;
  if (readFold === printedFold) return DUST_COSTS.marks;
  return readFold < 128 && printedFold < 128 && LIKE[readFold * 128 + printedFold] === 1 ? DUST_COSTS.likeShape : DUST_COSTS.letter;
}

/**
 * The cost of reading `printed` as `read` (both in small letters, NFC): a weighted edit distance,
 * signs cheap to add or to stand for a letter, marks cheaper than letters. Stops early above `max`.
 * (The plain table, one syllable at a time: `dustCandidates` computes the same over the trie; its tests compare the two.)
 */
export function dustCost(read: string, printed: string, max = Infinity): number {
  const readFold = foldEach(read);
  const printedFold = foldEach(printed);
  const m = printed.length;
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + DUST_COSTS.lost;
  for (let i = 0; i < read.length; i++) {
    const c = read.charCodeAt(i);
    const cf = readFold.charCodeAt(i);
    const add = cf === SIGN ? DUST_COSTS.signInserted : DUST_COSTS.added;
    row[0] = prev[0]! + add;
    let low = row[0]!;
    for (let j = 1; j <= m; j++) {
      const v = Math.min(prev[j]! + add, row[j - 1]! + DUST_COSTS.lost, prev[j - 1]! + substitution(c, cf, printed.charCodeAt(j - 1), printedFold.charCodeAt(j - 1)));
      row[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return Infinity;
    [prev, row] = [row, prev];
  }
  return prev[m]!;
}

/**
 * The syllables as a trie in preorder, for `dustCandidates`: a node's letter and its fold, where
 * its subtree ends, and the syllable ending there (or ''). The syllables that share a prefix share
 * its rows of the edit table, and a prefix already too costly skips its whole subtree.
 */
interface SyllableTrie {
  letter: Int32Array;
  fold: Int32Array;
  depth: Int32Array;
  end: Int32Array;
  word: string[];
  /** The syllable's place in the list given, where one ends (else -1). */
  index: Int32Array;
}

const tries = new WeakMap<readonly string[], SyllableTrie>();

function trieOf(syllables: readonly string[]): SyllableTrie {
  let t = tries.get(syllables);
  if (t) return t;
  const place = new Map(syllables.map((s, i) => [s, i]));
  const sorted = [...place.keys()].sort();
  const letter: number[] = [];
  const foldCode: number[] = [];
  const depth: number[] = [];
  const word: string[] = [];
  const end: number[] = [];
  const path: number[] = []; // the node at each depth along the last syllable
  let prev = '';
  for (const s of sorted) {
    let shared = 0;
    while (shared < s.length && shared < prev.length && s[shared] === prev[shared]) shared++;
    // close the nodes below the shared prefix
    for (let d = path.length - 1; d >= shared; d--) end[path[d]!] = letter.length;
    path.length = shared;
    const f = foldEach(s);
    for (let d = shared; d < s.length; d++) {
      path.push(letter.length);
      letter.push(s.charCodeAt(d));
      foldCode.push(f.charCodeAt(d));
      depth.push(d + 1);
      word.push('');
      end.push(0);
    }
    word[path[s.length - 1]!] = s;
    prev = s;
  }
  for (const n of path) end[n] = letter.length;
  t = { letter: Int32Array.from(letter), fold: Int32Array.from(foldCode), depth: Int32Array.from(depth), end: Int32Array.from(end), word, index: Int32Array.from(word, (w) => (w === '' ? -1 : place.get(w)!)) };
  tries.set(syllables, t);
  return t;
}

/** The syllables within `max` of a chunk as read (lower case, NFC), cheapest first, with their places in `syllables`. */
export function dustCandidates(read: string, syllables: readonly string[], max: number): { word: string; index: number; cost: number }[] {
  const t = trieOf(syllables);
  const readFold = foldEach(read);
  const n = read.length;
  // rows[d]: the costs of reading read[0..i) for the node at depth d's prefix, i = 0..n
  const rows: Float64Array[] = [new Float64Array(n + 1)];
  for (let i = 1; i <= n; i++) rows[0]![i] = rows[0]![i - 1]! + (readFold.charCodeAt(i - 1) === SIGN ? DUST_COSTS.signInserted : DUST_COSTS.added);
  const out: { word: string; index: number; cost: number }[] = [];
  for (let k = 0; k < t.letter.length; ) {
    const d = t.depth[k]!;
    const up = rows[d - 1]!;
    const row = (rows[d] ??= new Float64Array(n + 1));
    const p = t.letter[k]!;
    const pf = t.fold[k]!;
    row[0] = up[0]! + DUST_COSTS.lost;
    let low = row[0]!;
    for (let i = 1; i <= n; i++) {
      const cf = readFold.charCodeAt(i - 1);
      const add = cf === SIGN ? DUST_COSTS.signInserted : DUST_COSTS.added;
      const v = Math.min(up[i]! + DUST_COSTS.lost, row[i - 1]! + add, up[i - 1]! + substitution(read.charCodeAt(i - 1), cf, p, pf));
      row[i] = v;
      if (v < low) low = v;
    }
    // every longer prefix costs at least the cheapest cell of this row
    if (low > max) {
      k = t.end[k]!;
      continue;
    }
    const w = t.word[k]!;
    if (w !== '' && row[n]! <= max) out.push({ word: w, index: t.index[k]!, cost: row[n]! });
    k++;
  }
  return out.sort((a, b) => a.cost - b.cost || (a.word < b.word ? -1 : 1));
}
