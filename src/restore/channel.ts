/**
 * The OCR channel: how likely an OCR token is, given the syllable that was printed.
 *
 * Each letter of the printed syllable (lower case, with its marks: `ế`) comes out of OCR as a
 * string of 0 to 3 characters (`é`, `6` for `ố`, `ir` for `ư`, `p` for `đ`, nothing). The
 * probabilities of these emissions are counted on aligned pairs (`learnConfusions`) and smoothed
 * twice: a letter's own counts back off to those pooled over its family (all the marked forms of
 * one base letter: a ă â á ắ …, where "as printed" counts as one emission), and the family's back
 * off to a prior that only knows "same letter", "same letter, other marks", "other letter",
 * "dropped" and "extra". Without the family a rare letter (ẵ) had the flat prior alone and could
 * turn into anything cheaply, which made candidates wrong and the search slow. Candidates for a
 * token are found by a search over a trie of the syllable inventory, cut off at a cost bound.
 */
import { fold } from '../vietnamese/letters.js';
import { channelDigest, type CandidateTable } from './candidate-table.js';

/** counts[printed letter][OCR string] */
export type ConfusionCounts = Record<string, Record<string, number>>;

export interface Candidate {
  word: string; // lower-case canonical syllable
  cost: number; // −ln P(token | word)
}

const MAX_EMIT = 3;
/** Tokens this long or shorter find the search's scratch buffers large enough (some 190 KB). */
const SCRATCH_LENGTH = 48;
/** Nats by which the search's lower bound of a prefix's cost may exceed the cost, to absorb rounding. */
const SLACK = 1e-9;
const ALPHA = 2; // weight of the family's distribution against a letter's own counts
const BETA = 2; // weight of the flat prior against the family's counts

/** What the prior asks of an OCR string: its fold (one letter) or its letters' folds (two). */
interface OcrFolds {
  whole: string;
  first: string;
  second: string;
}

function ocrFolds(o: string): OcrFolds {
  return { whole: o.length === 1 ? fold(o) : '', first: o.length === 2 ? fold(o[0]!) : '', second: o.length === 2 ? fold(o[1]!) : '' };
}

/** The prior P0(o | t); ft and of are t's fold and o's folds. */
function prior(t: string, o: string, ft = fold(t), of = ocrFolds(o)): number {
  if (o === t) return 0.5;
  if (o.length === 0) return 0.02;
  if (o.length === 1) return of.whole === ft ? 0.3 / 12 : 0.1 / 70;
  if (o.length === 2) return o.includes(t) || of.first === ft || of.second === ft ? 0.05 / 70 : 0.03 / 4900;
  return 0.001 / 4900;
}

interface TrieNode {
  ch: number; // index into the alphabet
  children: TrieNode[];
  word: string | null;
}

/** A letter outside the BMP (a syllable with one is inserted node by node, not by shared prefix). */
const SURROGATE_RE = /[\uD800-\uDFFF]/;

/**
 * The trie of the syllables flattened in preorder, children in the order their first syllable
 * comes: node i's letter, depth, word ('' for none), and the end of its subtree (its subtree is
 * i..end-1, its parent's column is the one at depth-1), so that the search is a loop that skips a
 * pruned subtree in one step. Syllables in ascending order (the model's) are that preorder
 * already: each adds the nodes after the prefix it shares with the one before, with no node
 * objects (those took some 15 ms to build, cold, in every process).
 */
function flatTrie(syllables: readonly string[], index: Map<string, number>): { nodeLetters: number[]; depths: number[]; wordsAt: string[]; ends: number[] } {
  const nodeLetters: number[] = [];
  const depths: number[] = [];
  const wordsAt: string[] = [];
  const ends: number[] = [];
  let ascending = true;
  for (let i = 1; i < syllables.length && ascending; i++) ascending = syllables[i - 1]! < syllables[i]!;
  if (ascending && !syllables.some((s) => SURROGATE_RE.test(s))) {
    // open[d - 1]: the node at depth d on the path of the syllable before
    const open: number[] = [];
    let prev = '';
    for (const s of syllables) {
      let shared = 0;
      while (shared < prev.length && shared < s.length && prev[shared] === s[shared]) shared++;
      for (let d = open.length; d > shared; d--) ends[open.pop()!] = nodeLetters.length;
      for (let k = shared; k < s.length; k++) {
        open.push(nodeLetters.length);
        nodeLetters.push(index.get(s[k]!)!);
        depths.push(k + 1);
        wordsAt.push(k === s.length - 1 ? s : '');
        ends.push(0);
      }
      prev = s;
    }
    while (open.length > 0) ends[open.pop()!] = nodeLetters.length;
    return { nodeLetters, depths, wordsAt, ends };
  }
  const root: TrieNode = { ch: -1, children: [], word: null };
  for (const s of syllables) {
    let node = root;
    for (const ch of s) {
      const c = index.get(ch)!;
      let next = node.children.find((n) => n.ch === c);
      if (!next) {
        next = { ch: c, children: [], word: null };
        node.children.push(next);
      }
      node = next;
    }
    node.word = s;
  }
  const flatten = (node: TrieNode, depth: number) => {
    for (const child of node.children) {
      const i = nodeLetters.length;
      nodeLetters.push(child.ch);
      depths.push(depth);
      wordsAt.push(child.word ?? '');
      ends.push(0);
      flatten(child, depth + 1);
      ends[i] = nodeLetters.length;
    }
  };
  flatten(root, 1);
  return { nodeLetters, depths, wordsAt, ends };
}

