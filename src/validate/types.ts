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
};

/** A check before it gets its id. */
export type CheckDraft = Omit<Check, 'id'>;
