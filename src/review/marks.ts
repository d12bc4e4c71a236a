/**
 * `review.jsonl`: one line per QA verdict on one extracted value, append-only. A later line for
 * the same value overrides an earlier one. Lines are keyed by the source file's hash and the
 * value's span in the ORIGINAL text, which survive re-runs even when figure ids are renumbered.
 */
import { appendFile, readFile } from 'node:fs/promises';

export const MARKS_FILE = 'review.jsonl';

/** `corrected`: the value is wrong and `value` is the right one (`read` the one extracted). */
export type Verdict = 'confirmed' | 'wrong' | 'corrected';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'wrong', 'corrected'];

export interface ReviewMark {
  /** ISO time the verdict was given. */
  time: string;
  /** The report's `source.path` and `source.sha256`. */
  file: string;
  sha256: string;
  /** Figure or reference id in that run's report (`f9`, `r3`). */
  id: string;
  target: 'figure' | 'reference';
  verdict: Verdict;
  /** `provenance.span`, `provenance.line` and `provenance.text` of the value. */
  span: { start: number; end: number };
  line: number;
  text: string;
  /**
   * The extracted value the reviewer judged (figures only); for a `corrected` verdict, the right
   * value the reviewer typed, with the extracted one in `read`.
   */
  value?: number | null;
  read?: number | null;
  metric?: string | null;
  note?: string;
}

const MAX_INT32 = 2 ** 31 - 1;

/** Check an untrusted object (a POST body, a line of the file); returns the mark or a reason. */
export function parseMark(raw: unknown): ReviewMark | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'expected a JSON object';
  const o = raw as Record<string, unknown>;
  const str = (k: string, max = 2000) => typeof o[k] === 'string' && (o[k] as string).length <= max;
  // offsets and lines are stored as 32-bit integers in the tables: `1e308` is an integer to JavaScript
  const int = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INT32;
  for (const k of ['time', 'file', 'sha256', 'id', 'text']) if (!str(k)) return `"${k}" must be a string`;
  if (!/^[0-9a-f]{64}$/.test(o.sha256 as string)) return '"sha256" must be 64 hex digits';
  if (Number.isNaN(Date.parse(o.time as string))) return '"time" must be an ISO date';
  if (o.target !== 'figure' && o.target !== 'reference') return '"target" must be figure or reference';
  if (!VERDICTS.includes(o.verdict as Verdict)) return `"verdict" must be one of ${VERDICTS.join(', ')}`;
  const span = o.span as Record<string, unknown> | undefined;
  if (!span || !int(span.start) || !int(span.end) || (span.end as number) < (span.start as number)) return '"span" must be {start, end}';
  if (!int(o.line)) return '"line" must be a whole number';
  if (o.value !== undefined && o.value !== null && !Number.isFinite(o.value)) return '"value" must be a finite number or null';
  if (o.read !== undefined && o.read !== null && !Number.isFinite(o.read)) return '"read" must be a finite number or null';
  if (o.verdict === 'corrected' && (o.target !== 'figure' || !Number.isFinite(o.value))) return 'a "corrected" verdict needs a figure and its right "value", a finite number';
  if (o.metric !== undefined && o.metric !== null && !str('metric', 200)) return '"metric" must be a string or null';
  if (o.note !== undefined && !str('note')) return '"note" must be a string';
  const mark: ReviewMark = {
    time: o.time as string,
    file: o.file as string,
    sha256: o.sha256 as string,
    id: o.id as string,
    target: o.target,
    verdict: o.verdict as Verdict,
    span: { start: span.start as number, end: span.end as number },
    line: o.line as number,
    text: o.text as string,
  };
  if (o.value !== undefined) mark.value = o.value as number | null;
  if (o.read !== undefined && o.verdict === 'corrected') mark.read = o.read as number | null;
  if (o.metric !== undefined) mark.metric = o.metric as string | null;
  if (o.note !== undefined && o.note !== '') mark.note = o.note as string;
  return mark;
}

/** The key two marks share when they judge the same value of the same source. */
export const markKey = (m: Pick<ReviewMark, 'sha256' | 'span'>) => `${m.sha256}:${m.span.start}-${m.span.end}`;

/** Every valid line of a marks file, in order; unreadable lines are skipped (the file is hand-editable). */
export function parseMarks(content: string, onBad?: (line: number, reason: string) => void): ReviewMark[] {
  const out: ReviewMark[] = [];
  for (const [i, line] of content.split('\n').entries()) {
    if (!line.trim()) continue;
    // A torn or hand-broken line must not hide the others.
    let m: ReviewMark | string;
    try {
      m = parseMark(JSON.parse(line));
    } catch {
      m = 'not JSON';
    }
    if (typeof m !== 'string') out.push(m);
    else onBad?.(i + 1, m);
  }
  return out;
}

/** The marks of a file (none when it does not exist); `onBad` hears of each line left out. */
export async function readMarks(path: string, onBad?: (line: number, reason: string) => void): Promise<ReviewMark[]> {
  try {
    return parseMarks(await readFile(path, 'utf8'), onBad);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The last verdict per value. */
export function latestMarks(marks: readonly ReviewMark[]): Map<string, ReviewMark> {
  const out = new Map<string, ReviewMark>();
  for (const m of marks) out.set(markKey(m), m);
  return out;
}

/**
 * Append one mark as one line. Appends are serialised in this process so two requests never
 * interleave their bytes; a single short `appendFile` is one O_APPEND write.
 */
let queue: Promise<unknown> = Promise.resolve();
export function appendMark(path: string, mark: ReviewMark): Promise<void> {
  const next = queue.then(() => appendFile(path, `${JSON.stringify(mark)}\n`, 'utf8'));
  queue = next.catch(() => undefined);
  return next;
}