export class Channel {
  private readonly alphabet: string[];
  private readonly nodeLetter: Int32Array;
  private readonly nodeDepth: Int32Array;
  private readonly nodeEnd: Int32Array;
  private readonly nodeWord: string[];
  /** 1 where a syllable ends at the node. */
  private readonly nodeIsWord: Uint8Array;
  private readonly maxDepth: number;
  private readonly byFold = new Map<string, string[]>();
  private readonly cache = new Map<string, Candidate[]>();
  /** counts by OCR string, then by printed letter index */
  private readonly byOcr = new Map<string, Map<number, number>>();
  private readonly totals: Float64Array;
  private readonly foldOf: string[];
  private readonly letterIndex: Map<string, number>;

  constructor(
    private readonly syllables: readonly string[],
    private readonly counts: ConfusionCounts = {},
  ) {
    const letters = new Set<string>();
    for (const s of syllables) for (const ch of s) letters.add(ch);
    for (const t of Object.keys(counts)) if ([...t].length === 1) letters.add(t);
    this.alphabet = [...letters].sort();
    this.foldOf = this.alphabet.map(fold);
    const index = new Map(this.alphabet.map((c, i) => [c, i]));
    this.letterIndex = index;
    for (const s of syllables) {
      const f = fold(s);
      const list = this.byFold.get(f);
      if (list) list.push(s);
      else this.byFold.set(f, [s]);
    }
    const { nodeLetters, depths, wordsAt, ends } = flatTrie(syllables, index);
    this.nodeLetter = Int32Array.from(nodeLetters);
    this.nodeDepth = Int32Array.from(depths);
    this.nodeEnd = Int32Array.from(ends);
    this.nodeWord = wordsAt;
    this.nodeIsWord = Uint8Array.from(wordsAt, (w) => (w === '' ? 0 : 1));
    this.maxDepth = depths.reduce((a, b) => Math.max(a, b), 0);
    this.lo = new Int32Array(this.maxDepth + 1);
    const A = this.alphabet.length;
    this.emit = new Float64Array((SCRATCH_LENGTH + 1) * (MAX_EMIT + 1) * (A + 1));
    this.next = new Float64Array(A * (SCRATCH_LENGTH + 1));
    this.cols = new Float64Array((this.maxDepth + 1) * (SCRATCH_LENGTH + 1));
    this.hi = new Int32Array(this.maxDepth + 1);
    // a search finds each node at most once
    this.foundNode = new Int32Array(nodeLetters.length);
    this.foundCost = new Float64Array(nodeLetters.length);
    this.totals = new Float64Array(this.alphabet.length);
    for (const [t, row] of Object.entries(counts)) {
      const ti = index.get(t);
      if (ti === undefined) continue;
      for (const [o, n] of Object.entries(row)) {
        let m = this.byOcr.get(o);
        if (!m) this.byOcr.set(o, (m = new Map()));
        m.set(ti, n);
        this.totals[ti]! += n;
        const f = this.foldOf[ti]!;
        let fam = this.family.get(f);
        if (!fam) this.family.set(f, (fam = { counts: new Map(), total: 0 }));
        const k = o === t ? '=' : o;
        fam.counts.set(k, (fam.counts.get(k) ?? 0) + n);
        fam.total += n;
      }
    }
    for (const [o, row] of this.byOcr) this.ocrRows.set(o, { letters: Int32Array.from(row.keys()), counts: Float64Array.from(row.values()) });
    const families = [...this.family.values()];
    this.families = families.map((f) => f.counts);
    this.familyOf = Int32Array.from(this.foldOf, (f) => (this.family.has(f) ? families.indexOf(this.family.get(f)!) : -1));
    this.familyTotal = Float64Array.from(this.foldOf, (f) => this.family.get(f)?.total ?? 0);
    this.familyCount = new Float64Array(families.length);
    this.ownCount = new Float64Array(this.alphabet.length);
  }

