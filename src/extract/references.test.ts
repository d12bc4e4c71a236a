import { describe, expect, it } from 'vitest';
import { line, seed } from '../../test/seeds.js';
import { findReferences, parseDocumentNumber } from './references.js';

const S000 = seed('000');
const S001 = seed('001');
const S002 = seed('002');
const S003 = seed('003');
const spanText = (text: string, r: { span: { start: number; end: number } }) => text.slice(r.span.start, r.span.end);

describe('parseDocumentNumber', () => {
  it.each([
    ['137/UBND-TTPVHCC', { number: '137', year: null, symbol: 'UBND-TTPVHCC', typeCode: null, issuerCode: 'UBND-TTPVHCC' }],
    ['518/ UBND- TTPVHCC', { number: '518', year: null, symbol: 'UBND-TTPVHCC', typeCode: null, issuerCode: 'UBND-TTPVHCC' }],
    ['766/QĐ-TTg', { number: '766', year: null, symbol: 'QĐ-TTg', typeCode: 'QĐ', issuerCode: 'TTg' }],
    ['66.7/2025/NQ-CP', { number: '66.7', year: 2025, symbol: 'NQ-CP', typeCode: 'NQ', issuerCode: 'CP' }],
    ['02/2017/TT-VPCP', { number: '02', year: 2017, symbol: 'TT-VPCP', typeCode: 'TT', issuerCode: 'VPCP' }],
    ['183-KL/TW', { number: '183', year: null, symbol: 'KL/TW', typeCode: 'KL', issuerCode: 'TW' }],
    ['02-KH/BCĐTW', { number: '02', year: null, symbol: 'KH/BCĐTW', typeCode: 'KH', issuerCode: 'BCĐTW' }],
    ['68-NQ/TW', { number: '68', year: null, symbol: 'NQ/TW', typeCode: 'NQ', issuerCode: 'TW' }],
    ['1514/BTP-KSTT', { number: '1514', year: null, symbol: 'BTP-KSTT', typeCode: null, issuerCode: 'BTP-KSTT' }],
  ])('%s', (s, want) => {
    expect(parseDocumentNumber(s)).toEqual(want);
  });

  it.each(['1.894', '93,93', '1.779/1.894', '72/114', '19,99/20', '/BC-UBND', '14/16 thành phần'])('%s is not a document number', (s) => {
    expect(parseDocumentNumber(s)).toBeNull();
  });
});

describe('every Công văn line of seed 000', () => {
  // [line, number, symbol, date], read off the seed by hand
  const rows: [number, string, string, string][] = [
    [11, '137', 'UBND-TTPVHCC', '2026-01-23'],
    [19, '321', 'UBND-TTPVHCC', '2026-02-22'],
    [21, '1901', 'VP-TTPVHCC', '2026-02-25'],
    [23, '2174', 'VP-TTPVHCC', '2026-03-04'],
    [27, '1360', 'UBND-KT', '2026-03-18'],
    [29, '1371', 'UBND-TTPVHCC', '2026-03-18'],
    [31, '1457', 'UBND-VHXXH', '2026-03-23'],
    [33, '1460', 'UBND-TTPVHCC', '2026-03-23'],
    [35, '1492', 'UBND-TTPVHCC', '2026-03-24'],
    [37, '1649', 'UBND-KT', '2026-04-01'],
    [39, '1600', 'UBND-TTPVHCC', '2026-03-30'],
    [41, '1687', 'UBND-VHXXH', '2026-04-02'],
    [43, '1720', 'UBND-TTPVHCC', '2026-04-03'],
    [45, '1721', 'UBND-TTPVHCC', '2026-04-03'],
    [47, '1731', 'UBND-TTPVHCC', '2026-04-03'],
    [49, '1764', 'UBND-KT', '2026-04-06'],
    [51, '1765', 'UBND-VHXXH', '2026-04-06'],
    [53, '1768', 'UBND-VP', '2026-03-06'],
    [55, '1793', 'UBND-KT', '2026-04-07'],
    [57, '1843', 'UBND-VP', '2026-04-09'],
    [59, '1862', 'UBND-KT', '2026-04-09'],
    [61, '1863', 'UBND-KT', '2026-04-09'],
    [63, '1888', 'UBND-VHXH', '2026-04-10'],
    [65, '1904', 'UBND-VP', '2026-04-13'],
    [67, '1952', 'UBND-KT', '2026-04-14'],
  ];
  it.each(rows)('line %i: Công văn số %s/%s', (n, number, symbol, date) => {
    const text = line(S000, n);
    const refs = findReferences(text);
    expect(refs).toHaveLength(1);
    const r = refs[0]!;
    // `year` is the year inside the number (none here); the key falls back on the date's year
    expect(r).toMatchObject({ id: 'r1', kind: 'Công văn', number, symbol, typeCode: null, issuerCode: symbol, date, year: null });
    expect(r.key).toBe(`Công văn|${number}|2026|${symbol}`);
    expect(spanText(text, r)).toBe(`Công văn số ${number}/${symbol} ngày ${text.match(/ngày (\S+)/)![1]}`);
    expect(r.confidence).toBe(0.97);
  });

  it('finds all 25 in the whole seed, with the issuer the first one names', () => {
    const cvs = findReferences(S000).filter((r) => r.kind === 'Công văn');
    expect(cvs.map((r) => r.number)).toEqual(rows.map((r) => r[1]));
    expect(cvs[0]!.issuer).toBe('Ủy ban nhân dân thành phố Hải Phòng');
    // `thuộc phạm vi chức năng của Sở Y tế` is the scope, not the issuer
    expect(cvs[5]!.issuer).toBeNull();
  });
});

