/**
 * Diacritic restoration: candidates from the OCR channel, chosen by beam search under the
 * syllable language model, applied as edits of the source-mapped text.
 */
import type { Edit, Span } from '../text/source-text.js';
import { applyEdits, type SourceText } from '../text/source-text.js';
import { Channel, type ConfusionCounts } from './channel.js';
import type { SearchParameters } from './candidate-table.js';
import { BOS, NUM, PUNCT, SPECIALS, UNK, type LanguageModel } from './lm.js';
import { repairBeforeNumber, repairBodyLabel, repairCode, repairVieCode, isCode, isSyllableLikeAcronym } from './symbols.js';
import { PlaceNames, type NameWord, type PreparedPlaces } from './names.js';
import { LOW_CONFIDENCE } from './confidence.js';
import { pieces, type Piece } from './tokens.js';
import { applyCase, canonical, caseShape, type CaseShape, fold, hasMarks, hasVietnameseOnlyLetters, toneOf, withoutTone } from '../vietnamese/letters.js';
import { toneCosts, type ToneCounts } from './tones.js';
import { rerankWithCache, type CacheWeights } from './rerank.js';
import { dustCandidates, dustyChunks, type DustyChunk } from './dust.js';

export interface DamageReport {
  /** Word tokens looked at (letters only; codes, numbers and punctuation left out). */
  tokens: number;
  /** Share of them that are not valid Vietnamese syllables. */
  invalidShare: number;
  /** Share written without marks where the most frequent syllable of that spelling has them. */
  unmarkedShare: number;
  damaged: boolean;
}

export interface TokenChange {
  span: Span; // in the restored text
  original: string;
  chosen: string;
  runnerUp: string | null;
  confidence: number;
}

export interface RestoreResult {
  text: SourceText;
  changes: TokenChange[];
  damage: DamageReport;
}

export interface RestoreOptions {
  /** full: every word may change; light: only words that are not valid syllables, and symbol repairs. */
  mode?: 'full' | 'light';
  /**
   * Also repair the marks of syllables, for text OCR'd by a Vietnamese model (`tĩnh` → `tỉnh`,
   * `trục` → `trực`, `Uy ban` → `Ủy ban`): a word becomes another syllable of its letters only
   * where that is the choice with confidence ≥ `toneConfidence`.
   */
  tones?: boolean;
}

/** Thresholds of the damage detector: clean seeds measure ≤ 1 % on both. */
export const DAMAGE_THRESHOLDS = { invalidShare: 0.05, unmarkedShare: 0.1 };

export interface Weights {
  /** Weight of the language model's natural-log probability against the channel cost. */
  lm: number;
  /** Cost of keeping a token that is not a syllable (a foreign word, a code) as written, plus per letter. */
  keep: number;
  keepPerChar: number;
  /** Hypotheses kept per position, at most, and how far (nats) behind the best one they may be. */
  beam: number;
  beamDelta: number;
  /** Candidates per token, and how far (nats of channel cost) behind the best they may be. */
  candidates: number;
  candidateBeam: number;
  /** Channel cost (nats) above which a syllable is not a candidate at all. */
  candidateMaxCost: number;
  /** How far (nats of channel cost plus unigram) behind the a-priori best a candidate may be. */
  candidatePriorBeam: number;
  /** A token is tried as two words run together only when read whole it costs more than this (nats)... */
  splitFrom: number;
  /** ...and cut only when the two parts cost this much less than the whole, and the second part
   * follows the first with log10 probability at least splitMinBigram. */
  split: number;
  splitMinBigram: number;
  /** Candidates per token taken from the channel before the a-priori cut to `candidates`. */
  candidatePool: number;
  /** In light mode: how likely (log10, after the words before it) each further part of a token cut into syllables as written must be. */
  joinedMin: number;
  /** With `tones`: the confidence a tone repair needs. */
  toneConfidence: number;
  /** Cost (nats) of reading a number between words as a word, on top of the channel's (`6` as `ở`). */
  digitWord: number;
  /** In full mode, the document cache's second look at doubtful choices (rerank.ts); pair 0: off. */
  cache: CacheWeights;
  /**
   * With `tones`: a chunk holding toner dust (`lớ::`) becomes a syllable only with this confidence
   * (its share against the other readings and the chunk as decoded); 1 or more: off.
   */
  dustConfidence: number;
  /**
   * The same for a syllable closed by a colon or semicolon before a word in small letters (`mộ: cửa`,
   * `thuận: lợi`), a place print puts them too (`gồm: các`, read without the colon at 0.80).
   */
  dustStopConfidence: number;
  /** The most a dusty chunk's reading may cost (nats of dust.ts's edits), and how many readings are weighed. */
  dustMaxCost: number;
  dustCandidates: number;
}

const DEFAULT_WEIGHTS: Weights = { lm: 1, keep: 7, keepPerChar: 1.5, beam: 10, beamDelta: 9, candidates: 20, candidateBeam: 9, candidateMaxCost: 14, candidatePriorBeam: 8, candidatePool: 40, splitFrom: 12, split: 4, splitMinBigram: -2, joinedMin: -3, toneConfidence: 0.9, digitWord: 0, cache: { confident: 0.9, ambiguous: 0.9, pair: 2, smoothing: 0.5 }, dustConfidence: 0.9, dustStopConfidence: 0.99, dustMaxCost: 8, dustCandidates: 1000 };
const LN10 = Math.LN10;
/**
 * Per-token caches stop growing here: the most frequent tokens of an archive come early and stay,
 * and a batch worker's memory stays flat over thousands of files.
 */
const OPTION_CACHE_SIZE = 20_000;
/** Facts are a dozen small fields per token; an archive has more distinct tokens than tokens with options. */
const FACTS_CACHE_SIZE = 50_000;
const LETTERS_RE = /^\p{L}+$/u;
/** Options scored for a changed token's confidence (the chosen one always is). */
const CONFIDENCE_OPTIONS = 10;
/** Confidences kept for reuse, over all tokens: some 100 bytes each. */
/** The largest base in which four word ids (and -1) make an exact number: base⁴ ≤ 2⁵³. */
const EXACT_KEY_BASE = Math.floor(2 ** (53 / 4));
const CONFIDENCE_CACHE_SIZE = 50_000;
/** Nats by which the decoder's bound on a cell's score may exceed it, to absorb rounding. */
const SLACK = 1e-9;
/** A bigram not looked up yet, in the decoder's table of them. */
const UNSEEN = -2;
const ROMAN_RE = /^(?=[IVX]+$)X{0,3}(?:IX|IV|V?I{0,3})$/;
const PARAGRAPH_RE = /\n[ \t\r]*\n/;
/** Nats behind the best reading of a dusty chunk past which a reading's share is negligible (e^-15). */
const DUST_NEGLIGIBLE = 15;

interface Option {
  id: number;
  word: string; // lower-case canonical syllable, or the token as written for "keep"
  cost: number;
  /** The token kept as written (every option has the field: one object shape for the loops that read options). */
  keep: boolean;
}

/** A changed token's confidence, and the option that came second (-1 when it had one option). */
interface Confidence {
  readonly runner: number;
  readonly confidence: number;
}

