/**
 * The figure parsers, after chrono-node: an ordered list of small parsers, each a regex and an
 * extract step that returns a typed mention with its position, and exclusions that mark the
 * numbers which are something else (document numbers, dates, article numbers, addresses).
 * The refiners in `refiners.ts` then drop, merge and complete what the parsers found.
 */
import { NUMBER_PATTERN, parseVietnameseNumber } from '../numbers.js';
import type { Comparator, FigureKind } from '../types.js';
import { comparatorOf } from './comparators.js';
import { COUNT_UNIT_PATTERN, SCALABLE_UNIT_PATTERN, UNIT_PATTERN, unitOf } from './lexicon.js';
import { countedNoun, enumerates, standsAsCount } from './nouns.js';

export type MentionKind = FigureKind | 'bare' | 'zero';

export interface Mention {
  kind: MentionKind;
  /** Span of the whole match (cue words, number, unit) in the passage text. */
  start: number;
  end: number;
  /** Span of the number(s) only: what conflicts and exclusions are judged on. */
  numberStart: number;
  numberEnd: number;
  value: number;
  of: number | null;
  unit: string | null;
  /** Where the unit is, when the text names it. */
  unitEnd: number | null;
  parser: string;
  /** A bound stated with the number (`tối thiểu 30%`), set by `comparatorOf` after parsing. */
  comparator: Comparator | null;
}

/**
 * What a text must hold for a pattern to match anywhere in it, tested before the scan: most
 * passages have no digit at all, and few a `/` or `%`.
 */
interface Needs {
  /** Every match contains a digit. */
  digit: boolean;
  /** A character (or string) every match contains, or strings one of which every match contains. */
  char?: string | string[];
}

interface Parser extends Needs {
  name: string;
  pattern: RegExp;
  /** Read only numbers no earlier parser has read (an earlier parser wins a conflict anyway): saves the work on numbers with a lexicon unit. */
  unclaimed?: boolean;
  extract(m: RegExpExecArray): Mention | null;
}

interface Exclusion extends Needs {
  name: string;
  pattern: RegExp;
  /**
   * A look-behind checked at the match start in the scan loop (sticky), not in the pattern: a
   * leading look-behind keeps the engine from skipping ahead to the pattern's first letters.
   */
  notAfter?: RegExp;
}

const N = NUMBER_PATTERN;
const UNIT = UNIT_PATTERN;
/** A rate's denominators after the unit: `đồng/người/ngày`, `tạ/ha`, `người/km²`, `đồng/hồ sơ`. */
const PER = `((?:\\s*/\\s*(?:người|ngày|tháng|năm|hộ|ha|m2|m²|m3|m³|km2|km²|km|kg|tấn|lít|kwh|h|lượt|lần|suất|buổi|ca|lớp|học\\s+sinh|xã|con|cái|chiếc|xe|giờ|hồ\\s+sơ|bộ|trang|bản|giấy\\s+phép|thửa)(?![\\p{L}\\p{N}]))*)`;

function num(s: string | undefined): number | null {
  return s === undefined ? null : parseVietnameseNumber(s);
}

/** Index of capture group `i` in a match made with the `d` flag. */
function at(m: RegExpExecArray, i: number): [number, number] {
  return m.indices![i]!;
}

/**
 * A mention of the number groups `numberGroups` (first to last) with the unit of `unitGroup`.
 * Values stay in the unit as printed (`3,8 tỷ đồng` → 3.8 `tỷ đồng`); `perGroup` is a rate's
 * denominator written after the unit (`đồng/người/ngày`), kept in the unit.
 */
