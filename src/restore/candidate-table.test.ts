import { describe, expect, it } from 'vitest';
import { CandidateTable, candidateKeys, channelDigest } from './candidate-table.js';
import { Channel } from './channel.js';
import { loadCandidateTable, loadConfusions, loadLanguageModel, Restorer } from './index.js';
import { SPECIALS } from './lm.js';

const lm = loadLanguageModel();
const counts = loadConfusions();
const syllables = lm.vocab.slice(SPECIALS.length, SPECIALS.length + lm.syllableCount);
const search = { maxCost: 14, beam: 9, limit: 40 };
const emissions = [...new Set(Object.values(counts).flatMap((row) => Object.keys(row)))];

describe('candidateKeys', () => {
  it("holds a syllable, its letters without marks and its likeliest OCR spellings (English-model OCR's `s6` for `số`)", () => {
    const channel = new Channel(syllables, counts);
    const keys = [...candidateKeys(['số'], emissions, (t, o) => channel.cost(t, o))];
    expect(keys.slice(0, 3)).toEqual(['số', 'so', 's6']);
    expect(keys).toContain('sé');
    expect(keys.every((k) => k === k.toLowerCase())).toBe(true);
  });
});

describe('CandidateTable', () => {
  it('gives back the lists it was built from, to the last bit', () => {
    const channel = new Channel(syllables, counts);
    const keys = ['quyét', 's6', 'thuoc', 'dinh'];
    const lists = keys.map((k) => channel.candidates(k, search.maxCost, search.beam, search.limit));
    const table = CandidateTable.load(CandidateTable.build(keys, (k) => channel.candidates(k, search.maxCost, search.beam, search.limit), syllables, channelDigest(syllables, counts), search));
    expect(table.size).toBe(4);
    expect(keys.map((k) => table.get(k, syllables))).toEqual(lists);
    expect(table.get('quyết định', syllables)).toBeUndefined();
    expect(lists[0]![0]).toEqual({ word: 'quyết', cost: expect.any(Number) });
  });

  it('is taken only by a channel of the syllables and counts it was searched in', () => {
    const table = loadCandidateTable();
    expect(new Channel(syllables, counts).useTable(table)).toBe(true);
    expect(new Channel(syllables, { ...counts, a: { a: 1 } }).useTable(table)).toBe(false);
    expect(new Channel(syllables.slice(1), counts).useTable(table)).toBe(false);
  });

  it('answers only searches with its parameters: the default restorer\'s', () => {
    const table = loadCandidateTable();
    expect(table.answers(channelDigest(syllables, counts), new Restorer(lm, counts).candidateSearch)).toBe(true);
    const channel = new Channel(syllables, counts);
    channel.useTable(table);
    // another limit is searched, not read from the table's lists of 40
    expect(channel.candidates('thuoc', 14, 9, 3)).toHaveLength(3);
  });

  it('as shipped (models/restore-candidates.bin) holds what a fresh search finds: every 7th spelling checked', () => {
    const table = loadCandidateTable();
    const fresh = new Channel(syllables, counts);
    const keys = [...candidateKeys(syllables, emissions, (t, o) => fresh.cost(t, o))].sort();
    expect(table.size).toBe(keys.length);
    for (let k = 0; k < keys.length; k += 7) expect(table.get(keys[k]!, syllables)).toEqual(fresh.candidates(keys[k]!, search.maxCost, search.beam, search.limit));
  });
});
