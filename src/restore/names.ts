/**
 * Place names kept consistent within a document (issue 24). OCR garbles a name differently from
 * line to line, and the decoder reads each copy on its own: `đặc khu Cát Hải` may come out right
 * after its kind word, where the gazetteer backs it, and as `Cát Hai` in a table below. A name the
 * decoder chose with confidence, right after its kind word (`xã`, `phường`, `đặc khu`…), and found
 * in the gazetteer, is the reading of every other copy of the same letters in the document.
 */
import { canonical, stripMarks } from '../vietnamese/letters.js';

/** The kinds of administrative unit a name follows, as the gazetteer writes them. */
const KINDS = ['thị trấn', 'thị xã', 'thành phố', 'đặc khu', 'xã', 'phường', 'huyện', 'quận', 'tỉnh'].map((k) => k.split(' '));
/** A name has at most this many syllables (`Thừa Thiên Huế`; `Bà Rịa - Vũng Tàu` is two runs). */
const MAX_NAME = 4;
/** One syllable is too little to tell a name from a capitalised word. */
const MIN_NAME = 2;
/** Words whose letters are kept for reuse (bounded like restoration's other per-token caches). */
const LETTERS_CACHE_SIZE = 50_000;

/** One word of the decoded text, as the name pass needs it. */
export interface NameWord {
  /** The chosen word, lower case, tones placed the new way; null for what is not a word (a number, a sign, a code). */
  word: string | null;
  /** The word as written (the input). */
  written: string;
  /** Starts a paragraph: a name never runs across one. */
  reset: boolean;
}

/** A name's copies to rewrite: the word positions and the syllables each should read. */
export interface NameRewrite {
  at: number;
  syllable: string;
}

/**
 * What `PlaceNames` looks names up in, worked out from the gazetteer's units: data/places.json
 * stores it beside them (`make-places.ts`), so that a process that restores one file does not
 * work it out again (some 50 ms, mostly before V8 has compiled the code).
 */
export interface PreparedPlaces {
  /** Each unit in lower case, its syllables' tones placed the new way (`xã phú lộc`), once. */
  forms: string[];
  /** The forms whose letters (marks aside) another form shares (`xã phú lộc`, `xã phú lốc`). */
  shared: string[];
}

export function preparePlaces(units: readonly string[]): PreparedPlaces {
  // (canonical places one syllable's tone)
  const forms = [...new Set(units.map((u) => u.toLowerCase().split(' ').map(canonical).join(' ')))];
  const letters = forms.map(stripMarks);
  const spellings = new Map<string, number>();
  for (const l of letters) spellings.set(l, (spellings.get(l) ?? 0) + 1);
  return { forms, shared: forms.filter((_, k) => spellings.get(letters[k]!)! > 1) };
}

export class PlaceNames {
  private readonly units: Set<string>;
  /** Units whose kind and letters another unit shares: elsewhere the letters tell the name (`xã phu loc`). */
  private readonly shared: Set<string>;
  /** A word's letters as written, marks and case aside, by the word: a report repeats its capitalised words. */
  private readonly lettersCache = new Map<string, string>();

  /** From the gazetteer's units as written (`xã Phú Lộc`), or as `preparePlaces` gives them. */
  constructor(units: readonly string[] | PreparedPlaces) {
    const prepared = isPrepared(units) ? units : preparePlaces(units);
    this.units = new Set(prepared.forms);
    this.shared = new Set(prepared.shared);
  }