function withUnit(m: RegExpExecArray, kind: MentionKind, value: number, of: number | null, unitGroup: number, name: string, numberGroups: number[], perGroup?: number): Mention {
  const unitText = m[unitGroup];
  const entry = unitText ? unitOf(unitText) : null;
  const first = at(m, numberGroups[0]!);
  const last = at(m, numberGroups[numberGroups.length - 1]!);
  const per = perGroup !== undefined && m[perGroup] ? m[perGroup].replace(/\s*\/\s*/gu, '/').replace(/\s+/gu, ' ') : '';
  return {
    kind,
    start: m.index,
    end: m.index + m[0].length,
    numberStart: first[0],
    numberEnd: last[1],
    value,
    of,
    unit: entry ? entry.unit + per : null,
    unitEnd: unitText ? (per ? at(m, perGroup!)[1] : at(m, unitGroup)[1]) : null,
    parser: name,
    comparator: null,
  };
}

/** Ordinal words after `thứ`: `đứng vị trí thứ nhất` → 1. */
const ORDINALS: Record<string, number> = { nhất: 1, nhì: 2, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10 };
const ORDINAL = Object.keys(ORDINALS).join('|');

/**
 * Counts in words (`hai xã`, `ba nhóm thủ tục`), 2 to 99. `một` only with its digits after it
 * (`một (01) thủ tục`): before a noun it is nearly always the article (`một hồ sơ`, `một cơ quan
 * chủ trì`). `tư` only after `mươi` (`ba mươi tư`): alone it is a syllable of `đầu tư`.
 */
const DIGIT_WORDS: Record<string, number> = { hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9 };
const UNIT_AFTER_TEN: Record<string, number> = { ...DIGIT_WORDS, một: 1, mốt: 1, tư: 4, lăm: 5 };
const DIGIT_WORD = Object.keys(DIGIT_WORDS).join('|');
const AFTER_TEN = Object.keys(UNIT_AFTER_TEN).join('|');
/** `năm` alone is the year far more often than five (`năm báo cáo`, `năm cơ sở`): only inside a number. */
const LONE_DIGIT_WORD = DIGIT_WORD.replace(/(?:^|\|)năm(?=\||$)/u, '');
const NUMBER_WORDS = `(?:(?:${DIGIT_WORD})\\s+mươi(?:\\s+(?:${AFTER_TEN}))?|mười(?:\\s+(?:${AFTER_TEN}))?|${LONE_DIGIT_WORD})`;

/** The value of a number written in words (`hai`, `mười lăm`, `ba mươi tư`), or null. */
export function wordNumber(s: string): number | null {
  const w = s.toLowerCase().split(/\s+/u);
  if (w.length === 1) return w[0] === 'mười' ? 10 : (DIGIT_WORDS[w[0]!] ?? null);
  if (w[0] === 'mười') return w.length === 2 ? 10 + (UNIT_AFTER_TEN[w[1]!] ?? NaN) : null;
  const tens = DIGIT_WORDS[w[0]!];
  if (tens === undefined || w[1] !== 'mươi' || w.length > 3) return null;
  const n = tens * 10 + (w.length === 3 ? (UNIT_AFTER_TEN[w[2]!] ?? NaN) : 0);
  return Number.isNaN(n) ? null : n;
}

/** `sắp xếp 21 xã` (rearrange) is not a rank. */
function rearranges(m: RegExpExecArray): boolean {
  return /sắp\s*$/iu.test(m.input.slice(Math.max(0, m.index - 6), m.index));
}

/**
 * `05 kịch bản`, `ít nhất 20 tập dữ liệu mở`, `có 16 mục tiêu`, `(6 mục tiêu)`: a count of a noun the unit
 * lexicon lacks, where the number stands as a count (see `nouns.ts`); read by `bare` on the numbers that
 * no earlier parser read, so a lexicon unit wins.
 */
