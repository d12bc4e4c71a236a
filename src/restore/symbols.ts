/**
 * Known repairs of document symbols and of `số` before a number, from a lexicon of codes
 * (data/codes.json) rather than from the language model: `QD` → `QĐ`, `BCP` → `BCĐ`, `s6` → `số`.
 */
import data from './data/codes.json' with { type: 'json' };

const CODES = new Set(data.codes);
/** Letters English OCR puts for Đ. */
const D_LIKE = /[DPBÐ]/g;

/** The lexicon code an OCR'd all-capital code stands for, or null when it is not one. */
export function repairCode(code: string): string | null {
  if (CODES.has(code)) return code;
  const spots = [...code.matchAll(D_LIKE)].map((m) => m.index);
  if (spots.length === 0 || spots.length > 4) return null;
  const found = new Set<string>();
  for (let mask = 1; mask < 1 << spots.length; mask++) {
    const chars = [...code];
    spots.forEach((at, i) => {
      if (mask & (1 << i)) chars[at] = 'Đ';
    });
    const v = chars.join('');
    if (CODES.has(v)) found.add(v);
  }
  return found.size === 1 ? [...found][0]! : null;
}

export function isCode(word: string): boolean {
  return CODES.has(word);
}

const BEFORE_NUMBER = new Map<string, string>();
for (const [word, forms] of Object.entries(data.beforeNumber)) for (const f of forms) BEFORE_NUMBER.set(f.toLowerCase(), word);

/** `s6` → `số` when a number follows; null for anything else. */
export function repairBeforeNumber(token: string): string | null {
  return BEFORE_NUMBER.get(token.toLowerCase()) ?? null;
}

const ACRONYMS = new Set(data.acronyms);

/** `AI`, `IT`: an acronym that is also a syllable's letters, kept as written among words in small letters. */
export function isSyllableLikeAcronym(word: string): boolean {
  return ACRONYMS.has(word);
}
