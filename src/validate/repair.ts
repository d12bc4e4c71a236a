/**
 * Repairs proposed for failed checks, the way statistical offices locate errors (Fellegi & Holt
 * 1976; R's errorlocate and deducorrect): the fewest figures whose change makes the check hold
 * (one, else two), each change within one confusion of what was read, then ranked by how likely
 * the reading channel is to turn the proposed value into the value read. Method and figures:
 * docs/repairs.md.
 *
 * A repair must also leave every check that holds holding (a figure that takes part in a sum that
 * adds up is unlikely to be the misread one). `probability` is the repair's likelihood among all
 * repairs of the same size that make the check hold: given that one misreading (or two) explains
 * the failure, how likely this one is.
 */
import { parseVietnameseNumber } from '../extract/numbers.js';
import confusionData from './data/digit-confusions.json' with { type: 'json' };
import typingData from './data/typing-slips.json' with { type: 'json' };
import type { Check, Proposal, Relation, Values } from './types.js';

/** A number as it may have been before the channel changed it, and how likely the change was. */
export interface Alternative {
  /** The characters before the change (`100%` for a read `1007`). */
  text: string;
  value: number;
  /** P(read | text) / P(read | read): how much likelier this reading makes the characters read. */
  ratio: number;
  /** Set when the `%` was misread as a digit: the figure is a percentage, not what was read. */
  percent?: true;
}

export type ChannelName = 'ocr' | 'typing';

export interface Channel {
  name: ChannelName;
  /** The chance that one character is changed: the cost of one more error a repair leaves to explain. */
  errorRate: number;
  /** Every string one confusion (OCR) or one slip (typing) away from `read` that parses as a number other than `read`'s. */
  alternatives(read: string): Alternative[];
}

const DIGITS = '0123456789';

/** The value of a number as printed, with a `%` after it allowed; null when it is not a Vietnamese number. */
function valueOf(text: string): number | null {
  return parseVietnameseNumber(text.endsWith('%') ? text.slice(0, -1) : text);
}

/** The digits of a number read with a `%` after it (`93,93%`) are changed, not the `%`. */
function start(printed: string): { read: string; percent: boolean; out: Alternative[] } {
  const percent = printed.endsWith('%');
  return { read: percent ? printed.slice(0, -1) : printed, percent, out: [] };
}

function alternative(text: string, ratio: number): Alternative[] {
  if (NEVER_PRINTED.test(text)) return [];
  const value = valueOf(text);
  return value === null ? [] : [{ text, value, ratio }];
}

/** Sums the ratios of alternatives with the same value, drops the read value, best first. */
function collect(printed: string, list: Alternative[], percent: boolean): Alternative[] {
  const readValue = valueOf(printed);
  const byValue = new Map<number, Alternative>();
  for (const found of list) {
    const a = percent ? { ...found, text: found.text + '%' } : found;
    if ((a.value === readValue && !a.percent) || !(a.ratio > 0)) continue;
    // `83%` and `83` are different readings of `835`: a percentage is kept apart
    const key = a.percent ? -1 - a.value : a.value;
    const seen = byValue.get(key);
    if (seen) {
      seen.ratio += a.ratio;
      if (a.ratio > seen.ratio - a.ratio) seen.text = a.text;
    } else byValue.set(key, { ...a });
  }
  return [...byValue.values()].sort((a, b) => b.ratio - a.ratio || a.value - b.value);
}

/**
 * Reports pad small counts with one zero (`02 hồ sơ`, `07 PAKN`) and nothing else: `007`, `00`,
 * `01,5` or `0123` are never what was printed.
 */
const NEVER_PRINTED = /^0(?:0|\d\d|\d[.,])/u;

function push(out: Alternative[], text: string, ratio: number): void {
  if (NEVER_PRINTED.test(text)) return;
  const value = valueOf(text);
  if (value !== null) out.push({ text, value, ratio });
}

type Counts = Record<string, Record<string, number>>;

function errorRate(counts: Counts): number {
  let all = 0;
  let wrong = 0;
  for (const [c, row] of Object.entries(counts)) {
    for (const [o, n] of Object.entries(row)) {
      all += n;
      if (o !== c) wrong += n;
    }
  }
  return wrong / all;
}

