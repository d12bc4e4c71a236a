/** The unit lexicon as regex pieces, and the text folding every lexicon match uses. */
import unitsData from '../lexicon/units.json' with { type: 'json' };
import type { FigureKind } from '../types.js';

export interface UnitEntry {
  unit: string;
  kind: FigureKind;
  /** What one of this unit is worth in its family's base unit (`tỷ đồng` → 10⁹ đồng). */
  multiplier: number;
  /** `không có` before it states a zero count (`không có hồ sơ quá hạn`). */
  zero: boolean;
}

interface RawUnit {
  unit: string;
  forms: string[];
  kind: string;
  multiplier?: number;
  family?: string;
  zero?: boolean;
  /** Words that, right after a form, make it another word (`con số`, `tỷ lệ`). */
  notBefore?: string[];
}

/** Two spaces in a row, or a space other than ` `: what `singleSpaces` replaces. */
const SPACES_TO_FOLD = /\s\s|[^\S ]/;

const familyOf = new Map<string, string>();
const multiplierOf = new Map<string, number>();

const byForm = new Map<string, UnitEntry>();
/** For forms with `notBefore`: the look-ahead that keeps `con` out of `con số`. */
const guardOf = new Map<string, string>();
for (const u of (unitsData as { units: RawUnit[] }).units) {
  familyOf.set(u.unit, u.family ?? u.unit);
  multiplierOf.set(u.unit, u.multiplier ?? 1);
  for (const form of u.forms) {
    if (u.notBefore) guardOf.set(foldLabel(form.normalize('NFC')), `(?!\\s+(?:${u.notBefore.map((w) => escape(w.normalize('NFC'))).join('|')})(?![\\p{L}]))`);
    byForm.set(foldLabel(form.normalize('NFC')), { unit: u.unit, kind: u.kind as FigureKind, multiplier: u.multiplier ?? 1, zero: u.zero ?? false });
  }
}

/**
 * Lower case, one spelling of `tỉ lệ`, single spaces: the form lexicon patterns are written in.
 * Texts reach extract in NFC (normalise), so folding does not normalise again: it runs for every
 * number read.
 */
export function foldLabel(s: string): string {
  // the replacements only where needed: most labels already have single spaces and no `tỉ lệ`
  let t = singleSpaces(s.toLowerCase());
  if (t.includes('tỉ lệ')) t = t.replaceAll('tỉ lệ', 'tỷ lệ');
  return t.trim();
}

/** Every run of spaces as one ` ` (`s.replace(/\s+/g, ' ')`, with no copy when there is none). */
export function singleSpaces(s: string): string {
  return SPACES_TO_FOLD.test(s) ? s.replace(/\s+/g, ' ') : s;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** A form as a regex piece, with its `notBefore` guard. */
function piece(form: string): string {
  return escape(form) + (guardOf.get(form) ?? '');
}

/** Every unit form, longest first so that `thành phần hồ sơ` wins over `hồ sơ`. */
const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
/** A unit as a whole word (`%` needs no word boundary). */
export const UNIT_PATTERN = `(?:${forms.map(piece).join('|')})(?![\\p{L}\\p{N}])`;

const unitCache = new Map<string, UnitEntry | null>();
export function unitOf(text: string): UnitEntry | null {
  let entry = unitCache.get(text);
  if (entry === undefined) {
    entry = byForm.get(foldLabel(text)) ?? null;
    if (unitCache.size < 10_000) unitCache.set(text, entry);
  }
  return entry;
}

const countForms = forms.filter((f) => byForm.get(f)!.kind === 'count');
const countUnitInText = new RegExp(`(?<![\\p{L}\\p{N}])(?:${countForms.map(piece).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** A count unit as a whole word: what a number in words (`hai xã`) must stand before to be a figure. */
export const COUNT_UNIT_PATTERN = `(?:${countForms.map(piece).join('|')})(?![\\p{L}\\p{N}])`;

/** Units a scale word may stand before (`15 nghìn hộ`, `450 nghìn tấn`): counts and measures, not money (`tỷ đồng` is a unit of its own). */
const scalableForms = forms.filter((f) => byForm.get(f)!.kind === 'count' || (byForm.get(f)!.kind === 'amount' && !['đồng', 'USD'].includes(familyOf.get(byForm.get(f)!.unit)!)));
export const SCALABLE_UNIT_PATTERN = `(?:${scalableForms.map(piece).join('|')})(?![\\p{L}\\p{N}])`;

const SCALES: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };
/** A unit written with a scale word (`nghìn tấn`): the scale and the unit after it, or the unit alone. */
function scaled(unit: string): { scale: number; unit: string } {
  const m = /^(nghìn|ngàn|triệu|tỷ|tỉ) (.+)$/u.exec(unit);
  return m && !multiplierOf.has(unit) && multiplierOf.has(m[2]!) ? { scale: SCALES[m[1]!]!, unit: m[2]! } : { scale: 1, unit };
}

/**
 * A value in its family's base unit (`3,8 tỷ đồng` → 3 800 000 000 đồng), for comparing figures
 * printed in different units of one family; a value of an unknown unit is returned as it is.
 */
export function inBaseUnit(value: number, unit: string | null): number {
  if (unit === null) return value;
  const s = scaled(unit);
  return value * s.scale * (multiplierOf.get(s.unit) ?? 1);
}

/** The first count unit named in a label (`Hồ sơ tái sử dụng lại dữ liệu số hóa` → `hồ sơ`). */
export function countUnitIn(text: string): string | null {
  const m = countUnitInText.exec(text);
  return m ? unitOf(m[0])!.unit : null;
}

/** Units that count the same things: a part may be in one and its total in the other. */
export function sameFamily(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const [x, y] = [scaled(a).unit, scaled(b).unit];
  return (familyOf.get(x) ?? x) === (familyOf.get(y) ?? y);
}
