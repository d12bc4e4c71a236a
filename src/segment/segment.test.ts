import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { SourceText } from '../text/source-text.js';
import { segment } from './index.js';

const seed = (n: string) => {
  const file = readdirSync('fixtures').find((f) => f.startsWith(`${n}_`))!;
  return segment(normalise(SourceText.fromOriginal(readFileSync(`fixtures/${file}`, 'utf8'))));
};
const lines = (s: string) => segment(normalise(SourceText.fromOriginal(s)));

describe('segment: header', () => {
  it('reads seed 000: blank number and day, place, signer, title', () => {
    const { header } = seed('000');
    expect(header).toMatchObject({
      kind: 'BC',
      number: null,
      symbol: 'BC-UBND',
      place: 'Cát Hải',
      date: { year: 2026, month: 4, day: null },
      signer: { name: 'Vũ Hữu Vững', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' },
      unit: { level: 'đặc khu', name: 'Cát Hải' },
    });
    expect(header.title).toMatch(/^Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 4 năm 2026/);
    expect(header.distribution).toContain('Văn phòng UBND thành phố');
  });

  it('reads seed 001 despite the spaces in `/ BC- UBND`', () => {
    const { header } = seed('001');
    expect(header).toMatchObject({ kind: 'BC', symbol: 'BC-UBND', place: 'Thạch Khôi', signer: { name: 'Phạm Ngọc Sơn' } });
    expect(header.unit).toEqual({ level: 'phường', name: 'Thạch Khôi' });
  });

  it('reads the kind of seed 002 from a Markdown heading, and `Kính gửi` of seed 003', () => {
    expect(seed('002').header).toMatchObject({ kind: 'KH', symbol: 'KH-UBND', signer: { name: 'Phan Viết Điện', role: 'CHỦ TỊCH' } });
    expect(seed('003').header).toMatchObject({ recipients: ['Bộ Tư pháp'], signer: { name: 'Hoàng Minh Cường' } });
    expect(seed('003').header.unit).toEqual({ level: 'thành phố', name: 'Hải Phòng' });
  });

  it('reads a numbered header with a day and a công văn subject line', () => {
    const { header } = lines('Số: 518/UBND-TTPVHCC\n\nThạch Khôi, ngày 10 tháng 02 năm 2026\n\nV/v trả kết quả giải quyết TTHC\n\nKính gửi:\n- Các phòng chuyên môn;\n- Trung tâm PVHCC.\n\nNội dung.');
    expect(header).toMatchObject({
      kind: 'CV',
      number: '518',
      symbol: 'UBND-TTPVHCC',
      date: { year: 2026, month: 2, day: 10 },
      title: 'trả kết quả giải quyết TTHC',
      recipients: ['Các phòng chuyên môn', 'Trung tâm PVHCC'],
    });
  });
});

describe('segment: sections and blocks', () => {
  it('nests I. / 1. / 1.1. / a) in seed 000', () => {
    const { sections } = seed('000');
    const byLabel = (label: string, title: RegExp) => sections.find((s) => s.label === label && title.test(s.title))!;
    const s32 = byLabel('3.2', /^Kết quả giải quyết TTHC/);
    const s3 = sections.find((s) => s.id === s32.parent)!;
    expect([s3.label, s3.title]).toEqual(['3', 'Cải cách việc thực hiện TTHC']);
    expect(sections.find((s) => s.id === s3.parent)!.title).toBe('KẾT QUẢ THỰC HIỆN');
    const a = sections.find((s) => s.parent === s32.id)!;
    expect([a.label, a.level, a.title]).toEqual(['a', 5, 'Trên Hệ thống thông tin giải quyết TTHC thành phố:']);
  });

  it('hangs `- +` items under the `-` item above them', () => {
    const outline = seed('000');
    const text = (id: string | null) => outline.text.slice(outline.blocks.find((b) => b.id === id)!.content);
    const item = outline.blocks.find((b) => outline.text.slice(b.content).startsWith('Có file thành phần hồ sơ đính kèm: 1.736'))!;
    expect(item.marker).toBe('- +');
    expect(text(item.parent)).toBe('Số lượng hồ sơ đã giải quyết: 1.739 hồ sơ.');
  });

  it('joins a sentence broken across a page break (seed 003)', () => {
    const outline = seed('003');
    const block = outline.blocks.find((b) => outline.text.slice(b.content).includes('thẩm định 01'))!;
    expect(outline.text.slice(block.content)).toMatch(/thẩm định 01\n\nthủ tục hành chính tại Quyết định/);
  });

  it('marks footnote lines', () => {
    const outline = seed('003');
    const notes = outline.blocks.filter((b) => b.kind === 'footnote').map((b) => outline.text.slice(b.content));
    expect(notes[0]).toBe('¹ Quyết định số 5278/QĐ-UBND ngày 26/12/2025 của Chủ tịch Ủy ban nhân dân thành phố');
  });
});

describe('segment: tables', () => {
  it('reads the appendix tables of seed 002, merging the page-split parts', () => {
    const { tables } = seed('002');
    expect(tables.map((t) => t.title)).toEqual([
      'Phụ lục I — DANH MỤC CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH TRONG TÂM GIAI ĐOẠN 2026 - 2030',
      'Phụ lục II — CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TRỌNG TÂM GIAI ĐOẠN 2026 - 2030',
    ]);
    const [t1] = tables;
    expect(t1!.header!.cells.map((c) => c.text)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chịu trách nhiệm theo dõi, đánh giá']);
    expect(t1!.rows).toHaveLength(21); // 2 group rows + 10 + 9 indicators, header repeated once
    expect(t1!.rows[10]!.cells[1]!.text).toMatch(/^Thủ tục hành chính nội bộ trong từng cơ quan hành chính nhà nước được thực hiện quản trị nội bộ/);
    expect(t1!.rows[12]!.cells.map((c) => c.text)).toEqual([
      '1',
      'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp',
      '%',
      '≥ 95',
      'Trung tâm Phục vụ hành chính công',
    ]);
    expect(tables[1]!.rows.length).toBeGreaterThan(25);
  });
});

describe('segment: OCR of a two-column header', () => {
  it('reads number, symbol, place and date from one merged line (seed 004, restored)', () => {
    const { header } = lines('ĐẶC KHU CÁT HẢI Độc lập - Tự do - Hạnh phúc\nSố:120 /BC-UBND Cát Hải, ngày 12 tháng 9 năm 2025\nBÁO CÁO\n\nGiám sát thường xuyên\n\nNội dung.');
    expect(header).toMatchObject({ number: '120', symbol: 'BC-UBND', place: 'Cát Hải', date: { year: 2025, month: 9, day: 12 } });
  });
});

describe('segment: a body with no blank lines (web renderings, one paragraph per line)', () => {
  const decision = lines(`Số: 74/2025/QĐ-UBND
Hà Nội, ngày 04 tháng 12 năm 2025
QUYẾT ĐỊNH
BAN HÀNH QUY ĐỊNH VỀ PHÂN CẤP MỘT SỐ NỘI DUNG
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
QUYẾT ĐỊNH:
**Điều 2.**
Quyết định này có hiệu lực từ ngày 04/12/2025 và thay thế:
Điều 14, 18 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022
của UBND thành phố Hà Nội.
**Chương
I**
**QUY ĐỊNH CHUNG**
**Điều
1. Phạm vi điều chỉnh, đối tượng áp dụng**
1. Phạm vi điều chỉnh: Quyết
định này quy định phân cấp một số nội dung.`);

  it('reads articles and chapters, also when the label word is wrapped away from its number', () => {
    expect(decision.sections.map((s) => [s.label, s.level, s.title])).toEqual([
      ['Điều 2', 1, 'Quyết định này có hiệu lực từ ngày 04/12/2025 và thay thế:'],
      ['Chương I', 1, 'QUY ĐỊNH CHUNG'],
      ['Điều 1', 1, 'Phạm vi điều chỉnh, đối tượng áp dụng'],
      ['1', 2, 'Phạm vi điều chỉnh: Quyết định này quy định phân cấp một số nội dung.'],
    ]);
  });

  it('joins lines wrapped mid-phrase into one block, a citation of `Điều 14` included', () => {
    const text = (b: (typeof decision.blocks)[number]) => decision.text.slice(b.content).replace(/\n/g, ' ');
    expect(decision.blocks.filter((b) => b.kind === 'paragraph').map(text)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;',
      'QUYẾT ĐỊNH:',
      'Điều 14, 18 Quyết định số 15/2022/QĐ-UBND ngày 30/3/2022 của UBND thành phố Hà Nội.',
    ]);
  });

  it('joins a wrapped heading and a wrapped list item', () => {
    const plan = lines(`KẾ HOẠCH
NÂNG CAO NĂNG LỰC
Thực hiện Kế hoạch số 14-KH/TU, UBND tỉnh ban hành Kế hoạch như sau:
**I. MỤC ĐÍCH,
YÊU CẦU**
**1. 100% đội ngũ cán bộ, công
chức được bồi dưỡng.**
- Triển khai thực hiện kịp thời,
đồng bộ, hiệu quả Kế hoạch số 14-KH/TU.`);
    expect(plan.sections.map((s) => s.title)).toEqual(['MỤC ĐÍCH, YÊU CẦU', '100% đội ngũ cán bộ, công chức được bồi dưỡng.']);
    const item = plan.blocks.find((b) => b.kind === 'list-item')!;
    expect(plan.text.slice(item.content)).toBe('Triển khai thực hiện kịp thời,\nđồng bộ, hiệu quả Kế hoạch số 14-KH/TU.');
  });
});
