/**
 * Comparators: a number stated as a bound rather than a value (`ít nhất 10%`, `tối thiểu 30%`,
 * `trên 90%`, `không quá 04 người`, `từ 02 tỉnh trở lên`, `≥ 95`). The cue must stand right
 * before the number (`trên địa bàn 5 xã` has none), or `trở lên` / `trở xuống` right after what it
 * counts, which wins over a cue before it (a verb may stand between: `tối thiểu đạt 30%`) (`dưới 50 điểm trở xuống` is ≤, `trên 90 điểm trở lên` ≥).
 */
import type { Comparator } from '../types.js';

/**
 * Cues before a number, in Vietnamese data; alternatives that begin earlier win (regex leftmost
 * match), so `không thấp hơn` is ≥, not the `>` of `hơn`.
 */
const BEFORE = new RegExp(
  [
    '(?:(?<![\\p{L}])(',
    [
      'không\\s+(?:thấp|ít|nhỏ|kém)\\s+hơn', // ≥ not lower than
      'không\\s+dưới', // ≥ not under
      'ít\\s+nhất', // ≥ at least
      'tối\\s+thiểu', // ≥ minimum
      'không\\s+vượt\\s+quá|không\\s+vượt|không\\s+quá', // ≤ not exceeding
      'không\\s+(?:cao|lớn|nhiều)\\s+hơn', // ≤ not higher than
      'tối\\s+đa', // ≤ maximum
      '(?:cao|lớn|nhiều)\\s+hơn', // > more than
      '(?:thấp|nhỏ|ít)\\s+hơn', // < less than
      'vượt(?:\\s+quá)?', // > beyond
      'trên', // > over
      'hơn', // > more than
      'dưới', // < under
    ].join('|'),
    ')|(≥|>=|≤|<=|>|<))',
    // a verb may stand between the cue and the number: `tối thiểu đạt 30%`, `không quá là 5`
    '(?:\\s+(?:đạt|là|bằng|(?:ở\\s+)?mức))?\\s*$',
  ].join(''),
  'iu',
);

const WORDS: [RegExp, Comparator][] = [
  [/^không\s+(?:thấp|ít|nhỏ|kém)\s+hơn$|^không\s+dưới$|^ít\s+nhất$|^tối\s+thiểu$/iu, '≥'],
  [/^không\s+(?:vượt|quá|cao|lớn|nhiều)|^tối\s+đa$/iu, '≤'],
  [/^(?:thấp|nhỏ|ít)\s+hơn$|^dưới$/iu, '<'],
  [/^(?:cao|lớn|nhiều)\s+hơn$|^vượt|^trên$|^hơn$/iu, '>'],
];

const SYMBOLS: Record<string, Comparator> = { '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '>': '>', '<': '<' };

/** `trở lên` / `trở xuống` after the figure, with at most a few words (no number, no punctuation) between. */
const AFTER = /^(?:\s+[\p{L}]+){0,4}?\s+trở\s+(lên|xuống)(?![\p{L}])/iu;

/** The comparator of a number whose cue would stand in `before` (the text up to the number) or `after`. */
export function comparatorOf(before: string, after: string): Comparator | null {
  const a = AFTER.exec(after.slice(0, 60));
  if (a) return a[1]!.toLowerCase() === 'lên' ? '≥' : '≤';
  const b = BEFORE.exec(before.slice(-32));
  if (!b) return null;
  if (b[2]) return SYMBOLS[b[2]]!;
  const cue = b[1]!;
  for (const [re, c] of WORDS) if (re.test(cue)) return c;
  return null;
}

/** The comparator written in a table cell before its value (`≥`, `tối thiểu`, `trên`). */
export function cellComparator(cue: string | undefined): Comparator | null {
  return cue ? comparatorOf(cue, '') : null;
}
