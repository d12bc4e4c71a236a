import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import type { Outline } from '../segment/types.js';
import { SourceText } from '../text/source-text.js';
import { extract } from './index.js';
import type { Figure } from './types.js';

const outlineOf = (lines: string[]) => segment(normalise(SourceText.fromOriginal(lines.join('\n'))));
const cellFigures = (outline: Outline) => extract(outline).figures.filter((f) => f.cell);
const printed = (outline: Outline, f: Figure) => outline.text.text.slice(f.span.start, f.span.end);

const CITY = ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG', '', 'BÁO CÁO', 'Kết quả giải quyết thủ tục hành chính quý I năm 2026', ''];

describe('figures from the cells of a per-commune table', () => {
  const outline = outlineOf([
    ...CITY,
    'Phụ lục I',
    'KẾT QUẢ GIẢI QUYẾT HỒ SƠ CỦA CÁC XÃ, PHƯỜNG QUÝ I NĂM 2026',
    '(Đơn vị tính: hồ sơ)',
    '',
    'STT\tXã, phường\tTiếp nhận\tĐã giải quyết\tGiải quyết trễ hạn\tTỷ lệ giải quyết đúng hạn (%)',
    '1\tXã An Lão\t1.240\t1.200\t12\t99,00',
    '2\tPhường Hồng Bàng\t860\t850\t0\t100',
    'Tổng cộng\t\t2.100\t2.050\t12\t99,41',
  ]);
  const figures = cellFigures(outline);

  it('gives each number its row label as subject, its column as metric, the caption’s unit, and the cell', () => {
    expect(figures).toHaveLength(12);
    const [received, resolved, late, rate] = figures;
    expect([received, resolved, late, rate].map((f) => [f!.kind, f!.value, f!.unit, f!.subject, f!.metric, f!.role])).toEqual([
      ['count', 1240, 'hồ sơ', 'Xã An Lão', 'applications.received', 'actual'],
      ['count', 1200, 'hồ sơ', 'Xã An Lão', 'applications.resolved', 'actual'],
      ['count', 12, 'hồ sơ', 'Xã An Lão', 'applications.resolved.late', 'actual'],
      ['percent', 99, '%', 'Xã An Lão', 'resolution.on_time.rate', 'actual'],
    ]);
    expect(rate!.cell).toEqual({ table: 't1', row: 0, column: 5, path: ['Tỷ lệ giải quyết đúng hạn (%)'], label: 'Xã An Lão' });
    expect(printed(outline, rate!)).toBe('99,00');
    expect(rate!.period).toEqual({ from: '2026-01-01', to: '2026-03-31', text: 'QUÝ I NĂM 2026' });
  });

  it('names the unit of each commune’s row, and none for the total row', () => {
    expect(figures.map((f) => f.subunit ?? null)).toEqual([
      ...Array(4).fill({ level: 'xã', name: 'An Lão' }),
      ...Array(4).fill({ level: 'phường', name: 'Hồng Bàng' }),
      ...Array(4).fill(null),
    ]);
    expect(figures.slice(8).map((f) => [f.cell!.label, f.cell!.column, printed(outline, f)])).toEqual([
      ['Tổng cộng', 2, '2.100'],
      ['Tổng cộng', 3, '2.050'],
      ['Tổng cộng', 4, '12'],
      ['Tổng cộng', 5, '99,41'],
    ]);
  });

  it('reads no figure from the STT column', () => {
    expect(figures.some((f) => f.cell!.column === 0)).toBe(false);
  });
});

describe('a table of units that lists the report’s own unit', () => {
  const outline = outlineOf([
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG THẠCH KHÔI',
    '',
    'BÁO CÁO',
    'Kết quả giải quyết thủ tục hành chính quý I năm 2026',
    '',
    'STT\tĐơn vị\tSố hồ sơ tiếp nhận',
    '1\tPhường Thạch Khôi\t1.204',
    '2\tPhường Tân Hưng\t987',
  ]);

  it('reads a column whose empty cells are dashes as a column of numbers', () => {
    const dashed = outlineOf([...CITY, 'STT\tĐơn vị\tSố hồ sơ giải quyết trễ hạn', '1\tXã An Lão\t-', '2\tXã An Hưng\t-', '3\tXã Kiến Thụy\t2']);
    expect(cellFigures(dashed).map((f) => [f.value, f.subject, f.metric])).toEqual([[2, 'Xã Kiến Thụy', 'applications.resolved.late']]);
  });

  it('keeps the own unit’s row the report’s, the other a sub-unit', () => {
    expect(cellFigures(outline).map((f) => [f.value, f.subunit ?? null])).toEqual([
      [1204, null],
      [987, { level: 'phường', name: 'Tân Hưng' }],
    ]);
  });
});

