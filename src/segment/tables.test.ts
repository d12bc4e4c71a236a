import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { splitLines } from './lines.js';
import { findTables } from './tables.js';

const read = (s: string) => findTables(splitLines(s), () => null).tables;
const paths = (s: string) => read(s)[0]!.columns.map((c) => c.path.join(' / '));

describe('tables: header paths', () => {
  // a merged cell's other places are written empty, as the DOCX and PDF readers write them
  const annex = [
    'Phụ lục I',
    'TT\tĐơn vị\tSố hồ sơ tiếp nhận\t\tSố hồ sơ giải quyết\t\tTỷ lệ đúng hạn (%)',
    '\t\tTrực tuyến\tTrực tiếp\tĐúng hạn\tTrễ hạn\t',
    '(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)',
    '1\tXã An Lư\t1.234\t56\t1.280\t10\t99,2%',
    '2\tPhường Đông Hải\t98\t7\t\t\t',
    'Tổng cộng\t\t1.332\t63\t1.280\t10\t',
  ].join('\n');

  it('reads a two-level header with a numbering row under it', () => {
    expect(paths(annex)).toEqual([
      'TT',
      'Đơn vị',
      'Số hồ sơ tiếp nhận / Trực tuyến',
      'Số hồ sơ tiếp nhận / Trực tiếp',
      'Số hồ sơ giải quyết / Đúng hạn',
      'Số hồ sơ giải quyết / Trễ hạn',
      'Tỷ lệ đúng hạn (%)',
    ]);
    const [t] = read(annex);
    expect(t!.title).toBe('Phụ lục I');
    expect(t!.headerRows!.map((r) => r.cells[0]!.text)).toEqual(['TT', '', '(1)']);
    expect(t!.header!.cells.map((c) => c.text)).toEqual(['', '', 'Trực tuyến', 'Trực tiếp', 'Đúng hạn', 'Trễ hạn', '']);
    const top = t!.headerRows![0]!.cells;
    expect([top[2]!.colSpan, top[3]!.merged, top[0]!.rowSpan, t!.headerRows![1]!.cells[0]!.merged]).toEqual([2, true, 2, true]);
  });

  it('gives each data row its label, a total row its `Tổng cộng` across the two first columns', () => {
    const [t] = read(annex);
    expect(t!.labelColumn).toBe(1);
    expect(t!.rows.map((r) => r.label?.text)).toEqual(['Xã An Lư', 'Phường Đông Hải', 'Tổng cộng']);
    expect(t!.rows[1]!.cells.map((c) => c.text)).toEqual(['2', 'Phường Đông Hải', '98', '7']);
  });

  it('reads the header once when a page break repeats it, and keeps rows under a merged label cell', () => {
    const text = `${annex.split('\n').slice(1, 5).join('\n')}\n\n${annex.split('\n').slice(1, 4).join('\n')}\n\tPhường Tràng Cát\t5\t6\t7\t8\t9%`;
    const [t] = read(text);
    expect(t!.rows.map((r) => r.cells.map((c) => c.text).join('|'))).toEqual([
      '1|Xã An Lư|1.234|56|1.280|10|99,2%',
      '|Phường Tràng Cát|5|6|7|8|9%',
    ]);
  });

  it('takes a year heading as a header, not a figure', () => {
    expect(paths('STT\tChỉ tiêu\t2025\t2026\n1\tTỷ lệ hồ sơ trực tuyến\t80%\t85%')).toEqual(['STT', 'Chỉ tiêu', '2025', '2026']);
  });
});

describe('tables: Markdown pipe tables', () => {
  const md = [
    'Bảng 1. Kết quả giải quyết hồ sơ',
    '',
    '| TT | Đơn vị | Tiếp nhận | Tiếp nhận | Tỷ lệ |',
    '|---|---|:---:|---:|---|',
    '| TT | Đơn vị | Trực tuyến | Trực tiếp | Tỷ lệ |',
    '| 1 | **Xã Việt Hải** | 1.234 | 12 | 12,5% |',
    '| **Tổng cộng** | | 1.234 | 12 | |',
  ].join('\n');

  it('reads a pipe table with a header repeated in every place a merged cell covers', () => {
    const [t] = read(md);
    expect(t!.columns.map((c) => c.path.join(' / '))).toEqual(['TT', 'Đơn vị', 'Tiếp nhận / Trực tuyến', 'Tiếp nhận / Trực tiếp', 'Tỷ lệ']);
    expect(t!.rows.map((r) => r.label?.text)).toEqual(['Xã Việt Hải', 'Tổng cộng']);
  });

  it('points every cell at its characters, emphasis left out', () => {
    const text = SourceText.fromOriginal(md);
    const [t] = read(md);
    for (const row of t!.rows) for (const cell of row.cells) expect(text.slice(cell.span)).toBe(cell.text);
    expect(t!.rows[0]!.cells[4]!.text).toBe('12,5%');
  });
});
