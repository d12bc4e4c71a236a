/**
 * Images (PNG, JPEG, TIFF): read by OCR, a page each; a multi-page TIFF (a whole scanned document)
 * page by page (tiff.ts). Boxes are in the image's pixels.
 */
import { PipelineError } from '../errors.js';
import type { IngestContext } from './context.js';
import { tooManyPixels } from './limits.js';
import { layoutPage, PagedTextBuilder, pageJoin, type PageLayout } from './layout.js';
import { ocrPageEntry, ocrPageWarnings, sizeAsRead, type OcrResult } from './ocr.js';
import type { PagedText } from './pdf.js';
import { placeTables, splitTables } from './table-layout.js';
import { tiffPage, tiffPages } from './tiff.js';

interface ImagePage {
  width: number;
  height: number;
  /** The bytes tesseract reads for this page (made when needed: a TIFF page is a copy of the file). */
  image: () => Uint8Array;
}

export async function readImage(bytes: Uint8Array, file: string, ctx: IngestContext | undefined): Promise<PagedText> {
  const pages = imagePages(bytes, file);
  if (!ctx) throw new PipelineError('ingest', file, 'images need OCR (no OCR context given)');
  let results: OcrResult[];
  try {
    results = await Promise.all(pages.map((p) => ctx.ocr.withSlot(() => ctx.ocr.recognize(p.image()))));
  } catch (error) {
    throw new PipelineError('ingest', file, `OCR failed (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const tables = await Promise.all(results.map((r) => splitTables(r.segments, true, async () => r.rulings ?? []))); // table-layout.ts
  const builder = new PagedTextBuilder();
  const warnings: string[] = [];
  let prev: PageLayout | undefined;
  pages.forEach((page, k) => {
    const n = k + 1;
    // a page read sideways has the segments of the page turned
    const [width, height] = sizeAsRead(page.width, page.height, results[k]!.turned);
    const layout = placeTables(layoutPage(tables[k]!.segments, height), tables[k]!.tables, tables[k]!.joinWithSpace);
    builder.startPage(n, width, height);
    builder.addLines(layout.lines, n, k === 0 ? '\n\n' : pageJoin(prev, layout));
    builder.endPage();
    if (layout.lines.length > 0) prev = layout;
    else warnings.push(pages.length === 1 ? 'OCR found no text in the image' : `OCR found no text on page ${n}`);
  });
  const ocr = results.map((r, k) => ocrPageEntry(k + 1, r, ctx.ocr.engine));
  return {
    original: builder.text(),
    pages: builder.pages,
    boxes: builder.boxes,
    textOrigin: 'ocr',
    ocrPages: pages.map((_, k) => k + 1),
    ocr,
    warnings: [...warnings, ...ocrPageWarnings(ocr)],
  };
}

/** How many pages an image file has (a multi-page TIFF more than one): a queue fans out the long ones. */
export function imagePageCount(bytes: Uint8Array): number {
  return tiffPages(bytes)?.length ?? 1;
}

/** OCR page `n` (1-based) as `readImage` would, for its result to land in the OCR cache of `ctx`. */
export async function ocrImagePage(bytes: Uint8Array, file: string, n: number, ctx: IngestContext): Promise<void> {
  const page = imagePages(bytes, file)[n - 1];
  if (!page) throw new PipelineError('ingest', file, `the image has no page ${n}`);
  await ctx.ocr.withSlot(() => ctx.ocr.recognize(page.image()));
}

/** The pages of an image file, each checked against the pixel limit before anything is decoded. */
function imagePages(bytes: Uint8Array, file: string): ImagePage[] {
  const tiff = tiffPages(bytes);
  const pages: ImagePage[] =
    tiff && tiff.length > 1
      ? tiff.map((p) => ({ width: p.width, height: p.height, image: () => tiffPage(bytes, p) }))
      : [{ ...(imageSize(bytes) ?? { width: 0, height: 0 }), image: () => bytes }];
  if (pages[0]!.width === 0) throw new PipelineError('ingest', file, 'corrupt or truncated image');
  for (const [k, p] of pages.entries()) {
    const huge = tooManyPixels(p.width, p.height, pages.length === 1 ? 'image' : `page ${k + 1} of the image`);
    if (huge) throw new PipelineError('ingest', file, huge);
  }
  return pages;
}

/** Width and height from the image header (PNG IHDR, JPEG SOFn, a TIFF's first page), or null. */
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
  const tiff = tiffPages(b)?.[0];
  if (tiff) return { width: tiff.width, height: tiff.height };
  return null;
}
