import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import type { Outline } from '../segment/types.js';
import { SourceText } from '../text/source-text.js';
import { validate } from './index.js';

const outlineOf = (lines: string[]) => segment(normalise(SourceText.fromOriginal(lines.join('\n'))));
const HEAD = ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG', '', 'BÁO CÁO', 'Kết quả giải quyết thủ tục hành chính quý I năm 2026', '', 'Phụ lục I', '(Đơn vị tính: hồ sơ)', ''];
const HEADER = 'STT\tXã, phường\tTiếp nhận\tĐã giải quyết\tGiải quyết trễ hạn\tTỷ lệ giải quyết đúng hạn (%)';

function checksOf(outline: Outline) {
  const extraction = extract(outline);
  const value = new Map(extraction.figures.map((f) => [f.id, f.value]));
  return validate(outline, extraction).map((c) => ({ ...c, values: c.figures.map((id) => value.get(id)) }));
}

describe('checks over a table', () => {
  it('checks a total row against the sum of each column, and fails the wrong one with a repair', () => {
    const checks = checksOf(
      outlineOf([...HEAD, HEADER, '1\tXã An Lão\t1.240\t1.200\t12\t99,00', '2\tPhường Hồng Bàng\t860\t850\t0\t100', 'Tổng cộng\t\t2.010\t2.050\t12\t99,41']),
    );
    const sums = checks.filter((c) => c.kind === 'sum');
    expect(sums.map((c) => [c.values, c.expected, c.actual, c.holds])).toEqual([
      [[2010, 1240, 860], 2010, 2100, false],
      [[2050, 1200, 850], 2050, 2050, true],
      [[12, 12, 0], 12, 12, true],
    ]);
    expect(sums[0]!.description).toBe(
      '2010 (f9) ≠ 2100, the sum of the 2 rows of column "Tiếp nhận" (f1, f5): the total row "Tổng cộng"',
    );
    // 2.010 for 2.100: two digits swapped
    expect(sums[0]!.proposals?.[0]).toMatchObject({ figure: 'f9', read: 2010, proposed: 2100, set: 0 });
  });

  it('checks subtotals against their groups and the grand total against the subtotals', () => {
    const checks = checksOf(
      outlineOf([
        ...HEAD,
        'STT\tĐơn vị\tTiếp nhận',
        'I\tKhối phường',
        '1\tPhường Hồng Bàng\t860',
        '2\tPhường Lê Chân\t1.020',
        'Cộng\t\t1.880',
        'II\tKhối xã',
        '3\tXã An Lão\t1.240',
        '4\tXã An Hưng\t905',
        'Cộng\t\t2.145',
        'Tổng cộng\t\t4.025',
      ]),
    );
    expect(checks.filter((c) => c.kind === 'sum').map((c) => [c.values, c.holds])).toEqual([
      [[1880, 860, 1020], true],
      [[2145, 1240, 905], true],
      [[4025, 1880, 2145], true],
    ]);
  });

  it('checks a percentage column against the ratio of its row’s counts', () => {
    const checks = checksOf(outlineOf([...HEAD, HEADER, '1\tXã An Lão\t1.240\t1.200\t12\t98,00', '2\tPhường Hồng Bàng\t860\t850\t0\t100']));
    const ratios = checks.filter((c) => c.kind === 'ratio');
    expect(ratios.map((c) => [c.values, c.expected, c.actual, c.tolerance, c.holds])).toEqual([
      [[98, 1200, 12], 99, 98, 0.005, false],
      [[100, 850, 0], 100, 100, 0, true],
    ]);
    expect(ratios[0]!.description).toBe(
      '98% (f4) does not match (1200 (f2) "Đã giải quyết" − 12 (f3) "Giải quyết trễ hạn") / (1200 (f2) "Đã giải quyết") in row "Xã An Lão" = 99%',
    );
  });

  it('checks a total column against its siblings under one header, as the header path says', () => {
    const outline = outlineOf([...HEAD, 'STT\tĐơn vị\tTổng số\tTrực tuyến\tTrực tiếp', '1\tXã An Lão\t1.240\t1.100\t140', '2\tXã An Hưng\t905\t800\t95']);
    outline.tables[0]!.columns = [{ path: ['STT'] }, { path: ['Đơn vị'] }, ...['Tổng số', 'Trực tuyến', 'Trực tiếp'].map((t) => ({ path: ['Số hồ sơ tiếp nhận', t] }))];
    const sums = checksOf(outline).filter((c) => c.kind === 'sum');
    expect(sums.map((c) => [c.values, c.holds])).toEqual([
      [[1240, 1100, 140], true],
      [[905, 800, 95], false],
    ]);
    expect(sums[1]!.description).toBe(
      '905 (f4) ≠ 800 (f5) "Trực tuyến" + 95 (f6) "Trực tiếp" = 895: the total column "Số hồ sơ tiếp nhận / Tổng số" of row "Xã An Hưng"',
    );
  });
});