  /** −ln P(o | t) for one printed letter t. */
  cost(t: string, o: string): number {
    const ti = this.letterIndex.get(t);
    if (ti === undefined) return -Math.log(prior(t, o));
    return this.costAt(ti, o, this.byOcr.get(o));
  }

  private costAt(ti: number, o: string, row: Map<number, number> | undefined, folds = ocrFolds(o)): number {
    const n = row?.get(ti) ?? 0;
    const t = this.alphabet[ti]!;
    const f = this.foldOf[ti]!;
    const famKey = o === t ? '=' : o;
    const fam = this.family.get(f);
    const nf = fam?.counts.get(famKey) ?? 0;
    const pf = (nf + BETA * prior(t, o, f, folds)) / ((fam?.total ?? 0) + BETA);
    return -Math.log((n + ALPHA * pf) / (this.totals[ti]! + ALPHA));
  }
  /** Emissions pooled over the letters of one base letter (a ă â á ắ …): `=` for "as printed". */
  private readonly family = new Map<string, { counts: Map<string, number>; total: number }>();

  private readonly emissionCache = new Map<string, Float64Array>();
  /**
   * −ln P(o | t) for every printed letter t, then the least of them (at index alphabet.length),
   * cached by OCR string (o's folds found once, not per letter).
   */
  private emissionCosts(o: string): Float64Array {
    let costs = this.emissionCache.get(o);
    if (!costs) {
      costs = this.allEmissionCosts(o);
      if (this.emissionCache.size < 20_000) this.emissionCache.set(o, costs);
    }
    return costs;
  }

  /** `byOcr`'s rows as arrays: the letters that printed each OCR string, and how often. */
  private readonly ocrRows = new Map<string, { letters: Int32Array; counts: Float64Array }>();
  /** The families' counts, their index by letter (-1: none) and totals by letter, for `allEmissionCosts`. */
  private readonly families: Map<string, number>[];
  private readonly familyOf: Int32Array;
  private readonly familyTotal: Float64Array;
  // scratch rows of allEmissionCosts: the count of o by family, by letter (zero between calls)
  private readonly familyCount: Float64Array;
  private readonly ownCount: Float64Array;

  /**
   * `costAt` for every letter, the same sums in the same order: o's counts are looked up once per
   * family (not per letter) and its own counts spread into a row, so that a new OCR string costs
   * some 30 map lookups instead of some 200.
   */
  private allEmissionCosts(o: string): Float64Array {
    const row = this.ocrRows.get(o);
    const folds = ocrFolds(o);
    const A = this.alphabet.length;
    const own = this.ownCount;
    if (row) for (let k = 0; k < row.letters.length; k++) own[row.letters[k]!] = row.counts[k]!;
    const familyCount = this.familyCount;
    for (let k = 0; k < this.families.length; k++) familyCount[k] = this.families[k]!.get(o) ?? 0;
    const costs = new Float64Array(A + 1);
    let least = Infinity;
    for (let ti = 0; ti < A; ti++) {
      const t = this.alphabet[ti]!;
      const fi = this.familyOf[ti]!;
      const nf = fi < 0 ? 0 : o === t ? (this.families[fi]!.get('=') ?? 0) : familyCount[fi]!;
      const pf = (nf + BETA * prior(t, o, this.foldOf[ti]!, folds)) / (this.familyTotal[ti]! + BETA);
      const c = -Math.log((own[ti]! + ALPHA * pf) / (this.totals[ti]! + ALPHA));
      costs[ti] = c;
      if (c < least) least = c;
    }
    costs[A] = least;
    if (row) for (let k = 0; k < row.letters.length; k++) own[row.letters[k]!] = 0;
    return costs;
  }

  /** Every spelling without marks, with its syllables (in the order given). */
  foldGroups(): ReadonlyMap<string, readonly string[]> {
    return this.byFold;
  }

  /** The syllables whose marks were simply removed to give `folded` (stripped text). */
  sameFold(folded: string): readonly string[] {
    return this.byFold.get(folded) ?? [];
  }

