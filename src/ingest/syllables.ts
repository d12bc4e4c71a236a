/**
 * How much of a text reads as Vietnamese syllables: the yardstick for choosing a legacy encoding
 * (the right decoding turns byte soup into syllables) and for judging a PDF text layer garbage.
 */

/**
 * The vowels a Vietnamese syllable may have (with the medial `o`/`u` and the final glide), longest
 * first: not any run of vowels, since a wrong decoding reads as runs like `ii`, `êi` (Windows-1258
 * read as Latin-1 turns `iÌ` into `iì`).
 */
const VOWELS =
  'uyê|uya|uyu|uây|uôi|ươi|ươu|iêu|yêu|oai|oao|oay|oeo|' +
  'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy]';
/** Onset, vowels, coda of a Vietnamese syllable written without its tone mark. */
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:${VOWELS})(?:ch|ng|nh|[cmnpt])?$`, 'u');
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const WORD = /[^\s\d.,;:!?()[\]{}"'“”‘’/\\%&*+=<>|_–—-]+/gu;

export interface SyllableScore {
  words: number;
  /** Share of words that are well-formed syllables, in [0, 1]. */
  ratio: number;
}

export function syllableScore(text: string, limit = 20_000): SyllableScore {
  let words = 0;
  let good = 0;
  for (const m of text.slice(0, limit).matchAll(WORD)) {
    const w = m[0];
    // all-caps abbreviations (TTHC, UBND) say nothing either way
    if (w.length > 1 && w === w.toUpperCase() && !/[\u00C0-\u1EF9]/u.test(w)) continue;
    words++;
    const nfd = w.toLowerCase().normalize('NFD');
    const tones = nfd.match(TONES)?.length ?? 0;
    if (tones <= 1 && SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'))) good++;
  }
  return { words, ratio: words === 0 ? 0 : good / words };
}
