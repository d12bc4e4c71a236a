import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SourceText, type Edit } from './source-text.js';

/** Naive reference: every current character carries the original interval it came from. */
interface RefChar {
  ch: string;
  s: number;
  e: number;
}

function refApply(chars: RefChar[], originalLength: number, edits: Edit[]): RefChar[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: RefChar[] = [];
  let cur = 0;
  for (const ed of sorted) {
    out.push(...chars.slice(cur, ed.start));
    let s: number;
    let e: number;
    if (ed.start < ed.end) {
      s = chars[ed.start]!.s;
      e = chars[ed.end - 1]!.e;
    } else {
      // an insertion maps to the boundary it sits on, or to the whole replaced region it sits inside
      s = ed.start < chars.length ? chars[ed.start]!.s : originalLength;
      e = Math.max(s, ed.start > 0 ? chars[ed.start - 1]!.e : s);
    }
    for (const ch of ed.replacement) out.push({ ch, s, e });
    cur = ed.end;
  }
  out.push(...chars.slice(cur));
  return out;
}

const editsFor = (length: number) =>
  fc
    .array(
      fc.record({
        a: fc.integer({ min: 0, max: length }),
        b: fc.integer({ min: 0, max: length }),
        replacement: fc.string({ maxLength: 4 }),
      }),
      { maxLength: 5 },
    )
    .map((raw) => {
      // make them non-overlapping: keep an edit only if it does not touch the ones kept
      const kept: Edit[] = [];
      for (const r of raw) {
        const start = Math.min(r.a, r.b);
        const end = Math.max(r.a, r.b);
        if (kept.every((k) => end < k.start || start > k.end)) kept.push({ start, end, replacement: r.replacement });
      }
      return kept;
    });

describe('SourceText', () => {
  it('maps a replaced word back to the original characters', () => {
    const t0 = SourceText.fromOriginal('Quyét dinh s6 1037/QD-BCP');
    const t1 = t0.edit([
      { start: 0, end: 5, replacement: 'Quyết' },
      { start: 6, end: 10, replacement: 'định' },
      { start: 11, end: 13, replacement: 'số' },
    ]);
    expect(t1.text).toBe('Quyết định số 1037/QD-BCP');
    expect(t1.originalText({ start: 6, end: 13 })).toBe('dinh s6');
    expect(t1.toOriginal({ start: 14, end: 18 })).toEqual({ start: 14, end: 18 });
    const t2 = t1.edit([{ start: 19, end: 21, replacement: 'QĐ' }]);
    expect(t2.text).toBe('Quyết định số 1037/QĐ-BCP');
    expect(t2.originalText({ start: 14, end: 25 })).toBe('1037/QD-BCP');
  });

  it('deletes markup and keeps the words around it exact', () => {
    const t = SourceText.fromOriginal('a **1.894** hồ sơ').replaceAll(/\*\*/g, () => '');
    expect(t.text).toBe('a 1.894 hồ sơ');
    expect(t.originalText({ start: 2, end: 7 })).toBe('1.894');
    expect(t.toOriginal({ start: 2, end: 7 })).toEqual({ start: 4, end: 9 });
  });

  it('reports 1-based lines of original offsets', () => {
    const t = SourceText.fromOriginal('one\ntwo\n\nfour');
    expect([0, 3, 4, 8, 9, 12].map((o) => t.lineOf(o))).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('rejects overlapping edits and spans out of range', () => {
    const t = SourceText.fromOriginal('abcdef');
    expect(() => t.edit([{ start: 0, end: 3, replacement: '' }, { start: 2, end: 4, replacement: 'x' }])).toThrow(
      /overlapping/,
    );
    expect(() => t.toOriginal({ start: 2, end: 9 })).toThrow(RangeError);
  });

  it('composes any chain of edits exactly like the naive reference', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(editsFor(30)),
        (original, rounds, editStream) => {
          let st = SourceText.fromOriginal(original);
          // indexed by UTF-16 code unit, like SourceText
          let ref: RefChar[] = original.split('').map((ch, i) => ({ ch, s: i, e: i + 1 }));
          const it = editStream[Symbol.iterator]();
          for (let r = 0; r < rounds; r++) {
            const edits = (it.next().value as Edit[]).filter((e) => e.end <= st.length);
            st = st.edit(edits);
            ref = refApply(ref, original.length, edits);
            expect(st.text).toBe(ref.map((c) => c.ch).join(''));
          }
          for (let i = 0; i < ref.length; i++) {
            for (let j = i + 1; j <= ref.length; j++) {
              const want = { start: ref[i]!.s, end: ref[j - 1]!.e };
              expect(st.toOriginal({ start: i, end: j })).toEqual(want);
              expect(st.originalText({ start: i, end: j })).toBe(original.slice(want.start, want.end));
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
