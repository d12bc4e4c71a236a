import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBytes, ingestFile } from './index.js';
import { readDocx } from './docx.js';
import { parseRtf, readRtf } from './rtf.js';

const rtf = (body: string) => Buffer.from(body, 'latin1');
const FONTS = '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset0 .VnTime;}{\\f2\\fnil\\fcharset0 .VnTimeH;}{\\f3\\fnil VNI-Times;}}';

describe('RTF reader', () => {
  it('decodes \\\'hh bytes in the code page and \\uN with its fallback skipped', () => {
    const r = parseRtf(rtf(`{\\rtf1\\ansi\\ansicpg1252\\deff0${FONTS}\\pard C\\'e1t H\\u7843\\'3fi, ng\\u224\\'e0y 5\\par}`));
    expect(r.original).toBe('Cát Hải, ngày 5\n');
    // \uc2: two fallback bytes; \uc0: none; a negative N is a unit above 0x7FFF (a surrogate pair here)
    expect(parseRtf(rtf(`{\\rtf1\\uc2 \\u7843\\'3f\\'3fx \\uc0\\u273 \\u-10179\\u-8704 y}`)).original).toBe('ảx đ😀y\n');
    // Windows-1252's 0x80–0x9F block is punctuation, not C1 controls
    expect(parseRtf(rtf(`{\\rtf1\\ansi it\\'92s \\'93a\\'94 \\'96 \\'80\\par}`)).original).toBe('it’s “a” – €\n');
    // a Vietnamese code page, whose tones are combining marks
    expect(parseRtf(rtf(`{\\rtf1\\ansi\\ansicpg1258 Vi\\'ea\\'f2t \\'d0\\'f0\\par}`)).original).toBe('Viê\u0323t Đđ\n');
    // literal 8-bit text is in the code page as well, and a font's \\fcharset wins over \\ansicpg
    expect(parseRtf(rtf(`{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fcharset204 Arial Cyr;}}\\f0 \\'c4\xe0}`)).original).toBe('Да\n');
  });

  it('skips ignorable destinations, tables of fonts, colours, styles, info, pictures, headers and field codes', () => {
    const r = parseRtf(
      rtf(
        `{\\rtf1\\ansi${FONTS}{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}{\\info{\\title Ti\\'eau \\'f0\\'ea\\'a6}{\\author A}}` +
          `{\\*\\generator LibreOffice;}{\\header\\pard Trang {\\field{\\*\\fldinst PAGE}{\\fldrslt 2}}\\par}` +
          `\\pard B\\'e1o c\\'e1o {\\*\\bkmkstart x}{\\pict\\pngblip 89504e47}{\\field{\\*\\fldinst HYPERLINK "http://a"}{\\fldrslt s\\'f4\\'e9 3}}\\par}`,
      ),
    );
    expect(r.original).toBe('Báo cáo sôé 3\n');
  });

  it('writes paragraphs, line breaks, tabs and symbols as the DOCX reader does', () => {
    const r = parseRtf(rtf(`{\\rtf1 M\\'f4t\\line hai\\tab ba\\par\\par\\pard\\~-\\emdash\\{x\\}\\\\\\par}`));
    expect(r.original).toBe('Môt\nhai\tba\n\n\u00a0-\u2014{x}\\\n');
    expect(r.locations).toEqual([
      { start: 0, end: 3, path: '/body/p[1]' },
      { start: 4, end: 10, path: '/body/p[1]' },
      { start: 12, end: 19, path: '/body/p[3]' },
    ]);
  });

  it('reads a two-column header table by column and other tables one row per line', () => {
    const head =
      `\\trowd\\cellx4535\\cellx9071\\pard\\intbl S\\'f4\\'e1: 12/BC\\cell\\pard\\intbl C\\u7896\\'3fNG H\\u210\\'d2A\\par ` +
      `\\u272\\'d0\\u7897\\'3fc l\\u7853\\'3fp\\cell\\row\\pard `;
    const table =
      `\\trowd\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl TT\\cell N\\u7897\\'3fi dung\\cell S\\u7889\\'3f\\cell\\row` +
      `\\trowd\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl 1\\cell H\\u7891\\'3f s\\u417\\'3f\\cell 1.894\\cell\\row\\pard `;
    const r = parseRtf(rtf(`{\\rtf1\\ansi ${head}B\\'c1O C\\'c1O\\par ${table}H\\u7871\\'3ft\\par}`));
    expect(r.original).toBe('Sôá: 12/BC\n\nCỘNG HÒA\nĐộc lập\n\nBÁO CÁO\n\nTT\tNội dung\tSố\n1\tHồ sơ\t1.894\n\nHết\n');
    expect(r.locations.map((l) => [r.original.slice(l.start, l.end), l.path])).toEqual([
      ['Sôá: 12/BC', '/body/tbl[1]/tr[1]/tc[1]/p[1]'],
      ['CỘNG HÒA', '/body/tbl[1]/tr[1]/tc[2]/p[1]'],
      ['Độc lập', '/body/tbl[1]/tr[1]/tc[2]/p[2]'],
      ['BÁO CÁO', '/body/p[1]'],
      ['TT', '/body/tbl[2]/tr[1]/tc[1]/p[1]'],
      ['Nội dung', '/body/tbl[2]/tr[1]/tc[2]/p[1]'],
      ['Số', '/body/tbl[2]/tr[1]/tc[3]/p[1]'],
      ['1', '/body/tbl[2]/tr[2]/tc[1]/p[1]'],
      ['Hồ sơ', '/body/tbl[2]/tr[2]/tc[2]/p[1]'],
      ['1.894', '/body/tbl[2]/tr[2]/tc[3]/p[1]'],
      ['Hết', '/body/p[2]'],
    ]);
  });

  it('keeps .VnTime runs as Latin-1 bytes and names their encoding; ingest converts them, .VnTimeH as capitals', async () => {
    // "BÁO CÁO kết quả": the capitals' tone in .VnTimeH, the rest in .VnTime (TCVN3)
    const bytes = rtf(`{\\rtf1\\ansi\\deff0${FONTS}\\pard\\f1 B{\\f2\\'b8}O C{\\f2\\'b8}O k\\'d5t qu\\'b6\\par\\f0 C\\'e1t\\par}`);
    const r = parseRtf(bytes);
    expect(r.original).toBe('B¸O C¸O kÕt qu¶\n\nC\u00e1t\n');
    expect(r.legacyRuns).toEqual([
      { encoding: 'tcvn3', upper: false, span: { start: 0, end: 1 } },
      { encoding: 'tcvn3', upper: true, span: { start: 1, end: 2 } },
      { encoding: 'tcvn3', upper: false, span: { start: 2, end: 5 } },
      { encoding: 'tcvn3', upper: true, span: { start: 5, end: 6 } },
      { encoding: 'tcvn3', upper: false, span: { start: 6, end: 15 } },
    ]);
    const doc = await ingestBytes(bytes, 'x.rtf');
    expect(doc.format).toBe('rtf');
    expect(doc.encoding).toBe('tcvn3');
    expect(doc.text.text).toBe('BÁO CÁO kết quả\n\nCát\n');
    // every converted letter maps back to its byte
    expect(doc.text.original.slice(1, 2)).toBe('¸');
    // VNI fonts name VNI
    expect(parseRtf(rtf(`{\\rtf1${FONTS}\\f3 Vie\\'e4t\\par}`)).legacyRuns).toEqual([{ encoding: 'vni', upper: false, span: { start: 0, end: 5 } }]);
  });

  it('gives the fixture the same text as its DOCX twin, and the seed 000 fixture starts with its header block', async () => {
    for (const seed of ['000_df22d471c82bd4e0', '003_4b7321f46e9814a7']) {
      const r = await readRtf(readFileSync(`fixtures/formats/${seed}.rtf`), seed);
      const docx = await readDocx(readFileSync(`fixtures/formats/${seed}.docx`), seed);
      expect(r.original).toBe(docx.original);
    }
    const doc = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.rtf');
    expect(doc.text.original.split('\n').slice(0, 6)).toEqual(['Số: /BC-UBND', '', 'Cát Hải, ngày tháng 4 năm 2026', '', 'BÁO CÁO', '']);
  });

  it('reads the LibreOffice RTF of a three-column table as the .doc of the same table', async () => {
    const r = await readRtf(readFileSync('test/data/word/table.rtf'), 'table.rtf');
    expect(r.original).toBe('Kết quả giải quyết hồ sơ:\n\nTT\tLĩnh vực\tSố hồ sơ\n1\tHộ tịch (cấp xã)\t1.779\n2\tĐất đai\t115\n\nTổng số: 1.894 hồ sơ.\n');
    expect(r.locations.map((l) => l.path)).toEqual([
      '/body/p[1]',
      '/body/tbl[1]/tr[1]/tc[1]/p[1]',
      '/body/tbl[1]/tr[1]/tc[2]/p[1]',
      '/body/tbl[1]/tr[1]/tc[3]/p[1]',
      '/body/tbl[1]/tr[2]/tc[1]/p[1]',
      '/body/tbl[1]/tr[2]/tc[2]/p[1]',
      '/body/tbl[1]/tr[2]/tc[2]/p[2]',
      '/body/tbl[1]/tr[2]/tc[3]/p[1]',
      '/body/tbl[1]/tr[3]/tc[1]/p[1]',
      '/body/tbl[1]/tr[3]/tc[2]/p[1]',
      '/body/tbl[1]/tr[3]/tc[3]/p[1]',
      '/body/p[2]',
    ]);
  });

  it('names an RTF with unbalanced groups, groups nested too deep or no text; skips a bad escape', async () => {
    await expect(readRtf(rtf('{\\rtf1 {\\b abc}'), 'cut.rtf')).rejects.toThrow('cut.rtf: RTF has unbalanced groups (1 not closed: the file is cut short)');
    await expect(ingestFile('test/data/broken/unbalanced.rtf')).rejects.toThrow(
      'test/data/broken/unbalanced.rtf: RTF has unbalanced groups (2 not closed: the file is cut short)',
    );
    // a malformed escape is skipped, with a warning, as Word skips it
    expect(parseRtf(rtf("{\\rtf1 a\\'zzb\\'e1}"))).toMatchObject({ original: 'azzbá\n', warnings: ["RTF has 1 malformed \\' escape (skipped)"] });
    await expect(readRtf(rtf(`{\\rtf1 ${'{'.repeat(10_001)}`), 'deep.rtf')).rejects.toThrow('deep.rtf: corrupt RTF (groups nested more than 10000 deep)');
    await expect(ingestBytes(rtf(`{\\rtf1\\ansi${FONTS}{\\info{\\title T}}\\pard\\par}`), 'blank.rtf')).rejects.toThrow('blank.rtf: RTF has no text');
    // text after the document's closing brace is not RTF and is left out
    expect(parseRtf(rtf('{\\rtf1 a}}} b')).original).toBe('a\n');
  });
});