describe('figures from a table of indicators by plan and result', () => {
  const outline = outlineOf([
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG THẠCH KHÔI',
    '',
    'BÁO CÁO',
    'Kết quả cải cách hành chính quý I năm 2026',
    '',
    'Phụ lục II',
    'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    '',
    'STT\tChỉ tiêu\tKế hoạch năm 2026\tThực hiện quý I năm 2026\tThời gian',
    '1\tTỷ lệ hồ sơ tiếp nhận trực tuyến (%)\t80\t85,5\t2026',
    '2\tTỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (%)\t100\t93,97\t2026',
  ]);
  const figures = cellFigures(outline);

  it('takes the role and period from the column header, the metric and the percent from the row', () => {
    expect(figures.map((f) => [f.value, f.unit, f.metric, f.role, f.period?.from, f.period?.to, f.cell!.path[0]])).toEqual([
      [80, '%', 'online.rate', 'target', '2026-01-01', '2026-12-31', 'Kế hoạch năm 2026'],
      [85.5, '%', 'online.rate', 'actual', '2026-01-01', '2026-03-31', 'Thực hiện quý I năm 2026'],
      [100, '%', 'digitisation.rate', 'target', '2026-01-01', '2026-12-31', 'Kế hoạch năm 2026'],
      [93.97, '%', 'digitisation.rate', 'actual', '2026-01-01', '2026-03-31', 'Thực hiện quý I năm 2026'],
    ]);
  });

  it('reads no figure from the Thời gian column, and names no sub-unit', () => {
    expect(figures.some((f) => f.cell!.column === 4)).toBe(false);
    expect(figures.every((f) => f.subunit === undefined)).toBe(true);
  });
});

describe('a column headed by a bare number of months', () => {
  const outline = outlineOf([
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG THẠCH KHÔI',
    '',
    'Thạch Khôi, ngày 10 tháng 7 năm 2026',
    '',
    'BÁO CÁO',
    'Kết quả cải cách hành chính 6 tháng đầu năm 2026',
    '',
    'STT\tNội dung\tQuý II\t6 tháng',
    '1\tSố hồ sơ tiếp nhận\t412\t820',
  ]);

  it('is the year’s first months, as `6 tháng đầu năm`', () => {
    expect(cellFigures(outline).map((f) => [f.value, f.metric, f.period])).toEqual([
      [412, 'applications.received', { from: '2026-04-01', to: '2026-06-30', text: 'Quý II' }],
      [820, 'applications.received', { from: '2026-01-01', to: '2026-06-30', text: '6 tháng' }],
    ]);
  });
});

describe('figures from a table of indicators with a unit column and a column per year', () => {
  const outline = outlineOf([
    'ỦY BAN NHÂN DÂN',
    'ĐẶC KHU CÁT HẢI',
    '',
    'KẾ HOẠCH',
    'Cải cách hành chính giai đoạn 2026 - 2027',
    '',
    'STT\tChỉ tiêu\tĐVT\tNăm 2026\tNăm 2027',
    '1\tTỷ lệ hồ sơ tiếp nhận trực tuyến\t%\t80\t≥ 85',
    '2\tSố thủ tục hành chính được cắt giảm, đơn giản hóa\tTTHC\t12\t15',
  ]);

  it('takes each row’s unit from the unit column and each column’s year as the period', () => {
    expect(cellFigures(outline).map((f) => [f.value, f.comparator, f.kind, f.unit, f.role, f.period?.from, f.period?.to])).toEqual([
      [80, null, 'percent', '%', 'target', '2026-01-01', '2026-12-31'],
      [85, '≥', 'percent', '%', 'target', '2027-01-01', '2027-12-31'],
      [12, null, 'count', 'TTHC', 'target', '2026-01-01', '2026-12-31'],
      [15, null, 'count', 'TTHC', 'target', '2027-01-01', '2027-12-31'],
    ]);
  });
});

describe('figures under a two-level header (the path as the table reader gives it)', () => {
  const outline = outlineOf([...CITY, 'STT\tĐơn vị\tTổng số\tTrực tuyến\tTrực tiếp', '1\tĐặc khu Cát Hải\t1.894\t1.779\t115']);
  const table = outline.tables[0]!;
  table.columns = [{ path: ['STT'] }, { path: ['Đơn vị'] }, ...['Tổng số', 'Trực tuyến', 'Trực tiếp'].map((t) => ({ path: ['Số hồ sơ tiếp nhận', t] }))];

  it('reads the unit and metric from the whole path', () => {
    expect(cellFigures(outline).map((f) => [f.value, f.unit, f.metric, f.cell!.path, f.subunit])).toEqual([
      [1894, 'hồ sơ', 'applications.received', ['Số hồ sơ tiếp nhận', 'Tổng số'], { level: 'đặc khu', name: 'Cát Hải' }],
      [1779, 'hồ sơ', 'applications.online', ['Số hồ sơ tiếp nhận', 'Trực tuyến'], { level: 'đặc khu', name: 'Cát Hải' }],
      [115, 'hồ sơ', 'applications.offline', ['Số hồ sơ tiếp nhận', 'Trực tiếp'], { level: 'đặc khu', name: 'Cát Hải' }],
    ]);
  });
});
