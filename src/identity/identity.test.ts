import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentHeader } from '../segment/types.js';
import { containment, sameText, sketchOf, similarity } from './fingerprint.js';
import { CopyGrouping, groupCopies, headerKey, identityFields, type CopyIdentity, type DocumentGroup } from './index.js';

const SEED = readFileSync(new URL('../../fixtures/000_df22d471c82bd4e0.txt', import.meta.url), 'utf8');

const header = (over: Partial<DocumentHeader> = {}): DocumentHeader => ({
  kind: 'BC',
  number: '120',
  symbol: 'BC-UBND',
  issuer: 'Ủy ban nhân dân đặc khu Cát Hải',
  unit: { level: 'đặc khu', name: 'Cát Hải' },
  place: 'Cát Hải',
  date: { year: 2025, month: 9, day: 12 },
  title: null,
  recipients: [],
  signer: null,
  distribution: [],
  ...over,
});

describe('header key', () => {
  it('is kind, number/symbol, date and the folded issuer when all are printed', () => {
    expect(headerKey(header())).toBe('BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai');
    // an OCR'd issuer in capitals with a tone misread gives the same key
    expect(headerKey(header({ issuer: 'ỦY BAN NHÂN DÂN ĐẶC KHU CÁT HÁI' }))).toBe('BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai');
  });

  it('is null when a field is missing: an unnumbered draft (Số: /BC-UBND), a date without its day', () => {
    expect(headerKey(header({ number: null }))).toBeNull();
    expect(headerKey(header({ date: { year: 2026, month: 4, day: null } }))).toBeNull();
  });
});

describe('fingerprint', () => {
  it('reads folded syllables and numbers of two digits or more, whatever the marks and the layout', () => {
    const a = sketchOf('Tỷ lệ hồ sơ trực tuyến đạt 93,93%; tổng số 1.894 hồ sơ.');
    const b = sketchOf('| Ty le ho so | truc tuyen dat | 93,93 % |\n| tong so | 1.894 ho so |');
    expect(similarity(a, b)).toEqual({ text: 1, numbers: 1, dates: null });
    expect(a.numbers).toHaveLength(2); // 9393 and 1894
  });

  it('counts each occurrence of a number, and reads dates written either way as one', () => {
    expect(sketchOf('100 hồ sơ, 100 hồ sơ, 100%').numbers).toHaveLength(3);
    // 15/3/2026 and 15 / 03 / 2026 are one date; tháng 4 năm 2026 and tháng 4/2026 another
    expect(sketchOf('Ngày 15/3/2026, tháng 4 năm 2026, tháng 4/2026 và 15 / 03 / 2026').dates).toHaveLength(2);
  });

  it('tells two months apart by their dates when the figures are the same', () => {
    const april = sketchOf(SEED);
    const may = sketchOf(SEED.replace(/tháng 4/g, 'tháng 5').replace(/\/4\/2026/g, '/5/2026'));
    const s = similarity(april, may);
    expect(s.text).toBe(1);
    expect(s.numbers).toBeCloseTo(0.8986, 4); // at the threshold's edge: the dates decide
    expect(s.dates).toBeCloseTo(0.6786, 4); // 19 of the 28 dates of May are in April: the references' dates
    expect(sameText(april, may)).toBe(false);
  });

  it('measures containment: the share of the smaller set in the larger', () => {
    expect(containment(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(2, 4, 6, 8, 10, 12))).toBe(0.5);
    expect(containment(Uint32Array.of(), Uint32Array.of(1))).toBe(0);
  });

  it('finds a page of the report inside the whole report', () => {
    const whole = sketchOf(SEED);
    const lines = SEED.split('\n');
    const page = sketchOf(lines.slice(Math.floor(lines.length * 0.4), Math.floor(lines.length * 0.6)).join('\n'));
    expect(whole.text.length).toBe(307);
    expect(page.text.length).toBeLessThan(100);
    expect(similarity(page, whole)).toEqual({ text: 1, numbers: 1, dates: 1 });
  });
});

/** Seed 000 for May: dates a month on, every count and rate changed. */
function nextMonth(text: string): string {
  return text
    .replace(/tháng 4/g, 'tháng 5')
    .replace(/\/4\/2026/g, '/5/2026')
    .replace(/\b(\d{1,3}(?:\.\d{3})+|\d+)(?= (?:hồ sơ|PAKN|TTHC|thủ tục)\b)/g, (s) => String(Number(s.replace(/\./g, '')) + 7))
    .replace(/(\d{1,2}),(\d{1,2})%/g, (_, i: string, f: string) => `${Number(i) - 1},${f}%`);
}

const copy = (path: string, text: string, over: Partial<CopyIdentity> = {}, h = header({ number: null })): CopyIdentity => ({
  sha256: path,
  path,
  ocr: false,
  confidence: 0.9,
  headerKey: headerKey(h),
  fields: identityFields(h, { from: '2026-03-15', to: '2026-04-14' }),
  sketch: sketchOf(text),
  ...over,
});