/**
 * The OCR channel from counts of what was read for each character drawn
 * (`data/digit-confusions.json`): P(o | c) = n(c, o) / (N(c) + 1) for a reading seen, and the
 * one count left over spread evenly over the readings never seen (a digit, nothing, or a digit
 * doubled: 21 of them), so that no single confusion is impossible but every seen one ranks first.
 */
export function ocrChannel(counts: Counts = (confusionData as { counts: Counts }).counts): Channel {
  const UNSEEN = 21;
  const p = (c: string, o: string): number => {
    const row = counts[c];
    if (!row) return c === o ? 1 : 1 / (2 * UNSEEN);
    const n = Object.values(row).reduce((s, x) => s + x, 0);
    const k = row[o];
    return k ? k / (n + 1) : 1 / ((n + 1) * UNSEEN);
  };
  const same = (c: string) => p(c, c);
  const longer = Object.entries(counts).flatMap(([c, row]) =>
    Object.keys(row)
      .filter((o) => o.length > 1 && /^[\d.,]+$/u.test(o) && !(o.length === 2 && o[0] === c && DIGITS.includes(o[1]!)))
      .map((o) => [c, o] as const),
  );
  return {
    name: 'ocr',
    errorRate: errorRate(counts),
    alternatives(printed: string): Alternative[] {
      const { read, percent, out } = start(printed);
      for (let i = 0; i < read.length; i++) {
        const r = read[i]!;
        // a character drawn as another: digits for a digit, `.` and `,` for each other
        const from = DIGITS.includes(r) ? DIGITS : ',.'.includes(r) ? ',.' : '';
        for (const a of from) {
          if (a !== r) push(out, read.slice(0, i) + a + read.slice(i + 1), p(a, r) / same(r));
        }
        // two characters read for one: the second is extra (`11` for `1`)
        if (i + 1 < read.length && DIGITS.includes(read[i + 1]!)) {
          push(out, read.slice(0, i + 1) + read.slice(i + 2), p(r, r + read[i + 1]) / (same(r) * same(read[i + 1]!)));
        }
      }
      // a digit drawn and read as nothing
      for (let i = 0; i <= read.length; i++) {
        for (const a of DIGITS) push(out, read.slice(0, i) + a + read.slice(i), p(a, ''));
      }
      // a `.` or `,` drawn and read as a digit or as nothing (`90015` for `90,15`), as the table has seen
      for (const c of ',.') {
        for (const o of Object.keys(counts[c] ?? {})) {
          if (o === '') for (let i = 1; i < read.length; i++) push(out, read.slice(0, i) + c + read.slice(i), p(c, ''));
          else if (o.length === 1 && DIGITS.includes(o)) {
            for (let i = read.indexOf(o); i >= 0; i = read.indexOf(o, i + 1)) push(out, read.slice(0, i) + c + read.slice(i + 1), p(c, o) / same(o));
          }
        }
      }
      // any other reading of several characters the table has seen (`455` for `4`)
      for (const [c, o] of longer) {
        for (let i = read.indexOf(o); i >= 0; i = read.indexOf(o, i + 1)) {
          push(out, read.slice(0, i) + c + read.slice(i + o.length), p(c, o) / [...o].reduce((x, k) => x * same(k), 1));
        }
      }
      // a `%` read as a digit: `1007` for `100%`
      if (!percent && read.length > 1 && DIGITS.includes(read[read.length - 1]!)) {
        const last = read[read.length - 1]!;
        out.push(...alternative(read.slice(0, -1) + '%', p('%', last) / same(last)).map((a) => ({ ...a, percent: true as const })));
      }
      return collect(printed, out, percent);
    },
  };
}

interface TypingModel {
  slipRate: number;
  shares: { substitution: number; omission: number; insertion: number; transposition: number };
  neighbourShare: number;
  keypad: string[];
  topRow: string;
}

/** Keys next to each digit on the numeric keypad (rows and columns) or on the top row. */
function neighbours(model: TypingModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>([...DIGITS].map((d) => [d, new Set<string>()]));
  const link = (a: string | undefined, b: string | undefined) => {
    if (!a || !b || a === b) return;
    out.get(a)!.add(b);
    out.get(b)!.add(a);
  };
  model.keypad.forEach((row, y) => {
    [...row].forEach((key, x) => {
      link(key, row[x + 1]);
      link(key, model.keypad[y + 1]?.[x]);
    });
  });
  for (let i = 0; i + 1 < model.topRow.length; i++) link(model.topRow[i], model.topRow[i + 1]);
  return out;
}

