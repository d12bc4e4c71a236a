/**
 * Checks over tables, from where each figure stands (its `cell`: table, row, column path):
 * - a total row (`Tổng cộng`, `Cộng`, `Toàn thành phố`) against the sum of its column;
 * - a total column (`Tổng số` under a header whose other columns are its parts, as the header
 *   path says: `Số hồ sơ tiếp nhận / Tổng số` over `… / Trực tuyến`, `… / Trực tiếp`) against the
 *   row's parts;
 * - a percentage column against the ratio of the row's columns it is computed from (the metric
 *   relations of `relations.json`: `Tỷ lệ giải quyết đúng hạn (%)` = (đã giải quyết − trễ hạn) /
 *   đã giải quyết).
 * Tolerances are those of the other rules: whole counts exact, others to their printed decimals.
 */
import type { Figure } from '../extract/types.js';
import { isTotalColumn, isTotalLabel } from '../extract/table-words.js';
import { draft, roundingOf, samePeriod, show, term, type Context } from './context.js';
import { percentCheck } from './ratio.js';
import { RATES } from './relations.js';
import type { CheckDraft } from './types.js';

type CellFigure = Figure & { cell: NonNullable<Figure['cell']> };

const ADDITIVE = new Set(['count', 'amount']);

export function tableChecks(ctx: Context): CheckDraft[] {
  const byTable = new Map<string, CellFigure[]>();
  for (const f of ctx.figures) {
    if (!f.cell) continue;
    const list = byTable.get(f.cell.table) ?? [];
    list.push(f as CellFigure);
    byTable.set(f.cell.table, list);
  }
  const out: CheckDraft[] = [];
  for (const figures of byTable.values()) {
    out.push(...totalRowChecks(ctx, figures), ...totalColumnChecks(ctx, figures), ...percentColumnChecks(ctx, figures));
  }
  return out;
}

const sameColumn = (a: CellFigure, b: CellFigure) => a.cell.column === b.cell.column;
const comparable = (whole: Figure, part: Figure) =>
  part.kind === whole.kind && part.unit === whole.unit && part.role === whole.role && samePeriod(part, whole);

/**
 * Each total row against the rows it sums: with one total row, every other row; with several
 * (groups with subtotals, `Cộng`), the rows since the previous total row, and a total right after
 * subtotals (`Tổng cộng`) the subtotals before it.
 */
function totalRowChecks(ctx: Context, figures: CellFigure[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  const rows = [...new Set(figures.map((f) => f.cell.row))].sort((a, b) => a - b);
  const totals = rows.filter((r) => isTotalLabel(figures.find((f) => f.cell.row === r)!.cell.label));
  for (const [t, totalRow] of totals.entries()) {
    const since = rows.filter((r) => r < totalRow && !totals.includes(r) && (t === 0 || r > totals[t - 1]!));
    const summedRows =
      totals.length === 1 ? rows.filter((r) => r !== totalRow) : since.length > 0 ? since : totals.slice(0, t);
    const summed = (r: number) => summedRows.includes(r);
    for (const whole of figures.filter((f) => f.cell.row === totalRow && ADDITIVE.has(f.kind))) {
      const parts = figures.filter((p) => sameColumn(p, whole) && summed(p.cell.row) && comparable(whole, p));
      if (parts.length < 2) continue;
      const total = Math.round(parts.reduce((s, p) => s + p.value, 0) * 1e9) / 1e9;
      const tolerance = roundingOf(ctx, whole) + parts.reduce((s, p) => s + roundingOf(ctx, p), 0);
      const column = whole.cell.path.join(' / ') || `column ${whole.cell.column + 1}`;
      out.push(
        draft('sum', [whole, ...parts], whole.value, total, tolerance, (holds) =>
          `${term(whole)} ${holds ? '=' : '≠'} ${show(total)}, the sum of the ${parts.length} rows of column "${column}" (${parts.map((p) => p.id).join(', ')}): the total row "${whole.cell.label ?? ''}"`,
          undefined,
          (v) => [v(whole.id), parts.reduce((s, p) => s + v(p.id), 0)],
        ),
      );
    }
  }
  return out;
}

/** `… / Tổng số` against its siblings under the same header (`… / Trực tuyến`, `… / Trực tiếp`), row by row. */
function totalColumnChecks(ctx: Context, figures: CellFigure[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  const prefix = (path: string[]) => JSON.stringify(path.slice(0, -1));
  for (const whole of figures) {
    const path = whole.cell.path;
    if (path.length < 2 || !ADDITIVE.has(whole.kind) || !isTotalColumn(path.at(-1)!)) continue;
    const parts = figures.filter(
      (p) =>
        p.cell.row === whole.cell.row &&
        p !== whole &&
        p.cell.path.length === path.length &&
        prefix(p.cell.path) === prefix(path) &&
        !isTotalColumn(p.cell.path.at(-1)!) &&
        comparable(whole, p),
    );
    if (parts.length < 2) continue;
    const total = Math.round(parts.reduce((s, p) => s + p.value, 0) * 1e9) / 1e9;
    const tolerance = roundingOf(ctx, whole) + parts.reduce((s, p) => s + roundingOf(ctx, p), 0);
    out.push(
      draft('sum', [whole, ...parts], whole.value, total, tolerance, (holds) =>
        `${term(whole)} ${holds ? '=' : '≠'} ${parts.map((p) => `${term(p)} "${p.cell.path.at(-1)}"`).join(' + ')} = ${show(total)}: the total column "${path.join(' / ')}" of row "${whole.cell.label ?? ''}"`,
        undefined,
        (v) => [v(whole.id), parts.reduce((s, p) => s + v(p.id), 0)],
      ),
    );
  }
  return out;
}

/** A percentage cell against the counts of its row it is the ratio of (`relations.json` rates). */
function percentColumnChecks(ctx: Context, figures: CellFigure[]): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const rate of figures) {
    if (rate.kind !== 'percent' || rate.metric === null) continue;
    const row = figures.filter((f) => f.cell.row === rate.cell.row && f !== rate && f.kind === 'count' && f.role === rate.role && samePeriod(f, rate));
    for (const r of RATES.filter((x) => x.rate === rate.metric)) {
      const side = (metrics: string[]) => {
        const terms: { f: CellFigure; sign: number }[] = [];
        for (const m of metrics) {
          const minus = m.startsWith('-');
          const hits = row.filter((f) => f.metric === (minus ? m.slice(1) : m));
          if (hits.length !== 1) return null;
          terms.push({ f: hits[0]!, sign: minus ? -1 : 1 });
        }
        return terms;
      };
      const num = side(r.numerator);
      const den = side(r.denominator);
      if (!num || !den) continue;
      const at = (terms: { f: CellFigure; sign: number }[], v: (id: string) => number) => terms.reduce((s, t) => s + t.sign * v(t.f.id), 0);
      const value = (id: string) => ctx.byId.get(id)!.value;
      const denominator = at(den, value);
      if (denominator <= 0) continue;
      const used = [...new Set([...num, ...den].map((t) => t.f))];
      const text = (terms: { f: CellFigure; sign: number }[]) =>
        terms.map((t, i) => `${t.sign < 0 ? ' − ' : i > 0 ? ' + ' : ''}${term(t.f)} "${t.f.cell.path.join(' / ')}"`).join('');
      out.push(
        percentCheck(ctx, rate, used, at(num, value), denominator, `(${text(num)}) / (${text(den)}) in row "${rate.cell.label ?? ''}"`, (v) => [
          at(num, v),
          at(den, v),
        ]),
      );
      break;
    }
  }
  return out;
}
