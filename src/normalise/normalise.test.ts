import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { normalise } from './index.js';

const norm = (s: string) => normalise(SourceText.fromOriginal(s));

describe('normalise', () => {
  it('composes decomposed tone marks (NFC) and keeps the original reachable', () => {
    const decomposed = 'Thạch Khôi'.normalize('NFD');
    const t = norm(decomposed);
    expect(t.text).toBe('Thạch Khôi');
    expect(t.originalText({ start: 0, end: 5 })).toBe('Thạch'.normalize('NFD'));
  });

  it('puts tone marks in one place for oa / oe / uy', () => {
    expect(norm('hoà thuý Uỷ khoẻ quý hoàng hòa HOÀ thuỷ').text).toBe('hòa thúy Ủy khỏe quý hoàng hòa HÒA thủy');
    const t = norm('Uỷ ban nhân dân hoà giải');
    expect(t.text).toBe('Ủy ban nhân dân hòa giải');
    expect(t.originalText({ start: 0, end: 2 })).toBe('Uỷ');
    expect(t.originalText({ start: 16, end: 19 })).toBe('hoà');
  });

  it('removes the Markdown, tag and LaTeX debris of seed 002 with the mapping kept', () => {
    const line = '<b>II.</b>\t<b>Giai đoạn 2028 - 2030</b>\t%\t$\\geq 95$\tTrung tâm';
    const t = norm(line);
    expect(t.text).toBe('II.\tGiai đoạn 2028 - 2030\t%\t≥ 95\tTrung tâm');
    const at = t.text.indexOf('≥ 95');
    expect(t.originalText({ start: at, end: at + 4 })).toBe('$\\geq 95$');
    expect(norm('### **3. Yêu cầu:**').text).toBe('### 3. Yêu cầu:');
    expect(norm('**Phụ lục I**  \n**DANH MỤC**').text).toBe('Phụ lục I\nDANH MỤC');
    expect(norm('3.6. *Tiếp nhận hồ sơ*').text).toBe('3.6. Tiếp nhận hồ sơ');
    expect(norm('- + Có file: 114 hồ sơ;').text).toBe('- + Có file: 114 hồ sơ;');
  });

  it('turns non-breaking spaces into spaces and CRLF into LF, keeping tabs', () => {
    expect(norm('1.894\u00a0hồ  sơ \r\nSTT\tChỉ tiêu').text).toBe('1.894 hồ sơ\nSTT\tChỉ tiêu');
  });
});

describe('normalise on a signer block', () => {
  it('drops bold that runs over a line break', () => {
    expect(normalise(SourceText.fromOriginal('**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nPhạm Ngọc Sơn')).text).toBe(
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhạm Ngọc Sơn',
    );
  });
});

describe('date words glued to their numbers', () => {
  it('gets one space, as web renderings and OCR lose it (`ngày 24 tháng11 năm 2025` of a53257314ff9bbd2), and the original stays traceable', () => {
    const source = SourceText.fromOriginal('Hà Tĩnh, ngày 24 tháng11 năm 2025; 6 tháng đầu năm2025; từ ngày15/10 đến tháng 10năm 2025');
    const t = normalise(source);
    expect(t.text).toBe('Hà Tĩnh, ngày 24 tháng 11 năm 2025; 6 tháng đầu năm 2025; từ ngày 15/10 đến tháng 10 năm 2025');
    const at = t.text.indexOf('đầu năm 2025');
    expect(t.originalText({ start: at, end: at + 12 })).toBe('đầu năm2025');
    // words that merely end in the letters are left alone
    expect(normalise(SourceText.fromOriginal('Mục2 và Khoản3; mười năm2')).text).toBe('Mục2 và Khoản3; mười năm 2');
  });

  it("turns Word's non-breaking hyphen, the minus sign and figure dashes into the hyphen and dash the parsers read", () => {
    const source = SourceText.fromOriginal('Quyết định số 1037/QĐ\u2011UBND; giai đoạn 2021\u20122025; giảm \u22125%');
    const t = normalise(source);
    expect(t.text).toBe('Quyết định số 1037/QĐ-UBND; giai đoạn 2021–2025; giảm -5%');
    const at = t.text.indexOf('QĐ-UBND');
    expect(t.originalText({ start: at, end: at + 7 })).toBe('QĐ\u2011UBND');
  });
});
