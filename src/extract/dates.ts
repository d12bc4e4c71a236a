/**
 * Calendar dates as Vietnamese reports write them, to ISO `YYYY-MM-DD`.
 *
 * Two written forms: numeric `23/01/2026` (also `-` or `.` as separator, day first) and worded
 * `12 tháng 02 năm 2026` (day, month, year). Shared by references, periods and figures: a
 * pattern source to embed in larger regexes, and a parser for the text such a pattern matched.
 */

/** Horizontal space: a numeric date is never split across lines (a worded one may be). */
const SP = '[ \\t\\u00a0]*';

/**
 * A date in either form (one separator throughout: `23/01-2026` is not a date), with no
 * capturing groups so that it can be embedded anywhere.
 * `tháng`/`năm` (month/year) are matched case-insensitively by the caller's `i` flag.
 */
export const DATE_SOURCE =
  `(?:\\d{1,2}${SP}(?:/${SP}\\d{1,2}${SP}/|-${SP}\\d{1,2}${SP}-|\\.${SP}\\d{1,2}${SP}\\.)${SP}\\d{4}` +
  `|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s*,?\\s+năm\\s+\\d{4})`;

const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const WORDED = /^(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})$/iu;

/** Days in a month of a (proleptic Gregorian) year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`, or null when the day does not exist (`31/02/2026`, month 13). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** First and last ISO day of a month. */
export function monthBounds(year: number, month: number): { from: string; to: string } | null {
  const from = isoDate(year, month, 1);
  return from ? { from, to: isoDate(year, month, lastDayOfMonth(year, month))! } : null;
}

/** Parse the text a `DATE_SOURCE` match covered (surrounding space allowed). */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const m = NUMERIC.exec(s) ?? WORDED.exec(s);
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };

/** `I`…`XII` or `1`…`12` (quarters and months are written both ways); null otherwise. */
export function smallOrdinal(s: string): number | null {
  const t = s.trim().toUpperCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  return ROMAN[t] ?? null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
