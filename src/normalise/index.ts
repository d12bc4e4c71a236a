import type { SourceText } from '../text/source-text.js';
import { canonicalToneEdits } from './tones.js';

/**
 * Normalise a text for matching while every character stays traceable to the original:
 * Unicode NFC, one tone placement, white space, and the markup debris of upstream converters
 * (Markdown emphasis, `<b>` tags, LaTeX such as `$\geq 95$`). Markdown heading marks (`##`) and
 * tabs are kept: they are structure, read by segment.
 */
export function normalise(text: SourceText): SourceText {
  let t = toNfc(text);
  t = t.edit(canonicalToneEdits(t.text));
  t = removeMarkup(t);
  t = normaliseWhitespace(t);
  return t;
}

/** NFC, edit by edit: only clusters (a base letter and its marks) that change are replaced. */
export function toNfc(text: SourceText): SourceText {
  if (text.text.normalize('NFC') === text.text) return text;
  return text.replaceAll(/\P{M}\p{M}+/gu, (m) => m[0].normalize('NFC'));
}

const LATEX: Record<string, string> = {
  '\\geq': '≥',
  '\\ge': '≥',
  '\\leq': '≤',
  '\\le': '≤',
  '\\%': '%',
  '\\times': '×',
  '\\pm': '±',
};

export function removeMarkup(text: SourceText): SourceText {
  // `<b>`, `</b>`, `<i>`, `<br>`, `<u>` tags from HTML-ish converters
  let t = text.replaceAll(/<\/?(?:b|i|u|em|strong|br|sup|sub|span)\s*\/?>/giu, () => '');
  // inline LaTeX: `$\geq 95$` → `≥ 95`
  t = t.replaceAll(/\$([^$\n]{1,40})\$/gu, (m) => {
    const body = m[1]!.replace(/\\[a-zA-Z]+|\\%/g, (cmd) => LATEX[cmd] ?? cmd);
    return /\\/.test(body) ? null : body.trim();
  });
  // Markdown emphasis: `**Phụ lục I**`, `*Tiếp nhận …*`, `__x__`; lone `*` list markers are left alone
  // (bold may run over a line break, as in `**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**`, never over a blank line)
  t = t.replaceAll(/(\*\*|__)(?=\S)((?:[^\n]|\n(?!\s*\n))*?\S)\1/gu, (m) => m[2]!);
  t = t.replaceAll(/(?<![*\w])\*(?=[^\s*])([^*]*?[^\s*])\*(?![*\w])/gu, (m) => (/\n[ \t]*\n/u.test(m[1]!) ? null : m[1]!));
  // what is left unpaired by web renderings: `**` runs (`Điều 1.****`, `DÂN **`) and lines of lone stars
  t = t.replaceAll(/\*{2,}/gu, () => '');
  t = t.replaceAll(/^[ \t]*\*(?:[ \t]*\*)*[ \t]*$/gmu, () => '');
  // a trailing backslash or two trailing spaces are Markdown hard breaks
  t = t.replaceAll(/(?: {2,}|\\)$/gmu, () => '');
  return t;
}

export function normaliseWhitespace(text: SourceText): SourceText {
  let t = text.replaceAll(/\r\n?/gu, () => '\n');
  // non-breaking and other exotic spaces become plain spaces; zero-width characters go
  t = t.replaceAll(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, () => ' ');
  t = t.replaceAll(/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, () => '');
  // hyphens and dashes the parsers do not know become the two they do: Word's non-breaking hyphen inside a
  // symbol (`QĐ‑UBND`) and the minus sign are `-`, a figure dash or bar between years is `–`
  t = t.replaceAll(/[\u2010\u2011\u2212\ufe63\uff0d]/gu, () => '-');
  t = t.replaceAll(/[\u2012\u2015]/gu, () => '–');
  // runs of spaces (not tabs: they separate table cells) collapse; trailing spaces go
  t = t.replaceAll(/ {2,}/gu, () => ' ');
  t = t.replaceAll(/[ ]+$/gmu, () => '');
  // a date word and its number glued together, as web renderings and OCR leave them (`tháng11 năm 2025`, `năm2026`,
  // `ngày15/10`, `tháng 10năm 2025`): one space between them
  t = t.replaceAll(/(?<![\p{L}])(?:tháng|năm|ngày|quý|đoạn)(?=\d)/giu, (m) => `${m[0]} `);
  t = t.replaceAll(/(?<=\d)(?:tháng|năm)(?![\p{L}])/giu, (m) => ` ${m[0]}`);
  return t;
}