interface Item {
  piece: Piece;
  reset: boolean;
  fixed?: number;
  /** A repair that is not up to the language model (symbol codes, số before a number). */
  forced?: string;
  options?: OptionList;
  /** For a token OCR made of two words (`donvi`): the part of the piece this item decodes. */
  part?: { text: string; first: boolean };
  /** A tone or shape-mark repair: applied only with confidence ≥ toneConfidence. */
  tone?: boolean;
  /** A dusty chunk read as a syllable (dust.ts): it replaces the pieces from this item's to `end`, which write nothing. */
  dust?: { end: number; text: string; runnerUp: string | null; confidence: number; skip: number };
}

/**
 * What restoration asks of a token as written, worked out once per distinct token: detecting
 * damage, telling stripped text from OCR and choosing what to decode each ask the same things of
 * every token, and a report repeats its words many times.
 */
interface WordFacts {
  /** The model id of the token read as a syllable (lower case, tone placed the new way), or UNK. */
  id: number;
  /** The token in lower case with its tone placed the new way (the form `id` looks up). */
  lower: string;
  syllable: boolean;
  /** Letters only (no digits or signs). */
  letters: boolean;
  /** Written as it is in capitals (`UBND`, `PAC`, but also `1` or `A`). */
  upperCase: boolean;
  /** A capital, one or two small letters, capitals (`IoT`, `PoC`). */
  mixedCaps: boolean;
  marked: boolean;
  vietnameseOnly: boolean;
  code: boolean;
  roman: boolean;
  /** No syllable is spelt with these letters (`Panh`): OCR damage, not stripped marks. */
  noSyllableOfLetters: boolean;
  /** Written without marks where the most frequent syllable of its letters has them. */
  unmarked: boolean;
  /** For capitals that are no syllable, the lexicon code they stand for (`QD` → `QĐ`), else null. */
  codeRepair: string | null;
  /** `số` for `s6`, should a number follow. */
  beforeNumber: string | null;
}

/** A token's options, best a priori first, and for the decoder's inner loop as typed arrays. */
interface OptionList {
  list: Option[];
  /**
   * Confidences already worked out for this token, by the words around it and the option chosen:
   * a report repeats its phrases, and a confidence costs some 45 LM lookups (see `confidence`).
   */
  confidences: Map<number | string, Confidence>[] | undefined;
  ids: Int32Array;
  /** Channel costs. */
  costs: Float64Array;
  /** The best score each option's cell can add: the LM's bound on its log probability, less its cost. */
  reach: Float64Array;
}

export class Restorer {
  readonly channel: Channel;
  private readonly syllableIds: Set<number>;
  private readonly bestOfFold = new Map<string, string>();
  private readonly weights: Weights;

  private readonly toneCost: Float64Array;
  private readonly places: PlaceNames | null;

  constructor(
    readonly lm: LanguageModel,
    confusions: ConfusionCounts,
    weights: Partial<Weights> = {},
    /** Tone confusions of Vietnamese-model OCR (for `tones`); none: every tone change equally unlikely. */
    tones: ToneCounts = { tones: Array.from({ length: 6 }, (_, t) => Array.from({ length: 6 }, (_, r) => (t === r ? 1000 : 1))), shapes: [1, 1000] },
    /** The gazetteer's units (`xã Phú Lộc`), to keep each place name one reading within a text; none: no such pass. */
    places: readonly string[] | PreparedPlaces = [],
  ) {
    this.toneCost = toneCosts(tones);
    this.places = ('forms' in places ? places.forms : places).length > 0 ? new PlaceNames(places) : null;
    const syllables = lm.vocab.slice(SPECIALS.length, SPECIALS.length + lm.syllableCount);
    this.channel = new Channel(syllables, confusions);
    this.syllableIds = new Set(syllables.map((_, i) => i + SPECIALS.length));
    this.weights = { ...DEFAULT_WEIGHTS, ...weights, cache: { ...DEFAULT_WEIGHTS.cache, ...weights.cache } };
    // (the channel's groups: each syllable's letters are worked out once per process)
    for (const [f, group] of this.channel.foldGroups()) {
      let best = -Infinity;
      for (const s of group) {
        const p = lm.unigram(lm.id(s));
        if (p > best) {
          best = p;
          this.bestOfFold.set(f, s);
        }
      }
    }
  }

  /** The parameters of this restorer's candidate searches (a candidate table answers only these). */
  get candidateSearch(): SearchParameters {
    const w = this.weights;
    return { maxCost: w.candidateMaxCost, beam: w.candidateBeam, limit: w.candidatePool };
  }

  /** Written in capitals and longer than a letter (`AI`, `UBND`, `PAC`). */
  isCapitals(word: string): boolean {
    return word.length > 1 && this.facts(word).upperCase && this.facts(word).letters;
  }

  /** The model id of a token read as a syllable, or UNK. */
  syllableId(token: string): number {
    return this.lm.id(canonical(token.toLowerCase()));
  }

  private readonly factsCache = new Map<string, WordFacts>();

  private facts(word: string): WordFacts {
    let f = this.factsCache.get(word);
    if (f === undefined) {
      const lower = canonical(word.toLowerCase());
      const id = this.lm.id(lower);
      const marked = hasMarks(word);
      const folded = fold(word);
      const syllable = this.syllableIds.has(id);
      const letters = LETTERS_RE.test(word);
      const upperCase = word === word.toUpperCase();
      f = {
        id,
        lower,
        syllable,
        letters,
        upperCase,
        mixedCaps: MIXED_CAPS_RE.test(word),
        marked,
        vietnameseOnly: hasVietnameseOnlyLetters(word),
        code: isCode(word),
        roman: ROMAN_RE.test(word),
        noSyllableOfLetters: this.channel.sameFold(folded).length === 0,
        unmarked: !marked && hasMarks(this.bestOfFold.get(folded) ?? ''),
        codeRepair: !(syllable && letters) && word.length > 1 && upperCase && letters ? repairCode(word) : null,
        beforeNumber: repairBeforeNumber(word),
      };
      if (this.factsCache.size < FACTS_CACHE_SIZE) this.factsCache.set(word, f);
    }
    return f;
  }

  detectDamage(text: string, ps: readonly Piece[] = pieces(text)): DamageReport {
    return this.damageOf(ps, this.factsOf(ps));
  }

  /** Each word piece's facts (null for other pieces): found once, asked of three times. */
  private factsOf(ps: readonly Piece[]): (WordFacts | null)[] {
    const out: (WordFacts | null)[] = [];
    for (const p of ps) out.push(p.kind === 'word' ? this.facts(p.text) : null);
    return out;
  }

