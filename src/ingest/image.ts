/**
 * Images (PNG, JPEG, TIFF): one page, read by OCR. Boxes are in the image's pixels.
 */
import { PipelineError } from '../errors.js';
import type { IngestContext } from './context.js';
import { tooManyPixels } from './limits.js';
import { layoutPage, PagedTextBuilder } from './layout.js';
import type { PagedText } from './pdf.js';

export async function readImage(bytes: Uint8Array, file: string, ctx: IngestContext | undefined): Promise<PagedText> {
  const size = imageSize(bytes);
  if (!size) throw new PipelineError('ingest', file, 'corrupt or truncated image');
  const huge = tooManyPixels(size.width, size.height, 'image');
  if (huge) throw new PipelineError('ingest', file, huge);
  if (!ctx) throw new PipelineError('ingest', file, 'images need OCR (no OCR context given)');
  let segments;
  try {
    segments = (await ctx.ocr.withSlot(() => ctx.ocr.recognize(bytes))).segments;
  } catch (error) {
    throw new PipelineError('ingest', file, `OCR failed (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const builder = new PagedTextBuilder();
  const layout = layoutPage(segments, size.height);
  builder.startPage(1, size.width, size.height);
  builder.addLines(layout.lines, 1, '\n\n');
  builder.endPage();
  return {
    original: builder.text(),
    pages: builder.pages,
    boxes: builder.boxes,
    textOrigin: 'ocr',
    ocrPages: [1],
    warnings: layout.lines.length === 0 ? ['OCR found no text in the image'] : [],
  };
}

/** Width and height from the image header (PNG IHDR, JPEG SOFn, TIFF IFD0), or null. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + length;
    }
    return null;
  }
  if (b.length >= 8 && ((b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d))) {
    const le = b[0] === 0x49;
    const ifd = view.getUint32(4, le);
    if (ifd + 2 > b.length) return null;
    const entries = view.getUint16(ifd, le);
    let width = 0;
    let height = 0;
    for (let k = 0; k < entries; k++) {
      const e = ifd + 2 + k * 12;
      if (e + 12 > b.length) return null;
      const tag = view.getUint16(e, le);
      const type = view.getUint16(e + 2, le);
      const value = type === 3 ? view.getUint16(e + 8, le) : view.getUint32(e + 8, le);
      if (tag === 256) width = value;
      if (tag === 257) height = value;
    }
    return width > 0 && height > 0 ? { width, height } : null;
  }
  return null;
}