  // Scratch buffers of the search, reused across tokens: sized for tokens of SCRATCH_LENGTH
  // characters from the start, grown for longer ones. (Grown on demand from nothing, the code that
  // grows them ran first after it was optimised, and V8 threw that code away and compiled the
  // search again: a one-file CLI run compiled it four times.)
  private emit: Float64Array;
  private cols: Float64Array;
  private rest = new Float64Array(SCRATCH_LENGTH + 1);
  private next: Float64Array;
  private kept = new Float64Array(64);
  private alignPrev = new Float64Array(SCRATCH_LENGTH + 1);
  private alignCur = new Float64Array(SCRATCH_LENGTH + 1);
  /** The finite range of each depth's column in `cols`. */
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly foundNode: Int32Array;
  private readonly foundCost: Float64Array;

  /**
   * Syllables that could have been read as `token` (lower-cased), cheapest first, within `beam`
   * of the best, at most `limit`. The trie is searched depth first; a prefix is dropped when its
   * cheapest alignment already costs more than the bound, which starts at `maxCost`, drops to
   * best + beam as syllables are found, and, once `limit` are found, to the dearest of them. The
   * cost counted against the bound includes a lower bound of what the rest of the token must
   * still cost (each of its characters emitted by some letter, at the least any letter pays):
   * only prefixes that could not have led to a candidate are dropped sooner, so the candidates are
   * the same, found with some 15 % fewer of the trie's nodes visited.
   */
  candidates(token: string, maxCost = 14, beam = 9, limit = 12): Candidate[] {
    const hit = this.cache.get(token) ?? this.listed(token, maxCost, beam, limit);
    if (hit) return hit;
    const m = token.length;
    this.fillTables(token, m);
    // a syllable spelt with the token's letters gives a first bound, before the search finds one
    let bestFound = Infinity;
    for (const s of this.byFold.get(fold(token)) ?? []) bestFound = Math.min(bestFound, this.alignCost(s, this.emit, m));
    const n = this.search(m, maxCost, beam, limit, bestFound);
    const found: Candidate[] = [];
    for (let k = 0; k < n; k++) found.push({ word: this.nodeWord[this.foundNode[k]!]!, cost: this.foundCost[k]! });
    found.sort((a, b) => a.cost - b.cost || (a.word < b.word ? -1 : 1));
    const best = found[0]?.cost ?? Infinity;
    const out = found.filter((f) => f.cost <= best + beam).slice(0, limit);
    if (this.cache.size < 20_000) this.cache.set(token, out); // bounded: see OPTION_CACHE_SIZE in restore.ts
    return out;
  }

  private table: CandidateTable | null = null;

  /**
   * Answer from `table` the searches it holds (the same lists: see candidate-table.ts). Returns
   * whether it was taken: a table searched in another channel (other syllables or counts) is not.
   */
  useTable(table: CandidateTable): boolean {
    if (table.header.channel !== channelDigest(this.syllables, this.counts)) return false;
    this.table = table;
    return true;
  }

  /** The table's list of `token`, cached, when the table holds it for these parameters. */
  private listed(token: string, maxCost: number, beam: number, limit: number): Candidate[] | undefined {
    const t = this.table;
    if (t === null || t.header.maxCost !== maxCost || t.header.beam !== beam || t.header.limit !== limit) return undefined;
    const list = t.get(token, this.syllables);
    if (list && this.cache.size < 20_000) this.cache.set(token, list);
    return list;
  }

