import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { validate } from './index.js';
import type { Check } from './types.js';

/** A seed through normalise → segment → extract → validate, optionally with one line damaged. */
function run(name: string, damage?: { line: number; from: string; to: string }) {
  let file = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
  if (damage) {
    const lines = file.split('\n');
    const before = lines[damage.line - 1]!;
    lines[damage.line - 1] = before.replace(damage.from, damage.to);
    expect(lines[damage.line - 1]).not.toBe(before);
    file = lines.join('\n');
  }
  const text = normalise(SourceText.fromOriginal(file));
  const outline = segment(text);
  const extraction = extract(outline);
  const checks = validate(outline, extraction);
  const lineOf = new Map(extraction.figures.map((f) => [f.id, text.lineOf(text.toOriginal(f.span).start)]));
  const value = new Map(extraction.figures.map((f) => [f.id, f.value]));
  /** Checks whose first figure (the whole, the rate, the total) stands on the line. */
  const on = (line: number, kind?: Check['kind']) =>
    checks.filter((c) => lineOf.get(c.figures[0]!) === line && (!kind || c.kind === kind));
  /** The values of a check's figures, in its order: what a reviewer reads in the source. */
  const values = (c: Check) => c.figures.map((id) => value.get(id));
  const failed = () => checks.filter((c) => !c.holds);
  return { checks, on, values, failed, lineOf };
}

const brief = (c: Check) => ({ kind: c.kind, expected: c.expected, actual: c.actual, tolerance: c.tolerance, holds: c.holds });

describe('seed 000 (Cát Hải, tháng 4/2026)', () => {
  const s = run('000_df22d471c82bd4e0.txt');

  it('holds where a total and its `trong đó` parts add up (1.894 = 1.852 + 42)', () => {
    const [sum, balance, ...rest] = s.on(103);
    expect(rest).toEqual([]);
    expect(brief(sum!)).toEqual({ kind: 'sum', expected: 1894, actual: 1894, tolerance: 0, holds: true });
    expect(s.values(sum!)).toEqual([1894, 1852, 42]);
    // received = resolved + pending, from the three list items under `a)`
    expect(brief(balance!)).toEqual({ kind: 'balance', expected: 1894, actual: 1894, tolerance: 0, holds: true });
    expect(s.values(balance!)).toEqual([1894, 1725, 169]);
  });

  it('holds for resolved = early + on time + late and the on-time rate it gives', () => {
    const [sum, rate] = [s.on(105, 'sum')[0]!, s.on(105, 'ratio')[0]!];
    expect(s.values(sum)).toEqual([1725, 1622, 103, 0]);
    expect(sum.holds).toBe(true);
    // a bare 100 % claims every one: no rounding allowed
    expect(brief(rate)).toEqual({ kind: 'ratio', expected: 100, actual: 100, tolerance: 0, holds: true });
  });

  it('fails the PAKN line: 07 received, 07 handled on time, none late, 07 still in progress', () => {
    const [c, ...rest] = s.on(161);
    expect(rest).toEqual([]);
    expect(brief(c!)).toEqual({ kind: 'balance', expected: 7, actual: 14, tolerance: 0, holds: false });
    expect(s.values(c!)).toEqual([7, 7, 0, 7]);
    // the next line (all `Không có`) balances
    expect(s.on(163).map(brief)).toEqual([{ kind: 'balance', expected: 0, actual: 0, tolerance: 0, holds: true }]);
  });

  it('checks 1.779/1.894 against 93,93% with the tolerance of two decimals, and fails the fields that add to 1.821', () => {
    const ratio = s.on(119, 'ratio')[0]!;
    expect(brief(ratio)).toEqual({ kind: 'ratio', expected: 93.928194, actual: 93.93, tolerance: 0.005, holds: true });
    expect(brief(s.on(128, 'ratio')[0]!)).toEqual({ kind: 'ratio', expected: 99.514563, actual: 99.51, tolerance: 0.005, holds: true });
    const sum = s.on(119, 'sum')[0]!;
    expect(brief(sum)).toEqual({ kind: 'sum', expected: 1779, actual: 1821, tolerance: 0, holds: false });
    expect(s.values(sum)).toEqual([1779, 2, 282, 1, 1320, 205, 11]);
  });

  it('sums the 11 fields of 1.421 TTHC and the 32 fields of 73 hồ sơ kiểm thử', () => {
    expect(s.on(155).map(brief)).toEqual([{ kind: 'sum', expected: 1421, actual: 1421, tolerance: 0, holds: true }]);
    expect(s.on(155)[0]!.figures).toHaveLength(12);
    expect(s.on(131).map(brief)).toEqual([{ kind: 'sum', expected: 73, actual: 73, tolerance: 0, holds: true }]);
  });

  it('fails section 3.4: 1.852 received but 1.739 resolved + 114 in progress = 1.853; its rates hold', () => {
    expect(s.on(135).map(brief)).toEqual([{ kind: 'balance', expected: 1852, actual: 1853, tolerance: 0, holds: false }]);
    // the `+ Có file…` items describe the 114 and the 1.739 from several sides: never summed
    expect(s.on(136)).toEqual([]);
    expect(s.on(142)).toEqual([]);
    expect(brief(s.on(143)[0]!)).toEqual({ kind: 'ratio', expected: 99.827487, actual: 99.83, tolerance: 0.005, holds: true });
    expect(s.values(s.on(143)[0]!)).toEqual([99.83, 1739, 1736]);
  });

  it('fails `100%` when one file of 1.739 is missing (1.739 → 1.734 on line 144)', () => {
    const d = run('000_df22d471c82bd4e0.txt', { line: 144, from: '1.739', to: '1.734' });
    expect(d.on(144).map(brief)).toEqual([{ kind: 'ratio', expected: 99.712478, actual: 100, tolerance: 0, holds: false }]);
  });

  it('checks the 766 sub-scores against their maxima and the total against their sum', () => {
    const total = s.on(173, 'score');
    expect(total.map(brief)).toEqual([
      { kind: 'score', expected: 100, actual: 97.61, tolerance: 0, holds: true },
      { kind: 'score', expected: 97.61, actual: 97.61, tolerance: 0.035, holds: true },
    ]);
    expect(s.values(total[1]!)).toEqual([97.61, 18, 19.99, 10, 10, 18, 21.62]);
    expect(s.on(179).map(brief)).toEqual([{ kind: 'score', expected: 22, actual: 21.62, tolerance: 0, holds: true }]);
    expect(s.on(173, 'rank').map(brief)).toEqual([{ kind: 'rank', expected: 114, actual: 72, tolerance: 0, holds: true }]);
  });

  it('compares nothing across the parallel systems a) and b) of 3.2, nor across the two PAKN items', () => {
    expect(s.checks.filter((c) => c.kind === 'consistency')).toEqual([]);
  });

  it('fails exactly the checks of 1.852 when it is damaged to 1.352', () => {
    const d = run('000_df22d471c82bd4e0.txt', { line: 103, from: '1.852', to: '1.352' });
    expect(d.on(103, 'sum').map(brief)).toEqual([{ kind: 'sum', expected: 1894, actual: 1394, tolerance: 0, holds: false }]);
    expect(d.failed().length).toBe(s.failed().length + 1);
  });

  it('fails the total and keeps the maximum when a sub-score digit is damaged (21,62 → 21,82)', () => {
    const d = run('000_df22d471c82bd4e0.txt', { line: 179, from: '21,62', to: '21,82' });
    expect(d.on(173, 'score').map((c) => c.holds)).toEqual([true, false]);
    expect(d.on(173, 'score')[1]!.expected).toBe(97.81);
    expect(d.on(179).map((c) => c.holds)).toEqual([true]);
  });

  it('fails a sub-score over its maximum (10/12 → 13/12)', () => {
    const d = run('000_df22d471c82bd4e0.txt', { line: 176, from: '10/12', to: '13/12' });
    expect(d.on(176).map(brief)).toEqual([{ kind: 'score', expected: 12, actual: 13, tolerance: 0, holds: false }]);
  });
});

