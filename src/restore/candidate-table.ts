/**
 * Candidates worked out ahead of time: the channel's candidate list for a fixed set of spellings
 * (`candidateKeys`), so that a process that restores one file (`baocao restore`) does not search
 * the trie for them, mostly before V8 has compiled the search. A list depends only on the token,
 * the syllables, the confusion counts and the search's three parameters, so the table is built
 * from the shipped models alone (`npx tsx scripts/candidate-table.ts`), never from a text, and is
 * used only by a channel whose syllables and counts hash to the table's (`channelDigest`) and
 * only for searches with its parameters: what `candidates` returns is the same either way.
 *
 * File layout (little-endian): "BCCT1\n", u32 header length, header JSON (`TableHeader`), zeros to
 * a multiple of 8 bytes, then the costs (Float64, all lists one after the other), each key's
 * first entry (Uint32, keys + 1), where each key starts in the keys' text (Uint32, UTF-16 units,
 * keys + 1), a hash table of the keys (Uint32 slots, a power of two: key index + 1, 0 empty;
 * `keyHash`, linear probing), each entry's syllable (Uint16, index into the channel's syllables),
 * and the keys' text (UTF-8, sorted keys one after the other). Loading is one copy and one
 * decode: a Map of the 24 000 keys took some 30 ms to build, cold, in every process.
 */
import { createHash } from 'node:crypto';
import type { Candidate, ConfusionCounts } from './channel.js';
import { fold } from '../vietnamese/letters.js';
import { writeSectionsFile } from './sections-file.js';

const MAGIC = 'BCCT1\n';

/** The parameters of the searches the table answers: `candidates(token, maxCost, beam, limit)`. */
export interface SearchParameters {
  maxCost: number;
  beam: number;
  limit: number;
}

interface TableHeader extends SearchParameters {
  /** `channelDigest` of the channel the lists were searched in. */
  channel: string;
  keys: number;
  entries: number;
  slots: number;
}

/** FNV-1a over a string's UTF-16 units. */
function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A hash of what a channel's candidates depend on besides the token: its syllables (in order) and counts. */
export function channelDigest(syllables: readonly string[], counts: ConfusionCounts): string {
  return createHash('sha256').update(syllables.join('\n')).update('\0').update(JSON.stringify(counts)).digest('hex').slice(0, 32);
}

export class CandidateTable {
  private constructor(
    readonly header: TableHeader,
    private readonly costs: Float64Array,
    private readonly first: Uint32Array,
    private readonly words: Uint16Array,
    private readonly keyStart: Uint32Array,
    private readonly slots: Uint32Array,
    private readonly keys: string,
  ) {}

  get size(): number {
    return this.header.keys;
  }

  /** The index of a key, or -1. */
  private find(token: string): number {
    const mask = this.slots.length - 1;
    for (let at = keyHash(token) & mask; ; at = (at + 1) & mask) {
      const k = this.slots[at]! - 1;
      if (k < 0) return -1;
      const start = this.keyStart[k]!;
      if (this.keyStart[k + 1]! - start === token.length && this.keys.startsWith(token, start)) return k;
    }
  }

  /** Whether the table's lists are what `channel`'s search with these parameters finds. */
  answers(digest: string, p: SearchParameters): boolean {
    const h = this.header;
    return h.channel === digest && h.maxCost === p.maxCost && h.beam === p.beam && h.limit === p.limit;
  }

  /** The stored list of `token` (a new array of new objects), or undefined when it is not a key. */
  get(token: string, syllables: readonly string[]): Candidate[] | undefined {
    const k = this.find(token);
    if (k < 0) return undefined;
    const out: Candidate[] = [];
    for (let e = this.first[k]!, end = this.first[k + 1]!; e < end; e++) out.push({ word: syllables[this.words[e]!]!, cost: this.costs[e]! });
    return out;
  }