  /**
   * The search's tables for one token: `emit`, `rest` and `next` (see `search`). Apart from the
   * search loop so that each is compiled on its own: this part reads maps by string, the loop
   * only typed arrays, and a process that restores one file runs both mostly before they are
   * optimised (one large function was compiled five times over, after each deoptimisation).
   */
  private fillTables(token: string, m: number): void {
    // emission costs for this token: emit[(j * W + k) * AA + ti] = cost(alphabet[ti], token[j..j+k)),
    // and at ti = A the least of them, written for j + k <= m, the only cells read: each string's
    // row is its cached `emissionCosts` as it is (one copy)
    const W = MAX_EMIT + 1;
    const A = this.alphabet.length;
    const AA = A + 1;
    const size = (m + 1) * W * AA;
    if (this.emit.length < size) this.emit = new Float64Array(2 * size);
    const emit = this.emit;
    for (let j = 0; j <= m; j++) {
      for (let k = 0; k <= MAX_EMIT && j + k <= m; k++) emit.set(this.emissionCosts(token.slice(j, j + k)), (j * W + k) * AA);
    }
    // rest[j]: the least that token[j..m) can cost, cut into strings of 1 to MAX_EMIT characters
    // each emitted by the letter that emits it most cheaply (an emission costs ≥ 0)
    if (this.rest.length < m + 1) this.rest = new Float64Array(2 * (m + 1));
    const rest = this.rest;
    rest.fill(Infinity, 0, m + 1);
    rest[m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      for (let k = 1; k <= MAX_EMIT && j + k <= m; k++) {
        const v = emit[(j * W + k) * AA + A]! + rest[j + k]!;
        if (v < rest[j]!) rest[j] = v;
      }
    }
    // next[ti * (m + 1) + j]: the least a prefix aligned with token[0..j) must still cost when
    // letter ti comes next. Three nodes in four the search visits are dropped at once: this tells
    // most of them apart before their column is worked out.
    if (this.next.length < A * (m + 1)) this.next = new Float64Array(2 * A * (m + 1));
    const next = this.next;
    for (let ti = 0; ti < A; ti++) {
      for (let j = 0; j <= m; j++) {
        let low = Infinity;
        for (let k = 0, at = j * W * AA + ti; k <= MAX_EMIT && j + k <= m; k++, at += AA) {
          const v = emit[at]! + rest[j + k]!;
          if (v < low) low = v;
        }
        next[ti * (m + 1) + j] = low;
      }
    }
  }

  /**
   * The trie search over the tables `fillTables` wrote: the nodes of the syllables found go to
   * `foundNode`, their costs to `foundCost`; returns how many. `bestFound`: a cost already known
   * to be reachable (a syllable spelt with the token's letters), Infinity when none.
   */
  private search(m: number, maxCost: number, beam: number, limit: number, bestFound: number): number {
    const W = MAX_EMIT + 1;
    const AA = this.alphabet.length + 1;
    const emit = this.emit;
    const rest = this.rest;
    const next = this.next;
    // cols[d * (m + 1) + j]: cost of the best alignment of the current depth-d prefix with token[0..j);
    // only lo[d]..hi[d] is finite
    const D = this.maxDepth + 1;
    if (this.cols.length < D * (m + 1)) this.cols = new Float64Array(2 * D * (m + 1));
    const cols = this.cols;
    cols.fill(Infinity, 0, D * (m + 1));
    const lo = this.lo;
    const hi = this.hi;
    lo.fill(0);
    hi.fill(0);
    cols[0] = 0;
    const foundNode = this.foundNode;
    const foundCost = this.foundCost;
    let nFound = 0;
    // the `limit` cheapest costs found so far, as a max-heap: when full, nothing dearer than its top can be kept
    if (this.kept.length < limit) this.kept = new Float64Array(limit);
    const kept = this.kept;
    let nKept = 0;
    let bound = maxCost;
    if (bestFound + beam < bound) bound = bestFound + beam;
    const { nodeLetter, nodeDepth, nodeEnd, nodeIsWord } = this;
    const N = nodeLetter.length;
    for (let i = 0; i < N; ) {
      const d = nodeDepth[i]!;
      const prev = (d - 1) * (m + 1);
      const cur = d * (m + 1);
      const plo = lo[d - 1]!;
      const phi = hi[d - 1]!;
      // (the bound with twice the slack: only nodes the column below would drop for certain)
      let reachable = false;
      for (let j = plo, at = nodeLetter[i]! * (m + 1); j <= phi; j++) {
        if (cols[prev + j]! + next[at + j]! <= bound + 2 * SLACK) {
          reachable = true;
          break;
        }
      }
      if (!reachable) {
        i = nodeEnd[i]!;
        continue;
      }
      const top = phi + MAX_EMIT < m ? phi + MAX_EMIT : m;
      for (let j = cur + plo, end = cur + top; j <= end; j++) cols[j] = Infinity;
      const letter = nodeLetter[i]!;
      for (let j = plo; j <= phi; j++) {
        const c = cols[prev + j]!;
        if (c + rest[j]! > bound + SLACK) continue;
        const kmax = m - j < MAX_EMIT ? m - j : MAX_EMIT;
        const base = j * W * AA + letter;
        for (let k = 0; k <= kmax; k++) {
          const v = c + emit[base + k * AA]!;
          if (v < cols[cur + j + k]!) cols[cur + j + k] = v;
        }
      }
      let nlo = -1;
      let nhi = -1;
      for (let j = plo; j <= top; j++) {
        if (cols[cur + j]! + rest[j]! <= bound + SLACK) {
          if (nlo < 0) nlo = j;
          nhi = j;
        }
      }
      if (nlo < 0) {
        i = nodeEnd[i]!; // nothing under this prefix can come within the bound
        continue;
      }
      lo[d] = nlo;
      hi[d] = nhi;
      if (nodeIsWord[i] === 1 && top === m && cols[cur + m]! <= bound) {
        const cost = cols[cur + m]!;
        foundNode[nFound] = i;
        foundCost[nFound++] = cost;
        if (cost < bestFound) bestFound = cost;
        if (bestFound + beam < bound) bound = bestFound + beam;
        if (nKept < limit) heapPush(kept, nKept++, cost);
        else if (cost < kept[0]!) heapReplaceTop(kept, limit, cost);
        if (nKept === limit && kept[0]! < bound) bound = kept[0]!;
      }
      i++;
    }
    return nFound;
  }