describe('grouping copies', () => {
  const stripped = SEED.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  const page = SEED.split('\n').slice(100, 160).join('\n');

  it('joins a DOCX, a stripped OCR text and one page; keeps next month apart; the text copy speaks for the document', () => {
    const groups = groupCopies([
      copy('a/report.docx', SEED),
      copy('b/scan.pdf', stripped, { ocr: true, confidence: 0.95 }),
      copy('c/page4.png', page, { ocr: true, confidence: 1, fields: identityFields(header({ number: null, unit: null, date: null }), null) }),
      copy('d/may.txt', nextMonth(SEED), {}, header({ number: null, date: { year: 2026, month: 5, day: null } })),
    ]);
    expect(groups.map((g) => g.copies.map((c) => c.path))).toEqual([['a/report.docx', 'b/scan.pdf', 'c/page4.png'], ['d/may.txt']]);
    expect(groups[0]!.key).toMatch(/^text:[0-9a-f]{16}$/);
  });

  it('keeps next month apart on the fingerprint alone, with no header or period to tell them apart', () => {
    const none = identityFields(header({ number: null, unit: null, date: null }), null);
    const groups = groupCopies([copy('a.txt', SEED, { fields: none }), copy('b.txt', nextMonth(SEED), { fields: none })]);
    expect(groups).toHaveLength(2);
  });

  it('never merges two complete headers through a third copy that matches both', () => {
    const k1 = header();
    const k2 = header({ number: '121' });
    const groups = groupCopies([copy('a.docx', SEED, {}, k1), copy('b.docx', SEED, {}, k2), copy('c.pdf', SEED, { ocr: true })]);
    expect(groups.map((g) => [g.key, g.copies.map((c) => c.path)])).toEqual([
      ['BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai', ['a.docx', 'c.pdf']],
      ['BC 121/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai', ['b.docx']],
    ]);
  });

  it('gives two documents that print one header (another period in each) keys of their own', () => {
    const april = copy('a.txt', SEED, {}, header());
    const may = copy('b.txt', nextMonth(SEED), { fields: identityFields(header(), { from: '2026-04-15', to: '2026-05-14' }) }, header());
    const keys = groupCopies([april, may]).map((g) => g.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^BC 120\/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai text:[0-9a-f]{16}$/);
    expect(keys[1]).toMatch(/^BC 120\/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai text:[0-9a-f]{16}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps the same text of two units apart (a template filled in by two communes)', () => {
    const other = header({ number: null, unit: { level: 'xã', name: 'An Lão' } });
    expect(groupCopies([copy('a.txt', SEED), copy('b.txt', SEED, {}, other)])).toHaveLength(2);
  });

  it('groups the same with the fingerprints given a part of the archive at a time, as the tables build does', () => {
    const other = (unit: string) => header({ number: null, unit: { level: 'xã', name: unit } });
    const none = identityFields(header({ number: null, unit: null, date: null }), null);
    const copies = [
      copy('a/report.docx', SEED),
      copy('b/scan.pdf', stripped, { ocr: true, confidence: 0.95 }),
      copy('c/page4.png', page, { ocr: true, confidence: 1, fields: none }),
      copy('d/may.txt', nextMonth(SEED), {}, header({ number: null, date: { year: 2026, month: 5, day: null } })),
      copy('e/an-lao.txt', SEED, {}, other('An Lão')),
      copy('f/an-lao.pdf', stripped, { ocr: true }, other('An Lão')),
      copy('g/hoai-nhon.txt', SEED, {}, other('Hoài Nhơn')),
    ];
    const whole = groupCopies(copies);
    const grouping = new CopyGrouping(copies);
    const partOf = grouping.partOf(3);
    // the copies of one unit and period share a part; the copy without either is in part -1
    expect(partOf[grouping.copies.findIndex((c) => c.path === 'c/page4.png')]).toBe(-1);
    expect(new Set(partOf.filter((p) => p >= 0)).size).toBeGreaterThan(1);
    for (const part of [-1, 0, 1, 2]) {
      const sketches = new Map(grouping.copies.flatMap((c, i) => (partOf[i] === part ? [[i, (c as CopyIdentity).sketch] as const] : [])));
      grouping.compare(part, sketches);
    }
    const paths = (groups: DocumentGroup[]) => groups.map((g) => [g.key, g.copies.map((c) => c.path)]);
    expect(paths(grouping.groups())).toEqual(paths(whole));
    expect(paths(whole).map(([, p]) => p)).toEqual([
      ['a/report.docx', 'b/scan.pdf', 'c/page4.png'],
      ['d/may.txt'],
      ['e/an-lao.txt', 'f/an-lao.pdf'],
      ['g/hoai-nhon.txt'],
    ]);
  });
});
