/**
 * Vietnamese number notation: `.` groups thousands, `,` is the decimal mark, leading zeros are
 * normal (`02 hồ sơ`). Anything else (`66.7`, `1.5`) is not a Vietnamese number: it is part of a
 * document number or a version string and must never be read as a decimal.
 */

/**
 * A number token as it appears in running text. The look-behind keeps the token from starting in
 * the middle of a longer run of digits or of a word; the look-ahead keeps it from stopping inside a
 * grouped number (`1.8|94`) or a document number (`66|.7`). Document numbers that do match
 * (`137` in `137/UBND`) are dropped by the refiners, which know the surrounding text.
 */
export const NUMBER_PATTERN = String.raw`(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\p{N}]|[.,]\d)`;

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:,\d+)?$/;

export function parseVietnameseNumber(s: string): number | null {
  const t = s.trim();
  if (!GROUPED.test(t) && !PLAIN.test(t)) return null;
  const value = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
