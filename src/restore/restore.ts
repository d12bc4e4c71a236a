/**
 * Diacritic restoration: candidates from the OCR channel, chosen by beam search under the
 * syllable language model, applied as edits of the source-mapped text.
 */
import type { Span } from '../text/source-text.js';
import { SourceText } from '../text/source-text.js';
import { Channel, type ConfusionCounts } from './channel.js';
import { BOS, NUM, PUNCT, SPECIALS, UNK, type LanguageModel } from './lm.js';
import { repairBeforeNumber, repairCode, isCode } from './symbols.js';
import { pieces, type Piece } from './tokens.js';
import { applyCase, canonical, caseShape, fold, hasMarks, hasVietnameseOnlyLetters } from './vietnamese.js';

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
  /** Candidates per token taken from the channel before the a-priori cut to `candidates`. */
  candidatePool: number;
}

const DEFAULT_WEIGHTS: Weights = { lm: 1, keep: 4, keepPerChar: 1.5, beam: 10, beamDelta: 9, candidates: 12, candidateBeam: 9, candidatePool: 40 };
const LN10 = Math.LN10;
const LETTERS_RE = /^\p{L}+$/u;
const PARAGRAPH_RE = /\n[ \t\r]*\n/;

interface Option {
  id: number;
  word: string; // lower-case canonical syllable, or the token as written for "keep"
  cost: number;
  keep?: boolean;
}

interface Item {
  piece: Piece;
  reset: boolean;
  fixed?: number;
  /** A repair that is not up to the language model (symbol codes, số before a number). */
  forced?: string;
  options?: Option[];
}

export class Restorer {
  readonly channel: Channel;
  private readonly syllableIds: Set<number>;
  private readonly bestOfFold = new Map<string, string>();
  private readonly weights: Weights;

  constructor(
    readonly lm: LanguageModel,
    confusions: ConfusionCounts,
    weights: Partial<Weights> = {},
  ) {
    const syllables = lm.vocab.slice(SPECIALS.length);
    this.channel = new Channel(syllables, confusions);
    this.syllableIds = new Set(syllables.map((_, i) => i + SPECIALS.length));
    this.weights = { ...DEFAULT_WEIGHTS, ...weights };
    const best = new Map<string, number>();
    for (const s of syllables) {
      const f = fold(s);
      const p = lm.unigram(lm.id(s));
      if (p > (best.get(f) ?? -Infinity)) {
        best.set(f, p);
        this.bestOfFold.set(f, s);
      }
    }
  }

  /** The model id of a token read as a syllable, or UNK. */
  syllableId(token: string): number {
    return this.lm.id(canonical(token.toLowerCase()));
  }

  isSyllable(token: string): boolean {
    return this.syllableIds.has(this.syllableId(token));
  }

  detectDamage(text: string): DamageReport {
    let tokens = 0;
    let invalid = 0;
    let unmarked = 0;
    for (const p of pieces(text)) {
      if (p.kind !== 'word' || isCode(p.text) || (p.text.length > 1 && p.text === p.text.toUpperCase() && !this.isSyllable(p.text))) continue;
      tokens++;
      if (!LETTERS_RE.test(p.text) || !this.isSyllable(p.text)) invalid++;
      else if (!hasMarks(p.text) && hasMarks(this.bestOfFold.get(fold(p.text)) ?? '')) unmarked++;
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
    const damage = this.detectDamage(text.text);
    const mode = options.mode ?? (damage.damaged ? 'full' : 'light');
    const ps = pieces(text.text);
    // Text with no marks at all had them stripped: every spelling of the same letters is equally likely.
    let marked = 0;
    let words = 0;
    for (const p of ps) if (p.kind === 'word') {
      words++;
      if (hasMarks(p.text) || !LETTERS_RE.test(p.text)) marked++;
    }
    const stripped = words > 0 && marked / words < 0.01;
    const items = this.items(text.text, ps, mode, stripped);
    const chosen = this.decode(items);
    return this.apply(text, items, chosen, damage);
  }

  private items(text: string, ps: Piece[], mode: 'full' | 'light', stripped: boolean): Item[] {
    const items: Item[] = [];
    let prevEnd = 0;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const reset = i === 0 || PARAGRAPH_RE.test(text.slice(prevEnd, p.start));
      prevEnd = p.end;
      const item: Item = { piece: p, reset };
      items.push(item);
      if (p.kind === 'punct') item.fixed = PUNCT;
      else if (p.kind === 'number') item.fixed = NUM;
      else if (p.kind === 'protected') item.fixed = UNK;
      else if (p.kind === 'code') {
        item.fixed = UNK;
        const r = repairCode(p.text);
        if (r !== null && r !== p.text) item.forced = r;
      } else {
        const word = p.text;
        const valid = this.isSyllable(word) && LETTERS_RE.test(word);
        if (!valid && word.length > 1 && word === word.toUpperCase() && LETTERS_RE.test(word)) {
          const r = repairCode(word);
          if (r !== null) {
            item.fixed = UNK;
            if (r !== word) item.forced = r;
            continue;
          }
        }
        const so = repairBeforeNumber(word);
        if (so !== null && !valid && numberFollows(ps, i)) {
          item.fixed = this.lm.id(so);
          item.forced = applyCase(so, word.startsWith('$') ? 'title' : caseShape(word));
          continue;
        }
        if (valid && (mode === 'light' || hasVietnameseOnlyLetters(word))) {
          item.fixed = this.syllableId(word);
          continue;
        }
        if (isCode(word)) {
          item.fixed = UNK;
          continue;
        }
        item.options = this.options(word, valid, stripped);
      }
    }
    return items;
  }

