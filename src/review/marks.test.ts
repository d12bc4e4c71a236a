import { describe, expect, it } from 'vitest';
import { latestMarks, parseMark, parseMarks } from './marks.js';

const SHA = 'a'.repeat(64);
const mark = {
  time: '2026-04-20T08:00:00.000Z', file: '000_df22d471c82bd4e0.txt', sha256: SHA, id: 'f9', target: 'figure',
  verdict: 'wrong', span: { start: 8597, end: 8608 }, line: 103, text: '1.894 hồ sơ', value: 1894, metric: 'applications.received',
};

describe('review marks', () => {
  it('accepts a well-formed verdict and drops an empty note', () => {
    expect(parseMark({ ...mark, note: '' })).toEqual(mark);
  });

  it('names the field that is wrong', () => {
    expect(parseMark({ ...mark, verdict: 'maybe' })).toBe('"verdict" must be one of confirmed, wrong, corrected');
    expect(parseMark({ ...mark, sha256: 'abc' })).toBe('"sha256" must be 64 hex digits');
    expect(parseMark({ ...mark, span: { start: 9, end: 3 } })).toBe('"span" must be {start, end}');
    expect(parseMark({ ...mark, target: 'table' })).toBe('"target" must be figure or reference');
    expect(parseMark([mark])).toBe('expected a JSON object');
  });

  it('refuses offsets past what the tables store (a span ending at 1e308 broke every later build)', () => {
    expect(parseMark({ ...mark, span: { start: 0, end: 1e308 } })).toBe('"span" must be {start, end}');
    expect(parseMark({ ...mark, line: 2 ** 31 })).toBe('"line" must be a whole number');
    expect(parseMark({ ...mark, value: Number.POSITIVE_INFINITY })).toBe('"value" must be a finite number or null');
    expect(parseMarks(`${JSON.stringify({ ...mark, span: { start: 0, end: 1e308 } })}\n${JSON.stringify(mark)}\n`)).toEqual([mark]);
  });

  it('reads a file with a torn line and keeps the last verdict per value', () => {
    const later = { ...mark, time: '2026-04-20T09:00:00.000Z', verdict: 'confirmed' };
    const other = { ...mark, id: 'f10', span: { start: 8650, end: 8661 }, text: '1.852 hồ sơ' };
    const content = [JSON.stringify(mark), '{"time":"2026-04', JSON.stringify(other), JSON.stringify(later), ''].join('\n');
    const marks = parseMarks(content);
    expect(marks.map((m) => `${m.id}:${m.verdict}`)).toEqual(['f9:wrong', 'f10:wrong', 'f9:confirmed']);
    expect([...latestMarks(marks).values()].map((m) => `${m.id}:${m.verdict}`)).toEqual(['f9:confirmed', 'f10:wrong']);
  });

  it('keeps a correction: the right value typed, the extracted one in read', () => {
    const corrected = { ...mark, verdict: 'corrected', value: 1895, read: 1894 };
    expect(parseMark(corrected)).toEqual(corrected);
    // `read` belongs to corrections only
    expect(parseMark({ ...mark, read: 1894 })).toEqual(mark);
    const needs = 'a "corrected" verdict needs a figure and its right "value", a finite number';
    expect(parseMark({ ...mark, verdict: 'corrected', value: null })).toBe(needs);
    expect(parseMark({ ...mark, verdict: 'corrected', value: undefined })).toBe(needs);
    expect(parseMark({ ...mark, verdict: 'corrected', target: 'reference', value: 3 })).toBe(needs);
    expect(parseMark({ ...corrected, read: 'x' })).toBe('"read" must be a finite number or null');
  });
});