describe('seed 001 (Thạch Khôi, tháng 02/2026)', () => {
  const s = run('001_226b3a6e67be8d17.txt');

  it('holds everywhere: 4.899 = 4.849 + 0 + 50, 4874 = 4.871 + 01 + 01 + 01, 4.899 = 4874 + 25', () => {
    expect(s.failed()).toEqual([]);
    expect(s.on(27).map((c) => [c.kind, ...s.values(c)])).toEqual([
      ['sum', 4899, 4849, 0, 50],
      ['sum', 4874, 4871, 1, 1, 1],
      ['balance', 4899, 4874, 25],
    ]);
  });

  it('checks 99,98 % against (4874 − 1 late) / 4874, and the rank 19/114', () => {
    expect(brief(s.on(30)[0]!)).toEqual({ kind: 'ratio', expected: 99.979483, actual: 99.98, tolerance: 0.005, holds: true });
    expect(s.values(s.on(30)[0]!)).toEqual([99.98, 4874, 1]);
    expect(s.on(23, 'rank').map(brief)).toEqual([{ kind: 'rank', expected: 114, actual: 19, tolerance: 0, holds: true }]);
  });

  it('fails the balance when the resolved count is damaged (4874 → 4847)', () => {
    const d = run('001_226b3a6e67be8d17.txt', { line: 27, from: '4874', to: '4847' });
    expect(d.on(27).map((c) => [c.kind, c.expected, c.actual, c.holds])).toEqual([
      ['sum', 4899, 4899, true],
      ['sum', 4847, 4874, false],
      ['balance', 4899, 4872, false],
    ]);
  });
});

