import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes, ingestFile } from './index.js';
import { LIMITS } from './limits.js';
import { quoteSheet, readSpreadsheet, vietnameseNumber } from './spreadsheet.js';
import type { SourceDocument } from './types.js';

const TABLE = 'fixtures/formats/002_6f7bb062664898b6.table';
const CELLS = 'test/data/sheets/cells';

/** [address, text written, displayed text when it differs, merge] of every located cell. */
const cells = (d: SourceDocument) =>
  d.locations!.map((l) => [l.path, d.text.original.slice(l.start, l.end), l.displayed ?? null, l.merge ?? null]);

describe('spreadsheet fixtures of seed 002 (Phụ lục I), made by LibreOffice', () => {
  const docs: Record<string, SourceDocument> = {};
  beforeAll(async () => {
    for (const f of ['xlsx', 'xls', 'ods', 'tcvn3.xls']) docs[f] = await ingestFile(`${TABLE}.${f}`);
  });

  it('writes the sheet name, a blank line, then the used range row by row, cells tab-separated', () => {
    const d = docs.xlsx!;
    expect(d.format).toBe('xlsx');
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toEqual([]);
    const lines = d.text.text.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Phụ lục I',
      '',
      'Phụ lục I',
      'DANH MỤC CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH TRONG TÂM GIAI ĐOẠN 2026 - 2030',
      'STT\tChỉ tiêu\tĐơn vị tính\tKết quả\tCơ quan chịu trách nhiệm theo dõi, đánh giá',
      'I\tGiai đoạn 2026 - 2027',
      '1\tMức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp\t%\t95%\tTrung tâm Phục vụ hành chính công',
      '2\tMức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư\t%\t90%\tPhòng Kinh tế; Trung tâm Phục vụ hành chính công',
    ]);
    expect(lines.slice(15, 18)).toEqual([
      '10\tThủ tục hành chính nội bộ trong từng cơ quan hành chính nhà nước được thực hiện quản trị nội bộ trên môi trường điện tử. Thực hiện rà soát, cắt giảm, đơn giản hóa TTHC nội bộ giữa các cơ quan hành chính nhà nước và trong từng cơ quan hành chính nhà nước\t%\t100%\tCác cơ quan chuyên môn thuộc đặc khu',
      'II.\tGiai đoạn 2028 - 2030',
      '1\tMức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp\t%\t≥ 95\tTrung tâm Phục vụ hành chính công',
    ]);
    expect(lines.slice(-2)).toEqual([
      '9\tTỉ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền\t%\t70%\tTrung tâm Phục vụ hành chính công',
      '',
    ]);
    expect(lines).toHaveLength(27);
  });

  it('gives the same text and cells from .xlsx, .xls and .ods', () => {
    for (const f of ['xls', 'ods']) {
      expect(docs[f]!.format).toBe(f);
      expect(docs[f]!.text.original).toBe(docs.xlsx!.text.original);
      expect(cells(docs[f]!)).toEqual(cells(docs.xlsx!));
    }
  });

  it('locates every cell by its address, the sheet name quoted, the caption merged across the table', () => {
    const c = cells(docs.xlsx!);
    expect(c.slice(0, 8)).toEqual([
      ["'Phụ lục I'!A1", 'Phụ lục I', null, null],
      ["'Phụ lục I'!A2", 'DANH MỤC CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH TRONG TÂM GIAI ĐOẠN 2026 - 2030', null, 'A2:E2'],
      ["'Phụ lục I'!A3", 'STT', null, null],
      ["'Phụ lục I'!B3", 'Chỉ tiêu', null, null],
      ["'Phụ lục I'!C3", 'Đơn vị tính', null, null],
      ["'Phụ lục I'!D3", 'Kết quả', null, null],
      ["'Phụ lục I'!E3", 'Cơ quan chịu trách nhiệm theo dõi, đánh giá', null, null],
      ["'Phụ lục I'!A4", 'I', null, null],
    ]);
    // the percentage column: stored 0.95, displayed 95%, written 95%
    expect(c.filter(([path]) => String(path).startsWith("'Phụ lục I'!D")).map(([p, t]) => `${p} ${t}`)).toEqual([
      "'Phụ lục I'!D3 Kết quả",
      ...['95%', '90%', '80%', '100%', '80%', '100%', '100%', '90%', '100%', '100%'].map((t, i) => `'Phụ lục I'!D${i + 5} ${t}`),
      ...['≥ 95', '≥ 90', '≥ 80', '100%', '≥ 80', '100%', '100%', '≥ 90', '70%'].map((t, i) => `'Phụ lục I'!D${i + 16} ${t}`),
    ]);
  });

  it('converts a TCVN3 .xls (.VnTime cells) to Unicode, keeping the bytes as original', () => {
    const d = docs['tcvn3.xls']!;
    expect(d.encoding).toBe('tcvn3');
    expect(d.text.text).toBe(docs.xlsx!.text.text);
    const at = d.text.text.indexOf('Đơn vị tính');
    expect(d.text.originalText({ start: at, end: at + 'Đơn vị tính'.length })).toBe('§¬n vÞ tÝnh');
    const loc = d.locations!.find((l) => l.start <= d.text.toOriginal({ start: at, end: at + 1 }).start && d.text.toOriginal({ start: at, end: at + 1 }).start < l.end)!;
    expect(loc.path).toBe("'Phụ lục I'!C3");
  });
});

