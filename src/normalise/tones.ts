import type { Edit } from '../text/source-text.js';

/**
 * Vietnamese has two tone placements for open syllables with the glides `oa`, `oe`, `uy`:
 * old style marks the second vowel (`hoà`, `khoẻ`, `thuỷ`), new style the first (`hòa`,
 * `khỏe`, `thủy`). Reports mix both; matching needs one. We pick the new style, which most of
 * the corpus uses. `qu` is a consonant, so `quý` keeps its mark on `y`.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** A plain `o`/`u` followed by a toned `a`/`e`/`y` that ends the word: `hoà`, `khoẻ`, `thuỷ`. */
const OLD_STYLE = /[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/gu;
const GLIDE_PAIRS = new Set(['oa', 'oe', 'uy']);

/** Edits that move a tone mark from the second to the first vowel of `oa`, `oe`, `uy` word-finally. */
export function canonicalToneEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  OLD_STYLE.lastIndex = 0;
  for (let m = OLD_STYLE.exec(text); m; m = OLD_STYLE.exec(text)) {
    const glide = m[0][0]!;
    // `qu` is a consonant: `quý` is right as it is
    if (text[m.index - 1] === 'q' || text[m.index - 1] === 'Q') continue;
    const decomposed = m[0][1]!.normalize('NFD');
    const tone = decomposed.match(TONE_MARKS)![0];
    const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
    if (!GLIDE_PAIRS.has((glide + bare.normalize('NFD')[0]).toLowerCase())) continue;
    edits.push({ start: m.index, end: m.index + 2, replacement: (glide + tone).normalize('NFC') + bare });
  }
  return edits;
}

/** The canonical tone placement of one word (used by lexicons and restoration). */
export function canonicalTones(word: string): string {
  let out = '';
  let cur = 0;
  for (const e of canonicalToneEdits(word)) {
    out += word.slice(cur, e.start) + e.replacement;
    cur = e.end;
  }
  return out + word.slice(cur);
}