  private damageOf(ps: readonly Piece[], facts: readonly (WordFacts | null)[]): DamageReport {
    let tokens = 0;
    let invalid = 0;
    let unmarked = 0;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (p.kind !== 'word') continue;
      const f = facts[i]!;
      if (f.code || (p.text.length > 1 && f.upperCase && !f.syllable)) continue;
      tokens++;
      if (!f.letters || !f.syllable) invalid++;
      else if (f.unmarked) unmarked++;
    }
    const invalidShare = tokens ? invalid / tokens : 0;
    const unmarkedShare = tokens ? unmarked / tokens : 0;
    return {
      tokens,
      invalidShare,
      unmarkedShare,
      damaged: invalidShare > DAMAGE_THRESHOLDS.invalidShare || unmarkedShare > DAMAGE_THRESHOLDS.unmarkedShare,
    };
  }

  restore(text: SourceText, options: RestoreOptions = {}): RestoreResult {
    const { edits, changes, damage } = this.run(text.text, options, true);
    return { text: text.edit(edits), changes, damage };
  }

  /**
   * The restored text alone (`baocao restore`): the same text as `restore`, without what only a
   * report reads: no `TokenChange`, so a confidence is worked out only where the text depends on
   * it (tone repairs, place names), and no offset maps.
   */
  restoreText(text: string, options: RestoreOptions = {}): string {
    return applyEdits(text, this.run(text, options, false).edits);
  }

  private run(text: string, options: RestoreOptions, listChanges: boolean): { edits: Edit[]; changes: TokenChange[]; damage: DamageReport } {
    const ps = pieces(text);
    const facts = this.factsOf(ps);
    const damage = this.damageOf(ps, facts);
    const mode = options.mode ?? (damage.damaged ? 'full' : 'light');
    // Text with no marks at all had them stripped: every spelling of the same letters is equally likely.
    // OCR leaves spellings that are no syllable's letters (`Panh` for `Đánh`): then it is not that.
    let marked = 0;
    let words = 0;
    let foreign = 0;
    for (let i = 0; i < ps.length; i++) if (ps[i]!.kind === 'word') {
      words++;
      const f = facts[i]!;
      if (f.marked || !f.letters) marked++;
      else if (!f.upperCase && f.noSyllableOfLetters) foreign++;
    }
    const stripped = words > 0 && marked / words < 0.01 && foreign / words < 0.05;
    const items = this.items(text, ps, facts, mode, stripped, options.tones === true && !stripped);
    const chosen = this.decode(items);
    if (this.places) this.keepNamesConsistent(items, chosen, this.places);
    // (after the names: a name the gazetteer settled is a confident reading, not one to undo)
    if (options.tones === true && !stripped && mode === 'light' && this.weights.dustConfidence < 1) this.repairDust(text, ps, items, chosen);
    if (mode === 'full') rerankWithCache(this.lm, this.weights.lm * LN10, items, chosen, this.weights.cache, (ids, i, c) => this.confidence(items, ids, i, c).confidence);
    return { ...this.edits(text, items, chosen, listChanges), damage };
  }

  private items(text: string, ps: Piece[], facts: readonly (WordFacts | null)[], mode: 'full' | 'light', stripped: boolean, tones: boolean): Item[] {
    const items: Item[] = [];
    let prevEnd = 0;
    let vieCode: string | null;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      // (most gaps are one space: no slice, no regex)
      const reset = i === 0 || (p.start - prevEnd > 1 && PARAGRAPH_RE.test(text.slice(prevEnd, p.start)));
      prevEnd = p.end;
      const item = newItem(p, reset);
      items.push(item);
      if (p.kind === 'punct') {
        item.fixed = PUNCT;
        // a comma the Vietnamese model wrote with no space after it, between two words (`dân,doanh`)
        if (tones && commaBetweenWords(ps, facts, i)) item.forced = `${p.text} `;
      }
      else if (p.kind === 'number') {
        // a digit or two between words of damaged text may be a word OCR read as digits (`6` for `ở`)
        const opts = mode === 'full' && !stripped && p.text.length <= 2 && betweenWords(ps, i) ? this.digitOptions(p.text) : null;
        if (opts) item.options = opts;
        else item.fixed = NUM;
      }
      else if (tones && p.kind === 'word' && (vieCode = repairBodyLabel(p.text, ps[i + 1]?.start === p.end ? ps[i + 1]!.text : undefined, ps[i + 2]?.text)) !== null) {
        // a signature block's `TM.` under a stamp's ring (`FM. ỦY BAN NHÂN DÂN`)
        item.fixed = this.lm.id(vieCode.toLowerCase());
        item.forced = vieCode;
      }
      else if (tones && (vieCode = repairVieCode(p.text, () => codePlace(text, ps, i))) !== null) {
        // a code the Vietnamese model damaged (`TTHOC`, `T1-VPCP`, `Lưu: VI`): the lexicon's
        item.fixed = this.lm.id(vieCode.toLowerCase());
        item.forced = vieCode;
      }
      else if (p.kind === 'protected') item.fixed = UNK;
      else if (p.kind === 'code') {
        item.fixed = UNK;
        const r = repairCode(p.text);
        if (r !== null && r !== p.text) item.forced = r;
      } else {
        const word = p.text;
        const f = facts[i]!;
        const valid = f.syllable && f.letters;
        const r = f.codeRepair;
        if (r !== null) {
          item.fixed = this.lm.id(r.toLowerCase());
          if (r !== word) item.forced = r;
          continue;
        }
        const so = f.beforeNumber;
        if (so !== null && !valid && (numberFollows(ps, i) || labelAtLineStart(ps, i))) {
          item.fixed = this.lm.id(so);
          item.forced = applyCase(so, ocrCaseShape(word, so));
          continue;
        }
        // List markers (`a)`, `d)`), lone letters in light mode (a table's `x`) and acronyms among
        // ordinary words (`AI`, `DN`, `IoT`) are not garbled syllables: `d)` is not `ở`, `AI` is
        // not `ÁI`. Capitals that are some syllable's letters are garbled (`cua BO Xay dung` is
        // `của Bộ Xây dựng`), unless a known acronym (`AI`).
        if (listMarker(ps, i) || (mode === 'light' && word.length === 1) || (word.length > 1 && f.letters && (f.mixedCaps || (f.upperCase && (f.noSyllableOfLetters || isSyllableLikeAcronym(word)) && acronymAmongWords(ps, i, this))))) {
          item.fixed = f.id;
          continue;
        }
        if (valid && (mode === 'light' || f.vietnameseOnly)) {
          const opts = tones ? this.toneOptions(word) : null;
          if (opts) {
            item.options = opts;
            item.tone = true;
          } else item.fixed = f.id;
          continue;
        }
        // a vowel the Vietnamese model read twice (`THỤỰC` for `THỰC`): the syllables without one copy, for the decoder
        const single = tones && !valid && f.marked && f.letters ? this.withoutDoubledLetter(word) : null;
        if (single) {
          item.options = single;
          continue;
        }
        // Roman numerals (section numbers) are never words; in clean text neither is an all-capital
        // non-syllable (STT, IOC): only damaged text has garbled capitals (PAC for ĐẶC) to repair.
        if (f.roman || (mode === 'light' && !valid && word.length > 1 && f.upperCase)) {
          item.fixed = f.id;
          continue;
        }
        if (f.code) {
          item.fixed = this.lm.id(word.toLowerCase());
          continue;
        }
        // two or three marked syllables the Vietnamese model ran together (`phốihợp`): cut where all are written right
        const joined = mode === 'light' && !valid && f.marked && f.letters && !f.upperCase ? this.exactSplit(word, wordBefore(ps, facts, i)) : null;
        if (joined) {
          item.fixed = this.syllableId(joined[joined.length - 1]!);
          item.forced = joined.join(' ');
          continue;
        }
        // (not all-capital words: those are acronyms or headers, not run-together words)
        const cut = mode === 'full' && !stripped && !valid && !f.upperCase ? this.split(word) : null;
        if (cut) {
          // two items over one piece: the decoder sees two words, apply() writes them with a space
          item.part = { text: cut[0], first: true };
          item.options = this.options(cut[0], stripped);
          const second = newItem(p, false);
          second.part = { text: cut[1], first: false };
          second.options = this.options(cut[1], stripped);
          items.push(second);
          continue;
        }
        item.options = this.options(word, stripped);
      }
    }
    return items;
  }

  private readonly toneCache = new Map<string, OptionList | null>();
  private toneSiblings: Map<string, string[]> | undefined;

  /**
   * A syllable read by a Vietnamese model: itself and the other syllables of its letters, each
   * costing −ln P(tone read | tone printed), plus the cost of another shape where its shape marks
   * differ (`trực` for `trục`, and `về` for `vồ`: the model reads ê as ô); null when it has no
   * other spelling. Unmarked syllables too: the model sometimes drops every mark (`Uy ban` for
   * `Ủy ban`).
   */
  private toneOptions(word: string): OptionList | null {
    let opts = this.toneCache.get(word);
    if (opts !== undefined) return opts;
    if (!this.toneSiblings) {
      this.toneSiblings = new Map();
      for (const s of this.lm.vocab.slice(SPECIALS.length, SPECIALS.length + this.lm.syllableCount)) {
        const k = fold(s);
        this.toneSiblings.set(k, [...(this.toneSiblings.get(k) ?? []), s]);
      }
    }
    const self = canonical(word.toLowerCase());
    const read = toneOf(self);
    const shape = withoutTone(self);
    const siblings = this.toneSiblings.get(fold(self)) ?? [];
    // the model also reads ê as ô (`vồ` for `về`, `nồn` for `nền`): those syllables, as another shape
    const e = shape.includes('ô') ? shape.replace('ô', 'ê') : null;
    const others = e ? (this.toneSiblings.get(fold(e)) ?? []).filter((s) => withoutTone(s) === e) : [];
    opts = null;
    if (siblings.length + others.length > 1) {
      opts = this.optionList([...siblings, ...others].map((s) => ({ id: this.lm.id(s), word: s, cost: this.toneCost[toneOf(s) * 6 + read]! + (withoutTone(s) === shape ? 0 : this.toneCost[36]!), keep: false })));
    }
    if (this.toneCache.size < OPTION_CACHE_SIZE) this.toneCache.set(word, opts);
    return opts;
  }

  /**
   * A token that is two or three syllables as written with no space between (`phốihợp`, `xãhội`,
   * `Cáccơquan`, `đúngtiếnđộ`), each part after the first likely after the words before it
   * (log10 p ≥ joinedMin, the word before the token included: `tục hành` alone is rare, `thủ tục
   * hành` is not): its parts, else null. The likeliest reading wins when there are several cuts.
   */
  private exactSplit(word: string, before: number): string[] | null {
    let best: string[] | null = null;
    let bestLp = -Infinity;
    const min = this.weights.joinedMin;
    const syllable = (t: string) => {
      const f = this.facts(t);
      return f.syllable && f.letters ? f.id : -1;
    };
    const consider = (parts: string[], ids: number[]) => {
      // the first part after the word before (when known); each further part after the two before it
      let total = before >= 0 ? this.lm.bigramLogProb(before, ids[0]!) : 0;
      for (let k = 1; k < ids.length; k++) {
        const lp = this.lm.logProb(k === 1 ? before : ids[k - 2]!, ids[k - 1]!, ids[k]!);
        if (lp < min) return;
        total += lp;
      }
      if (total > bestLp) {
        bestLp = total;
        best = parts;
      }
    };
    for (let k = 1; k < word.length; k++) {
      const a = word.slice(0, k);
      const ia = syllable(a);
      if (ia < 0) continue;
      const rest = word.slice(k);
      const ib = syllable(rest);
      if (ib >= 0) consider([a, rest], [ia, ib]);
      for (let j = 1; j < rest.length; j++) {
        const b = rest.slice(0, j);
        const c = rest.slice(j);
        const i2 = syllable(b);
        const i3 = i2 >= 0 ? syllable(c) : -1;
        if (i3 >= 0) consider([a, b, c], [ia, i2, i3]);
      }
    }
    return best;
  }

  /**
   * The syllables a token becomes with one of two neighbouring letters of the same base letter
   * left out (`thụực` → `thực`, `thục`), as options of equal cost; null when there is none.
   */
  private withoutDoubledLetter(word: string): OptionList | null {
    const lower = word.toLowerCase();
    const seen = new Set<string>();
    const list: Option[] = [];
    for (let k = 1; k < lower.length; k++) {
      if (fold(lower[k - 1]!) !== fold(lower[k]!)) continue;
      for (const drop of [k - 1, k]) {
        const t = lower.slice(0, drop) + lower.slice(drop + 1);
        const f = this.facts(t);
        const s = canonical(t);
        if (f.syllable && f.letters && !seen.has(s)) {
          seen.add(s);
          list.push({ id: f.id, word: s, cost: 0, keep: false });
        }
      }
    }
    return list.length > 0 ? this.optionList(list) : null;
  }

  private readonly digitCache = new Map<string, OptionList | null>();

  /** A number between words: kept as a number, or one of the syllables the channel reads it as; null when none. */
  private digitOptions(digits: string): OptionList | null {
    let opts = this.digitCache.get(digits);
    if (opts !== undefined) return opts;
    const w = this.weights;
    const list: Option[] = [{ id: NUM, word: digits, cost: 0, keep: true }];
    const lmW = w.lm * LN10;
    // the likeliest a priori (channel and unigram), as for words: `6` is `ổ` by its letters, `ở` by use
    const words = this.channel.candidates(digits, w.candidateMaxCost, w.candidateBeam, w.candidatePool).map((c) => ({ id: this.lm.id(c.word), word: c.word, cost: c.cost + w.digitWord, keep: false }));
    words.sort((a, b) => a.cost - lmW * this.lm.unigram(a.id) - (b.cost - lmW * this.lm.unigram(b.id)));
    list.push(...words.slice(0, 5));
    opts = null;
    if (list.length > 1) {
      opts = this.optionList(list);
    }
    if (this.digitCache.size < OPTION_CACHE_SIZE) this.digitCache.set(digits, opts);
    return opts;
  }

  private readonly splitCache = new Map<string, [string, string] | null>();

  /**
   * A token that OCR made of two words by losing the space between them (`donvi` for `đơn vị`,
   * `quaThoi`): the cut whose two parts the channel explains best, when that beats reading the
   * token whole (or keeping it) by `split` nats; else null. Only tokens that are poorly explained
   * whole (above `splitFrom` nats) are tried.
   */
  private split(word: string): [string, string] | null {
    let cut = this.splitCache.get(word);
    if (cut !== undefined) return cut;
    cut = null;
    const w = this.weights;
    const lm = this.lm;
    const lmW = w.lm * LN10;
    const cands = (t: string) => this.channel.candidates(t.toLowerCase(), w.candidateMaxCost, w.candidateBeam, w.candidatePool);
    if (word.length >= 4) {
      const whole = Math.min(cands(word)[0]?.cost ?? Infinity, w.keep + w.keepPerChar * word.length);
      if (whole > w.splitFrom) {
        // the two parts must read as a likely word pair on their own (đơn vị, từ ngày), not just
        // as two cheap spellings (lirong is lượng, not lợi rộng)
        let best = Infinity;
        for (let k = 2; k <= word.length - 2; k++) {
          const as = cands(word.slice(0, k)).slice(0, 8);
          if (as.length === 0 || as[0]!.cost >= whole - w.split) continue;
          const bs = cands(word.slice(k)).slice(0, 8);
          const bIds = bs.map((b) => lm.id(b.word));
          for (const a of as) {
            const ia = lm.id(a.word);
            for (let j = 0; j < bs.length; j++) {
              const b = bs[j]!;
              // (candidates come cheapest first: no later b is cheap enough either)
              if (a.cost + b.cost > whole - w.split) break;
              const lp = lm.bigramLogProb(ia, bIds[j]!);
              if (lp < w.splitMinBigram) continue;
              const score = a.cost + b.cost - lmW * lp;
              if (score < best) {
                best = score;
                cut = [word.slice(0, k), word.slice(k)];
              }
            }
          }
        }
      }
    }
    if (this.splitCache.size < OPTION_CACHE_SIZE) this.splitCache.set(word, cut);
    return cut;
  }

  /** By token, for OCR text and for stripped text. */
  private readonly optionCaches = [new Map<string, OptionList>(), new Map<string, OptionList>()] as const;

  /** The options of a token; cached (they depend only on the token and the kind of text). */
  private options(word: string, stripped: boolean): OptionList {
    const cache = this.optionCaches[stripped ? 1 : 0];
    let opts = cache.get(word);
    if (!opts) {
      const f = this.facts(word);
      opts = this.optionList(this.computeOptions(word, f.syllable && f.letters, stripped));
      if (cache.size < OPTION_CACHE_SIZE) cache.set(word, opts);
    }
    return opts;
  }

  /** Options as the decoder's inner loop reads them. */
  private optionList(list: Option[]): OptionList {
    const lmW = this.weights.lm * LN10;
    const n = list.length;
    // (loops, not `from` with a mapping function: that iterates generically, a call per element)
    const ids = new Int32Array(n);
    const costs = new Float64Array(n);
    const reach = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const o = list[k]!;
      ids[k] = o.id;
      costs[k] = o.cost;
      reach[k] = lmW * this.lm.maxLogProb(o.id) - o.cost;
    }
    return { list, confidences: undefined, ids, costs, reach };
  }

  private computeOptions(word: string, valid: boolean, stripped: boolean): Option[] {
    const lower = word.toLowerCase();
    const opts: Option[] = [];
    if (stripped && LETTERS_RE.test(word)) {
      for (const s of this.channel.sameFold(fold(lower))) opts.push({ id: this.lm.id(s), word: s, cost: 0, keep: false });
    } else {
      for (const c of this.channel.candidates(lower, this.weights.candidateMaxCost, this.weights.candidateBeam, this.weights.candidatePool)) opts.push({ id: this.lm.id(c.word), word: c.word, cost: c.cost, keep: false });
    }
    // Keep the candidates most likely a priori (channel and unigram): many spellings share one
    // channel cost (`can` → càn can cạn cần … cán), so cutting by channel cost alone loses `cán`.
    if (opts.length > 1) {
      const lmW = this.weights.lm * LN10;
      const prior = (o: Option) => o.cost - lmW * this.lm.unigram(o.id);
      opts.sort((a, b) => prior(a) - prior(b) || (a.word < b.word ? -1 : 1));
      const floor = prior(opts[0]!) + this.weights.candidatePriorBeam;
      let n = Math.min(opts.length, this.weights.candidates);
      while (n > 1 && prior(opts[n - 1]!) > floor) n--;
      opts.length = n;
    }
    if (!valid) opts.push({ id: this.syllableId(word), word, cost: this.weights.keep + this.weights.keepPerChar * word.length, keep: true });
    else if (!opts.some((o) => o.word === canonical(lower))) opts.push({ id: this.syllableId(word), word: canonical(lower), cost: 0, keep: false });
    return opts;
  }

  // scratch buffers of the decoder, grown on demand and reused across calls
  private cellScore = new Float64Array(256);
  private cellParent = new Int32Array(256);
  private bigramAt = new Int32Array(256);
  private order = new Int32Array(256);

  /**
   * Beam search over the items; returns the chosen option index for each item (-1 for fixed
   * ones). Hypotheses are recombined on their trigram state: the state after choosing option c
   * is (previous option, c), a cell of a small table, so there are no maps and no allocation per
   * token. The bigram (previous word, option) is looked up at most once per (previous option,
   * option), when the trigram is not stored, and serves again as the next step's trigram context.
   */
  private decode(items: Item[]): Int32Array {
    const { beam, beamDelta } = this.weights;
    const lmW = this.weights.lm * LN10;
    const lm = this.lm;
    const n = items.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    const parentAt = new Int32Array(n * beam);
    const choiceAt = new Int32Array(n * beam);
    // a hypothesis: its last word (hv), the handle of its last two words as a trigram context
    // (hci, -1 after <s> or when not stored), its last option (hc) and its score (hs)
    let hci = new Int32Array(beam);
    let hv = new Int32Array(beam);
    let hc = new Int32Array(beam);
    let hs = new Float64Array(beam);
    let nci = new Int32Array(beam);
    let nv = new Int32Array(beam);
    let nc = new Int32Array(beam);
    let ns = new Float64Array(beam);
    let nh = 1;
    hci[0] = -1;
    hv[0] = BOS;
    let prevOpts = 1;
    const rowStarted = new Uint8Array(256);
    // the rows (previous options) some hypothesis reached this step: the only cells with a score
    const started = new Int32Array(beam);
    const fixedIds = new Int32Array(1);
    const zeroCost = new Float64Array(1);
    const fixedReach = new Float64Array(1);
    for (let t = 0; t < n; t++) {
      const item = items[t]!;
      let resetFrom = -1;
      if (item.reset && t > 0) {
        // a new paragraph: continue from <s> after the best hypothesis only
        let b = 0;
        for (let h = 1; h < nh; h++) if (hs[h]! > hs[b]!) b = h;
        resetFrom = b;
        hs[0] = hs[b]!;
        nh = 1;
        prevOpts = 1;
      }
      if (item.reset) {
        hci[0] = -1;
        hv[0] = BOS;
        hc[0] = 0;
      }
      const opts = item.options;
      if (!opts) {
        fixedIds[0] = item.fixed ?? UNK;
        fixedReach[0] = lmW * lm.maxLogProb(fixedIds[0]);
      }
      const nC = opts ? opts.list.length : 1;
      const ids = opts ? opts.ids : fixedIds;
      const costs = opts ? opts.costs : zeroCost;
      const reach = opts ? opts.reach : fixedReach;
      const cells = prevOpts * nC;
      if (cells > this.cellScore.length) {
        const size = 2 * cells;
        this.cellScore = new Float64Array(size);
        this.cellParent = new Int32Array(size);
        this.bigramAt = new Int32Array(size);
        this.order = new Int32Array(size);
      }
      const cellScore = this.cellScore;
      const cellParent = this.cellParent;
      const bigramAt = this.bigramAt;
      if (prevOpts > rowStarted.length) throw new Error('too many options for one token');
      let nStarted = 0;
      let maxReach = -Infinity;
      for (let c = 0; c < nC; c++) if (reach[c]! > maxReach) maxReach = reach[c]!;
      // A cell scores at most base + reach (the LM's bound on the option's log probability, less
      // its cost). Once that is below the best score so far minus beamDelta, the cell cannot
      // survive this step: its LM lookups are skipped. Hypotheses come best first, so the first
      // one that cannot reach ends the loop. (SLACK: the bound adds in another order than the
      // score, and must not lose to it by a rounding.)
      let top = -Infinity;
      for (let h = 0; h < nh; h++) {
        const base = hs[h]!;
        if (base + maxReach + SLACK < top - beamDelta) break;
        const p = hc[h]!;
        const v = hv[h]!;
        const row = p * nC;
        if (!rowStarted[p]) {
          rowStarted[p] = 1;
          started[nStarted++] = p;
          cellScore.fill(-Infinity, row, row + nC);
          bigramAt.fill(UNSEEN, row, row + nC); // looked up when a cell needs it
        }
        const ci = hci[h]!;
        const tri = lm.hasTrigrams(ci);
        const backoff = lm.contextBackoff(ci);
        for (let c = 0; c < nC; c++) {
          if (base + reach[c]! + SLACK < top - beamDelta) continue;
          let lp = tri ? lm.trigramLogProb(ci, ids[c]!) : NaN;
          if (lp !== lp) {
            let bi = bigramAt[row + c]!;
            if (bi === UNSEEN) bi = bigramAt[row + c] = lm.bigramIndex(v, ids[c]!);
            lp = backoff + lm.bigramLogProbAt(bi, v, ids[c]!);
          }
          const score = base + lmW * lp - costs[c]!;
          if (score > cellScore[row + c]!) {
            cellScore[row + c] = score;
            cellParent[row + c] = h;
          }
          if (score > top) top = score;
        }
      }
      // keep the best `beam` cells within beamDelta of the top, best first (cells in table order,
      // so that ties go the same way whichever rows were reached; the others score -Infinity)
      for (let a = 1; a < nStarted; a++) {
        const p = started[a]!;
        let at = a;
        while (at > 0 && started[at - 1]! > p) {
          started[at] = started[at - 1]!;
          at--;
        }
        started[at] = p;
      }
      const floor = top - beamDelta;
      const order = this.order;
      let kept = 0;
      for (let r = 0; r < nStarted; r++) {
        const p = started[r]!;
        rowStarted[p] = 0;
        for (let k = p * nC, end = k + nC; k < end; k++) {
          const sc = cellScore[k]!;
          if (sc < floor || sc === -Infinity) continue;
          if (kept === beam && sc <= cellScore[order[kept - 1]!]!) continue;
          let at = kept < beam ? kept++ : kept - 1;
          while (at > 0 && cellScore[order[at - 1]!]! < sc) {
            order[at] = order[at - 1]!;
            at--;
          }
          order[at] = k;
        }
      }
      for (let k = 0; k < kept; k++) {
        const cell = order[k]!;
        const c = cell % nC;
        const h = cellParent[cell]!;
        // the next context: the bigram (v, w) this cell may have looked up already
        const bi = bigramAt[cell]!;
        nci[k] = bi !== UNSEEN ? bi : lm.bigramIndex(hv[h]!, ids[c]!);
        nv[k] = ids[c]!;
        nc[k] = c;
        ns[k] = cellScore[cell]!;
        parentAt[t * beam + k] = resetFrom >= 0 ? resetFrom : h;
        choiceAt[t * beam + k] = opts ? c : -1;
      }
      [hci, nci] = [nci, hci];
      [hv, nv] = [nv, hv];
      [hc, nc] = [nc, hc];
      [hs, ns] = [ns, hs];
      nh = kept;
      prevOpts = nC;
    }
    let h = 0;
    for (let k = 1; k < nh; k++) if (hs[k]! > hs[h]!) h = k;
    for (let t = n - 1; t >= 0; t--) {
      out[t] = choiceAt[t * beam + h]!;
      h = parentAt[t * beam + h]!;
    }
    return out;
  }

  private localScores = new Float64Array(64);
  /** Confidences kept in the option lists' maps, in all: bounded like the other per-token caches. */
  private confidencesKept = 0;

  /**
   * Confidence of the option chosen at item i: its softmax share among the item's options, each
   * scored by its channel cost and the three trigrams it takes part in, the neighbours fixed to
   * the decoded words. Context handles shared by all options are looked up once, and the result
   * is kept with the token's options (a report repeats its phrases: on the four dev-set reports
   * a quarter of the confidences had been worked out before).
   */
  private confidence(items: Item[], ids: Int32Array, i: number, chosen: number): Confidence {
    const optionList = items[i]!.options!;
    const n = items.length;
    // the same contexts as the decoder, which restarts at <s> on every paragraph
    const a = items[i]!.reset ? -1 : items[i - 1]!.reset ? BOS : ids[i - 2]!;
    const b = items[i]!.reset ? BOS : ids[i - 1]!;
    const n1 = i + 1 < n && !items[i + 1]!.reset ? ids[i + 1]! : -1;
    const n2 = n1 >= 0 && i + 2 < n && !items[i + 2]!.reset ? ids[i + 2]! : -1;
    // (a pure function of these: the weights are the restorer's) by the chosen option, then the
    // four words as one number while that is exact, else as text
    const s = this.lm.vocab.length + 1;
    const key = s <= EXACT_KEY_BASE ? (((a + 1) * s + b + 1) * s + n1 + 1) * s + n2 + 1 : `${a} ${b} ${n1} ${n2}`;
    let known = optionList.confidences?.[chosen]?.get(key);
    if (known === undefined) {
      known = this.computeConfidence(optionList.list, a, b, n1, n2, chosen);
      if (this.confidencesKept < CONFIDENCE_CACHE_SIZE) {
        ((optionList.confidences ??= [])[chosen] ??= new Map()).set(key, known);
        this.confidencesKept++;
      }
    }
    return known;
  }

  private computeConfidence(opts: Option[], a: number, b: number, n1: number, n2: number, chosen: number): Confidence {
    const lm = this.lm;
    const lmW = this.weights.lm * LN10;
    const ciAB = a >= 0 ? lm.bigramIndex(a, b) : -1;
    const backAB = lm.contextBackoff(ciAB);
    const bigramN1N2 = n2 >= 0 ? lm.bigramLogProb(n1, n2) : 0;
    if (opts.length > this.localScores.length) this.localScores = new Float64Array(2 * opts.length);
    const local = this.localScores;
    // options are ranked a priori; past the first CONFIDENCE_OPTIONS their share is negligible
    const count = Math.min(opts.length, CONFIDENCE_OPTIONS);
    let max = -Infinity;
    for (let c = 0; c < opts.length; c++) {
      if (c >= count && c !== chosen) {
        local[c] = -Infinity;
        continue;
      }
      const w = opts[c]!.id;
      // (b, w) and (w, n1) are each found once and serve as bigram and as trigram context
      const bw = lm.bigramIndex(b, w);
      let lp = lm.trigramLogProb(ciAB, w);
      if (lp !== lp) lp = backAB + lm.bigramLogProbAt(bw, b, w);
      if (n1 >= 0) {
        const wn = lm.bigramIndex(w, n1);
        let l2 = lm.trigramLogProb(bw, n1);
        if (l2 !== l2) l2 = lm.contextBackoff(bw) + lm.bigramLogProbAt(wn, w, n1);
        lp += l2;
        if (n2 >= 0) {
          let l3 = lm.trigramLogProb(wn, n2);
          if (l3 !== l3) l3 = lm.contextBackoff(wn) + bigramN1N2;
          lp += l3;
        }
      }
      const s = lmW * lp - opts[c]!.cost;
      local[c] = s;
      if (s > max) max = s;
    }
    let z = 0;
    let runner = -1;
    for (let c = 0; c < opts.length; c++) {
      z += Math.exp(local[c]! - max);
      if (c !== chosen && (runner < 0 || local[c]! > local[runner]!)) runner = c;
    }
    return { runner, confidence: Math.exp(local[chosen]! - max) / z };
  }

  /**
   * Every copy of a place name read with confidence after its kind word reads the same (names.ts): the other
   * copies take its syllables where their options have them.
   */
  private keepNamesConsistent(items: Item[], chosen: Int32Array, places: PlaceNames): void {
    const words: NameWord[] = items.map((it, i) => {
      const o = it.options?.list[chosen[i]!];
      const word = it.part || it.forced !== undefined || (!o && it.piece.kind !== 'word') ? null : o && !o.keep ? o.word : this.facts(it.piece.text).lower;
      return { word, written: it.piece.text, reset: it.reset };
    });
    let ids: Int32Array | null = null;
    const confident = (i: number) => {
      const it = items[i]!;
      if (!it.options || it.options.list.length < 2) return true;
      ids ??= idsOf(items, chosen);
      return this.confidence(items, ids, i, chosen[i]!).confidence >= LOW_CONFIDENCE;
    };
    for (const { at, syllable } of places.rewrites(words, confident)) {
      const c = items[at]!.options?.list.findIndex((o) => !o.keep && o.word === syllable) ?? -1;
      if (c >= 0) chosen[at] = c;
    }
  }

  private readonly dustSeq = new Int32Array(32);
  private readonly dustCache = new Map<string, { word: string; id: number; cost: number; stop: boolean }[]>();
  private dustSyllables: string[] | undefined;

  /** The syllables a dusty chunk (its part after an opening sign, lower case) may stand for, with and without its final stop. */
  private dustReadings(read: string, stop: string): { word: string; id: number; cost: number; stop: boolean }[] {
    const key = `${read}\u0000${stop}`;
    let out = this.dustCache.get(key);
    if (out) return out;
    this.dustSyllables ??= this.lm.vocab.slice(SPECIALS.length, SPECIALS.length + this.lm.syllableCount);
    const w = this.weights;
    // (the syllables are the model's words from SPECIALS.length on)
    const all = dustCandidates(read, this.dustSyllables, w.dustMaxCost).map((c) => ({ word: c.word, id: SPECIALS.length + c.index, cost: c.cost, stop: false }));
    if (stop) for (const c of dustCandidates(read.slice(0, -stop.length), this.dustSyllables, w.dustMaxCost)) all.push({ word: c.word, id: SPECIALS.length + c.index, cost: c.cost, stop: true });
    all.sort((a, b) => a.cost - b.cost);
    out = all.slice(0, w.dustCandidates);
    if (this.dustCache.size < OPTION_CACHE_SIZE) this.dustCache.set(key, out);
    return out;
  }

  /**
   * Chunks of OCR text with toner dust in or against a word (`lớ::`, `trê*'`, `:an`), and words in
   * small letters that are no syllable (`phưòr:`): each is read as the syllable (and its stop)
   * the language model and the edits' costs like best, the words decoded around it fixed, when
   * that reading's share against the others and the chunk as decoded is at least `dustConfidence`.
   */
  private repairDust(text: string, ps: Piece[], items: Item[], chosen: Int32Array): void {
    const chunks = dustyChunks(ps, text, (w) => {
      const f = this.facts(w);
      return f.syllable && f.letters;
    });
    if (chunks.length === 0) return;
    const ids = idsOf(items, chosen);
    const lmW = this.weights.lm * LN10;
    const n = items.length;
    for (const c of chunks) {
      let plain = true;
      for (let k = c.first; k <= c.last; k++) if (items[k]!.forced !== undefined || items[k]!.part || items[k]!.dust) plain = false;
      if (!plain) continue;
      const readings = this.dustReadings(c.read.toLowerCase(), c.stop);
      if (readings.length === 0) continue;
      const i = c.first;
      const a = items[i]!.reset ? -1 : items[i - 1]!.reset ? BOS : i >= 2 ? ids[i - 2]! : -1;
      const b = items[i]!.reset ? BOS : ids[i - 1]!;
      const n1 = c.last + 1 < n && !items[c.last + 1]!.reset ? ids[c.last + 1]! : -1;
      const n2 = n1 >= 0 && c.last + 2 < n && !items[c.last + 2]!.reset ? ids[c.last + 2]! : -1;
      // the words of a reading between the two words before and the two after, in a buffer: a chunk may have a thousand readings
      const seq = this.dustSeq;
      seq[0] = a;
      seq[1] = b;
      const score = (length: number) => {
        let m = 2 + length;
        if (n1 >= 0) seq[m++] = n1;
        if (n2 >= 0) seq[m++] = n2;
        let lp = 0;
        for (let k = 2; k < m; k++) lp += this.lm.logProb(seq[k - 2]!, seq[k - 1]!, seq[k]!);
        return lmW * lp;
      };
      const scores = new Float64Array(readings.length);
      let top = -Infinity;
      for (let k = 0; k < readings.length; k++) {
        const r = readings[k]!;
        // (a reading that cannot come within DUST_NEGLIGIBLE of the best so far has no share worth its lookups)
        if (lmW * this.lm.maxLogProb(r.id) - r.cost < top - DUST_NEGLIGIBLE) {
          scores[k] = -Infinity;
          continue;
        }
        let m = 2;
        if (c.open) seq[m++] = PUNCT;
        seq[m++] = r.id;
        if (r.stop) seq[m++] = PUNCT;
        scores[k] = score(m - 2) - r.cost;
        if (scores[k]! > top) top = scores[k]!;
      }
      const keptLength = Math.min(c.last - c.first + 1, seq.length - 4);
      for (let k = 0; k < keptLength; k++) seq[2 + k] = ids[c.first + k]!;
      const kept = score(keptLength);
      let best = 0;
      for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
      const max = Math.max(kept, scores[best]!);
      let z = Math.exp(kept - max);
      let runner = -1;
      for (let k = 0; k < scores.length; k++) {
        z += Math.exp(scores[k]! - max);
        if (k !== best && (runner < 0 || scores[k]! > scores[runner]!)) runner = k;
      }
      const confidence = Math.exp(scores[best]! - max) / z;
      const wordText = text.slice(ps[c.word]!.start, ps[c.word]!.end);
      const write = (k: number) => c.open + applyCase(readings[k]!.word, caseShape(wordText)) + (readings[k]!.stop ? c.stop : '');
      if (confidence < (c.syllable ? this.weights.dustStopConfidence : this.weights.dustConfidence)) continue;
      items[i]!.dust = { end: ps[c.last]!.end, text: write(best), runnerUp: runner >= 0 ? write(runner) : null, confidence, skip: c.last - c.first };
    }
  }

  /** What an item with options writes for its chosen option (its part of the piece, for a cut token). */
  private output(it: Item, c: number): string {
    const text = it.part ? it.part.text : it.piece.text;
    const o = it.options!.list[c]!;
    return o.keep ? text : applyCase(o.word, ocrCaseShape(text, o.word));
  }

  /** The edits of the decoded items, in text order, and (when `listChanges`) each change with its confidence. */
  private edits(text: string, items: Item[], chosen: Int32Array, listChanges: boolean): { edits: Edit[]; changes: TokenChange[] } {
    const ids = idsOf(items, chosen);
    const edits: Edit[] = [];
    const changes: TokenChange[] = [];
    let delta = 0; // how much longer the restored text is so far: edits come in text order
    const change = (piece: Piece, chosen: string, runnerUp: string | null, confidence: number) => {
      edits.push({ start: piece.start, end: piece.end, replacement: chosen });
      if (!listChanges) return;
      const start = piece.start + delta;
      delta += chosen.length - (piece.end - piece.start);
      changes.push({ span: { start, end: start + chosen.length }, original: piece.text, chosen, runnerUp, confidence });
    };
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const original = it.piece.text;
      if (it.dust) {
        const d = it.dust;
        change({ ...it.piece, end: d.end, text: text.slice(it.piece.start, d.end) }, d.text, d.runnerUp, d.confidence);
        i += d.skip;
        continue;
      }
      if (it.forced !== undefined) {
        change(it.piece, it.forced, original, 1);
        continue;
      }
      if (!it.options) continue;
      if (it.part) {
        // a token cut in two: one edit over the whole piece, the two words with a space
        const next = items[i + 1]!;
        const out = `${this.output(it, chosen[i]!)} ${this.output(next, chosen[i + 1]!)}`;
        const confidence = !listChanges ? NaN : Math.min(this.confidence(items, ids, i, chosen[i]!).confidence, this.confidence(items, ids, i + 1, chosen[i + 1]!).confidence);
        change(it.piece, out, original, confidence);
        i++;
        continue;
      }
      const o = it.options.list[chosen[i]!]!;
      if (o.keep || o.word === original) continue; // (the common case: a word kept as written)
      const out = this.output(it, chosen[i]!);
      // (a tone repair that kept the syllable keeps its spelling too: `Uỷ` is `Ủy`, written the old way)
      if (out === original || (it.tone && canonical(out) === canonical(original))) continue;
      if (!listChanges && !it.tone) {
        change(it.piece, out, null, NaN);
        continue;
      }
      const { runner, confidence } = this.confidence(items, ids, i, chosen[i]!);
      if (it.tone && confidence < this.weights.toneConfidence) continue;
      change(it.piece, out, listChanges && runner >= 0 ? this.output(it, runner) : null, confidence);
    }
    return { edits, changes };
  }
}

