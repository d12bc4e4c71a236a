import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { validate, type ValidateOptions } from './index.js';
import { decimalsIn, formPrior, numberRead, ocrChannel, proposalsFor, typingChannel, type Readable, type Repairable } from './repair.js';
import type { Check } from './types.js';

/** A seed through normalise → segment → extract → validate, with lines replaced. */
function run(name: string, edits: { line: number; from: string; to: string }[], options: ValidateOptions = {}) {
  const lines = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8').split('\n');
  for (const e of edits) {
    const before = lines[e.line - 1]!;
    lines[e.line - 1] = before.replace(e.from, e.to);
    expect(lines[e.line - 1]).not.toBe(before);
  }
  const text = normalise(SourceText.fromOriginal(lines.join('\n')));
  const outline = segment(text);
  const extraction = extract(outline);
  const checks = validate(outline, extraction, options);
  const lineOf = new Map(extraction.figures.map((f) => [f.id, text.lineOf(text.toOriginal(f.span).start)]));
  const on = (line: number, kind?: Check['kind']) => checks.filter((c) => lineOf.get(c.figures[0]!) === line && (!kind || c.kind === kind));
  const value = new Map(extraction.figures.map((f) => [f.id, f.value]));
  return { checks, on, value: (id: string) => value.get(id) };
}

describe('the OCR channel (measured digit confusions)', () => {
  const ocr = ocrChannel();
  const of = (read: string, text: string) => ocr.alternatives(read).find((a) => a.text === text);

  it('proposes each digit as another, scored by the measured counts: `1.394` read as `1.894`', () => {
    // `3` drawn, `8` read: 40 of 1 152 drawn `8`s... the table's row is by the character drawn:
    // P(read 8 | drawn 3) = 1/(1 158 + 1)/21 (never seen), P(read 8 | drawn 8) = 866/1 153
    const a = of('1.894', '1.394')!;
    expect(a.value).toBe(1394);
    expect(a.ratio).toBeCloseTo(1 / (1159 * 21) / (866 / 1153), 12);
    // `9` drawn and read as `8` was seen 73 times in 1 139
    expect(of('1.884', '1.894')!.ratio).toBeCloseTo(73 / 1140 / (866 / 1153), 12);
  });

  it('takes a trailing digit for a `%` misread (`1007` → `100%`), and none after a printed `%`', () => {
    const a = of('1007', '100%')!;
    expect(a.value).toBe(100);
    // `%` drawn, `7` read: 9 of 1 009
    expect(a.ratio).toBeCloseTo(9 / 1010 / (1077 / 1134), 12);
    expect(a.percent).toBe(true);
    // 100 as a count (`0` drawn, `07` read, never seen) is another reading, kept apart
    expect(of('1007', '100')!.ratio).toBeCloseTo(1 / (914 * 21) / ((811 / 914) * (1077 / 1134)), 12);
    expect(ocr.alternatives('93,93%').every((x) => /^[\d.,]+%$/u.test(x.text))).toBe(true);
  });

  it('restores a dropped digit, a doubled one and a swapped decimal mark', () => {
    // a `0` drawn and read as nothing: 2 of 913
    expect(of('17', '107')!.ratio).toBeCloseTo(2 / 914, 12);
    // `3` drawn, `35` read: 13 times in 1 158
    expect(of('1.835', '1.83')).toBeUndefined(); // `1.83` is no Vietnamese number
    // 83 read as `835`: a `3` read as `35`, and apart from it 83 % with a `%` read as `5` (121 of 1 009)
    expect(of('835', '83')!.ratio).toBeCloseTo(13 / 1159 / ((1045 / 1159) * (1072 / 1168)), 12);
    expect(of('835', '83%')!.ratio).toBeCloseTo(121 / 1010 / (1072 / 1168), 12);
    // `,` drawn and read as `.`: 76 of 684; `1,894` is the decimal 1.894
    const swap = of('1.894', '1,894')!;
    expect(swap.value).toBe(1.894);
    expect(swap.ratio).toBeCloseTo(76 / 685 / (836 / 971), 12);
  });

  it('never proposes the value read, and only numbers', () => {
    const all = ocr.alternatives('02');
    expect(all.some((a) => a.value === 2)).toBe(false);
    expect(all.every((a) => Number.isFinite(a.value))).toBe(true);
    // `02` → `05`: a `5` drawn and read as `2` (26 of 1 167)
    expect(all.find((a) => a.value === 5)!.text).toBe('05');
  });
});