/**
 * The typing channel (`data/typing-slips.json`, an assumed model, not a measurement): a slip of
 * one keystroke, split between substitution, omission, insertion and transposition, a
 * substituted or extra key most often a neighbour of the one meant.
 */
export function typingChannel(model: TypingModel = typingData as TypingModel): Channel {
  const near = neighbours(model);
  const e = model.slipRate;
  const ok = 1 - e;
  /** P(typed b for meant a), a ≠ b. */
  const sub = (a: string, b: string) => {
    const n = near.get(a)!;
    const share = n.has(b) ? model.neighbourShare / n.size : (1 - model.neighbourShare) / (9 - n.size);
    return e * model.shares.substitution * share;
  };
  return {
    name: 'typing',
    errorRate: e,
    alternatives(printed: string): Alternative[] {
      const { read, out } = start(printed);
      for (let i = 0; i < read.length; i++) {
        const r = read[i]!;
        if (DIGITS.includes(r)) {
          for (const a of DIGITS) if (a !== r) push(out, read.slice(0, i) + a + read.slice(i + 1), sub(a, r) / ok);
        }
        const next = read[i + 1];
        if (next !== undefined && DIGITS.includes(r) && DIGITS.includes(next)) {
          // two keys swapped
          if (next !== r) push(out, read.slice(0, i) + next + r + read.slice(i + 2), (e * model.shares.transposition) / ok ** 2);
          // an extra key after r: the same key again, or a neighbour
          const n = near.get(r)!;
          const share = next === r ? 0.5 : n.has(next) ? (0.5 * model.neighbourShare) / n.size : (0.5 * (1 - model.neighbourShare)) / (9 - n.size);
          push(out, read.slice(0, i + 1) + read.slice(i + 2), (e * model.shares.insertion * share) / ok ** 2);
        }
      }
      // a key left out
      for (let i = 0; i <= read.length; i++) {
        for (const a of DIGITS) push(out, read.slice(0, i) + a + read.slice(i), (e * model.shares.omission) / 10);
      }
      return collect(printed, out, printed.endsWith('%'));
    },
  };
}

/** What repairs need to know of a figure: the characters of its number as read. */
export interface Readable {
  id: string;
  value: number;
  /** The number's characters (`1.894`, `93,93`), or null when it was not read from digits. */
  read: string | null;
  /** Printed with no word after it (`1007`, not `07 PAKN`): only then may its last digit be a misread `%`. */
  bare?: boolean;
}

export interface Repairable {
  check: Check;
  relation: Relation | undefined;
}

const MAX_PROPOSALS = 5;

/**
 * The values a check is recomputed with under a repair. A figure found to be a percentage (`1007`
 * read for `100%`) is no part of a sum or balance of counts (it counts as 0 there), and no
 * value anywhere else.
 */
function valuesUnder(r: Repairable, changes: Map<string, Alternative>, read: Values): Values {
  return (id) => {
    const a = changes.get(id);
    if (!a) return read(id);
    if (!a.percent) return a.value;
    return (r.check.kind === 'sum' || r.check.kind === 'balance') && id !== r.check.figures[0] ? 0 : Number.NaN;
  };
}

function holdsWith(r: Repairable, value: Values): boolean {
  const [expected, actual] = r.relation!.recompute(value);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  return r.relation!.holdsWhen(actual - expected, r.check.tolerance + 1e-9);
}

/**
 * Proposals for one failed check: repairs of one figure, or, when none makes the check hold, of
 * two; each leaves every other check that holds and shares a changed figure holding. Empty when
 * no repair within one confusion per figure is found.
 */
/** Digits after the decimal comma (`93,93%` → 2): the form a number is printed in. */
export function decimalsIn(text: string): number {
  const m = /,(\d+)/u.exec(text);
  return m ? m[1]!.length : 0;
}

/**
 * How the report prints numbers of each kind: P(k decimals | kind) from the figures as read
 * (add-one over 0–3+ decimals). A candidate's form against the form read (`90,135%` among rates
 * printed with two decimals is itself unlikely) is the prior of a repair, from the report alone.
 */
