/**
 * Checks: arithmetic cross-checks between the figures of one report, so that a QA reviewer
 * looks only where the numbers do not agree.
 */

export type CheckKind = 'sum' | 'balance' | 'ratio' | 'share' | 'score' | 'rank' | 'consistency';

/** A type alias, not an interface, so that readers may treat it as a plain record. */
export type Check = {
  /** `c1`, `c2`… in the order the rules ran. */
  id: string;
  kind: CheckKind;
  /** Ids of the figures the check used: the whole (or the stated value) first, then the parts. */
  figures: string[];
  /** What the other figures say the value should be (or the bound it must not pass). */
  expected: number;
  /** The value as printed. */
  actual: number;
  /** How far actual may stray from expected, from the decimals printed (0 for whole counts). */
  tolerance: number;
  holds: boolean;
  /** One English sentence a reviewer can check by hand: the relation and the numbers. */
  description: string;
  /** On a failed sum, balance, ratio, share, score total or consistency check: the likeliest repairs, best first (possibly none). */
  proposals?: Proposal[];
};

/**
 * A change to one figure that would make a failed check hold, within one OCR confusion (or one
 * typing slip, for text that was not OCR'd) of what was read: src/validate/repair.ts,
 * docs/repairs.md. Proposals with the same `set` are one repair: all of them together.
 */
export type Proposal = {
  /** Id of the figure to change. */
  figure: string;
  /** Its value as read. */
  read: number;
  /** The value that makes the check hold. */
  proposed: number;
  /** Of this repair (its whole set) among every repair of the same size that makes the check hold, by the channel's likelihood. */
  probability: number;
  /** 0, 1, 2…: the repair this change belongs to, best first. */
  set: number;
  /** `%` when the repair reads the figure as a percentage (`1007` read for `100%`): it then leaves the sum it was counted in. */
  unit?: '%';
};

/** The values a check is computed from, by figure id: the values read, or a repair's. */
export type Values = (id: string) => number;

/** How a check is computed, so that it can be recomputed with other values (repairs). */
export interface Relation {
  /** `expected` and `actual` from the figures' values. */
  recompute: (value: Values) => [expected: number, actual: number];
  holdsWhen: (diff: number, tol: number) => boolean;
}

/** A check before it gets its id; `relation` when the rule can recompute it. */
export type CheckDraft = Omit<Check, 'id' | 'proposals'> & { relation?: Relation };