function nounCount(m: RegExpExecArray, value: number): Mention | null {
  // a count is a whole number; `00` is a time's minutes (`17 giờ 00`), `0001` a code
  if (!Number.isInteger(value) || value === 0 || /^0\d\d/u.test(m[1]!)) return null;
  const [s, e] = at(m, 1);
  if (!/^\s+\p{Ll}/u.test(m.input.slice(e, e + 4))) return null;
  const noun = countedNoun(m.input.slice(e, e + 80));
  if (!noun) return null;
  const before = m.input.slice(Math.max(0, s - 40), s);
  const end = e + noun.length;
  const bound = () => comparatorOf(before, m.input.slice(end, end + 60)) !== null && !TRÊN_DƯỚI.test(before);
  if (!standsAsCount(m[1]!, before, bound, /^\s*\)/u.test(m.input.slice(end, end + 4)))) return null;
  return { kind: 'count', start: s, end, numberStart: s, numberEnd: e, value, of: null, unit: noun.unit, unitEnd: end, parser: 'bare', comparator: null };
}

/** While `runParsers` runs: the number starts earlier parsers read, and the characters exclusions cover. */
let claimed = new Set<number>();
let excludedAt: Uint8Array | null = null;
/** A position no earlier parser read and no exclusion covers. */
function free(at: number): boolean {
  return !claimed.has(at) && !(excludedAt !== null && excludedAt[at] === 1);
}

/** `trên`, `dưới` alone are as often `on`, `under` (`đồng thời trên 2 hệ thống`): they make no count by themselves. */
const TRÊN_DƯỚI = /(?<![\p{L}])(?:trên|dưới)\s*$/iu;
/** Words before a number in words that make it no count: ordinals, dates, distributives, `các`, `trong năm`. */
const NOT_A_COUNT_WORD_AFTER = /(?<![\p{L}])(?:thứ|mỗi|từng|tháng|ngày|quý|lần|số|mùng|mồng|khóa|khoá|hàng|hằng|trong|các|những|vài|nhiều|cùng|một|trước|sau)\s*$/iu;
/** A count, then `và` or `,`, right before: `ba trụ cột kinh tế và [một nền tảng số]`. */
const COORDINATED_BEFORE = new RegExp(`(?:(?<![\\p{L}\\p{N}])\\d+|(?<![\\p{L}])(?:${NUMBER_WORDS}))\\s+[\\p{Ll}][\\p{Ll}\\s]{0,30}?\\s(?:và|,)\\s*$`, 'iu');
/** `và` or `,`, then a count, right after: `[một đề kiểm tra chính thức] và một đề kiểm tra dự phòng`. */
const COORDINATED_AFTER = new RegExp(`^[\\p{Ll}\\s]{0,30}?\\s(?:và|,)\\s*(?:\\d+|(?:${NUMBER_WORDS}|một))\\s+[\\p{Ll}]`, 'iu');

/**
 * Counts in words (`hai xã`, `ba nhóm thủ tục hành chính`, `mười lăm hộ`, `hai (02) xã`) before a count unit of the
 * lexicon. `một` only when its digits follow (`một (01) thủ tục`). Sticky: tried where the number-word scan stopped.
 */
const WORD_COUNT = new RegExp(`(${NUMBER_WORDS}|một(?=\\s*\\(\\s*0?1\\s*\\)))(?:\\s*\\(\\s*${N}\\s*\\))?\\s+(${COUNT_UNIT_PATTERN})`, 'iuyd');

