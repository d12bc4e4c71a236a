import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runsOf } from './segments.js';

const seed = readFileSync(new URL('../../fixtures/000_df22d471c82bd4e0.txt', import.meta.url), 'utf8');
const line = seed.split('\n').find((l) => l.startsWith('a) Tổng số hồ sơ đã tiếp nhận trực tuyến'))!;

describe('runsOf', () => {
  it('splits a seed line where a ratio contains a count and a percent follows', () => {
    const ratio = line.indexOf('1.779/1.894');
    const count = line.indexOf('1.894 hồ sơ');
    const pct = line.indexOf('93,93%');
    const items = [
      { id: 'f1', start: ratio, end: ratio + '1.779/1.894 hồ sơ'.length },
      { id: 'f2', start: count, end: count + '1.894 hồ sơ'.length },
      { id: 'f3', start: pct, end: pct + '93,93%'.length },
    ];
    const runs = runsOf(line.length, items);
    const view = runs.map((r) => [line.slice(r.start, r.end), r.ids.join(' '), r.starts.join(' ')]);
    expect(view).toEqual([
      ['a) Tổng số hồ sơ đã tiếp nhận trực tuyến: ', '', ''],
      ['1.779/', 'f1', 'f1'],
      ['1.894 hồ sơ', 'f1 f2', 'f2'],
      ['; tỷ lệ đạt: ', '', ''],
      ['93,93%', 'f3', 'f3'],
      [', trong đó:', '', ''],
    ]);
  });

  it('keeps crossing spans apart and skips empty or out-of-range spans', () => {
    const runs = runsOf(10, [
      { id: 'a', start: 1, end: 5 },
      { id: 'b', start: 3, end: 8 },
      { id: 'empty', start: 4, end: 4 },
      { id: 'outside', start: 8, end: 12 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.ids.join(' ')])).toEqual([
      [0, 1, ''],
      [1, 3, 'a'],
      [3, 5, 'a b'],
      [5, 8, 'b'],
      [8, 10, ''],
    ]);
  });

  it('covers an unmarked text with one run', () => {
    expect(runsOf(5, [])).toEqual([{ start: 0, end: 5, ids: [], starts: [] }]);
  });
});
