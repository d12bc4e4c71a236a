/**
 * The one module that owns positions.
 *
 * A `SourceText` is the current text of a document plus, for every boundary between its
 * characters, the offset in the *original* text that boundary stands for. Every stage that
 * changes text calls `edit` (or a helper built on it) and gets a new `SourceText` whose mapping
 * is composed with the old one, so a span of any later text maps straight back to the original.
 *
 * Two maps are kept because a replaced region has no inner correspondence: a span that *starts*
 * inside a replacement maps to the start of what was replaced, a span that *ends* inside it maps
 * to the end. For an unchanged character both maps agree.
 *
 * Offsets are UTF-16 code units of JavaScript strings, end-exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export class SourceText {
  /** The text as it came out of ingest: what every original span indexes into. */
  readonly original: string;
  /** The current text. */
  readonly text: string;
  /** startMap[i]: original offset for a span starting at i (length text.length + 1). */
  private readonly startMap: Int32Array;
  /** endMap[i]: original offset for a span ending at i (length text.length + 1). */
  private readonly endMap: Int32Array;

  private constructor(original: string, text: string, startMap: Int32Array, endMap: Int32Array) {
    this.original = original;
    this.text = text;
    this.startMap = startMap;
    this.endMap = endMap;
  }

  static fromOriginal(original: string): SourceText {
    const map = new Int32Array(original.length + 1);
    for (let i = 0; i <= original.length; i++) map[i] = i;
    return new SourceText(original, original, map, map);
  }

  get length(): number {
    return this.text.length;
  }

  /** The original span a span of the current text stands for. */
  toOriginal(span: Span): Span {
    if (span.start < 0 || span.end > this.text.length || span.start > span.end) {
      throw new RangeError(`span ${span.start}-${span.end} outside text of length ${this.text.length}`);
    }
    if (span.start === span.end) {
      const at = this.startMap[span.start]!;
      return { start: at, end: Math.max(at, this.endMap[span.end]!) };
    }
    return { start: this.startMap[span.start]!, end: this.endMap[span.end]! };
  }

  /** The original characters a span of the current text came from. */
  originalText(span: Span): string {
    const o = this.toOriginal(span);
    return this.original.slice(o.start, o.end);
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /**
   * Apply non-overlapping edits given in current-text offsets (any order).
   * Returns this when there is nothing to change.
   */
  edit(edits: readonly Edit[]): SourceText {
    const real = edits.filter((e) => !(e.start === e.end && e.replacement === ''));
    if (real.length === 0) return this;
    const sorted = [...real].sort((a, b) => a.start - b.start || a.end - b.end);
    let newLength = this.text.length;
    for (let k = 0; k < sorted.length; k++) {
      const e = sorted[k]!;
      if (e.start < 0 || e.end > this.text.length || e.start > e.end) {
        throw new RangeError(`edit ${e.start}-${e.end} outside text of length ${this.text.length}`);
      }
      if (k > 0 && e.start < sorted[k - 1]!.end) throw new RangeError('overlapping edits');
      newLength += e.replacement.length - (e.end - e.start);
    }
    const startMap = new Int32Array(newLength + 1);
    const endMap = new Int32Array(newLength + 1);
    let cur = 0; // position in the current text
    let out = 0; // position in the new text
    endMap[0] = this.endMap[0]!;
    const copy = (until: number) => {
      // unchanged characters keep their mapping; endMap[out] was set by whatever came before
      for (; cur < until; cur++, out++) {
        startMap[out] = this.startMap[cur]!;
        endMap[out + 1] = this.endMap[cur + 1]!;
      }
    };
    for (const e of sorted) {
      copy(e.start);
      const oStart = this.startMap[e.start]!;
      // max: an insertion at the point of an earlier deletion must not map to an inverted span
      const oEnd = Math.max(oStart, this.endMap[e.end]!);
      const r = e.replacement.length;
      if (r === 0) {
        // deletion: a span starting here starts after what was removed
        startMap[out] = this.startMap[e.end]!;
      } else {
        for (let i = 0; i < r; i++) {
          startMap[out + i] = oStart;
          endMap[out + i + 1] = oEnd;
        }
      }
      out += r;
      cur = e.end;
    }
    copy(this.text.length);
    startMap[newLength] = this.startMap[this.text.length]!;
    return new SourceText(this.original, applyEdits(this.text, sorted), startMap, endMap);
  }

  /** Replace every match of a global regex; `replace` returns the new string or null to keep it. */
  replaceAll(pattern: RegExp, replace: (match: RegExpExecArray) => string | null): SourceText {
    if (!pattern.global) throw new Error('replaceAll needs a global regex');
    const edits: Edit[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const r = replace(m);
      if (r !== null && r !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, replacement: r });
    }
    return this.edit(edits);
  }

  /** 1-based line of an original offset. */
  lineOf(originalOffset: number): number {
    const lines = this.lineStarts();
    // binary search for the last line start <= offset
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= originalOffset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private lineStartCache: number[] | undefined;
  private lineStarts(): number[] {
    if (!this.lineStartCache) {
      const starts = [0];
      for (let i = 0; i < this.original.length; i++) if (this.original.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStartCache = starts;
    }
    return this.lineStartCache;
  }
}

/**
 * The text after non-overlapping edits given in text order, without the offset maps: for what is
 * only written out (`baocao restore`), where `SourceText.edit` would map every character.
 */
export function applyEdits(text: string, sorted: readonly Edit[]): string {
  let out = '';
  let cur = 0;
  for (const e of sorted) {
    out += text.slice(cur, e.start) + e.replacement;
    cur = e.end;
  }
  return out + text.slice(cur);
}