/** The model id of each item's word as decoded: its chosen option's, or the id it is fixed to. */
function idsOf(items: readonly Item[], chosen: Int32Array): Int32Array {
  const ids = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    ids[i] = it.options ? it.options.ids[chosen[i]!]! : it.fixed ?? UNK;
  }
  return ids;
}

/** An item with every field from the start: one object shape for the decoder's loop. */
function newItem(piece: Piece, reset: boolean): Item {
  return { piece, reset, fixed: undefined, forced: undefined, options: undefined, part: undefined, tone: undefined, dust: undefined };
}

/** `,` or `;` touching a syllable on its left and a word of small letters on its right: a space lost. */
function commaBetweenWords(ps: readonly Piece[], facts: readonly (WordFacts | null)[], i: number): boolean {
  const p = ps[i]!;
  const a = ps[i - 1];
  const b = ps[i + 1];
  return (p.text === ',' || p.text === ';') && a !== undefined && b !== undefined && a.kind === 'word' && b.kind === 'word' && a.end === p.start && b.start === p.end && facts[i - 1]!.syllable && facts[i - 1]!.letters && facts[i + 1]!.letters && LOWER_START_RE.test(b.text);
}

/** The model id of the word just before piece i on its line (PUNCT for a sign), or -1 at a line's start. */
function wordBefore(ps: readonly Piece[], facts: readonly (WordFacts | null)[], i: number): number {
  const p = ps[i - 1];
  if (p === undefined || ps[i]!.lineStart) return -1;
  return p.kind === 'word' ? facts[i - 1]!.id : p.kind === 'punct' ? PUNCT : p.kind === 'number' ? NUM : UNK;
}

