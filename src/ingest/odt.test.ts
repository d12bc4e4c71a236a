import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes, ingestFile, sniffFormat } from './index.js';
import type { SourceDocument } from './types.js';

const SEED = 'fixtures/000_df22d471c82bd4e0.txt';
const ODT = 'fixtures/formats/000_df22d471c82bd4e0.odt';
const lines = (s: string) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);

const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';

/** An ODT package as LibreOffice writes one: `mimetype` first and stored, then the parts given. */
async function odt(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  for (const [name, text] of Object.entries(parts)) zip.file(name, text, { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'uint8array' });
}

/** content.xml with these automatic styles and this body. */
const content = (body: string, styles = '', faces = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.3">` +
  `<office:font-face-decls>${faces}</office:font-face-decls><office:automatic-styles>${styles}</office:automatic-styles>` +
  `<office:body><office:text>${body}</office:text></office:body></office:document-content>`;

async function read(body: string, styles = '', faces = ''): Promise<SourceDocument> {
  return ingestBytes(await odt({ 'content.xml': content(body, styles, faces) }), 'hand-made.odt');
}

const located = (doc: SourceDocument) => doc.locations!.map((l) => [l.path, doc.text.original.slice(l.start, l.end)]);

describe('ODT', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await ingestFile(ODT);
  });

  it('is recognised by its mimetype entry and gives one line per paragraph, header table first', () => {
    expect(sniffFormat(readFileSync(ODT), 'any.name')).toBe('odt');
    expect(doc.format).toBe('odt');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.warnings).toEqual([]);
    expect(lines(doc.text.text)).toEqual(lines(readFileSync(SEED, 'utf8')));
  });

  it('writes the same text as the DOCX of the same document, character for character', async () => {
    const docx = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.docx');
    expect(doc.text.original).toBe(docx.text.original);
  });

  it('maps a span back to its paragraph, and the header cells to their table cells', () => {
    const at = doc.text.original.indexOf('1.894 hồ sơ');
    const loc = doc.locations!.find((l) => l.start <= at && at < l.end)!;
    // the 49th paragraph of the body, as in the DOCX (`/body/p[49]/r[1]` there)
    expect(loc.path).toBe('/body/p[49]');
    expect(doc.text.original.slice(loc.start, loc.end)).toMatch(/^- Tổng số hồ sơ yêu cầu giải quyết: 1\.894 hồ sơ, trong đó/);
    expect(located(doc).filter(([path]) => path!.startsWith('/body/table[1]/'))).toEqual([
      ['/body/table[1]/tr[1]/tc[1]/p[1]', 'Số: /BC-UBND'],
      ['/body/table[1]/tr[1]/tc[2]/p[1]', 'Cát Hải, ngày tháng 4 năm 2026'],
    ]);
  });

  it('reads a two-column header table column by column', async () => {
    const d = await ingestFile('fixtures/formats/003_4b7321f46e9814a7.odt');
    const header =
      'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: /BC-UBND\n\n' +
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHải Phòng, ngày tháng năm 2026\n\nBÁO CÁO\n';
    expect(d.text.text.slice(0, header.length)).toBe(header);
    expect(d.text.original).toBe((await ingestFile('fixtures/formats/003_4b7321f46e9814a7.docx')).text.original);
  });

  it('converts TCVN3 spans by their .VnTime / .VnTimeH fonts, keeping the bytes as original', async () => {
    const d = await ingestFile('fixtures/formats/000_df22d471c82bd4e0.tcvn3.odt');
    expect(d.encoding).toBe('tcvn3');
    // the default paragraph style sets .VnTime; spans in .VnTimeH carry capitals (`Ủy` mid-sentence)
    expect(lines(d.text.text)).toEqual(lines(readFileSync(SEED, 'utf8')));
    const at = d.text.text.indexOf('BÁO CÁO');
    expect(d.text.originalText({ start: at, end: at + 7 })).toBe('B\u00B8O C\u00B8O');
    expect(located(d).filter(([path]) => path!.startsWith('/body/p[1]'))).toEqual([
      ['/body/p[1]', 'B'],
      ['/body/p[1]/span[1]', '\u00B8'],
      ['/body/p[1]', 'O C'],
      ['/body/p[1]/span[2]', '\u00B8'],
      ['/body/p[1]', 'O'],
    ]);
  });

  it('writes spaces, tabs, line breaks, headings and lists, and collapses XML white space', async () => {
    const d = await read(
      '<text:h text:outline-level="1">I. KẾT QUẢ</text:h>' +
        '<text:p>  Số<text:s/>hồ\n   sơ:<text:s text:c="3"/>1.894<text:tab/>hồ sơ<text:line-break/>trong đó <text:span>mới</text:span> 1.852</text:p>' +
        '<text:list><text:list-item><text:p>- Công văn 137</text:p><text:list><text:list-item><text:p>a) lồng</text:p></text:list-item></text:list></text:list-item>' +
        '<text:list-item><text:p>- Công văn <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">321</text:a></text:p></text:list-item></text:list>' +
        '<text:p>Trang <text:page-number>2</text:page-number><text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>chú thích</text:p></text:note-body></text:note><text:bookmark text:name="b"/></text:p>',
    );
    expect(d.text.original).toBe(
      'I. KẾT QUẢ\n\nSố hồ sơ:   1.894\thồ sơ\ntrong đó mới 1.852\n\n- Công văn 137\n\na) lồng\n\n- Công văn 321\n\nTrang 2\n',
    );
    expect(located(d)).toEqual([
      ['/body/h[1]', 'I. KẾT QUẢ'],
      ['/body/p[1]', 'Số hồ sơ:   1.894'],
      ['/body/p[1]', 'hồ sơ'],
      ['/body/p[1]', 'trong đó '],
      ['/body/p[1]/span[1]', 'mới'],
      ['/body/p[1]', ' 1.852'],
      ['/body/list[1]/li[1]/p[1]', '- Công văn 137'],
      ['/body/list[1]/li[1]/list[1]/li[1]/p[1]', 'a) lồng'],
      ['/body/list[1]/li[2]/p[1]', '- Công văn '],
      ['/body/list[1]/li[2]/p[1]/a[1]', '321'],
      ['/body/p[2]', 'Trang 2'],
    ]);
  });

  it('writes a table one row per line, merged cells once, repeated cells and rows as many times as they stand', async () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}><text:p>${t}</text:p></table:table-cell>`;
    const d = await read(
      '<table:table><table:table-column table:number-columns-repeated="3"/>' +
        `<table:table-header-rows><table:table-row>${cell('STT')}${cell('Chỉ tiêu')}${cell('Kết quả')}</table:table-row></table:table-header-rows>` +
        `<table:table-row>${cell('1')}${cell('Hồ sơ trực tuyến', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row>` +
        `<table:table-row>${cell('2')}<table:table-cell><text:p>Tỷ lệ</text:p><text:p>đúng hạn</text:p></table:table-cell>${cell('95%')}</table:table-row>` +
        `<table:table-row table:number-rows-repeated="2">${cell('x', ' table:number-columns-repeated="3"')}</table:table-row>` +
        '</table:table>',
    );
    expect(d.text.original).toBe('STT\tChỉ tiêu\tKết quả\n1\tHồ sơ trực tuyến\n2\tTỷ lệ đúng hạn\t95%\nx\tx\tx\nx\tx\tx\n');
    expect(located(d).slice(3, 9)).toEqual([
      ['/body/table[1]/tr[2]/tc[1]/p[1]', '1'],
      ['/body/table[1]/tr[2]/tc[2]/p[1]', 'Hồ sơ trực tuyến'],
      ['/body/table[1]/tr[3]/tc[1]/p[1]', '2'],
      ['/body/table[1]/tr[3]/tc[2]/p[1]', 'Tỷ lệ'],
      ['/body/table[1]/tr[3]/tc[2]/p[2]', 'đúng hạn'],
      ['/body/table[1]/tr[3]/tc[3]/p[1]', '95%'],
    ]);
    expect(located(d).at(-1)).toEqual(['/body/table[1]/tr[5]/tc[3]/p[1]', 'x']);
  });

  it('converts VNI spans by their font, named by a font face or by fo:font-family', async () => {
    const d = await read(
      '<text:p text:style-name="P1">Ba\u00F9o ca\u00F9o <text:span text:style-name="T1">\u00D1a\u00F5 tie\u00E1p nha\u00E4n</text:span></text:p>',
      '<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="VNI Times"/></style:style>' +
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-family="VNI-Helve"/></style:style>',
      '<style:font-face style:name="VNI Times" svg:font-family="&apos;VNI-Times&apos;"/>',
    );
    expect(d.encoding).toBe('vni');
    expect(d.text.text).toBe('Báo cáo Đã tiếp nhận\n');
    const at = d.text.text.indexOf('tiếp');
    expect(d.text.originalText({ start: at, end: at + 4 })).toBe('tie\u00E1p');
  });

  it('names the reason for a truncated, encrypted, empty or broken ODT', async () => {
    const bytes = readFileSync(ODT);
    await expect(ingestBytes(bytes.subarray(0, bytes.length >> 1), 'half.odt')).rejects.toThrow('half.odt: truncated ODT (not a valid zip)');
    const manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">' +
      '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>';
    await expect(ingestBytes(await odt({ 'META-INF/manifest.xml': manifest, 'content.xml': '\u0007\u0013binary' }), 'secret.odt')).rejects.toThrow(
      'secret.odt: ODT is password-protected',
    );
    await expect(ingestBytes(await odt({ 'styles.xml': '<x/>' }), 'bare.odt')).rejects.toThrow('bare.odt: unreadable ODT (no content.xml)');
    await expect(read('<text:p> </text:p><table:table><table:table-row><table:table-cell/></table:table-row></table:table>')).rejects.toThrow(
      'hand-made.odt: ODT has no text',
    );
    await expect(ingestBytes(await odt({ 'content.xml': '<office:document-content><text:p>' }), 'bad.odt')).rejects.toThrow(
      /^bad\.odt: unreadable ODT \(content\.xml is not well-formed XML: [^\n]+\)$/,
    );
    // declared sizes are checked before anything is inflated
    const bomb = await odt({ 'content.xml': content(`<text:p>${' '.repeat(2_000_000)}x</text:p>`) });
    await expect(ingestBytes(bomb, 'bomb.odt')).rejects.toThrow(/^bomb\.odt: ODT refused: ZIP entry inflates \d+ times \(0\.0 MB to 2\.0 MB; the limit is 200 times\)$/);
    // a DTD's entities are not expanded (no billion laughs, no external files): an error
    const entities = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY e SYSTEM "file:///etc/passwd">]><d>&a;&e;</d>';
    await expect(ingestBytes(await odt({ 'content.xml': entities }), 'dtd.odt')).rejects.toThrow(
      'dtd.odt: unreadable ODT (content.xml is not well-formed XML: entity not found:&a;)',
    );
  });
});
