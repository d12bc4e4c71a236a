/**
 * Reporting periods: `từ ngày 15/3/2026 đến hết ngày 14/4/2026`, `tháng 4/2026`, `quý I năm 2026`,
 * `6 tháng cuối năm 2025`, `năm 2026`, `giai đoạn 2026 - 2030`, `(tính đến hết ngày 14/4/2026)`,
 * each as inclusive ISO `from`/`to`.
 *
 * Same shape as references: an ordered list of parsers (pattern + extract step), then one refiner
 * that keeps, of overlapping candidates, the one that starts first (then the longer). Some parsers
 * only *block*: a full date (`ngày 12 tháng 02 năm 2026` is a day, not the month of February), the
 * blank header date (`ngày tháng 4 năm 2026` is when the report was signed), `từ tháng 01/2026 đến
 * nay` (to now: no end), `từ tháng 01/2026,` (since: no end) and `cuối năm 2025` (end of the year: vague). They win the overlap and
 * are then dropped, so the words they cover yield no period.
 *
 * `tính đến (hết) ngày D` (as of D) is a point in time: from = to = D.
 */
import type { Period, PeriodMention } from './types.js';
import { DATE_SOURCE, isoDate, lastDayOfMonth, monthBounds, parseDate, smallOrdinal } from './dates.js';

type Kind = 'days' | 'asOf' | 'months' | 'quarter' | 'month' | 'years' | 'year' | 'block';

interface Candidate {
  kind: Kind;
  from: string;
  to: string;
  start: number;
  end: number;
}

interface Parser {
  kind: Kind;
  pattern: RegExp;
  /** From and to, or null when the words name no real period (month 13, a reversed range). */
  extract(m: RegExpExecArray): { from: string; to: string } | null;
}

const YEAR = '((?:19|20|21)\\d{2})';
/** Month and year: `4/2026`, `02 năm 2026`, `4 năm 2026`. */
const MONTH_YEAR = `(\\d{1,2})(?:[ \\t]*/[ \\t]*|\\s+năm\\s+)${YEAR}`;
const DASH = '[ \\t]*[-–—][ \\t]*';
/** Patterns are matched case-insensitively (`Từ ngày`, `QUÝ II NĂM 2026`): none needs letter case. */
const FLAGS = 'giu';

const BLOCK = { from: '', to: '' };
const WORD_CHAR = /[\p{L}\p{N}]/u;