/** A letter closed by `)`: a list marker (`a)`, `đ)`), wherever a hard wrap put it. */
/** `- Lưu: VT, TTHC.`: the archive line that closes an official document, a list of codes. */
const ARCHIVE_LINE_RE = /^[\s*_-]*Lưu\s*:/;

/**
 * Whether piece i stands where a short code is expected: a document symbol's type between `/` and
 * `-` (`02/2017/TT-VPCP`), or the archive line (`Lưu: VT, …`).
 */
function codePlace(text: string, ps: Piece[], i: number): boolean {
  if (ps[i - 1]?.text === '/' && ps[i + 1]?.text === '-') return true;
  const lineStart = text.lastIndexOf('\n', ps[i]!.start) + 1;
  return ARCHIVE_LINE_RE.test(text.slice(lineStart, ps[i]!.start));
}

function listMarker(ps: Piece[], i: number): boolean {
  const p = ps[i]!;
  const next = ps[i + 1];
  return p.text.length === 1 && next !== undefined && next.kind === 'punct' && next.start === p.end && next.text.startsWith(')');
}

/** `IoT`, `PoC`: a capital, one or two small letters, capitals. */
const MIXED_CAPS_RE = /^\p{Lu}\p{Ll}{1,2}\p{Lu}+$/u;
const LOWER_START_RE = /^\p{Ll}/u;

