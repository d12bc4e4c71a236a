import type { Edit } from '../text/source-text.js';
import { canonical } from '../vietnamese/letters.js';

/**
 * Vietnamese has two tone placements for open syllables with the glides `oa`, `oe`, `uy`:
 * old style marks the second vowel (`hoà`, `khoẻ`, `thuỷ`), new style the first (`hòa`,
 * `khỏe`, `thủy`). Reports mix both; matching needs one, and we take the new style, as the
 * corpus and the language model do (`canonical` in src/vietnamese places tones).
 */
/** A toned `a`/`e`/`y` after a plain `o`/`u` at the end of a word: the only places styles differ. */
const OLD_STYLE = /[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/gu;
const WORD_START = /[\p{L}\p{M}]*$/u;

/** Edits that re-place the tone of every old-style word. */
export function canonicalToneEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  OLD_STYLE.lastIndex = 0;
  for (let m = OLD_STYLE.exec(text); m; m = OLD_STYLE.exec(text)) {
    const end = m.index + 2;
    const start = m.index - WORD_START.exec(text.slice(Math.max(0, m.index - 8), m.index))![0].length;
    const word = text.slice(start, end);
    const placed = canonical(word);
    if (placed !== word) edits.push({ start, end, replacement: placed });
  }
  return edits;
}
