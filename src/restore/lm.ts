/**
 * Syllable trigram language model: interpolated modified Kneser–Ney, stored packed.
 *
 * File layout (little-endian): "BCLM1\n", u32 header length, header JSON (vocabulary, sizes,
 * quantisation ranges), then for unigrams Float32 log10 p and log10 backoff, for bigrams and
 * trigrams the sorted keys as delta varints followed by one byte of quantised log10 p (and for
 * bigrams one byte of log10 backoff). Keys pack ids: bigram v·V+w, trigram (u·V+v)·V+w.
 * Loading decodes the keys into sorted per-context runs (see NgramModel); a query backs off the ARPA way.
 *
 * The shipped model is stored as those runs instead ("BCLM2\n", u32 header length, header JSON,
 * zeros to a multiple of 4 bytes, then NgramModel's arrays as they are in memory: `toArrayFile`),
 * so that a process loads it with one copy; the eval's models stay packed (smaller).
 */
import { writeSectionsFile } from './sections-file.js';

export const UNK = 0;
export const BOS = 1;
export const EOS = 2;
export const NUM = 3;
export const PUNCT = 4;
export const SPECIALS = ['<unk>', '<s>', '</s>', '<num>', '<p>'];

const MAGIC = 'BCLM1\n';
/** The array file (`toArrayFile`), the shipped model's. */
const ARRAYS_MAGIC = 'BCLM2\n';
const P_MIN = -8; // log10 p below this is clipped
const B_MIN = -4;

/** Something that scores a word after a two-word context (ids; u may be -1 for "no context"). */
export interface LanguageModel {
  /** SPECIALS, then `syllableCount` syllables, then other frequent words (acronyms such as `ubnd`). */
  readonly vocab: readonly string[];
  readonly syllableCount: number;
  id(word: string): number;
  logProb(u: number, v: number, w: number): number;
  /** log10 p(w) without context. */
  unigram(w: number): number;
  /** The handle of the two-word context (u, v), or -1 when it is not stored. */
  bigramIndex(u: number, v: number): number;
  /** log10 p(w | v), backing off to the unigram. */
  bigramLogProb(v: number, w: number): number;
  /** log10 p(w | v) given i = bigramIndex(v, w), so one search serves both. */
  bigramLogProbAt(i: number, v: number, w: number): number;
  /** log10 backoff weight of a two-word context handle (0 for -1). */
  contextBackoff(ci: number): number;
  /** log10 p(w | context ci) when that trigram is stored, else NaN. */
  trigramLogProb(ci: number, w: number): number;
  hasTrigrams(ci: number): boolean;
  /** An upper bound of log10 p(w | any context): the decoder skips what cannot reach its beam. */
  maxLogProb(w: number): number;
}

const q8 = (x: number, min: number) => Math.max(0, Math.min(255, Math.round((Math.max(x, min) / min) * 255)));
/** The 256 values one quantised byte stands for. */
const levels = (min: number) => Float32Array.from({ length: 256 }, (_, b) => (b / 255) * min);
const P_LEVELS = levels(P_MIN);
const B_LEVELS = levels(B_MIN);

