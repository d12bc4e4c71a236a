/**
 * Periods: every span of time a document's facts, plans or deadlines are about, each with a role
 * and inclusive ISO `from`/`to` (null for an open end):
 *
 * - reporting `tháng 10 năm 2018`, `quý I/2020`, `từ ngày 15/3/2026 đến hết ngày 14/4/2026`,
 *   `6 tháng đầu năm 2025`;
 * - plan `giai đoạn 2026 - 2030`, `thời kỳ 2021 - 2030`, `(2025 - 2026)`, `đến năm 2030` (open start), `dự toán năm 2025`,
 *   `từ nay đến cuối năm 2025` (from the document's date), `Tháng 11 - 12/2025`, `từ quý IV/2025 đến quý I/2026`;
 * - comparison `so với cùng kỳ` (the span of the period it compares, one year earlier),
 *   `cùng kỳ năm 2024`, `so với tháng 9/2025`;
 * - cumulative `lũy kế 10 tháng` (the first ten months of the reporting year), `lũy kế từ đầu năm`, a bare
 *   `10 tháng` in a report on October, `(tính đến hết ngày 14/4/2026)` (counted up to a day: open start);
 * - deadline `trước ngày 31/12/2025`, `chậm nhất ngày 21/11/2025` (open start), `hoàn thành trong tháng 12/2025`,
 *   `trước 17 giờ ngày 27/11/2025`, `Thời gian hoàn thành: Tháng 12/2025` (the label before a colon is the cue),
 *   `hoàn thành trước năm 2027` (open start, to the day before the year, quarter or month named);
 * - effective `có hiệu lực (thi hành) (kể) từ ngày 01/12/2025` (open end), `… kể từ ngày ký` (`ngày thông qua`: the
 *   document's date), `có hiệu lực đến hết ngày 28/02/2027` (open start), `hết hiệu lực kể từ ngày Quyết
 *   định này có hiệu lực` (the day this document's own clause names);
 * - other `từ năm 2016 đến nay` (to the document's date), `từ ngày 30 tháng 4 năm 1975 trở về trước` (open start);
 * - open ends also `(2026 trở đi)`, `từ năm 2023 trở đi` (from then on).
 *
 * Same shape as references (chrono-node style): an ordered list of small parsers (pattern + extract
 * step), then refiners: overlaps (of overlapping candidates the one that starts first, then the
 * longer, wins), blockers dropped, roles from the words around each mention (`lexicon/period-cues.json`; a result
 * cue such as `đạt` on a span still ahead of the document's date states a target, so a plan),
 * then relative mentions (`cùng kỳ`, `lũy kế 10 tháng`, `6 tháng đầu năm`) resolved against the
 * reporting period they follow. Some parsers only *block*: a full date (`ngày 12 tháng 02 năm 2026`
 * is a day, not the month of February), the blank header date (`ngày tháng 4 năm 2026`), a start
 * with no end (`từ tháng 01/2026,`), `cuối năm 2025` (vague), years inside names (`Luật Đất đai năm
 * 2024`, `giá so sánh năm 2010`, `năm học 2025 - 2026`). They win the overlap and are then dropped,
 * so the words they cover yield no period.
 *
 * A date without its year (`từ ngày 21/7 đến 20/8/2021`, `trước ngày 15/12`) takes the year of the
 * range's other end, else of a year named right after it in the clause (`tháng 5 và 5 tháng năm
 * 2017`), else the year a report is about (its title's period: `quý IV` in a report on 2017 dated
 * 2018), else the document's date. Markdown emphasis inside a phrase and old spellings (`quí`, `kì`)
 * are read through.
 */
import type { Period, PeriodMention, PeriodRole } from './types.js';
import cueData from './lexicon/period-cues.json' with { type: 'json' };
import { DATE_SOURCE, isoDate, lastDayOfMonth, monthBounds, parseDate, smallOrdinal } from './dates.js';

/** The document's date as the header gives it (any part may be missing). */
export interface DocumentDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** What periods are read against: the document's date and kind (`BC`, `KH`, `QĐ`…). */
export interface PeriodContext {
  date?: DocumentDate | null;
  kind?: string | null;
}

/**
 * Kinds of candidate. The first seven are dated spans (the document period is chosen among them);
 * `until` has an open start, `since` an open end, `toNow` ends at the document's date; `sameTime`
 * (cùng kỳ), `running` (lũy kế) and `partYear` (`6 tháng đầu năm` with no year) are resolved
 * against the reporting period they follow.
 */
type Kind =
  | 'days'
  | 'asOf'
  | 'months'
  | 'quarter'
  | 'month'
  | 'years'
  | 'year'
  | 'until'
  | 'since'
  | 'onward'
  | 'toNow'
  | 'sameTime'
  | 'running'
  | 'partYear'
  | 'block';

const DATED: ReadonlySet<Kind> = new Set(['days', 'asOf', 'months', 'quarter', 'month', 'years', 'year']);

interface Bounds {
  from: string | null;
  to: string | null;
}

/** What a relative mention is resolved against: the span it follows and the reporting year. */
interface Anchor {
  period: { from: string; to: string } | null;
  year: number | null;
  /** The document's date as ISO, when complete. */
  today: string | null;
}

type Resolver = (a: Anchor) => Bounds | null;

interface Candidate {
  kind: Kind;
  from: string | null;
  to: string | null;
  /** Where the match begins (`start` leaves out a leading unit name); overlaps are settled on it. */
  at: number;
  start: number;
  end: number;
  /** The role the mention's own words state (`trước ngày` → deadline), if any. */
  role?: PeriodRole;
  resolve?: Resolver;
}

interface Env {
  text: string;
  /** The document's year, for dates written without one. */
  year: number | null;
  /** The document's date as ISO, when complete. */
  today: string | null;
  /**
   * The year a report or plan is about, for months, quarters and days written without a year: its title's period's (a
   * report on 2017 dated March 2018 says `quý IV` of 2017), else the document's year.
   */
  reportYear: number | null;
  /** Whether `reportYear` is the title's (else it is the document's). */
  titledYear: boolean;
  /** Whether the document is a report (`BC`). */
  report: boolean;
  /** The text's `N tháng (đầu) năm YYYY`, in order, read on first use. */
  namedMonths?: { end: number; months: number; year: number }[];
  /** When the document itself takes effect (`Quyết định này có hiệu lực từ ngày …`), read on first use. */
  effective?: string | null;
}

interface Parser {
  kind: Kind;
  /** Matched against the text as written (its pattern needs capitals: `Luật`, `BTC-NSNN`), not in lower case. */
  cased?: boolean;
  /** Role the parser's words state; otherwise it comes from the cues around the mention. */
  role?: PeriodRole;
  pattern: RegExp;
  /**
   * Bounds, a resolver for a relative mention, null when the words name no real period (others may
   * still read them), `'block'` when no parser should (a range with an impossible date), or several
   * mentions in the match (a list: `tháng 10, 12/2025`), each with its offsets in the match.
   */
  extract(m: RegExpExecArray, env: Env): Bounds | Resolver | 'block' | Piece[] | null;
}

/** One mention of a list matched at once, its offsets relative to the match. */
interface Piece extends Bounds {
  start: number;
  end: number;
}

const YEAR = '((?:19|20|21)\\d{2})';
/**
 * Spaces around a sign between numbers, with at most one hard wrap in them: a report's text breaks where its PDF's lines
 * did (`tháng 10/⏎2025`, `2026⏎- 2030`, `15⏎giờ`); never a blank line.
 */
const SPACE = '[ \\t]*(?:\\n[ \\t]*)?';
/**
 * Between a month's or quarter's number and its year: ` năm `, `/` (`tháng 10 năm 2025`, `quý IV/2025`), also `, năm`,
 * ` của năm` and a dot before four digits (`tháng 12, năm 2025`, `quý IV của năm 2025`, `tháng 12.2025`).
 */
const BEFORE_YEAR = `(?:\\s*,?\\s+(?:của\\s+)?năm\\s+|${SPACE}/${SPACE}|\\.(?=\\d{4}(?!\\d)))`;
/** A year after a month's or quarter's number (`BEFORE_YEAR`). */
const YEAR_AFTER = `${BEFORE_YEAR}${YEAR}`;
/** Month and year: `4/2026`, `02 năm 2026`, `4 năm 2026`. */
const MONTH_YEAR = `(\\d{1,2})${BEFORE_YEAR}${YEAR}`;
/** Month and year also written with a dash (`12-2025`), where the words around make it a month. */
const MONTH_YEAR_DASHED = `(\\d{1,2})(?:${SPACE}[/-]${SPACE}|\\s+năm\\s+)${YEAR}`;
const DASH = `${SPACE}[-–—]${SPACE}`;
/** `đến` / `tới` (to, until), also `cho đến` (up until). */
const TO = '(?:cho\\s+)?(?:đến|tới)';
/** A dash between two years, which a hard wrap may split (`giai đoạn 2022 -⏎2025`). */
const YEAR_DASH = `${SPACE}[-–—]${SPACE}`;
/** Spaces within one line, no-break ones too (around a yearless day's slash: `21 / 7`); `SPACE` also takes a hard wrap. */
const SP = '[ \\t\\u00a0]*';
/** A day and month with no year: `21/7`, `21 tháng 7` (never the start of a full date, nor `01 tháng 01 của năm tiếp theo`). */
const DAY_MONTH_SOURCE =
  // (a dash may follow when a range goes on to a day, `01/12 - 15/12/2025`, not when a year does, `01/12-2025`)
  `(?:\\d{1,2}${SP}/${SP}\\d{1,2}(?!\\d)(?!${SP}[/.]${SP}\\d)(?!${SP}-${SP}(?:19|20|21)\\d{2}(?![\\d/]))(?![.,]\\d)` + `|\\d{1,2}\\s+tháng\\s+\\d{1,2}(?!\\s*,?\\s+năm\\s+\\d)(?!\\d))(?!\\s+(?:của\\s+năm\\s+(?:tiếp|sau|kế)|hằng\\s+năm|hàng\\s+năm))`;
/** `năm` (year) not followed by a year or a word that makes it another year or a name (`năm 2025`, `năm học`, `năm sau`). */
const YEARLESS = '(?![\\p{L}\\d]|\\s+(?:\\d|học|sau|trước|tới|nay|kế|tiếp|liền|đầu|cuối|ngân|tài|được|đã|nào|đó|này))';
/** As YEARLESS, but a figure may follow (`ước thực hiện cả năm 5.817,196 tỷ đồng`): only a year (`cả năm 2025`) is excluded. */
const YEARLESS_BEFORE_FIGURE = YEARLESS.replace('\\d|học', '(?:19|20|21)\\d{2}(?!\\d|[.,]\\d)|học');
/** A column head's year ends there: no date, number, list or span goes on from it. */
const HEAD_YEAR_END = '(?![\\d/.,\\-–—]|\\s*[-–—]\\s*\\d)';
/** Other kinds of document that speak of themselves as `… này` (this …) in their effect clauses. */
const OWN_KINDS = '(?:nghị\\s+quyết|nghị\\s+định|thông\\s+tư|hướng\\s+dẫn|thông\\s+báo|đề\\s+án|chương\\s+trình|điều\\s+lệ|nội\\s+quy)';
/** A day of the week: `thứ Hai` … `thứ Bảy`, `thứ 2` … `thứ 7`, `Chủ nhật`. */
const WEEKDAY = '(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s+nhật)(?![\\p{L}\\d])';
/** A time of day or a day of the week before a date: `17 giờ`, `16h00`, `15 giờ 30 phút`, `8 giờ sáng,`, `thứ Hai, `. */
const TIME = `(?:(?:(?:\\d{1,2}${SPACE}(?:giờ|h)(?:${SPACE}\\d{2}(?:${SPACE}phút)?)?(?:\\s+(?:sáng|chiều|tối))?|${WEEKDAY})\\s*,?\\s*){1,2})`;
/** A day of the week after a date: `ngày 10/11/2025 (thứ Hai)`. */
const WEEKDAY_AFTER = `(?:\\s*\\(${WEEKDAY}\\))?`;
/**
 * What a report says its figures did (reached, estimated, received, happened, settled, issued, collected, spent, arose, rose,
 * fell), and the words before them (has/have, there is, no, was, not yet).
 */
const FIGURE_VERBS = 'đạt|ước\\s+đạt|ước|tiếp\\s+nhận|xảy\\s+ra|giải\\s+quyết|cấp|thu|chi|phát\\s+sinh|tăng|giảm|đã|có|không|được|chưa';
/** A date with or without its year. */
const ANY_DATE = `(?:${DATE_SOURCE}|${DAY_MONTH_SOURCE})`;
/** A count of months in digits or words (`6`, `sáu`, `mười một`); `năm` (five) is left out, being also `year`. */
const MONTH_COUNT = '(\\d{1,2}|mười\\s+một|mười\\s+hai|mười|một|hai|ba|bốn|sáu|bảy|bẩy|tám|chín)';
const MONTH_COUNT_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10, 'mười một': 11, 'mười hai': 12 };
const monthCount = (s: string) => (/^\d+$/u.test(s) ? +s : (MONTH_COUNT_WORDS[s.replace(/\s+/gu, ' ')] ?? 0));
/** Months named in words (`tháng Mười Hai`): the counting words, with `tư` for April and `năm` for May. */
const MONTH_NAME_WORDS: Record<string, number> = { ...MONTH_COUNT_WORDS, tư: 4, năm: 5 };
const MONTH_NAME = `(?:${Object.keys(MONTH_NAME_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(' ', '\\s+'))
  .join('|')})(?![\\p{L}])`;
const monthNamed = (s: string) => MONTH_NAME_WORDS[s.replace(/\s+/gu, ' ')] ?? 0;
/** A quarter's numeral (the text is matched in lower case): `iv`, `3`. */
const QUARTER = '(iv|iii|ii|i|[1-4])';
/** A day, month, quarter or year with its year, as one end of a span (`pointOf` reads it). */
const POINT =
  `(?:(?:ngày\\s+)?${DATE_SOURCE}|tháng\\s+\\d{1,2}(?:${SPACE}/${SPACE}|\\s+năm\\s+)\\d{4}|\\d{1,2}${SPACE}/${SPACE}\\d{4}|quý\\s+(?:iv|iii|ii|i|[1-4])(?:\\s+năm\\s+|${SPACE}/${SPACE})\\d{4}|(?:năm\\s+)?(?:19|20|21)\\d{2})`;

/**
 * Patterns are written in lower case and matched against the text in lower case (`Từ ngày`, `QUÝ
 * II NĂM 2026`), which lets the regex engine skip ahead to a pattern's first letters (an `i` flag
 * with `u` keeps it from doing so: about twice slower); `cased` parsers see the text as written.
 */
const FLAGS = 'gu';

const BLOCK: Bounds = { from: null, to: null };
const WORD_CHAR = /[\p{L}\p{N}]/u;

