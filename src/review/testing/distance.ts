/** What the page-image tests compare a page image with: pdf.js's own rendering of the page. */
import { createCanvas, type Image } from '@napi-rs/canvas';
import type { openPdf } from '../../ingest/pdf.js';
import { renderGrey } from '../../ingest/pdf.js';

/** Mean absolute grey difference between an image and pdf.js's rendering of page `n` at its size (every other pixel). */
export async function distanceToPdfJs(image: Image, doc: Awaited<ReturnType<typeof openPdf>>, n: number): Promise<number> {
  const { width: w, height: h } = image;
  const page = await doc.getPage(n);
  const pgm = await renderGrey(doc, page, w / page.getViewport({ scale: 1 }).width);
  const header = Buffer.from(pgm.subarray(0, 20)).toString('latin1').split('\n');
  const pw = Number(header[1]!.split(' ')[0]);
  const ref = pgm.subarray(header[0]!.length + header[1]!.length + header[2]!.length + 3);
  const canvas = createCanvas(w, h);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const rgba = canvas.getContext('2d').getImageData(0, 0, w, h).data;
  let sum = 0;
  let count = 0;
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      const i = y * w + x;
      sum += Math.abs(ref[y * pw + x]! - (rgba[4 * i]! * 299 + rgba[4 * i + 1]! * 587 + rgba[4 * i + 2]! * 114) / 1000);
      count++;
    }
  }
  return sum / count;
}
