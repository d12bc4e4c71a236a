import { describe, expect, it } from 'vitest';
import { line, seed } from '../../test/seeds.js';
import { documentPeriod, findPeriods } from './periods.js';
import { isoDate, parseDate, smallOrdinal } from './dates.js';

const S000 = seed('000');
const S001 = seed('001');
const S002 = seed('002');
const S003 = seed('003');
const brief = (text: string) => findPeriods(text).map((p) => [p.from, p.to, p.text]);

describe('dates', () => {
  it.each([
    ['23/01/2026', '2026-01-23'],
    ['05/9/2025', '2025-09-05'],
    ['12 tháng 02 năm 2026', '2026-02-12'],
    ['26 tháng 3 năm 2025', '2025-03-26'],
    ['15.3.2026', '2026-03-15'],
    ['31/02/2026', null],
    ['1.894', null],
  ])('%s → %s', (s, want) => {
    expect(parseDate(s)).toBe(want);
  });

  it('validates days and reads quarter numerals', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect([smallOrdinal('I'), smallOrdinal('iv'), smallOrdinal('3'), smallOrdinal('V I')]).toEqual([1, 4, 3, null]);
  });
});

describe('findPeriods', () => {
  it('day range: từ ngày 15/3/2026 đến hết ngày 14/4/2026 (seed 000 line 99)', () => {
    const text = line(S000, 99);
    const [p] = findPeriods(text);
    expect(p).toEqual({
      id: 'p1',
      role: 'reporting',
      from: '2026-03-15',
      to: '2026-04-14',
      text: 'từ ngày 15/3/2026 đến hết ngày 14/4/2026',
      span: { start: text.indexOf('từ ngày'), end: text.indexOf(')') },
    });
  });

  it('tính từ ngày … đến hết ngày … and the sentence’s other words (seed 001 line 27)', () => {
    expect(brief(line(S001, 27))).toEqual([['2026-01-15', '2026-02-14', 'từ ngày 15/01/2026 đến hết ngày 14/02/2026']]);
  });

  it('months: tháng 4/2026 and tháng 5 năm 2026 (seed 000 line 11)', () => {
    expect(brief(line(S000, 11))).toEqual([
      ['2026-04-01', '2026-04-30', 'tháng 4/2026'],
      ['2026-05-01', '2026-05-31', 'tháng 5 năm 2026'],
    ]);
  });

  it('tháng 02 năm 2026 (seed 001 line 9), February of a non-leap year', () => {
    expect(brief(line(S001, 9))).toEqual([['2026-02-01', '2026-02-28', 'tháng 02 năm 2026']]);
  });

  it('quarters: quý I năm 2026 (seed 003 line 9), QUÝ II NĂM 2026 (line 131), quý I/2026', () => {
    expect(brief(line(S003, 9))).toEqual([['2026-01-01', '2026-03-31', 'quý I năm 2026']]);
    expect(brief(line(S003, 131))).toEqual([['2026-04-01', '2026-06-30', 'QUÝ II NĂM 2026']]);
    expect(brief('Báo cáo kết quả kiểm soát TTHC quý I/2026')).toEqual([['2026-01-01', '2026-03-31', 'quý I/2026']]);
  });

  // Seed 004 is OCR output; its line 31 as restoration should give it.
  it('half years: 6 tháng cuối năm 2025 (seed 004 line 31), 6 tháng đầu năm 2025', () => {
    expect(brief('Hải 6 tháng cuối năm 2025;')).toEqual([['2025-07-01', '2025-12-31', '6 tháng cuối năm 2025']]);
    expect(brief('kết quả 6 tháng đầu năm 2025')).toEqual([['2025-01-01', '2025-06-30', '6 tháng đầu năm 2025']]);
  });

  it('stages and years: giai đoạn 2026 - 2030 (seed 002 title), năm 2026, năm 2025 và 2026 (seed 000 line 79)', () => {
    expect(brief(line(S002, 9))).toEqual([['2026-01-01', '2030-12-31', 'giai đoạn 2026 - 2030']]);
    expect(brief(line(S000, 79))).toEqual([['2025-01-01', '2026-12-31', 'năm 2025 và 2026']]);
    expect(brief(line(S000, 23))).toEqual([['2026-01-01', '2026-12-31', 'năm 2026']]);
  });

  it('as of: (tính đến hết ngày 14/4/2026) is the day itself (seed 000 line 171)', () => {
    expect(brief(line(S000, 171))).toEqual([['2026-04-14', '2026-04-14', 'tính đến hết ngày 14/4/2026']]);
    expect(brief(line(S003, 91)).slice(0, 1)).toEqual([['2025-12-31', '2025-12-31', 'Tính đến cuối năm 2025']]);
  });

  it('not periods: the header date, a date inside a reference, from a month to now, a start only', () => {
    expect(findPeriods(line(S000, 5))).toEqual([]); // Cát Hải, ngày tháng 4 năm 2026
    expect(findPeriods(line(S003, 5))).toEqual([]); // Hải Phòng, ngày tháng năm 2026
    // `ngày 12 tháng 02 năm 2026` is the date of Quyết định 282, not February
    expect(brief(line(S002, 45)).map((p) => p[2])).not.toContain('tháng 02 năm 2026');
    expect(findPeriods(line(S003, 149))).toEqual([]); // Từ tháng 01/2026 đến nay
    expect(brief(line(S003, 91)).map((p) => p[2])).toEqual(['Tính đến cuối năm 2025', 'tính đến ngày 14/03/2026']);
    expect(findPeriods('tháng 13/2026, quý V/2026, từ ngày 30/02/2026 đến ngày 14/3/2026')).toEqual([]);
  });
});

describe('documentPeriod', () => {
  const title = (text: string, n: number) => line(text, n).replace(/^#+\s*/, '');

  it('seed 000: the title says April 2026; the body’s window 15/3–14/4 ends in April and wins', () => {
    expect(documentPeriod(title(S000, 9), S000)).toEqual({
      from: '2026-03-15',
      to: '2026-04-14',
      text: 'từ ngày 15/3/2026 đến hết ngày 14/4/2026',
    });
  });

  it('seed 003: quý I năm 2026, counted from 15/12/2025 to 14/3/2026', () => {
    expect(documentPeriod(title(S003, 9), S003)).toEqual({ from: '2025-12-15', to: '2026-03-14', text: 'từ ngày 15/12/2025 đến ngày 14/3/2026' });
  });

  it('seed 001: tháng 02 năm 2026, counted from 15/01 to 14/02', () => {
    expect(documentPeriod(title(S001, 9), S001)).toMatchObject({ from: '2026-01-15', to: '2026-02-14' });
  });

  it('seed 002: a plan for giai đoạn 2026 - 2030 with no window', () => {
    expect(documentPeriod(title(S002, 9), S002)).toEqual({ from: '2026-01-01', to: '2030-12-31', text: 'giai đoạn 2026 - 2030' });
  });

  it('the title alone: the first period (the one reported on), not the next month’s plan', () => {
    expect(documentPeriod(title(S000, 9), '')).toEqual({ from: '2026-04-01', to: '2026-04-30', text: 'tháng 4 năm 2026' });
  });

  it('a window that does not fit the title does not replace it; no title: the body’s window', () => {
    const body = 'Kết quả quý I (từ ngày 01/01/2026 đến hết ngày 31/3/2026): …';
    expect(documentPeriod('Báo cáo kết quả năm 2026', body)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(documentPeriod(null, body)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(documentPeriod(null, 'Không có kỳ báo cáo.')).toBeNull();
  });
});
