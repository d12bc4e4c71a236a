/** A page fed into the scanner upside down or sideways is read turned; a page the right way up is read once. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestContext } from './context.js';
import { ingestFile } from './index.js';
import { OcrPool, type OcrResult } from './ocr.js';
import { decodeGrey, DEFAULT_STEPS, storedPixels, turnedImage } from './page-prep.js';
import { scannedPage } from './testing/scanned-page.js';

const texts = (r: OcrResult) => r.segments.map((s) => s.runs.map((w) => w.text).join(' '));
const boxes = (r: OcrResult) => r.segments.flatMap((s) => s.runs.map(({ x0, top }) => [Math.round(x0), Math.round(top)]));

/** A JPEG with an EXIF segment saying `orientation` (6: turn 90° clockwise to view), as phones write. */
function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // little-endian TIFF header, one IFD entry: tag 0x0112 (Orientation), type SHORT, count 1
  const tiff = [0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
  const payload = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, payload.length + 2, ...payload, ...jpeg.subarray(2)]);
}

/** The page stored turned 90°, clockwise or not: its width and height swapped, as a PNG (or a colour JPEG). */
async function sideways(image: Uint8Array, clockwise: boolean, format: 'png' | 'jpeg' = 'png'): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(image));
  const canvas = createCanvas(img.height, img.width);
  const g = canvas.getContext('2d');
  if (clockwise) g.translate(img.height, 0);
  else g.translate(0, img.width);
  g.rotate(clockwise ? Math.PI / 2 : -Math.PI / 2);
  g.drawImage(img, 0, 0);
  return new Uint8Array(format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 90));
}

describe('a page upside down or sideways in the file', () => {
  let page: Uint8Array;
  let upsideDown: Uint8Array;
  let upright: OcrResult;
  let pool: OcrPool;
  beforeAll(async () => {
    page = await scannedPage();
    upsideDown = (await turnedImage(page))!;
    pool = new OcrPool({ workers: 1 });
    upright = await pool.recognize(page, 300 / 72);
  }, 60_000);
  afterAll(() => pool.close());

  it('turns the pixels, not the size: the same grey page, last pixel first', async () => {
    const [a, b] = [(await decodeGrey(page))!, (await decodeGrey(upsideDown))!];
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    expect([b.grey[0], b.grey[b.grey.length - 1]]).toEqual([a.grey[a.grey.length - 1], a.grey[0]]);
  });

  it('is read turned, with the lines and boxes of the page read the right way up', async () => {
    expect(upright.turned).toBeUndefined();
    expect(upright.confidence).toBeGreaterThan(0.85);
    const pages = pool.pages;
    const read = await pool.recognize(upsideDown, 300 / 72);
    expect(read.turned).toBe(180);
    expect(texts(read)).toEqual(texts(upright));
    expect(texts(read).at(-1)).toBe('Vũ Hữu Vững');
    expect(boxes(read)).toEqual(boxes(upright));
    // as given (unsure), turned to check, and the turned page read
    expect(pool.pages - pages).toBe(3);
  }, 60_000);

  it('reads a page stored sideways, either way, to the lines of the page the right way up', async () => {
    for (const [clockwise, turned] of [
      [true, 270],
      [false, 90],
    ] as const) {
      const read = await pool.recognize(await sideways(page, clockwise), 300 / 72);
      expect(read.turned).toBe(turned);
      expect(texts(read)).toEqual(texts(upright));
      // the boxes on the page turned back: within a point of the upright page's
      const drift = boxes(read).map(([x, y], i) => Math.max(Math.abs(x! - boxes(upright)[i]![0]!), Math.abs(y! - boxes(upright)[i]![1]!)));
      expect(Math.max(...drift)).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it('reads a phone photo stored sideways with an EXIF orientation as its pixels are stored, and turns it', async () => {
    const jpeg = await sideways(page, false, 'jpeg');
    const photo = withExifOrientation(jpeg, 6);
    // the canvas would turn it by the tag; tesseract reads the stored pixels, and so does preparation
    expect(Buffer.from(storedPixels(photo)).equals(Buffer.from(jpeg))).toBe(true);
    const read = await pool.recognize(photo, 300 / 72);
    expect(read.turned).toBe(90);
    expect(texts(read).at(-1)).toBe('Vũ Hữu Vững');
  }, 60_000);

  it('is read as given when preparation is off', async () => {
    const bare = new OcrPool({ workers: 1, prepare: { ...DEFAULT_STEPS, turn: false } });
    try {
      const read = await bare.recognize(upsideDown, 300 / 72);
      expect(read.turned).toBeUndefined();
      expect(read.confidence).toBeLessThan(0.6);
    } finally {
      await bare.close();
    }
  }, 60_000);

  it('says so in the warnings and in the page’s OCR entry of an image file', async () => {
    const { createCanvas, ImageData } = await import('@napi-rs/canvas');
    const grey = (await decodeGrey(upsideDown))!;
    const rgba = new Uint8ClampedArray(grey.grey.length * 4);
    grey.grey.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    const canvas = createCanvas(grey.width, grey.height);
    canvas.getContext('2d').putImageData(new ImageData(rgba, grey.width, grey.height), 0, 0);
    const file = join(mkdtempSync(join(tmpdir(), 'baocao-turned-')), 'page.png');
    writeFileSync(file, await canvas.encode('png'));
    const ctx = createIngestContext({ workers: 1 });
    try {
      const doc = await ingestFile(file, ctx);
      expect(doc.ocr).toEqual([{ page: 1, model: 'fast', engine: ctx.ocr.engine, confidence: expect.any(Number), turned: 180 }]);
      expect(doc.warnings).toContain('page 1: upside down in the file, read turned 180° (its boxes are on the turned page)');
      expect(doc.text.text).toContain('Vũ Hữu Vững');
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
