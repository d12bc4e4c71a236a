import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../ingest/pdf.js';
import { MAX_PAGE_PIXELS, PAGE_IMAGE_BUDGET, pageDir, writePageImages, type PageImageSet } from './page-images.js';
import type { ReviewReport } from './types.js';
import { distanceToPdfJs } from './testing/distance.js';
import { greyTiff } from '../ingest/testing/hostile.js';

const FORMATS = new URL('../../fixtures/formats/', import.meta.url).pathname;
const PDF = '000_df22d471c82bd4e0.pdf';
const PNG = '000_df22d471c82bd4e0.page4.png';
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const report = (path: string, sha256: string, format: string) => ({ source: { path, sha256, format } }) as unknown as ReviewReport;

describe('writePageImages', () => {
  const input = mkdtempSync(join(tmpdir(), 'baocao-pages-in-'));
  const site = mkdtempSync(join(tmpdir(), 'baocao-pages-site-'));
  for (const f of [PDF, PNG]) copyFileSync(join(FORMATS, f), join(input, f));
  // the same PDF twice, under two names: one set of images
  copyFileSync(join(FORMATS, PDF), join(input, 'copy.pdf'));
  const pdfSha = sha(join(input, PDF));
  const pngSha = sha(join(input, PNG));
  const reports = [report(PDF, pdfSha, 'pdf'), report('copy.pdf', pdfSha, 'pdf'), report(PNG, pngSha, 'image'), report('a.docx', 'd'.repeat(64), 'docx')];
  const manifest = [
    { file: join(input, PDF), sha256: pdfSha },
    { file: join(input, 'copy.pdf'), sha256: pdfSha },
    { file: join(input, PNG), sha256: pngSha },
    { file: join(input, 'a.docx'), sha256: 'd'.repeat(64) },
  ];

  it('renders every page of a PDF and an image once per content, at 120 dpi or A4 pixels, each within the budget', async () => {
    // a folder of content no report has any more is removed
    mkdirSync(join(site, 'pages', 'feedfacefeedface'), { recursive: true });
    const { bySha, rendered } = await writePageImages(site, reports, manifest);
    expect(rendered).toBe(10);
    expect([...bySha.keys()]).toEqual([pdfSha, pngSha]);
    expect(readdirSync(join(site, 'pages')).sort()).toEqual([pdfSha.slice(0, 16), pngSha.slice(0, 16)].sort());
    const pdf = bySha.get(pdfSha) as PageImageSet;
    expect(pdf.dir).toBe(`pages/${pdfSha.slice(0, 16)}`);
    // A4 (595.304 × 841.89 pt) at 120 dpi is 992.2 × 1403.2 px: the A4 pixel cap (992 × 1403) rounds to the same
    expect(pdf.pages.map(({ bytes, ...p }) => p)).toEqual(
      Array.from({ length: 9 }, (_, i) => ({ n: i + 1, width: 595.304, height: 841.89, file: `${i + 1}.webp`, imageWidth: 992, imageHeight: 1403 })),
    );
    expect(readdirSync(join(site, pdf.dir)).sort()).toEqual([...Array.from({ length: 9 }, (_, i) => `${i + 1}.webp`), 'pages.json'].sort());
    // the PNG (2480 × 3508 px, 300 dpi) scaled down to at most 992 × 1403 pixels
    const png = bySha.get(pngSha) as PageImageSet;
    expect(png.pages.map(({ bytes, ...p }) => p)).toEqual([{ n: 1, width: 2480, height: 3508, file: '1.webp', imageWidth: 992, imageHeight: 1403 }]);
    expect(992 * 1403).toBe(MAX_PAGE_PIXELS);
    for (const set of [pdf, png]) {
      for (const p of set.pages) {
        const bytes = readFileSync(join(site, set.dir, p.file));
        expect(bytes.length).toBe(p.bytes);
        expect(bytes.length).toBeLessThanOrEqual(PAGE_IMAGE_BUDGET);
        expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
        const image = await loadImage(bytes);
        expect([image.width, image.height]).toEqual([p.imageWidth, p.imageHeight]);
      }
    }
  }, 120_000);

  it('renders nothing again for unchanged content (the files are not rewritten)', async () => {
    const dir = join(site, pageDir(pdfSha));
    const before = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]);
    const { bySha, rendered } = await writePageImages(site, reports, manifest);
    expect(rendered).toBe(0);
    expect((bySha.get(pdfSha) as PageImageSet).pages).toHaveLength(9);
    expect(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs])).toEqual(before);
  });

  it('renders a page again whose image is gone, and only that content', async () => {
    const dir = join(site, pageDir(pngSha));
    writeFileSync(join(dir, '1.webp'), 'torn');
    const { rendered } = await writePageImages(site, reports, manifest);
    expect(rendered).toBe(1);
    expect((await loadImage(readFileSync(join(dir, '1.webp')))).width).toBe(992);
  });

  it('says why a report has no page images: a file changed since the run, gone, inside an archive, a TIFF', async () => {
    const changed = join(input, 'changed.pdf');
    writeFileSync(changed, 'not the PDF of the run');
    // a TIFF (2 × 2 grey, uncompressed) is not handed to the canvas: its loadImage crashes the process on one
    const tiff = greyTiff([{ width: 2, height: 2, pixels: new Uint8Array(4) }]);
    const tif = join(input, 'scan.tif');
    writeFileSync(tif, tiff);
    const { bySha } = await writePageImages(
      site,
      [report('changed.pdf', 'a'.repeat(64), 'pdf'), report('gone.pdf', 'b'.repeat(64), 'pdf'), report('x.zip!/y.png', 'c'.repeat(64), 'image'), report('scan.tif', sha(tif), 'image')],
      [
        { file: changed, sha256: 'a'.repeat(64) },
        { file: join(input, 'gone.pdf'), sha256: 'b'.repeat(64) },
        { file: join(input, 'x.zip!/y.png'), sha256: 'c'.repeat(64) },
        { file: tif, sha256: sha(tif) },
      ],
    );
    expect([...bySha.values()]).toEqual([
      { reason: 'changed', file: changed },
      { reason: 'missing', file: join(input, 'gone.pdf') },
      { reason: 'archive', file: join(input, 'x.zip!/y.png') },
      { reason: 'format', file: tif },
    ]);
    // and the page folders of contents no report has are removed
    expect(readdirSync(join(site, 'pages'))).toEqual([]);
  });
});

