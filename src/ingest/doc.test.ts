import { readFileSync } from 'node:fs';
import { PipelineError } from '../errors.js';
import { describe, expect, it } from 'vitest';
import { readDoc, toRuns } from './doc.js';
import { readDocx } from './docx.js';
import { ingestBytes, ingestFile, sniffFormat } from './index.js';
import { readOle } from './ole.js';

const DOC_000 = 'fixtures/formats/000_df22d471c82bd4e0.doc';
const DOC_003 = 'fixtures/formats/003_4b7321f46e9814a7.doc';
const TCVN3_DOC = 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.doc';

/** A copy of a .doc with its file information block (FIB) changed by `patch`. */
function patchFib(file: string, patch: (fib: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(readFileSync(file));
  // the WordDocument stream, which begins with the FIB (0xA5EC), starts at a sector boundary
  let at = 512;
  while (!(bytes[at] === 0xec && bytes[at + 1] === 0xa5)) at += 512;
  patch(new DataView(bytes.buffer, at, 0x200));
  return bytes;
}

describe('.doc reader', () => {
  it('reads the text as the DOCX reader reads the same document: paragraphs, the header table by column', async () => {
    for (const [doc, docx] of [
      [DOC_000, 'fixtures/formats/000_df22d471c82bd4e0.docx'],
      [DOC_003, 'fixtures/formats/003_4b7321f46e9814a7.docx'],
      [TCVN3_DOC, 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.docx'],
    ] as const) {
      expect((await readDoc(readFileSync(doc), doc)).original).toBe((await readDocx(readFileSync(docx), docx)).original);
    }
    const r = await readDoc(readFileSync(DOC_003), DOC_003);
    expect(r.original.split('\n').slice(0, 10)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HẢI PHÒNG',
      'Số: /BC-UBND',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hải Phòng, ngày tháng năm 2026',
      '',
      'BÁO CÁO',
      '',
    ]);
    expect(r.legacyRuns).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('locates every paragraph: body paragraphs and table cells', async () => {
    const r = await readDoc(readFileSync(DOC_003), DOC_003);
    expect(r.locations.slice(0, 7)).toEqual([
      { start: 0, end: 15, path: '/body/tbl[1]/tr[1]/tc[1]/p[1]' },
      { start: 16, end: 35, path: '/body/tbl[1]/tr[1]/tc[1]/p[2]' },
      { start: 36, end: 48, path: '/body/tbl[1]/tr[1]/tc[1]/p[3]' },
      { start: 50, end: 84, path: '/body/tbl[1]/tr[1]/tc[2]/p[1]' },
      { start: 85, end: 112, path: '/body/tbl[1]/tr[1]/tc[2]/p[2]' },
      { start: 113, end: 143, path: '/body/tbl[1]/tr[1]/tc[2]/p[3]' },
      { start: 145, end: 152, path: '/body/p[1]' },
    ]);
    expect(r.original.slice(145, 152)).toBe('BÁO CÁO');
    // every character but the line breaks between paragraphs is in a located run
    const inRun = new Uint8Array(r.original.length);
    for (const l of r.locations) inRun.fill(1, l.start, l.end);
    const outside = r.original.split('').filter((c, k) => !inRun[k]);
    expect(new Set(outside)).toEqual(new Set(['\n']));
  });

  it('finds the root streams of the OLE container, small ones in the mini stream, and sniffs a .doc by them', () => {
    const bytes = readFileSync('test/data/word/table.doc');
    const ole = readOle(bytes);
    expect(ole.names.sort()).toEqual(['\u0001CompObj', '\u0001Ole', '\u0005DocumentSummaryInformation', '\u0005SummaryInformation', '1Table', 'WordDocument']);
    expect(ole.stream('WordDocument')!.length).toBe(4655);
    expect(Buffer.from(ole.stream('WordDocument')!.subarray(0, 2)).toString('hex')).toBe('eca5');
    expect(ole.stream('\u0001CompObj')!.length).toBe(106); // under 4096 bytes: mini stream
    expect(ole.stream('Workbook')).toBeUndefined();
    expect(sniffFormat(bytes, 'table.bin')).toBe('doc');
  });

  it('reads a table of three columns one row per line, cells tab-separated, a cell\'s paragraphs on its line', async () => {
    const r = await readDoc(readFileSync('test/data/word/table.doc'), 'table.doc');
    expect(r.original).toBe('Kết quả giải quyết hồ sơ:\n\nTT\tLĩnh vực\tSố hồ sơ\n1\tHộ tịch (cấp xã)\t1.779\n2\tĐất đai\t115\n\nTổng số: 1.894 hồ sơ.\n');
    expect(r.locations.map((l) => [r.original.slice(l.start, l.end), l.path])).toEqual([
      ['Kết quả giải quyết hồ sơ:', '/body/p[1]'],
      ['TT', '/body/tbl[1]/tr[1]/tc[1]/p[1]'],
      ['Lĩnh vực', '/body/tbl[1]/tr[1]/tc[2]/p[1]'],
      ['Số hồ sơ', '/body/tbl[1]/tr[1]/tc[3]/p[1]'],
      ['1', '/body/tbl[1]/tr[2]/tc[1]/p[1]'],
      ['Hộ tịch', '/body/tbl[1]/tr[2]/tc[2]/p[1]'],
      ['(cấp xã)', '/body/tbl[1]/tr[2]/tc[2]/p[2]'],
      ['1.779', '/body/tbl[1]/tr[2]/tc[3]/p[1]'],
      ['2', '/body/tbl[1]/tr[3]/tc[1]/p[1]'],
      ['Đất đai', '/body/tbl[1]/tr[3]/tc[2]/p[1]'],
      ['115', '/body/tbl[1]/tr[3]/tc[3]/p[1]'],
      ['Tổng số: 1.894 hồ sơ.', '/body/p[2]'],
    ]);
  });

  it('gives each run its font through the styles: .VnTime runs are TCVN3, .VnTimeH runs its capitals', async () => {
    const r = await readDoc(readFileSync(TCVN3_DOC), TCVN3_DOC);
    expect(r.original.slice(0, 55)).toBe('Sè: /BC-UBND\n\nC¸t H¶i, ngµy th¸ng 4 n¨m 2026\n\nB¸O C¸O\n\n');
    // the style sets .VnTime (no run sets it); the title's toned capitals are in .VnTimeH
    expect(r.legacyRuns.slice(0, 6)).toEqual([
      { encoding: 'tcvn3', upper: false, span: { start: 0, end: 12 } },
      { encoding: 'tcvn3', upper: false, span: { start: 14, end: 44 } },
      { encoding: 'tcvn3', upper: false, span: { start: 46, end: 47 } },
      { encoding: 'tcvn3', upper: true, span: { start: 47, end: 48 } },
      { encoding: 'tcvn3', upper: false, span: { start: 48, end: 51 } },
      { encoding: 'tcvn3', upper: true, span: { start: 51, end: 52 } },
    ]);
    const doc = await ingestFile(TCVN3_DOC);
    expect(doc.format).toBe('doc');
    expect(doc.encoding).toBe('tcvn3');
    expect(doc.text.text.slice(0, 55)).toBe('Số: /BC-UBND\n\nCát Hải, ngày tháng 4 năm 2026\n\nBÁO CÁO\n\n');
    // Word keeps TCVN3's ư (0xAD, a soft hyphen in Latin-1) as its optional hyphen 0x1F: it comes back
    expect(doc.text.text).toContain('như sau:');
    expect(doc.text.text).toBe((await ingestFile('fixtures/formats/000_df22d471c82bd4e0.tcvn3.docx')).text.text);
  });

  it('keeps a field result and drops its code; turns Word marks into text', () => {
    const chars = [...'S\u0013 PAGE \u00143\u0015 / a\u000bb\u001ec\u001fd\u0001'].map((c, fc) => ({ c, fc }));
    expect(toRuns(chars, () => 'Times New Roman', '/body/p[1]')).toEqual([
      { text: 'S3 / a', font: 'Times New Roman', path: '/body/p[1]' },
      { text: '', owe: '\n' },
      { text: 'b-c\u00add', font: 'Times New Roman', path: '/body/p[1]' },
    ]);
    // a field whose result runs over two paragraphs (a table of contents)
    const fields: ('code' | 'result')[] = [];
    const font = () => null;
    const para = (text: string) => [...text].map((c, fc) => ({ c, fc }));
    expect(toRuns(para('\u0013 TOC \\o \u0014I. A'), font, '/body/p[1]', fields)).toEqual([{ text: 'I. A', font: null, path: '/body/p[1]' }]);
    expect(fields).toEqual(['result']);
    expect(toRuns(para('II. B\u0015 x'), font, '/body/p[2]', fields)).toEqual([{ text: 'II. B x', font: null, path: '/body/p[2]' }]);
    expect(fields).toEqual([]);
  });

  it('names a password-protected, truncated, Word 6, broken or empty .doc', async () => {
    await expect(ingestFile('test/data/broken/password.doc')).rejects.toThrow('test/data/broken/password.doc: .doc is password-protected');
    await expect(ingestFile('test/data/broken/truncated.doc')).rejects.toThrow(
      'test/data/broken/truncated.doc: truncated .doc (a sector lies past the end of the file)',
    );
    const word6 = patchFib(DOC_000, (fib) => fib.setUint16(2, 0x65 - 1, true));
    await expect(ingestBytes(word6, 'old.doc')).rejects.toThrow('old.doc: Word 6/95 .doc is not supported: save it as DOCX');
    const noPieces = patchFib(DOC_000, (fib) => fib.setUint32(0x1a6, 0x7fffffff, true));
    await expect(ingestBytes(noPieces, 'bad.doc')).rejects.toThrow('bad.doc: truncated .doc (the piece table lies past the end of the table stream)');
    const noText = patchFib(DOC_000, (fib) => fib.setUint32(0x4c, 0, true));
    await expect(ingestBytes(noText, 'blank.doc')).rejects.toThrow('blank.doc: Word 97–2003 (.doc) has no text');
  });

  it('reads or names every damaged copy of a .doc and an RTF, never crashing or hanging', async () => {
    // a fixed pseudo-random sequence: bytes overwritten anywhere in the file, 1 to 20 at a time
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const outcomes = new Map<string, number>();
    for (const [file, copies] of [
      ['test/data/word/table.doc', 150],
      ['test/data/word/table.rtf', 50],
    ] as const) {
      const original = readFileSync(file);
      for (let k = 0; k < copies; k++) {
        const bytes = Buffer.from(original);
        for (let m = 1 + Math.floor(random() * 20); m > 0; m--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const outcome = await ingestBytes(bytes, file).then(
          () => 'read',
          (error) => (error instanceof PipelineError ? 'named' : `crashed: ${error}`),
        );
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    expect([...outcomes.keys()].sort()).toEqual(['named', 'read']);
  });
});