/** Index of `w` in the sorted ids `ws[lo..hi)`, or -1. */
function search(ws: Uint16Array, lo: number, hi: number, w: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ws[mid]!;
    if (x === w) return mid;
    if (x < w) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * In memory the n-grams are a trie in compressed-row form: the bigrams of context v are
 * `w2[off2[v]..off2[v+1])` (sorted ids), and the trigrams of the bigram at index i are
 * `w3[off3[i]..off3[i+1])`. A lookup is a binary search in a sorted run: no hashing, no
 * allocation, and the decoder can look up a context once for all the candidates that follow it.
 * (A hash table of the bigrams and a Bloom filter of the trigrams, 6 MB more, measured no faster:
 * the runs a text keeps searching stay in the CPU's caches.)
 */
export class NgramModel implements LanguageModel {
  readonly vocab: readonly string[];
  readonly syllableCount: number;
  private readonly ids: Map<string, number>;
  private readonly p1: Float32Array;
  private readonly b1: Float32Array;
  private readonly off2: Int32Array;
  private readonly w2: Uint16Array;
  private readonly p2: Uint8Array;
  private readonly b2: Uint8Array;
  private readonly off3: Int32Array;
  private readonly w3: Uint16Array;
  private readonly p3: Uint8Array;
  private readonly maxLp: Float32Array;
  readonly sizes: number[];

  private constructor(vocab: string[], syllableCount: number, a: ModelArrays) {
    if (vocab.length > 65536) throw new Error('vocabulary too large for 16-bit ids');
    this.vocab = vocab;
    this.syllableCount = syllableCount;
    this.ids = new Map(vocab.map((w, i) => [w, i]));
    this.p1 = a.p1;
    this.b1 = a.b1;
    this.maxLp = a.maxLp;
    this.off2 = a.off2;
    this.w2 = a.w2;
    this.p2 = a.p2;
    this.b2 = a.b2;
    this.off3 = a.off3;
    this.w3 = a.w3;
    this.p3 = a.p3;
    this.sizes = [vocab.length, a.w2.length, a.w3.length];
  }

  /** The in-memory arrays from the packed file's sorted keys. */
  private static unpack(V: number, p1: Float32Array, b1: Float32Array, k2: Float64Array, p2: Uint8Array, b2: Uint8Array, k3: Float64Array, p3: Uint8Array): ModelArrays {
    // keys are sorted, so contexts come in order: one pass builds the row offsets
    const off2 = new Int32Array(V + 1);
    const w2 = new Uint16Array(k2.length);
    for (let i = 0; i < k2.length; i++) {
      const k = k2[i]!;
      const v = Math.floor(k / V);
      w2[i] = k - v * V;
      off2[v + 1]!++;
    }
    for (let v = 0; v < V; v++) off2[v + 1]! += off2[v]!;
    const off3 = new Int32Array(k2.length + 1);
    const w3 = new Uint16Array(k3.length);
    let ci = 0;
    for (let i = 0; i < k3.length; i++) {
      const k = k3[i]!;
      const ctx = Math.floor(k / V);
      w3[i] = k - ctx * V;
      while (ci < k2.length && k2[ci]! < ctx) ci++;
      if (k2[ci] !== ctx) throw new Error('trigram without its context bigram');
      off3[ci + 1]!++;
    }
    for (let i = 0; i < k2.length; i++) off3[i + 1]! += off3[i]!;
    // Backoff weights are ≤ 1, so every score of w is a stored probability of w or its unigram.
    const maxLp = Float32Array.from(p1);
    for (let i = 0; i < k2.length; i++) maxLp[w2[i]!] = Math.max(maxLp[w2[i]!]!, P_LEVELS[p2[i]!]!);
    for (let j = 0; j < k3.length; j++) maxLp[w3[j]!] = Math.max(maxLp[w3[j]!]!, P_LEVELS[p3[j]!]!);
    return { p1, b1, maxLp, off2, off3, w2, w3, p2, b2, p3 };
  }

  id(word: string): number {
    return this.ids.get(word) ?? UNK;
  }

  unigram(w: number): number {
    return this.p1[w]!;
  }

  /** Index of the stored bigram (v, w), or -1; also the handle of the two-word context (v, w). */
  bigramIndex(v: number, w: number): number {
    return search(this.w2, this.off2[v]!, this.off2[v + 1]!, w);
  }

  /** log10 p(w | v), backing off to the unigram. */
  bigramLogProb(v: number, w: number): number {
    const i = search(this.w2, this.off2[v]!, this.off2[v + 1]!, w);
    return i >= 0 ? P_LEVELS[this.p2[i]!]! : this.b1[v]! + this.p1[w]!;
  }

  bigramLogProbAt(i: number, v: number, w: number): number {
    return i >= 0 ? P_LEVELS[this.p2[i]!]! : this.b1[v]! + this.p1[w]!;
  }

  /** log10 of the backoff weight of the two-word context with handle `ci` (0 when it has no trigrams). */
  contextBackoff(ci: number): number {
    return ci >= 0 ? B_LEVELS[this.b2[ci]!]! : 0;
  }

  /** log10 p(w | context ci) when that trigram is stored, else NaN. */
  trigramLogProb(ci: number, w: number): number {
    if (ci < 0) return NaN;
    const j = search(this.w3, this.off3[ci]!, this.off3[ci + 1]!, w);
    return j >= 0 ? P_LEVELS[this.p3[j]!]! : NaN;
  }

  maxLogProb(w: number): number {
    return this.maxLp[w]!;
  }

  /** True when some trigram follows the context with handle ci. */
  hasTrigrams(ci: number): boolean {
    return ci >= 0 && this.off3[ci + 1]! > this.off3[ci]!;
  }

  /** log10 p(w | u v); u = -1 when only one word of context is known. */
  logProb(u: number, v: number, w: number): number {
    if (u >= 0) {
      const ci = this.bigramIndex(u, v);
      if (ci >= 0) {
        const p = this.trigramLogProb(ci, w);
        if (p === p) return p;
        return B_LEVELS[this.b2[ci]!]! + this.bigramLogProb(v, w);
      }
    }
    return this.bigramLogProb(v, w);
  }

  /** A model from either file: the packed one (`trainKneserNey`) or the arrays (`toArrayFile`). */
  static load(buf: Uint8Array): NgramModel {
    const magic = new TextDecoder().decode(buf.subarray(0, MAGIC.length));
    if (magic !== MAGIC && magic !== ARRAYS_MAGIC) throw new Error('not a baocao language model file');
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let at = MAGIC.length;
    const hlen = dv.getUint32(at, true);
    at += 4;
    const header = JSON.parse(new TextDecoder().decode(buf.subarray(at, at + hlen))) as { vocab: string[]; syllables?: number; n2: number; n3: number };
    at += hlen;
    const V = header.vocab.length;
    const syllables = header.syllables ?? V - SPECIALS.length;
    if (magic === ARRAYS_MAGIC) return new NgramModel(header.vocab, syllables, arraysOf(buf.subarray(at + ((4 - (at % 4)) % 4)), V, header.n2, header.n3));
    const floats = (n: number) => {
      const a = new Float32Array(n);
      for (let i = 0; i < n; i++, at += 4) a[i] = dv.getFloat32(at, true);
      return a;
    };
    const p1 = floats(V);
    const b1 = floats(V);
    const varints = (n: number) => {
      const keys = new Float64Array(n);
      let prev = 0;
      for (let i = 0; i < n; i++) {
        let x = 0;
        let mul = 1;
        for (;;) {
          const byte = buf[at++]!;
          x += (byte & 0x7f) * mul;
          if (byte < 0x80) break;
          mul *= 128;
        }
        prev += x;
        keys[i] = prev;
      }
      return keys;
    };
    const bytes = (n: number) => {
      // a copy: on a Node Buffer (readFileSync), slice() is a view, and the three views kept the
      // whole 4.8 MB file alive in every worker for 2.1 MB of probabilities
      const a = new Uint8Array(buf.subarray(at, at + n));
      at += n;
      return a;
    };
    const k2 = varints(header.n2);
    const p2 = bytes(header.n2);
    const b2 = bytes(header.n2);
    const k3 = varints(header.n3);
    const p3 = bytes(header.n3);
    return new NgramModel(header.vocab, syllables, NgramModel.unpack(V, p1, b1, k2, p2, b2, k3, p3));
  }

  /**
   * The model as the file the shipped model is stored in: the in-memory arrays as they are, so
   * that loading is one copy (the packed file's keys took some 0.15 s to decode in every process
   * that restores, the CLI included). Some 40 % larger than the packed file.
   */
  toArrayFile(): Uint8Array {
    const { p1, b1, maxLp, off2, off3, w2, w3, p2, b2, p3 } = this;
    const header = { vocab: this.vocab, syllables: this.syllableCount, n2: this.w2.length, n3: this.w3.length };
    return writeSectionsFile(ARRAYS_MAGIC, header, 4, arraySections({ p1, b1, maxLp, off2, off3, w2, w3, p2, b2, p3 }));
  }
}

/** The arrays of a model, as `toArrayFile` writes them. */
interface ModelArrays {
  p1: Float32Array;
  b1: Float32Array;
  /** `maxLogProb` of each word. */
  maxLp: Float32Array;
  off2: Int32Array;
  off3: Int32Array;
  w2: Uint16Array;
  w3: Uint16Array;
  p2: Uint8Array;
  b2: Uint8Array;
  p3: Uint8Array;
}

/** In file order: 4-byte elements, then 2-byte, then bytes, so that every section is aligned. */
function arraySections(a: ModelArrays): ArrayBufferView[] {
  return [a.p1, a.b1, a.maxLp, a.off2, a.off3, a.w2, a.w3, a.p2, a.b2, a.p3];
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The arrays of an array file, as views of one copy of its data: the model keeps none of the
 * buffer it was read from (a batch worker holds the model for its whole life), and a copy is
 * aligned whatever the buffer's offset.
 */
function arraysOf(data: Uint8Array, V: number, n2: number, n3: number): ModelArrays {
  if (!LITTLE_ENDIAN) throw new Error('the language model file is little-endian: this machine is not');
  const own = new Uint8Array(data.byteLength);
  own.set(data);
  const buffer = own.buffer;
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, at: number, n: number) => T, n: number, size: number): T => {
    const a = make(buffer, at, n);
    at += n * size;
    return a;
  };
  const f32 = (n: number) => take((b, o, k) => new Float32Array(b, o, k), n, 4);
  const i32 = (n: number) => take((b, o, k) => new Int32Array(b, o, k), n, 4);
  const u16 = (n: number) => take((b, o, k) => new Uint16Array(b, o, k), n, 2);
  const u8 = (n: number) => take((b, o, k) => new Uint8Array(b, o, k), n, 1);
  const arrays: ModelArrays = { p1: f32(V), b1: f32(V), maxLp: f32(V), off2: i32(V + 1), off3: i32(n2 + 1), w2: u16(n2), w3: u16(n3), p2: u8(n2), b2: u8(n2), p3: u8(n3) };
  if (at !== data.byteLength) throw new Error('language model file of the wrong size');
  return arrays;
}

// ---------------------------------------------------------------------------------------------
// Training

export interface TrainOptions {
  /** Trigrams seen fewer times are not stored (their mass goes to the backoff). */
  minTrigramCount?: number;
  minBigramCount?: number;
  /** How many words after SPECIALS are syllables (the rest are other known words); default all. */
  syllableCount?: number;
}

/**
 * Train from sentences of word ids (without <s> and </s>) and return the packed file bytes.
 * Interpolated modified Kneser–Ney (Chen & Goodman), counts of every order kept for the lower
 * orders' continuation counts, pruning only what is stored.
 */
export function trainKneserNey(sentences: Iterable<Int32Array>, vocab: string[], options: TrainOptions = {}): Uint8Array {
  const V = vocab.length;
  const minC3 = options.minTrigramCount ?? 1;
  const minC2 = options.minBigramCount ?? 1;
  const c3 = new Map<number, number>();
  const c2raw = new Map<number, number>();
  for (const s of sentences) {
    let u = -1;
    let v = BOS;
    for (let i = 0; i <= s.length; i++) {
      const w = i < s.length ? s[i]! : EOS;
      const k2 = v * V + w;
      c2raw.set(k2, (c2raw.get(k2) ?? 0) + 1);
      if (u >= 0) {
        const k3 = (u * V + v) * V + w;
        c3.set(k3, (c3.get(k3) ?? 0) + 1);
      }
      u = v;
      v = w;
    }
  }
  // Kneser–Ney counts for bigrams: distinct left contexts, except after <s> where there is none
  const c2 = new Map<number, number>();
  for (const k3 of c3.keys()) {
    const k2 = k3 % (V * V);
    c2.set(k2, (c2.get(k2) ?? 0) + 1);
  }
  for (const [k2, n] of c2raw) if (Math.floor(k2 / V) === BOS) c2.set(k2, n);
  const c1 = new Float64Array(V);
  for (const k2 of c2raw.keys()) c1[k2 % V]! += 1;

  const discounts = (counts: Iterable<number>) => {
    const n = [0, 0, 0, 0, 0];
    for (const c of counts) if (c <= 4) n[c]!++;
    const y = n[1]! / (n[1]! + 2 * n[2]!);
    const d = [0, 1 - 2 * y * (n[2]! / n[1]!), 2 - 3 * y * (n[3]! / n[2]!), 3 - 4 * y * (n[4]! / n[3]!)];
    return d.map((x, i) => (i === 0 ? 0 : Number.isFinite(x) && x > 0 ? Math.min(x, i) : 0.5));
  };
  const D3 = discounts(c3.values());
  const D2 = discounts(c2.values());
  const D1 = discounts(c1);
  const disc = (D: number[], c: number) => D[Math.min(c, 3)]!;

  // unigrams
  let total1 = 0;
  let mass1 = 0;
  for (let w = 0; w < V; w++) {
    total1 += c1[w]!;
    if (c1[w]! > 0) mass1 += disc(D1, c1[w]!);
  }
  const p1 = new Float64Array(V);
  for (let w = 0; w < V; w++) p1[w] = Math.max(c1[w]! - (c1[w]! > 0 ? disc(D1, c1[w]!) : 0), 0) / total1 + mass1 / total1 / V;
  p1[BOS] = 1e-99;

  // bigrams, grouped by context
  const keys2 = Float64Array.from(c2.keys()).sort();
  const p2 = new Float64Array(keys2.length);
  const gamma2 = new Float64Array(V); // backoff of a one-word context
  for (let i = 0; i < keys2.length; ) {
    const v = Math.floor(keys2[i]! / V);
    let j = i;
    let total = 0;
    let mass = 0;
    for (; j < keys2.length && Math.floor(keys2[j]! / V) === v; j++) {
      const c = c2.get(keys2[j]!)!;
      total += c;
      mass += disc(D2, c);
    }
    const g = mass / total;
    gamma2[v] = g;
    for (let k = i; k < j; k++) {
      const c = c2.get(keys2[k]!)!;
      p2[k] = (c - disc(D2, c)) / total + g * p1[keys2[k]! % V]!;
    }
    i = j;
  }
  const p2of = new Map<number, number>();
  for (let i = 0; i < keys2.length; i++) p2of.set(keys2[i]!, p2[i]!);
  const bigramProb = (v: number, w: number) => p2of.get(v * V + w) ?? (gamma2[v]! || 1) * p1[w]!;

  // trigrams, grouped by context
  const keys3 = Float64Array.from(c3.keys()).sort();
  const p3 = new Float64Array(keys3.length);
  const gamma3 = new Map<number, number>(); // backoff of a two-word context, keyed like a bigram
  for (let i = 0; i < keys3.length; ) {
    const ctx = Math.floor(keys3[i]! / V);
    let j = i;
    let total = 0;
    let mass = 0;
    for (; j < keys3.length && Math.floor(keys3[j]! / V) === ctx; j++) {
      const c = c3.get(keys3[j]!)!;
      total += c;
      mass += disc(D3, c);
    }
    const g = mass / total;
    gamma3.set(ctx, g);
    const v = ctx % V;
    for (let k = i; k < j; k++) {
      const c = c3.get(keys3[k]!)!;
      p3[k] = (c - disc(D3, c)) / total + g * bigramProb(v, keys3[k]! % V);
    }
    i = j;
  }

  // what is stored: bigrams above the cut-off or that are a kept trigram's context
  const keep3: number[] = [];
  for (let i = 0; i < keys3.length; i++) if (c3.get(keys3[i]!)! >= minC3) keep3.push(i);
  const contexts = new Set<number>(keep3.map((i) => Math.floor(keys3[i]! / V)));
  const keep2: number[] = [];
  for (let i = 0; i < keys2.length; i++) {
    const k = keys2[i]!;
    if ((c2raw.get(k) ?? 0) >= minC2 || contexts.has(k)) keep2.push(i);
  }

  const chunks: Uint8Array[] = [];
  const header = new TextEncoder().encode(JSON.stringify({ vocab, syllables: options.syllableCount ?? V - SPECIALS.length, n2: keep2.length, n3: keep3.length, discounts: [D1, D2, D3] }));
  const head = new Uint8Array(MAGIC.length + 4);
  head.set(new TextEncoder().encode(MAGIC));
  new DataView(head.buffer).setUint32(MAGIC.length, header.length, true);
  chunks.push(head, header);
  const f32 = (values: ArrayLike<number>) => {
    const a = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) a[i] = values[i]!;
    return new Uint8Array(a.buffer);
  };
  chunks.push(f32(Array.from(p1, (p) => Math.log10(p))), f32(Array.from(gamma2, (g) => (g > 0 ? Math.log10(g) : 0))));
  const varints = (keys: number[]) => {
    const out: number[] = [];
    let prev = 0;
    for (const k of keys) {
      let d = k - prev;
      prev = k;
      while (d >= 128) {
        out.push((d % 128) | 0x80);
        d = Math.floor(d / 128);
      }
      out.push(d);
    }
    return Uint8Array.from(out);
  };
  chunks.push(varints(keep2.map((i) => keys2[i]!)));
  chunks.push(Uint8Array.from(keep2, (i) => q8(Math.log10(p2[i]!), P_MIN)));
  chunks.push(Uint8Array.from(keep2, (i) => {
    const g = gamma3.get(keys2[i]!);
    return g === undefined ? 0 : q8(Math.log10(g), B_MIN);
  }));
  chunks.push(varints(keep3.map((i) => keys3[i]!)));
  chunks.push(Uint8Array.from(keep3, (i) => q8(Math.log10(p3[i]!), P_MIN)));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