describe('reference forms', () => {
  it('spaced symbol and no số (seed 001 line 17)', () => {
    const text = line(S001, 17);
    const [cv, nq] = findReferences(text);
    expect(cv).toMatchObject({ kind: 'Công văn', number: '518', symbol: 'UBND-TTPVHCC', typeCode: null, date: '2026-02-10' });
    expect(spanText(text, cv!)).toBe('Công văn 518/ UBND- TTPVHCC ngày 10/02/2026');
    // spaced (−0.05), no số (−0.02)
    expect(cv!.confidence).toBe(0.9);
    // 66.7 stays a string; the year comes from the number; no date given
    expect(nq).toMatchObject({ kind: 'Nghị quyết', number: '66.7', year: 2025, symbol: 'NQ-CP', typeCode: 'NQ', issuerCode: 'CP', date: null, issuer: 'Chính phủ' });
  });

  it('no số: Nghị định 118/2025/NĐ-CP (seed 000 line 87)', () => {
    const [r] = findReferences(line(S000, 87));
    expect(r).toMatchObject({ kind: 'Nghị định', number: '118', year: 2025, symbol: 'NĐ-CP', typeCode: 'NĐ', issuerCode: 'CP', date: '2025-06-09', issuer: 'Chính phủ' });
  });

  it('lower-case kind, number after a blank line (seed 001 lines 41-43)', () => {
    const text = [41, 42, 43].map((n) => line(S001, n)).join('\n');
    const refs = findReferences(text);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ kind: 'Nghị định', number: '118', year: 2025, symbol: 'NĐ-CP', date: null });
    expect(spanText(text, refs[0]!)).toBe('nghị định số\n\n118/2025/NĐ-CP');
  });

  it('comma before the date (seed 001 line 61)', () => {
    const [r] = findReferences(line(S001, 61));
    expect(r).toMatchObject({ kind: 'Thông tư', number: '02', year: 2017, symbol: 'TT-VPCP', date: '2017-10-31', issuer: 'Văn phòng Chính phủ' });
  });

  it('worded date: ngày 12 tháng 02 năm 2026 (seed 002 line 45)', () => {
    const refs = findReferences(line(S002, 45));
    expect(refs.map((r) => [r.kind, r.number, r.symbol, r.date, r.issuer])).toEqual([
      ['Nghị quyết', '76', 'NQ-CP', null, 'Chính phủ'],
      ['Quyết định', '282', 'QĐ-TTg', '2026-02-12', 'Thủ tướng Chính phủ'],
    ]);
  });

  it('Party form with hyphen: 68-NQ/TW, 79-NQ/TW (seed 002 line 79) and 205-KL/TW (line 115)', () => {
    const refs = findReferences(line(S002, 79));
    expect(refs.map((r) => [r.kind, r.number, r.symbol, r.typeCode, r.issuerCode, r.date, r.issuer])).toEqual([
      ['Nghị quyết', '68', 'NQ/TW', 'NQ', 'TW', '2025-05-04', null],
      ['Nghị quyết', '79', 'NQ/TW', 'NQ', 'TW', '2026-01-06', 'Bộ Chính trị'],
      ['Nghị quyết', '66', 'NQ-CP', 'NQ', 'CP', '2025-03-26', 'Chính phủ'],
    ]);
    const [kl] = findReferences(line(S002, 115));
    expect(kl).toMatchObject({ kind: 'Kết luận', number: '205', year: null, symbol: 'KL/TW', date: '2025-11-07', issuer: 'Bộ Chính trị' });
  });

  // Seed 004 is OCR output; these are its lines 7-8 and 12-16 as restoration should give them.
  it('Party forms of seed 004: comma before the date, a symbol and a body broken across lines', () => {
    const text =
      'Giám sát thường xuyên thực hiện Kế hoạch số 02-KH/BCĐTW ngày\n19/6/2025 về thúc đẩy chuyển đổi số\n\n' +
      'Thực hiện Công văn số 183-CV/UBKTTU, ngày 05/9/2025 của Ủy ban\n' +
      'Kiểm tra Thành ủy về việc phối hợp báo cáo việc thực hiện Kết luận số 183-\n' +
      'KL/TW, ngày 01/8/2025; Kết luận số 186-KL/TW, ngày 29/8/2025 của Bộ Chính\n' +
      'trị, Ban Bí thư về tình hình';
    const refs = findReferences(text);
    expect(refs.map((r) => [r.id, r.kind, r.number, r.symbol, r.typeCode, r.issuerCode, r.date, r.issuer])).toEqual([
      ['r1', 'Kế hoạch', '02', 'KH/BCĐTW', 'KH', 'BCĐTW', '2025-06-19', 'Ban Chỉ đạo Trung ương'],
      ['r2', 'Công văn', '183', 'CV/UBKTTU', 'CV', 'UBKTTU', '2025-09-05', 'Ủy ban Kiểm tra Thành ủy'],
      ['r3', 'Kết luận', '183', 'KL/TW', 'KL', 'TW', '2025-08-01', null],
      ['r4', 'Kết luận', '186', 'KL/TW', 'KL', 'TW', '2025-08-29', 'Bộ Chính trị'],
    ]);
    expect(spanText(text, refs[1]!)).toBe('Công văn số 183-CV/UBKTTU, ngày 05/9/2025');
    expect(spanText(text, refs[2]!)).toBe('Kết luận số 183-\nKL/TW, ngày 01/8/2025');
    // the line break inside costs a little
    expect(refs[2]!.confidence).toBeLessThan(refs[3]!.confidence);
    expect(refs[2]!.key).not.toBe(refs[1]!.key);
  });

  it('issuing bodies: của Ủy ban nhân dân thành phố Hải Phòng, của Chính phủ, của Văn phòng Chính phủ (seed 000 line 81)', () => {
    const refs = findReferences(line(S000, 81));
    expect(refs.map((r) => [r.kind, r.number, r.year, r.symbol, r.date, r.issuer])).toEqual([
      ['Nghị định', '63', 2010, 'NĐ-CP', '2010-06-08', 'Chính phủ'],
      ['Thông tư', '02', 2017, 'TT-VPCP', '2017-10-31', 'Văn phòng Chính phủ'],
      ['Thông tư', '01', 2023, 'TT-VPCP', '2023-04-05', 'Văn phòng Chính phủ'],
      // no year inside these numbers: `year` stays null (the date keeps its own)
      ['Quyết định', '5256', null, 'QĐ-UBND', '2025-12-26', 'Ủy ban nhân dân thành phố Hải Phòng'],
      ['Kế hoạch', '13', null, 'KH-UBND', '2026-01-07', null],
    ]);
  });

  it('footnote references (seed 003 lines 47 and 49)', () => {
    const text = [47, 48, 49].map((n) => line(S003, n)).join('\n');
    const refs = findReferences(text);
    expect(refs.map((r) => [r.kind, r.number, r.symbol, r.date, r.issuer])).toEqual([
      ['Quyết định', '5278', 'QĐ-UBND', '2025-12-26', 'Chủ tịch Ủy ban nhân dân thành phố'],
      ['Quyết định', '5324', 'QĐ-UBND', '2025-12-29', 'Chủ tịch Ủy ban nhân dân thành phố'],
    ]);
  });

  it('date and body stated before: ngày 23/12/2025, Chủ tịch … đã ban hành Công văn số 3220 (seed 003 line 115)', () => {
    const refs = findReferences(line(S003, 115));
    const cv = refs.find((r) => r.number === '3220')!;
    expect(cv).toMatchObject({ kind: 'Công văn', date: '2025-12-23', issuer: 'Chủ tịch Ủy ban nhân dân thành phố' });
    // a date read from the clause before is less sure than one that follows the number
    expect(cv.confidence).toBe(0.92);
    expect(refs.map((r) => r.number)).toEqual(['66', '242', '66', '3220', '242']);
  });

  it('Bộ chỉ số 766/QĐ-TTg and Quyết định 766/QĐ-TTg: one document, one key (seed 000 lines 171, 215)', () => {
    const [index] = findReferences(line(S000, 171));
    const [decision] = findReferences(line(S000, 215));
    expect(index).toMatchObject({ kind: 'Quyết định', number: '766', symbol: 'QĐ-TTg', typeCode: 'QĐ', issuerCode: 'TTg', issuer: 'Thủ tướng Chính phủ', date: null });
    expect(spanText(line(S000, 171), index!)).toBe('766/QĐ-TTg');
    expect(index!.key).toBe(decision!.key);
    // the kind taken from the type code is less sure than a kind word
    expect(index!.confidence).toBeLessThan(decision!.confidence);
  });

  it('the same document cited twice, once undated, keeps one key; other documents differ (seed 003)', () => {
    const refs = findReferences(S003);
    const nq66 = refs.filter((r) => r.kind === 'Nghị quyết' && r.number === '66');
    expect(nq66.map((r) => r.date)).toEqual([null, '2025-03-26', '2025-03-26', null]);
    expect(new Set(nq66.map((r) => r.key)).size).toBe(1);
    const nq667 = refs.filter((r) => r.number === '66.7');
    expect(new Set(nq667.map((r) => r.key)).size).toBe(1);
    expect(nq667[0]!.key).not.toBe(nq66[0]!.key);
    // `Văn bản số 3075/UBND-TTPVHCC` is a Công văn by its symbol
    const vb = refs.find((r) => r.number === '3075')!;
    expect(vb.kind).toBe('Văn bản');
    expect(vb.key).toBe('Công văn|3075|2025|UBND-TTPVHCC');
    expect(refs.map((r) => r.id)).toEqual(refs.map((_, i) => `r${i + 1}`));
    // 1514, 3220, 242, 137, 321, 714, 390, 5278, 5324, 118, 66.7, 3075, 66
    expect(new Set(refs.map((r) => r.key)).size).toBe(13);
  });

  it.each([
    [103, 'Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ'],
    [119, '1.779/1.894 hồ sơ; tỷ lệ đạt: 93,93%'],
    [173, 'xếp thứ 72/114'],
    [175, '19,99/20 điểm'],
    [3, 'Số: /BC-UBND'],
  ])('seed 000 line %i (%s) has no reference', (n) => {
    expect(findReferences(line(S000, n))).toEqual([]);
  });

  it('the report’s own number in its header is not a citation', () => {
    expect(findReferences('Số: 120/BC-UBND\nCát Hải, ngày 12 tháng 9 năm 2025')).toEqual([]);
  });
});