/**
 * An all-capital token in a run of at most two such tokens, next to a word in small letters on the
 * same line (`ứng dụng AI`, `các DN`, `Lưu: VT, KT`): an acronym. A header (`PAC KHU CAT HAI`,
 * `QUYET DINH` on a line of its own) is a longer run or has no such neighbour, and is repaired.
 */
function acronymAmongWords(ps: Piece[], i: number, r: { isCapitals(w: string): boolean }): boolean {
  const capsWord = (p: Piece) => p.kind === 'code' || (p.kind === 'word' && p.text.length > 0 && r.isCapitals(p.text));
  let run = 1;
  let lower = false;
  // look left and right across punctuation, within the line
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < ps.length; j += dir) {
      const q = ps[j]!;
      if (dir === -1 ? ps[j + 1]!.lineStart : q.lineStart) break;
      if (q.kind === 'punct' || q.kind === 'number') continue;
      if (capsWord(q)) {
        if (++run > 2) return false;
        continue;
      }
      if (q.kind === 'word' && LOWER_START_RE.test(q.text)) lower = true;
      break;
    }
  }
  return lower;
}

/** Words on both sides, one space apart (`Quan 6 xa`), not a figure in a list or table. */
function betweenWords(ps: Piece[], i: number): boolean {
  const a = ps[i - 1];
  const b = ps[i + 1];
  const p = ps[i]!;
  return a !== undefined && b !== undefined && a.kind === 'word' && b.kind === 'word' && p.start - a.end === 1 && b.start - p.end === 1 && !p.lineStart && !b.lineStart && LOWER_START_RE.test(b.text);
}

