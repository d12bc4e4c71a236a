import { describe, expect, it } from 'vitest';
import { Channel } from './channel.js';
import { loadConfusions, loadLanguageModel } from './index.js';
import { SPECIALS } from './lm.js';

const lm = loadLanguageModel();
const counts = loadConfusions();
const syllables = lm.vocab.slice(SPECIALS.length, SPECIALS.length + lm.syllableCount);

describe('Channel', () => {
  it('finds the same candidates whether its syllables come in ascending order (the trie built from them as they are) or not', () => {
    // `a` after `ai`: not ascending, so the trie is built node by node; its preorder is the same
    const [first, second, ...rest] = syllables;
    expect([first, second]).toEqual(['a', 'ai']);
    const ascending = new Channel(syllables, counts);
    const other = new Channel([second!, first!, ...rest], counts);
    for (const token of ['quyét', 's6', 'thu6c', 'nguoi', 'dinh', 'ai']) expect(ascending.candidates(token, 14, 9, 40)).toEqual(other.candidates(token, 14, 9, 40));
    // English-model OCR's `s6`: `6` is how it reads ổ and ố (the LM then prefers `số`)
    const words = ascending.candidates('s6', 14, 9, 40).map((c) => c.word);
    expect(words[0]).toBe('sổ');
    expect(words).toContain('số');
  });

  it('groups the syllables by their letters without marks, in the order given', () => {
    const channel = new Channel(['ca', 'cà', 'cá', 'co'], counts);
    expect([...channel.foldGroups()]).toEqual([['ca', ['ca', 'cà', 'cá']], ['co', ['co']]]);
    expect(channel.sameFold('ca')).toEqual(['ca', 'cà', 'cá']);
  });
});
