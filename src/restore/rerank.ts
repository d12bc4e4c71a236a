/**
 * A second look at the decoder's doubtful choices with the whole document as context (issue 24's
 * re-ranker): a report repeats its words (`phường`, `trễ hạn`, `trọng tâm`), and where one copy
 * sits in a context the trigrams read well, it says how the copies in weaker contexts read.
 *
 * The cache is what the decoder chose with confidence (softmax share among the options, the
 * neighbours fixed, as `TokenChange.confidence`), and the words the text gives as written (marked
 * syllables of OCR text): each word, and each pair of neighbouring words (a two-syllable word).
 * Each doubtful choice (confidence under `ambiguous`) is then chosen again, alone and with its
 * right neighbour, under the same local score (channel cost and the trigrams it takes part in)
 * plus, for each word, `unigram` × ln of its smoothed share of the cache among the options, and
 * for each pair `pair` × ln of its share among the cached pairs of the two items' options.
 */
import { BOS, SPECIALS, UNK, type LanguageModel } from './lm.js';

export interface RerankItem {
  readonly reset: boolean;
  readonly fixed?: number;
  readonly options?: { readonly ids: Int32Array; readonly costs: Float64Array };
}

export interface CacheWeights {
  /** Confidence a choice needs to enter the cache. */
  confident: number;
  /** Choices under this confidence are chosen again. */
  ambiguous: number;
  /** Weight (nats per nat) of a word's share of the cache among its item's options; 0: off. */
  unigram: number;
  /** Weight of a pair's share of the cached pairs among the two items' options; 0: off. */
  pair: number;
  /** Additive smoothing of the shares (a word never seen confidently still has a little). */
  smoothing: number;
}

/** Options scored for a confidence (the chosen one always is): as the restorer's confidences. */
const CONFIDENCE_OPTIONS = 10;

/**
 * Re-chooses the doubtful options of `chosen` in place; returns how many items changed. `lmWeight`
 * is the decoder's weight of a log10 probability in nats (weights.lm × ln 10).
 */