const PARSERS: Parser[] = [
  {
    // `(tính) từ ngày 15/3/2026 đến (hết) (ngày) 14/4/2026`, `từ ngày 21/7 đến 20/8/2021` (the first date's year
    // from the second), `áp dụng từ 01/7/2025-31/12/2026`, `từ 7 giờ 30 ngày 15/12/2025 đến 17 giờ ngày 20/12/2025`, `từ ngày 01 tháng 7 năm 2004 đến trước ngày 01 tháng 7 năm 2014`
    // (to the printed day, as `trước ngày D` is)
    kind: 'days',
    pattern: new RegExp(
      `(?:kể\\s+)?từ\\s+${TIME}?(?:ngày\\s+)?(${ANY_DATE})${WEEKDAY_AFTER}\\s*,?\\s*(?:${TO}\\s+(?:trước\\s+)?|[-–—]\\s*)${TIME}?(?:hết\\s+)?(?:ngày\\s+)?(${ANY_DATE})`,
      FLAGS,
    ),
    extract: (m, env) => {
      // `Kỳ báo cáo năm được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12` (the yearly report's span): every year's
      if (!parseDate(m[1]!) && !parseDate(m[2]!) && recurring(env.text, m.index, m.index + m[0].length)) return 'block';
      return dayRange(m[1]!, m[2]!, env) ?? 'block';
    },
  },
  {
    // `(13/11/2025 - 19/11/2025)`, `ngày 21/7 – 20/8/2021`: two days joined by a dash; the same day years apart is an
    // anniversary's (`kỷ niệm 80 năm Quốc khánh (02/9/1945 - 02/9/2025)`), not a span the text is about
    kind: 'days',
    pattern: new RegExp(`(?:ngày\\s+)?(${ANY_DATE})${SPACE}[-–—]${SPACE}(?:ngày\\s+)?(${DATE_SOURCE})`, FLAGS),
    extract: (m, env) => {
      const r = dayRange(m[1]!, m[2]!, env);
      if (r && r.from!.slice(5) === r.to!.slice(5) && +r.to!.slice(0, 4) - +r.from!.slice(0, 4) >= 5) return 'block';
      return r;
    },
  },
  {
    // `từ ngày 16 đến ngày 22/11/2025`, `từ ngày 16-22/11/2025`, `Từ ngày 08 đến ngày 09 tháng 11 năm 2025`, `từ 07 giờ ngày
    // 16 đến 13 giờ ngày 17/11/2025`, `từ 20 - 21/11/2025`, `(20 - 21/11/2025)`, `trong thời gian 20 - 26/11/2025`: the first day in the second's month (the
    // month before when that would reverse them)
    kind: 'days',
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+)?${TIME}?(?:ngày\\s+|(?<=(?:từ\\s+|\\(|thời\\s+gian\\s+|thời\\s+gian[ \\t*]*:[ \\t*]*)))(\\d{1,2})(?![\\d/.]|\\s+tháng)\\s*(?:[-–—]|${TO}\\s+(?:hết\\s+)?)\\s*${TIME}?(?:ngày\\s+)?(${DATE_SOURCE})`,
      FLAGS,
    ),
    extract: (m) => {
      const to = parseDate(m[2]!);
      if (!to) return null;
      const y = +to.slice(0, 4);
      const mo = +to.slice(5, 7);
      const from = isoDate(y, mo, +m[1]!) ?? null;
      if (from && from <= to) return { from, to };
      const before = mo === 1 ? isoDate(y - 1, 12, +m[1]!) : isoDate(y, mo - 1, +m[1]!);
      return ordered(before, to);
    },
  },
  {
    // `(trong thời gian) ngày 15 tháng 12 năm 1993 đến ngày 31 tháng 12 năm 1994`: two days joined by đến, with no từ
    kind: 'days',
    pattern: new RegExp(`ngày\\s+(${ANY_DATE})\\s*,?\\s*${TO}\\s+(?:hết\\s+)?ngày\\s+(${DATE_SOURCE})`, FLAGS),
    extract: (m, env) => dayRange(m[1]!, m[2]!, env),
  },
  {
    // `báo cáo Thủ tướng Chính phủ trong ngày 20 tháng 11 năm 2025`, `hoàn thành ngay trong ngày …`: to be done by that day
    kind: 'until',
    role: 'deadline',
    pattern: new RegExp(
      `(?<lead>(?:hoàn\\s+thành|xong|gửi|nộp|báo\\s+cáo|trình)(?:\\s+[^\\s.;:]+){0,8}?\\s+(?:ngay\\s+)?trong\\s+)ngày\\s+(${DATE_SOURCE})`,
      FLAGS,
    ),
    extract: (m) => until(parseDate(m[2]!)),
  },
  {
    kind: 'months',
    // (`từ tháng 12-2025 đến tháng 3-2026`: months written with a dash, as web pages print them)
    pattern: new RegExp(`từ\\s+tháng\\s+${MONTH_YEAR_DASHED}\\s*${TO}\\s+(?:hết\\s+)?tháng\\s+${MONTH_YEAR_DASHED}`, FLAGS),
    extract: (m) => ordered(monthBounds(+m[2]!, +m[1]!)?.from ?? null, monthBounds(+m[4]!, +m[3]!)?.to ?? null),
  },
  {
    // `từ tháng 01 đến tháng 3/2026`: the first month in the second's year
    kind: 'months',
    pattern: new RegExp(`từ\\s+tháng\\s+(\\d{1,2})\\s*(?:${TO}\\s+|[-–]\\s*)(?:hết\\s+)?tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => ordered(monthBounds(+m[3]!, +m[1]!)?.from ?? null, monthBounds(+m[3]!, +m[2]!)?.to ?? null),
  },
  {
    // a span between a day, month, quarter or year and one of another unit, each with its year: `từ ngày 05/12/2025 đến hết
    // tháng 6/2026`, `từ tháng 12/2025 đến ngày 15/6/2026`, `từ quý IV/2025 - năm 2027`, `từ năm 2025 đến 2027` (they were
    // read as an open start and an open end): from the first's start to the second's end. After a time label `từ` may be
    // left out, and two days are a span too (`Thời gian thực hiện: ngày 05/12/2025 đến ngày 15/6/2026`); the label's
    // words, `lead`, give the role
    kind: 'months',
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+|(?<lead>thời\\s+(?:gian|hạn)(?:\\s+(?:thực\\s+hiện|hoàn\\s+thành|triển\\s+khai|tổ\\s+chức|áp\\s+dụng))?[ \\t*]*:[ \\t*]*))${TIME}?(?<start>${POINT})\\s*,?\\s*(?:${TO}\\s+(?:hết\\s+)?|[-–—]\\s*)${TIME}?(?<end>${POINT})(?![\\d/]|[.,]\\d|\\s+\\d)`,
      FLAGS,
    ),
    extract: (m, env) => {
      const start = pointOf(m.groups!.start!);
      const end = pointOf(m.groups!.end!);
      // two days are the day ranges' (`đến trước ngày`, an anniversary's dash); two bare years the years' (`từ 2000 đến
      // 2020 người` counts); a bare year ending it must end its clause
      if (!start || !end || (start.unit === 'day' && end.unit === 'day' && !m.groups!.lead)) return null;
      const bare = (s: string) => /^\d{4}$/u.test(s.trim());
      if (bare(m.groups!.end!) && (bare(m.groups!.start!) || /^\s+\p{L}/u.test(env.text.slice(m.index + m[0].length)))) return null;
      return ordered(start.from, end.to);
    },
  },
  {
    // `Từ 11/2025 đến 6/2026`, `từ 11/2025 - tháng 6/2026`: months written bare, `từ` making them months (it was read as
    // an open start, `đến 6/2026`)
    kind: 'months',
    pattern: new RegExp(
      `(?:kể\\s+)?từ\\s+(?:tháng\\s+)?(\\d{1,2})${SPACE}/${SPACE}${YEAR}\\s*(?:${TO}\\s+(?:hết\\s+)?|[-–—]\\s*)(?:tháng\\s+)?(\\d{1,2})${SPACE}/${SPACE}${YEAR}(?![\\d/])`,
      FLAGS,
    ),
    extract: (m) => ordered(monthBounds(+m[2]!, +m[1]!)?.from ?? null, monthBounds(+m[4]!, +m[3]!)?.to ?? null),
  },
  {
    // `Tháng 11 - 12/2025`, `tháng 11, 12/2025`, `tháng 12/2025 - tháng 01/2026`, `quý III - IV/2025`, `từ quý IV/2025 đến quý I/2026`,
    // `từ tháng 10/2025 đến hết năm 2025`: from the first's start to the second's end (the first in the second's year
    // when it names none, the year before when that would reverse them)
    kind: 'months',
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+)?(tháng|quý)\\s+(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d])(?:${YEAR_AFTER})?` +
        `(?:\\s*(?:[-–—]|${TO}\\s+(?:hết\\s+)?)\\s*` +
        `(?:(?:(tháng|quý)\\s+)?(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d])${YEAR_AFTER}|năm\\s+${YEAR}(?![\\d/]))` +
        // `tháng 11, 12/2025`, `quý III, IV năm 2025`: the next one, its unit word left out
        `|${SPACE},${SPACE}(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d])${YEAR_AFTER})`,
      FLAGS,
    ),
    extract: (m) => {
      // m: 1 first unit, 2 its number, 3 its year; 4 second unit, 5 its number, 6 its year; 7 a year (`đến hết năm 2025`);
      // 8, 9 the next number and its year after a comma
      if (m[8] && (smallOrdinal(m[8]) ?? 0) !== (smallOrdinal(m[2]!) ?? -1) + 1) return null; // a list, not a run
      const last = m[7] ? yearsBounds(+m[7], +m[7]) : m[8] ? unitSpan(m[1]!, m[8], +m[9]!) : unitSpan(m[4] ?? m[1]!, m[5]!, +m[6]!);
      if (!last) return null;
      const y = m[3] ? +m[3] : +last.to!.slice(0, 4);
      let first = unitSpan(m[1]!, m[2]!, y);
      if (first && !m[3] && first.from! > last.from!) first = unitSpan(m[1]!, m[2]!, y - 1);
      return first ? ordered(first.from, last.to) : null;
    },
  },
  {
    // `Từ tháng 7 đến tháng 12`, `từ tháng 7 - 12`, `từ quý II đến hết quý IV` with no year after the end: the span in the
    // year named right after it, else the reporting year, looked back as a month alone is; `từ tháng 10 năm 2017 đến tháng
    // 3`: the end in the start's year, or the next when it would come before the start (each end was read alone)
    kind: 'month',
    pattern: new RegExp(
      `từ\\s+(tháng|quý)\\s+(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d/])(?:${YEAR_AFTER})?\\s*(?:${TO}\\s+(?:hết\\s+)?|[-–—]\\s*)` +
        `(?:(tháng|quý)\\s+)?(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d/])(?!${BEFORE_YEAR}\\d|\\s*[-–.]\\s*\\d)`,
      FLAGS,
    ),
    extract: (m, env) => {
      const unit = m[1]!;
      if (m[4] && m[4] !== unit) return null;
      const span = (n: string, y: number) => unitSpan(unit, n, y);
      if (m[3]) {
        const first = span(m[2]!, +m[3]);
        const last = span(m[5]!, +m[3]);
        if (!first?.from || !last?.from) return null;
        return ordered(first.from, last.from < first.from ? span(m[5]!, +m[3] + 1)!.to : last.to);
      }
      const named = yearAhead(env.text, m.index + m[0].length);
      if (named === null && recurring(env.text, m.index, m.index + m[0].length)) return null;
      const y = named ?? env.reportYear;
      const first = y ? span(m[2]!, y) : null;
      const last = y ? span(m[5]!, y) : null;
      if (!first?.from || !last?.to || last.from! < first.from) return null;
      return lookBack(env, named === null, { from: first.from, to: last.to });
    },
  },
  {
    // the other way round, a year to a month or quarter: `2026 - tháng 2/2027` (seed 002's task table), `từ năm 2026 đến
    // tháng 6/2027`, `Năm 2026 - quý II/2027`: from the year's first day to the second's end
    kind: 'months',
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+)?(?:năm\\s+)?(?<![\\d/.,\\-–—])${YEAR}(?:${DASH}|\\s+${TO}\\s+(?:hết\\s+)?)(tháng|quý)\\s+(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d])${YEAR_AFTER}(?![\\d/])`,
      FLAGS,
    ),
    extract: (m) => {
      const last = unitSpan(m[2]!, m[3]!, +m[4]!);
      return last ? ordered(isoDate(+m[1]!, 1, 1), last.to) : null;
    },
  },
  {
    // a month named in words: `tháng Mười Hai năm 2025`, `tháng Tư/2026` (never Giêng or Chạp, which name lunar months)
    kind: 'month',
    pattern: new RegExp(`tháng\\s+(${MONTH_NAME})${YEAR_AFTER}(?![\\d/])`, FLAGS),
    extract: (m) => monthBounds(+m[2]!, monthNamed(m[1]!)),
  },
  {
    // `tháng 10, 12/2025`, `tháng 10 và 12 năm 2025`, `quý I, III/2025`, `tháng 9, 10, 11/2025`: a list of months or
    // quarters with the year once, after the last; each is a mention of its own (two in a row joined by a comma are one
    // span, read above)
    kind: 'month',
    pattern: new RegExp(
      `(tháng|quý)\\s+(?:\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d/])(?:${SPACE}(?:,|và)${SPACE}(?:(?:tháng|quý)\\s+)?(?:\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d/]))*` +
        `${SPACE}(?:,|và)${SPACE}(?:(?:tháng|quý)\\s+)?(?:\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d])${YEAR_AFTER}(?![\\d/])`,
      FLAGS,
    ),
    extract: (m) => {
      const year = +m[2]!;
      const pieces: Piece[] = [];
      const items = [...m[0].matchAll(/(?:(?:tháng|quý)\s+)?(\d{1,2}|iv|iii|ii|i)(?![\p{L}\d])(?:(?:\s+năm\s+|[ \t]*\/[ \t]*)\d{4})?/gu)];
      for (const [k, it] of items.entries()) {
        // the first keeps its unit word; the year is part of the last
        const n = it[1]!;
        const span = unitSpan(m[1]!, n, year);
        if (!span || (k < items.length - 1 && /\d{4}$/u.test(it[0]))) return null;
        pieces.push({ ...span, start: it.index, end: it.index + it[0].length });
      }
      return pieces.length >= 2 ? pieces : null;
    },
  },
  {
    // `Từ đầu tháng 11/2025 đến nay` (since the start of the month), `từ (đầu) tháng 7 đến nay`: from its first day to the
    // document's date (a yearless month still ahead of it is last year's); `10 ngày đầu tháng 11/2025` (the first ten
    // days): its first ten days
    kind: 'toNow',
    pattern: new RegExp(`(?:từ\\s+(?:đầu\\s+)?tháng\\s+(?:${MONTH_YEAR}|(\\d{1,2})(?![\\d/]|\\s+năm))\\s*,?\\s*${TO}\\s+nay(?![\\p{L}])|(\\d{1,2})\\s+ngày\\s+đầu\\s+tháng\\s+${MONTH_YEAR})`, FLAGS),
    extract: (m, env) => {
      if (m[4]) {
        const month = monthBounds(+m[6]!, +m[5]!);
        const to = month ? isoDate(+m[6]!, +m[5]!, +m[4]) : null;
        return month && to ? { from: month.from, to } : null;
      }
      const year = m[2] ? +m[2] : env.reportYear;
      let from = year ? (monthBounds(year, +(m[1] ?? m[3])!)?.from ?? null) : null;
      if (from && !m[2] && env.today && from > env.today) from = shiftYears(from, -1);
      return toToday(from, env);
    },
  },
  {
    // `từ năm 2016 đến nay` (from 2016 to now), `(từ ngày 01/7 đến nay)`: up to the document's date (a day with no year
    // is of the reporting year)
    kind: 'toNow',
    role: 'other',
    // (`kể từ ngày 01/7/2025 đến nay`; `đến thời điểm báo cáo`, `đến ngày báo cáo`, `đến hiện nay` say the same;
    // `giai đoạn 2021 đến nay`, `(2021 - nay)` with no `từ`; a bracket may gloss the start: `Từ ngày 01/7/2025 (thời điểm
    // vận hành chính quyền địa phương 2 cấp) đến nay`)
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+(?:(?:ngày\\s+)?(${ANY_DATE})|tháng\\s+${MONTH_YEAR}|(?:năm\\s+)?${YEAR})|(?:giai\\s+đoạn|thời\\s+kỳ)\\s+(?:từ\\s+)?(?:năm\\s+)?${YEAR}|(?<![\\p{L}\\d/.,]\\s*)${YEAR}(?=${YEAR_DASH}nay))` +
        `(?:\\s*\\([^()\\n]{1,100}\\))?\\s*,?\\s*(?:${TO}|[-–—])\\s+(?:nay|hiện\\s+nay|thời\\s+điểm\\s+(?:hiện\\s+tại|báo\\s+cáo)|ngày\\s+báo\\s+cáo)(?![\\p{L}])`,
      FLAGS,
    ),
    extract: (m, env) => {
      const year = m[4] ?? m[5] ?? m[6];
      let from = m[1] ? anyDate(m[1], env.reportYear) : m[2] ? (monthBounds(+m[3]!, +m[2]!)?.from ?? null) : isoDate(+year!, 1, 1);
      // a yearless day still ahead of the document's date is last year's (`từ ngày 25/12 đến nay` written in November)
      if (from && env.today && from > env.today && m[1] && !parseDate(m[1])) from = anyDate(m[1], +from.slice(0, 4) - 1);
      // with no document date, `nay` (now) names no day
      return toToday(from, env);
    },
  },
  {
    // `có hiệu lực (thi hành) (kể) từ ngày 01/12/2025`, `… kể từ ngày ký (ban hành)`: from then on (or to the day named after)
    kind: 'since',
    role: 'effective',
    pattern: new RegExp(
      `(?:(?:có\\s+)?hiệu\\s+lực(?:\\s+thi\\s+hành)?|(?:được\\s+)?áp\\s+dụng|có\\s+hiệu\\s+lực\\s+áp\\s+dụng)\\s+(?:kể\\s+)?từ\\s+ngày\\s+` +
        `(?:(${ANY_DATE})|(ký\\s+ban\\s+hành|ký|ban\\s+hành|công\\s+bố|thông\\s+qua)(?![\\p{L}]))` +
        `(?:\\s*,?\\s*${TO}\\s+(?:hết\\s+)?(?:ngày\\s+)?(${DATE_SOURCE}))?`,
      FLAGS,
    ),
    extract: (m, env) => {
      const from = m[1] ? anyDate(m[1], env.year) : env.today;
      if (!from) return null;
      if (!m[3]) return { from, to: null };
      return ordered(from, parseDate(m[3]));
    },
  },
  {
    // `có hiệu lực (thi hành) đến hết ngày 28/02/2027`: in effect until then
    kind: 'until',
    role: 'effective',
    pattern: new RegExp(`(?:có\\s+)?hiệu\\s+lực(?:\\s+thi\\s+hành)?\\s+đến\\s+(?:hết\\s+)?ngày\\s+(${ANY_DATE})`, FLAGS),
    extract: (m, env) => until(anyDate(m[1]!, env.year)),
  },
  {
    // `trước ngày 31/12/2025`, `chậm nhất (là) (vào) ngày 21/11/2025`, `hạn chót ngày …`, `trước 17 giờ ngày 27/11/2025`: a deadline.
    // A date more than a year before the document is a condition (`cấp trước ngày 01/7/2004`), not a deadline.
    kind: 'until',
    role: 'deadline',
    pattern: new RegExp(
      `(?:trước|(?:chậm|muộn)\\s+nhất(?:\\s+là)?(?:\\s+(?:vào|trước|đến))?|không\\s+quá(?=\\s+ngày)|không\\s+muộn\\s+hơn|` +
        // `hạn chót (là)`, `Hạn cuối nhận hồ sơ: ngày …`, `Hạn cuối nộp hồ sơ là ngày …`
        `hạn\\s+(?:chót|cuối)(?:\\s+(?:nhận|nộp|gửi|tiếp\\s+nhận|đăng\\s+ký|hoàn\\s+thành|báo\\s+cáo)(?:\\s+hồ\\s+sơ|\\s+báo\\s+cáo)?)?(?:\\s+là|[ \\t]*:)?|` +
        // a deadline's label: `Thời hạn: 30/12/2025`, `Hạn hoàn thành: 15/12/2025`, `Hạn nộp báo cáo: ngày 25/11`, `Thời gian
        // hoàn thành: 31/12/2025`
        `(?<![\\p{L}])(?:(?:thời\\s+)?hạn(?:\\s+(?:hoàn\\s+thành|báo\\s+cáo|nộp|gửi)(?:\\s+(?:báo\\s+cáo|hồ\\s+sơ|kết\\s+quả))?)?|thời\\s+gian\\s+hoàn\\s+thành)[ \\t]*:)\\s+${TIME}?(?:(?:hết\\s+)?ngày\\s+)?(${ANY_DATE})`,
      FLAGS,
    ),
    extract: (m, env) => {
      if (!parseDate(m[1]!) && recurring(env.text, m.index, m.index + m[0].length)) return null;
      const to = deadlineDate(m[1]!, env);
      if (!to || (env.today && days(to, env.today) > 366)) return null;
      return until(to);
    },
  },
  {
    // `hoàn thành trước năm 2027`, `trước tháng 12/2025` (`trước 12/2025`), `trước quý II/2026` (before that month, quarter or year): an
    // open start, to the day before it begins; the role comes from the words around (`hoàn thành` → deadline)
    kind: 'until',
    pattern: new RegExp(
      `trước\\s+(?:(?:tháng\\s+)?${MONTH_YEAR}|quý\\s+${QUARTER}(?![\\p{L}\\d])${YEAR_AFTER}|năm\\s+${YEAR}(?![\\d/]))`,
      FLAGS,
    ),
    extract: (m) => {
      const start = m[1] ? monthBounds(+m[2]!, +m[1]!)?.from : m[3] ? quarterBounds(m[3], +m[4]!)?.from : isoDate(+m[5]!, 1, 1);
      return start ? until(dayBefore(start)) : null;
    },
  },
  {
    // `Năm 2025 và các năm tiếp theo`, `Quý IV năm 2025 …`, `Giai đoạn 2026-2030 và những năm tiếp theo` (and the years after): an open end
    kind: 'onward',
    pattern: new RegExp(
      `(?:năm\\s+${YEAR}|quý\\s+${QUARTER}${YEAR_AFTER}|tháng\\s+${MONTH_YEAR}|giai\\s+đoạn\\s+${YEAR}${YEAR_DASH}${YEAR})` +
        `\\s*,?\\s*(?:và|,)\\s+(?:các|những)\\s+năm\\s+(?:tiếp\\s+theo|sau(?:\\s+đó)?|kế\\s+tiếp)`,
      FLAGS,
    ),
    extract: (m) => {
      const from = m[1]
        ? isoDate(+m[1], 1, 1)
        : m[2]
          ? (quarterBounds(m[2], +m[3]!)?.from ?? null)
          : m[4]
            ? (monthBounds(+m[5]!, +m[4]!)?.from ?? null)
            : isoDate(+m[6]!, 1, 1);
      return from ? { from, to: null } : null;
    },
  },
  {
    // `(hết hiệu lực) kể từ ngày Quyết định này có hiệu lực (thi hành)`, `Thời hạn ủy quyền: Kể từ ngày Quyết định này có
    // hiệu lực đến hết ngày 28 tháng 02 năm 2027`: from when this document takes effect (its own `có hiệu lực từ ngày …`)
    kind: 'since',
    role: 'effective',
    pattern: new RegExp(
      `(?:kể\\s+)?từ\\s+ngày\\s+(?:(?:quyết\\s+định|chỉ\\s+thị|quy\\s+chế|quy\\s+định|kế\\s+hoạch|văn\\s+bản)(?:\\s+này)?|${OWN_KINDS}\\s+này)\\s+(?:có\\s+hiệu\\s+lực|được\\s+ban\\s+hành)(?:\\s+thi\\s+hành)?` +
        `(?:\\s*,?\\s*${TO}\\s+(?:hết\\s+)?(?:ngày\\s+)?(${DATE_SOURCE}))?`,
      FLAGS,
    ),
    extract: (m, env) => {
      if (afterDuration(env.text, m.index)) return null;
      const from = /ban\s+hành$/iu.test(m[0]) ? env.today : ownEffective(env);
      if (!from) return null;
      return m[1] ? ordered(from, parseDate(m[1])) : { from, to: null };
    },
  },
  {
    // `… chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.`, `triển khai thực hiện từ ngày ban hành Kế hoạch đến …`,
    // `Thời gian nhận hồ sơ: Từ ngày ra thông báo đến 17h00 ngày 15/12/2025` (a notice's),
    // `Từ khi ban hành đến hết năm 2026`: from the document's date (never after a duration: `trong thời hạn 15 ngày kể từ
    // ngày ký`, `ký hợp đồng`)
    kind: 'since',
    pattern: new RegExp(
      `(?:kể\\s+)?từ\\s+(?:ngày|khi)\\s+(?:(?:ký\\s+ban\\s+hành|ký|ban\\s+hành)(?:\\s+(?:quyết\\s+định|kế\\s+hoạch|chỉ\\s+thị|văn\\s+bản|quy\\s+chế|quy\\s+định|thông\\s+báo)(?:\\s+này)?)?` +
        `|(?:ra|đăng(?:\\s+tải)?|phát\\s+hành)\\s+thông\\s+báo(?:\\s+này)?)` +
        `(?:\\s*,?\\s*${TO}\\s+(?:hết\\s+|cuối\\s+)?${TIME}?(?:(?:ngày\\s+)?(${DATE_SOURCE})|năm\\s+${YEAR}(?![\\d/])|tháng\\s+${MONTH_YEAR})|(?=[ \\t]*(?:[.;,:)/*\\n]|$)))`,
      FLAGS,
    ),
    extract: (m, env) => {
      if (afterDuration(env.text, m.index) || !env.today) return null;
      // m: 1 an end day; 2 an end year; 3, 4 an end month and its year
      const to = m[1] ? parseDate(m[1]) : m[2] ? isoDate(+m[2], 12, 31) : m[3] ? (monthBounds(+m[4]!, +m[3])?.to ?? null) : undefined;
      return to === undefined ? { from: env.today, to: null } : ordered(env.today, to);
    },
  },
  {
    // `(giai đoạn / định hướng) sau năm 2030` (after that year): from the next year on, an open end
    kind: 'onward',
    pattern: new RegExp(`(?<![\\p{L}])sau\\s+năm\\s+${YEAR}(?![\\d/]|\\s*[-–])`, FLAGS),
    extract: (m) => ({ from: isoDate(+m[1]! + 1, 1, 1), to: null }),
  },
  {
    // `(từ) năm 2023 trở đi`, `(2026 trở đi)`, `quý I/2025 trở đi`, `tháng 7/2025 trở đi` (from then on): an open end
    kind: 'onward',
    pattern: new RegExp(
      `(?:(?:kể\\s+)?từ\\s+)?(?:(?:năm\\s+)?${YEAR}|tháng\\s+${MONTH_YEAR}|quý\\s+${QUARTER}${YEAR_AFTER})\\s+trở\\s+đi(?![\\p{L}])`,
      FLAGS,
    ),
    extract: (m) => {
      const from = m[1] ? isoDate(+m[1], 1, 1) : m[2] ? (monthBounds(+m[3]!, +m[2]!)?.from ?? null) : (quarterBounds(m[4]!, +m[5]!)?.from ?? null);
      return from ? { from, to: null } : null;
    },
  },
  {
    // `(kể) từ ngày 30 tháng 4 năm 1975 trở về trước`, `từ năm 2015 trở về trước` (that day and before): an open start
    kind: 'until',
    role: 'other',
    pattern: new RegExp(`(?:kể\\s+)?từ\\s+(?:ngày\\s+(${DATE_SOURCE})|năm\\s+${YEAR})\\s+trở\\s+về\\s+trước`, FLAGS),
    extract: (m) => until(m[1] ? parseDate(m[1]) : isoDate(+m[2]!, 12, 31)),
  },
  {
    kind: 'block', // `từ ngày …/từ tháng … đến nay` with no date we can read, or from a future start
    pattern: new RegExp(`từ\\s+(?:(?:ngày\\s+)?${ANY_DATE}|tháng\\s+${MONTH_YEAR}|năm\\s+${YEAR})\\s*${TO}\\s+nay`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // `(kể) từ ngày 01 tháng 01 năm 2026, Luật Việc làm … được thực hiện`, `Thời gian thực hiện: Từ 01/7/2025.`, `từ 0 giờ ngày
    // 25/11/2025`: from a day on (a range starting there is longer and wins)
    kind: 'since',
    pattern: new RegExp(`(?:kể\\s+)?từ\\s+${TIME}?(?:ngày\\s+)?(${DATE_SOURCE})`, FLAGS),
    extract: (m) => {
      const from = parseDate(m[1]!);
      return from ? { from, to: null } : null;
    },
  },
  {
    // `(kể) từ tháng 9/2017`, `từ năm 2026`, `Từ quý I/2026,` (from then on): an open end; a range starting there is longer and wins
    kind: 'onward',
    pattern: new RegExp(
      `(?:kể\\s+)?từ\\s+(?:tháng\\s+${MONTH_YEAR}|năm\\s+${YEAR}(?![\\d/]|${YEAR_DASH}(?:19|20|21)\\d{2})|quý\\s+${QUARTER}${YEAR_AFTER}(?![\\d/]))`,
      FLAGS,
    ),
    extract: (m) => {
      const from = m[1] ? (monthBounds(+m[2]!, +m[1]!)?.from ?? null) : m[3] ? isoDate(+m[3], 1, 1) : (quarterBounds(m[4]!, +m[5]!)?.from ?? null);
      return from ? { from, to: null } : null;
    },
  },
  {
    kind: 'block', // `từ ngày 21/7,`: a start with no year; a range starting there is longer and wins
    pattern: new RegExp(`từ\\s+ngày\\s+${ANY_DATE}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // `tính đến (hết) (ngày) 30/6/2025`, `tính đến thời điểm 31/12/2025` (counted up to that day): a running total or a
    // stock whose start the words do not name, so an open start (as `đến năm 2030`)
    kind: 'asOf',
    role: 'cumulative',
    // (`Thời điểm chốt số liệu: (ngày) 30/11/2025`, the day figures are counted up to, says the same)
    pattern: new RegExp(
      `(?:tính\\s+đến\\s+(?:hết\\s+)?(?:thời\\s+điểm\\s+)?|thời\\s+điểm\\s+(?:chốt|lấy|tính)\\s+số\\s+liệu[ \\t*]*:?[ \\t*]*(?:là\\s+)?)(?:(?:hết\\s+)?ngày\\s+)?(${ANY_DATE})`,
      FLAGS,
    ),
    extract: (m, env) => {
      // `tính đến ngày 31/12 của năm đánh giá` (of the year assessed): every year's, no one period
      if (!parseDate(m[1]!) && recurring(env.text, m.index, m.index + m[0].length)) return null;
      return until(anyDate(m[1]!, env.reportYear));
    },
  },
  {
    // `tính đến (hết/cuối) tháng 10/2025`: up to the month's end
    kind: 'asOf',
    role: 'cumulative',
    pattern: new RegExp(`tính\\s+đến\\s+(?:hết\\s+|cuối\\s+)?tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => until(monthBounds(+m[2]!, +m[1]!)?.to ?? null),
  },
  {
    // `tính đến (hết/cuối) năm 2025`: up to the year's end
    kind: 'asOf',
    role: 'cumulative',
    pattern: new RegExp(`tính\\s+đến\\s+(?:hết\\s+|cuối\\s+)?năm\\s+${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => until(isoDate(+m[1]!, 12, 31)),
  },
  {
    // `(từ nay) đến (hết/cuối) năm 2030`, `tầm nhìn đến năm 2045`: an open start
    kind: 'until',
    pattern: new RegExp(`(?:từ\\s+nay\\s+)?${TO}\\s+(?:hết\\s+|cuối\\s+)?năm\\s+${YEAR}(?![\\d/])`, FLAGS),
    extract: (m, env) => fromNow(m, env, isoDate(+m[1]!, 12, 31)),
  },
  {
    // `tầm nhìn đến 2050`, `định hướng đến 2035` (vision, orientation) without `năm`: an open start; the lead words give
    // the role
    kind: 'until',
    pattern: new RegExp(`(?<lead>(?:tầm\\s+nhìn|định\\s+hướng)\\s+)đến\\s+${YEAR}(?![\\d/.,]\\d|[\\d/])`, FLAGS),
    extract: (m) => until(isoDate(+m[2]!, 12, 31)), // m[1] is the lead
  },
  {
    // `Đến 2030, tỷ lệ …`, `(từ nay) đến hết 2026.` without `năm`: a year closing its clause (never after a number, `từ 1.500
    // đến 2030.`, and a count would go on: `đến 2030 người`)
    kind: 'until',
    pattern: new RegExp(`(?:từ\\s+nay\\s+)?(?<!\\d[\\d.,]*\\s+)đến\\s+(?:hết\\s+|cuối\\s+)?${YEAR}(?=[ \\t]*[,;.:)](?!\\d)|[ \\t]*$)`, FLAGS),
    extract: (m, env) => fromNow(m, env, isoDate(+m[1]!, 12, 31)),
  },
  {
    // `từ nay đến cuối năm` (from now to the end of this year)
    kind: 'until',
    pattern: new RegExp(`từ\\s+nay\\s+đến\\s+(?:hết|cuối)\\s+năm(?:\\s+nay)?(?![\\p{L}\\d]|\\s+\\d)`, FLAGS),
    extract: (m, env) => (env.year ? fromNow(m, env, isoDate(env.year, 12, 31)) : null),
  },
  {
    // `(từ nay) đến (hết) (ngày) 31/12/2025`: until a day
    kind: 'until',
    pattern: new RegExp(`(?:từ\\s+nay\\s+)?${TO}\\s+(?:hết\\s+|cuối\\s+)?${TIME}?(?:ngày\\s+)?(${DATE_SOURCE})`, FLAGS),
    extract: (m, env) => fromNow(m, env, parseDate(m[1]!)),
  },
  {
    // `Hết tháng 11/2025, …`, `hết quý III/2025`, `hết năm 2025` (by the end of): until the month's, quarter's or year's end
    kind: 'until',
    pattern: new RegExp(
      `(?<![\\p{L}])hết\\s+(?:tháng\\s+${MONTH_YEAR}|quý\\s+${QUARTER}(?![\\p{L}\\d])${YEAR_AFTER}|năm\\s+${YEAR}(?![\\d/]))`,
      FLAGS,
    ),
    extract: (m) => until(m[1] ? (monthBounds(+m[2]!, +m[1]!)?.to ?? null) : m[3] ? (quarterBounds(m[3], +m[4]!)?.to ?? null) : isoDate(+m[5]!, 12, 31)),
  },
  {
    // `đến ngày 30/11, …` (with no year): until that day of the reporting year; never a day that recurs every year
    kind: 'until',
    pattern: new RegExp(`(?:từ\\s+nay\\s+)?${TO}\\s+(?:hết\\s+)?ngày\\s+(${DAY_MONTH_SOURCE})`, FLAGS),
    extract: (m, env) => {
      // the end of a yearless range (`từ ngày 10 đến ngày 15 tháng 12`: a rule for every year) is none
      if (/từ\s+(?:ngày\s+)?\d{1,2}\s*$/iu.test(env.text.slice(Math.max(0, m.index - 16), m.index))) return null;
      return recurring(env.text, m.index, m.index + m[0].length) ? null : fromNow(m, env, anyDate(m[1]!, env.reportYear));
    },
  },
  {
    // `(từ nay) đến (hết/cuối) tháng 6/2026`, `đến cuối quý IV năm 2025`, `(đến 6/2028)`: until the month's or quarter's end
    kind: 'until',
    pattern: new RegExp(
      `(?:từ\\s+nay\\s+)?${TO}\\s+(?:hết\\s+|cuối\\s+)?(?:tháng\\s+${MONTH_YEAR}|quý\\s+${QUARTER}(?![\\p{L}\\d])${YEAR_AFTER}|(\\d{1,2})${SPACE}/${SPACE}${YEAR}(?![\\d/]))`,
      FLAGS,
    ),
    extract: (m, env) =>
      fromNow(m, env, m[1] ? (monthBounds(+m[2]!, +m[1]!)?.to ?? null) : m[3] ? (quarterBounds(m[3], +m[4]!)?.to ?? null) : (monthBounds(+m[6]!, +m[5]!)?.to ?? null)),
  },
  {
    // `(lũy kế) đến hết tháng 10`, `đến cuối tháng 10` with no year: until that month's end in the reporting year
    kind: 'until',
    pattern: new RegExp(`(?:từ\\s+nay\\s+)?${TO}\\s+(?:hết|cuối)\\s+tháng\\s+(\\d{1,2})(?![\\d/\\-–]|\\.\\d|\\s*(?:năm|[-–/])\\s*\\d)`, FLAGS),
    extract: (m, env) => {
      if (env.reportYear === null || recurring(env.text, m.index, m.index + m[0].length)) return null;
      return fromNow(m, env, monthBounds(env.reportYear, +m[1]!)?.to ?? null);
    },
  },
  {
    // a bare month or year after a time label: `Thời gian thực hiện: 12/2025`, `Thời gian hoàn thành: 2026`, `Thời hạn nộp:
    // 12/2025`, `Tiến độ: 2026`, or a deadline's words: `chậm nhất 12/2025` (the label's words, `lead`, are left out of the
    // span; they give the role)
    kind: 'month',
    pattern: new RegExp(
      `(?<lead>(?:(?:thời\\s+(?:gian|hạn|điểm)|tiến\\s+độ|hạn\\s+(?:chót|cuối))(?:\\s+\\p{L}+){0,3}?[ \\t*]*:[ \\t*]*(?:trong\\s+)?|(?:chậm|muộn)\\s+nhất(?:\\s+là)?(?:\\s+(?:vào|trong))?\\s+))(?:(\\d{1,2})[ \\t]*/[ \\t]*${YEAR}|${YEAR})` +
        // or a range of them: `Thời gian triển khai: 12/2025 - 6/2026`
        `(?:[ \\t]*(?:[-–]|đến)[ \\t]*(?:(\\d{1,2})[ \\t]*/[ \\t]*${YEAR}|${YEAR}))?(?![\\d/]|[.,]\\d|[ \\t]*[-–])`,
      FLAGS,
    ),
    extract: (m) => {
      const first = m[2] ? monthBounds(+m[3]!, +m[2]) : yearsBounds(+m[4]!, +m[4]!);
      if (!m[5] && !m[7]) return first;
      const last = m[5] ? monthBounds(+m[6]!, +m[5]) : yearsBounds(+m[7]!, +m[7]!);
      return first && last ? ordered(first.from, last.to) : null;
    },
  },
  {
    kind: 'block', // the header's date with Markdown left inside it or a space lost: `ngày 24 **tháng 11 năm 2025`, `ngày 01 tháng12 năm 2025`
    pattern: new RegExp(`ngày[\\s*_]*\\d{1,2}[\\s*_]+tháng[\\s*_]*\\d{1,2}[\\s*_]+năm[\\s*_]+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // a month after a unit's number (`QUẬN 5 THÁNG 10 NĂM 2018`), which would otherwise read as the date 5/10/2018;
    // the unit's words (`lead`) are left out of the span
    kind: 'month',
    pattern: new RegExp(`(?<lead>(?:quận|phường|khu\\s+phố|tổ|ấp|khóm)\\s+\\d{1,2}\\s+)tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => monthBounds(+m[3]!, +m[2]!), // m[1] is the lead
  },
  {
    kind: 'block', // the header's date with blanks (or dots) left for the day (and month): the signing date
    pattern: new RegExp(`ngày(?:\\s+\\d{1,2}|[\\s.…]*)\\s*tháng(?:\\s+\\d{1,2}|[\\s.…]*)\\s*năm\\s+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a single day is a date, not a period
    pattern: new RegExp(DATE_SOURCE, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a day and month with no year: `ngày 21/7` (a date; deadlines and ranges starting earlier win)
    pattern: new RegExp(`ngày\\s+${DAY_MONTH_SOURCE}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // `lũy kế 10 tháng (đầu năm) (2018)`: the first ten months of the reporting year
    kind: 'running',
    role: 'cumulative',
    pattern: new RegExp(`(?:lũy|luỹ)\\s+kế\\s+${MONTH_COUNT}\\s+tháng(?:\\s+đầu)?(?:\\s+năm(?:\\s+${YEAR}|\\s+nay)?)?`, FLAGS),
    extract: (m) => {
      const n = monthCount(m[1]!);
      if (n < 1 || n > 12) return null;
      const named = m[2] ? +m[2] : null;
      return (a) => {
        const y = named ?? a.year;
        return y ? { from: isoDate(y, 1, 1), to: monthBounds(y, n)!.to } : null;
      };
    },
  },
  {
    // `lũy kế (từ) đầu năm (đến nay)`, `(tính) từ đầu năm đến nay`, `cộng dồn từ đầu năm đến cuối quý IV năm 2025`,
    // `Từ đầu năm đến 15/6/2017`, `… đến hết tháng 5`, `… đến thời điểm báo cáo` (the document's date), `Từ đầu năm, …` opening
    // a sentence (`chỉ tiêu … giao từ đầu năm, phấn đấu …` is when they were given, not a span):
    // from the first of January to the end named, else the end of the reporting period
    kind: 'running',
    role: 'cumulative',
    pattern: new RegExp(
      `(?:(?:lũy|luỹ)\\s+kế\\s+(?:từ\\s+)?|cộng\\s+dồn\\s+(?:từ\\s+)?|(?:(?:tính|kể)\\s+)?từ\\s+(?=đầu\\s+năm(?:\\s+\\d{4})?\\s+${TO})|(?<=(?:^|[\\n.;:])[ \\t*_]*)(?:(?:tính|kể)\\s+)?từ\\s+(?=đầu\\s+năm(?:\\s+\\d{4})?\\s*,))đầu\\s+năm(?:\\s+${YEAR})?` +
        `(?:\\s+${TO}\\s+(?:nay|thời\\s+điểm\\s+báo\\s+cáo|(?:hết\\s+|cuối\\s+)?(?:(?:ngày\\s+)?(${ANY_DATE})|tháng\\s+${MONTH_YEAR}|quý\\s+${QUARTER}${YEAR_AFTER}|tháng\\s+(\\d{1,2})(?![\\d/]|\\s+năm))))?`,
      FLAGS,
    ),
    extract: (m, env) => {
      const year = m[1] ? +m[1] : env.reportYear;
      const end = m[2]
        ? anyDate(m[2], year)
        : m[3]
          ? (monthBounds(+m[4]!, +m[3]!)?.to ?? null)
          : m[5]
            ? (quarterBounds(m[5], +m[6]!)?.to ?? null)
            : m[7] && year
              ? (monthBounds(year, +m[7])?.to ?? null)
              : null;
      if (end) return { from: `${end.slice(0, 4)}-01-01`, to: end };
      const named = m[1] ? +m[1] : null;
      const toNow = /(?:đến|tới)\s+(?:nay|thời\s+điểm\s+báo\s+cáo)$/iu.test(m[0]);
      return (a) => {
        const y = named ?? a.year;
        if (!y) return null;
        const today = a.today && +a.today.slice(0, 4) === y ? a.today : null;
        const end = toNow && today ? today : a.period && +a.period.to.slice(0, 4) === y ? a.period.to : today;
        return end ? { from: isoDate(y, 1, 1), to: end } : null;
      };
    },
  },
  {
    // `(so với) cùng kỳ (năm trước / năm 2024)`: the span of the period compared, a year earlier (or in the year named);
    // `cùng thời gian năm trước` (the same time a year earlier) says the same, with its year
    kind: 'sameTime',
    role: 'comparison',
    pattern: new RegExp(
      `(?:so\\s+(?:với\\s+)?)?cùng\\s+(?:kỳ|thời\\s+gian(?=\\s+năm\\s+(?:\\d|trước|ngoái)))(?:\\s+năm\\s+(?:${YEAR}|trước|ngoái))?(?![\\p{L}])`,
      FLAGS,
    ),
    extract: (m) => {
      const named = m[1] ? +m[1] : null;
      return (a) => {
        if (!a.period) return named ? yearsBounds(named, named) : null;
        const shift = named !== null ? named - +a.period.to.slice(0, 4) : -1;
        if (shift >= 0) return null;
        return { from: shiftYears(a.period.from, shift), to: shiftYears(a.period.to, shift) };
      };
    },
  },
  {
    // `so với tháng trước / quý trước / năm trước (năm ngoái)` (`so` alone says the same): the month, quarter or year before
    // the reporting period's;
    // `so với kỳ (báo cáo) trước` (the period before): as long as the reporting period, right before it
    kind: 'sameTime',
    role: 'comparison',
    pattern: new RegExp(`so(?:\\s+với)?\\s+(tháng|quý|năm|kỳ(?:\\s+báo\\s+cáo)?)\\s+(?:trước|liền\\s+(?:kề\\s+)?trước|liền\\s+kề|ngoái)(?![\\p{L}])(?!\\s+(?:ngày|khi|đó))`, FLAGS),
    extract: (m) => {
      const unit = m[1]!.toLowerCase();
      return (a) => {
        if (!a.period) return null;
        return unit.startsWith('kỳ') ? periodBefore(a.period) : unitBeside(unit, a.period.to, -1);
      };
    },
  },
  {
    // `so với tháng 12 năm trước`, `so với quý IV năm ngoái`: that month or quarter of the year before the reporting period's
    // end; `so với cùng tháng năm trước / năm 2016` (consumer prices): the reporting month a year earlier (or in the year named)
    kind: 'sameTime',
    role: 'comparison',
    pattern: new RegExp(`so(?:\\s+với)?\\s+(?:(tháng|quý)\\s+(\\d{1,2}|iv|iii|ii|i)|cùng\\s+tháng)\\s+năm\\s+(?:trước|ngoái|${YEAR})(?![\\p{L}\\d])`, FLAGS),
    extract: (m) => {
      const quarter = m[1]?.toLowerCase() === 'quý';
      const n = m[2] ? (quarter ? smallOrdinal(m[2].toLowerCase()) : +m[2]) : null;
      if (m[2] && (n === null || n < 1 || n > (quarter ? 4 : 12))) return null;
      const named = m[3] ? +m[3] : null;
      if (n !== null && named !== null) return null; // `so với tháng 12 năm 2016` is the month parser's
      return (a) => {
        if (!a.period) return null;
        const y = named ?? +a.period.to.slice(0, 4) - 1;
        if (n === null) return monthBounds(y, +a.period.to.slice(5, 7));
        return quarter ? quarterBounds(String(n), y) : monthBounds(y, n);
      };
    },
  },
  {
    // `so với tháng 8`, `so với quý II` with no year: the latest such month or quarter before the end of the
    // reporting period (`tháng 12` compared in a January report is December of the year before)
    kind: 'sameTime',
    role: 'comparison',
    pattern: new RegExp(`so(?:\\s+với)?\\s+(tháng|quý)\\s+(\\d{1,2}|iv|iii|ii|i)(?![\\p{L}\\d/])(?!\\s*(?:năm|[/-]|,\\s*\\d|và\\s+\\d))`, FLAGS),
    extract: (m) => {
      const quarter = m[1]!.toLowerCase() === 'quý';
      const n = quarter ? smallOrdinal(m[2]!.toLowerCase()) : +m[2]!;
      if (n === null || n < 1 || n > (quarter ? 4 : 12)) return null;
      return (a) => {
        if (!a.period) return null;
        const y = +a.period.to.slice(0, 4);
        const last = Math.ceil(+a.period.to.slice(5, 7) / (quarter ? 3 : 1));
        const year = n < last ? y : y - 1;
        return quarter ? quarterBounds(String(n), year) : monthBounds(year, n);
      };
    },
  },
  {
    // `6 tháng đầu năm 2025` (first six months), `Sáu tháng cuối năm 2025` (last six), `5 tháng năm 2017`, `6 tháng/2017` (the months from January)
    kind: 'months',
    pattern: new RegExp(`(?<![.,\\p{L}\\d])${MONTH_COUNT}\\s+tháng(?:\\s+(?:(đầu|cuối)\\s+)?năm\\s+|${SPACE}/${SPACE})${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => partOfYear(monthCount(m[1]!), m[2]?.toLowerCase() ?? 'đầu', +m[3]!),
  },
  {
    // `nửa đầu năm 2025` (the first half), `nửa cuối năm` (the second half; with no year, of the reporting year): six months
    kind: 'partYear',
    pattern: new RegExp(`nửa\\s+(đầu|cuối|sau)\\s+năm(?:\\s+${YEAR}|\\s+nay)?(?![\\p{L}\\d]|\\s+\\d)`, FLAGS),
    extract: (m) => {
      const which = m[1]!.toLowerCase() === 'đầu' ? 'đầu' : 'cuối';
      if (m[2]) return partOfYear(6, which, +m[2]);
      return (a) => (a.year ? partOfYear(6, which, a.year) : null);
    },
  },
  {
    // `6 tháng đầu năm` with no year: of the year named right after it (`6 tháng đầu năm và phương hướng
    // nhiệm vụ 6 tháng cuối năm 2019`), else of the reporting year; `9 tháng năm nay` (this year's first nine)
    kind: 'partYear',
    pattern: new RegExp(`(?<![.,\\p{L}\\d])${MONTH_COUNT}\\s+tháng\\s+(?:(đầu|cuối)\\s+năm(?:\\s+nay)?|năm\\s+nay)(?![\\p{L}\\d]|\\s+\\d)`, FLAGS),
    extract: (m, env) => {
      const n = monthCount(m[1]!);
      const which = m[2]?.toLowerCase() ?? 'đầu';
      const named = yearAhead(env.text, m.index + m[0].length);
      if (named !== null) return partOfYear(n, which, named);
      return (a) => (a.year ? partOfYear(n, which, a.year) : null);
    },
  },
  {
    // in a report on a span ending in month N, a bare `N tháng` (`Tổng thu ngân sách 10 tháng ước đạt …` in a report on
    // October): the months from January to N of that year; never a duration (`trong thời hạn 10 tháng`, `10 tháng tuổi`)
    kind: 'running',
    role: 'cumulative',
    pattern: new RegExp(
      `(?<![.,\\d/])(\\d{1,2})\\s+tháng(?![\\p{L}\\d/]|\\s*[-–(]|\\s+(?:\\d|đầu|cuối|năm|qua|tới|trước|sau|kể|tuổi|lương|trở|liên|liền|một|thì|không|nếu|đến|tính|làm|từ|của|mỗi|hoặc))`,
      FLAGS,
    ),
    extract: (m, env) => {
      const n = +m[1]!;
      if (n < 2 || n > 12) return null;
      // outside a report, only where the text has named these months with their year (`Trong 10 tháng đầu năm 2025`)
      const named = namedMonthsYear(env, m.index, n);
      if (!env.report && named === null) return null;
      const lead = env.text.slice(Math.max(0, m.index - 24), m.index);
      if (/(?:thời\s+hạn|sau|trước|quá|đủ|dưới|trên|mỗi|kỳ|vòng|hơn|thêm|tối\s+đa|tối\s+thiểu|ít\s+nhất|từ|đến|khoảng|gần|chưa|hạn|lần|hết)\s*$/iu.test(lead)) return null;
      return (a) => {
        const y = a.period && +a.period.to.slice(5, 7) === n ? +a.period.to.slice(0, 4) : named;
        return y ? { from: isoDate(y, 1, 1), to: monthBounds(y, n)!.to } : null;
      };
    },
  },
  {
    // `Trong 6 tháng qua` (in the past six months): the reporting period, when it is that many whole months
    kind: 'sameTime',
    role: 'reporting',
    pattern: new RegExp(`trong\\s+${MONTH_COUNT}\\s+tháng\\s+(?:qua|vừa\\s+qua)(?![\\p{L}])`, FLAGS),
    extract: (m) => {
      const n = monthCount(m[1]!);
      return (a) => {
        if (!a.period) return null;
        if (wholeMonths(a.period) === n) return a.period;
        // a report on month N (`Trong 11 tháng qua` in a report on November): January to N, as a bare `11 tháng`
        const [y, month] = a.period.to.split('-').map(Number) as [number, number];
        return wholeMonths(a.period) === 1 && month === n ? { from: isoDate(y, 1, 1), to: a.period.to } : null;
      };
    },
  },
  {
    // `Trong tháng,` / `trong quý này` / `Trong năm qua,` with no number: the reporting period, when it is that long;
    // `trong tháng báo cáo` (in the month reported on) the same; `Trong kỳ (báo cáo),` / `trong kỳ này` (in the period
    // reported on): the reporting period whatever its length;
    // before what the figures did (`Tổng thu ngân sách trong tháng đạt 15 tỷ đồng`, `trong tháng xảy ra 3 vụ`) too
    kind: 'sameTime',
    role: 'reporting',
    pattern: new RegExp(
      `(?:trong\\s+(tháng|quý|năm|kỳ)(?:\\s+báo\\s+cáo(?![\\p{L}])(?!\\s+trước)|\\s+(?:này|qua|vừa\\s+qua)(?![\\p{L}])|(?=\\s*[,:])|(?=\\s+(?:${FIGURE_VERBS})(?![\\p{L}])))` +
        // `Năm qua,` / `Tháng vừa qua,` opening a sentence (the past year, month), `trong` left out
        `|(?<![\\p{L}\\d,)]\\s*)(tháng|quý|năm)\\s+(?:vừa\\s+)?qua(?![\\p{L}]))`,
      FLAGS,
    ),
    extract: (m) => {
      const word = (m[1] ?? m[2])!.toLowerCase();
      const unit = word.startsWith('kỳ') ? null : { tháng: 31, quý: 92, năm: 366 }[word as 'tháng' | 'quý' | 'năm'];
      return (a) => {
        if (!a.period) return null;
        const length = days(a.period.from, a.period.to);
        return unit === null || (length <= unit && length >= unit - 4) ? a.period : null;
      };
    },
  },
  {
    // `phương hướng, nhiệm vụ tháng tới` (next month), `quý tới`, `năm tới`, `tháng kế tiếp`: the month, quarter or year
    // after the reporting period's end, else after the document's date; never a count of them (`trong 3 tháng tới`,
    // `những năm tới`: the coming months or years, no one span)
    kind: 'sameTime',
    role: 'plan',
    pattern: new RegExp(`(?<!(?:\\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|các|những|mấy)\\s+)(tháng|quý|năm)\\s+(?:tới|kế\\s+tiếp)(?![\\p{L}])`, FLAGS),
    extract: (m, env) => {
      // a yearly rule's `kế hoạch … của năm kế tiếp, gửi … trước ngày 30 tháng 10 hằng năm` names no one year
      if (recurring(env.text, m.index, m.index + m[0].length)) return null;
      const unit = m[1]!.toLowerCase();
      return (a) => {
        const end = a.period?.to ?? a.today;
        return end ? unitBeside(unit, end, 1) : null;
      };
    },
  },
  {
    kind: 'quarter',
    // (`quý I-2020`, `quý I.2020` as web pages print it too)
    pattern: new RegExp(`quý\\s+${QUARTER}(?![\\p{L}\\d])(?:${BEFORE_YEAR}|${SPACE}-${SPACE})${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => quarterBounds(m[1]!, +m[2]!),
  },
  {
    // `quý I` with no year: the year named right after it in the clause (`quý I và quý II năm 2026`), else the document's
    kind: 'quarter',
    pattern: new RegExp(`quý\\s+${QUARTER}(?![\\p{L}\\d/])(?!${BEFORE_YEAR}\\d)(?:\\s+năm\\s+nay(?![\\p{L}]))?`, FLAGS),
    extract: (m, env) => {
      if (/nay$/iu.test(m[0])) return env.year ? quarterBounds(m[1]!, env.year) : null; // `quý IV năm nay`: this year
      const named = yearAhead(env.text, m.index + m[0].length);
      if (named === null && recurring(env.text, m.index, m.index + m[0].length)) return null;
      const y = named ?? env.reportYear;
      return y ? lookBack(env, named === null, quarterBounds(m[1]!, y)) : null;
    },
  },
  {
    kind: 'month',
    pattern: new RegExp(`tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => monthBounds(+m[2]!, +m[1]!),
  },
  {
    // `tháng 11-2025` (the style of Party documents): a month of the text's own years; an event's month decades back
    // (`Đại hội VI (tháng 12-1986)`) is no period
    kind: 'month',
    pattern: new RegExp(`tháng\\s+(\\d{1,2})${SPACE}[-–]${SPACE}${YEAR}(?![\\d/])`, FLAGS),
    extract: (m, env) => (env.year !== null && Math.abs(+m[2]! - env.year) > 5 ? null : monthBounds(+m[2]!, +m[1]!)),
  },
  {
    // a day and month with no year or `ngày`: `các ngày 9, 10 tháng 09` (dates, not September), `ngày 20 của tháng 3, 6,
    // 9, 11` (a day of each)
    kind: 'block',
    pattern: new RegExp(`(?<![\\d,.])\\d{1,2}\\s+(?:của\\s+)?tháng\\s+\\d{1,2}(?![\\d/\\-]|\\.\\d)`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // `tháng 5` with no year: the year named right after it in the clause (`tháng 5 và 5 tháng năm 2017`), else the document's
    kind: 'month',
    pattern: new RegExp(`tháng\\s+(\\d{1,2})(?![\\d/\\-]|\\.\\d)(?!\\s+năm\\s+\\d)(?!\\s*[-–]\\s*\\d)(?:\\s+năm\\s+nay(?![\\p{L}]))?`, FLAGS),
    extract: (m, env) => {
      if (/nay$/iu.test(m[0])) return env.year ? monthBounds(env.year, +m[1]!) : null; // `tháng 12 năm nay`: this year
      const named = yearAhead(env.text, m.index + m[0].length);
      if (named === null && recurring(env.text, m.index, m.index + m[0].length)) return null;
      const y = named ?? env.reportYear;
      return y ? lookBack(env, named === null, monthBounds(y, +m[1]!)) : null;
    },
  },
  {
    kind: 'block', // the term in a body's or congress's name: `Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030`
    pattern: new RegExp(
      `(?<=(?:đại\\s+hội|đảng\\s+bộ|lần\\s+thứ|khóa|khoá|hội\\s+đồng\\s+nhân\\s+dân|ủy\\s+ban\\s+nhân\\s+dân|uỷ\\s+ban\\s+nhân\\s+dân)[^.;:\\n]{0,60})nhiệm\\s+kỳ\\s+${YEAR}${YEAR_DASH}${YEAR}`,
      FLAGS,
    ),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a regular meeting named by its month: `phiên họp Chính phủ thường kỳ tháng 9 năm 2025`
    pattern: new RegExp(`thường\\s+kỳ\\s+tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a school year (September to May), not two calendar years
    pattern: new RegExp(`năm\\s+học\\s+${YEAR}(?:${DASH}${YEAR})?`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'years', // `giai đoạn 2026 - 2030` (stage), `nhiệm kỳ` (term), `thời kỳ` (period), `từ năm 2021 đến năm 2025`, `năm 2021-2025`, `Năm 2025 - năm 2026`
    pattern: new RegExp(
      `(?:(?:giai\\s+đoạn|nhiệm\\s+kỳ|thời\\s+kỳ)\\s+(?:từ\\s+)?(?:năm\\s+)?${YEAR}(?:${YEAR_DASH}|\\s+${TO}\\s+(?:năm\\s+)?)${YEAR}` +
        `|từ\\s+năm\\s+${YEAR}\\s+${TO}\\s+(?:hết\\s+)?năm\\s+${YEAR}` +
        `|(?:từ\\s+)?năm\\s+${YEAR}${YEAR_DASH}(?:năm\\s+)?${YEAR})`,
      FLAGS,
    ),
    extract: (m) => yearsBounds(+(m[1] ?? m[3] ?? m[5])!, +(m[2] ?? m[4] ?? m[6])!),
  },
  {
    // `Từ 2026 đến 2030,` without `năm`: the span, at most 30 years (a count goes on with what it counts: `từ 2000 đến 2020 người`)
    kind: 'years',
    pattern: new RegExp(`từ\\s+${YEAR}\\s+${TO}\\s+(?:hết\\s+)?${YEAR}(?![\\d/]|[.,]\\d|\\s+\\p{L})`, FLAGS),
    extract: (m) => shortSpan(+m[1]!, +m[2]!),
  },
  {
    // two years joined by a dash with no word before them: `thí điểm (2025 - 2026)`, `kế hoạch 5 năm (2021-2025)`, `Kế hoạch
    // đầu tư công trung hạn 2026-2030`: the span (never inside a number, a date or a symbol; at most 30 years)
    kind: 'years',
    // (a hard wrap may follow the dash: `(xuyên suốt 2025 -⏎2035)`)
    pattern: new RegExp(`(?<![\\d/.,\\-–—])${YEAR}${SPACE}[-–—]${SPACE}${YEAR}(?![\\d/.,]\\d|[\\d/])`, FLAGS),
    extract: (m) => shortSpan(+m[1]!, +m[2]!),
  },
  {
    // `năm 2025 và 2026`, `năm 2025 và năm 2026`, `các năm 2025, 2026 và 2027`: consecutive years are one span (others
    // are read one by one)
    kind: 'years',
    pattern: new RegExp(`năm\\s+${YEAR}(?:(?:${SPACE},${SPACE}|\\s+và\\s+)(?:năm\\s+)?(?:19|20|21)\\d{2}(?![\\d/]))+`, FLAGS),
    extract: (m) => {
      const years = [...m[0].matchAll(/\d{4}/gu)].map((y) => +y[0]);
      return years.every((y, i) => i === 0 || y === years[i - 1]! + 1) ? yearsBounds(years[0]!, years.at(-1)!) : null;
    },
  },
  {
    // a table's column head, the year with no `năm`: `Dự toán 2026`, `Kế hoạch 2020`, `KH 2020` (a plan's); `Ước TH 2025`,
    // `TH 2025 (%)` (done, estimated) below (a span after it is the years', `Kế hoạch 2026-2030`)
    kind: 'year',
    role: 'plan',
    pattern: new RegExp(`(?:kế\\s+hoạch|dự\\s+toán|kh)\\s+${YEAR}${HEAD_YEAR_END}`, FLAGS),
    extract: (m) => yearsBounds(+m[1]!, +m[1]!),
  },
  {
    kind: 'year',
    pattern: new RegExp(`(?:ước\\s+(?:thực\\s+hiện|th)|th)\\s+${YEAR}${HEAD_YEAR_END}`, FLAGS),
    extract: (m) => yearsBounds(+m[1]!, +m[1]!),
  },
  {
    kind: 'year', // `năm ngân sách 2026`, `năm tài chính 2026` (the budget or fiscal year)
    pattern: new RegExp(`năm\\s+(?:ngân\\s+sách|tài\\s+chính)\\s+${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => yearsBounds(+m[1]!, +m[1]!),
  },
  {
    kind: 'block', // a crop season across two years: `vụ Đông Xuân 2025 - 2026` (months no text names)
    pattern: new RegExp(`vụ\\s+(?:đông\\s+xuân|hè\\s+thu|thu\\s+đông|mùa|xuân|chiêm)(?:\\s+năm)?\\s+${YEAR}(?:${YEAR_DASH}${YEAR})?`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // `đầu năm`, `cuối năm`, `giữa năm` (start, end, middle of the year): vague
    pattern: new RegExp(`(?:đầu|cuối|giữa)\\s+năm\\s+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // a year that is part of a name: `Luật Đất đai năm 2024`, `Luật Phổ biến, giáo dục pháp luật năm 2012`, `Hiến pháp năm 2013`
    // (matched with case: `pháp luật năm 2025` is not a name)
    kind: 'block',
    cased: true,
    pattern: new RegExp(
      `(?:Bộ\\s+luật|Luật|LUẬT|BỘ\\s+LUẬT|Hiến\\s+pháp|HIẾN\\s+PHÁP|Pháp\\s+lệnh)(?:\\s+[^\\s.;:()\\d]+){1,12}?(?:\\s+\\([^)]{0,40}\\))?\\s+(?:năm|NĂM)\\s+${YEAR}`,
      'gu',
    ),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a holiday named with its year, a day not a year: `trước Tết nguyên đán năm 2026`, `Tết Dương lịch năm 2026`, `Tết Bính Ngọ năm 2026`
    pattern: new RegExp(`tết(?:\\s+(?:nguyên\\s+đán|dương\\s+lịch|âm\\s+lịch|cổ\\s+truyền))?(?:\\s+\\p{L}+){0,2}?\\s+(?:năm\\s+)?${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a census is named by its year: `Tổng điều tra kinh tế năm 2017`, `Tổng điều tra dân số và nhà ở năm 2019`
    pattern: new RegExp(`tổng\\s+điều\\s+tra(?:\\s+[^\\s.;:()\\d]+){0,8}?\\s+năm\\s+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // `(giá) so sánh (năm) 2010`, `gốc so sánh bình quân năm 1994`: the base year of constant prices
    pattern: new RegExp(`so\\s+sánh(?:\\s+bình\\s+quân)?\\s+(?:năm\\s+)?${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    // a document's number and symbol followed by its year: `văn bản số 18345/BTC-NSNN năm 2025`, `Chỉ thị 13/CT-TTg năm 2025`,
    // Party style `Chỉ thị số 05-CT/TW năm 2016`
    kind: 'block',
    cased: true,
    pattern: new RegExp(
      `\\d+(?:(?:/\\d{4})?/[\\p{Lu}Đ][\\p{L}\\d.-]*(?:/[\\p{L}\\d.-]+)?|-[\\p{Lu}Đ][\\p{L}\\d.]*/[\\p{L}\\d.-]+)\\s+(?:năm|NĂM)\\s+${YEAR}`,
      'gu',
    ),
    extract: () => BLOCK,
  },
  {
    kind: 'year',
    pattern: new RegExp(`năm\\s+${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => yearsBounds(+m[1]!, +m[1]!),
  },
  {
    // `(trong) năm nay` (this year): the document's year
    kind: 'year',
    pattern: new RegExp(`năm\\s+nay(?![\\p{L}\\d])`, FLAGS),
    extract: (_m, env) => (env.year ? yearsBounds(env.year, env.year) : null),
  },
  {
    // in a report, the year's plan named without its year: `đạt 45% kế hoạch năm`, `bằng 81% dự toán năm`: the year reported on
    kind: 'year',
    role: 'plan',
    pattern: new RegExp(`(?:kế\\s+hoạch|dự\\s+toán|chỉ\\s+tiêu)\\s+năm${YEARLESS}`, FLAGS),
    extract: (_m, env) => (env.report && env.reportYear ? yearsBounds(env.reportYear, env.reportYear) : null),
  },
  {
    // in a report, `ước (thực hiện) cả năm` (the whole year, estimated): the year reported on, also before its figure
    // (`Ước thực hiện cả năm 5.817,196 tỷ đồng`; `Uớc`, a common mistyping, too); an estimate of results, so reporting
    // whatever cue precedes it (`được triển khai tích cực, ước cả năm có 1.600 doanh nghiệp`)
    kind: 'year',
    role: 'reporting',
    // (`Thu ngân sách cả năm ước đạt …`, `Tính chung cả năm, …` say the same)
    pattern: new RegExp(
      `(?:[ưu]ớc\\s+(?:tính\\s+|thực\\s+hiện\\s+|đạt\\s+)?|tính\\s+chung\\s+)cả\\s+năm${YEARLESS_BEFORE_FIGURE}|cả\\s+năm(?=\\s+(?:ước|đạt|tăng|giảm)\\s)`,
      FLAGS,
    ),
    extract: (_m, env) => (env.report && env.reportYear ? yearsBounds(env.reportYear, env.reportYear) : null),
  },
];

/** Role cues, compiled once from the lexicon. */
interface Cue {
  role: PeriodRole;
  near: boolean;
  /** The cue anywhere (global). */
  pattern: RegExp;
  /** The cue ending right before a mention, at most one word between. */
  right: RegExp;
}
const CUES: Cue[] = (cueData.cues as Array<{ role: string; near: boolean; forms: string[]; except?: string[] }>).map((c) => {
  const alternatives = (forms: string[]) =>
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map((f) => f.split(/\s+/).map(escape).join('\\s+'))
      .join('|');
  const words = `${c.except ? `(?!(?:${alternatives(c.except)})(?![\\p{L}\\d]))` : ''}(?:${alternatives(c.forms)})`;
  return {
    role: c.role as PeriodRole,
    near: c.near,
    pattern: new RegExp(`(?<![\\p{L}\\d])${words}(?![\\p{L}\\d])`, 'giu'),
    right: new RegExp(`(?<![\\p{L}\\d])${words}\\s+(?:\\p{L}+\\s+)?$`, 'iu'),
  };
});

/** Every period named in a text, in text order; spans index into it. */
export function findPeriods(text: string, context: PeriodContext = {}): PeriodMention[] {
  return periodsOf(null, text, context).periods;
}

/**
 * The document's main reporting period.
 *
 * The title names it (`… tháng 4 năm 2026 và nhiệm vụ trọng tâm tháng 5 năm 2026`: the first
 * period, the one reported on; the second is the plan). Reports count their figures over a
 * day-precise window that ends inside that period (`từ ngày 15/3/2026 đến hết ngày 14/4/2026` for
 * April; `15/12/2025 – 14/3/2026` for quarter I): when the body states such a window, it wins,
 * being what the figures actually cover (its text says so). A window only wins when it ends inside
 * the title's period and is between half and the title's length plus a month, so a quarter
 * mentioned in a yearly report does not replace the year, and when it is cited twice or its sentence
 * says the figures are counted over it (`countedOver`). The most cited window wins, then the
 * first. With no period in the title, the most cited window of the body, else null.
 */
export function documentPeriod(title: string | null, text: string, context: PeriodContext = {}): Period | null {
  const env = envOf(text, context, title);
  return mainPeriod(title, text, candidates(text, env), context);
}

/** Both at once, reading the text once: what the extract stage needs. Mentions get ids `p1`, `p2`… */
export function periodsOf(
  title: string | null,
  text: string,
  context: PeriodContext = {},
): { periods: PeriodMention[]; documentPeriod: Period | null } {
  const env = envOf(text, context, title);
  const found = candidates(text, env);
  const docPeriod = mainPeriod(title, text, found, context);
  const titled = title ? titlePeriod(title, context) : null;
  const roles = found.map((c) => roleOf(text, c, env, context, docPeriod, titled));
  const periods: PeriodMention[] = [];
  const resolved: Array<{ c: Candidate; role: PeriodRole; from: string | null; to: string | null }> = [];
  // the reporting spans with bounds of their own, for a relative mention that names its span after it
  const later = found.filter((c, i) => !c.resolve && (roles[i] === 'reporting' || roles[i] === 'cumulative') && DATED.has(c.kind) && c.kind !== 'asOf');
  for (const [i, c] of found.entries()) {
    let { from, to } = c;
    // a month or quarter with no year in the plan part of a report on a past year (`Dự kiến quý I …` in a report on
    // 2017 dated 2018): the document's year
    const shift = env.year !== null && env.reportYear !== null ? env.year - env.reportYear : 0;
    const yearless = (c.kind === 'month' || c.kind === 'quarter') && from && to && !/\d{4}/u.test(text.slice(c.start, c.end));
    if (shift > 0 && roles[i] === 'plan' && yearless) {
      from = shiftYears(from!, shift);
      to = shiftYears(to!, shift);
    }
    // a plan, decision or letter looks ahead: a month or quarter with no year, planned or due, that ended two months
    // before it was signed is next year's (`hoàn thành trong quý I` in a plan dated December whose title names no
    // year, `Hoàn thành trong tháng 01` in a letter of November). A report's may be past: it recounts.
    if (context.kind && context.kind !== 'BC' && shift === 0 && yearless && (roles[i] === 'plan' || roles[i] === 'deadline') && env.today && days(to!, env.today) > 60) {
      from = shiftYears(from!, 1);
      to = shiftYears(to!, 1);
    }
    if (c.resolve) {
      const anchor = anchorOf(text, c, resolved, later, docPeriod, env);
      const r = c.resolve(anchor);
      if (!r || (!r.from && !r.to)) continue;
      ({ from, to } = r);
    }
    resolved.push({ c, role: roles[i]!, from, to });
  }
  for (const [k, r] of resolved.entries()) {
    periods.push({
      id: `p${k + 1}`,
      role: r.role,
      from: r.from,
      to: r.to,
      text: text.slice(r.c.start, r.c.end).replace(/\s+/g, ' '),
      span: { start: r.c.start, end: r.c.end },
    });
  }
  return { periods, documentPeriod: docPeriod };
}

function envOf(text: string, context: PeriodContext, title: string | null = null): Env {
  const d = context.date;
  const today = d && d.year && d.month && d.day ? isoDate(d.year, d.month, d.day) : null;
  const env: Env = { text, year: d?.year ?? null, today, reportYear: null, titledYear: false, report: context.kind === 'BC' };
  // no document date: dates without a year fall in the year the text names most
  if (env.year === null) env.year = mostNamedYear(text);
  // (a plan's title names the year it plans: `Kế hoạch … năm 2026` dated December 2025 means 2026 by `quý I`)
  const titled = (context.kind === 'BC' || context.kind === 'KH') && title ? titlePeriod(title, context) : null;
  env.titledYear = titled !== null && days(titled.from!, titled.to!) <= 366;
  env.reportYear = env.titledYear ? +titled!.to!.slice(0, 4) : env.year;
  return env;
}

/** The year of the last `N tháng (đầu) năm 2025` (or `lũy kế N tháng … năm 2025`) before `end`, for the same N. */
function namedMonthsYear(env: Env, end: number, n: number): number | null {
  // read once per text: a long document has many bare `N tháng`
  env.namedMonths ??= [...env.text.matchAll(/(?<![\d.,])0?(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+((?:19|20|21)\d{2})(?!\d)/giu)].map((m) => ({
    end: m.index + m[0].length,
    months: +m[1]!,
    year: +m[2]!,
  }));
  let year: number | null = null;
  for (const named of env.namedMonths) if (named.end <= end && named.months === n) year = named.year;
  return year;
}

/** The year most often named after `năm` or a date's `/` (`năm 2025`, `30/9/2025`); the first of a tie. */
function mostNamedYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?:năm\s+|\/)((?:19|20|21)\d{2})(?!\d)/giu)) counts.set(+m[1]!, (counts.get(+m[1]!) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}

/**
 * The period a title names first (`… tháng 4 năm 2026 và nhiệm vụ …`; `… từ ngày 01/7/2025 đến nay`, up to the
 * document's date), or the window it gives beside it in brackets (`năm 2025 (từ ngày 15/12/2024 đến ngày 14/12/2025)`:
 * what the figures are counted over).
 */
function titlePeriod(title: string, context: PeriodContext): Candidate | null {
  const env = envOf(title, context);
  const named: Candidate[] = [];
  for (const c of candidates(title, env)) {
    // `6 tháng đầu năm` with no year: of the document's year
    const span = c.resolve && c.kind === 'partYear' ? c.resolve({ period: null, year: env.year, today: env.today }) : c;
    if (!span?.from || !span.to || !(DATED.has(c.kind) || c.kind === 'toNow' || c.kind === 'partYear') || c.kind === 'asOf') continue;
    // a report's title names what it looks back on: with no year, one that would begin after the report's date is last
    // year's (`Kết quả thực hiện nhiệm vụ tháng 12` dated January)
    const { from, to } = lookBack(env, !/\d{4}/u.test(title.slice(c.start, c.end)), span, 1)!;
    named.push({ ...c, kind: c.kind === 'partYear' ? 'months' : c.kind, from, to, resolve: undefined });
  }
  const first = named[0] ?? null;
  return (first && named.find((c) => c !== first && c.kind === 'days' && windowOf(c, first))) ?? first;
}

/** Whether a day-precise window `w` is what a period `p` is counted over: it ends inside it and is about as long. */
function windowOf(w: Candidate, p: Candidate): boolean {
  const len = days(w.from!, w.to!);
  const periodLen = days(p.from!, p.to!);
  return w.to! >= p.from! && w.to! <= p.to! && len * 2 >= periodLen && len <= periodLen + 31;
}

function mainPeriod(title: string | null, text: string, found: Candidate[], context: PeriodContext): Period | null {
  const titled = title ? titlePeriod(title, context) : null;
  const windows = found.filter((c) => c.kind === 'days' && c.from && c.to);
  const fits = titled ? windows.filter((w) => windowOf(w, titled)) : windows;
  // over a title's period, a window the text cites once must say it is what the figures are counted over
  const stated = titled ? fits.filter((w) => fits.some((x) => x !== w && x.from === w.from && x.to === w.to) || countedOver(text, w)) : fits;
  const best = mostCited(stated);
  if (best) return strip(text, best);
  return titled ? strip(title!, titled) : null;
}

function candidates(text: string, env: Env): Candidate[] {
  const found: Candidate[] = [];
  const lower = spellings(lowerCase(text));
  for (const p of PARSERS) {
    const seen = p.cased ? text : lower;
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(seen); m; m = p.pattern.exec(seen)) {
      // a match must start a word; checked here rather than by a lookbehind, which would keep
      // the regex engine from skipping ahead to the pattern's first letter (40× slower here)
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
        p.pattern.lastIndex = m.index + 1;
        continue;
      }
      const r = p.extract(m, env);
      if (!r) continue;
      const lead = m.groups?.['lead']?.length ?? 0;
      const at = { kind: p.kind, at: m.index, start: m.index + lead, end: m.index + m[0].length, ...(p.role ? { role: p.role } : {}) };
      if (r === 'block') found.push({ ...at, kind: 'block', from: null, to: null });
      else if (Array.isArray(r)) for (const x of r) found.push({ ...at, at: m.index + x.start, start: m.index + x.start, end: m.index + x.end, from: x.from, to: x.to });
      else if (typeof r === 'function') found.push({ ...at, from: null, to: null, resolve: r });
      // a part of a year whose year was named is a dated span like `6 tháng đầu năm 2019`
      else found.push({ ...at, kind: p.kind === 'partYear' ? 'months' : p.kind, from: r.from, to: r.to });
    }
  }
  // refiner: of overlapping candidates keep the first, then the longest; blockers then go
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (!last || c.at >= last.end) kept.push(c);
  }
  return kept.filter((c) => c.kind !== 'block');
}

/**
 * Emphasis marks read as spaces, and other spellings of the words periods are made of, rewritten letter for letter
 * (offsets kept): `quí` (quý, quarter)
 * before its numeral, `kì` (kỳ) in `cùng kì`, `thời kì`, `nhiệm kì`, `giai đọan` (đoạn).
 */
function spellings(lower: string): string {
  return lower
    .replace(/[*_]/gu, ' ') // Markdown emphasis inside a phrase (`ngày 21 tháng* *6 năm 2021`) reads as space
    .replace(/q(?:uí|úy|úi)(?=\s+(?:iv|iii|ii|i|[1-4]|này|trước|tới)(?![\p{L}\d]))/gu, 'quý') // `quí`, and `qúy` mistyped
    .replace(/(cùng|thời|nhiệm)(\s+)kì(?![\p{L}])/gu, '$1$2kỳ')
    .replace(/giai(\s+)đọan(?![\p{L}])/gu, 'giai$1đoạn');
}

/** The text in lower case, offset for offset (a letter whose lower case is longer is left as it is). */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (ch) => {
    const l = ch.toLowerCase();
    return l.length === ch.length ? l : ch;
  }).join('');
}

/** Where the clause holding `at` begins: after the last `.`, `;`, `:`, `!`, `?`, `|`, `(`, a tab (a table cell) or blank line (at most 240 characters back). */
function clauseStart(text: string, at: number): number {
  const floor = Math.max(0, at - 240);
  for (let i = at - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === ';' || ch === '!' || ch === '?' || ch === '|' || ch === '(' || ch === '\t') return i + 1;
    if ((ch === '.' || ch === ':') && /\s/.test(text[i + 1] ?? ' ') && !enumerator(text, i)) return i + 1;
    if (ch === '\n' && /^\n[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i - 1), i))) return i + 1;
  }
  return floor;
}

/** Whether the `.` or `:` at `i` ends a list number (`1.`, `2.1.`, `a:` is not one) rather than a sentence (`… năm 2017.`). */
function enumerator(text: string, i: number): boolean {
  if (!/\d/.test(text[i - 1] ?? '')) return false;
  let j = i - 1;
  while (j >= 0 && /[\d.]/.test(text[j]!)) j--;
  return j < 0 || /^[ \t*_#(-]*$/u.test(text.slice(text.lastIndexOf('\n', j) + 1, j + 1));
}

/** Where the clause holding `at` ends: at the next `.`, `;`, `!`, `?`, `|`, `)` or line break (at most 120 characters on). */
function clauseEnd(text: string, at: number): number {
  const m = /[.;!?|)\n]/.exec(text.slice(at, at + 120));
  return m ? at + m.index : Math.min(text.length, at + 120);
}

/**
 * The role of a mention: stated by its own words (`trước ngày`), else by a cue right before it
 * (`so với`, `lũy kế`, `hoàn thành trong`), else by the nearest cue earlier in its clause (`kế
 * hoạch`, `dự toán`, `kết quả`, `có hiệu lực`), else the first one after it, else by its time: the title's period of a report
 * and spans before the document's date report, later ones plan.
 */
function roleOf(text: string, c: Candidate, env: Env, context: PeriodContext, docPeriod: Period | null, titled: Candidate | null): PeriodRole {
  if (c.role) return c.role;
  const startOfClause = clauseStart(text, c.start);
  let before = text.slice(startOfClause, c.start);
  // the mention is all that follows a label (`Thời gian hoàn thành: Tháng 11 - 12/2025`, `*Thời gian thực hiện: *Từ
  // 01/7/2025`): the label's words are its cues
  if (/^[\s*_]*$/u.test(before) && text[startOfClause - 1] === ':') {
    const label = text.slice(clauseStart(text, startOfClause - 1), startOfClause - 1).replace(/[*_]/gu, ' ');
    if (label.trim().split(/\s+/u).length <= 6) before = `${label.trim()} `;
  }
  // a near cue: ends right before the mention, at most one word between
  for (const cue of CUES) {
    if (cue.near && cue.right.test(before)) return cue.role;
  }
  // `5 tháng năm 2017` in a report on May 2017: the running total from January
  const report = context.kind === 'BC';
  if (report && docPeriod && c.kind === 'months' && c.from && c.to && c.from.endsWith('-01-01') && c.from < docPeriod.from && c.to.slice(0, 7) === docPeriod.to.slice(0, 7)) {
    return 'cumulative';
  }
  // a report's own period (its title's, or the window it counts over)
  if (report && c.from && c.to && ((docPeriod && c.from === docPeriod.from && c.to === docPeriod.to) || (titled && c.from === titled.from && c.to === titled.to))) {
    return 'reporting';
  }
  // the nearest cue; of two ending at the same word, the longer (`thực hiện nhiệm vụ` over `nhiệm vụ`)
  let best: { role: PeriodRole; at: number; length?: number } | null = null;
  for (const cue of CUES) {
    if (cue.near) continue;
    cue.pattern.lastIndex = 0;
    for (let m = cue.pattern.exec(before); m; m = cue.pattern.exec(before)) {
      const at = m.index + m[0].length;
      if (!best || at > best.at || (at === best.at && m[0].length > best.length!)) best = { role: cue.role, at, length: m[0].length };
      cue.pattern.lastIndex = m.index + 1; // overlapping forms too: `kết quả thực hiện` and `thực hiện nhiệm vụ`
    }
  }
  if (best) return ahead(best.role, c, env);
  // none before: the first clause cue after it, up to the clause's end (`(năm 2025, Sở Tài chính đã tổ chức …`)
  const after = text.slice(c.end, clauseEnd(text, c.end));
  for (const cue of CUES) {
    if (cue.near || cue.role === 'effective') continue;
    cue.pattern.lastIndex = 0;
    const m = cue.pattern.exec(after);
    if (m && (!best || m.index < best.at)) best = { role: cue.role, at: m.index };
  }
  if (best) return ahead(best.role, c, env);
  switch (c.kind) {
    case 'days':
      return env.today && c.from && c.from > env.today ? 'plan' : 'reporting';
    case 'asOf':
      return 'reporting';
    case 'until':
      // up to a day already past with no cue (`xe sản xuất trước năm 1999`): a condition, not a plan
      return env.today && c.to && c.to < env.today ? 'other' : 'plan';
    case 'since':
      return 'effective';
    case 'toNow':
      return 'other';
    case 'onward':
      return 'plan';
    default:
  }
  if (env.today && c.to && c.to < env.today) return 'reporting';
  if (env.today && c.from && c.from > env.today) return 'plan';
  return report ? 'reporting' : 'plan';
}

/**
 * A span still ahead of the document's date holds no facts yet: a reporting cue near it (`đạt`, `ước`) states a target
 * (`Đến năm 2030, tỷ lệ thu gom … đạt 100%`, `nồng độ bụi PM2.5 … vào năm 2030 đạt dưới 40 μg/m3`), so it is a plan. Ahead:
 * it starts after that day, or, with an open start, it ends in a later year.
 */
function ahead(role: PeriodRole, c: Candidate, env: Env): PeriodRole {
  if (role !== 'reporting' || !env.today || !c.to) return role;
  const later = c.from ? c.from > env.today : c.to.slice(0, 4) > env.today.slice(0, 4);
  return later ? 'plan' : role;
}

/** The span a relative mention follows: the last reporting or cumulative mention of its sentence, else the document period, else the first reporting span of the text. */
function anchorOf(
  text: string,
  c: Candidate,
  resolved: Array<{ c: Candidate; role: PeriodRole; from: string | null; to: string | null }>,
  later: Candidate[],
  docPeriod: Period | null,
  env: Env,
): Anchor {
  const startOfClause = clauseStart(text, c.start);
  // a sentence: from the last full stop (or blank line), through commas and semicolons
  let sentenceStart = startOfClause;
  for (let s = startOfClause; s > 0 && c.start - s < 400; ) {
    sentenceStart = s;
    const prev = text[s - 1];
    if (prev !== ';' && prev !== ',') break;
    s = clauseStart(text, s - 1);
  }
  let period: { from: string; to: string } | null = null;
  for (let i = resolved.length - 1; i >= 0; i--) {
    const r = resolved[i]!;
    if (r.c.end <= sentenceStart) break;
    if ((r.role === 'reporting' || r.role === 'cumulative') && r.from && r.to && r.c.kind !== 'asOf' && withinYear(r.from, r.to)) {
      period = { from: r.from, to: r.to };
      break;
    }
  }
  // with no period in the title the document's period is only its most cited window (an event's days, a rule's term):
  // the span the paragraph last named before the mention is the nearer anchor (`… Tổng thu ngân sách nhà nước 10 tháng
  // năm 2025 thực hiện … Tổng kim ngạch xuất khẩu … tăng 42% so cùng kỳ`), but not a compared span, a deadline, a term
  // of effect or a plan's whole year (`đạt 115,1% mục tiêu tăng trưởng năm 2025`); one with an open start (`tính đến
  // hết ngày 31/10/2025`) gives none
  if (!period && !env.titledYear) {
    const from = Math.max(paragraphStart(text, c.start), c.start - 1500);
    for (let i = resolved.length - 1; i >= 0; i--) {
      const r = resolved[i]!;
      if (r.c.end <= from) break;
      const wholeYears = r.from?.endsWith('-01-01') && r.to?.endsWith('-12-31');
      if (r.role === 'comparison' || r.role === 'effective' || r.role === 'deadline' || (r.role === 'plan' && wholeYears)) continue;
      if (r.from && r.to && r.c.kind !== 'asOf' && withinYear(r.from, r.to)) period = { from: r.from, to: r.to };
      else return { period: null, year: env.year, today: env.today };
      break;
    }
  }
  const whole = docPeriod && withinYear(docPeriod.from, docPeriod.to) ? { from: docPeriod.from, to: docPeriod.to } : null;
  // none before it: a span of the document's period named later in the sentence (`So với cùng kỳ, tổng thu quý II/2017
  // tăng 10%`); a span outside it is the compared one (`so với cùng kỳ (6 tháng đầu năm 2016 tăng 8%)`)
  if (!period && whole) {
    const end = sentenceEnd(text, c.end);
    const next = later.find((l) => l.start >= c.end && l.start < end && l.from && l.to && l.from >= whole.from && l.to <= whole.to);
    if (next) period = { from: next.from!, to: next.to! };
  }
  // a span of several years (a plan's `giai đoạn 2026 - 2030`) has no `cùng kỳ`, and its year is not this one's
  period ??= whole;
  // no document period (its title unread): the first reporting span the text names
  if (!period) {
    const first = resolved.find(
      (r) => r.role === 'reporting' && r.from && r.to && DATED.has(r.c.kind) && r.c.kind !== 'asOf' && withinYear(r.from, r.to),
    );
    if (first) period = { from: first.from!, to: first.to! };
  }
  const year = period ? +period.to.slice(0, 4) : env.year;
  return { period, year, today: env.today };
}

/** Where the sentence holding `at` ends: at the next `.`, `!` or `?` before a space, or a blank line (at most 300 characters on). */
function sentenceEnd(text: string, at: number): number {
  const m = /[.!?](?=\s)|\n[ \t]*\n/u.exec(text.slice(at, at + 300));
  return m ? at + m.index : Math.min(text.length, at + 300);
}

/**
 * Whether a window's sentence says the report's figures are counted over it (`Trong kỳ báo cáo … tính từ ngày 15/01/2026
 * đến hết ngày 14/02/2026`, `Theo số liệu thống kê … (từ ngày …)`). A window cited once without such words may be one
 * topic's (`Tai nạn giao thông: từ ngày 15/9 đến 14/10/2025 xảy ra 3 vụ`, the police's count) and not the report's.
 */
function countedOver(text: string, w: Candidate): boolean {
  // the sentence up to the window, across a hard wrap (a report's PDF lines) but not a blank line
  const sentence = text.slice(Math.max(0, w.start - 240), w.start).split(/[.!?](?=\s)|\n[ \t]*\n/u).at(-1)!;
  return DATA_SCOPE.test(sentence);
}

function strip(text: string, c: Candidate): Period {
  return { from: c.from!, to: c.to!, text: text.slice(c.start, c.end).replace(/\s+/g, ' ') };
}

function mostCited(cs: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestCount = 0;
  const counts = new Map<string, number>();
  for (const c of cs) {
    const k = `${c.from}|${c.to}`;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount) {
      bestCount = n;
      // the first mention of the most cited window
      best = cs.find((x) => `${x.from}|${x.to}` === k)!;
    }
  }
  return best;
}

/** A date with or without its year (`21/7`, `21 tháng 7`: in `year`). */
function anyDate(s: string, year: number | null): string | null {
  const full = parseDate(s);
  if (full) return full;
  const m = /^(\d{1,2})\s*(?:\/\s*|\s+tháng\s+)(\d{1,2})$/iu.exec(s.trim());
  return m && year ? isoDate(year, +m[2]!, +m[1]!) : null;
}

/** How many whole months `p` spans (`2017-01-01..2017-06-30` → 6), or null when it does not start and end with a month. */
function wholeMonths(p: { from: string; to: string }): number | null {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = p.to.split('-').map(Number) as [number, number, number];
  return fd === 1 && td === lastDayOfMonth(ty, tm) ? ty * 12 + tm - (fy * 12 + fm) + 1 : null;
}

/** The span as long as `p` that ends the day before it starts: whole months when `p` is whole months, else days. */
function periodBefore(p: { from: string; to: string }): Bounds | null {
  const months = wholeMonths(p);
  if (months !== null) {
    // months counted from year 0, January = 0
    const first = +p.from.slice(0, 4) * 12 + +p.from.slice(5, 7) - 1;
    const before = (k: number) => monthBounds(Math.floor(k / 12), (k % 12) + 1)!;
    return { from: before(first - months).from, to: before(first - 1).to };
  }
  const length = days(p.from, p.to);
  const dayMs = 86_400_000;
  const to = new Date(Date.parse(p.from) - dayMs).toISOString().slice(0, 10);
  return { from: new Date(Date.parse(to) - (length - 1) * dayMs).toISOString().slice(0, 10), to };
}

/**
 * `từ ngày A đến B`: A without a year takes B's (the year before when that would reverse them); B without one the
 * report's year. Neither with one and turning the year (`từ ngày 01/12 đến ngày 31/01`), with no year in the title:
 * the two years that put the span nearest the document's date (a notice of November means the coming winter, a
 * report of January the one just past).
 */
function dayRange(a: string, b: string, env: Env): Bounds | null {
  const to = anyDate(b, env.reportYear);
  if (!to) return null;
  const toYear = +to.slice(0, 4);
  let from = anyDate(a, toYear);
  if (from && from > to && !parseDate(a)) {
    from = anyDate(a, toYear - 1);
    const later = { from: anyDate(a, toYear), to: anyDate(b, toYear + 1) };
    if (!parseDate(b) && !env.titledYear && env.today && later.from && later.to && distance(later, env.today) < distance({ from, to }, env.today)) {
      return later;
    }
  }
  return ordered(from, to);
}

/** The month, quarter or year (`tháng`, `quý`, `năm`) `step` units from the one holding the day `day` (-1: the one before). */
function unitBeside(unit: string, day: string, step: 1 | -1): Bounds | null {
  const y = +day.slice(0, 4);
  const month = +day.slice(5, 7);
  if (unit === 'năm') return yearsBounds(y + step, y + step);
  // counted from year 0, so that the year turns with the arithmetic
  const size = unit === 'quý' ? 3 : 1;
  const n = y * (12 / size) + Math.floor((month - 1) / size) + step;
  const year = Math.floor(n / (12 / size));
  const index = (n % (12 / size)) + 1;
  return unit === 'quý' ? quarterBounds(String(index), year) : monthBounds(year, index);
}

/**
 * A report looks back: a month or quarter with no year, in a report whose title names none, that would begin more than
 * two months after the report's date (`margin` days) is last year's (`Trong tháng 12, tiếp nhận …` in a report of
 * January). Nearer ones may be its plans (`Dự kiến tháng 02 …`); a title's period may not begin after the report at all.
 */
function lookBack(env: Env, yearless: boolean, span: Bounds | null, margin = 61): Bounds | null {
  if (!span?.from || !span.to || !yearless || !env.report || env.titledYear || !env.today || days(env.today, span.from) <= margin) return span;
  return { from: shiftYears(span.from, -1), to: shiftYears(span.to, -1) };
}

/** One end of a span written with its year (`POINT`): its unit and bounds. */
function pointOf(s: string): { unit: 'day' | 'month' | 'quarter' | 'year'; from: string; to: string } | null {
  const t = s.replace(/^ngày\s+/iu, '').replace(/\s+/gu, ' ').trim();
  const day = parseDate(t);
  if (day) return { unit: 'day', from: day, to: day };
  let m = /^(?:tháng )?(\d{1,2}) ?(?:\/|năm) ?(\d{4})$/iu.exec(t);
  const month = m ? monthBounds(+m[2]!, +m[1]!) : null;
  if (month) return { unit: 'month', ...month };
  m = /^quý (\S+?) ?(?:\/|năm) ?(\d{4})$/iu.exec(t);
  const quarter = m ? quarterBounds(m[1]!, +m[2]!) : null;
  if (quarter?.from && quarter.to) return { unit: 'quarter', from: quarter.from, to: quarter.to };
  m = /^(?:năm )?(\d{4})$/iu.exec(t);
  return m ? { unit: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` } : null;
}

/** Where the paragraph holding `at` starts: after the last blank line before it. */
function paragraphStart(text: string, at: number): number {
  const blank = text.lastIndexOf('\n\n', at);
  return blank < 0 ? 0 : blank + 2;
}

/** Days from `day` to the nearest day of a span (0 inside it). */
function distance(span: { from: string | null; to: string | null }, day: string): number {
  if (span.from && day < span.from) return days(day, span.from);
  if (span.to && day > span.to) return days(span.to, day);
  return 0;
}

/** A deadline's date; a date with no year falls in the document's year, or the next when that would be long past. */
function deadlineDate(s: string, env: Env): string | null {
  const full = parseDate(s);
  if (full || !env.year) return full;
  const d = anyDate(s, env.year);
  if (d && env.today && days(d, env.today) > 60) return anyDate(s, env.year + 1);
  return d;
}

/**
 * Whether a date or month with no year recurs (`Hàng năm, trước ngày 25 tháng 12`, `trước ngày 30
 * tháng 12 năm trước của năm kế hoạch`, `các tháng 10, 11, 12 … hàng năm`): then it names no one period.
 * A yearly rule need not say `hằng năm`: the date may be of a year named by its role (`trước ngày 31 tháng 7 của
 * năm xét tặng`, the year of the award), or be when a periodic report is due (`Báo cáo 6 tháng gửi trước ngày 20
 * tháng 6 và báo cáo năm gửi trước ngày 20 tháng 12`).
 */
function recurring(text: string, start: number, end: number): boolean {
  // the sentence back to its start, however far (`Hằng năm, tiến hành rà soát, bổ sung quy hoạch … trong Quý I`)
  const before = text.slice(Math.max(0, start - 240), start);
  const after = text.slice(end, end + 80);
  const sentence = before.slice(before.search(/[.;!?]\s[^.;!?]*$/u) + 1);
  return (
    /(?:hàng|hằng|mỗi)\s+(?:năm|quý|tháng)|định\s+kỳ/iu.test(sentence) ||
    PERIODIC_REPORT.test(sentence.slice(sentence.lastIndexOf(',') + 1)) ||
    /^\s*(?:của\s+)?năm\s+(?:trước|sau|cuối|đầu|tiếp|kế|liền)|^[^.;!?]{0,60}(?:hàng|hằng|mỗi)\s+năm/iu.test(after) ||
    // `… của năm xét tặng` (of the year of the award), `tháng 3, tháng 6 … gần nhất của năm đàm phán`: a year named by its
    // role, when the sentence names none (`quý IV năm 2025: … đến ngày 20/11 của năm báo cáo` is 2025's)
    (/^(?:(?!(?:19|20)\d{2})[^.;!?]){0,60}?của\s+năm\s+(?!(?:nay|này)(?![\p{L}]))\p{L}/iu.test(after) && !/(?:19|20)\d{2}/u.test(sentence))
  );
}
/** Words naming what a report's figures are counted over: the report's term (`kỳ báo cáo`), its data (`số liệu`, `thống kê`), `tính từ` (counted from). */
const DATA_SCOPE = /kỳ\s+báo\s+cáo|thời\s+gian\s+báo\s+cáo|số\s+liệu|thống\s+kê|tính\s*$/iu;
/** A periodic report named by its span and no number (`báo cáo năm`, `Báo cáo 6 tháng`, `báo cáo quý`), not `báo cáo năm 2025`. */
const PERIODIC_REPORT = /báo\s+cáo\s+(?:năm|quý|tháng|(?:6|sáu|9|chín)\s+tháng)(?![\p{L}\d]|\s*(?:\d|[ivx]+(?![\p{L}])))/iu;

/** Whether a duration ends right before `at` (`03 ngày làm việc kể từ …`, `15 (mười lăm) ngày, kể từ …`): then what follows counts from an event. */
function afterDuration(text: string, at: number): boolean {
  return /(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s*(?:\([^)]*\)\s*)?(?:ngày|tháng|năm|giờ|tuần)(?:\s+làm\s+việc)?\s*,?\s*$/iu.test(
    text.slice(Math.max(0, at - 60), at),
  );
}

/**
 * When the document itself takes effect: the day its own clause names (`Quyết định này có hiệu lực
 * (thi hành) (kể) từ ngày 05/12/2025`, `… chịu trách nhiệm thi hành Quyết định này kể từ ngày ký`),
 * or its date when that says `kể từ ngày ký (ban hành)`; null when it says neither.
 */
function ownEffective(env: Env): string | null {
  if (env.effective !== undefined) return env.effective;
  const m = new RegExp(`này\\s+${EFFECTIVE_FROM}`, 'iu').exec(env.text) ?? new RegExp(EFFECTIVE_FROM, 'iu').exec(env.text);
  env.effective = m ? (m[1] ? parseDate(m[1]) : env.today) : null;
  return env.effective;
}
const EFFECTIVE_FROM =
  `(?:có\\s+hiệu\\s+lực(?:\\s+thi\\s+hành)?|thi\\s+hành\\s+(?:quyết\\s+định|chỉ\\s+thị|quy\\s+chế|quy\\s+định|kế\\s+hoạch|${OWN_KINDS})\\s+này)\\s+(?:kể\\s+)?từ\\s+(?:ngày\\s+)?` +
  `(?:(${DATE_SOURCE})|(?:ký\\s+ban\\s+hành|ký|ban\\s+hành)(?![\\p{L}]))`;

/**
 * An end date, and the start when the words begin `từ nay` (from now): the date of the document
 * cited in the same sentence (`Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 … ban hành Chương trình … từ
 * nay đến cuối năm 2025`: its now), else the document's date; without either, an open start.
 */
function fromNow(m: RegExpExecArray, env: Env, to: string | null): Bounds | null {
  if (!to) return null;
  if (!/^từ\s+nay/iu.test(m[0])) return until(to);
  const now = citedDate(env.text, m.index) ?? env.today;
  return now && now <= to ? { from: now, to } : until(to);
}

/** The date of a document cited earlier in the sentence holding `at` (`… số 03-QĐ/BCĐ ngày 13/8/2025 của …`). */
function citedDate(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 400), at);
  const sentence = before.slice(before.search(/[.;!?](?=\s)[^.;!?]*$/u) + 1);
  let last: string | null = null;
  for (const m of sentence.matchAll(CITED_DATE)) last = parseDate(m[1]!) ?? last;
  return last;
}
const CITED_DATE = new RegExp(`số\\s*:?\\s*[\\p{L}\\d][\\p{L}\\d/.\\-]*\\s*,?\\s+ngày\\s+(${DATE_SOURCE})`, 'giu');

/** From `from` up to the document's date (`… đến nay`); none with no document date, or a start after it. */
function toToday(from: string | null, env: Env): Bounds | null {
  return from && env.today && from <= env.today ? { from, to: env.today } : null;
}

/** Two bare years as one span (`2026 - 2030`, `Từ 2026 đến 2030`): in order and at most 30 years apart, else none. */
function shortSpan(a: number, b: number): Bounds | null {
  return b > a && b - a <= 30 ? yearsBounds(a, b) : null;
}

/** The year named right after a mention in its clause (within 60 characters): `tháng 5 và 5 tháng năm 2017` → 2017. */
function yearAhead(text: string, at: number): number | null {
  // never across a comparison: in `10 tháng đầu năm … tăng 7% so với cùng kỳ năm 2017` the year is the compared one's
  const m = /^(?:(?!so\s+với|cùng\s+kỳ)(?:[^.;:!?\n]|\n(?![ \t]*\n))){0,60}?(?:năm\s+|\/\s*)((?:19|20|21)\d{2})(?!\d)/iu.exec(text.slice(at, at + 80));
  return m ? +m[1]! : null;
}

function partOfYear(n: number, which: string, y: number): Bounds | null {
  if (n < 1 || n > 12) return null;
  return which === 'cuối' ? { from: isoDate(y, 13 - n, 1), to: isoDate(y, 12, 31) } : { from: isoDate(y, 1, 1), to: monthBounds(y, n)!.to };
}

/** Month `n` (in digits) or quarter `n` (`iv`, `2`) of year `y`, as `unit` says (`tháng`, `quý`; the text in lower case). */
function unitSpan(unit: string, n: string, y: number): Bounds | null {
  return unit === 'quý' ? quarterBounds(n, y) : /^\d+$/u.test(n) ? monthBounds(y, +n) : null;
}

function quarterBounds(numeral: string, y: number): Bounds | null {
  const q = smallOrdinal(numeral);
  if (q === null || q < 1 || q > 4) return null;
  const from = isoDate(y, 3 * q - 2, 1);
  return from ? { from, to: monthBounds(y, 3 * q)!.to } : null;
}

function ordered(from: string | null, to: string | null): Bounds | null {
  return from && to && from <= to ? { from, to } : null;
}

function until(d: string | null): Bounds | null {
  return d ? { from: null, to: d } : null;
}

function yearsBounds(first: number, last: number): Bounds | null {
  const from = isoDate(first, 1, 1);
  const to = isoDate(last, 12, lastDayOfMonth(last, 12));
  return ordered(from, to);
}

/** The same day `n` years later (earlier when negative); 29 February becomes the 28th. */
function shiftYears(iso: string, n: number): string {
  const y = +iso.slice(0, 4) + n;
  const m = +iso.slice(5, 7);
  const d = Math.min(+iso.slice(8, 10), lastDayOfMonth(y, m));
  return isoDate(y, m, d)!;
}

/** The day before an ISO day. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(iso) - 86_400_000).toISOString().slice(0, 10);
}

/** Whether a span is at most a year long. */
function withinYear(from: string, to: string): boolean {
  return days(from, to) <= 366;
}

/** Inclusive length in days. */
function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
