import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { documentMarkdown } from './markdown.js';

const markdown = (text: string) => documentMarkdown(segment(normalise(SourceText.fromOriginal(text))));

describe('a document as Markdown', () => {
  it('gives the title, the header lines as printed, headings by the level of each section, items, and a pipe table as a table', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG AN BIÊN',
      '',
      'Số: 12/BC-UBND',
      '',
      'An Biên, ngày 5 tháng 3 năm 2026',
      '',
      'BÁO CÁO',
      '',
      'Kết quả cải cách hành chính tháng 2 năm 2026',
      '',
      'I. KẾT QUẢ',
      '',
      '1. Tiếp nhận hồ sơ',
      '',
      'Trong tháng, phường tiếp nhận 120 hồ sơ, trong đó:',
      '- Trực tuyến: 100 hồ sơ;',
      '- Trực tiếp: 20 hồ sơ.',
      '',
      '| STT | Lĩnh vực | Số hồ sơ |',
      '|---|---|---|',
      '| 1 | Hộ tịch | 80 |',
      '',
      'II. NHIỆM VỤ THÁNG 3',
      '',
      '# Phụ lục',
      '',
    ].join('\n');
    expect(markdown(text)).toBe(
      [
        '# Kết quả cải cách hành chính tháng 2 năm 2026',
        '',
        'ỦY BAN NHÂN DÂN  \nPHƯỜNG AN BIÊN  \nSố: 12/BC-UBND  \nAn Biên, ngày 5 tháng 3 năm 2026  \nBÁO CÁO  \nKết quả cải cách hành chính tháng 2 năm 2026',
        '',
        '## I. KẾT QUẢ',
        '',
        '### 1. Tiếp nhận hồ sơ',
        '',
        'Trong tháng, phường tiếp nhận 120 hồ sơ, trong đó:',
        '',
        '- Trực tuyến: 100 hồ sơ;',
        '',
        '- Trực tiếp: 20 hồ sơ.',
        '',
        '| STT | Lĩnh vực | Số hồ sơ |\n| --- | --- | --- |\n| 1 | Hộ tịch | 80 |',
        '',
        '## II. NHIỆM VỤ THÁNG 3',
        '',
        '## Phụ lục',
        '',
      ].join('\n'),
    );
  });

  it('writes a two-level header as one header line of paths', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HẢI PHÒNG',
      'Số: 45/BC-UBND',
      'Hải Phòng, ngày 5 tháng 4 năm 2026',
      'BÁO CÁO',
      'Kết quả giải quyết thủ tục hành chính quý I năm 2026',
      '',
      'I. KẾT QUẢ',
      '',
      'Phụ lục I',
      '',
      '| STT | Đơn vị | Số hồ sơ tiếp nhận | |',
      '| | | Trực tuyến | Trực tiếp |',
      '|---|---|---|---|',
      '| 1 | Xã An Lão | 120 | 30 |',
      '',
    ].join('\n');
    expect(markdown(text)).toContain(
      '| STT | Đơn vị | Số hồ sơ tiếp nhận / Trực tuyến | Số hồ sơ tiếp nhận / Trực tiếp |\n| --- | --- | --- | --- |\n| 1 | Xã An Lão | 120 | 30 |',
    );
  });
});
