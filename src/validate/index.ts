/**
 * The validate stage: arithmetic cross-checks between the figures of one report. The rules run
 * in a fixed order (tables, sum, balance, ratio, share, score, rank, consistency); a relation found by two
 * rules over the same figures is kept once, under the first.
 */
import type { Extraction } from '../extract/types.js';
import type { Outline } from '../segment/types.js';
import { balanceChecks } from './balance.js';
import { consistencyChecks } from './consistency.js';
import { contextOf, type Context } from './context.js';
import { rankChecks } from './rank.js';
import { formPrior, numberRead, ocrChannel, proposalsFor, typingChannel, type ChannelName, type Readable, type Repairable } from './repair.js';
import { ratioChecks } from './ratio.js';
import { scoreChecks } from './score.js';
import { shareChecks } from './share.js';
import { sumChecks } from './sum.js';
import { tableChecks } from './tables.js';
import type { Check, CheckDraft } from './types.js';

export type * from './types.js';

const RULES: ((ctx: Context) => CheckDraft[])[] = [
  tableChecks,
  sumChecks,
  balanceChecks,
  ratioChecks,
  shareChecks,
  scoreChecks,
  rankChecks,
  consistencyChecks,
];

/** A sum and a balance over the same figures state one relation. */
const family = (kind: string) => (kind === 'balance' ? 'sum' : kind);

export interface ValidateOptions {
  /**
   * How the text was made, for the repairs proposed on failed checks: `ocr` (baocao read the page
   * images) scores them by OCR confusions, `typing` (the default: a text layer, a document) by
   * typing slips.
   */
  channel?: ChannelName;
}

export function validate(outline: Outline, extraction: Extraction, options: ValidateOptions = {}): Check[] {
  const ctx = contextOf(outline, extraction);
  const seen = new Set<string>();
  const checks: Check[] = [];
  const repairable: Repairable[] = [];
  // a bound (`tối thiểu 30%`, `trên 90 điểm`) is not a value: no arithmetic holds or fails on it
  const bounds = new Set(ctx.figures.filter((f) => f.comparator !== null && f.comparator !== undefined).map((f) => f.id));
  for (const rule of RULES) {
    for (const c of rule(ctx)) {
      if (bounds.size > 0 && c.figures.some((id) => bounds.has(id))) continue;
      const key = `${family(c.kind)}|${c.figures[0]}|${[...c.figures.slice(1)].sort().join(',')}|${c.expected}|${c.actual}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { relation, ...fields } = c;
      const check: Check = { id: `c${checks.length + 1}`, ...fields };
      checks.push(check);
      repairable.push({ check, relation });
    }
  }
  if (checks.some((c) => !c.holds)) {
    const channel = options.channel === 'ocr' ? ocrChannel() : typingChannel();
    const readable = new Map<string, Readable & { kind: string }>(
      ctx.figures.map((f) => {
        const printed = ctx.text.slice(f.span.start, f.span.end);
        return [f.id, { id: f.id, kind: f.kind, value: f.value, read: numberRead(printed), bare: /^[\d.,]+$/u.test(printed.trim()) }];
      }),
    );
    const prior = formPrior(readable.values());
    for (const r of repairable) {
      if (!r.check.holds && r.relation) r.check.proposals = proposalsFor(r, repairable, readable, channel, prior);
    }
  }
  return checks;
}

/** Check ids per figure id, in check order. */
export function checksByFigure(checks: Check[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of checks) {
    for (const f of c.figures) {
      const list = out.get(f) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      out.set(f, list);
    }
  }
  return out;
}

/** How many checks a report made and how many failed (kept in the batch manifest, summed in the run's summary). */
export interface CheckCount {
  made: number;
  failed: number;
}

export function countChecks(checks: readonly Check[]): CheckCount {
  return { made: checks.length, failed: checks.filter((c) => !c.holds).length };
}