describe('cell kinds (test/data/sheets/cells.*, made by LibreOffice)', () => {
  const TEXT =
    'Số liệu\n\n' +
    'Ngày\tTỷ lệ\tSố hồ sơ\tGhi chú\n' +
    '26/03/2025\t45,67%\t1.894\tDòng 1 Dòng 2\n' +
    '26/03/2025 12:30\t45,6789%\t1.234.567,891\tTRUE\n' +
    'Gộp\t\t2026\t-0,1\n' +
    '\t\t0,1234567890123\n' +
    '\nSheet2\n\n' +
    'Bảng bắt đầu ở cột B\t12,5\n';

  it.each(['xlsx', 'xls', 'ods'])('.%s: numbers as stored in Vietnamese notation, dates dd/mm/yyyy, the displayed text kept', async (ext) => {
    const d = await ingestFile(`${CELLS}.${ext}`);
    expect(d.text.original).toBe(TEXT);
    expect(d.warnings).toEqual(['sheet Trống is empty']);
    expect(cells(d)).toEqual([
      ["'Số liệu'!A1", 'Ngày', null, null],
      ["'Số liệu'!B1", 'Tỷ lệ', null, null],
      ["'Số liệu'!C1", 'Số hồ sơ', null, null],
      ["'Số liệu'!D1", 'Ghi chú', null, null],
      ["'Số liệu'!A2", '26/03/2025', null, null],
      // 0.4567 shown with no decimals: the stored value, not the rounded display
      ["'Số liệu'!B2", '45,67%', '46%', null],
      ["'Số liệu'!C2", '1.894', '1,894', null],
      // a line break inside a cell would end the row: written as a space
      ["'Số liệu'!D2", 'Dòng 1 Dòng 2', 'Dòng 1\nDòng 2', null],
      ["'Số liệu'!A3", '26/03/2025 12:30', null, null],
      ["'Số liệu'!B3", '45,6789%', '45.7%', null],
      ["'Số liệu'!C3", '1.234.567,891', '1,234,567.89', null],
      ["'Số liệu'!D3", 'TRUE', null, null],
      // A4:B5 merged: its value once, in A4; B4, A5 and B5 written empty (B5 keeps a hidden 5 in the file)
      ["'Số liệu'!A4", 'Gộp', null, 'A4:B5'],
      ["'Số liệu'!C4", '2026', null, null],
      ["'Số liệu'!D4", '-0,1', '-0.1', null],
      ["'Số liệu'!C5", '0,1234567890123', '0.12', null],
      // the used range of Sheet2 starts in column B
      ['Sheet2!B2', 'Bảng bắt đầu ở cột B', null, null],
      ['Sheet2!C2', '12,5', '12.5', null],
    ]);
  });
});

describe('numbers and sheet names', () => {
  it('writes a stored number digit for digit in Vietnamese notation', () => {
    expect(vietnameseNumber(1894)).toBe('1894');
    expect(vietnameseNumber(1894, false, true)).toBe('1.894');
    expect(vietnameseNumber(12345)).toBe('12.345');
    expect(vietnameseNumber(0.4567, true)).toBe('45,67%');
    expect(vietnameseNumber(0.95, true)).toBe('95%');
    expect(vietnameseNumber(1.5, true)).toBe('150%');
    expect(vietnameseNumber(0.001, true)).toBe('0,1%');
    expect(vietnameseNumber(0.1 + 0.2)).toBe('0,30000000000000004');
    expect(vietnameseNumber(1e-7)).toBe('0,0000001');
    expect(vietnameseNumber(1e21)).toBe('1.000.000.000.000.000.000.000');
    expect(vietnameseNumber(-1234.5, false, true)).toBe('-1.234,5');
    expect(vietnameseNumber(-0)).toBe('0');
  });

  it('quotes sheet names the way Excel writes them in a reference', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('BieuMau')).toBe('BieuMau');
    expect(quoteSheet('Phụ lục 1')).toBe("'Phụ lục 1'");
    expect(quoteSheet("Xã Hòa's")).toBe("'Xã Hòa''s'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet('2026')).toBe("'2026'");
  });
});

