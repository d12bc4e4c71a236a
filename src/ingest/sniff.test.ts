import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ingestBytes, sniffFormat } from './index.js';
import { zipFiles } from './testing/hostile.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/formats/${name}`));

/** A one-sheet workbook as SheetJS writes it (ODS: `mimetype` deflated, after the manifest). */
function workbook(bookType: 'ods' | 'xlsx'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Xã', 'Số hồ sơ'], ['An Lão', 1894]]), 'Phụ lục I');
  return new Uint8Array(XLSX.write(book, { bookType, type: 'buffer' }) as Buffer);
}

describe('sniffFormat: the format by content, the name only where the content cannot tell', () => {
  it('tells the ZIP-based formats apart by their parts, and an archive of files from all of them', () => {
    expect(sniffFormat(fixture('000_df22d471c82bd4e0.docx'), 'x.bin')).toBe('docx');
    expect(sniffFormat(fixture('000_df22d471c82bd4e0.odt'), 'x.bin')).toBe('odt');
    expect(sniffFormat(fixture('002_6f7bb062664898b6.table.xlsx'), 'x.bin')).toBe('xlsx');
    expect(sniffFormat(fixture('002_6f7bb062664898b6.table.ods'), 'x.bin')).toBe('ods');
    expect(sniffFormat(zipFiles([{ name: 'bao-cao.txt', data: 'Số: 120/BC-UBND' }]), 'x.bin')).toBe('zip');
  });

  it('finds an ODS whose mimetype entry is deflated and not first, as SheetJS writes it', async () => {
    const ods = workbook('ods');
    expect(Buffer.from(ods.subarray(30, 38)).toString('latin1')).not.toBe('mimetype');
    expect(sniffFormat(ods, 'x.bin')).toBe('ods');
    expect((await ingestBytes(ods, 'sheetjs.ods')).text.original).toBe('Phụ lục I\n\nXã\tSố hồ sơ\nAn Lão\t1894\n');
  });

  it('names a ZIP cut short by its extension, the one hint left', async () => {
    const cut = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(sniffFormat(cut(workbook('xlsx')), 'bao-cao.xlsx')).toBe('xlsx');
    expect(sniffFormat(cut(fixture('000_df22d471c82bd4e0.odt')), 'bao-cao.odt')).toBe('odt');
    expect(sniffFormat(cut(fixture('000_df22d471c82bd4e0.docx')), 'bao-cao.bin')).toBe('docx');
    await expect(ingestBytes(cut(workbook('xlsx')), 'bao-cao.xlsx')).rejects.toThrow('bao-cao.xlsx: truncated XLSX (not a valid zip)');
  });

  it('tells RTF, Word and Excel 97–2003 by their first bytes and streams', () => {
    expect(sniffFormat(fixture('000_df22d471c82bd4e0.rtf'), 'x.bin')).toBe('rtf');
    expect(sniffFormat(fixture('000_df22d471c82bd4e0.doc'), 'x.bin')).toBe('doc');
    expect(sniffFormat(fixture('002_6f7bb062664898b6.table.xls'), 'x.bin')).toBe('xls');
  });
});
