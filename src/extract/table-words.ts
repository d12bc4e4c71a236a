/**
 * What the words of a table's headers and row labels say (`lexicon/table-words.json`): a row-number
 * column, a total row or column, a percentage, a target or a result, a unit of measure, and a row
 * label naming an administrative unit (`Xã An Lão`). Shared by the figures read from cells and by
 * the checks over tables.
 */
import { UNIT_LEVELS } from '../segment/patterns.js';
import { foldLabel } from './figures/lexicon.js';
import words from './lexicon/table-words.json' with { type: 'json' };

type Entry = { pattern: string };
const re = (e: Entry) => new RegExp(e.pattern, 'u');

const INDEX = re(words.index);
const NOT_VALUE = re(words.notValue);
const PERCENT = re(words.percent);
const TARGET = re(words.target);
const ACTUAL = re(words.actual);
const TOTAL_ROW = re(words.totalRow);
const TOTAL_COLUMN = re(words.totalColumn);
const UNIT_PREFIX = re(words.unitPrefix);
const MEASURE_UNIT = new RegExp(words.measureUnit.pattern, 'iu');

/** `STT`, `TT`: a row-number column, never a figure. */
export const isIndexHeader = (text: string) => INDEX.test(foldLabel(text));
/** `Thời gian`, `Ghi chú`: a column whose numbers are not figures. */
export const isNotValueHeader = (text: string) => NOT_VALUE.test(foldLabel(text));
/** `Tỷ lệ đúng hạn (%)` */
export const isPercentHeader = (text: string) => PERCENT.test(foldLabel(text));
/** `Tổng cộng`, `Cộng`, `Toàn thành phố`: the row that sums the others. */
export const isTotalLabel = (text: string | null) => text !== null && TOTAL_ROW.test(foldLabel(text.replace(/[*.]/gu, '')));
/** `Tổng số` under a header whose other columns are its parts. */
export const isTotalColumn = (text: string) => TOTAL_COLUMN.test(foldLabel(text));

/** Target or result, from the innermost header words that say (`Kế hoạch` / `Thực hiện`), else null. */
export function roleOfHeader(texts: readonly string[]): 'actual' | 'target' | null {
  for (const t of [...texts].reverse()) {
    const f = foldLabel(t);
    const target = TARGET.test(f);
    const actual = ACTUAL.test(f);
    if (target !== actual) return target ? 'target' : 'actual';
  }
  return null;
}

/** `(Đơn vị tính: hồ sơ)` → `hồ sơ`. */
export function measureUnitIn(text: string | null): string | null {
  const m = text ? MEASURE_UNIT.exec(text) : null;
  return m ? m[1]!.trim() : null;
}

const LEVELS = [...UNIT_LEVELS].sort((a, b) => b.length - a.length);
const UNIT_LABEL = new RegExp(`^(${LEVELS.join('|')})\\s+(\\p{Lu}.*|\\d.*)$`, 'u');

/**
 * The administrative unit a row label names: `Xã An Lão` → xã / An Lão, `UBND phường Hồng Bàng`,
 * `Phường 5`. The name must start with a capital or a digit (`xã đạt chuẩn nông thôn mới` is not a unit).
 */
export function unitOfLabel(label: string | null): { level: string; name: string } | null {
  if (!label) return null;
  const t = label.replace(/\s+/gu, ' ').trim().replace(/[.:;,]+$/u, '');
  const bare = t.replace(new RegExp(UNIT_PREFIX.source, 'iu'), '');
  const level = LEVELS.find((l) => foldLabel(bare).startsWith(`${l} `));
  if (!level) return null;
  const rest = bare.slice(level.length).trim();
  const m = UNIT_LABEL.exec(`${level} ${rest}`);
  return m ? { level, name: m[2]! } : null;
}
