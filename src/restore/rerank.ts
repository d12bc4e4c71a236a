/**
 * A second look at the decoder's doubtful choices with the whole text as context (issue 24's
 * re-ranker): a report repeats its two-syllable words (`phường`, `công văn`, `trọng tâm`), and
 * where one copy sits in a context the trigrams read well, it says how the copies in weaker
 * contexts read.
 *
 * Neighbouring words, one of them at least with options, are grouped by their letters (`cong
 * van`). In a group the decoder read more than one way, a pair each of whose words it chose with
 * confidence (the restorer's `TokenChange.confidence`: softmax share among the options, the
 * neighbours fixed) or the text gives as written (marked syllables of OCR) enters the cache. Each pair of the group with a doubtful word
 * (confidence under `ambiguous`) is then chosen again among its reading and the cached readings
 * its options allow, by the same local score (channel costs and the trigrams the two words take
 * part in) plus `pair` × ln of the reading's smoothed share of the cache.
 */
import { BOS, SPECIALS, UNK, type LanguageModel } from './lm.js';
import { fold } from '../vietnamese/letters.js';

export interface RerankItem {
  readonly reset: boolean;
  readonly fixed?: number;
  readonly options?: { readonly ids: Int32Array; readonly costs: Float64Array };
}

export interface CacheWeights {
  /** Confidence both words of a pair need for it to enter the cache. */
  confident: number;
  /** A pair with a word under this confidence is chosen again. */
  ambiguous: number;
  /** Weight (nats per nat) of a reading's share of the cache; 0: no second look. */
  pair: number;
  /** Added to each reading's count in the cache (a reading never seen with confidence keeps a little). */
  smoothing: number;
}

/**
 * A word id's letters (marks and case aside) as a number: the first id seen with those letters.
 * Worked out as ids are met (a text meets a few thousand of the model's words).
 */
class Letters {
  private readonly of: Int32Array;
  private readonly first = new Map<string, number>();
  constructor(private readonly vocab: readonly string[]) {
    this.of = new Int32Array(vocab.length).fill(-1);
  }
  get(id: number): number {
    let l = this.of[id]!;
    if (l < 0) {
      const f = fold(this.vocab[id]!);
      l = this.first.get(f) ?? id;
      this.first.set(f, l);
      this.of[id] = l;
    }
    return l;
  }
}
const lettersCache = new WeakMap<LanguageModel, Letters>();

/**
 * Re-chooses doubtful options of `chosen` in place; returns how many items changed. `lmWeight` is
 * the decoder's weight of a log10 probability in nats (weights.lm × ln 10).
 */