const PARSERS: Parser[] = [
  {
    // `(tính) từ ngày 15/3/2026 đến (hết) (ngày) 14/4/2026`: the leading `tính` is left out of the span
    kind: 'days',
    pattern: new RegExp(`từ\\s+ngày\\s+(${DATE_SOURCE})\\s*,?\\s*đến\\s+(?:hết\\s+)?(?:ngày\\s+)?(${DATE_SOURCE})`, FLAGS),
    extract: (m) => ordered(parseDate(m[1]!), parseDate(m[2]!)),
  },
  {
    kind: 'months',
    pattern: new RegExp(`từ\\s+tháng\\s+${MONTH_YEAR}\\s*đến\\s+(?:hết\\s+)?tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => ordered(monthBounds(+m[2]!, +m[1]!)?.from ?? null, monthBounds(+m[4]!, +m[3]!)?.to ?? null),
  },
  {
    kind: 'block', // from a month to now: no end we can state
    pattern: new RegExp(`từ\\s+(?:ngày\\s+${DATE_SOURCE}|tháng\\s+${MONTH_YEAR}|năm\\s+${YEAR})\\s*(?:đến|tới)\\s+nay`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // `từ tháng 01/2026, …` (since January): a start with no end; a range starting there is longer and wins
    pattern: new RegExp(`từ\\s+(?:ngày\\s+${DATE_SOURCE}|tháng\\s+${MONTH_YEAR})`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'asOf',
    pattern: new RegExp(`tính\\s+đến\\s+(?:hết\\s+)?(?:ngày\\s+)?(${DATE_SOURCE})`, FLAGS),
    extract: (m) => point(parseDate(m[1]!)),
  },
  {
    kind: 'asOf',
    pattern: new RegExp(`tính\\s+đến\\s+(?:hết\\s+|cuối\\s+)tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => point(monthBounds(+m[2]!, +m[1]!)?.to ?? null),
  },
  {
    kind: 'asOf',
    pattern: new RegExp(`tính\\s+đến\\s+(?:hết\\s+|cuối\\s+)năm\\s+${YEAR}`, FLAGS),
    extract: (m) => point(isoDate(+m[1]!, 12, 31)),
  },
  {
    kind: 'block', // the header's date with blanks left for the day (and month): the signing date
    pattern: new RegExp(`ngày(?:\\s+\\d{1,2})?\\s+tháng(?:\\s+\\d{1,2})?\\s+năm\\s+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'block', // a single day is a date, not a period
    pattern: new RegExp(DATE_SOURCE, FLAGS),
    extract: () => BLOCK,
  },
  {
    // `6 tháng đầu năm 2025` (first six months), `6 tháng cuối năm 2025` (last six months)
    kind: 'months',
    pattern: new RegExp(`(?<![.,])(\\d{1,2})\\s+tháng\\s+(đầu|cuối)\\s+năm\\s+${YEAR}`, FLAGS),
    extract: (m) => {
      const n = +m[1]!;
      const y = +m[3]!;
      if (n < 1 || n > 12) return null;
      return m[2]!.toLowerCase() === 'đầu'
        ? { from: isoDate(y, 1, 1)!, to: monthBounds(y, n)!.to }
        : { from: isoDate(y, 13 - n, 1)!, to: isoDate(y, 12, 31)! };
    },
  },
  {
    kind: 'quarter',
    pattern: new RegExp(`quý\\s+(IV|III|II|I|[1-4])(?![\\p{L}\\d])(?:\\s+năm\\s+|[ \\t]*/[ \\t]*)${YEAR}`, FLAGS),
    extract: (m) => {
      const q = smallOrdinal(m[1]!);
      if (q === null || q < 1 || q > 4) return null;
      const y = +m[2]!;
      return { from: isoDate(y, 3 * q - 2, 1)!, to: monthBounds(y, 3 * q)!.to };
    },
  },
  {
    kind: 'month',
    pattern: new RegExp(`tháng\\s+${MONTH_YEAR}`, FLAGS),
    extract: (m) => monthBounds(+m[2]!, +m[1]!),
  },
  {
    kind: 'years', // `giai đoạn 2026 - 2030` (stage), `nhiệm kỳ` (term), `từ năm 2021 đến năm 2025`
    pattern: new RegExp(
      `(?:(?:giai\\s+đoạn|nhiệm\\s+kỳ|thời\\s+kỳ)\\s+(?:từ\\s+)?(?:năm\\s+)?${YEAR}(?:${DASH}|\\s+đến\\s+(?:năm\\s+)?)${YEAR}` +
        `|từ\\s+năm\\s+${YEAR}\\s+đến\\s+(?:hết\\s+)?năm\\s+${YEAR})`,
      FLAGS,
    ),
    extract: (m) => yearsBounds(+(m[1] ?? m[3])!, +(m[2] ?? m[4])!),
  },
  {
    kind: 'years', // `năm 2025 và 2026`, `năm 2025 và năm 2026`
    pattern: new RegExp(`năm\\s+${YEAR}\\s+và\\s+(?:năm\\s+)?${YEAR}`, FLAGS),
    extract: (m) => (+m[2]! === +m[1]! + 1 ? yearsBounds(+m[1]!, +m[2]!) : null),
  },
  {
    kind: 'block', // `đầu năm`, `cuối năm`, `giữa năm` (start, end, middle of the year): vague
    pattern: new RegExp(`(?:đầu|cuối|giữa)\\s+năm\\s+${YEAR}`, FLAGS),
    extract: () => BLOCK,
  },
  {
    kind: 'year',
    pattern: new RegExp(`năm\\s+${YEAR}(?![\\d/])`, FLAGS),
    extract: (m) => yearsBounds(+m[1]!, +m[1]!),
  },
];

/** Every period named in a text, in text order; spans index into it. */
export function findPeriods(text: string): PeriodMention[] {
  return candidates(text).map((c) => mention(text, c));
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
 * mentioned in a yearly report does not replace the year. The most cited window wins, then the
 * first. With no period in the title, the most cited window of the body, else null.
 */
export function documentPeriod(title: string | null, text: string): Period | null {
  return mainPeriod(title, text, candidates(text));
}

/** Both at once, reading the text once: what the extract stage needs. */
export function periodsOf(title: string | null, text: string): { periods: PeriodMention[]; documentPeriod: Period | null } {
  const found = candidates(text);
  return { periods: found.map((c) => mention(text, c)), documentPeriod: mainPeriod(title, text, found) };
}

function mainPeriod(title: string | null, text: string, found: Candidate[]): Period | null {
  const titled = title ? candidates(title).find((c) => c.kind !== 'asOf') : undefined;
  const windows = found.filter((c) => c.kind === 'days');
  const fits = titled
    ? windows.filter((w) => {
        const len = days(w.from, w.to);
        const titleLen = days(titled.from, titled.to);
        return w.to >= titled.from && w.to <= titled.to && len * 2 >= titleLen && len <= titleLen + 31;
      })
    : windows;
  const best = mostCited(fits);
  if (best) return strip(mention(text, best));
  return titled ? strip(mention(title!, titled)) : null;
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const p of PARSERS) {
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      // a match must start a word; checked here rather than by a lookbehind, which would keep
      // the regex engine from skipping ahead to the pattern's first letter (40× slower here)
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
        p.pattern.lastIndex = m.index + 1;
        continue;
      }
      const r = p.extract(m);
      if (r) found.push({ kind: p.kind, ...r, start: m.index, end: m.index + m[0].length });
    }
  }
  // refiner: of overlapping candidates keep the first, then the longest; blockers then go
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) kept.push(c);
  }
  return kept.filter((c) => c.kind !== 'block');
}

function mention(text: string, c: Candidate): PeriodMention {
  return { from: c.from, to: c.to, text: text.slice(c.start, c.end).replace(/\s+/g, ' '), span: { start: c.start, end: c.end } };
}

function strip(m: PeriodMention): Period {
  return { from: m.from, to: m.to, text: m.text };
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

function ordered(from: string | null, to: string | null): { from: string; to: string } | null {
  return from && to && from <= to ? { from, to } : null;
}

function point(d: string | null): { from: string; to: string } | null {
  return d ? { from: d, to: d } : null;
}

function yearsBounds(first: number, last: number): { from: string; to: string } | null {
  const from = isoDate(first, 1, 1);
  const to = isoDate(last, 12, lastDayOfMonth(last, 12));
  return ordered(from, to);
}

/** Inclusive length in days. */
function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}
