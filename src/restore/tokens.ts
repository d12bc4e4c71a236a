/**
 * Cutting text into the pieces restoration works on, the same way for training and decoding.
 *
 * A whitespace-separated chunk is either protected whole (URL, e-mail), a document symbol or
 * date (`1037/QD-BCP`, `06/8/2025`, `02-KH/BCPTW`: only its code letters may be repaired), or
 * runs of word characters and punctuation. Word characters include the signs English OCR puts
 * for Vietnamese letters (`s6`, `chuy&n`, `hi¢u`, `@ng`, `k¥`), so a garbled syllable stays one token.
 */

export type PieceKind = 'word' | 'number' | 'punct' | 'code' | 'protected';

export interface Piece {
  kind: PieceKind;
  start: number; // offsets in the text given to `pieces`
  end: number;
  text: string;
  /** For `code`: inside a document symbol (`QD` in `1037/QD-BCP`), where lexicon repairs apply. */
  inSymbol?: boolean;
  /** First piece of a line (a sentence boundary for the language model). */
  lineStart?: boolean;
}

/**
 * Word characters: letters, marks, digits and the signs OCR substitutes for letters. An apostrophe
 * or question mark between small letters stays inside the word: English OCR reads ư as u'
 * (`thu'c` for `thực`) and ứ as i? (`chi?c` for `chức`).
 */
const WORD_RE = /[\p{L}\p{M}\d&¢@¥$£§]+(?:(?<=\p{Ll})['’?](?=\p{Ll})[\p{L}\p{M}\d&¢@¥$£§]+)*/gu;
/**
 * A chunk of word characters only: one piece, a word or a number (most chunks). No URL, symbol or
 * code pair can be made of these characters (each needs `/`, `-`, `:` or `.`), so one test stands
 * for those tests and the word regex's match objects.
 */
const WORD_ONLY_RE = /^[\p{L}\p{M}\d&¢@¥$£§]+$/u;
const URL_RE = /^(?:https?:\/\/|www\.)|^[\w.+-]+@[\w-]+\.[\w.-]+/i;
/** A chunk holding a document number, symbol or date: `/` or `-` between two alphanumerics. */
const SYMBOL_RE = /[\p{L}\d][/-]\s?[\p{L}\d]|\d[/-]/u;
/** `BC-UBND`, `/KH-UBND`, `KL/TW`: codes joined by a slash or hyphen. */
const CODE_PAIR_RE = /(?:^|[/-])[A-ZĐ]+[/-][A-ZĐ]|^\/[A-ZĐ]/;
const DIGITS_RE = /^\d+$/;
const HAS_DIGIT_RE = /\d/;
const CAPS_RE = /^[A-ZĐ]+$/;

/**
 * A piece with every field from the start: one object shape for everything that reads pieces
 * (a field added later, `lineStart`, gave them four).
 */
function piece(kind: PieceKind, start: number, end: number, text: string, inSymbol = false): Piece {
  return { kind, start, end, text, inSymbol, lineStart: false };
}

/** What `\s` matches in a regex: chunks are cut by a scan, not a regex (a match object per chunk). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let lastLineEnd = -1;
  // the last newline before `at` (chunks hold none: it is found while skipping the space before one)
  let nl = -1;
  for (let at = 0; at < text.length; ) {
    const c = text.charCodeAt(at);
    if (isSpace(c)) {
      if (c === 10) nl = at;
      at++;
      continue;
    }
    const base = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const chunk = text.slice(base, at);
    const lineStart = nl !== lastLineEnd || out.length === 0;
    lastLineEnd = nl;
    const first = out.length;
    if (WORD_ONLY_RE.test(chunk)) {
      out.push(piece(DIGITS_RE.test(chunk) ? 'number' : 'word', base, at, chunk));
    } else if (URL_RE.test(chunk)) {
      out.push(piece('protected', base, base + chunk.length, chunk));
    } else {
      const symbol = (SYMBOL_RE.test(chunk) && HAS_DIGIT_RE.test(chunk)) || CODE_PAIR_RE.test(chunk);
      let cur = 0;
      WORD_RE.lastIndex = 0;
      for (let w = WORD_RE.exec(chunk); w; w = WORD_RE.exec(chunk)) {
        if (w.index > cur) out.push(piece('punct', base + cur, base + w.index, chunk.slice(cur, w.index)));
        const word = w[0];
        const start = base + w.index;
        const end = start + word.length;
        if (DIGITS_RE.test(word)) out.push(piece('number', start, end, word));
        else if (symbol) {
          // inside a symbol only all-capital codes may be repaired; anything else is kept as written
          out.push(CAPS_RE.test(word) ? piece('code', start, end, word, true) : piece('protected', start, end, word));
        } else out.push(piece('word', start, end, word));
        cur = w.index + word.length;
      }
      if (cur < chunk.length) out.push(piece('punct', base + cur, base + chunk.length, chunk.slice(cur)));
    }
    if (lineStart && out.length > first) out[first]!.lineStart = true;
  }
  return out;
}