describe('the typing channel (assumed slips)', () => {
  const typing = typingChannel();
  const of = (read: string, text: string) => typing.alternatives(read).find((a) => a.text === text);

  it('prefers a neighbouring key to a far one, and knows transpositions and doubled keys', () => {
    // `5` typed for `2`, a neighbour of 2 (1, 3, 5): 0.005 × 0.4 × 0.8 / 3 over 0.995
    expect(of('1.854', '1.824')!.ratio).toBeCloseTo((0.005 * 0.4 * (0.8 / 3)) / 0.995, 12);
    // `8` typed for `1`: not a neighbour of 1 (0, 2, 4): 0.2 of the substitutions over 6 other keys
    expect(of('1.894', '1.194')!.ratio).toBeCloseTo((0.005 * 0.4 * (0.2 / 6)) / 0.995, 12);
    expect(of('1.894', '1.849')!.ratio).toBeCloseTo((0.005 * 0.15) / 0.995 ** 2, 12);
    // `18944` from `1894`: the `4` struck twice (half the insertions), or a `4` struck after the
    // `9`, not a neighbour of 9 (0, 6, 8)
    expect(of('18944', '1894')!.ratio).toBeCloseTo((0.005 * 0.2 * (0.5 + (0.5 * 0.2) / 6)) / 0.995 ** 2, 12);
  });
});

describe('numberRead', () => {
  it('takes the first number of a figure’s text, with its `%`', () => {
    expect(numberRead('1.779/1.894 hồ sơ')).toBe('1.779');
    expect(numberRead('93,93 %')).toBe('93,93%');
    expect(numberRead('02 PAKN')).toBe('02');
    expect(numberRead('hai hồ sơ')).toBeNull();
  });
});

describe('formPrior', () => {
  it('weighs a candidate by how often the report prints that kind with its decimals', () => {
    // three rates with two decimals and one with three (the misread one)
    const rates = ['93,93', '99,51', '84,62', '90,135'].map((read, i) => ({ id: `f${i}`, kind: 'percent', value: 0, read }));
    const prior = formPrior(rates);
    expect(decimalsIn('90,135%')).toBe(3);
    // P(2 decimals) = (3 + 1)/(4 + 4), P(3 decimals) = (1 + 1)/(4 + 4)
    expect(prior(rates[3]!, '90,15')).toBe(2);
    expect(prior(rates[3]!, '90,155')).toBe(1);
    expect(prior(rates[0]!, '93,9')).toBe(1 / 4);
  });
});

describe('proposalsFor (ranking)', () => {
  // 10 = a + b with a read as 3 where 8 was printed: the OCR channel prefers 8 (seen `8`→`3` 40
  // times) to any change of b or of the total
  const figures = new Map<string, Readable>([
    ['t', { id: 't', value: 10, read: '10' }],
    ['a', { id: 'a', value: 3, read: '3' }],
    ['b', { id: 'b', value: 2, read: '2' }],
  ]);
  const sum = (id: string, ids: string[], holds: boolean): Repairable => ({
    check: { id, kind: 'sum', figures: ids, expected: 0, actual: 0, tolerance: 0, holds, description: '' },
    relation: { recompute: (v) => [v(ids[0]!), ids.slice(1).reduce((s, x) => s + v(x), 0)], holdsWhen: (d, t) => Math.abs(d) <= t },
  });

  it('ranks single changes by likelihood and normalises them', () => {
    const target = sum('c1', ['t', 'a', 'b'], false);
    const out = proposalsFor(target, [target], figures, ocrChannel());
    expect(out[0]).toMatchObject({ figure: 'a', read: 3, proposed: 8, set: 0 });
    // the total 10 cannot become 5 in one confusion
    expect(out.map((p) => `${p.figure}:${p.proposed}`)).toEqual(['a:8', 'b:7']);
    // `8` drawn, `3` read: 40 of 1 152; `7` drawn, `2` read: 20 of 1 133
    const a8 = 40 / 1153 / (1045 / 1159);
    const b7 = 20 / 1134 / (1031 / 1082);
    expect(out[0]!.probability).toBe(Math.round((a8 / (a8 + b7)) * 1e4) / 1e4);
    expect(out.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 3);
  });

  it('leaves out a change that breaks a check that holds', () => {
    // a also takes part in 3 = 3 (held): changing a would break it
    const target = sum('c1', ['t', 'a', 'b'], false);
    const guard: Repairable = {
      check: { id: 'c2', kind: 'consistency', figures: ['a'], expected: 3, actual: 3, tolerance: 0, holds: true, description: '' },
      relation: { recompute: (v) => [3, v('a')], holdsWhen: (d, t) => Math.abs(d) <= t },
    };
    expect(proposalsFor(target, [target, guard], figures, ocrChannel()).map((p) => `${p.figure}:${p.proposed}`)).toEqual(['b:7']);
  });

  it('proposes two changes, sharing a set, when no single one helps', () => {
    // 90 = 3 + 2: no single confusion closes a gap of 85
    const wide = new Map(figures).set('t', { id: 't', value: 90, read: '90' });
    const target = sum('c1', ['t', 'a', 'b'], false);
    const out = proposalsFor(target, [target], wide, ocrChannel());
    expect(out.length).toBeGreaterThan(0);
    const first = out.filter((p) => p.set === 0);
    expect(first).toHaveLength(2);
    expect(first[0]!.probability).toBe(first[1]!.probability);
  });

  it('gives none to a check that holds', () => {
    const target = sum('c1', ['t', 'a', 'b'], true);
    expect(proposalsFor(target, [target], figures, ocrChannel())).toEqual([]);
  });
});