  /**
   * Cost of the cheapest alignment of one syllable with the token whose emission table is `emit`:
   * `bestPath`'s recurrence, reading the table instead of asking `cost` per cell (calling
   * `bestPath` here made cold restoration 3–6 % slower).
   */
  private alignCost(s: string, emit: Float64Array, m: number): number {
    const W = MAX_EMIT + 1;
    const AA = this.alphabet.length + 1;
    // two columns, swapped per letter (scratch: this runs for every syllable of the token's letters)
    if (this.alignPrev.length < m + 1) {
      this.alignPrev = new Float64Array(2 * (m + 1));
      this.alignCur = new Float64Array(2 * (m + 1));
    }
    let prev = this.alignPrev;
    let cur = this.alignCur;
    prev.fill(Infinity, 0, m + 1);
    prev[0] = 0;
    for (const ch of s) {
      const letter = this.letterIndex.get(ch)!;
      cur.fill(Infinity, 0, m + 1);
      for (let j = 0; j <= m; j++) {
        const c = prev[j]!;
        if (c === Infinity) continue;
        for (let k = 0; k <= MAX_EMIT && j + k <= m; k++) cur[j + k] = Math.min(cur[j + k]!, c + emit[(j * W + k) * AA + letter]!);
      }
      const t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m]!;
  }
}

function heapPush(heap: Float64Array, size: number, x: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! >= x) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = x;
}

function heapReplaceTop(heap: Float64Array, size: number, x: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! > heap[child]!) child++;
    if (heap[child]! <= x) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = x;
}

/**
 * Count letter→OCR-string emissions on aligned (printed syllable, OCR token) pairs: each pair is
 * segmented by the cheapest path under the current model, twice over (hard EM). Pairs whose best
 * path is implausible (a different word, a merge) are skipped.
 */
export function learnConfusions(pairs: Iterable<[printed: string, ocr: string]>, syllables: readonly string[], rounds = 3): ConfusionCounts {
  const list = [...pairs];
  let counts: ConfusionCounts = {};
  for (let r = 0; r < rounds; r++) {
    const channel = new Channel(syllables, counts);
    const next: ConfusionCounts = {};
    for (const [t, o] of list) {
      const path = bestPath(channel, t, o);
      if (!path || path.cost > 4 * t.length + 6) continue;
      for (const [a, b] of path.steps) {
        const row = (next[a] ??= {});
        row[b] = (row[b] ?? 0) + 1;
      }
    }
    counts = next;
  }
  return counts;
}

function bestPath(channel: Channel, t: string, o: string): { cost: number; steps: [string, string][] } | null {
  const ts = [...t];
  const n = ts.length;
  const m = o.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int8Array(m + 1).fill(-1));
  cost[0]![0] = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= m; j++) {
      const c = cost[i]![j]!;
      if (c === Infinity) continue;
      for (let k = 0; k <= MAX_EMIT && j + k <= m; k++) {
        const v = c + channel.cost(ts[i]!, o.slice(j, j + k));
        if (v < cost[i + 1]![j + k]!) {
          cost[i + 1]![j + k] = v;
          back[i + 1]![j + k] = k;
        }
      }
    }
  }
  if (cost[n]![m] === Infinity) return null;
  const steps: [string, string][] = [];
  let j = m;
  for (let i = n; i > 0; i--) {
    const k = back[i]![j]!;
    steps.push([ts[i - 1]!, o.slice(j - k, j)]);
    j -= k;
  }
  return { cost: cost[n]![m]!, steps: steps.reverse() };
}
