import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { extract } from './index.js';

const run = (text: string) => extract(segment(normalise(SourceText.fromOriginal(text))));

describe('extract: periods and the figures stated for them', () => {
  it('a running total’s figures point at the lũy kế mention, never at the cùng kỳ they are compared with (reports/06 lines 21-24)', () => {
    const x = run(
      'BÁO CÁO\nTình hình thực hiện nhiệm vụ kinh tế - xã hội quận 5 tháng 10 năm 2018\n\nI. KINH TẾ\n\n' +
        'Giá trị sản xuất ngành thương mại - dịch vụ ước đạt 1.938 tỷ đồng, lũy kế 10 tháng ước đạt 19.331 tỷ đồng, tăng 11,46% so với cùng kỳ.\n',
    );
    const byText = new Map(x.periods.map((p) => [p.text, p]));
    const cumulative = byText.get('lũy kế 10 tháng')!;
    expect([cumulative.role, cumulative.from, cumulative.to]).toEqual(['cumulative', '2018-01-01', '2018-10-31']);
    expect(byText.get('so với cùng kỳ')!.role).toBe('comparison');
    // 1.938 tỷ đồng (the month: no mention before it in its sentence), 19.331 tỷ đồng, 11,46%
    const [, total, change] = x.figures;
    expect([total!.kind, total!.period?.text, total!.periodId]).toEqual(['amount', 'lũy kế 10 tháng', cumulative.id]);
    expect([change!.kind, change!.value, change!.period?.text, change!.periodId]).toEqual(['percent', 11.46, 'lũy kế 10 tháng', cumulative.id]);
  });

  it('seed 000: ids in text order, roles, and figures pointing at the window they are counted over', () => {
    const x = run(readFileSync(new URL('../../fixtures/000_df22d471c82bd4e0.txt', import.meta.url), 'utf8'));
    expect(x.periods.map((p) => p.id).slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
    expect(x.periods.slice(0, 2).map((p) => [p.role, p.from, p.to, p.text])).toEqual([
      ['reporting', '2026-04-01', '2026-04-30', 'tháng 4 năm 2026'],
      ['plan', '2026-05-01', '2026-05-31', 'tháng 5 năm 2026'],
    ]);
    const f = x.figures.find((g) => g.value === 1894)!;
    const p = x.periods.find((m) => m.id === f.periodId)!;
    expect([p.role, p.from, p.to]).toEqual(['reporting', '2026-03-15', '2026-04-14']);
    expect([f.period?.from, f.period?.to]).toEqual([p.from, p.to]);
    // every figure's period id names a mention with the same bounds (a count up to a day: that day)
    for (const g of x.figures.filter((g) => g.periodId)) {
      const m = x.periods.find((q) => q.id === g.periodId)!;
      expect([m.from ?? m.to, m.to]).toEqual([g.period!.from, g.period!.to]);
    }
  });

  it('a count up to a day is stated for that day: the stock on a date, not the report’s month (seed 003 line 91)', () => {
    const x = run(
      'BÁO CÁO\nTình hình thực hiện công tác kiểm soát thủ tục hành chính quý I năm 2026\n\n' +
        'Tính đến cuối năm 2025, thành phố Hải Phòng đã tích hợp 2.220 TTHC cung cấp dịch vụ công trực tuyến trên Cổng Dịch vụ công Quốc gia.\n',
    );
    const asOf = x.periods.find((p) => p.text === 'Tính đến cuối năm 2025')!;
    expect([asOf.role, asOf.from, asOf.to]).toEqual(['cumulative', null, '2025-12-31']);
    const f = x.figures.find((g) => g.value === 2220)!;
    expect([f.period, f.periodId]).toEqual([{ from: '2025-12-31', to: '2025-12-31', text: 'Tính đến cuối năm 2025' }, asOf.id]);
  });
});