/** `S6:` opening a line: the label `Số:` of a document number (the number itself may be lost). */
function labelAtLineStart(ps: Piece[], i: number): boolean {
  const next = ps[i + 1];
  return ps[i]!.lineStart === true && next !== undefined && next.kind === 'punct' && next.start === ps[i]!.end && next.text.startsWith(':');
}

/** A number comes next (`s6 1037/…`, `$6:120`), past at most one `:` or `.`. */
function numberFollows(ps: Piece[], i: number): boolean {
  let next = ps[i + 1];
  if (next && next.kind === 'punct' && /^[:.]$/.test(next.text) && next.start === ps[i]!.end) next = ps[i + 2];
  return next !== undefined && (next.kind === 'number' || (next.kind === 'protected' && /^\d/.test(next.text)));
}

/**
 * The case an OCR token asks for. Signs OCR puts for a capital (`$6` for `Số`) make it title case;
 * a capital I read for a small l (`xu Iy` for `xử lý`) does not.
 */
function ocrCaseShape(token: string, word: string): CaseShape {
  if (token.startsWith('$')) return 'title';
  if (token.length > 1 && token[0] === 'I' && word[0] === 'l' && token.slice(1) === token.slice(1).toLowerCase()) return 'lower';
  return caseShape(token);
}