describe('writePageImages on a scan', () => {
  it('draws each page’s stored JPEG where pdf.js would: page 4 is nearest pdf.js’s page 4 of the nine', async () => {
    const SCAN = '000_df22d471c82bd4e0.scan.pdf';
    const site = mkdtempSync(join(tmpdir(), 'baocao-pages-scan-'));
    const file = join(FORMATS, SCAN);
    const { bySha, rendered } = await writePageImages(site, [report(SCAN, sha(file), 'pdf')], [{ file, sha256: sha(file) }]);
    expect(rendered).toBe(9);
    const set = bySha.get(sha(file)) as PageImageSet;
    expect(set.pages.map((p) => [p.width, p.height, p.imageWidth, p.imageHeight])).toEqual(Array(9).fill([595.276, 841.89, 992, 1403]));
    // the image of page 4 against pdf.js's rendering of each page at the same size
    const shown = await loadImage(readFileSync(join(site, set.dir, '4.webp')));
    const doc = await openPdf(readFileSync(file), SCAN);
    const distance: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) distance.push(await distanceToPdfJs(shown, doc, n));
    await doc.destroy();
    console.log(`the scan's page 4 image against pdf.js's pages 1–9: ${distance.map((d) => d.toFixed(2)).join(' ')}`);
    expect(distance.indexOf(Math.min(...distance)) + 1).toBe(4);
    // WebP's loss and two resamplers: a page shifted by one pixel is 8 or more
    expect(distance[3]).toBeLessThan(4);
  }, 120_000);
});

describe('writePageImages on pages OCR read turned', () => {
  it('shows each page as it was read: upside down turned over, sideways laid down (width and height swapped)', async () => {
    const { createCanvas } = await import('@napi-rs/canvas');
    // a page 200 × 400 px whose top half is black
    const canvas = createCanvas(200, 400);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 200, 400);
    g.fillStyle = '#000';
    g.fillRect(0, 0, 200, 200);
    const input = mkdtempSync(join(tmpdir(), 'baocao-pages-turned-in-'));
    const site = mkdtempSync(join(tmpdir(), 'baocao-pages-turned-site-'));
    const file = join(input, 'page.png');
    writeFileSync(file, await canvas.encode('png'));
    const darkness = async (set: PageImageSet, x: number, y: number) => {
      const image = await loadImage(readFileSync(join(site, set.dir, '1.webp')));
      const c = createCanvas(image.width, image.height);
      c.getContext('2d').drawImage(image, 0, 0);
      return 255 - c.getContext('2d').getImageData(Math.round(x * image.width), Math.round(y * image.height), 1, 1).data[0]!;
    };
    const shown = async (turned?: 90 | 180 | 270) => {
      const r = { source: { path: 'page.png', sha256: sha(file), format: 'image', ...(turned ? { ocr: [{ page: 1, model: 'fast', engine: 'wasm', confidence: 0.95, turned }] } : {}) } } as unknown as ReviewReport;
      const { bySha } = await writePageImages(site, [r], [{ file, sha256: sha(file) }]);
      return bySha.get(sha(file)) as PageImageSet;
    };
    const asStored = await shown();
    expect([asStored.pages[0]!.width, asStored.pages[0]!.height, await darkness(asStored, 0.5, 0.1), await darkness(asStored, 0.5, 0.9)]).toEqual([200, 400, 255, 0]);
    const upsideDown = await shown(180);
    expect([upsideDown.pages[0]!.width, upsideDown.pages[0]!.height, await darkness(upsideDown, 0.5, 0.1), await darkness(upsideDown, 0.5, 0.9)]).toEqual([200, 400, 0, 255]);
    // turned 90° clockwise, the black top goes to the right
    const sideways = await shown(90);
    expect([sideways.pages[0]!.width, sideways.pages[0]!.height, await darkness(sideways, 0.1, 0.5), await darkness(sideways, 0.9, 0.5)]).toEqual([400, 200, 0, 255]);
  });
});
