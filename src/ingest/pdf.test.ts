import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { provenanceOf } from '../text/provenance.js';
import { ingestFile } from './index.js';
import { makeSegment } from './layout.js';
import { usable } from './pdf.js';
import { RawPdf } from './pdf-scan.js';
import type { SourceDocument } from './types.js';

const SEED = 'fixtures/000_df22d471c82bd4e0.txt';
const PDF000 = 'fixtures/formats/000_df22d471c82bd4e0.pdf';
const PDF003 = 'fixtures/formats/003_4b7321f46e9814a7.pdf';

/** Non-blank lines, trailing spaces dropped: what layout must reproduce from the page. */
const lines = (s: string) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);

describe('PDF text layer', () => {
  let doc000: SourceDocument;
  let doc003: SourceDocument;
  beforeAll(async () => {
    doc000 = await ingestFile(PDF000);
    doc003 = await ingestFile(PDF003);
  });

  it('gives the seed text line for line: wrapped paragraphs joined, page numbers dropped', () => {
    expect(doc000.format).toBe('pdf');
    expect(doc000.textOrigin).toBe('original');
    expect(lines(doc000.text.text)).toEqual(lines(readFileSync(SEED, 'utf8')));
    expect(doc000.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc000.pages[0]).toMatchObject({ start: 0, width: 595.3, height: 841.89 });
  });

  it('reads a two-column header block column by column, not interleaved', () => {
    const header =
      'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: /BC-UBND\n\n' +
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHải Phòng, ngày tháng năm 2026\n\nBÁO CÁO\n';
    expect(doc003.text.text.slice(0, header.length)).toBe(header);
  });

  it('joins a symbol broken after its hyphen at a line end without a space', () => {
    // page 1 of seed 003 breaks `3220/UBND-` | `TTPVHCC` and `137/UBND-` | `TTPVHCC` across lines
    expect(doc003.text.text).toContain('Công văn số 3220/UBND-TTPVHCC ngày 23/12/2025');
    expect(doc003.text.text).toContain('Công văn số 137/UBND-TTPVHCC ngày 23/01/2026');
  });

  it('maps every visible character to a page and a box', () => {
    const original = doc000.text.original;
    let covered = 0;
    let visible = 0;
    let b = 0;
    for (let i = 0; i < original.length; i++) {
      if (/\s/.test(original[i]!)) continue;
      visible++;
      while (b < doc000.boxes.length && doc000.boxes[b]!.end <= i) b++;
      if (b < doc000.boxes.length && doc000.boxes[b]!.start <= i) covered++;
    }
    expect(covered).toBe(visible);
  });

  it('puts 1.894 in a box on its page that holds those characters per pdf.js', async () => {
    const at = doc000.text.text.indexOf('1.894 hồ sơ, trong đó');
    const prov = provenanceOf(doc000, doc000.text, { start: at, end: at + 5 });
    expect(prov.text).toBe('1.894');
    expect(prov.page).toBe(4);
    expect(prov.boxes).toHaveLength(1);
    const box = prov.boxes![0]!;
    expect(box.page).toBe(4);
    // pdf.js on its own: the text item holding 1.894 on page 4, in top-left page coordinates
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(PDF000)), verbosity: 0 }).promise;
    const page = await pdf.getPage(4);
    const viewport = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.includes('1.894 hồ sơ, trong đó'));
    expect(items).toHaveLength(1);
    const item = items[0]!;
    const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    await pdf.destroy();
    expect(box.x).toBeCloseTo(x!, 1);
    expect(box.x + box.width).toBeCloseTo(x! + item.width, 1);
    expect(box.y).toBeLessThan(y!); // the box reaches above the baseline…
    expect(box.y + box.height).toBeGreaterThan(y!); // …and below it
    expect(box.height).toBeGreaterThan(item.height * 0.9);
  });

  it('reads a PDF by its content whatever its name', async () => {
    const named = await ingestFile('fixtures/formats/003_4b7321f46e9814a7.pdf-named.docx');
    expect(named.format).toBe('pdf');
    expect(named.text.original).toBe(doc003.text.original);
  });

  it('names the reason for a corrupt and an encrypted PDF', async () => {
    await expect(ingestFile('test/data/broken/corrupt.pdf')).rejects.toThrow(
      'test/data/broken/corrupt.pdf: corrupt PDF (Invalid PDF structure.)',
    );
    await expect(ingestFile('test/data/broken/encrypted.pdf')).rejects.toThrow(
      'test/data/broken/encrypted.pdf: PDF is encrypted (it needs a password)',
    );
  });

  it('asks for OCR when a page has no text layer and no OCR context was given', async () => {
    await expect(ingestFile('fixtures/formats/000_df22d471c82bd4e0.mixed.pdf')).rejects.toThrow(
      'PDF page 2 has no text layer and needs OCR (no OCR context given)',
    );
  });
});

describe('text layer triage', () => {
  const layer = (...lines: string[]) =>
    lines.map((text, i) => makeSegment([{ text, x0: 85, x1: 538, top: 100 + 17 * i, bottom: 113 + 17 * i, baseline: 110 + 17 * i, size: 13 }], false));
  const seedLine = '- Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ, trong đó: Số hồ sơ mới tiếp nhận: 1.852 hồ sơ, số hồ sơ từ kỳ trước chuyển qua: 42 hồ sơ.';

  it('keeps a text layer that reads as Vietnamese', () => {
    expect(usable(layer(seedLine))).toBe(true);
  });

  it('sends to OCR a page with no text, private-use glyphs, or words that are not syllables', () => {
    expect(usable(layer())).toBe(false);
    expect(usable(layer('3'))).toBe(false);
    expect(usable(layer('\uE001\uE002\uE003 \uE004\uE005 \uE006\uE007\uE008\uE009 \uE00A\uE00B\uE00C'))).toBe(false);
    // a font without a usable ToUnicode map: letters, but shifted out of the language
    const shifted = [...seedLine].map((c) => (/[a-z]/.test(c) ? String.fromCharCode(((c.charCodeAt(0) - 97 + 7) % 26) + 97) : c)).join('');
    expect(usable(layer(shifted))).toBe(false);
  });

  it('keeps a TCVN3 text layer for the legacy decoder rather than OCR', () => {
    expect(usable(layer('- T\u00E6ng s\u00e8 h\u00e5 s\u00ac y\u00aau c\u00C7u gi\u00B6i quy\u00D5t: 1.894 h\u00e5 s\u00ac, trong \u00ae\u00f3: S\u00e8 h\u00e5 s\u00ac m\u00edi ti\u00D5p nh\u00CBn'))).toBe(true);
  });
});

describe('stored JPEG of a scanned page', () => {
  it('takes the page image out as stored, with its placement, and declines other pages', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/formats/000_df22d471c82bd4e0.mixed.pdf'));
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const raw = new RawPdf(bytes);
    const text = raw.scanImage((await pdf.getPage(1)).ref!);
    const scan = raw.scanImage((await pdf.getPage(2)).ref!);
    await pdf.destroy();
    expect(text).toBeNull();
    expect(scan).toMatchObject({ width: 2480, height: 3508, matrix: [595.1786, 0, 0, 841.8898, 0.0485, 0] });
    // a whole JPEG: start and end of image markers
    expect([...scan!.jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...scan!.jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
  });
});
