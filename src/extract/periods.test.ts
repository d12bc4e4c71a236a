import { describe, expect, it } from 'vitest';
import { line, seed } from '../../test/seeds.js';
import { documentPeriod, findPeriods, periodsOf } from './periods.js';
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

  it('tính từ ngày … đến hết ngày … and the sentence’s other words; Trong kỳ báo cáo is that window (seed 001 line 27)', () => {
    expect(brief(line(S001, 27))).toEqual([
      ['2026-01-15', '2026-02-14', 'Trong kỳ báo cáo'],
      ['2026-01-15', '2026-02-14', 'từ ngày 15/01/2026 đến hết ngày 14/02/2026'],
    ]);
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

  it('as of: (tính đến hết ngày 14/4/2026) counts up to that day, from a start it does not name (seed 000 line 171)', () => {
    expect(brief(line(S000, 171))).toEqual([[null, '2026-04-14', 'tính đến hết ngày 14/4/2026']]);
    expect(brief(line(S003, 91)).slice(0, 1)).toEqual([[null, '2025-12-31', 'Tính đến cuối năm 2025']]);
  });

  it('not periods: the header date, a date inside a reference, from a month to now (with no document date)', () => {
    expect(findPeriods(line(S000, 5))).toEqual([]); // Cát Hải, ngày tháng 4 năm 2026
    expect(findPeriods(line(S003, 5))).toEqual([]); // Hải Phòng, ngày tháng năm 2026
    // `ngày 12 tháng 02 năm 2026` is the date of Quyết định 282, not February
    expect(brief(line(S002, 45)).map((p) => p[2])).not.toContain('tháng 02 năm 2026');
    expect(findPeriods(line(S003, 149))).toEqual([]); // Từ tháng 01/2026 đến nay
    // `từ tháng 01/2026,` (since January) is a span with an open end, as the guide counts `từ ngày 01 tháng 01 năm 2026`
    expect(brief(line(S003, 91))).toEqual([
      [null, '2025-12-31', 'Tính đến cuối năm 2025'],
      ['2026-01-01', null, 'từ tháng 01/2026'],
      [null, '2026-03-14', 'tính đến ngày 14/03/2026'],
    ]);
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

  it('a title’s window in brackets beside its year, and a title up to now', () => {
    const ctx = { date: { year: 2025, month: 12, day: 5 }, kind: 'BC' };
    expect(documentPeriod('Công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm 2025 (từ ngày 15/12/2024 đến ngày 14/12/2025)', '', ctx)).toMatchObject({
      from: '2024-12-15',
      to: '2025-12-14',
    });
    expect(documentPeriod('Kết quả thực hiện chính quyền địa phương hai cấp từ ngày 01/7/2025 đến nay', '', ctx)).toMatchObject({ from: '2025-07-01', to: '2025-12-05' });
  });

  it('a report’s title with no year looks back: tháng 12 in January is last December; 6 tháng đầu năm is the document’s year', () => {
    const at = (year: number, month: number, day: number) => ({ date: { year, month, day }, kind: 'BC' });
    expect(documentPeriod('Kết quả thực hiện nhiệm vụ tháng 12', '', at(2026, 1, 5))).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(documentPeriod('Kết quả thực hiện nhiệm vụ quý IV', '', at(2026, 1, 10))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(documentPeriod('Sơ kết 6 tháng đầu năm', '', at(2025, 7, 5))).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
    // and the body’s months follow it
    const body = periodsOf('Kết quả thực hiện nhiệm vụ tháng 12', 'Trong tháng 12, tiếp nhận 120 hồ sơ, tăng 5% so với cùng kỳ.', at(2026, 1, 5));
    expect(body.periods.map((p) => [p.role, p.from, p.to])).toEqual([
      ['reporting', '2025-12-01', '2025-12-31'],
      ['comparison', '2024-12-01', '2024-12-31'],
    ]);
  });

  it('a report whose title names no period looks back too: Trong tháng 12 in January is last December; Dự kiến tháng 02 is ahead', () => {
    const p = (text: string) =>
      periodsOf('Báo cáo công tác cải cách hành chính', text, { date: { year: 2026, month: 1, day: 5 }, kind: 'BC' }).periods.map((x) => [x.role, x.from, x.to]);
    expect(p('Trong tháng 12, tiếp nhận 120 hồ sơ.')).toEqual([['reporting', '2025-12-01', '2025-12-31']]);
    expect(p('Quý IV, thu ngân sách đạt 50 tỷ đồng.')).toEqual([['reporting', '2025-10-01', '2025-12-31']]);
    expect(p('Dự kiến tháng 02 tổ chức hội nghị.')).toEqual([['plan', '2026-02-01', '2026-02-28']]);
  });

  it('a window that does not fit the title does not replace it; no title: the body’s window', () => {
    const body = 'Kết quả quý I (từ ngày 01/01/2026 đến hết ngày 31/3/2026): …';
    expect(documentPeriod('Báo cáo kết quả năm 2026', body)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(documentPeriod(null, body)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(documentPeriod(null, 'Không có kỳ báo cáo.')).toBeNull();
  });
});

/**
 * Every phrasing of the Periods guide (eval/data/documents/README.md): real lines from the
 * development documents of the shared document set (never the test part) and from the corpus
 * (vi-admin, the shared corpus of 2025 state documents), in, exact role and bounds out. `ctx` is what the header
 * gives: the document's date and kind.
 */
describe('periods with roles', () => {
  const ctx = (year: number, month: number | null, day: number | null, kind: string | null = null) => ({ date: { year, month, day }, kind });
  const roles = (text: string, context = {}, title: string | null = null) =>
    periodsOf(title, text, context).periods.map((p) => [p.role, p.from, p.to, p.text]);

  it('a report: its title month, lũy kế 10 tháng, so với cùng kỳ (the running total a year earlier), giá so sánh 2010 (reports/06)', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI QUẬN 5 THÁNG 10 NĂM 2018';
    const text =
      `BÁO CÁO\n${title}\nI. KINH TẾ:\nGiá trị sản xuất ngành thương mại - dịch\nvụ ước đạt 1.938 tỷ đồng, lũy kế 10 tháng ước đạt 19.331 tỷ đồng, tăng 11,46%\n` +
      'so với cùng kỳ. Giá trị sản xuất ngành công nghiệp - xây dựng ước đạt 683 tỷ đồng\n(giá so sánh 2010), lũy kế 10 tháng ước đạt 6.647 tỷ đồng, tăng 4,01% so với\ncùng kỳ.\n' +
      'Trong tháng, quận đã cấp 115 Giấy chứng\nnhận đăng ký kinh doanh';
    expect(roles(text, ctx(2018, 10, 18, 'BC'), title)).toEqual([
      ['reporting', '2018-10-01', '2018-10-31', 'THÁNG 10 NĂM 2018'],
      ['cumulative', '2018-01-01', '2018-10-31', 'lũy kế 10 tháng'],
      ['comparison', '2017-01-01', '2017-10-31', 'so với cùng kỳ'],
      ['cumulative', '2018-01-01', '2018-10-31', 'lũy kế 10 tháng'],
      ['comparison', '2017-01-01', '2017-10-31', 'so với cùng kỳ'],
      ['reporting', '2018-10-01', '2018-10-31', 'Trong tháng'],
    ]);
  });

  it('cùng kỳ năm 2024 after 09 tháng đầu năm 2025: January to September 2024; dự toán năm 2025 is a plan (070712cd L18-20)', () => {
    const text =
      'Tuy nhiên, theo báo cáo của\nBHXH thành phố Hà Nội, 09 tháng đầu năm 2025 số chi KCB BHYT tại các cơ sở KCB\n' +
      'trên địa bàn tăng rất cao so với cùng kỳ năm 2024, bằng 79,5% dự toán năm 2025\nđược BHXH Việt Nam giao';
    expect(roles(text)).toEqual([
      ['reporting', '2025-01-01', '2025-09-30', '09 tháng đầu năm 2025'],
      ['comparison', '2024-01-01', '2024-09-30', 'so với cùng kỳ năm 2024'],
      ['plan', '2025-01-01', '2025-12-31', 'năm 2025'],
    ]);
  });

  it('cùng kỳ năm trước with no reporting period before it: the document period a year earlier; with none at all, nothing', () => {
    const p = periodsOf('Báo cáo kết quả quý I/2026', 'Số hồ sơ tăng 12% so với cùng kỳ năm trước.', ctx(2026, 3, 20, 'BC')).periods;
    expect(p.map((x) => [x.role, x.from, x.to])).toEqual([['comparison', '2025-01-01', '2025-03-31']]);
    expect(findPeriods('Số hồ sơ tăng 12% so với cùng kỳ.')).toEqual([]);
  });

  it('lũy kế 10 tháng đầu năm (corpus), lũy kế từ đầu năm: of the reporting year', () => {
    const text = 'Hoạt động du lịch với nhiều sản phẩm đa dạng, phong phú, hấp dẫn; lũy kế 10 tháng đầu năm ước đạt 86,7% mục tiêu tăng trưởng năm 2025.';
    expect(roles(text, ctx(2025, 11, 12, 'BC')).slice(0, 1)).toEqual([['cumulative', '2025-01-01', '2025-10-31', 'lũy kế 10 tháng đầu năm']]);
    const p = periodsOf('Báo cáo tháng 10 năm 2025', 'Thu ngân sách lũy kế từ đầu năm đạt 1.200 tỷ đồng.', ctx(2025, 10, 25, 'BC')).periods;
    expect(p.map((x) => [x.role, x.from, x.to])).toEqual([['cumulative', '2025-01-01', '2025-10-31']]);
  });

  it('so với tháng 9/2025 and so với năm 2024 are comparisons', () => {
    expect(roles('Số hồ sơ trực tuyến tháng 10/2025 tăng 5% so với tháng 9/2025.', ctx(2025, 10, 20, 'BC'))).toEqual([
      ['reporting', '2025-10-01', '2025-10-31', 'tháng 10/2025'],
      ['comparison', '2025-09-01', '2025-09-30', 'tháng 9/2025'],
    ]);
    // corpus: cắt giảm 50% thời gian giải quyết thủ tục hành chính … so với năm 2024
    expect(roles('cắt giảm 50% thời gian giải quyết thủ tục hành chính, 50% chi phí tuân thủ thủ tục hành chính so với năm 2024.')).toEqual([
      ['comparison', '2024-01-01', '2024-12-31', 'năm 2024'],
    ]);
  });

  it('6 tháng cuối năm 2025, 9 tháng đầu năm 2022, 06 tháng đầu năm with no year (the document’s)', () => {
    expect(roles('Kế hoạch kiểm soát thủ tục hành chính 6 tháng cuối năm 2025', ctx(2025, 6, 30, 'KH'))).toEqual([
      ['plan', '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025'],
    ]);
    expect(roles('Kết quả thực hiện 9 tháng đầu năm 2022 đạt 75% kế hoạch', ctx(2022, 10, 5, 'BC'))).toEqual([
      ['reporting', '2022-01-01', '2022-09-30', '9 tháng đầu năm 2022'],
    ]);
    // corpus: tăng trưởng GRDP 09 tháng đầu năm đạt 10,22%, vượt kịch bản đề ra
    expect(roles('tăng trưởng GRDP 09 tháng đầu năm đạt 10,22%, vượt kịch bản đề ra', ctx(2025, 10, 15, 'BC'))).toEqual([
      ['reporting', '2025-01-01', '2025-09-30', '09 tháng đầu năm'],
    ]);
  });

  it('giai đoạn 2020 – 2025 (corpus), thời kỳ 2021 - 2030 with tầm nhìn đến năm 2050, giai đoạn 2022 -⏎2025 (c0a2deaf L29-30)', () => {
    expect(roles('nhiệm vụ phát triển kinh tế - xã hội của tỉnh năm 2025 và 05 năm giai đoạn 2020 – 2025.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['plan', '2025-01-01', '2025-12-31', 'năm 2025'],
      ['plan', '2020-01-01', '2025-12-31', 'giai đoạn 2020 – 2025'],
    ]);
    expect(roles('Quy hoạch tổng thể quốc gia thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;')).toEqual([
      ['plan', '2021-01-01', '2030-12-31', 'thời kỳ 2021 - 2030'],
      ['plan', null, '2050-12-31', 'đến năm 2050'],
    ]);
    expect(roles('thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước giai đoạn 2022 -\n2025;*')).toEqual([
      ['plan', '2022-01-01', '2025-12-31', 'giai đoạn 2022 - 2025'],
    ]);
  });

  it('đến năm 2020 in a plan (reports/02 L19), từ nay đến cuối năm (070712cd L150: the document’s year), Năm 2025 và các năm tiếp theo (2f6f80b9 L93)', () => {
    expect(roles('TRIỂN KHAI THỰC HIỆN ĐỀ ÁN CHUYỂN HÓA ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ\nTRẬT TỰ, AN TOÀN XÃ HỘI ĐẾN NĂM 2020 TRÊN ĐỊA BÀN TỈNH', ctx(2017, 8, 17, 'KH'))).toEqual([
      ['plan', null, '2020-12-31', 'ĐẾN NĂM 2020'],
    ]);
    // the document has no date: `nay` (now) names no day, only the year
    expect(roles('- Xây dựng kế hoạch, giải\npháp từ nay đến cuối năm về kiểm soát chặt chẽ chi KCB BHYT', ctx(2025, null, null))).toEqual([
      ['plan', null, '2025-12-31', 'từ nay đến cuối năm'],
    ]);
    expect(roles('- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.', ctx(2025, 11, 18, 'KH'))).toEqual([
      ['plan', '2025-01-01', null, 'Năm 2025 và các năm tiếp theo'],
    ]);
    expect(roles('- Thời gian thực hiện: Quý\nIV năm 2025 và các năm tiếp theo.', ctx(2025, 11, 19, 'KH'))).toEqual([
      ['plan', '2025-10-01', null, 'Quý IV năm 2025 và các năm tiếp theo'],
    ]);
  });

  it('deadlines: trước ngày 31/12/2025 (corpus), chậm nhất ngày 21/11/2025 (cd648cfa L65), Trước ngày 15/11/2025, hoàn thành trong tháng 11 năm 2025 (f08ec790 L151)', () => {
    expect(roles('Thực hiện rà soát, thống kê tất cả các công trình khai thác nước dưới đất trên địa bàn, hoàn thành trước ngày 31/12/2025 và tổng hợp báo cáo')).toEqual([
      ['deadline', null, '2025-12-31', 'trước ngày 31/12/2025'],
    ]);
    expect(roles('trình Chủ tịch UBND tỉnh phê duyệt\nchậm nhất ngày 21/11/2025.**', ctx(2025, 11, 14, 'QĐ'))).toEqual([['deadline', null, '2025-11-21', 'chậm nhất ngày 21/11/2025']]);
    expect(roles('- Thời gian hoàn thành: Trước ngày 15/11/2025.', ctx(2025, 10, 20, 'KH'))).toEqual([['deadline', null, '2025-11-15', 'Trước ngày 15/11/2025']]);
    expect(roles('hoàn thành chậm nhất trước ngày 31/12/2025; xây dựng lại nhà')).toEqual([['deadline', null, '2025-12-31', 'chậm nhất trước ngày 31/12/2025']]);
    expect(roles('giải quyết TTHC *(thời gian hoàn thành trong tháng 11 năm 2025).*', ctx(2025, 11, 10, 'QĐ'))).toEqual([
      ['deadline', '2025-11-01', '2025-11-30', 'tháng 11 năm 2025'],
    ]);
    expect(roles('tổ chức triển khai thực hiện, hoàn thành trong năm 2025.')).toEqual([['deadline', '2025-01-01', '2025-12-31', 'năm 2025']]);
    // `ngay trong` (right within): a deadline too (a National Assembly resolution, corpus)
    expect(roles('khẩn trương hoàn thiện thủ tục đầu tư để thực hiện ngay trong năm 2025.', ctx(2025, 2, 19, 'NQ'))).toEqual([
      ['deadline', '2025-01-01', '2025-12-31', 'năm 2025'],
    ]);
  });

  it('a deadline day with no year: the document’s year, or the next when that would be long past', () => {
    expect(roles('Các đơn vị gửi báo cáo trước ngày 15/12.', ctx(2025, 11, 20, 'CV'))).toEqual([['deadline', null, '2025-12-15', 'trước ngày 15/12']]);
    expect(roles('Các đơn vị gửi báo cáo trước ngày 10/01.', ctx(2025, 12, 20, 'CV'))).toEqual([['deadline', null, '2026-01-10', 'trước ngày 10/01']]);
    // a condition long before the document, not a deadline
    expect(roles('chứng chỉ được cấp trước ngày 01/7/2004', ctx(2025, 11, 20, 'QĐ'))).toEqual([]);
  });

  it('effect: có hiệu lực thi hành kể từ ngày 01/12/2025 (77de0148 L80), … kể từ ngày ký (the document’s date), có hiệu lực đến hết ngày 28/02/2027', () => {
    expect(roles('Quyết định này có hiệu lực thi hành kể từ ngày 01/12/2025.')).toEqual([
      ['effective', '2025-12-01', null, 'có hiệu lực thi hành kể từ ngày 01/12/2025'],
    ]);
    expect(roles('Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.', ctx(2025, 11, 25, 'QĐ'))).toEqual([
      ['effective', '2025-11-25', null, 'có hiệu lực thi hành kể từ ngày ký ban hành'],
    ]);
    expect(roles('Quyết định này có hiệu lực kể từ ngày ký.', ctx(2025, 11, null, 'QĐ'))).toEqual([]); // no day: no date to state
    expect(roles('Quyết định này có hiệu lực thi hành đến hết ngày 28/02/2027')).toEqual([
      ['effective', null, '2027-02-28', 'có hiệu lực thi hành đến hết ngày 28/02/2027'],
    ]);
    expect(roles('b) Xác định lộ trình cụ thể để\nbảo đảm từ ngày 01 tháng 01 năm 2026, Luật Việc làm và các văn bản', ctx(2025, 11, 18, 'KH'))).toEqual([
      ['effective', '2026-01-01', null, 'từ ngày 01 tháng 01 năm 2026'],
    ]);
  });

  it('từ ngày 21/7 đến 20/8/2021: the first date takes the second’s year; từ ngày 01/10 đến ngày 20/11 của năm báo cáo (corpus): the document’s', () => {
    expect(roles('Thời gian thực hiện từ ngày 21/7 đến 20/8/2021.', ctx(2021, 7, 15, 'KH'))).toEqual([
      ['plan', '2021-07-21', '2021-08-20', 'từ ngày 21/7 đến 20/8/2021'],
    ]);
    expect(roles('Đối với số liệu ước tính quý IV năm 2025: là số liệu từ ngày 01/10 đến ngày 20/11 của năm báo cáo', ctx(2025, 11, 5, 'CV'))).toEqual([
      ['reporting', '2025-10-01', '2025-12-31', 'quý IV năm 2025'],
      ['reporting', '2025-10-01', '2025-11-20', 'từ ngày 01/10 đến ngày 20/11'],
    ]);
    // a range across the new year: 15/12 đến 14/3/2026
    expect(roles('Số liệu tính từ ngày 15/12 đến ngày 14/3/2026')).toEqual([['reporting', '2025-12-15', '2026-03-14', 'từ ngày 15/12 đến ngày 14/3/2026']]);
  });

  it('quý I/2025 (corpus), tháng 10 năm 2018, a month whose year follows (tháng 5 và 5 tháng năm 2017, reports/05 title)', () => {
    expect(roles('Báo cáo tiền lương bình quân tháng năm 2024 và quý I/2025 của lao động trong doanh nghiệp', ctx(2025, 6, 1, 'BC'))).toEqual([
      ['reporting', '2024-01-01', '2024-12-31', 'năm 2024'],
      ['reporting', '2025-01-01', '2025-03-31', 'quý I/2025'],
    ]);
    expect(roles('Trong tháng 10 năm 2018, quận đã cấp 115 Giấy chứng nhận', ctx(2018, 10, 18, 'BC'))).toEqual([
      ['reporting', '2018-10-01', '2018-10-31', 'tháng 10 năm 2018'],
    ]);
    const title = 'Báo cáo công tác chỉ đạo điều hành của UBND tỉnh, tình hình KT-XH tháng 5 và 5 tháng năm 2017; nhiệm vụ công tác trọng tâm tháng 6/2017';
    expect(roles(title, { kind: 'BC' }, title)).toEqual([
      ['reporting', '2017-05-01', '2017-05-31', 'tháng 5'],
      ['cumulative', '2017-01-01', '2017-05-31', '5 tháng năm 2017'],
      ['plan', '2017-06-01', '2017-06-30', 'tháng 6/2017'],
    ]);
  });

  it('day ranges with a dash (corpus: (13/11/2025 -19/11/2025), áp dụng từ 01/7/2025-31/12/2026), months with the year once', () => {
    expect(roles('Số liệu tuần (13/11/2025 -19/11/2025)', ctx(2025, 11, 20, 'BC'))).toEqual([['reporting', '2025-11-13', '2025-11-19', '13/11/2025 -19/11/2025']]);
    expect(roles('Thẩm định hồ sơ trang thiết bị y tế: 1.500.000 đồng/01 hồ sơ (áp dụng từ 01/7/2025-31/12/2026)', ctx(2025, 11, 20, 'QĐ'))).toEqual([
      ['effective', '2025-07-01', '2026-12-31', 'từ 01/7/2025-31/12/2026'],
    ]);
    expect(roles('Kết quả từ tháng 01 đến tháng 3/2026 đạt 95%', ctx(2026, 4, 2, 'BC'))).toEqual([['reporting', '2026-01-01', '2026-03-31', 'từ tháng 01 đến tháng 3/2026']]);
  });

  it('from the start of the year: Cộng dồn từ đầu năm đến cuối quý IV năm 2025 (corpus), Tính từ đầu năm đến nay (to the document’s date)', () => {
    expect(roles('Cộng dồn từ đầu năm đến cuối quý IV năm 2025 (Triệu đồng)')).toEqual([
      ['cumulative', '2025-01-01', '2025-12-31', 'Cộng dồn từ đầu năm đến cuối quý IV năm 2025'],
    ]);
    expect(roles('Tính từ đầu năm đến nay, Trung tâm đã tiếp nhận 500 hồ sơ.', ctx(2025, 11, 20, 'BC'))).toEqual([
      ['cumulative', '2025-01-01', '2025-11-20', 'Tính từ đầu năm đến nay'],
    ]);
    expect(roles('Từ đầu năm đến ngày 15/10, đã tiếp nhận 10 hồ sơ. Tính đến ngày 15/10, có 5 hồ sơ.', ctx(2019, 10, 20, 'BC'))).toEqual([
      ['cumulative', '2019-01-01', '2019-10-15', 'Từ đầu năm đến ngày 15/10'],
      ['cumulative', null, '2019-10-15', 'Tính đến ngày 15/10'],
    ]);
  });

  it('so với tháng trước / quý trước / năm trước, tháng liền kề: the unit before the reporting period; tháng trước ngày … is a duration', () => {
    const p = (text: string) => roles(text, ctx(2025, 10, 25, 'BC'), 'Báo cáo tháng 10 năm 2025');
    expect(p('Số hồ sơ tăng 3% so với tháng trước.')).toEqual([['comparison', '2025-09-01', '2025-09-30', 'so với tháng trước']]);
    expect(p('Số hồ sơ tăng 3% so với quý trước.')).toEqual([['comparison', '2025-07-01', '2025-09-30', 'so với quý trước']]);
    expect(p('Số hồ sơ tăng 3% so với năm trước.')).toEqual([['comparison', '2024-01-01', '2024-12-31', 'so với năm trước']]);
    expect(p('có thời gian đóng bảo hiểm 03 tháng trước ngày nộp hồ sơ')).toEqual([]);
    // `liền kề` (the one next to it), `liền trước` (right before), in a report on November
    const november = (text: string) => roles(text, ctx(2025, 11, 25, 'BC'), 'Báo cáo kết quả công tác tháng 11 năm 2025');
    expect(november('Chỉ số giá tiêu dùng tăng 0,3% so với tháng liền kề.')).toEqual([['comparison', '2025-10-01', '2025-10-31', 'so với tháng liền kề']]);
    expect(november('Chỉ số giá tiêu dùng tăng 0,3% so với tháng liền trước.')).toEqual([['comparison', '2025-10-01', '2025-10-31', 'so với tháng liền trước']]);
  });

  it('consumer prices: so với tháng 12 năm trước, so với cùng tháng năm trước / năm 2016; cùng thời gian năm trước is cùng kỳ', () => {
    const p = (text: string) => roles(text, ctx(2017, 7, 15, 'BC'), 'Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2017');
    expect(p('Chỉ số giá tiêu dùng tháng 6 tăng 1,5% so với tháng 12 năm trước.')).toEqual([
      ['reporting', '2017-06-01', '2017-06-30', 'tháng 6'],
      ['comparison', '2016-12-01', '2016-12-31', 'so với tháng 12 năm trước'],
    ]);
    expect(p('Chỉ số giá tiêu dùng tháng 6 tăng 2% so với cùng tháng năm trước.')).toEqual([
      ['reporting', '2017-06-01', '2017-06-30', 'tháng 6'],
      ['comparison', '2016-06-01', '2016-06-30', 'so với cùng tháng năm trước'],
    ]);
    expect(p('Chỉ số giá tiêu dùng tháng 6 tăng 2% so với cùng tháng năm 2016.')[1]).toEqual(['comparison', '2016-06-01', '2016-06-30', 'so với cùng tháng năm 2016']);
    expect(p('Số doanh nghiệp thành lập mới tăng 20% so với cùng thời gian năm trước.')).toEqual([
      ['comparison', '2016-01-01', '2016-06-30', 'so với cùng thời gian năm trước'],
    ]);
    // the same words with no year after them are not a comparison
    expect(p('Trong cùng thời gian, thành phố tổ chức 20 hội nghị.')).toEqual([]);
  });

  it('Trong 6 tháng qua: the reporting period when it is six whole months; Từ đầu năm đến 15/6/2017 without ngày is one span', () => {
    const p = (title: string, text: string) => roles(text, ctx(2017, 7, 15, 'BC'), title);
    expect(p('Báo cáo 6 tháng đầu năm 2017', 'Trong 6 tháng qua, thành phố tổ chức 20 hội nghị.')).toEqual([['reporting', '2017-01-01', '2017-06-30', 'Trong 6 tháng qua']]);
    expect(p('Báo cáo quý II năm 2017', 'Trong 6 tháng qua, thành phố tổ chức 20 hội nghị.')).toEqual([]);
    expect(p('Báo cáo 6 tháng đầu năm 2017', 'Từ đầu năm đến 15/6/2017, giải quyết việc làm cho 150.000 lượt người.')).toEqual([
      ['cumulative', '2017-01-01', '2017-06-15', 'Từ đầu năm đến 15/6/2017'],
    ]);
    expect(p('Báo cáo 6 tháng đầu năm 2017', 'Lũy kế từ đầu năm đến hết tháng 5, giải quyết việc làm cho 150.000 lượt người.')).toEqual([
      ['cumulative', '2017-01-01', '2017-05-31', 'Lũy kế từ đầu năm đến hết tháng 5'],
    ]);
    expect(p('Báo cáo 6 tháng đầu năm 2017', 'Từ đầu năm đến thời điểm báo cáo, tiếp nhận 500 hồ sơ.')).toEqual([
      ['cumulative', '2017-01-01', '2017-07-15', 'Từ đầu năm đến thời điểm báo cáo'],
    ]);
  });

  it('so với kỳ trước (the period before): as long as the reporting period, right before it; so với năm ngoái is năm trước', () => {
    const p = (title: string, text: string) => roles(text, ctx(2025, 11, 20, 'BC'), title);
    expect(p('Báo cáo 6 tháng đầu năm 2025', 'Thu ngân sách tăng 4% so với kỳ trước.')).toEqual([['comparison', '2024-07-01', '2024-12-31', 'so với kỳ trước']]);
    expect(p('Báo cáo tuần', 'Từ ngày 13/11/2025 đến ngày 19/11/2025, tiếp nhận 5 hồ sơ, tăng 2 hồ sơ so với kỳ trước.')).toEqual([
      ['reporting', '2025-11-13', '2025-11-19', 'Từ ngày 13/11/2025 đến ngày 19/11/2025'],
      ['comparison', '2025-11-06', '2025-11-12', 'so với kỳ trước'],
    ]);
    expect(p('Báo cáo tháng 10 năm 2025', 'Xảy ra 3 vụ cháy, so với năm ngoái giảm 2 vụ.')).toEqual([['comparison', '2024-01-01', '2024-12-31', 'so với năm ngoái']]);
    expect(p('Báo cáo tháng 10 năm 2025', 'Tiếp nhận 50 hồ sơ, tăng 15% so với kỳ báo cáo trước.')).toEqual([
      ['comparison', '2025-09-01', '2025-09-30', 'so với kỳ báo cáo trước'],
    ]);
  });

  it('a running total up to a month with no year: Luỹ kế đến hết tháng 10 (the reporting year), never a yearly rule', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'BC'), 'Báo cáo kết quả thu ngân sách tháng 11 năm 2025');
    expect(p('Luỹ kế đến hết tháng 10, thu 40 tỷ đồng.')).toEqual([['cumulative', null, '2025-10-31', 'đến hết tháng 10']]);
    expect(p('Số lượt khách đến cuối tháng 10 đạt 12.000 lượt.')).toEqual([['reporting', null, '2025-10-31', 'đến cuối tháng 10']]);
    // a month with its year is the dated rule's (`đến hết tháng 10/2025`); a yearly rule is none
    expect(p('Nộp báo cáo đến hết tháng 10 hằng năm.')).toEqual([]);
  });

  it("a plan's title names the year of its months and quarters with no year: quý I of a 2026 plan dated December 2025", () => {
    const p = (text: string) => periodsOf('Kế hoạch tuyên truyền, phổ biến pháp luật năm 2026', text, ctx(2025, 12, 10, 'KH')).periods.map((x) => [x.from, x.to, x.text]);
    expect(p('Tổ chức hội nghị sơ kết trong quý I.')).toEqual([['2026-01-01', '2026-03-31', 'quý I']]);
    expect(p('Tổ chức vào tháng 3 để tổng kết.')).toEqual([['2026-03-01', '2026-03-31', 'tháng 3']]);
  });

  it('a plan with no year in its title: a quarter due or planned that ended months before it was signed is next year’s', () => {
    const p = (text: string) => periodsOf('Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân', text, ctx(2025, 12, 10, 'KH')).periods.map((x) => [x.role, x.from, x.to]);
    expect(p('Các đơn vị hoàn thành trong quý I.')).toEqual([['deadline', '2026-01-01', '2026-03-31']]);
    // the results it looks back on stay in their year
    expect(p('Kết quả quý III: đã tổ chức 5 hội nghị.')).toEqual([['reporting', '2025-07-01', '2025-09-30']]);
  });

  it('a decision or letter looks ahead too: a month due with no year that ended months before it is next year’s; a report’s stays', () => {
    const p = (kind: string, text: string) => findPeriods(text, ctx(2025, 11, 20, kind)).map((x) => [x.role, x.from, x.to]);
    expect(p('CV', 'Các xã hoàn thành trong tháng 01 để kịp trình Hội đồng nhân dân.')).toEqual([['deadline', '2026-01-01', '2026-01-31']]);
    expect(p('QĐ', 'Thời gian hoàn thành: quý I.')).toEqual([['deadline', '2026-01-01', '2026-03-31']]);
    // a report recounts: its deadline of January may be the one just past
    expect(p('BC', 'Các xã hoàn thành trong tháng 01 để kịp trình Hội đồng nhân dân.')).toEqual([['deadline', '2025-01-01', '2025-01-31']]);
  });

  it('từ ngày 01/12 đến ngày 31/01 with no year: the winter nearest the document’s date', () => {
    const p = (date: [number, number, number], kind: string, text: string) => findPeriods(text, ctx(...date, kind)).map((x) => [x.from, x.to]);
    // a notice of November: the coming winter
    expect(p([2025, 11, 20], 'TB', 'Cao điểm phòng chống cháy rừng từ ngày 01/12 đến ngày 31/01.')).toEqual([['2025-12-01', '2026-01-31']]);
    // a report of January: the one just past
    expect(p([2026, 1, 20], 'BC', 'Số liệu tính từ ngày 15/12 đến ngày 14/01.')).toEqual([['2025-12-15', '2026-01-14']]);
  });

  it('so với tháng 8 / quý II with no year: the latest such month or quarter before the reporting period ends', () => {
    const p = (title: string, text: string, date: [number, number, number]) =>
      periodsOf(title, text, ctx(...date, 'BC')).periods.filter((x) => x.role === 'comparison').map((x) => [x.from, x.to, x.text]);
    expect(p('Báo cáo tháng 10 năm 2025', 'Số hồ sơ tăng 3% so với tháng 9.', [2025, 10, 25])).toEqual([['2025-09-01', '2025-09-30', 'so với tháng 9']]);
    expect(p('Báo cáo quý III năm 2025', 'Thu ngân sách tăng 5% so với quý II, đạt 80%.', [2025, 10, 5])).toEqual([['2025-04-01', '2025-06-30', 'so với quý II']]);
    expect(p('Báo cáo tháng 01 năm 2026', 'Số hồ sơ giảm 2% so với tháng 12.', [2026, 1, 25])).toEqual([['2025-12-01', '2025-12-31', 'so với tháng 12']]);
    expect(p('Báo cáo tháng 10 năm 2025', 'Số hồ sơ tăng 3% so với tháng 9/2025.', [2025, 10, 25])).toEqual([['2025-09-01', '2025-09-30', 'tháng 9/2025']]);
  });

  it('spans with both ends after kể từ / có hiệu lực (corpus), and Giai đoạn 2026-2030 và những năm tiếp theo (open end)', () => {
    expect(roles('b) Kể từ ngày 01 tháng 01 năm 2028 đến hết ngày 31 tháng 12 năm 2029: Thực hiện vùng phát thải thấp', ctx(2025, 11, 20, 'QĐ'))).toEqual([
      ['plan', '2028-01-01', '2029-12-31', 'Kể từ ngày 01 tháng 01 năm 2028 đến hết ngày 31 tháng 12 năm 2029'],
    ]);
    expect(roles('Xem chi tiết thủ tục tại Quyết định 3303/QĐ-BTP có hiệu lực từ ngày 01/7/2025 đến hết ngày 31/12/2026.')).toEqual([
      ['effective', '2025-07-01', '2026-12-31', 'có hiệu lực từ ngày 01/7/2025 đến hết ngày 31/12/2026'],
    ]);
    expect(roles('Thời gian thực hiện: Giai đoạn 2026-2030 và những năm tiếp theo.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['plan', '2026-01-01', null, 'Giai đoạn 2026-2030 và những năm tiếp theo'],
    ]);
  });

  it('days and months with no year that recur every year name no period (corpus)', () => {
    for (const text of [
      'Hàng năm, trước ngày 25 tháng 12, các cơ quan, đơn vị chủ trì',
      'thời gian ban hành trước ngày 30 tháng 12 năm trước của năm kế hoạch',
      'cấm sử dụng các thiết bị từ 0h đến 6h sáng trong khoảng thời gian các tháng 10, 11, 12, 1, 2 và 3 hàng năm',
    ]) {
      expect([text, roles(text, ctx(2025, 11, 20, 'QĐ'))]).toEqual([text, []]);
    }
  });

  it('a report on the first half whose title names the year once, at its end', () => {
    const title = 'Kết quả thực hiện nhiệm vụ 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2019';
    const text = `BÁO CÁO\n${title}\nI. KẾT QUẢ\nTrong 6 tháng đầu năm, doanh thu tăng 5% so với cùng kỳ.`;
    const r = periodsOf(title, text, ctx(2019, 6, 20, 'BC'));
    expect(r.documentPeriod).toEqual({ from: '2019-01-01', to: '2019-06-30', text: '6 tháng đầu năm' });
    expect(r.periods.map((p) => [p.role, p.from, p.to, p.text])).toEqual([
      ['reporting', '2019-01-01', '2019-06-30', '6 tháng đầu năm'],
      ['plan', '2019-07-01', '2019-12-31', '6 tháng cuối năm 2019'],
      ['reporting', '2019-01-01', '2019-06-30', '6 tháng đầu năm'],
      ['comparison', '2018-01-01', '2018-06-30', 'so với cùng kỳ'],
    ]);
  });

  it('từ năm 2016 đến nay: to the document’s date (other); with no document date, nothing', () => {
    expect(roles('Từ năm 2016 đến nay, toàn tỉnh đã xây dựng 120 công trình.', ctx(2025, 11, 20, 'BC'))).toEqual([['other', '2016-01-01', '2025-11-20', 'Từ năm 2016 đến nay']]);
    expect(roles('Từ năm 2016 đến nay, toàn tỉnh đã xây dựng 120 công trình.')).toEqual([]);
  });

  it('Từ 11/2025 đến 6/2026: months written bare after từ are one span, not an open start', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'KH'));
    expect(p('Thời gian thực hiện: Từ 11/2025 đến 6/2026.')).toEqual([['plan', '2025-11-01', '2026-06-30', 'Từ 11/2025 đến 6/2026']]);
    expect(p('Triển khai từ 11/2025 - tháng 6/2026.')).toEqual([['plan', '2025-11-01', '2026-06-30', 'từ 11/2025 - tháng 6/2026']]);
  });

  it('a span between units of two sizes is one span: từ ngày 05/12/2025 đến hết tháng 6/2026, từ quý IV/2025 - năm 2027', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'KH'));
    expect(p('Triển khai từ ngày 05/12/2025 đến hết tháng 6/2026.')).toEqual([['plan', '2025-12-05', '2026-06-30', 'từ ngày 05/12/2025 đến hết tháng 6/2026']]);
    expect(p('Thực hiện từ tháng 12 năm 2025 đến ngày 15 tháng 6 năm 2026.')).toEqual([['plan', '2025-12-01', '2026-06-15', 'từ tháng 12 năm 2025 đến ngày 15 tháng 6 năm 2026']]);
    expect(p('Thời gian thực hiện: từ quý IV/2025 - năm 2027.')).toEqual([['plan', '2025-10-01', '2027-12-31', 'từ quý IV/2025 - năm 2027']]);
    expect(p('Duy trì từ năm 2025 đến 2027.')).toEqual([['plan', '2025-01-01', '2027-12-31', 'từ năm 2025 đến 2027']]);
    // after a time label `từ` may be left out, two days too; the label gives the role
    expect(p('Thời gian hoàn thành: ngày 05/12/2025 đến ngày 15/01/2026.')).toEqual([['deadline', '2025-12-05', '2026-01-15', 'ngày 05/12/2025 đến ngày 15/01/2026']]);
    // a bare year ending it must end its clause: `đến 2027 người` counts people
    expect(p('Số người tham gia tăng từ tháng 12/2025 đến 2027 người.')).toEqual([['plan', '2025-12-01', null, 'từ tháng 12/2025']]);
  });

  it('a bare month after a deadline’s words or any time label: chậm nhất 12/2025, Thời hạn nộp: 12/2025, trước 12/2025', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'CV'));
    expect(p('Hoàn thành chậm nhất 12/2025.')).toEqual([['deadline', '2025-12-01', '2025-12-31', '12/2025']]);
    expect(p('Thời hạn nộp: 12/2025.')).toEqual([['deadline', '2025-12-01', '2025-12-31', '12/2025']]);
    expect(p('Thời điểm hoàn thành: 6/2026.')).toEqual([['deadline', '2026-06-01', '2026-06-30', '6/2026']]);
    expect(p('Hoàn thành xong trước 12/2025.')).toEqual([['deadline', null, '2025-11-30', 'trước 12/2025']]);
  });

  it('9 tháng năm nay: this year’s first nine months, not the whole year', () => {
    const p = (text: string) =>
      periodsOf('Báo cáo tình hình kinh tế - xã hội tháng 11 năm 2025', text, ctx(2025, 11, 25, 'BC')).periods.map((x) => [x.from, x.to, x.text]);
    expect(p('Tổng thu ngân sách 9 tháng năm nay ước đạt 50 tỷ đồng.')).toEqual([['2025-01-01', '2025-09-30', '9 tháng năm nay']]);
  });

  it('tới says đến: định hướng tới năm 2045 (a document of the pool), Duy trì thực hiện tới ngày 31/12/2026, cho tới 6/2026', () => {
    const p = (text: string) => findPeriods(text, ctx(2025, 11, 20, 'KH')).map((x) => [x.from, x.to, x.text]);
    expect(p('Phát triển công nghệ cao giai đoạn 2025-2035 và định hướng tới năm 2045 của tỉnh.')).toEqual([
      ['2025-01-01', '2035-12-31', 'giai đoạn 2025-2035'],
      [null, '2045-12-31', 'tới năm 2045'],
    ]);
    expect(p('Duy trì thực hiện tới ngày 31/12/2026.')).toEqual([[null, '2026-12-31', 'tới ngày 31/12/2026']]);
    expect(p('Duy trì thực hiện cho tới 6/2026.')).toEqual([[null, '2026-06-30', 'cho tới 6/2026']]);
  });

  it('a notice’s window from its own day: Từ ngày ra thông báo đến 17h00 ngày 15/12/2025; đến 17h00 ngày … alone', () => {
    const p = (text: string) => findPeriods(text, ctx(2025, 11, 20, 'TB')).map((x) => [x.from, x.to, x.text]);
    expect(p('Thời gian nhận hồ sơ: Từ ngày ra thông báo đến 17h00 ngày 15/12/2025.')).toEqual([
      ['2025-11-20', '2025-12-15', 'Từ ngày ra thông báo đến 17h00 ngày 15/12/2025'],
    ]);
    expect(p('Tiếp nhận hồ sơ từ ngày đăng tải thông báo đến hết ngày 15/12/2025.')).toEqual([
      ['2025-11-20', '2025-12-15', 'từ ngày đăng tải thông báo đến hết ngày 15/12/2025'],
    ]);
    expect(p('Nhận hồ sơ đến 16 giờ 30 ngày 15/12/2025.')).toEqual([[null, '2025-12-15', 'đến 16 giờ 30 ngày 15/12/2025']]);
  });

  it('a month’s or quarter’s year after a comma or của: tháng 12, năm 2025; quý IV của năm 2025 (one span, not the month and the whole year)', () => {
    const p = (text: string) => findPeriods(text, ctx(2025, 11, 20, 'KH')).map((x) => [x.from, x.to, x.text]);
    expect(p('Tổ chức thực hiện trong tháng 12, năm 2025.')).toEqual([['2025-12-01', '2025-12-31', 'tháng 12, năm 2025']]);
    expect(p('Hoàn thành vào quý IV của năm 2025.')).toEqual([['2025-10-01', '2025-12-31', 'quý IV của năm 2025']]);
  });

  it('so alone for so với: giảm 3,2% so tháng trước, tăng 5% so kỳ trước', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 25, 'BC'), 'Báo cáo tình hình kinh tế - xã hội tháng 11 năm 2025');
    expect(p('Thu ngân sách giảm 3,2% so tháng trước.')).toEqual([['comparison', '2025-10-01', '2025-10-31', 'so tháng trước']]);
    expect(p('Số hồ sơ tăng 5% so kỳ trước.')).toEqual([['comparison', '2025-10-01', '2025-10-31', 'so kỳ trước']]);
  });

  it('a span to now without từ or with a gloss: giai đoạn 2020 – nay, (2021 - nay), Từ ngày 01/7/2025 (…) đến nay', () => {
    const c = ctx(2025, 11, 20, 'BC');
    expect(roles('Giai đoạn 2020 – nay, xã đã xây dựng 50 nhà đại đoàn kết.', c)).toEqual([['other', '2020-01-01', '2025-11-20', 'Giai đoạn 2020 – nay']]);
    expect(roles('Tỷ lệ hộ nghèo giảm đều qua các năm (2021 - nay).', c)).toEqual([['other', '2021-01-01', '2025-11-20', '2021 - nay']]);
    expect(roles('Từ ngày 01/7/2025 (thời điểm vận hành chính quyền địa phương 2 cấp) đến nay, xã đã tiếp nhận 500 hồ sơ.', c)).toEqual([
      ['other', '2025-07-01', '2025-11-20', 'Từ ngày 01/7/2025 (thời điểm vận hành chính quyền địa phương 2 cấp) đến nay'],
    ]);
  });

  it('Từ đầu năm, … opening a sentence is the running total; chỉ tiêu … giao từ đầu năm, … (corpus) is when they were given', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'BC'), 'Báo cáo kết quả thực hiện nhiệm vụ tháng 11 năm 2025');
    expect(p('Từ đầu năm, toàn xã tiếp nhận 300 hồ sơ.')).toEqual([['cumulative', '2025-01-01', '2025-11-30', 'Từ đầu năm']]);
    expect(p('Rà soát các chỉ tiêu phát triển kinh tế - xã hội đã được Hội đồng nhân dân tỉnh giao từ đầu năm, phấn đấu hoàn thành.')).toEqual([]);
  });

  it('từ ngày 01/7 đến nay: a day with no year is of the reporting year, or the year before when still ahead (corpus)', () => {
    const line = 'Ý kiến của Ủy ban nhân dân thành phố Đà Nẵng (từ ngày 01/7 đến nay) và ý kiến của các đồng chí tham dự';
    expect(roles(line, ctx(2025, 11, 20, 'BC'))).toEqual([['other', '2025-07-01', '2025-11-20', 'từ ngày 01/7 đến nay']]);
    expect(roles('Từ 25/12 đến nay, đã tiếp nhận 120 hồ sơ.', ctx(2025, 11, 20, 'BC'))).toEqual([['other', '2024-12-25', '2025-11-20', 'Từ 25/12 đến nay']]);
  });

  it('từ nay (from now): the document’s date, or the date of the document cited in the sentence (689f49d2 L38-41, corpus)', () => {
    const cited =
      'Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của\nBan Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\ntỉnh ban hành Chương trình công tác của Ban Chỉ đạo tỉnh về phát triển khoa học,\ncông nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Đồng Tháp từ nay đến cuối năm\n2025;';
    expect(roles(cited, ctx(2025, 11, 27, 'KH'))).toEqual([['plan', '2025-08-13', '2025-12-31', 'từ nay đến cuối năm 2025']]);
    expect(roles('b) Thời gian hỗ trợ: Từ nay đến hết ngày 31 tháng 12 năm 2025.', ctx(2025, 11, 20, 'QĐ'))).toEqual([
      ['plan', '2025-11-20', '2025-12-31', 'Từ nay đến hết ngày 31 tháng 12 năm 2025'],
    ]);
    expect(roles('2. Về nhiệm vụ trọng tâm từ nay đến tháng 6/2027', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['plan', '2025-11-20', '2027-06-30', 'từ nay đến tháng 6/2027'],
    ]);
  });

  it('from when this decision takes effect: hết hiệu lực kể từ ngày Quyết định này có hiệu lực (44bc41ec L100, d71b3a48 L66, e4fe6376 L87)', () => {
    const repeal =
      'Quyết định này có hiệu lực thi hành kể từ ngày 28 tháng 11 năm 2025.\n2. Quyết định số\n27/2024/QĐ-UBND ngày 20 tháng 11 năm 2024 của Ủy ban nhân dân thành phố Cần Thơ\nquy định danh mục tài sản cố định đặc thù hết hiệu lực thi hành kể\ntừ ngày Quyết định này có hiệu lực thi hành.';
    expect(roles(repeal, ctx(2025, 11, 17, 'QĐ')).map((r) => r.slice(0, 3))).toEqual([
      ['effective', '2025-11-28', null],
      ['effective', '2025-11-28', null],
    ]);
    // the decision takes effect on signing, said at its end
    const delegation =
      '**Điều 2. **Thời hạn ủy\nquyền: Kể từ ngày Quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm\n2027, trừ trường hợp quy định của pháp luật về nội dung liên quan có thay đổi.\n' +
      '**Điều 4. **Chánh Văn\nphòng Ủy ban nhân dân thành phố, các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này kể từ\nngày ký./.';
    expect(roles(delegation, ctx(2025, 11, 21, 'QĐ'))).toEqual([
      ['effective', '2025-11-21', '2027-02-28', 'Kể từ ngày Quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm 2027'],
      ['effective', '2025-11-21', null, 'kể từ ngày ký'],
    ]);
    // a resolution of a council speaks of itself the same way; another document's effect is not this one's
    const council =
      'Nghị quyết này có hiệu lực thi hành kể từ ngày 01/12/2025. Các Nghị quyết sau hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành. ' +
      'Người chơi casino kể từ ngày Nghị quyết 08/2025/NQ-CP có hiệu lực thi hành.';
    expect(roles(council, ctx(2025, 11, 20, 'NQ')).map((r) => r.slice(1))).toEqual([
      ['2025-12-01', null, 'có hiệu lực thi hành kể từ ngày 01/12/2025'],
      ['2025-12-01', null, 'kể từ ngày Nghị quyết này có hiệu lực thi hành'],
    ]);
    // no clause says when it takes effect: nothing to resolve against
    expect(roles('Các Quyết định sau hết hiệu lực kể từ ngày Quyết định này có hiệu lực.', ctx(2025, 11, 21, 'QĐ'))).toEqual([]);
    // a duration counted from an event is not a period
    expect(roles('Hoàn thành xong trong thời hạn 03 ngày làm việc, kể từ ngày Quyết định có hiệu lực thi hành.', ctx(2025, 11, 21, 'QĐ'))).toEqual([]);
    expect(roles('Thời gian thực hiện: …… tháng (kể từ ngày ký hợp đồng).', ctx(2025, 11, 21, 'QĐ'))).toEqual([]);
  });

  it('a start without ngày: Thời gian thực hiện: Từ 01/7/2025 (09daab28 L274-275)', () => {
    expect(roles('*Thời gian thực hiện: *Từ\n01/7/2025.', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1))).toEqual([['2025-07-01', null, 'Từ 01/7/2025']]);
  });

  it('months and quarters joined by a dash or đến, the year once (corpus: Thời gian hoàn thành: Tháng 11 - 12/2025; the label gives the role)', () => {
    expect(roles('- Phối hợp với các cơ quan liên quan. Thời gian hoàn thành: Tháng 11 - 12/2025.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['deadline', '2025-11-01', '2025-12-31', 'Tháng 11 - 12/2025'],
    ]);
    expect(roles('Thời gian thực hiện: Tháng 11 - 12/2025.', ctx(2025, 11, 20, 'KH'))).toEqual([['plan', '2025-11-01', '2025-12-31', 'Tháng 11 - 12/2025']]);
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(spans('triển khai trong quý III - IV/2025')).toEqual([['2025-07-01', '2025-12-31', 'quý III - IV/2025']]);
    expect(spans('triển khai từ quý IV/2025 đến quý I/2026')).toEqual([['2025-10-01', '2026-03-31', 'từ quý IV/2025 đến quý I/2026']]);
    expect(spans('thực hiện từ tháng 10/2025 đến hết năm 2025')).toEqual([['2025-10-01', '2025-12-31', 'từ tháng 10/2025 đến hết năm 2025']]);
    expect(spans('thực hiện từ tháng 12 đến tháng 02/2026')).toEqual([['2025-12-01', '2026-02-28', 'từ tháng 12 đến tháng 02/2026']]);
    expect(spans('tháng 12/2025 - tháng 01/2026')).toEqual([['2025-12-01', '2026-01-31', 'tháng 12/2025 - tháng 01/2026']]);
    // a run of two with the unit word once: tháng 11, 12/2025 (a list that is not a run: below)
    expect(spans('Thời gian: tháng 11, 12/2025.')).toEqual([['2025-11-01', '2025-12-31', 'tháng 11, 12/2025']]);
    expect(spans('triển khai trong quý III, IV năm 2025')).toEqual([['2025-07-01', '2025-12-31', 'quý III, IV năm 2025']]);
    // every year, an event's month and year, months with no year: none
    expect(spans('Thời gian thực hiện: Từ tháng 3 đến tháng 11 hàng năm')).toEqual([]);
    expect(spans('Đại hội đại biểu toàn quốc lần thứ VI của Đảng (tháng 12-1986)')).toEqual([]);
  });

  it('a month without tháng after đến (seed 002 L340: đến 6/2028), a day without ngày after đến, a deadline at an hour of a day (corpus)', () => {
    expect(roles('Theo tiến độ TP (đến 6/2028)', ctx(2026, 1, 5, 'KH')).map((r) => r.slice(1))).toEqual([[null, '2028-06-30', 'đến 6/2028']]);
    expect(roles('Các đơn vị thực hiện đến 31/12/2025.', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1))).toEqual([[null, '2025-12-31', 'đến 31/12/2025']]);
    expect(roles('gửi về Bộ Tài chính, Bộ Nông nghiệp và Môi trường trước 17 giờ ngày 27/11/2025 để tổng hợp', ctx(2025, 11, 25, 'CV'))).toEqual([
      ['deadline', null, '2025-11-27', 'trước 17 giờ ngày 27/11/2025'],
    ]);
  });

  it('a report on a past year: months, quarters and days with no year are of the year reported on, its plans of the document’s year', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2017 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2018';
    const text =
      `BÁO CÁO\n${title}\nI. KINH TẾ\nQuý IV, thu ngân sách đạt 120 tỷ đồng, tính đến ngày 31/12 đạt 98% dự toán; tháng 12 tăng 5% so với cùng kỳ. ` +
      'Dự kiến quý I tăng.';
    expect(roles(text, ctx(2018, 3, 20, 'BC'), title).slice(2)).toEqual([
      ['reporting', '2017-10-01', '2017-12-31', 'Quý IV'],
      ['cumulative', null, '2017-12-31', 'tính đến ngày 31/12'],
      ['reporting', '2017-12-01', '2017-12-31', 'tháng 12'],
      ['comparison', '2016-12-01', '2016-12-31', 'so với cùng kỳ'],
      ['plan', '2018-01-01', '2018-03-31', 'quý I'],
    ]);
  });

  it('a report’s year named without its number: đạt 45% dự toán năm, ước cả năm, năm nay (corpus); not in other documents', () => {
    const text =
      'Tổng thu ngân sách 6 tháng đầu năm 2017 đạt 45% dự toán năm, tăng 8% so với cùng kỳ; ước cả năm đạt 300 tỷ đồng, tăng 5% so với cùng kỳ, trong năm nay phấn đấu vượt kế hoạch năm.';
    expect(roles(text, ctx(2017, 7, 14, 'BC'))).toEqual([
      ['reporting', '2017-01-01', '2017-06-30', '6 tháng đầu năm 2017'],
      ['plan', '2017-01-01', '2017-12-31', 'dự toán năm'],
      ['comparison', '2016-01-01', '2016-06-30', 'so với cùng kỳ'],
      ['reporting', '2017-01-01', '2017-12-31', 'ước cả năm'],
      ['comparison', '2016-01-01', '2016-12-31', 'so với cùng kỳ'],
      ['reporting', '2017-01-01', '2017-12-31', 'năm nay'],
      ['plan', '2017-01-01', '2017-12-31', 'kế hoạch năm'],
    ]);
    // rules, not reports: the plan of any year
    expect(roles('trong phạm vi dự toán năm của cơ quan; phi dự án đào tạo theo kế hoạch năm.', ctx(2025, 11, 20, 'QĐ'))).toEqual([]);
    expect(roles('Kế hoạch năm học 2025 - 2026; dự toán năm sau', ctx(2025, 11, 20, 'BC'))).toEqual([]);
  });

  it('ước thực hiện cả năm before its figure, and the mistyped Uớc (corpus, a provincial budget report); never a year', () => {
    expect(roles('a) Chi đầu tư phát triển: Ước thực hiện cả năm 5.817,196 tỷ đồng/5.937,440 tỷ đồng, đạt 97,97% kế hoạch; cụ thể:', ctx(2025, 11, 20, 'BC'))).toEqual([
      ['reporting', '2025-01-01', '2025-12-31', 'Ước thực hiện cả năm'],
    ]);
    expect(roles('b) Chi thường xuyên: Uớc thực hiện cả năm là 15.942,496 tỷ đồng/14.635,050 tỷ đồng, đạt 108,93% dự toán.', ctx(2025, 11, 20, 'BC'))).toEqual([
      ['reporting', '2025-01-01', '2025-12-31', 'Uớc thực hiện cả năm'],
    ]);
    // a year after it is the year's own mention
    expect(roles('Ước thực hiện cả năm 2025 đạt 5 tỷ đồng.', ctx(2025, 11, 20, 'BC'))).toEqual([['reporting', '2025-01-01', '2025-12-31', 'năm 2025']]);
  });

  it('a span ahead of the document’s date with a result cue is a target (plan); so với mức trung bình compares (corpus)', () => {
    expect(
      roles('- Tại thành phố Hà Nội, nồng độ bụi PM2.5 trung bình năm vào năm 2030 đạt dưới 40 μg/m3 (giảm 20% so với mức trung bình năm 2024) tại các điểm đo', ctx(2025, 11, 20, 'KH')),
    ).toEqual([
      ['plan', '2030-01-01', '2030-12-31', 'năm 2030'],
      ['comparison', '2024-01-01', '2024-12-31', 'năm 2024'],
    ]);
    expect(roles('Đến năm 2030, tỷ lệ thu gom, xử lý rác thải nhựa tại các bãi biển, khu du lịch biển đạt 100%.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['plan', null, '2030-12-31', 'Đến năm 2030'],
    ]);
    // a past span keeps its result cue; an estimate of the year (ước cả năm) reports whatever cue precedes it
    expect(roles('Năm 2024 đạt 100% kế hoạch.', ctx(2025, 11, 20, 'BC'))).toEqual([['reporting', '2024-01-01', '2024-12-31', 'Năm 2024']]);
    expect(roles('- Hoạt động hỗ trợ, phát triển doanh nghiệp được triển khai tích cực, ước cả năm có 1.600 doanh nghiệp đăng ký mới', ctx(2025, 11, 20, 'BC'))).toEqual([
      ['reporting', '2025-01-01', '2025-12-31', 'ước cả năm'],
    ]);
  });

  it('deadline cues of directives: báo cáo Thủ tướng Chính phủ trong …, xong cuối tháng … (corpus); not a bare xong', () => {
    expect(roles('Báo cáo Thủ tướng Chính phủ trong tháng 10/2025.', ctx(2025, 9, 30, 'CV'))).toEqual([['deadline', '2025-10-01', '2025-10-31', 'tháng 10/2025']]);
    expect(
      roles('cần tập trung lãnh đạo, chỉ đạo, cơ bản tháo gỡ khó khăn xong cuối tháng 12 năm 2025 theo chỉ đạo của Bộ Chính trị', ctx(2025, 11, 20, 'CV')),
    ).toEqual([['deadline', '2025-12-01', '2025-12-31', 'tháng 12 năm 2025']]);
    expect(roles('Các công trình đã xong năm 2024 được bàn giao.', ctx(2025, 11, 20, 'BC'))).toEqual([['reporting', '2024-01-01', '2024-12-31', 'năm 2024']]);
  });

  it('a bare N tháng in a report on a span ending in month N: January to N; never a duration', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI QUẬN 5 THÁNG 10 NĂM 2018';
    const text =
      `BÁO CÁO\n${title}\nI. KINH TẾ\nTổng thu ngân sách 10 tháng ước đạt 500 tỷ đồng, tăng 5% so với cùng kỳ. Trong 10 tháng, quận đã cấp phép. ` +
      'Hợp đồng có thời hạn 10 tháng. Trẻ 6 tháng tuổi. Báo cáo định kỳ 6 tháng.';
    expect(roles(text, ctx(2018, 10, 18, 'BC'), title).slice(1)).toEqual([
      ['cumulative', '2018-01-01', '2018-10-31', '10 tháng'],
      ['comparison', '2017-01-01', '2017-10-31', 'so với cùng kỳ'],
      ['cumulative', '2018-01-01', '2018-10-31', '10 tháng'],
    ]);
    // not a report, or a report on another span: nothing
    expect(roles('Tổng thu ngân sách 10 tháng ước đạt 500 tỷ đồng', ctx(2018, 10, 18, 'KH'))).toEqual([]);
    expect(roles('Tổng thu ngân sách 9 tháng ước đạt 500 tỷ đồng', ctx(2018, 10, 18, 'BC'), title).slice(1)).toEqual([]);
  });

  it('two days joined by đến with no từ; a deadline day after trong (corpus); an event’s day after vào is not one', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 19, 'CV')).map((r) => r.slice(0, 3));
    expect(spans('xuất ngũ, thôi việc trong khoảng thời gian ngày 15 tháng 12 năm 1993 đến ngày 31 tháng 12 năm 1994) sau khi về nước')).toEqual([
      ['reporting', '1993-12-15', '1994-12-31'],
    ]);
    expect(spans('Bộ Khoa học và Công nghệ tổng hợp, báo cáo Thủ tướng Chính phủ trong ngày 20 tháng 11 năm 2025.')).toEqual([['deadline', null, '2025-11-20']]);
    expect(spans('mỗi tỉnh khoảng 150 tỷ đồng, hoàn thành ngay trong ngày 20 tháng 11 năm 2025.')).toEqual([['deadline', null, '2025-11-20']]);
    expect(spans('tổ chức lễ khánh thành các dự án vào ngày 19 tháng 12 năm 2025')).toEqual([]);
  });

  it('Markdown emphasis inside a phrase: giai đoạn **2026 - 2030**; a date split by it stays a date (b6ae4bd4: ngày 21 tháng* *6 năm 2021)', () => {
    expect(roles('Kế hoạch phát triển giai đoạn **2026 - 2030**', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1, 3))).toEqual([['2026-01-01', '2030-12-31']]);
    expect(roles('Căn cứ Nghị định số 60/2021/NĐ-CP ngày 21 tháng* *6 năm 2021 của Chính phủ', ctx(2025, 11, 20, 'QĐ'))).toEqual([]);
  });

  it('other spellings: quí I năm 2020, cùng kì, thời kì, giai đọan', () => {
    expect(roles('GRDP quí I năm 2020 tăng 0,42% so với cùng kì năm 2019', ctx(2020, 4, 28, 'BC'))).toEqual([
      ['reporting', '2020-01-01', '2020-03-31', 'quí I năm 2020'],
      ['comparison', '2019-01-01', '2019-03-31', 'so với cùng kì năm 2019'],
    ]);
    expect(roles('quy hoạch thời kì 2021 - 2030; giai đọan 2021-2025', ctx(2025, 11, 20, 'QĐ')).map((r) => r.slice(1, 3))).toEqual([
      ['2021-01-01', '2030-12-31'],
      ['2021-01-01', '2025-12-31'],
    ]);
  });

  it('two years joined by a dash with no word before them: (2025 - 2026), 5 năm (2021-2025), trung hạn 2026-2030, a table cell (corpus, f004d93b)', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(spans('tùy điều kiện có thể tiến tới thí điểm (2025 - 2026).')).toEqual([['2025-01-01', '2026-12-31', '2025 - 2026']]);
    expect(spans('tổng kết chặng đường 5 năm (2021-2025) thực hiện')).toEqual([['2021-01-01', '2025-12-31', '2021-2025']]);
    expect(spans('trong Kế hoạch đầu tư công trung hạn 2026-2030:')).toEqual([['2026-01-01', '2030-12-31', '2026-2030']]);
    expect(spans('| Sở Khoa học và Công nghệ | Các sở, ban, ngành; UBND các phường, xã | 2026 - 2030 | Chiến lược và Kế hoạch |')).toEqual([
      ['2026-01-01', '2030-12-31', '2026 - 2030'],
    ]);
    // inside a symbol, reversed, or too long a span: none
    expect(spans('Quyết định số 1234/2025-2030/QĐ; 2030-2025; 1990-2100')).toEqual([]);
  });

  it('a plan over several years anchors no relative mention: no cùng kỳ of giai đoạn 2026 - 2030, 6 tháng đầu năm in the document’s year', () => {
    const title = 'PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI GIAI ĐOẠN 2026 - 2030';
    const text = `KẾ HOẠCH\n${title}\nI. THỰC TRẠNG\nDoanh thu thương mại điện tử tăng 12,9% so với cùng kỳ; 6 tháng đầu năm đạt 40%.`;
    expect(roles(text, ctx(2025, 11, 18, 'KH'), title).map((r) => r.slice(1))).toEqual([
      ['2026-01-01', '2030-12-31', 'GIAI ĐOẠN 2026 - 2030'],
      ['2025-01-01', '2025-06-30', '6 tháng đầu năm'],
    ]);
  });

  it('a table cell (tab-separated, seed 002 L345) takes no cue from the cells before it', () => {
    expect(roles('5\tSử dụng hiệu quả\tCác cơ quan, đơn vị\tBáo cáo, số liệu đánh giá định kỳ\t2026 - 2030', ctx(2026, 1, 5, 'KH'))).toEqual([
      ['plan', '2026-01-01', '2030-12-31', '2026 - 2030'],
    ]);
  });

  it('Trong năm, in a report on a year is that year (as Trong tháng, in a report on a month); elsewhere nothing', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2017';
    const text = `BÁO CÁO\n${title}\nTrong năm, quận đã cấp 1.115 Giấy chứng nhận. Trong năm qua, thu ngân sách tăng.`;
    expect(roles(text, ctx(2018, 3, 20, 'BC'), title).slice(1)).toEqual([
      ['reporting', '2017-01-01', '2017-12-31', 'Trong năm'],
      ['reporting', '2017-01-01', '2017-12-31', 'Trong năm qua'],
    ]);
    expect(roles('Trong năm, không để xảy ra vụ việc vi phạm.', ctx(2025, 11, 20, 'QĐ'))).toEqual([]);
  });

  it('trong tháng này / tháng qua without a comma, and trong kỳ (báo cáo): the reporting period', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 25, 'BC'), 'Báo cáo kết quả công tác tháng 11 năm 2025');
    expect(p('Trong tháng này tiếp nhận 120 hồ sơ.')).toEqual([['reporting', '2025-11-01', '2025-11-30', 'Trong tháng này']]);
    expect(p('Trong kỳ báo cáo, tiếp nhận 5 đơn thư.')).toEqual([['reporting', '2025-11-01', '2025-11-30', 'Trong kỳ báo cáo']]);
    // a month's report says nothing of `năm qua`; `tháng tới` (the coming month) is no reporting period: the month after it
    expect(p('Trong năm qua, đã xây dựng 3 trường học. Tổ chức hội nghị trong tháng tới.')).toEqual([['plan', '2025-12-01', '2025-12-31', 'tháng tới']]);
    expect(p('Trong tháng báo cáo, tiếp nhận 5 đơn thư; trong kỳ báo cáo trước tiếp nhận 3 đơn.')).toEqual([
      ['reporting', '2025-11-01', '2025-11-30', 'Trong tháng báo cáo'],
    ]);
    // a month's report on November: `11 tháng qua` are January to November
    expect(p('Trong 11 tháng qua, tổng thu ngân sách đạt 12 tỷ đồng.')).toEqual([['reporting', '2025-01-01', '2025-11-30', 'Trong 11 tháng qua']]);
    expect(p('Trong 10 tháng qua, tổng thu ngân sách đạt 12 tỷ đồng.')).toEqual([]);
  });

  it('Năm qua, / Tháng vừa qua, opening a sentence without trong: the reporting period when it is that long', () => {
    const year = (text: string) => roles(text, ctx(2025, 12, 15, 'BC'), 'Báo cáo kết quả thực hiện nhiệm vụ năm 2025');
    expect(year('Năm qua, toàn xã đã xây dựng 5 km đường giao thông nông thôn.')).toEqual([['reporting', '2025-01-01', '2025-12-31', 'Năm qua']]);
    // the past years (plural) are no one span
    expect(year('Những năm qua, toàn xã đã xây dựng 5 km đường.')).toEqual([]);
    const month = (text: string) => roles(text, ctx(2025, 11, 25, 'BC'), 'Báo cáo kết quả công tác tháng 11 năm 2025');
    expect(month('Tháng vừa qua, tiếp nhận 120 hồ sơ.')).toEqual([['reporting', '2025-11-01', '2025-11-30', 'Tháng vừa qua']]);
    expect(month('Năm qua, đã xây dựng 3 trường học.')).toEqual([]);
  });

  it('a month or quarter range with no year (Từ tháng 7 đến tháng 12): one span in the reporting year', () => {
    // a district's report on 2017, issued in March 2018
    const p = (text: string) => roles(text, ctx(2018, 3, 20, 'BC'), 'Báo cáo tình hình thực hiện nhiệm vụ kinh tế - xã hội năm 2017');
    expect(p('Từ tháng 7 đến tháng 12, thực hiện chỉnh trang 10 tuyến đường.')).toEqual([['reporting', '2017-07-01', '2017-12-31', 'Từ tháng 7 đến tháng 12']]);
    expect(p('Từ tháng 7 - 12, thực hiện chỉnh trang 10 tuyến đường.')).toEqual([['reporting', '2017-07-01', '2017-12-31', 'Từ tháng 7 - 12']]);
    expect(p('Từ quý II đến hết quý IV, tổ chức 5 hội nghị.')).toEqual([['reporting', '2017-04-01', '2017-12-31', 'Từ quý II đến hết quý IV']]);
    // the end's year after it is the span's; a start with its year takes the end after it
    expect(p('Từ tháng 01 đến tháng 3 năm 2018, tổ chức chăm lo Tết.')).toEqual([['reporting', '2018-01-01', '2018-03-31', 'Từ tháng 01 đến tháng 3 năm 2018']]);
    expect(p('Từ tháng 10 năm 2017 đến tháng 3, thực hiện 10 đợt.')).toEqual([['reporting', '2017-10-01', '2018-03-31', 'Từ tháng 10 năm 2017 đến tháng 3']]);
    // backwards is no span: each month is read alone, as before
    expect(p('Từ tháng 12 đến tháng 3, thực hiện 10 đợt.')).toEqual([
      ['reporting', '2017-12-01', '2017-12-31', 'tháng 12'],
      ['reporting', '2017-03-01', '2017-03-31', 'tháng 3'],
    ]);
  });

  it('Từ tháng 7 đến nay with no year: from the month’s first day to the document’s date, last year’s when still ahead', () => {
    expect(roles('Từ tháng 7 đến nay, thực hiện 10 đợt kiểm tra.', ctx(2025, 11, 20, 'BC'), 'Báo cáo kết quả năm 2025')).toEqual([
      ['other', '2025-07-01', '2025-11-20', 'Từ tháng 7 đến nay'],
    ]);
    expect(roles('Từ tháng 12 đến nay, tiếp nhận 300 hồ sơ.', ctx(2026, 3, 10, 'CV'))).toEqual([['other', '2025-12-01', '2026-03-10', 'Từ tháng 12 đến nay']]);
  });

  it('a table’s column heads with the year and no năm: Dự toán 2026 (corpus), KH 2020, Ước TH 2025; a span after it is the years’', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 20, 'BC'), 'Báo cáo kết quả năm 2025');
    expect(p('Dự toán 2026 | Ước TH 2025 | KH 2020')).toEqual([
      ['plan', '2026-01-01', '2026-12-31', 'Dự toán 2026'],
      ['reporting', '2025-01-01', '2025-12-31', 'Ước TH 2025'],
      ['plan', '2020-01-01', '2020-12-31', 'KH 2020'],
    ]);
    expect(p('Kế hoạch 2026-2030 của tỉnh.')).toEqual([['plan', '2026-01-01', '2030-12-31', '2026-2030']]);
    // a document's number is no year
    expect(p('Kế hoạch 2020/KH-UBND')).toEqual([]);
  });

  it('cùng kỳ in a notice whose title names no period: the span its paragraph named before, not the most cited window', () => {
    // a notice of conclusions (corpus, November 2025): its most cited window is the visit's two days
    const text =
      'Từ ngày 08 đến ngày 09 tháng 11 năm 2025, Thủ tướng Chính phủ làm việc với Thường trực Tỉnh ủy. Buổi làm việc từ ngày 08 đến ngày 09 tháng 11 năm 2025 có lãnh đạo các Bộ dự.\n\n' +
      'Tổng thu ngân sách nhà nước 10 tháng năm 2025 thực hiện 13.966 tỷ đồng, đạt 104,24% dự toán Trung ương giao. Tổng kim ngạch xuất khẩu đạt 2,6 tỷ USD, đạt 116,8% kế hoạch, tăng 42% so cùng kỳ.\n\n' +
      // after a running total with no start (and a plan's year), the same period a year earlier has no start: none
      'Giải ngân vốn đầu tư công tính đến hết ngày 31 tháng 10 năm 2025 đạt 72,4% kế hoạch. Thu hút vốn FDI đạt 1.219,11 triệu USD, bằng 115,1% mục tiêu tăng trưởng năm 2025; thu hút vốn DDI cao hơn gần gấp 3 lần so với cùng kỳ.';
    expect(roles(text, ctx(2025, 11, 22, 'TB')).filter((r) => r[0] === 'comparison')).toEqual([['comparison', '2024-01-01', '2024-10-31', 'so cùng kỳ']]);
  });

  it('tháng tới, quý tới, năm tới: the month, quarter or year after the reporting period; never a count of them', () => {
    const p = (text: string) => roles(text, ctx(2025, 11, 25, 'BC'), 'Báo cáo kết quả công tác tháng 11 năm 2025');
    expect(p('II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI')).toEqual([['plan', '2025-12-01', '2025-12-31', 'THÁNG TỚI']]);
    expect(p('Phương hướng, nhiệm vụ trọng tâm quý tới.')).toEqual([['plan', '2026-01-01', '2026-03-31', 'quý tới']]);
    expect(p('Trong năm tới, tập trung chỉ đạo thực hiện.')).toEqual([['plan', '2026-01-01', '2026-12-31', 'năm tới']]);
    expect(p('Trong 3 tháng tới, hoàn thành việc rà soát. Trong những năm tới, tỉnh tiếp tục đầu tư.')).toEqual([]);
  });

  it('a day range whose first day has only its number (corpus): từ ngày 16 đến ngày 22/11/2025, từ ngày 16-22/11/2025, at hours', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 25, 'CV')).map((r) => r.slice(1));
    expect(spans('đợt mưa lũ lịch sử từ ngày 16 đến ngày 22/11/2025 tại các tỉnh')).toEqual([['2025-11-16', '2025-11-22', 'từ ngày 16 đến ngày 22/11/2025']]);
    expect(spans('thiệt hại do đợt mưa lũ từ ngày 16-22/11/2025, gửi')).toEqual([['2025-11-16', '2025-11-22', 'từ ngày 16-22/11/2025']]);
    expect(spans('Từ ngày 08 đến ngày 09 tháng 11 năm 2025 tại Thanh Hóa')).toEqual([
      ['2025-11-08', '2025-11-09', 'Từ ngày 08 đến ngày 09 tháng 11 năm 2025'],
    ]);
    expect(spans('mưa lớn từ 07 giờ ngày 16 đến 13 giờ ngày 17/11/2025 tại')).toEqual([['2025-11-16', '2025-11-17', 'từ 07 giờ ngày 16 đến 13 giờ ngày 17/11/2025']]);
    expect(spans('Nhận hồ sơ từ 7 giờ 30 ngày 15/12/2025 đến 17 giờ ngày 20/12/2025 tại')).toEqual([
      ['2025-12-15', '2025-12-20', 'từ 7 giờ 30 ngày 15/12/2025 đến 17 giờ ngày 20/12/2025'],
    ]);
    expect(spans('Tạm dừng tiếp nhận từ 0 giờ ngày 25/11/2025.')).toEqual([['2025-11-25', null, 'từ 0 giờ ngày 25/11/2025']]);
    expect(spans('thực hiện từ ngày 25 đến ngày 05/12/2025')).toEqual([['2025-11-25', '2025-12-05', 'từ ngày 25 đến ngày 05/12/2025']]);
    // without `ngày`: after `từ`, or in brackets after a count of days
    expect(spans('Hội nghị diễn ra từ 20 - 21/11/2025 tại')).toEqual([['2025-11-20', '2025-11-21', 'từ 20 - 21/11/2025']]);
    expect(spans('Thời gian: 02 ngày (20 - 21/11/2025).')).toEqual([['2025-11-20', '2025-11-21', '20 - 21/11/2025']]);
    // no year at the end (a rule for every year): none
    expect(spans('gửi báo cáo về Sở Nội vụ từ ngày 10 đến ngày 15 tháng 12;')).toEqual([]);
  });

  it('tháng 12 năm nay, quý IV năm nay: of the document’s year, one mention each', () => {
    expect(roles('hoàn thành trong tháng 12 năm nay và tháng 1 năm 2026, quý IV năm nay', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1))).toEqual([
      ['2025-12-01', '2025-12-31', 'tháng 12 năm nay'],
      ['2026-01-01', '2026-01-31', 'tháng 1 năm 2026'],
      ['2025-10-01', '2025-12-31', 'quý IV năm nay'],
    ]);
  });

  it('halves in words: nửa đầu năm 2025, nửa cuối năm (of the reporting year)', () => {
    expect(roles('Kết quả nửa đầu năm 2025 và nhiệm vụ nửa cuối năm', ctx(2025, 7, 10, 'BC')).map((r) => r.slice(1))).toEqual([
      ['2025-01-01', '2025-06-30', 'nửa đầu năm 2025'],
      ['2025-07-01', '2025-12-31', 'nửa cuối năm'],
    ]);
  });

  it('not periods: years in names, base years, school years, durations, dates of documents, vague spans, dates listed by day', () => {
    const none = [
      'theo nguyên tắc quy định tại Điều 103 Luật Đất đai năm 2024 trình cấp có thẩm quyền quyết định.', // 46482d81 L67
      'theo quy định tại khoản 2 Điều 35 Luật Phổ biến, giáo dục pháp luật năm 2012 để Thủ trưởng cơ quan', // 1b479d81
      'Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;', // 817cf0e3
      'ước đạt 683 tỷ đồng (giá so sánh 2010)', // reports/06 L24
      'ước đạt 683 tỷ đồng (giá so sánh năm 2010)',
      'Kế hoạch tuyển sinh năm học 2025 - 2026',
      'chậm nhất 03 ngày kể từ ngày ban hành Quyết định', // 04e4130e: a duration
      'trong thời hạn 15 ngày kể từ ngày nhận được hồ sơ hợp lệ',
      'Thực hiện Quyết định số 72/QĐ-UBND và Kế hoạch số 04/KH-UBND ngày 20/01/2022', // a document's date
      '*Cao Bằng, ngày 24 **tháng 11 năm 2025*', // f709d287 L15: the header date with Markdown inside
      'Hà Tĩnh, ngày 01 tháng12 năm 2025', // 1ea5e769: a space lost
      'trong thời gian tới, tiếp tục triển khai', // vague
      'đơn vị toàn Thành phố vào các ngày: 9, 10 tháng 09 và các ngày: 29, 30 tháng 10', // 88b7667d L125: days
      'để công bố và áp dụng từ ngày 01 tháng 01 của năm tiếp theo', // a02cd: every year, not this one
      'Trong tháng, quận đã cấp 115 Giấy chứng nhận', // no reporting period to say which month
      'theo đề nghị của Bộ Tài chính tại văn bản số 18345/BTC-NSNN năm 2025 về việc bổ sung', // corpus: a document's year
      'Căn cứ Quyết định số /QĐ-BTC ngày ...tháng.... năm 2025 của Bộ trưởng Bộ Tài chính', // corpus: a blank date
      'tốc độ tăng bình quân năm t tính theo gốc so sánh bình quân năm 1994', // corpus: a base year
      'đẩy nhanh tiến độ Tổng điều tra kinh tế năm 2017; chỉ đạo kiểm tra', // reports/05: a census's name
      'kết quả Tổng điều tra dân số và nhà ở năm 2019', // corpus
      'bảo đảm chỗ ở ổn định cho Nhân dân trước Tết nguyên đán năm 2026, tiếp theo Công điện', // corpus: a holiday, not a year
      'phục vụ nhu cầu dịp Tết Dương lịch 2026',
      'Thực hiện Chỉ thị số 05-CT/TW năm 2016 của Bộ Chính trị và Nghị quyết 57-NQ/TW năm 2024', // Party symbols with their year
      'công trình, dự án chào mừng 80 năm Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025), Thủ tướng Chính phủ đã ban h', // corpus: an anniversary
      '25 nhân kỷ niệm 79 năm ngày toàn quốc kháng chiến (19/12/1946-19/12/2025) và chào mừng Đại hội đại biểu', // corpus
    ];
    for (const text of none) expect([text, roles(text, ctx(2025, 11, 20, 'QĐ'))]).toEqual([text, []]);
  });

  it('two years wrapped after the dash, and from a year on (001c610b L303-319: a plan’s roadmap)', () => {
    const text =
      '2. Thu thập, số hóa, chuẩn\nhóa cơ sở dữ liệu quy hoạch Thành phố và tích hợp vào Hệ thống quốc gia (2025 -\n2030).\n\n' +
      '3. Tùy điều kiện, mở rộng và\ntiến tới vận hành, khai thác và kết nối dữ liệu quy hoạch Thành phố với Trung\ntâm dữ liệu quốc gia (2026 trở đi).\n\n' +
      '5. Đào tạo nhân lực, nâng\ncao nhận thức cộng đồng, huy động doanh nghiệp tham gia (xuyên suốt 2025 -\n2035).';
    expect(roles(text, ctx(2025, 11, 19, 'QĐ'))).toEqual([
      ['plan', '2025-01-01', '2030-12-31', '2025 - 2030'],
      ['plan', '2026-01-01', null, '2026 trở đi'],
      ['plan', '2025-01-01', '2035-12-31', '2025 - 2035'],
    ]);
  });

  it('trở đi (from then on) and trở về trước (then and before): open ends (corpus)', () => {
    expect(roles('Ngày hết hạn sẽ không áp dụng với các hộ chiếu được cấp từ năm 2023 trở đi.', ctx(2025, 11, 20, 'CV'))).toEqual([
      ['effective', '2023-01-01', null, 'từ năm 2023 trở đi'],
    ]);
    expect(roles('kê khai “Số tiền nộp thay” từ kỳ tháng 1/2025, quý I/2025 trở đi.', ctx(2025, 11, 20, 'CV')).map((r) => r.slice(1))).toEqual([
      ['2025-01-01', '2025-01-31', 'tháng 1/2025'],
      ['2025-01-01', null, 'quý I/2025 trở đi'],
    ]);
    expect(roles('Quân nhân tham gia kháng chiến chống Mỹ cứu nước, nhập ngũ từ ngày 30 tháng 4 năm 1975 trở về trước, có dưới 15 năm công tác', ctx(2025, 11, 20, 'QĐ'))).toEqual([
      ['other', null, '1975-04-30', 'từ ngày 30 tháng 4 năm 1975 trở về trước'],
    ]);
  });

  it('a month named in words: tháng Mười Hai năm 2025, tháng Tư/2026 (read as the year alone before)', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'BC')).map((r) => r.slice(1));
    expect(spans('Trong tháng Mười Hai năm 2025, tổ chức tổng kết.')).toEqual([['2025-12-01', '2025-12-31', 'tháng Mười Hai năm 2025']]);
    expect(spans('Trong tháng mười năm 2025, thu ngân sách đạt 20 tỷ đồng.')).toEqual([['2025-10-01', '2025-10-31', 'tháng mười năm 2025']]);
    expect(spans('Dự kiến tổ chức trong tháng Tư/2026.')).toEqual([['2026-04-01', '2026-04-30', 'tháng Tư/2026']]);
  });

  it('sau năm 2030 (after that year): from the next year on; từ khi ban hành đến hết năm 2026: from the document date', () => {
    expect(roles('Định hướng phát triển sau năm 2030: hình thành đô thị thông minh.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['plan', '2031-01-01', null, 'sau năm 2030'],
    ]);
    expect(roles('- Thời gian: Từ khi ban hành đến hết năm 2026.', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1))).toEqual([
      ['2025-11-20', '2026-12-31', 'Từ khi ban hành đến hết năm 2026'],
    ]);
    expect(roles('Thực hiện từ ngày ban hành Kế hoạch đến tháng 6/2026.', ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1))).toEqual([
      ['2025-11-20', '2026-06-30', 'từ ngày ban hành Kế hoạch đến tháng 6/2026'],
    ]);
  });

  it('a transition clause is no period: trước ngày Quyết định này có hiệu lực (a16f8b41 L93, afe7b51a L237)', () => {
    const text =
      '1. Quyết định này có hiệu lực kể từ ngày 01 tháng\n12 năm 2025.\n\n' +
      '3. Những trường hợp đã nộp hồ sơ lệ phí trước bạ\ntrước ngày Quyết định này có hiệu lực thi hành nhưng chưa ban hành thông báo\nthì áp dụng theo quy định tại Quyết định này.';
    expect(roles(text, ctx(2025, 11, 19, 'QĐ'))).toEqual([['effective', '2025-12-01', null, 'có hiệu lực kể từ ngày 01 tháng 12 năm 2025']]);
  });

  it('a resolution in effect from the day it is adopted: từ ngày thông qua (corpus)', () => {
    expect(roles('1. Nghị quyết này có hiệu lực thi hành từ ngày thông qua.', ctx(2025, 12, 10, 'NQ'))).toEqual([
      ['effective', '2025-12-10', null, 'có hiệu lực thi hành từ ngày thông qua'],
    ]);
  });

  it('a yearly rule whose hằng năm opens a long sentence, and next year in a yearly rule (corpus)', () => {
    const c = ctx(2025, 11, 20, 'QĐ');
    expect(
      roles(
        '4.2. Hằng năm, tiến hành rà soát, bổ sung quy hoạch nhiệm kỳ hiện tại và nhiệm kỳ kế tiếp trong Quý I và báo cáo cấp trên trực tiếp về kết quả phê duyệt quy hoạch cán bộ cấp mình quản lý trong Quý II, chậm nhất tháng 6.',
        c,
      ),
    ).toEqual([]);
    expect(
      roles('lập kế hoạch phân loại đơn vị hành chính cấp tỉnh, cấp xã thuộc phạm vi quản lý của năm kế tiếp, gửi Bộ Nội vụ trước ngày 30 tháng 10 hàng năm để tổng hợp.', c),
    ).toEqual([]);
  });

  it('yearly rules without hằng năm: a day of the year named by its role, a periodic report’s due day (corpus)', () => {
    const none = [
      '1.1. Trước ngày 31 tháng 7 của năm xét tặng, Cục Quản lý Y, Dược cổ truyền có văn bản đề nghị',
      'Đơn vị trực tiếp quản lý gửi hồ sơ của cá nhân đề nghị xét tặng về Hội đồng cơ sở chậm nhất là ngày 30 tháng 9 của năm xét tặng.',
      'Báo cáo 6 tháng gửi trước ngày 20 tháng 6 và báo cáo năm gửi trước ngày 20 tháng 12 theo đúng thời gian quy định.',
      'Tiêu chí đánh giá về công tác giải ngân vốn đầu tư công (tính đến ngày 31/12 của năm đánh giá, tỷ lệ giải ngân vốn đầu tư công đạt hoặc ước đạt)',
      '2. Số liệu đánh giá các tiêu chí phân loại đơn vị hành chính là số liệu tính đến ngày 31 tháng 12 của năm trước liền kề với năm gửi hồ sơ đến cơ quan thẩm định.',
      'bình quân 180 ngày (180 Days - Average) của 36 tháng liền kề tính từ thời điểm ngày đầu tiên của tháng 3, tháng 6, tháng 9 hoặc tháng 12 gần nhất của năm đàm phán được công',
      '(ii) Kỳ báo cáo năm được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12; thời hạn gửi báo cáo chậm nhất vào ngày 15 của',
    ];
    for (const text of none) expect([text, roles(text, ctx(2025, 11, 20, 'QĐ'))]).toEqual([text, []]);
    // a report of a named year is due once: its deadline stands
    expect(roles('Báo cáo năm 2025 gửi về Sở trước ngày 15 tháng 12.', ctx(2025, 11, 20, 'CV'))).toEqual([
      ['reporting', '2025-01-01', '2025-12-31', 'năm 2025'],
      ['deadline', null, '2025-12-15', 'trước ngày 15 tháng 12'],
    ]);
  });

  it('before a year, quarter or month: up to the day before it begins (corpus: hoàn thành trước năm 2027; xe sản xuất trước năm 1999)', () => {
    expect(roles('Hệ thống mạng lưới quan trắc môi trường được đầu tư, đồng bộ hoàn thành trước năm 2027 và vận hành thường xuyên', ctx(2025, 11, 20, 'QĐ'))).toEqual([
      ['deadline', null, '2026-12-31', 'trước năm 2027'],
    ]);
    expect(roles('Hoàn thành trước tháng 12/2025; rà soát trước quý II/2026.', ctx(2025, 11, 20, 'KH'))).toEqual([
      ['deadline', null, '2025-11-30', 'trước tháng 12/2025'],
      ['plan', null, '2026-03-31', 'trước quý II/2026'],
    ]);
    // a past bound with no cue is a condition
    expect(roles('1. Xe ô tô sản xuất trước năm 1999 áp dụng Mức 1', ctx(2025, 11, 20, 'QĐ'))).toEqual([['other', null, '1998-12-31', 'trước năm 1999']]);
  });

  it('a year after so với / cùng kỳ is the compared one’s, and a sentence may end with a year (written in the style of reports/06: no dev line has it)', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI QUẬN 5 THÁNG 10 NĂM 2018';
    const text =
      `BÁO CÁO\n${title}\n1. Thu ngân sách:\nTổng thu ngân sách 10 tháng đầu năm ước đạt 900 tỷ đồng, tăng 7% so với cùng kỳ năm 2017.\n` +
      'Chỉ số giá bình quân 10 tháng tăng 3,2% so với bình quân cùng kỳ. Kim ngạch xuất khẩu tháng 10 tăng 3% so với tháng 10 năm 2017.';
    expect(roles(text, ctx(2018, 11, 5, 'BC'), title).slice(1)).toEqual([
      ['reporting', '2018-01-01', '2018-10-31', '10 tháng đầu năm'],
      ['comparison', '2017-01-01', '2017-10-31', 'so với cùng kỳ năm 2017'],
      ['cumulative', '2018-01-01', '2018-10-31', '10 tháng'],
      ['comparison', '2017-01-01', '2017-10-31', 'cùng kỳ'],
      ['reporting', '2018-10-01', '2018-10-31', 'tháng 10'],
      ['comparison', '2017-10-01', '2017-10-31', 'tháng 10 năm 2017'],
    ]);
  });

  it('từ ngày A đến trước ngày B (corpus): from A to the printed B, as trước ngày D is', () => {
    expect(roles('3. Đất đã được sử dụng ổn định từ ngày 01 tháng 7 năm 2004 đến trước ngày 01 tháng 7 năm 2014 thì được', ctx(2025, 11, 20, 'QĐ')).map((r) => r.slice(1))).toEqual([
      ['2004-07-01', '2014-07-01', 'từ ngày 01 tháng 7 năm 2004 đến trước ngày 01 tháng 7 năm 2014'],
    ]);
  });

  it('tính đến tháng 10/2025 (corpus): counted up to the month’s end', () => {
    expect(roles('Áp dụng mức doanh thu này, theo số liệu tính đến tháng 10/2025 có hơn 2,54 triệu hộ kinh doanh', ctx(2025, 11, 20, 'CV'))).toEqual([
      ['cumulative', null, '2025-10-31', 'tính đến tháng 10/2025'],
    ]);
  });

  it('a list of months or quarters with the year once: each its own mention (tháng 10 và tháng 12 năm 2025, tháng 10, 12/2025)', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(spans('Tổ chức kiểm tra trong tháng 10 và tháng 12 năm 2025.')).toEqual([
      ['2025-10-01', '2025-10-31', 'tháng 10'],
      ['2025-12-01', '2025-12-31', 'tháng 12 năm 2025'],
    ]);
    expect(spans('triển khai trong các tháng 10, 12/2025')).toEqual([
      ['2025-10-01', '2025-10-31', 'tháng 10'],
      ['2025-12-01', '2025-12-31', '12/2025'],
    ]);
    expect(spans('Tổ chức kiểm tra trong tháng 10 và 12 năm 2025.')).toEqual([
      ['2025-10-01', '2025-10-31', 'tháng 10'],
      ['2025-12-01', '2025-12-31', '12 năm 2025'],
    ]);
    expect(spans('sơ kết vào quý I, III/2026')).toEqual([
      ['2026-01-01', '2026-03-31', 'quý I'],
      ['2026-07-01', '2026-09-30', 'III/2026'],
    ]);
    // days listed before a month are dates
    expect(spans('vào các ngày 9, 10 tháng 09 năm 2025')).toEqual([]);
    // a statistical form's day of each quarter's last month (corpus): no month
    expect(spans('Số liệu đầu con tại thời điểm ngày 20 của tháng 3,6,9,11 (20/3, 20/6, 20/9, 20/11)')).toEqual([]);
  });

  it('a bare `10 tháng` in a notice that named `10 tháng đầu năm 2025` before: those months (corpus, a TB of November 2025)', () => {
    const text =
      'Trong 10 tháng đầu năm 2025, mặc dù có nhiều biến động lớn, tỉnh đã đạt được những kết quả tích cực.\n' +
      'Tình hình kinh tế - xã hội 10 tháng cơ bản ổn định. Tổng thu ngân sách 10 tháng ước đạt 47,5 nghìn tỷ đồng; sau hơn 04 tháng hoạt động.';
    expect(roles(text, ctx(2025, 11, 16, 'TB')).map((r) => r.slice(1))).toEqual([
      ['2025-01-01', '2025-10-31', '10 tháng đầu năm 2025'],
      ['2025-01-01', '2025-10-31', '10 tháng'],
      ['2025-01-01', '2025-10-31', '10 tháng'],
    ]);
    // with no such months named first, a bare `10 tháng` outside a report is a duration
    expect(roles('Tổng thu ngân sách 10 tháng ước đạt 47,5 nghìn tỷ đồng.', ctx(2025, 11, 16, 'TB'))).toEqual([]);
  });

  it('names are not periods: a congress’s term, a regular meeting’s month (corpus)', () => {
    expect(roles('Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030, khẩn trương xây dựng chương trình', ctx(2025, 11, 16, 'TB'))).toEqual([]);
    expect(roles('các Nghị quyết phiên họp Chính phủ thường kỳ tháng 9 năm 2025', ctx(2025, 11, 16, 'CV'))).toEqual([]);
    // a plan's term stays a period
    expect(roles('Kế hoạch hành động nhiệm kỳ 2026 - 2030', ctx(2025, 11, 16, 'KH')).map((r) => r.slice(1))).toEqual([['2026-01-01', '2030-12-31', 'nhiệm kỳ 2026 - 2030']]);
  });

  it('`Tính đến nay` names no span, as the annotation guide says (reports/06)', () => {
    expect(roles('Tính đến nay, trên địa bàn quận có 9.685 hộ kinh doanh', ctx(2018, 10, 18, 'BC'))).toEqual([]);
  });

  it('consecutive years in a list are one span; the budget year is a year; a crop season is not a period', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(spans('bố trí kinh phí thực hiện trong các năm 2025, 2026 và 2027')).toEqual([['2025-01-01', '2027-12-31', 'năm 2025, 2026 và 2027']]);
    expect(spans('dự toán ngân sách nhà nước năm ngân sách 2026')).toEqual([['2026-01-01', '2026-12-31', 'năm ngân sách 2026']]);
    expect(spans('sản xuất vụ Đông Xuân 2025-2026')).toEqual([]);
  });

  it('report phrasings met outside the annotated texts: month counts in words, a day range with a dash, from a year to a year with a dash', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'BC')).map((r) => r.slice(1));
    expect(spans('Sáu tháng đầu năm 2025, toàn tỉnh tiếp nhận 100 hồ sơ')).toEqual([['2025-01-01', '2025-06-30', 'Sáu tháng đầu năm 2025']]);
    expect(spans('lũy kế chín tháng đạt 70%')).toEqual([['2025-01-01', '2025-09-30', 'lũy kế chín tháng']]);
    expect(spans('Tuần 49 (từ 01/12 - 07/12/2025)')).toEqual([['2025-12-01', '2025-12-07', 'từ 01/12 - 07/12/2025']]);
    expect(spans('Từ năm 2021-2025 có 50 hồ sơ')).toEqual([['2021-01-01', '2025-12-31', 'Từ năm 2021-2025']]);
    // a day and month before a dash and a year is no range start
    expect(spans('số liệu ngày 01/12-2025')).toEqual([]);
  });

  it('deadline and time labels of task lists: Thời hạn: 30/12/2025, Thời gian hoàn thành: 31/12/2025, Thời gian thực hiện: 12/2025', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'KH'));
    expect(found('- Thời hạn: 30/12/2025.')).toEqual([['deadline', null, '2025-12-30', 'Thời hạn: 30/12/2025']]);
    expect(found('Hạn hoàn thành: 15/12/2025')).toEqual([['deadline', null, '2025-12-15', 'Hạn hoàn thành: 15/12/2025']]);
    expect(found('Hạn nộp báo cáo: ngày 25/11.')).toEqual([['deadline', null, '2025-11-25', 'Hạn nộp báo cáo: ngày 25/11']]);
    expect(found('- Thời gian hoàn thành: 31/12/2025.')).toEqual([['deadline', null, '2025-12-31', 'Thời gian hoàn thành: 31/12/2025']]);
    expect(found('- Thời gian thực hiện: 12/2025.')).toEqual([['plan', '2025-12-01', '2025-12-31', '12/2025']]);
    expect(found('- Thời gian hoàn thành: 2026.')).toEqual([['deadline', '2026-01-01', '2026-12-31', '2026']]);
    // a duration after the label is none
    expect(found('Thời hạn: 15 ngày làm việc')).toEqual([]);
  });

  it('more deadlines and time labels: Hạn cuối nhận hồ sơ: ngày D, muộn nhất ngày D, không quá ngày D, a range of months after a label', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'KH'));
    expect(found('Hạn cuối nhận hồ sơ: ngày 30/11/2025.')).toEqual([['deadline', null, '2025-11-30', 'Hạn cuối nhận hồ sơ: ngày 30/11/2025']]);
    expect(found('Hạn cuối nộp hồ sơ là ngày 30/11/2025.')).toEqual([['deadline', null, '2025-11-30', 'Hạn cuối nộp hồ sơ là ngày 30/11/2025']]);
    expect(found('Các đơn vị gửi báo cáo về Sở Nội vụ muộn nhất ngày 25/11/2025.')).toEqual([['deadline', null, '2025-11-25', 'muộn nhất ngày 25/11/2025']]);
    expect(found('Các đơn vị gửi báo cáo về Sở Nội vụ không quá ngày 25/11/2025.')).toEqual([['deadline', null, '2025-11-25', 'không quá ngày 25/11/2025']]);
    expect(found('Thời gian triển khai: 12/2025 - 6/2026.')).toEqual([['plan', '2025-12-01', '2026-06-30', '12/2025 - 6/2026']]);
    expect(found('Thời gian thực hiện: 2026 - 2028.')).toEqual([['plan', '2026-01-01', '2028-12-31', '2026 - 2028']]);
    // a duration is none
    expect(found('Thời gian giải quyết không quá 15 ngày làm việc.')).toEqual([]);
  });

  it('to now: kể từ ngày 01/7/2025 đến nay, … đến ngày báo cáo, … đến thời điểm báo cáo; Thời điểm chốt số liệu: 30/11/2025', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'BC'));
    expect(found('Kể từ ngày 01/7/2025 đến nay, đã tiếp nhận 500 hồ sơ.')).toEqual([['other', '2025-07-01', '2025-11-20', 'Kể từ ngày 01/7/2025 đến nay']]);
    expect(found('Từ ngày 01/7/2025 đến ngày báo cáo, đã tiếp nhận 500 hồ sơ.')).toEqual([['other', '2025-07-01', '2025-11-20', 'Từ ngày 01/7/2025 đến ngày báo cáo']]);
    expect(found('Từ ngày 01/7/2025 đến thời điểm báo cáo, đã tiếp nhận 500 hồ sơ.')).toEqual([
      ['other', '2025-07-01', '2025-11-20', 'Từ ngày 01/7/2025 đến thời điểm báo cáo'],
    ]);
    expect(found('Thời điểm chốt số liệu: 30/11/2025.')).toEqual([['cumulative', null, '2025-11-30', 'Thời điểm chốt số liệu: 30/11/2025']]);
  });

  it('cho đến (up until) joins a range as đến does; a day range after thời gian without từ', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(found('Từ ngày 20/11/2025 cho đến ngày 25/11/2025, tổ chức kiểm tra.')).toEqual([['2025-11-20', '2025-11-25', 'Từ ngày 20/11/2025 cho đến ngày 25/11/2025']]);
    expect(found('Từ năm 2016 cho đến nay, đã tiếp nhận 500 hồ sơ.')).toEqual([['2016-01-01', '2025-11-20', 'Từ năm 2016 cho đến nay']]);
    expect(found('Tuần lễ cao điểm diễn ra trong thời gian 20 - 26/11/2025.')).toEqual([['2025-11-20', '2025-11-26', '20 - 26/11/2025']]);
    // a duration after thời gian is none
    expect(found('Thời gian 15 - 20 ngày làm việc.')).toEqual([]);
  });

  it('spellings web pages print: qúy I/2017 (mistyped), quý I-2020, quý I.2020, 6 tháng/2017', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'BC')).map((r) => r.slice(1));
    expect(found('Trong qúy I/2017, tiếp nhận 100 hồ sơ.')).toEqual([['2017-01-01', '2017-03-31', 'qúy I/2017']]);
    expect(found('Trong quý I-2020, tiếp nhận 100 hồ sơ.')).toEqual([['2020-01-01', '2020-03-31', 'quý I-2020']]);
    expect(found('Trong quý I.2020, tiếp nhận 100 hồ sơ.')).toEqual([['2020-01-01', '2020-03-31', 'quý I.2020']]);
    expect(found('Kết quả 6 tháng/2017 đạt 50%.')).toEqual([['2017-01-01', '2017-06-30', '6 tháng/2017']]);
  });

  it('cùng kỳ before the span it compares with: So với cùng kỳ, tổng thu quý II/2017 tăng 10% (a span outside the reporting period is not it)', () => {
    const p = (text: string) => roles(text, ctx(2017, 7, 15, 'BC'), 'Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2017');
    expect(p('So với cùng kỳ, tổng thu ngân sách quý II/2017 tăng 10%.')).toEqual([
      ['comparison', '2016-04-01', '2016-06-30', 'So với cùng kỳ'],
      ['reporting', '2017-04-01', '2017-06-30', 'quý II/2017'],
    ]);
    expect(p('Tổng thu tăng 10% so với cùng kỳ (6 tháng đầu năm 2016 tăng 8%).')[0]).toEqual(['comparison', '2016-01-01', '2016-06-30', 'so với cùng kỳ']);
  });

  it('Từ quý I/2026, (from then on) an open end; Năm 2025 - năm 2026 one span', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(found('Từ quý I/2026, áp dụng thống nhất.')).toEqual([['2026-01-01', null, 'Từ quý I/2026']]);
    expect(found('Năm 2025 - năm 2026: tập trung hoàn thành.')).toEqual([['2025-01-01', '2026-12-31', 'Năm 2025 - năm 2026']]);
    // a range starting at a quarter is longer and wins
    expect(found('Tổ chức từ quý IV/2025 đến quý II/2026.')).toEqual([['2025-10-01', '2026-06-30', 'từ quý IV/2025 đến quý II/2026']]);
  });

  it('years without năm: Từ 2026 đến 2030, Đến 2030, Đến hết 2026 (never counts: từ 1.500 đến 2030, đến 2030 người); months with a dash in a range', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'KH')).map((r) => r.slice(1));
    expect(found('Từ 2026 đến 2030, tổ chức kiểm tra.')).toEqual([['2026-01-01', '2030-12-31', 'Từ 2026 đến 2030']]);
    expect(found('Đến 2030, tỷ lệ đạt 100%.')).toEqual([[null, '2030-12-31', 'Đến 2030']]);
    expect(found('Đến hết 2026, tỷ lệ đạt 100%.')).toEqual([[null, '2026-12-31', 'Đến hết 2026']]);
    expect(found('Từ tháng 12-2025 đến tháng 3-2026, tổ chức kiểm tra.')).toEqual([['2025-12-01', '2026-03-31', 'Từ tháng 12-2025 đến tháng 3-2026']]);
    expect(found('Số hộ tăng từ 1.500 đến 2030.')).toEqual([]);
    expect(found('Số người từ 2000 đến 2020 người.')).toEqual([]);
    expect(found('Đến 2030 người dân được hưởng.')).toEqual([]);
  });

  it('Từ đầu tháng 11/2025 đến nay: from the month’s first day to the document’s date; 10 ngày đầu tháng 11/2025: its first ten days', () => {
    const found = (text: string) => roles(text, ctx(2025, 11, 20, 'CT')).map((r) => r.slice(1));
    expect(found('Từ đầu tháng 11/2025 đến nay, đã xảy ra 3 vụ cháy.')).toEqual([['2025-11-01', '2025-11-20', 'Từ đầu tháng 11/2025 đến nay']]);
    expect(found('Từ đầu tháng 11 đến nay, đã xảy ra 3 vụ cháy.')).toEqual([['2025-11-01', '2025-11-20', 'Từ đầu tháng 11 đến nay']]);
    expect(found('Trong 10 ngày đầu tháng 11/2025, đã xảy ra 3 vụ cháy.')).toEqual([['2025-11-01', '2025-11-10', '10 ngày đầu tháng 11/2025']]);
  });

  it('cả năm before its estimate in a report: Thu ngân sách cả năm ước đạt …, Tính chung cả năm', () => {
    const p = (text: string) => roles(text, ctx(2018, 3, 21, 'BC'), 'Báo cáo tình hình kinh tế - xã hội năm 2017');
    expect(p('Thu ngân sách cả năm ước đạt 1.200 tỷ đồng, đạt 105% dự toán.')[0]).toEqual(['reporting', '2017-01-01', '2017-12-31', 'cả năm']);
    expect(p('Tính chung cả năm, tổng thu đạt 1.200 tỷ đồng.')).toEqual([['reporting', '2017-01-01', '2017-12-31', 'Tính chung cả năm']]);
    // all year round is no period
    expect(p('Lực lượng chức năng duy trì tuần tra cả năm.')).toEqual([]);
  });

  it('a month written tháng 11-2025; by the end of: Hết tháng 11/2025, hết năm 2025; until a day with no year: đến ngày 30/11', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'BC')).map((r) => r.slice(1));
    expect(spans('Trong tháng 11-2025, toàn tỉnh tiếp nhận 100 hồ sơ')).toEqual([['2025-11-01', '2025-11-30', 'tháng 11-2025']]);
    expect(spans('Hết tháng 11/2025, giải ngân 5 tỷ đồng')).toEqual([[null, '2025-11-30', 'Hết tháng 11/2025']]);
    expect(spans('Hết năm 2025, 100% xã đạt chuẩn')).toEqual([[null, '2025-12-31', 'Hết năm 2025']]);
    expect(spans('Tổng số vốn đã giải ngân đến ngày 30/11 là 5 tỷ đồng')).toEqual([[null, '2025-11-30', 'đến ngày 30/11']]);
  });

  it('a month with no year at a sentence’s end: chậm nhất tháng 6. (corpus), hoàn thành trong tháng 12., đến hết tháng 10.; tháng 12.2025 is December 2025', () => {
    const spans = (text: string) => roles(text, ctx(2025, 3, 2, 'KH')).map((r) => [r[0], r[1], r[2]]);
    expect(spans('Xây dựng kế hoạch đào tạo cán bộ cấp mình quản lý trong Quý II, chậm nhất tháng 6.')).toEqual([
      ['plan', '2025-04-01', '2025-06-30'],
      ['deadline', '2025-06-01', '2025-06-30'],
    ]);
    expect(spans('Các xã hoàn thành trong tháng 12.')).toEqual([['deadline', '2025-12-01', '2025-12-31']]);
    expect(spans('Lũy kế đến hết tháng 10.')).toEqual([['cumulative', null, '2025-10-31']]);
    // a dot before the year, as in a date (`15.3.2026`)
    expect(spans('Hoàn thành trong tháng 12.2025 theo kế hoạch')).toEqual([['deadline', '2025-12-01', '2025-12-31']]);
  });

  it('days of the week in a notice’s dates: từ thứ Hai ngày 10/11/2025 đến thứ Sáu ngày 14/11/2025, ngày 10/11/2025 (thứ Hai)', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 5, 'TB')).map((r) => r.slice(1));
    expect(spans('Thời gian nhận hồ sơ: từ thứ Hai ngày 10/11/2025 đến thứ Sáu ngày 14/11/2025.')).toEqual([
      ['2025-11-10', '2025-11-14', 'từ thứ Hai ngày 10/11/2025 đến thứ Sáu ngày 14/11/2025'],
    ]);
    expect(spans('Thời gian: từ ngày 10/11/2025 (thứ Hai) đến ngày 14/11/2025 (thứ Sáu).')).toEqual([
      ['2025-11-10', '2025-11-14', 'từ ngày 10/11/2025 (thứ Hai) đến ngày 14/11/2025'],
    ]);
    expect(spans('Từ 7 giờ 30, thứ 2, ngày 10/11/2025 đến 17 giờ, thứ 6, ngày 14/11/2025')).toEqual([
      ['2025-11-10', '2025-11-14', 'Từ 7 giờ 30, thứ 2, ngày 10/11/2025 đến 17 giờ, thứ 6, ngày 14/11/2025'],
    ]);
  });

  it('a report’s hard wraps between the numbers of a period (a PDF’s lines): 2026⏎- 2030, tháng 10/⏎2025, tháng 9,⏎10/2025, 15⏎giờ', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'BC')).map((r) => r.slice(1, 3));
    expect(spans('Thực hiện Kế hoạch đầu tư công trung hạn 2026\n- 2030 của tỉnh')).toEqual([['2026-01-01', '2030-12-31']]);
    expect(spans('UBND xã báo cáo kết quả tháng 10/\n2025 như sau')).toEqual([['2025-10-01', '2025-10-31']]);
    expect(spans('trong tháng 9,\n10/2025 giải ngân 5 tỷ đồng')).toEqual([['2025-09-01', '2025-10-31']]);
    expect(spans('Các đơn vị gửi báo cáo trước 15\ngiờ ngày 25/11/2025')).toEqual([[null, '2025-11-25']]);
    // a blank line is no wrap: a year ending one paragraph and a list item of the next are two things
    expect(spans('Kế hoạch năm 2026\n\n- 2027: hoàn thành')).toEqual([['2026-01-01', '2026-12-31']]);
  });

  it('a year to a month: 2026 - tháng 2/2027 in seed 002’s task table (a row’s last cell), từ năm 2026 đến tháng 6/2027', () => {
    const cell = line(S002, 311).split('\t').at(-1)!;
    expect(cell).toBe('2026 - tháng 2/2027');
    expect(roles(cell, ctx(2025, 12, 10, 'KH')).map((r) => r.slice(1))).toEqual([['2026-01-01', '2027-02-28', '2026 - tháng 2/2027']]);
    expect(roles('Thực hiện từ năm 2026 đến tháng 6/2027.', ctx(2025, 12, 10, 'KH')).map((r) => r.slice(1))).toEqual([
      ['2026-01-01', '2027-06-30', 'từ năm 2026 đến tháng 6/2027'],
    ]);
    // a year inside a date is no start
    expect(roles('Số liệu ngày 15/3/2026 - tháng 4/2026', ctx(2026, 4, 20, 'BC')).map((r) => r.slice(1))).toEqual([['2026-04-01', '2026-04-30', 'tháng 4/2026']]);
  });

  it('muộn nhất trong (at the latest, within) before a quarter: a deadline', () => {
    expect(roles('Các đơn vị hoàn thành muộn nhất trong quý II/2025.', ctx(2025, 3, 2, 'KH'))).toEqual([['deadline', '2025-04-01', '2025-06-30', 'quý II/2025']]);
  });

  it('a window cited once for one topic (traffic accidents, counted by the police from the 15th) leaves the title’s month the report’s; its own cùng kỳ follows it', () => {
    const title = 'Tình hình kinh tế - xã hội tháng 10, 10 tháng năm 2025';
    const text =
      `BÁO CÁO\n${title}\nI. KINH TẾ\nTổng thu ngân sách trong tháng đạt 15 tỷ đồng, tăng 5% so với cùng kỳ.\n` +
      'Tai nạn giao thông: Từ ngày 15/9/2025 đến ngày 14/10/2025 xảy ra 3 vụ, giảm 1 vụ so với cùng kỳ.';
    const { periods, documentPeriod: whole } = periodsOf(title, text, ctx(2025, 10, 25, 'BC'));
    expect(whole).toMatchObject({ from: '2025-10-01', to: '2025-10-31' });
    expect(periods.map((p) => [p.role, p.from, p.to, p.text])).toEqual([
      ['reporting', '2025-10-01', '2025-10-31', 'tháng 10'],
      ['cumulative', '2025-01-01', '2025-10-31', '10 tháng năm 2025'],
      ['reporting', '2025-10-01', '2025-10-31', 'trong tháng'],
      ['comparison', '2024-10-01', '2024-10-31', 'so với cùng kỳ'],
      ['reporting', '2025-09-15', '2025-10-14', 'Từ ngày 15/9/2025 đến ngày 14/10/2025'],
      ['comparison', '2024-09-15', '2024-10-14', 'so với cùng kỳ'],
    ]);
    const more = `BÁO CÁO\n${title}\nI. KINH TẾ\nTrong tháng đã tiếp nhận 120 hồ sơ, trong tháng không xảy ra cháy nổ.`;
    expect(periodsOf(title, more, ctx(2025, 10, 25, 'BC')).periods.slice(2).map((p) => [p.from, p.to, p.text])).toEqual([
      ['2025-10-01', '2025-10-31', 'Trong tháng'],
      ['2025-10-01', '2025-10-31', 'trong tháng'],
    ]);
    // in a yearly rule, `trong tháng` before a figure's verb is any month, not the report's
    expect(periodsOf(null, 'Số ngày làm việc trong tháng đạt tối thiểu 22 ngày.', ctx(2025, 10, 25, 'QĐ')).periods).toEqual([]);
    // stated as what the report counts over (seed 001's words, here hard-wrapped), once is enough
    const scoped = `${title}\nTrong kỳ báo cáo, theo ghi nhận của Hệ thống thông tin giải quyết thủ tục hành chính\ntính từ ngày 15/9/2025 đến hết ngày 14/10/2025, UBND xã tiếp nhận 120 hồ sơ.`;
    expect(periodsOf(title, scoped, ctx(2025, 10, 25, 'BC')).documentPeriod).toMatchObject({ from: '2025-09-15', to: '2025-10-14' });
  });

  it('tầm nhìn đến 2050 without năm (corpus, a decision on mining plans): an open start', () => {
    const spans = (text: string) => roles(text, ctx(2025, 11, 20, 'QĐ')).map((r) => r.slice(1));
    expect(spans('Danh mục các dự án khai thác bôxit thời kỳ 2021 - 2030, tầm nhìn đến 2050, như sau')).toEqual([
      ['2021-01-01', '2030-12-31', 'thời kỳ 2021 - 2030'],
      [null, '2050-12-31', 'đến 2050'],
    ]);
  });
});
