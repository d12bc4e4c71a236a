/**
 * What every rule needs to know about the figures of one report: where each stands (block,
 * section), its parts, its neighbours, and how many decimals it was printed with.
 */
import type { Extraction, Figure } from '../extract/types.js';
import type { Block, Outline } from '../segment/types.js';
import type { CheckDraft, CheckKind, Values } from './types.js';

export interface Context {
  outline: Outline;
  /** The current text every figure span refers to. */
  text: string;
  /** Figures in document order. */
  figures: Figure[];
  byId: Map<string, Figure>;
  /** Parts of each figure (`trong đó`, `cụ thể`, a list under it), in document order. */
  children: Map<string, Figure[]>;
  /** The block each figure stands in. */
  blockOf: Map<string, Block>;
  /** Position of each figure in `figures`. */
  index: Map<string, number>;
}

export function contextOf(outline: Outline, extraction: Extraction): Context {
  const text = outline.text.text;
  const figures = [...extraction.figures].sort((a, b) => a.span.start - b.span.start);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const children = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.parent === null || !byId.has(f.parent)) continue;
    if (!children.has(f.parent)) children.set(f.parent, []);
    children.get(f.parent)!.push(f);
  }
  const blocks = [...outline.blocks].sort((a, b) => a.span.start - b.span.start);
  const blockOf = new Map<string, Block>();
  let k = 0;
  for (const f of figures) {
    while (k < blocks.length && blocks[k]!.span.end <= f.span.start) k++;
    const b = blocks[k];
    if (b && b.span.start <= f.span.start) blockOf.set(f.id, b);
  }
  return { outline, text, figures, byId, children, blockOf, index: new Map(figures.map((f, i) => [f.id, i])) };
}

/** Digits printed after the decimal comma of the figure's (first) number: `93,93%` → 2. */
export function decimalsOf(ctx: Context, f: Figure): number {
  const printed = ctx.text.slice(f.span.start, f.span.end);
  const m = /\d[\d.]*(?:,(\d+))?/u.exec(printed);
  if (m?.[1]) return m[1].length;
  // a decimal point where the text uses one (`93.93%`): only when the value is not whole
  if (m && !Number.isInteger(f.value)) return (String(f.value).split('.')[1] ?? '').length;
  return 0;
}

/** Half a unit in the last decimal printed: how far a correctly rounded value may be off. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * How far a printed percentage may be from the ratio it rounds: half a unit of its last decimal,
 * except a bare `100%` or `0%`, which claims all or none (reports print `99,98 %` rather than
 * round it up to 100).
 */
export function percentTolerance(ctx: Context, f: Figure): number {
  const decimals = decimalsOf(ctx, f);
  return decimals === 0 && (f.value === 100 || f.value === 0) ? 0 : halfUnit(decimals);
}

/** Whole counts are exact; everything else was rounded to the decimals it shows. */
export function roundingOf(ctx: Context, f: Figure): number {
  if (f.kind === 'count' || f.kind === 'ratio' || f.kind === 'rank') return 0;
  return halfUnit(decimalsOf(ctx, f));
}

/** The figure printed right after `f` in the same clause (`1.736 hồ sơ; tỷ lệ đạt: 99,83%`), or null. */
export function nextInClause(ctx: Context, f: Figure): Figure | null {
  const next = ctx.figures[ctx.index.get(f.id)! + 1];
  if (!next) return null;
  const gap = ctx.text.slice(f.span.end, next.span.start);
  if (gap.length > 40 || /[\d\n]|\.(?:\s|$)/u.test(gap)) return null;
  return next;
}

export function samePeriod(a: Figure, b: Figure): boolean {
  if (a.period === null || b.period === null) return a.period === b.period;
  return a.period.from === b.period.from && a.period.to === b.period.to;
}

/**
 * The places a relation between metrics may be looked for: each block (a paragraph, a list item),
 * then each section (a list under a heading). Never wider: no guessing across sections.
 */
export function scopesOf(ctx: Context): Figure[][] {
  const byBlock = new Map<string, Figure[]>();
  const bySection = new Map<string, Figure[]>();
  for (const f of ctx.figures) {
    const b = ctx.blockOf.get(f.id);
    if (b) push(byBlock, b.id, f);
    if (f.section !== null) push(bySection, f.section, f);
  }
  return [...byBlock.values(), ...bySection.values()];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export type Pick = Figure | 'none' | 'ambiguous';

/** The one stated (actual, counted) figure of a metric in a scope. */
export function pick(scope: Figure[], metric: string): Pick {
  const hits = scope.filter((f) => f.metric === metric && f.role === 'actual' && (f.kind === 'count' || f.kind === 'ratio'));
  if (hits.length === 0) return 'none';
  return hits.length === 1 ? hits[0]! : 'ambiguous';
}

/** A number as a reviewer would read it in a sentence. */
export function show(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

/**
 * A check from its numbers. `recompute` gives `expected` and `actual` from other values of the
 * figures (by id), so that repairs can be tried (repair.ts); without it the check gets none.
 */
export function draft(
  kind: CheckKind,
  figures: Figure[],
  expected: number,
  actual: number,
  tolerance: number,
  describe: (holds: boolean) => string,
  holdsWhen: (diff: number, tol: number) => boolean = within,
  recompute?: (value: Values) => [number, number],
): CheckDraft {
  const tol = Math.round(tolerance * 1e9) / 1e9;
  const holds = holdsWhen(actual - expected, tol + 1e-9);
  const d: CheckDraft = { kind, figures: figures.map((f) => f.id), expected: round(expected), actual, tolerance: tol, holds, description: describe(holds) };
  if (recompute) d.relation = { recompute, holdsWhen };
  return d;
}

/** Closed intervals: the difference may reach the tolerance (`tol` already has 1e-9 of float slack). */
export function within(diff: number, tol: number): boolean {
  return Math.abs(diff) <= tol;
}

/**
 * Half-open intervals, for two roundings of one value: `93,9` stands for [93,85; 93,95), so
 * `1,5` and `1,6` printed to the same decimal cannot both round one value, while `93,9` and
 * `93,93` can.
 */
export function overlapping(diff: number, tol: number): boolean {
  return Math.abs(diff) <= 1e-9 || Math.abs(diff) < tol - 2e-9;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** `1894 (f9)` */
export function term(f: Figure, value = f.value): string {
  return `${show(value)} (${f.id})`;
}