export function rerankWithCache(lm: LanguageModel, lmWeight: number, items: readonly RerankItem[], chosen: Int32Array, w: CacheWeights): number {
  if (w.unigram === 0 && w.pair === 0) return 0;
  const n = items.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    ids[i] = it.options ? it.options.ids[chosen[i]!]! : it.fixed ?? UNK;
  }
  const V = lm.vocab.length;
  const isWord = (id: number) => id >= SPECIALS.length;

  /** log10 p of the word at j after its two words before (the decoder's contexts: <s> after a reset). */
  const lpAt = (j: number): number => {
    const it = items[j]!;
    if (it.reset) return lm.logProb(-1, BOS, ids[j]!);
    return lm.logProb(items[j - 1]!.reset ? BOS : ids[j - 2]!, ids[j - 1]!, ids[j]!);
  };
  /** The LM score of positions from..to (to inclusive), and the two after them, up to a reset. */
  const windowLp = (from: number, to: number): number => {
    let s = 0;
    for (let j = from; j <= Math.min(to + 2, n - 1); j++) {
      if (j > from && items[j]!.reset && j > to) break;
      s += lpAt(j);
    }
    return s;
  };

  // 1. the cache: confident choices and the words given as written
  const confident = new Uint8Array(n);
  const uni = new Map<number, number>();
  const pairs = new Map<number, number>();
  const local = new Float64Array(64);
  const doubtful: number[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const o = it.options;
    if (!o) {
      confident[i] = isWord(ids[i]!) ? 1 : 0;
    } else if (o.ids.length === 1) {
      confident[i] = 1;
    } else {
      const c0 = chosen[i]!;
      let max = -Infinity;
      const count = Math.min(o.ids.length, local.length);
      for (let c = 0; c < count; c++) {
        if (c >= CONFIDENCE_OPTIONS && c !== c0) {
          local[c] = -Infinity;
          continue;
        }
        ids[i] = o.ids[c]!;
        const s = lmWeight * windowLp(i, i) - o.costs[c]!;
        local[c] = s;
        if (s > max) max = s;
      }
      ids[i] = o.ids[c0]!;
      let z = 0;
      for (let c = 0; c < count; c++) z += Math.exp(local[c]! - max);
      const conf = c0 < count ? Math.exp(local[c0]! - max) / z : 0;
      if (conf >= w.confident) confident[i] = 1;
      else if (conf < w.ambiguous) doubtful.push(i);
    }
    if (confident[i] && isWord(ids[i]!)) {
      uni.set(ids[i]!, (uni.get(ids[i]!) ?? 0) + 1);
      if (i > 0 && !it.reset && confident[i - 1] && isWord(ids[i - 1]!)) {
        const k = ids[i - 1]! * V + ids[i]!;
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      }
    }
  }
  if (doubtful.length === 0 || uni.size === 0) return 0;

  /** ln of the smoothed share of `id` in the cache among the ids of an item's options. */
  const uniBonus = (o: { ids: Int32Array }, id: number): number => {
    if (w.unigram === 0) return 0;
    let total = 0;
    for (let c = 0; c < o.ids.length; c++) total += uni.get(o.ids[c]!) ?? 0;
    if (total === 0) return 0;
    return w.unigram * Math.log(((uni.get(id) ?? 0) + w.smoothing) / (total + w.smoothing * o.ids.length));
  };

  // 2. each doubtful item again: alone (the word cache), then with its right neighbour (the pair cache)
  let changed = 0;
  for (const i of doubtful) {
    const o = items[i]!.options!;
    // alone
    if (w.unigram > 0) {
      const c0 = chosen[i]!;
      let best = c0;
      let bestScore = -Infinity;
      for (let c = 0; c < o.ids.length; c++) {
        if (c !== c0 && !uni.has(o.ids[c]!)) continue;
        ids[i] = o.ids[c]!;
        const s = lmWeight * windowLp(i, i) - o.costs[c]! + uniBonus(o, o.ids[c]!);
        if (s > bestScore) (bestScore = s), (best = c);
      }
      ids[i] = o.ids[best]!;
      if (best !== c0) {
        chosen[i] = best;
        changed++;
      }
    }
    // with a neighbour: the cached pairs among the two items' options
    if (w.pair > 0) {
      for (const [a, b] of [[i - 1, i], [i, i + 1]] as const) {
        if (a < 0 || b >= n || items[b]!.reset) continue;
        const oa = items[a]!.options;
        const ob = items[b]!.options;
        if (!oa && !ob) continue;
        const aIds = oa ? oa.ids : Int32Array.of(ids[a]!);
        const bIds = ob ? ob.ids : Int32Array.of(ids[b]!);
        const found: [number, number, number][] = [];
        let total = 0;
        for (let x = 0; x < aIds.length; x++) {
          for (let y = 0; y < bIds.length; y++) {
            const m = pairs.get(aIds[x]! * V + bIds[y]!);
            if (m !== undefined) {
              found.push([x, y, m]);
              total += m;
            }
          }
        }
        if (found.length === 0) continue;
        const xa = oa ? chosen[a]! : 0;
        const yb = ob ? chosen[b]! : 0;
        const K = aIds.length * bIds.length;
        const score = (x: number, y: number, m: number) => {
          ids[a] = aIds[x]!;
          ids[b] = bIds[y]!;
          return lmWeight * windowLp(a, b) - (oa ? oa.costs[x]! : 0) - (ob ? ob.costs[y]! : 0) + (oa ? uniBonus(oa, aIds[x]!) : 0) + (ob ? uniBonus(ob, bIds[y]!) : 0) + w.pair * Math.log((m + w.smoothing) / (total + w.smoothing * K));
        };
        let best = [xa, yb] as [number, number];
        let bestScore = score(xa, yb, pairs.get(aIds[xa]! * V + bIds[yb]!) ?? 0);
        for (const [x, y, m] of found) {
          if (x === xa && y === yb) continue;
          const s = score(x, y, m);
          if (s > bestScore) (bestScore = s), (best = [x, y]);
        }
        ids[a] = aIds[best[0]]!;
        ids[b] = bIds[best[1]]!;
        if (oa && best[0] !== chosen[a]) (chosen[a] = best[0]), changed++;
        if (ob && best[1] !== chosen[b]) (chosen[b] = best[1]), changed++;
      }
    }
  }
  return changed;
}
