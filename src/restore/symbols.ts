/**
 * Known repairs of document symbols and of `số` before a number, from a lexicon of codes
 * (data/codes.json) rather than from the language model: `QD` → `QĐ`, `BCP` → `BCĐ`, `s6` → `số`.
 */
import data from './data/codes.json' with { type: 'json' };
import { fold } from '../vietnamese/letters.js';

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

/**
 * How tesseract's Vietnamese model damages capital codes, from the dev set's vie OCR (seeds
 * 000–003, eval/data/restore/ocr-vie): it adds a round or stray letter beside C or inside a code
 * (`TTHOC`, `TTHCG`, `TTHGC`, `PVHCOC`, `POCT`, `TTIPVHCC`, `TTPVHCUC` for `TTHC`, `PVHCC`,
 * `PCT`, `TTPVHCC`), reads C as Ơ or G (`TTHƠ`, `TTHOG`) and T as 1 or I (`T1-VPCP`, `Lưu: VI`).
 */
const VIE_SPURIOUS = new Set(['O', 'G', 'U', 'I']);
/** I-shaped letters read for T: only after a T (`T1`, `TI`), or where `short` (`Lưu: VI`), since `PCI` is not `PCT`. */
const T_LIKE = new Set(['1', 'I', 'Ị', 'i']);

/** The token with the character at k replaced by what it was misread for, or null. */
function misread(s: string, k: number, short: () => boolean): string | null {
  const ch = s[k]!;
  // Ơ is no letter of a code; G for C only at the end (`TTHOG`), where `GTGT` keeps its Gs
  const to = ch === 'Ơ' || (ch === 'G' && k === s.length - 1) ? 'C'
    : T_LIKE.has(ch) && (s[k - 1] === 'T' || short()) ? 'T' : null;
  return to === null ? null : s.slice(0, k) + to + s.slice(k + 1);
}

/**
 * The lexicon code a capital token of Vietnamese-model OCR stands for, undoing at most two of the
 * damages above; null when it is a code already, when none or several codes are reached, or when
 * the token is no code-like string. Two-letter results (`VT`, `TT`) only where `short` says the
 * place expects a code (a symbol's type, the archive line): elsewhere `VI` is a Roman numeral.
 * (`short` is asked only when needed: it looks at the line, and most tokens are no code.)
 */
export function repairVieCode(token: string, short: boolean | (() => boolean)): string | null {
  if (CODES.has(token) || token.length < 2 || token.length > 10 || !/^[A-ZĐƠỊ1][A-ZĐƠỊ1i]+$/.test(token)) return null;
  let place: boolean | undefined;
  const isShort = () => (place ??= typeof short === 'boolean' ? short : short());
  const found = new Set<string>();
  const visit = (s: string, edits: number) => {
    if (edits > 0 && CODES.has(s) && (s.length > 2 || isShort())) found.add(s);
    if (edits === 2) return;
    for (let k = 0; k < s.length; k++) {
      const ch = s[k]!;
      if (VIE_SPURIOUS.has(ch) && s.length > 2) visit(s.slice(0, k) + s.slice(k + 1), edits + 1);
      const m = misread(s, k, isShort);
      if (m !== null) visit(m, edits + 1);
    }
  };
  visit(token, 0);
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * What a collective body's signature block opens with: `TM. ỦY BAN NHÂN DÂN` (thay mặt, on behalf
 * of), the body's first word folded (its marks may be misread too: `ỬY`).
 */
const BODY_WORDS = new Set(['UY', 'UBND', 'HOI', 'BAN', 'HDND']);
/** The labels of a signature block: thay mặt, ký thay, thừa lệnh. */
const LABELS = new Set(['TM', 'KT', 'TL']);

/**
 * `TM` for two capitals that are one letter off it and no code or other label (`FM`, `TN`: a stamp's
 * ring across the T), before a stop and the name of a body in capitals (`FM. ỦY BAN NHÂN DÂN`); else null.
 */
export function repairBodyLabel(token: string, stop: string | undefined, next: string | undefined): string | null {
  if (token.length !== 2 || LABELS.has(token) || CODES.has(token) || !/^[A-ZĐ]{2}$/.test(token)) return null;
  if ((token[0] === 'T') === (token[1] === 'M')) return null;
  return stop === '.' && next !== undefined && next === next.toUpperCase() && BODY_WORDS.has(fold(next).toUpperCase()) ? 'TM' : null;
}