  static load(buf: Uint8Array): CandidateTable {
    if (new TextDecoder().decode(buf.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('not a baocao candidate table');
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const hlen = dv.getUint32(MAGIC.length, true);
    let at = MAGIC.length + 4;
    const header = JSON.parse(new TextDecoder().decode(buf.subarray(at, at + hlen))) as TableHeader;
    at += hlen;
    at += (8 - (at % 8)) % 8;
    const { keys: n, entries: m, slots: S } = header;
    // one aligned copy of the arrays (the file's buffer need not be aligned), then views
    const arrays = new Uint8Array(8 * m + 8 * (n + 1) + 4 * S + 2 * m);
    arrays.set(buf.subarray(at, at + arrays.length));
    at += arrays.length;
    let o = 0;
    const view = <T>(make: (b: ArrayBuffer, at: number, n: number) => T, count: number, size: number): T => {
      const a = make(arrays.buffer, o, count);
      o += count * size;
      return a;
    };
    const costs = view((b, at, k) => new Float64Array(b, at, k), m, 8);
    const first = view((b, at, k) => new Uint32Array(b, at, k), n + 1, 4);
    const keyStart = view((b, at, k) => new Uint32Array(b, at, k), n + 1, 4);
    const slots = view((b, at, k) => new Uint32Array(b, at, k), S, 4);
    const words = view((b, at, k) => new Uint16Array(b, at, k), m, 2);
    const keys = new TextDecoder().decode(buf.subarray(at));
    if (keys.length !== keyStart[n]) throw new Error('candidate table of the wrong size');
    return new CandidateTable(header, costs, first, words, keyStart, slots, keys);
  }

  /** The file for `keys` (sorted here), each list from `search` (a channel's `candidates` with `p`). */
  static build(keys: Iterable<string>, search: (token: string) => readonly Candidate[], syllables: readonly string[], digest: string, p: SearchParameters): Uint8Array {
    const sorted = [...new Set(keys)].sort();
    if (sorted.some((k) => k === '')) throw new Error('an empty key in the candidate table');
    const at = new Map(syllables.map((s, i) => [s, i]));
    const costs: number[] = [];
    const words: number[] = [];
    const first = [0];
    for (const k of sorted) {
      for (const c of search(k)) {
        costs.push(c.cost);
        words.push(at.get(c.word)!);
      }
      first.push(costs.length);
    }
    // a hash table at most half full
    let S = 1;
    while (S < 2 * sorted.length) S *= 2;
    const slots = new Uint32Array(S);
    const keyStart = [0];
    sorted.forEach((k, i) => {
      keyStart.push(keyStart[i]! + k.length);
      let at = keyHash(k) & (S - 1);
      while (slots[at] !== 0) at = (at + 1) & (S - 1);
      slots[at] = i + 1;
    });
    const header: TableHeader = { ...p, channel: digest, keys: sorted.length, entries: costs.length, slots: S };
    const text = new TextEncoder().encode(sorted.join(''));
    return writeSectionsFile(MAGIC, header, 8, [Float64Array.from(costs), Uint32Array.from(first), Uint32Array.from(keyStart), slots, Uint16Array.from(words), text]);
  }
}

/** How far (nats) behind a syllable's likeliest OCR spelling a spelling may be, and how many spellings per syllable. */
const SPELLING_SLACK = 6;
const SPELLINGS_PER_SYLLABLE = 64;

/**
 * The spellings the table holds, from the syllables and the channel alone (no text): each syllable
 * as it is and with its marks removed, and its likeliest OCR spellings: each letter written as
 * one of the strings the counts know (or as itself, or dropped), the spellings within
 * SPELLING_SLACK nats of the likeliest, at most SPELLINGS_PER_SYLLABLE of them (lower case: the
 * restorer asks for lower-cased tokens). `cost(t, o)` is
 * the channel's −ln P(o | t); `emissions` the OCR strings its counts know.
 */
export function candidateKeys(syllables: readonly string[], emissions: readonly string[], cost: (t: string, o: string) => number): Set<string> {
  const keys = new Set<string>();
  const byLetter = new Map<string, { o: string; c: number }[]>();
  const spellingsOf = (t: string) => {
    let list = byLetter.get(t);
    if (!list) {
      list = [...new Set([t, '', ...emissions])].map((o) => ({ o, c: cost(t, o) })).sort((a, b) => a.c - b.c || (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
      byLetter.set(t, list);
    }
    return list;
  };
  for (const s of syllables) {
    keys.add(s);
    keys.add(fold(s));
    let spellings = [{ o: '', c: 0 }];
    for (const t of s) {
      const list = spellingsOf(t);
      const least = list[0]!.c;
      const next: { o: string; c: number }[] = [];
      for (const a of spellings) {
        for (const e of list) {
          if (e.c > least + SPELLING_SLACK) break;
          next.push({ o: a.o + e.o, c: a.c + e.c });
        }
      }
      next.sort((a, b) => a.c - b.c || (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
      const best = next[0]!.c;
      spellings = next.filter((x) => x.c <= best + SPELLING_SLACK).slice(0, 200);
    }
    let n = 0;
    for (const x of spellings) {
      if (n >= SPELLINGS_PER_SYLLABLE) break;
      if (x.o === '' || x.o !== x.o.toLowerCase()) continue; // (the search is asked lower-case tokens only)
      keys.add(x.o);
      n++;
    }
  }
  return keys;
}