function wordCount(m: RegExpExecArray): Mention | null {
  // a whole word, not inside one (`công khai thủ tục`) nor in brackets after digits (`02 (hai) xã`)
  if (m.index > 0 && /[\p{L}\p{N}(]/u.test(m.input[m.index - 1]!)) return null;
  const value = m[1]!.toLowerCase() === 'một' ? 1 : wordNumber(m[1]!);
  if (value === null) return null;
  // `thứ hai`, `mỗi hai`, `tháng ba`: ordinals, dates and distributives
  // and `hàng năm tổ chức`, `trong năm` (the year), `các`, `vài`: not a count
  if (/(?<![\p{L}])(?:thứ|mỗi|từng|tháng|ngày|quý|lần|số|mùng|mồng|khóa|khoá|hàng|hằng|trong|cả|các|những|vài|nhiều)\s*$/iu.test(m.input.slice(Math.max(0, m.index - 8), m.index))) return null;
  return withUnit(m, 'count', value, null, 2, 'word-count', [1]);
}

/**
 * `ba trụ cột`, `năm yếu tố nền móng: …; …; …; …; và …`, `cả ba trụ cột`, `ba trụ cột kinh tế và một nền tảng số`:
 * a number in words before a noun the lexicon lacks, only where the text confirms the count (an enumeration of as
 * many items after a colon, a coordinated count, `cả`, a comparator or a verb of counting before it).
 */
function wordNounCount(m: RegExpExecArray): Mention | null {
  // a whole word, not a word of a number in digits (`15 năm`, `02 (hai) xã`)
  if (m.index > 0 && /[\p{L}\p{N}(]/u.test(m.input[m.index - 1]!)) return null;
  const before = m.input.slice(Math.max(0, m.index - 60), m.index);
  if (/\d\s*$/u.test(before.slice(-4)) || NOT_A_COUNT_WORD_AFTER.test(before.slice(-10))) return null;
  const word = m[1]!.toLowerCase();
  const e = m.index + m[0].length;
  const near = m.input.slice(e, e + 80);
  // `một` and `năm` are the article and the year unless a list or another count stands by: look for one before reading the noun
  const strict = word === 'một' || word === 'năm';
  if (strict && !near.includes(':') && !/(?:và|,)\s*$/u.test(before) && !/\s(?:và|,)\s/u.test(near)) return null;
  const value = word === 'một' ? 1 : word === 'năm' ? 5 : wordNumber(m[1]!);
  if (value === null) return null;
  const noun = countedNoun(near);
  if (!noun) return null;
  const end = e + noun.length;
  const after = m.input.slice(end, end + 600);
  const confirmed =
    enumerates(after, value) ||
    // a list announced right after it (`ba trụ cột kinh tế:`), its items in the blocks below
    (!strict && /^[^.,;:()\n\d]{0,40}:\s*$/u.test(after)) ||
    // coordinated with another count: `ba trụ cột kinh tế và một nền tảng số`, `một X và hai Y`
    COORDINATED_BEFORE.test(before) ||
    COORDINATED_AFTER.test(after) ||
    (value >= 3 && !strict && /(?<![\p{L}])cả\s*$/iu.test(before)) || // `cả hai` is `both`
    (!strict && standsAsCount('', before, () => comparatorOf(before, after) !== null, false));
  if (!confirmed) return null;
  return { kind: 'count', start: m.index, end, numberStart: m.index, numberEnd: e, value, of: null, unit: noun.unit, unitEnd: end, parser: 'word-noun-count', comparator: null };
}

export const PARSERS: readonly Parser[] = [
  {
    // `xếp thứ 72/114 xã, phường, đặc khu`, `xếp 19/114`, `xếp hạng 5/63`, `đứng thứ 3`,
    // `đứng ở vị trí thứ 2`, `vị trí thứ 10`, `đứng thứ 27 trong số 156 quốc gia`
    name: 'rank',
    digit: true,
    pattern: new RegExp(
      `(?:(?:xếp|đứng)(?:\\s+(?:ở|tại))?(?:\\s+(?:hạng|vị\\s+trí))?(?:\\s+thứ)?|(?:vị\\s+trí|hạng)\\s+thứ)\\s+(${N})(?:\\s*/\\s*(${N})|\\s+(?:trên|trong(?:\\s+số)?)\\s+(?:tổng\\s+số\\s+)?(${N}))?(?:\\s+(${UNIT}))?`,
      'giud',
    ),
    extract(m) {
      const value = num(m[1]);
      if (value === null || rearranges(m)) return null;
      // a bare `xếp 5` / `đứng 3` is a rank only with its total (`xếp 19/114`)
      if (m[2] === undefined && !/thứ|hạng|vị\s+trí/iu.test(m[0].slice(0, at(m, 1)[0] - m.index))) return null;
      const ofGroup = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : null;
      return withUnit(m, 'rank', value, ofGroup ? num(m[ofGroup]) : null, 4, 'rank', ofGroup ? [1, ofGroup] : [1]);
    },
  },
  {
    // `đứng vị trí thứ nhất`, `xếp thứ ba`, `xếp hạng thứ tư`, `đứng thứ hai sau …` (not `thứ năm 2025`)
    name: 'rank-word',
    digit: false,
    char: 'thứ',
    pattern: new RegExp(
      `(?:(?:xếp|đứng)(?:\\s+(?:ở|tại))?(?:\\s+(?:hạng|vị\\s+trí))?|(?:vị\\s+trí|hạng))\\s+thứ\\s+(${ORDINAL})(?![\\p{L}\\p{N}])(?!\\s*\\d)(?:\\s*/\\s*(${N}))?`,
      'giud',
    ),
    extract(m) {
      const value = ORDINALS[m[1]!.toLowerCase()];
      if (value === undefined || rearranges(m)) return null;
      const numberEnd = at(m, m[2] ? 2 : 1)[1];
      return { kind: 'rank', start: m.index, end: m.index + m[0].length, numberStart: at(m, 1)[0], numberEnd, value, of: num(m[2]), unit: null, unitEnd: null, parser: 'rank-word', comparator: null };
    },
  },
  {
    // `dẫn đầu 114 xã, phường` (first of 114): `dẫn đầu` is a rank only when the number ranked follows
    name: 'rank-lead',
    digit: true,
    char: 'đầu',
    pattern: new RegExp(`(?:dẫn|đứng)\\s+đầu\\s+(?:(?:cả|toàn)\\s+(?:nước|quốc)\\s+)?(?:(?:trong|trên)\\s+(?:số\\s+|tổng\\s+số\\s+)?)?(?:các\\s+)?(${N})\\s+(${COUNT_UNIT_PATTERN})`, 'giud'),
    extract(m) {
      const of = num(m[1]);
      return of === null || of < 2 ? null : withUnit(m, 'rank', 1, of, 2, 'rank-lead', [1]);
    },
  },
  {
    // `1.779/1.894 hồ sơ` (ratio), `19,99/20 điểm` (score), `14/16 thành phần hồ sơ`
    name: 'fraction',
    digit: true,
    char: '/',
    pattern: new RegExp(`(${N})\\s*/\\s*(${N})(?!\\s*/)(?:\\s*(${UNIT}))?`, 'giud'),
    extract(m) {
      const value = num(m[1]);
      const of = num(m[2]);
      if (value === null || of === null) return null;
      const unit = m[3] ? unitOf(m[3]) : null;
      const kind: MentionKind = unit?.kind === 'score' ? 'score' : unit?.kind === 'percent' ? 'percent' : 'ratio';
      return withUnit(m, kind, value, of, 3, 'fraction', [1, 2]);
    },
  },
  {
    // `93,93%`, `100 %`
    name: 'percent',
    digit: true,
    char: '%',
    pattern: new RegExp(`(${N})\\s?(%)`, 'giud'),
    extract(m) {
      const value = num(m[1]);
      return value === null ? null : withUnit(m, 'percent', value, null, 2, 'percent', [1]);
    },
  },
  {
    // `1.894 hồ sơ`, `97,61 điểm`, `5 tỷ đồng`, `161,62ha`, `4,7 điểm phần trăm`; `2.210 (100%) TTHC`
    // and `02 (hai) thủ tục` keep their unit across the aside; `200.000 đồng/người/ngày`
    name: 'quantity',
    digit: true,
    // `1,2 triệu người`, `15 nghìn hộ`, `450 nghìn tấn`: a scale word before a count or a measure stays in the unit
    // (`triệu người`; inBaseUnit reads the scale)
    pattern: new RegExp(`(${N})(?:\\s*\\(\\s*(?:${N}\\s?%|${NUMBER_WORDS}|một)\\s*\\))?\\s*(?:(nghìn|ngàn|triệu|tỷ|tỉ)\\s+(?=${SCALABLE_UNIT_PATTERN}))?(${UNIT})${PER}`, 'giud'),
    extract(m) {
      const value = num(m[1]);
      const unit = unitOf(m[3]!);
      if (value === null || !unit) return null;
      const mention = withUnit(m, unit.kind, value, null, 3, 'quantity', [1], 4);
      if (m[2]) mention.unit = `${m[2].toLowerCase()} ${mention.unit}`;
      return mention;
    },
  },
  {
    // `gấp 30 lần GRDP`, `gấp 1,5 lần`, `gấp đôi`, `bằng 20 lần mức chuẩn`, `không thấp hơn 02 lần`: a multiple is the
    // ratio of two quantities, its value the quotient (unit `lần`); so is `tăng 2,3 lần so với năm trước` (compared with
    // something); `lần` alone is a time in a sequence (`giảm 6 lần đi lại`)
    name: 'multiple',
    digit: false,
    char: ['lần', 'gấp'],
    pattern: new RegExp(`(?:gấp|bằng|(?:cao|lớn|nhiều|thấp|nhỏ|ít|kém)\\s+hơn|(?:tăng|giảm)(?=\\s+(?:khoảng\\s+|hơn\\s+|gần\\s+)?${N}\\s+lần\\s+so\\s+với))\\s+(?:khoảng\\s+|hơn\\s+|gần\\s+)?(?:(${N})\\s+lần|(${NUMBER_WORDS}|năm)\\s+lần|(?<=gấp\\s+)(đôi|rưỡi))(?![\\p{L}]|\\s+thứ)`, 'giud'),
    extract(m) {
      if (m.index > 0 && /[\p{L}]/u.test(m.input[m.index - 1]!)) return null;
      const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
      const value = group === 1 ? num(m[1]) : group === 2 ? (m[2]!.toLowerCase() === 'năm' ? 5 : wordNumber(m[2]!)) : m[3]!.toLowerCase() === 'đôi' ? 2 : 1.5;
      if (value === null) return null;
      const [s, e] = at(m, group);
      return { kind: 'ratio', start: m.index, end: m.index + m[0].length, numberStart: s, numberEnd: e, value, of: null, unit: 'lần', unitEnd: m.index + m[0].length, parser: 'multiple', comparator: null };
    },
  },
  {
    // counts in words, one scan of the number words for both readings: before a lexicon count unit (`hai xã`,
    // `hai (02) xã`), else before a noun the lexicon lacks where the text confirms the count (`ba trụ cột: …`)
    // (no leading look-behind: it would make the engine try every position; the word start is checked in the readers)
    name: 'word-count',
    digit: false,
    pattern: new RegExp(`(${NUMBER_WORDS}|năm|một)(?=\\s)`, 'giud'),
    extract(m) {
      WORD_COUNT.lastIndex = m.index;
      const w = WORD_COUNT.exec(m.input);
      return (w && wordCount(w)) || (free(m.index) ? wordNounCount(m) : null);
    },
  },
  {
    // `Không có`, `Không phát sinh` as the answer to a label, `không có hồ sơ quá hạn`
    name: 'zero',
    digit: false,
    pattern: new RegExp(`(?<![\\p{L}])(không\\s+(?:có|phát\\s+sinh))(?:\\s+(${UNIT}))?(?![\\p{L}])`, 'giud'),
    extract(m) {
      const [s, e] = at(m, 1);
      const unitText = m[2];
      const entry = unitText ? unitOf(unitText) : null;
      // before other nouns (`không có văn bản`, `không có tiêu chí nào`) it states a condition
      if (unitText && (entry?.kind !== 'count' || !entry.zero)) return null;
      return {
        kind: 'zero',
        start: m.index,
        end: m.index + m[0].length,
        numberStart: s,
        numberEnd: e,
        value: 0,
        of: null,
        unit: entry?.unit ?? null,
        unitEnd: unitText ? at(m, 2)[1] : null,
        parser: 'zero',
        comparator: null,
      };
    },
  },
  {
    // a number with no unit: kept only where its context supplies one (see refiners)
    name: 'bare',
    digit: true,
    pattern: new RegExp(`(${N})`, 'gud'),
    extract(m) {
      const value = num(m[1]);
      if (value === null) return null;
      // a number no earlier parser read, before a noun the lexicon lacks (one scan for both: numbers are many)
      return (free(m.index) && nounCount(m, value)) || withUnit(m, 'bare', value, null, 99, 'bare', [1]);
    },
  },
];

/**
 * Numbers that are not quantities. Each pattern marks a span; a mention whose number falls
 * inside one is dropped.
 */
export const EXCLUSIONS: readonly Exclusion[] = [
  // document numbers: `137/UBND-TTPVHCC`, `66.7/2025/NQ-CP`, `118/2025/NĐ-CP`, `183-KL/TW`, `518/ UBND- TTPVHCC`
  { name: 'document-number', digit: true, pattern: /(?<![\p{L}\p{N}])\d+(?:\.\d+)*(?:\/\d{4})?\s*[/-]\s*\p{Lu}/gu },
  // dates: `23/01/2026`, `ngày 14/4`, `ngày 12 tháng 02 năm 2026`, `tháng 4/2026`, `6/2028`
  { name: 'date', digit: true, char: '/', pattern: /(?<!\d)\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}(?!\d)/gu },
  { name: 'date', digit: true, pattern: /ngày\s+\d{1,2}(?:\s*\/\s*\d{1,2})?/giu },
  // `vào các ngày: 9, 10 tháng 09`
  { name: 'date', digit: true, pattern: /ngày\s*:\s*\d{1,2}(?:\s*(?:,|và|-|–)\s*\d{1,2}(?![\d.,]\d))*/giu },
  // (no look-behind before the words: a leading look-behind makes the engine try every position)
  { name: 'date', digit: true, pattern: /(?:tháng|năm|quý|giai\s+đoạn)\s+\d{1,4}(?![\d.,]\d)(?:\s*\/\s*\d{4})?/giu },
  { name: 'date', digit: true, char: '/', pattern: /(?<![\d,.])(?:0?[1-9]|1[0-2])\s*\/\s*(?:19|20)\d{2}(?!\d)/gu },
  { name: 'year-range', digit: true, pattern: /(?<!\d)(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|tháng)/gu },
  // `Điều 20`, `các khoản 1, 2, 3 … và 9`, `điểm a`, `Chương II`
  {
    name: 'legal-part',
    digit: true,
    notAfter: /(?<![\p{L}]|danh\s|Danh\s)/iuy,
    pattern: /(?:điều|khoản|mục|chương|phần|phụ\s+lục)\s+\d+(?![\d.,]\d)(?:\s*(?:,|và)\s*\d+(?![\d.,]\d))*/giu,
  },
  // row numbers of a list: `(TTHC số thứ tự 03, 04, 05)`, `STT 12`
  { name: 'row-number', digit: true, pattern: /(?:số\s+thứ\s+tự|thứ\s+tự|STT|TT)\s*:?\s*\d+(?![\d.,]\d)(?:\s*(?:,|và|-|–)\s*\d+(?![\d.,]\d))*/gu },
  // `số 18 Hoàng Diệu` (No. 18), but not `tổng số 71`
  { name: 'numbered', digit: true, pattern: /(?<![\p{L}]|tổng\s|Tổng\s|trong\s|dân\s|Dân\s)số\s*:?\s+\d+(?![\d.,]*\s*%)/gu },
  // places, groups and programmes named by a number: `Quận 5`, `Phường 5 quận 8`, `tổ 3`, `nhóm 4`,
  // `Chương trình 135`, `Quốc lộ 1A`, `thửa 12 tờ 5`
  {
    name: 'place-name',
    digit: true,
    notAfter: /(?<![\p{L}])/uy,
    pattern: /(?:quận|phường|xã|huyện|tổ|nhóm|khu\s+phố|tổ\s+dân\s+phố|ấp|thôn|xóm|khóm|khu|tiểu\s+khu|đội|lô|thửa|tờ\s+bản\s+đồ|tờ|ngõ|ngách|hẻm|kiệt|quốc\s+lộ|tỉnh\s+lộ|huyện\s+lộ|chương\s+trình|khóa|khoá|kỳ\s+họp|phòng|tầng)\s+\d+(?![\d.,]\d)/giu,
  },
  // names with numbers: `Bộ chỉ số 766`, `Đề án 06`, `top 10`, `ISO 9001:2015`, `mô hình 5 tại chỗ`, `lần 2`
  {
    name: 'name',
    digit: true,
    pattern: /(?:chỉ\s+số|đề\s+án|top|iso|tcvn|mô\s+hình|phương\s+thức|lần(?:\s+thứ)?|nhóm\s+(?=\d+\s*(?:[,;.)]|$)))\s+\d+(?::\d{4})?/giu,
  },
  // streets and squares named by a date (`Quảng trường 3/2`, `đường 30/4`), `24/24` (round the clock)
  { name: 'place-name', digit: true, char: '/', pattern: /(?:(?:đường|phố|quảng\s+trường|cầu)\s+\d{1,2}\s*\/\s*\d{1,2}|(?<!\d)24\s*\/\s*(?:24|7)(?!\d))/giu },
  // durations as fractions: `cắt giảm 01/03 ngày làm việc`
  { name: 'duration', digit: true, char: '/', pattern: /(?<![\d.,])\d+\s*\/\s*\d+\s*(?=(?:ngày|tháng|năm|giờ|phút|tuần)(?![\p{L}]))/giu },
  // list enumerators `(1)`, `(11)`
  { name: 'enumerator', digit: true, char: '(', pattern: /\(\s*\d{1,2}\s*\)/gu },
  // telephone numbers
  { name: 'phone', digit: true, pattern: /(?<!\d)0\d{2,3}[.\s]?\d{3}[.\s]?\d{3,4}(?!\d)/gu },
];

