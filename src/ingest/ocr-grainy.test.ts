import { readFileSync } from 'node:fs';
import { createCanvas, Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { OcrPool } from './ocr.js';
import { plannedSteps } from './page-prep.js';

/**
 * The top of seed 000's page 4 (300 dpi; 780 px: whole lines only) as a colour PNG; `grainy`: every pixel 6 grey levels
 * lighter or darker than its neighbours, a photocopy's grain in a fixed pattern.
 */
async function colourPage(grainy: boolean): Promise<Uint8Array> {
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = reject;
    img.src = readFileSync('fixtures/formats/000_df22d471c82bd4e0.page4.png');
  });
  const canvas = createCanvas(img.width, 780);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  if (grainy) {
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.data.length; i += 4) {
      const x = (i / 4) % canvas.width;
      const y = Math.floor(i / 4 / canvas.width);
      const d = (x + y) % 2 ? 6 : -6;
      for (let k = 0; k < 3; k++) data.data[i + k] = data.data[i + k]! + d;
    }
    ctx.putImageData(data, 0, 0);
  }
  return new Uint8Array(await canvas.encode('png'));
}

describe('a grainy page in auto', () => {
  it('is read by the best model after the fast one; the same page without grain by the fast model only', async () => {
    const pool = new OcrPool({ workers: 1, mode: 'auto', rulings: false });
    try {
      const flat = await colourPage(false);
      const grainy = await colourPage(true);
      expect(plannedSteps(grainy, 1)).toEqual(['dropColour', 'flatten', 'denoise']);
      const plain = await pool.recognize(flat);
      expect([plain.model, pool.retried]).toEqual(['fast', 0]);
      const smoothed = await pool.recognize(grainy);
      expect([smoothed.model, pool.retried]).toEqual(['best', 1]);
      // one fast reading each (no deskew, no binarised reading), one best reading of the grainy page
      expect(pool.pages).toBe(2);
      const words = (r: typeof plain) => r.segments.flatMap((s) => s.runs.map((x) => x.text));
      expect(words(smoothed).length).toBeGreaterThan(30);
      expect(words(smoothed).slice(0, 8)).toEqual(words(plain).slice(0, 8));
    } finally {
      await pool.close();
    }
  }, 120_000);
});