  private readonly optionCache = new Map<string, Option[]>();

  /** The options of a token; cached (they depend only on the token and the kind of text). */
  private options(word: string, valid: boolean, stripped: boolean): Option[] {
    const key = (stripped ? 's' : 'o') + word;
    let opts = this.optionCache.get(key);
    if (!opts) {
      opts = this.computeOptions(word, valid, stripped);
      if (this.optionCache.size < 100_000) this.optionCache.set(key, opts);
    }
    return opts;
  }

  private computeOptions(word: string, valid: boolean, stripped: boolean): Option[] {
    const lower = word.toLowerCase();
    const opts: Option[] = [];
    if (stripped && LETTERS_RE.test(word)) {
      for (const s of this.channel.sameFold(fold(lower))) opts.push({ id: this.lm.id(s), word: s, cost: 0 });
    } else {
      for (const c of this.channel.candidates(lower, 14, this.weights.candidateBeam, this.weights.candidatePool)) opts.push({ id: this.lm.id(c.word), word: c.word, cost: c.cost });
    }
    // Keep the candidates most likely a priori (channel and unigram): many spellings share one
    // channel cost (`can` → càn can cạn cần … cán), so cutting by channel cost alone loses `cán`.
    if (opts.length > this.weights.candidates) {
      const lmW = this.weights.lm * LN10;
      const prior = (o: Option) => o.cost - lmW * this.lm.unigram(o.id);
      opts.sort((a, b) => prior(a) - prior(b) || (a.word < b.word ? -1 : 1));
      opts.length = this.weights.candidates;
    }
    if (!valid) opts.push({ id: UNK, word, cost: this.weights.keep + this.weights.keepPerChar * word.length, keep: true });
    else if (!opts.some((o) => o.word === canonical(lower))) opts.push({ id: this.syllableId(word), word: canonical(lower), cost: 0 });
    return opts;
  }