describe('proposals on real lines', () => {
  const SEED = '000_df22d471c82bd4e0.txt';

  it('a sum of seed 000 line 103 with `1.852` misread as `1.857` gets 1.852 back first', () => {
    const d = run(SEED, [{ line: 103, from: '1.852', to: '1.857' }], { channel: 'ocr' });
    const [sum] = d.on(103, 'sum');
    expect(sum!.holds).toBe(false);
    const first = sum!.proposals!.filter((p) => p.set === 0);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ read: 1857, proposed: 1852 });
    expect(d.value(first[0]!.figure)).toBe(1857);
  });

  it('the scan of seed 000 reads `100%` on line 105 as `1007`, a fifth part of the sum: it is proposed as 100 %', () => {
    const d = run(SEED, [{ line: 105, from: 'đúng hạn: 100%.', to: 'đúng hạn: 1007.' }], { channel: 'ocr' });
    const [sum] = d.on(105, 'sum');
    expect([sum!.expected, sum!.actual, sum!.holds]).toEqual([1725, 2732, false]);
    expect(sum!.proposals![0]).toMatchObject({ read: 1007, proposed: 100, unit: '%', set: 0 });
    expect(sum!.proposals!.filter((p) => p.set === 0)).toHaveLength(1);
  });

  it('a rate of seed 000 line 119 misread `93,93%` → `98,93%` gets 93,93 back first', () => {
    const d = run(SEED, [{ line: 119, from: '93,93%', to: '98,93%' }], { channel: 'ocr' });
    const [rate] = d.on(119, 'ratio');
    expect(rate!.holds).toBe(false);
    expect(rate!.proposals![0]).toMatchObject({ read: 98.93, proposed: 93.93, set: 0 });
  });

  it('a slip typed in seed 001 (`4.849` → `4.489`, transposed) is proposed back first', () => {
    const d = run('001_226b3a6e67be8d17.txt', [{ line: 27, from: '4.849', to: '4.489' }]);
    const failed = d.checks.filter((c) => !c.holds);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) expect(c.proposals![0]).toMatchObject({ read: 4489, proposed: 4849, set: 0 });
  });

  it('gives no proposals to the checks that hold', () => {
    const d = run(SEED, [], { channel: 'ocr' });
    const holding = d.checks.filter((c) => c.holds);
    expect(holding.length).toBe(30);
    expect(holding.filter((c) => 'proposals' in c)).toEqual([]);
  });
});

describe('decimal-aware tolerances on real lines', () => {
  const SEED = '003_4b7321f46e9814a7.txt';

  it('shares rounded to one decimal may add up to 100,1 % (1.809 and 191 of 2.000: 90,45 → 90,5 and 9,55 → 9,6)', () => {
    const d = run(SEED, [
      { line: 101, from: '352 TTHC (đạt tỷ lệ 90,51%)', to: '1.809 TTHC (đạt tỷ lệ 90,5%)' },
      { line: 101, from: '37 TTHC (chiếm tỷ lệ 9,49%)', to: '191 TTHC (chiếm tỷ lệ 9,6%)' },
    ]);
    const checks = d.on(101);
    expect(checks.map((c) => [c.kind, c.actual, c.tolerance, c.holds])).toEqual([
      ['share', 100.1, 0.1, true],
      ['ratio', 90.5, 0.05, true],
      ['ratio', 9.6, 0.05, true],
    ]);
  });

  it('a restated rate agrees with its rounding (93,97 % and 94,0 %), not with another value (93,9 %)', () => {
    const same = run(SEED, [{ line: 127, from: 'toàn thành phố đạt 93,97%', to: 'toàn thành phố đạt 94,0%' }]);
    const c = same.checks.filter((x) => x.kind === 'consistency' && x.actual === 94);
    expect(c.map((x) => [x.expected, x.actual, x.tolerance, x.holds])).toEqual([[93.97, 94, 0.055, true]]);
    const other = run(SEED, [{ line: 127, from: 'toàn thành phố đạt 93,97%', to: 'toàn thành phố đạt 93,9%' }]);
    const d = other.checks.filter((x) => x.kind === 'consistency' && x.actual === 93.9);
    expect(d.map((x) => [x.expected, x.actual, x.tolerance, x.holds])).toEqual([[93.97, 93.9, 0.055, false]]);
  });
});
