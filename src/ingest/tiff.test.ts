import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { createIngestContext } from './context.js';
import { ingestBytes } from './index.js';
import { greyTiff } from './testing/hostile.js';
import { tiffPage, tiffPages } from './tiff.js';

const tiny = (width: number, height: number, grey: number) => ({ width, height, pixels: new Uint8Array(width * height).fill(grey) });

describe('multi-page TIFF', () => {
  it('lists the pages of the IFD chain, and makes each a TIFF of its own', () => {
    const tiff = greyTiff([tiny(4, 3, 0), tiny(5, 2, 255), tiny(2, 2, 128)]);
    const pages = tiffPages(tiff)!;
    expect(pages.map(({ width, height }) => [width, height])).toEqual([[4, 3], [5, 2], [2, 2]]);
    const second = tiffPage(tiff, pages[1]!);
    expect(tiffPages(second)).toEqual([pages[1]]);
    expect(second.length).toBe(tiff.length);
    // the original is not touched
    expect(tiffPages(tiff)).toHaveLength(3);
  });

  it('stops at a chain that loops back, and is null for what is not a TIFF', () => {
    const tiff = greyTiff([tiny(4, 3, 0), tiny(5, 2, 255)]);
    const pages = tiffPages(tiff)!;
    // the second page's link pointing back at the first
    new DataView(tiff.buffer).setUint32(pages[1]!.ifd + 2 + 9 * 12, pages[0]!.ifd, true);
    expect(tiffPages(tiff)).toHaveLength(2);
    expect(tiffPages(new Uint8Array(readFileSync('fixtures/formats/000_df22d471c82bd4e0.page4.png')))).toBeNull();
  });

  it('reads every page of a scanned document by OCR, in order', async () => {
    // page 4 of seed 000's scan, its top and bottom halves as two pages of one TIFF
    const image = await loadImage(readFileSync('fixtures/formats/000_df22d471c82bd4e0.page4.png'));
    const half = Math.floor(image.height / 2);
    const pageOf = (top: number) => {
      const canvas = createCanvas(image.width, half);
      canvas.getContext('2d').drawImage(image, 0, -top);
      const rgba = canvas.getContext('2d').getImageData(0, 0, image.width, half).data;
      const pixels = new Uint8Array(image.width * half);
      for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4]!;
      return { width: image.width, height: half, pixels };
    };
    const ctx = createIngestContext({ workers: 2 });
    try {
      const doc = await ingestBytes(greyTiff([pageOf(0), pageOf(half)]), 'scan.tif', ctx);
      expect(doc.pages.map((p) => [p.number, p.width, p.height])).toEqual([
        [1, image.width, half],
        [2, image.width, half],
      ]);
      expect(doc.ocrPages).toEqual([1, 2]);
      // (the original is tesseract's own text: its letters may come decomposed)
      const page = (n: number) => doc.text.original.slice(doc.pages[n - 1]!.start, doc.pages[n - 1]!.end).normalize('NFC');
      // the top half holds the publicity paragraphs, the bottom half the application counts
      expect(page(1)).toContain('Công khai 378 TTHC thuộc thẩm quyền giải quyết');
      expect(page(1)).not.toContain('1.894 hồ sơ');
      expect(page(2)).toContain('Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
