import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes, ingestFile } from './index.js';
import type { SourceDocument } from './types.js';

const SEED = 'fixtures/000_df22d471c82bd4e0.txt';
const lines = (s: string) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);

describe('DOCX', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.docx');
  });

  it('gives one line per paragraph, header table first, in reading order', () => {
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBe('utf-8');
    expect(lines(doc.text.text)).toEqual(lines(readFileSync(SEED, 'utf8')));
  });

  it('maps a span back to its paragraph and run', () => {
    const at = doc.text.original.indexOf('1.894 hồ sơ');
    const loc = doc.locations!.find((l) => l.start <= at && at < l.end)!;
    // the header table is the first block; `- Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ…` is the
    // 49th paragraph of the body (the 51st non-blank seed line, less the two header lines in the table)
    expect(loc.path).toBe('/body/p[49]/r[1]');
    expect(doc.text.original.slice(loc.start, loc.end)).toMatch(/^- Tổng số hồ sơ yêu cầu giải quyết: 1\.894 hồ sơ, trong đó/);
    const header = doc.locations!.filter((l) => l.path.startsWith('/body/tbl[1]/'));
    expect(header.map((l) => [l.path, doc.text.original.slice(l.start, l.end)])).toEqual([
      ['/body/tbl[1]/tr[1]/tc[1]/p[1]/r[1]', 'Số: /BC-UBND'],
      ['/body/tbl[1]/tr[1]/tc[2]/p[1]/r[1]', 'Cát Hải, ngày tháng 4 năm 2026'],
    ]);
  });

  it('reads a two-column header table column by column', async () => {
    const d = await ingestFile('fixtures/formats/003_4b7321f46e9814a7.docx');
    const header =
      'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: /BC-UBND\n\n' +
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHải Phòng, ngày tháng năm 2026\n\nBÁO CÁO\n';
    expect(d.text.text.slice(0, header.length)).toBe(header);
  });

  it('converts TCVN3 runs by their .VnTime / .VnTimeH fonts, keeping the bytes as original', async () => {
    const d = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.tcvn3.docx');
    expect(d.encoding).toBe('tcvn3');
    // .VnTimeH runs carry capitals: `Ủy` in mid-sentence comes back, which plain TCVN3 text loses
    expect(lines(d.text.text)).toEqual(lines(readFileSync(SEED, 'utf8')));
    const at = d.text.text.indexOf('BÁO CÁO');
    expect(d.text.originalText({ start: at, end: at + 7 })).toBe('B\u00B8O C\u00B8O');
  });

  it('names the reason for a truncated DOCX', async () => {
    await expect(ingestFile('test/data/broken/truncated.docx')).rejects.toThrow(
      'test/data/broken/truncated.docx: truncated DOCX (not a valid zip)',
    );
  });

  it('names a password-protected DOCX: an OLE container holding an EncryptedPackage stream', async () => {
    // the container's directory names its streams in UTF-16LE; no tool here writes a real one
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1152);
    await expect(ingestBytes(bytes, 'secret.docx')).rejects.toThrow('secret.docx: Office file is password-protected');
    // without the stream names and with a zero header, the name is the one hint that it was a .doc
    bytes.fill(0, 1024);
    await expect(ingestBytes(bytes, 'old.doc')).rejects.toThrow('old.doc: corrupt .doc (sector size 2^0)');
  });
});