  /**
   * The rewrites that make every copy of a confidently read name read the same: for each name read after its kind
   * word and found in the gazetteer (the longest such), either the only unit of its kind with those letters or read
   * with every syllable `confident`, the other
   * capitalised runs of the same letters (marks and case aside) that read otherwise. Letters read two confident
   * ways in one document are left alone.
   */
  rewrites(words: readonly NameWord[], confident: (at: number) => boolean): NameRewrite[] {
    const runs = nameRuns(words);
    const named = new Map<string, string[] | null>();
    const keys: string[] = [];
    const letters = (written: string) => {
      let l = this.lettersCache.get(written);
      if (l === undefined) {
        l = stripMarks(written.toLowerCase());
        if (this.lettersCache.size < LETTERS_CACHE_SIZE) this.lettersCache.set(written, l);
      }
      return l;
    };
    for (let i = 0; i < words.length; i++) {
      const kind = kindEndingAt(words, i);
      if (kind === null) continue;
      for (let n = Math.min(MAX_NAME, words.length - i - 1); n >= MIN_NAME; n--) {
        if (runs[i + 1]! < n) continue;
        const name = words.slice(i + 1, i + 1 + n).map((w) => w.word!);
        const unit = `${kind} ${name.join(' ')}`;
        if (!this.units.has(unit)) continue;
        if (!this.shared.has(unit) || name.every((_, k) => confident(i + 1 + k))) {
          const key = keyOf(words, keys, i + 1, n, letters);
          const known = named.get(key);
          named.set(key, known === undefined || (known !== null && known.join(' ') === name.join(' ')) ? name : null);
        }
        break;
      }
    }
    const out: NameRewrite[] = [];
    if (named.size === 0) return out;
    const lengths = new Set([...named.keys()].map((k) => k.split(' ').length));
    for (let i = 0; i < words.length; i++) {
      if (runs[i]! < MIN_NAME) continue;
      for (const n of lengths) {
        if (runs[i]! < n) continue;
        const name = named.get(keyOf(words, keys, i, n, letters));
        if (!name) continue;
        for (let k = 0; k < n; k++) if (words[i + k]!.word !== name[k]) out.push({ at: i + k, syllable: name[k]! });
        i += n - 1;
        break;
      }
    }
    return out;
  }
}

function isPrepared(units: readonly string[] | PreparedPlaces): units is PreparedPlaces {
  return !Array.isArray(units);
}

/**
 * For each word, how many words from it on can be a name: capitalised words of one paragraph
 * (worked out once: the passes ask it of every position, for every length).
 */
function nameRuns(words: readonly NameWord[]): Int32Array {
  const runs = new Int32Array(words.length + 1);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (w.word === null || !CAPITAL_RE.test(w.written)) continue;
    runs[i] = i + 1 < words.length && !words[i + 1]!.reset ? 1 + runs[i + 1]! : 1;
  }
  return runs;
}

const CAPITAL_RE = /^\p{Lu}/u;
/** Each kind as one string (`đặc khu`). */
const KIND_NAMES = KINDS.map((k) => k.join(' '));
/** The last word of each kind: the only words after which a kind can end. */
const KIND_ENDS = new Set(KINDS.map((k) => k.at(-1)!));

/** The kind word (`xã`, `đặc khu`) that ends at word i, as the decoder chose it, or null. */
function kindEndingAt(words: readonly NameWord[], i: number): string | null {
  const last = words[i]!.word;
  if (last === null || !KIND_ENDS.has(last)) return null;
  for (let n = 0; n < KINDS.length; n++) {
    const kind = KINDS[n]!;
    const start = i - kind.length + 1;
    if (start < 0) continue;
    let j = 0;
    while (j < kind.length && words[start + j]!.word === kind[j] && (j === 0 || !words[start + j]!.reset)) j++;
    if (j === kind.length) return KIND_NAMES[n]!;
  }
  return null;
}

/**
 * The letters as written of the n words from i, marks and case aside: what the copies of one name
 * share however OCR garbled their marks. Each word's are kept in `keys`.
 */
function keyOf(words: readonly NameWord[], keys: string[], i: number, n: number, lettersOf: (written: string) => string): string {
  let key = '';
  for (let k = i; k < i + n; k++) {
    const letters = (keys[k] ??= lettersOf(words[k]!.written));
    key = k === i ? letters : `${key} ${letters}`;
  }
  return key;
}