export interface Span {
  start: number;
  end: number;
}

const DIGIT = /\d/;

function mayMatch(n: Needs, text: string, digit: boolean): boolean {
  return (digit || !n.digit) && (n.char === undefined || (typeof n.char === 'string' ? text.includes(n.char) : n.char.some((c) => text.includes(c))));
}

/** The mentions of every parser; `excluded` (from `runExclusions`) spares the parsers of unlexicon nouns the numbers that are something else. */
export function runParsers(text: string, excluded: Span[] = []): Mention[] {
  const out: Mention[] = [];
  const digit = DIGIT.test(text);
  claimed = new Set<number>();
  excludedAt = null;
  if (excluded.length > 0) {
    excludedAt = new Uint8Array(text.length + 1);
    for (const x of excluded) excludedAt.fill(1, x.start, x.end);
  }
  for (const p of PARSERS) {
    if (!mayMatch(p, text, digit)) continue;
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      if (m[0].length === 0) {
        p.pattern.lastIndex++;
        continue;
      }
      if (p.unclaimed && !free(m.index)) continue;
      const r = p.extract(m);
      if (r) {
        out.push(r);
        claimed.add(r.numberStart);
      }
    }
  }
  return out;
}

export function runExclusions(text: string): Span[] {
  const out: Span[] = [];
  const digit = DIGIT.test(text);
  for (const x of EXCLUSIONS) {
    if (!mayMatch(x, text, digit)) continue;
    x.pattern.lastIndex = 0;
    for (let m = x.pattern.exec(text); m; m = x.pattern.exec(text)) {
      if (x.notAfter) {
        x.notAfter.lastIndex = m.index;
        if (!x.notAfter.test(text)) {
          x.pattern.lastIndex = m.index + 1;
          continue;
        }
      }
      out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) x.pattern.lastIndex++;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