describe('spreadsheets that cannot be read', () => {
  const xls = readFileSync(`${TABLE}.xls`);
  const limits = { ...LIMITS };
  afterEach(() => {
    Object.assign(LIMITS, limits);
  });

  /** The fixture's Workbook stream with its records replaced by `edit`, in the same OLE container. */
  function withWorkbook(edit: (stream: Buffer) => Buffer): Buffer {
    const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
    const entry = XLSX.CFB.find(cfb, 'Workbook')!;
    entry.content = edit(Buffer.from(entry.content as unknown as Uint8Array)) as unknown as typeof entry.content;
    return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
  }

  it('names a password-protected .xls (a FILEPASS record after the BOF)', async () => {
    // FILEPASS, RC4 encryption: type 1, version 1.1, then salt, verifier and verifier hash
    const filepass = Buffer.alloc(4 + 54);
    filepass.writeUInt16LE(0x002f, 0);
    filepass.writeUInt16LE(54, 2);
    filepass.writeUInt16LE(1, 4);
    filepass.writeUInt16LE(1, 6);
    filepass.writeUInt16LE(1, 8);
    const bytes = withWorkbook((s) => Buffer.concat([s.subarray(0, 4 + s.readUInt16LE(2)), filepass, s.subarray(4 + s.readUInt16LE(2))]));
    await expect(ingestBytes(bytes, 'khoa.xls')).rejects.toThrow('khoa.xls: Excel 97–2003 (.xls) is password-protected');
  });

  it('names a corrupt .xls (its Workbook stream overwritten), quietly', async () => {
    const bytes = withWorkbook((s) => Buffer.from(s.map((b, i) => (i < 20 ? b : (i * 7919) & 255))));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await expect(ingestBytes(bytes, 'hong.xls')).rejects.toThrow('hong.xls: corrupt Excel 97–2003 (.xls) (no sheet found)');
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([]); // SheetJS's complaints about unknown records stay out of the console
  });

  it('names a truncated .ods', async () => {
    const ods = readFileSync(`${TABLE}.ods`);
    await expect(ingestBytes(ods.subarray(0, ods.length >> 1), 'cut.ods')).rejects.toThrow(
      'cut.ods: truncated OpenDocument spreadsheet (.ods) (not a valid zip)',
    );
  });

  it('names an empty workbook', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Trống');
    await expect(ingestBytes(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), 'trong.xlsx')).rejects.toThrow(
      'trong.xlsx: empty spreadsheet (no sheet holds a value)',
    );
    expect(() => readSpreadsheet(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }), 'trong.xls', 'xls')).toThrow(
      'trong.xls: empty spreadsheet (no sheet holds a value)',
    );
  });

  it('refuses a sheet with more cells than the limit', async () => {
    LIMITS.maxSheetCells = 10;
    await expect(ingestFile(`${CELLS}.xlsx`)).rejects.toThrow(`${CELLS}.xlsx: sheet 'Số liệu' too large to read (over 10 cells with a value)`);
  });

  it('refuses an XLSX that would inflate too far, before parsing it', async () => {
    // the fixture with one more part, 20 MB of zeros (SheetJS's deflate packs them about 110 times;
    // zlib's 1 000 times), against a limit lowered to 50 times
    const zip = XLSX.CFB.read(readFileSync(`${TABLE}.xlsx`), { type: 'buffer' });
    XLSX.CFB.utils.cfb_add(zip, 'xl/media/padding.bin', Buffer.alloc(20_000_000));
    const bytes = XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer;
    LIMITS.maxZipRatio = 50;
    await expect(ingestBytes(bytes, 'bomb.xlsx')).rejects.toThrow(
      /^bomb\.xlsx: XLSX refused: ZIP entry inflates \d{3} times \(0\.\d MB to 20\.0 MB; the limit is 50 times\)$/,
    );
  });
});