export function rerankWithCache(
  lm: LanguageModel,
  lmWeight: number,
  items: readonly RerankItem[],
  chosen: Int32Array,
  w: CacheWeights,
  /** The restorer's confidence of option c at item i, the words around it as in `ids` (it keeps them by context). */
  confidenceOf: (ids: Int32Array, i: number, c: number) => number,
): number {
  if (w.pair === 0) return 0;
  const n = items.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    ids[i] = it.options ? it.options.ids[chosen[i]!]! : it.fixed ?? UNK;
  }
  const V = lm.vocab.length;
  const isWord = (id: number) => id >= SPECIALS.length;

  // 1. neighbouring words grouped by their letters; only groups read more than one way matter
  let letters = lettersCache.get(lm);
  if (!letters) lettersCache.set(lm, (letters = new Letters(lm.vocab)));
  const groups = new Map<number, number[]>(); // by letters: the positions b of the pairs (b - 1, b)
  for (let b = 1; b < n; b++) {
    const a = b - 1;
    if (items[b]!.reset || !isWord(ids[a]!) || !isWord(ids[b]!) || ((items[a]!.options?.ids.length ?? 1) < 2 && (items[b]!.options?.ids.length ?? 1) < 2)) continue;
    const key = letters.get(ids[a]!) * V + letters.get(ids[b]!);
    const g = groups.get(key);
    if (g) g.push(b);
    else groups.set(key, [b]);
  }

  /** log10 p of the word at j after the two before it (the decoder's contexts: <s> after a reset). */
  const lpAt = (j: number): number => {
    if (items[j]!.reset) return lm.logProb(-1, BOS, ids[j]!);
    return lm.logProb(items[j - 1]!.reset ? BOS : ids[j - 2]!, ids[j - 1]!, ids[j]!);
  };
  /** The LM score of the words at from..to and the two after them, up to a reset. */
  const windowLp = (from: number, to: number): number => {
    let s = 0;
    for (let j = from; j <= Math.min(to + 2, n - 1); j++) {
      if (j > to && items[j]!.reset) break;
      s += lpAt(j);
    }
    return s;
  };
  const confidences = new Float64Array(n).fill(NaN);
  const confidence = (i: number): number => {
    const o = items[i]!.options;
    if (!o || o.ids.length === 1) return 1;
    let c = confidences[i]!;
    if (c !== c) c = confidences[i] = confidenceOf(ids, i, chosen[i]!);
    return c;
  };

  let changed = 0;
  for (const group of groups.values()) {
    const first = ids[group[0]! - 1]! * V + ids[group[0]!]!;
    if (group.every((b) => ids[b - 1]! * V + ids[b]! === first)) continue;
    // 2. the cache: the group's pairs read with confidence
    const cache = new Map<number, number>();
    const doubtful: number[] = [];
    for (const b of group) {
      const ca = confidence(b - 1);
      const cb = confidence(b);
      if (ca >= w.confident && cb >= w.confident) {
        const k = ids[b - 1]! * V + ids[b]!;
        cache.set(k, (cache.get(k) ?? 0) + 1);
      } else if (ca < w.ambiguous || cb < w.ambiguous) doubtful.push(b);
    }
    if (cache.size === 0) continue;
    // 3. each doubtful pair again, among its reading and the cached readings its options allow
    for (const b of doubtful) {
      const a = b - 1;
      const oa = items[a]!.options;
      const ob = items[b]!.options;
      const readings: [x: number, y: number, count: number][] = [];
      let total = 0;
      for (const [k, count] of cache) {
        const x = oa ? oa.ids.indexOf(Math.floor(k / V)) : ids[a] === Math.floor(k / V) ? 0 : -1;
        const y = ob ? ob.ids.indexOf(k % V) : ids[b] === k % V ? 0 : -1;
        if (x < 0 || y < 0) continue;
        readings.push([x, y, count]);
        total += count;
      }
      if (readings.length === 0) continue;
      const K = (oa ? oa.ids.length : 1) * (ob ? ob.ids.length : 1);
      const score = (x: number, y: number, count: number) => {
        if (oa) ids[a] = oa.ids[x]!;
        if (ob) ids[b] = ob.ids[y]!;
        return lmWeight * windowLp(a, b) - (oa ? oa.costs[x]! : 0) - (ob ? ob.costs[y]! : 0) + w.pair * Math.log((count + w.smoothing) / (total + w.smoothing * K));
      };
      const xa = oa ? chosen[a]! : 0;
      const yb = ob ? chosen[b]! : 0;
      let best: [number, number] = [xa, yb];
      let bestScore = score(xa, yb, cache.get(ids[a]! * V + ids[b]!) ?? 0);
      for (const [x, y, count] of readings) {
        if (x === xa && y === yb) continue;
        const s = score(x, y, count);
        if (s > bestScore) (bestScore = s), (best = [x, y]);
      }
      if (oa) {
        ids[a] = oa.ids[best[0]]!;
        if (best[0] !== chosen[a]) (chosen[a] = best[0]), changed++;
      }
      if (ob) {
        ids[b] = ob.ids[best[1]]!;
        if (best[1] !== chosen[b]) (chosen[b] = best[1]), changed++;
      }
    }
  }
  return changed;
}