export function formPrior(figures: Iterable<Readable & { kind: string }>): (f: Readable & { kind?: string }, text: string) => number {
  const hist = new Map<string, number[]>();
  for (const f of figures) {
    if (!f.read) continue;
    const h = hist.get(f.kind) ?? [0, 0, 0, 0];
    h[Math.min(3, decimalsIn(f.read))]!++;
    hist.set(f.kind, h);
  }
  const p = (kind: string | undefined, text: string) => {
    const h = (kind !== undefined ? hist.get(kind) : undefined) ?? [0, 0, 0, 0];
    const n = h.reduce((s, x) => s + x, 0);
    return (h[Math.min(3, decimalsIn(text))]! + 1) / (n + 4);
  };
  return (f, text) => p(f.kind, text) / p(f.kind, f.read ?? '');
}

export function proposalsFor(
  target: Repairable,
  all: Repairable[],
  figures: Map<string, Readable & { kind?: string }>,
  channel: Channel,
  prior: (f: Readable & { kind?: string }, text: string) => number = () => 1,
): Proposal[] {
  if (!target.relation || target.check.holds) return [];
  const ids = [...new Set(target.check.figures)].filter((id) => figures.get(id)?.read);
  const read = (id: string) => figures.get(id)!.value;
  const options = new Map(
    ids.map((id) => {
      const f = figures.get(id)!;
      const alternatives = (f.read && valueOf(f.read) === f.value ? channel.alternatives(f.read) : []).map((a) => ({
        ...a,
        ratio: a.ratio * prior(f, a.text),
      }));
      return [id, f.bare ? alternatives : alternatives.filter((a) => !a.percent)] as const;
    }),
  );
  const guards = new Map(
    ids.map((id) => [id, all.filter((r) => r !== target && r.relation && r.check.holds && r.check.figures.includes(id))] as const),
  );
  const ok = (changes: Map<string, Alternative>) => {
    if (!holdsWith(target, valuesUnder(target, changes, read))) return false;
    for (const id of changes.keys()) if (!guards.get(id)!.every((g) => holdsWith(g, valuesUnder(g, changes, read)))) return false;
    return true;
  };
  // Fellegi–Holt: the fewest changes that make every check hold. Other failed checks over the
  // same figures may come from the same misreading; a repair that leaves one of them failing needs
  // one more error to explain it, and is weighed down by the channel's error rate for each.
  const near = new Set(target.check.figures);
  const related = (changes: Map<string, Alternative>) =>
    all.filter(
      (r) => r !== target && r.relation && !r.check.holds && r.check.figures.some((id) => near.has(id) || changes.has(id)),
    );
  const weigh = (changes: Map<string, Alternative>, likelihood: number) => {
    const left = related(changes).filter((r) => !holdsWith(r, valuesUnder(r, changes, read))).length;
    return likelihood * channel.errorRate ** left;
  };
  type Repair = { changes: [string, Alternative][]; weight: number };
  const found: Repair[] = [];
  for (const id of ids) {
    for (const a of options.get(id)!) {
      const changes = new Map([[id, a]]);
      if (ok(changes)) found.push({ changes: [[id, a]], weight: weigh(changes, a.ratio) });
    }
  }
  if (found.length === 0) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [x, y] = [ids[i]!, ids[j]!];
        for (const a of options.get(x)!) {
          for (const b of options.get(y)!) {
            const changes = new Map([[x, a], [y, b]]);
            if (ok(changes)) found.push({ changes: [[x, a], [y, b]], weight: weigh(changes, a.ratio * b.ratio) });
          }
        }
      }
    }
  }
  const total = found.reduce((s, r) => s + r.weight, 0);
  found.sort((a, b) => b.weight - a.weight);
  return found.slice(0, MAX_PROPOSALS).flatMap((r, set) =>
    r.changes.map(([figure, a]): Proposal => {
      const p: Proposal = { figure, read: read(figure), proposed: a.value, probability: Math.round((r.weight / total) * 1e4) / 1e4, set };
      if (a.percent) p.unit = '%';
      return p;
    }),
  );
}

/** The characters of a figure's (first) number in the text it was read from: `1.894` in `1.894 hồ sơ`. */
export function numberRead(printed: string): string | null {
  const m = /\d(?:[\d.,]*\d)?(?:\s?%)?/u.exec(printed);
  return m ? m[0].replace(/\s/gu, '') : null;
}