describe('seed 003 (Hải Phòng, quý I/2026)', () => {
  const s = run('003_4b7321f46e9814a7.txt');

  it('fails 352 TTHC (90,51 %) against 37 TTHC (9,49 %): 352/389 is 90,49 %, though the shares add to 100 %', () => {
    expect(s.on(101).map(brief)).toEqual([
      { kind: 'share', expected: 100, actual: 100, tolerance: 0.01, holds: true },
      { kind: 'ratio', expected: 90.488432, actual: 90.51, tolerance: 0.005, holds: false },
      { kind: 'ratio', expected: 9.511568, actual: 9.49, tolerance: 0.005, holds: false },
    ]);
    expect(s.values(s.on(101)[1]!)).toEqual([90.51, 352, 37]);
  });

  it('holds for 388.364 hồ sơ (90,15 %) and 42.442 hồ sơ (9,85 %)', () => {
    expect(s.on(103).map((c) => [c.kind, c.holds])).toEqual([
      ['share', true],
      ['ratio', true],
      ['ratio', true],
    ]);
  });

  it('sums 1.018 = 111 + 742 + 165, and 2.220 = 1.122 + 1.098 without the 27 information-only TTHC', () => {
    expect(s.on(33).map((c) => [c.kind, c.holds, ...s.values(c)])).toEqual([['sum', true, 1018, 111, 742, 165]]);
    expect(s.on(91).map((c) => [c.kind, c.holds, ...s.values(c)])).toEqual([
      ['sum', true, 2220, 1122, 1098],
      ['sum', true, 847, 346, 501],
    ]);
  });

  it('balances both lines of 7.a) on their own, and nothing fails but the 352/37 shares', () => {
    expect(s.on(59).map((c) => [c.kind, c.holds, ...s.values(c)])).toEqual([
      ['sum', true, 142186, 24385, 117801],
      ['sum', true, 117801, 117138, 663],
      ['balance', true, 142186, 115170, 27016],
    ]);
    expect(s.failed().map((c) => s.lineOf.get(c.figures[0]!))).toEqual([101, 101]);
  });

  it('compares a rate restated in the summary with the body, and fails it when a digit is damaged', () => {
    expect(s.checks.filter((c) => c.kind === 'consistency').map((c) => [...s.values(c), c.holds])).toEqual([
      [93.97, 93.97, true],
      [98.01, 98.01, true],
    ]);
    const d = run('003_4b7321f46e9814a7.txt', { line: 127, from: 'đạt 93,97%', to: 'đạt 93,79%' });
    expect(d.checks.filter((c) => c.kind === 'consistency').map((c) => [...d.values(c), c.holds])).toEqual([
      [93.97, 93.79, false],
      [98.01, 98.01, true],
    ]);
  });

  it('fails the sum and its balance when 117.801 is damaged to 117.301', () => {
    const d = run('003_4b7321f46e9814a7.txt', { line: 59, from: '117.801', to: '117.301' });
    expect(d.on(59).map((c) => [c.kind, c.expected, c.actual, c.holds])).toEqual([
      ['sum', 142186, 141686, false],
      ['sum', 117301, 117801, false],
      ['balance', 142186, 142186, true],
    ]);
  });
});

/** One paragraph under a heading through normalise → segment → extract → validate. */
function checksOf(line: string) {
  const text = normalise(SourceText.fromOriginal(`I. KẾT QUẢ\n\n${line}\n`));
  const outline = segment(text);
  const extraction = extract(outline);
  return { figures: extraction.figures, checks: validate(outline, extraction) };
}

describe('bounds and units as printed', () => {
  it('makes no check on a bound: `trên 1.894 hồ sơ` is not a total its parts must add up to', () => {
    const exact = checksOf('Tổng số hồ sơ tiếp nhận 1.894 hồ sơ, trong đó: 1.852 hồ sơ mới, 42 hồ sơ chuyển qua.');
    expect(exact.checks.map(brief)).toEqual([{ kind: 'sum', expected: 1894, actual: 1894, tolerance: 0, holds: true }]);
    const bound = checksOf('Tổng số hồ sơ tiếp nhận trên 1.894 hồ sơ, trong đó: 1.852 hồ sơ mới, 42 hồ sơ chuyển qua.');
    expect(bound.figures.map((f) => f.comparator)).toEqual(['>', null, null]);
    expect(bound.checks).toEqual([]);
  });

  it('adds parts printed in another unit of the family: 5 tỷ đồng = 2.500 triệu đồng + 2,5 tỷ đồng', () => {
    const { figures, checks } = checksOf('Tổng vốn đầu tư 5 tỷ đồng, trong đó: vốn ngân sách 2.500 triệu đồng, vốn xã hội hóa 2,5 tỷ đồng.');
    expect(figures.map((f) => [f.value, f.unit])).toEqual([[5, 'tỷ đồng'], [2500, 'triệu đồng'], [2.5, 'tỷ đồng']]);
    // each part may be rounded to its last printed digit, in the whole's unit: 0,5 + 0,0005 + 0,05
    expect(checks.map(brief)).toEqual([{ kind: 'sum', expected: 5, actual: 5, tolerance: 0.5505, holds: true }]);
  });
});