  /** Beam search over the items; returns the chosen option index for each item (-1 for fixed ones). */
  private decode(items: Item[]): Int32Array {
    const { beam } = this.weights;
    const lmW = this.weights.lm * LN10;
    const V = this.lm.vocab.length;
    const steps: { parent: Int32Array; choice: Int32Array }[] = [];
    let us = [-1];
    let vs = [BOS];
    let scores = [0];
    for (const item of items) {
      if (item.reset) {
        // a new paragraph: every hypothesis continues from <s>; keep only the best
        let b = 0;
        for (let h = 1; h < scores.length; h++) if (scores[h]! > scores[b]!) b = h;
        steps.push({ parent: Int32Array.of(b), choice: Int32Array.of(-1) });
        us = [-1];
        vs = [BOS];
        scores = [scores[b]!];
      }
      const opts: Option[] = item.options ?? [{ id: item.fixed ?? UNK, word: '', cost: 0 }];
      const keys: number[] = []; // state (v, w) of each new hypothesis
      const nu: number[] = [];
      const nv: number[] = [];
      const ns: number[] = [];
      const parent: number[] = [];
      const choice: number[] = [];
      for (let h = 0; h < scores.length; h++) {
        for (let c = 0; c < opts.length; c++) {
          const o = opts[c]!;
          const s = scores[h]! + lmW * this.lm.logProb(us[h]!, vs[h]!, o.id) - o.cost;
          const key = vs[h]! * V + o.id;
          const at = keys.indexOf(key);
          if (at < 0) {
            keys.push(key);
            nu.push(vs[h]!);
            nv.push(o.id);
            ns.push(s);
            parent.push(h);
            choice.push(item.options ? c : -1);
          } else if (s > ns[at]!) {
            ns[at] = s;
            parent[at] = h;
            choice[at] = item.options ? c : -1;
          }
        }
      }
      let top = -Infinity;
      for (const x of ns) if (x > top) top = x;
      let order = ns.map((_, i) => i).filter((i) => ns[i]! >= top - this.weights.beamDelta);
      if (order.length > beam) order = order.sort((a, b) => ns[b]! - ns[a]!).slice(0, beam);
      steps.push({ parent: Int32Array.from(order, (i) => parent[i]!), choice: Int32Array.from(order, (i) => choice[i]!) });
      us = order.map((i) => nu[i]!);
      vs = order.map((i) => nv[i]!);
      scores = order.map((i) => ns[i]!);
    }
    // backtrack
    let h = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[h]!) h = k;
    const chosenPerStep: number[] = new Array(steps.length);
    for (let s = steps.length - 1; s >= 0; s--) {
      chosenPerStep[s] = steps[s]!.choice[h]!;
      h = steps[s]!.parent[h]!;
    }
    const out = new Int32Array(items.length);
    let s = 0;
    for (let i = 0; i < items.length; i++) {
      if (items[i]!.reset) s++; // the reset step
      out[i] = chosenPerStep[s++]!;
    }
    return out;
  }

  private apply(text: SourceText, items: Item[], chosen: Int32Array, damage: DamageReport): RestoreResult {
    const ids = items.map((it, i) => (it.options ? it.options[chosen[i]!]!.id : it.fixed ?? UNK));
    const edits: { start: number; end: number; replacement: string; change: Omit<TokenChange, 'span'> }[] = [];
    const lmW = this.weights.lm * LN10;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const original = it.piece.text;
      if (it.forced !== undefined) {
        edits.push({ start: it.piece.start, end: it.piece.end, replacement: it.forced, change: { original, chosen: it.forced, runnerUp: original, confidence: 1 } });
        continue;
      }
      if (!it.options) continue;
      const o = it.options[chosen[i]!]!;
      const out = o.keep ? original : applyCase(o.word, original.startsWith('$') ? 'title' : caseShape(original));
      if (out === original) continue;
      // confidence: the chosen option against the others in the decoded context
      const ctx = (k: number) => (k < 0 ? BOS : ids[k]!);
      const local = it.options.map((alt) => {
        const a = ctx(i - 2);
        const b = ctx(i - 1);
        let s = -alt.cost + lmW * this.lm.logProb(i >= 2 ? a : -1, b, alt.id);
        if (i + 1 < items.length) s += lmW * this.lm.logProb(b, alt.id, ids[i + 1]!);
        if (i + 2 < items.length) s += lmW * this.lm.logProb(alt.id, ids[i + 1]!, ids[i + 2]!);
        return s;
      });
      const max = Math.max(...local);
      const z = local.reduce((n, s) => n + Math.exp(s - max), 0);
      let runner = -1;
      for (let c = 0; c < local.length; c++) if (c !== chosen[i] && (runner < 0 || local[c]! > local[runner]!)) runner = c;
      const r = runner >= 0 ? it.options[runner]! : null;
      edits.push({
        start: it.piece.start,
        end: it.piece.end,
        replacement: out,
        change: {
          original,
          chosen: out,
          runnerUp: r ? (r.keep ? original : applyCase(r.word, caseShape(original))) : null,
          confidence: Math.exp(local[chosen[i]!]! - max) / z,
        },
      });
    }
    const restored = text.edit(edits);
    let delta = 0;
    const changes: TokenChange[] = edits.map((e) => {
      const start = e.start + delta;
      delta += e.replacement.length - (e.end - e.start);
      return { span: { start, end: start + e.replacement.length }, ...e.change };
    });
    return { text: restored, changes, damage };
  }
}

/** A number comes next (`s6 1037/…`, `$6:120`), past at most one `:` or `.`. */
function numberFollows(ps: Piece[], i: number): boolean {
  let next = ps[i + 1];
  if (next && next.kind === 'punct' && /^[:.]$/.test(next.text) && next.start === ps[i]!.end) next = ps[i + 2];
  return next !== undefined && (next.kind === 'number' || (next.kind === 'protected' && /^\d/.test(next.text)));
}
