/**
 * The syllable inventory and the mapping from text to language-model ids, shared by training
 * and decoding so that both see the same tokens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BOS, NUM, PUNCT, SPECIALS, UNK } from './lm.js';
import { pieces } from './tokens.js';
import { canonical } from '../vietnamese/letters.js';
import type { PreparedPlaces } from './names.js';

const LETTERS_RE = /^[\p{L}]+$/u;

/**
 * The syllables of `dictionary-vi` (6 631 entries, tones placed the old way), lower-cased, tones
 * re-placed the new way; acronyms (`HĐND`, `ASCII`) are not syllables. Used at training time;
 * at run time the vocabulary comes from the model file.
 */
export function dictionarySyllables(): string[] {
  const require = createRequire(import.meta.url);
  const dic = readFileSync(join(dirname(require.resolve('dictionary-vi')), 'index.dic'), 'utf8');
  const out = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const word = line.split('/')[0]!.trim().normalize('NFC');
    if (!word || !LETTERS_RE.test(word)) continue;
    if (word.length > 1 && word === word.toUpperCase()) continue;
    out.add(canonical(word.toLowerCase()));
  }
  return [...out].sort();
}

/** data/places.json as stored: the units, and the forms the name pass looks them up in (scripts/places-file.ts). */
function placesData(): { units: string[] } & PreparedPlaces {
  return JSON.parse(readFileSync(new URL('./data/places.json', import.meta.url), 'utf8')) as { units: string[] } & PreparedPlaces;
}

/** Vietnam's administrative units, `<kind> <name>` (`xã Phú Lộc`): data/places.json, scripts/make-places.ts. */
export function placeUnits(): string[] {
  return placesData().units;
}

/** The same units as the name pass looks them up (`preparePlaces`), as data/places.json stores them. */
export function preparedPlaces(): PreparedPlaces {
  const { forms, shared } = placesData();
  return { forms, shared };
}

/** The syllables of place names, lower-cased with tones placed the new way (`đắk`, `lắk`, `knớ`). */
export function placeSyllables(units: readonly string[]): string[] {
  const out = new Set<string>();
  // (not single letters nor Roman numerals: `Phường II`)
  for (const u of units) for (const w of u.split(' ')) if (LETTERS_RE.test(w) && w.length >= 2 && w.length <= 7 && !/^[IVX]+$/i.test(w)) out.add(canonical(w.toLowerCase()));
  return [...out];
}

/** The model vocabulary: special tokens, syllables, then other known words (see `acronymCounts`). */
export function vocabularyOf(syllables: readonly string[], others: readonly string[] = []): string[] {
  return [...SPECIALS, ...syllables, ...others];
}

/**
 * Counts of the all-capital words of a text that are not syllables (`UBND`, `TTHC`, `HĐND`), by
 * model form (lower case). Reports lean on them (`UBND phường`), so the model gives the frequent
 * ones an id of their own instead of <unk>.
 */
export function acronymCounts(text: string, isSyllable: (w: string) => boolean, into = new Map<string, number>()): Map<string, number> {
  for (const p of pieces(text.normalize('NFC'))) {
    if (p.kind !== 'word' || p.text.length < 2 || p.text !== p.text.toUpperCase() || !LETTERS_RE.test(p.text)) continue;
    const w = canonical(p.text.toLowerCase());
    if (!isSyllable(w)) into.set(w, (into.get(w) ?? 0) + 1);
  }
  return into;
}

/** The id of a word as the model sees it: its lower-case canonical form, or <unk>. */
export function wordId(word: string, id: (w: string) => number): number {
  return id(canonical(word.toLowerCase()));
}

/** One line of clean text as model ids (without <s>/</s>). */
export function lineIds(line: string, id: (w: string) => number): Int32Array {
  const ps = pieces(line);
  const out = new Int32Array(ps.length);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    out[i] = p.kind === 'word' ? wordId(p.text, id) : p.kind === 'number' ? NUM : p.kind === 'punct' ? PUNCT : UNK;
  }
  return out;
}

export { BOS };

/** Every non-empty line of a clean text as model ids. */
export function textIds(text: string, id: (w: string) => number): Int32Array[] {
  return text.normalize('NFC').split('\n').map((l) => lineIds(l, id)).filter((s) => s.length > 0);
}
