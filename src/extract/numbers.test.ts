import { describe, expect, it } from 'vitest';
import { NUMBER_PATTERN, parseVietnameseNumber } from './numbers.js';

describe('parseVietnameseNumber', () => {
  it('reads the forms of the seed reports', () => {
    expect(parseVietnameseNumber('1.894')).toBe(1894);
    expect(parseVietnameseNumber('4874')).toBe(4874);
    expect(parseVietnameseNumber('93,93')).toBe(93.93);
    expect(parseVietnameseNumber('02')).toBe(2);
    expect(parseVietnameseNumber('142.186')).toBe(142186);
    expect(parseVietnameseNumber('528.134')).toBe(528134);
    expect(parseVietnameseNumber('19,99')).toBe(19.99);
    expect(parseVietnameseNumber('1.894,5')).toBe(1894.5);
  });

  it('refuses what is not Vietnamese notation', () => {
    expect(parseVietnameseNumber('66.7')).toBeNull();
    expect(parseVietnameseNumber('1.5')).toBeNull();
    expect(parseVietnameseNumber('66.7/2025/NQ-CP')).toBeNull();
    expect(parseVietnameseNumber('1.89')).toBeNull();
    expect(parseVietnameseNumber('')).toBeNull();
    expect(parseVietnameseNumber('12a')).toBeNull();
  });
});

describe('NUMBER_PATTERN', () => {
  const tokens = (s: string) => [...s.matchAll(new RegExp(NUMBER_PATTERN, 'gu'))].map((m) => m[0]);
  it('finds whole tokens and never a piece of a document number', () => {
    expect(tokens('đã tiếp nhận 142.186 hồ sơ, trong đó kỳ trước chuyển qua 24.385')).toEqual(['142.186', '24.385']);
    // `2025` is still a token here; dropping document numbers is the refiners' job
    expect(tokens('Nghị quyết số 66.7/2025/NQ-CP')).not.toContain('66');
    expect(tokens('Nghị quyết số 66.7/2025/NQ-CP')).not.toContain('7');
    expect(tokens('tỷ lệ đạt: 93,93%')).toEqual(['93,93']);
    expect(tokens('1.779/1.894 hồ sơ')).toEqual(['1.779', '1.894']);
  });
});
