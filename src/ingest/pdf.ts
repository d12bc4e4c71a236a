/**
 * PDF: the text layer through pdf.js (legacy Node build), page by page; pages without a usable
 * text layer are rendered (pdf.js onto @napi-rs/canvas) and go to OCR.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { getDocument, ImageKind, OPS, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { PipelineError } from '../errors.js';
import { LIMITS, pageTooLarge, tooManyPixels } from './limits.js';
import type { IngestContext } from './context.js';
import { layoutPage, PagedTextBuilder, pageJoin, segmentsFromRuns, segmentText, type PageLayout, type Run, type Segment } from './layout.js';
import { RawPdf } from './pdf-scan.js';
import { placeTables, rulingsFromOperators, splitTables, type PageTables, type Ruling } from './table-layout.js';
import { syllableScore } from './syllables.js';
import { ocrPageEntry, ocrPageWarnings, sizeAsRead, type OcrResult } from './ocr.js';
import type { OcrPage, Page, TextBox } from './types.js';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + '/';

/** Resolution pages are rendered at for OCR: what tesseract is trained for and scans are made at. */
export const OCR_DPI = 300;

export interface PagedText {
  original: string;
  pages: Page[];
  boxes: TextBox[];
  /** 'ocr' when any page was read by OCR. */
  textOrigin: 'original' | 'ocr';
  ocrPages: number[];
  /** The OCR'd pages' model and confidence, in page order. */
  ocr: OcrPage[];
  warnings: string[];
}

/** `tables: false` leaves tables to the page layout's tab rows (bench/formats.ts measures the difference). */
export async function readPdf(bytes: Uint8Array, file: string, ctx: IngestContext | undefined, options: { tables?: boolean } = {}): Promise<PagedText> {
  const doc = await openPdf(bytes, file);
  try {
    const builder = new PagedTextBuilder();
    const warnings: string[] = [];
    // text layers first (cheap), then OCR for the pages that need it, all queued at once so every
    // worker of the pool is busy
    const pages: { page: PDFPageProxy; segments: Segment[] | null; ocr?: OcrPage; rulings?: Ruling[] }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const segments = await textLayer(page);
      pages.push({ page, segments: usable(segments) ? segments : null });
    }
    const ocrPages = pages.filter((p) => p.segments === null).map((p) => p.page.pageNumber);
    let rawPdf: RawPdf | undefined;
    const raw = () => (rawPdf ??= new RawPdf(bytes));
    if (ocrPages.length > 0) {
      if (!ctx) {
        const which = ocrPages.length === 1 ? `page ${ocrPages[0]} has` : `pages ${ocrPages.join(', ')} have`;
        throw new PipelineError('ingest', file, `PDF ${which} no text layer and needs OCR (no OCR context given)`);
      }
      await Promise.all(
        pages.map(async (p) => {
          if (p.segments !== null) return;
          const { width, height } = p.page.getViewport({ scale: 1 });
          const huge = pageTooLarge(width, height, p.page.pageNumber);
          if (huge) throw new PipelineError('ingest', file, huge);
          const result = await ocrPage(doc, p.page, ctx, raw, file);
          p.segments = result.segments;
          p.rulings = result.rulings;
          p.ocr = ocrPageEntry(p.page.pageNumber, result, ctx.ocr.engine);
        }),
      );
    }
    let prev: PageLayout | undefined;
    for (const { page, segments, rulings, ocr } of pages) {
      const viewport = page.getViewport({ scale: 1 });
      // a page read sideways has the segments of the page turned
      const [width, height] = sizeAsRead(viewport.width, viewport.height, ocr?.turned);
      const tables: PageTables = options.tables === false ? { segments: segments!, tables: [], joinWithSpace: false } : await pageTables(page, segments!, ocrPages.includes(page.pageNumber), rulings);
      const layout = placeTables(layoutPage(tables.segments, height), tables.tables, tables.joinWithSpace);
      builder.startPage(page.pageNumber, round(width), round(height));
      builder.addLines(layout.lines, page.pageNumber, pageJoin(prev, layout));
      builder.endPage();
      if (layout.lines.length > 0) prev = layout;
      else warnings.push(`page ${page.pageNumber} has no text`);
      page.cleanup();
    }
    return {
      original: builder.text(),
      pages: builder.pages,
      boxes: builder.boxes,
      textOrigin: ocrPages.length > 0 ? 'ocr' : 'original',
      ocrPages,
      ocr: pages.flatMap((p) => (p.ocr ? [p.ocr] : [])),
      warnings: [...warnings, ...ocrPageWarnings(pages.flatMap((p) => (p.ocr ? [p.ocr] : [])))],
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * The pages (1-based) of a PDF without a usable text layer: those `readPdf` would OCR. A queue
 * worker fans a long scan out as one job per such page (pipelines/queue.ts).
 */
export async function pagesNeedingOcr(bytes: Uint8Array, file: string): Promise<number[]> {
  const doc = await openPdf(bytes, file);
  try {
    const pages: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (!usable(await textLayer(page))) pages.push(n);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * OCR one page as `readPdf` would, for its result to land in the OCR cache of `ctx`: a page job of
 * the queue, whose file's own job then reads every page from the cache.
 */
export async function ocrPdfPage(bytes: Uint8Array, file: string, pageNumber: number, ctx: IngestContext): Promise<void> {
  const doc = await openPdf(bytes, file);
  try {
    const page = await doc.getPage(pageNumber);
    const { width, height } = page.getViewport({ scale: 1 });
    const huge = pageTooLarge(width, height, pageNumber);
    if (huge) throw new PipelineError('ingest', file, huge);
    let rawPdf: RawPdf | undefined;
    await ocrPage(doc, page, ctx, () => (rawPdf ??= new RawPdf(bytes)), file);
  } finally {
    await doc.destroy();
  }
}

export async function openPdf(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
    return await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      // fonts a PDF names but does not embed (Times-Roman…) and CID maps, from the package on disk
      standardFontDataUrl: PDFJS_DIR + 'standard_fonts/',
      cMapUrl: PDFJS_DIR + 'cmaps/',
      cMapPacked: true,
      // images above this are not decoded at all (a page of them is then refused as too large)
      maxImageSize: LIMITS.maxPixels,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new PipelineError('ingest', file, 'PDF is encrypted (it needs a password)', { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    throw new PipelineError('ingest', file, `corrupt PDF (${message})`, { cause: error });
  }
}

/** The page's text items as layout segments, in points from the top-left corner. */
async function textLayer(page: PDFPageProxy): Promise<Segment[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    // whitespace-only items are pdf.js's fillers for gaps: the layout measures gaps itself
    if (!('str' in item) || item.str.trim().length === 0) continue;
    const it = item as TextItem;
    const style = content.styles[it.fontName];
    const [a, b, , d, e, f] = it.transform as number[];
    const size = Math.hypot(a!, b!) || Math.abs(d!) || it.height;
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8;
    const descent = style?.descent && style.descent < 0 ? style.descent : -0.2;
    // the item's corners in viewport space (top-left origin, rotation applied)
    const p1 = viewport.convertToViewportPoint(e!, f! + ascent * size);
    const p2 = viewport.convertToViewportPoint(e! + it.width, f! + descent * size);
    const base = viewport.convertToViewportPoint(e!, f!);
    runs.push({
      text: it.str,
      x0: round(Math.min(p1[0]!, p2[0]!)),
      x1: round(Math.max(p1[0]!, p2[0]!)),
      top: round(Math.min(p1[1]!, p2[1]!)),
      bottom: round(Math.max(p1[1]!, p2[1]!)),
      baseline: round(base[1]!),
      size: round(size),
    });
  }
  return segmentsFromRuns(runs, false);
}

/** The page's tables (table-layout.ts), ruling lines read from its operator list when needed. */
function pageTables(page: PDFPageProxy, segments: Segment[], ocr: boolean, imageRulings?: Ruling[]): Promise<PageTables> {
  // an OCR'd page's lines are in its image (scan-rulings.ts), not in its operator list
  if (ocr) return splitTables(segments, true, async () => imageRulings ?? []);
  return splitTables(segments, ocr, async () => {
    const ops = await page.getOperatorList();
    return rulingsFromOperators(ops.fnArray, ops.argsArray, OPS, page.getViewport({ scale: 1 }).transform);
  });
}

/**
 * A text layer is usable when it has some text and that text reads as words: scanned pages have
 * none, and a layer of garbage (wrong font encodings, private-use glyphs) scores low.
 */
export function usable(segments: Segment[]): boolean {
  const text = segments.map(segmentText).join('\n');
  const visible = text.replace(/\s/gu, '');
  if (visible.length < 10) return false;
  const bad = visible.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/gu)?.length ?? 0;
  if (bad / visible.length > 0.05) return false;
  const score = syllableScore(text);
  // legacy-encoded layers (.VnTime fonts) are handled by the legacy decoder, not OCR
  return score.words < 20 || score.ratio >= 0.5 || /[\u00A0-\u00FF]{2,}/u.test(text);
}

async function ocrPage(doc: PDFDocumentProxy, page: PDFPageProxy, ctx: IngestContext, raw: () => RawPdf, file: string): Promise<OcrResult> {
  return ctx.ocr.withSlot(async () => {
    // A scanned page is most often one upright image covering the page. Best, its JPEG goes to
    // tesseract as stored (decoded in the worker); else its pixels as pdf.js decoded them (no
    // drawing, no canvas read-back); else the page is rendered at 300 dpi.
    const stored = page.ref ? raw().scanImage(page.ref) : null;
    const huge = stored && tooManyPixels(stored.width, stored.height, `the scan of page ${page.pageNumber}`);
    if (huge) throw new PipelineError('ingest', file, huge);
    const scan = (await storedJpeg(page, raw())) ?? (await pageImage(page));
    if (scan) {
      const result = await ctx.ocr.recognize(scan.image, scan.scale);
      const rulings = result.rulings?.map((r) => ({ x0: r.x0 + scan.dx, x1: r.x1 + scan.dx, y0: r.y0 + scan.dy, y1: r.y1 + scan.dy }));
      return { ...result, segments: result.segments.map((seg) => shiftSegment(seg, scan.dx, scan.dy)), ...(rulings ? { rulings } : {}) };
    }
    const scale = OCR_DPI / 72;
    return ctx.ocr.recognize(await renderGrey(doc, page, scale), scale);
  });
}

interface PageScan {
  image: Uint8Array;
  /** Image pixels per page point, and where the image's top-left corner sits on the page. */
  scale: number;
  dx: number;
  dy: number;
}

/**
 * How an image drawn with matrix `[a, b, c, d, e, f]` sits on the page, when it is upright, drawn
 * at one scale in both directions and covers most of the page; otherwise null.
 */
function placement(matrix: number[], width: number, height: number, page: PDFPageProxy): Omit<PageScan, 'image'> | null {
  if (page.rotate % 360 !== 0) return null;
  const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
  const [vx, vy, vw, vh] = page.view as [number, number, number, number];
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0 || a * d < 0.9 * (vw - vx) * (vh - vy)) return null;
  const scale = width / a;
  if (Math.abs(height / d - scale) > 0.01 * scale) return null;
  return { scale, dx: e - vx, dy: vh - (f + d) };
}

async function storedJpeg(page: PDFPageProxy, raw: RawPdf): Promise<PageScan | null> {
  const scan = page.ref ? raw.scanImage(page.ref) : null;
  const at = scan && placement(scan.matrix, scan.width, scan.height, page);
  return scan && at ? { image: scan.jpeg, ...at } : null;
}

/** The page's only image as pdf.js decoded it, as an 8-bit grey PGM, when it covers the page. */
async function pageImage(page: PDFPageProxy): Promise<PageScan | null> {
  const ops = await page.getOperatorList();
  const drawing = ops.fnArray.map((fn, i) => [fn, ops.argsArray[i]] as const).filter(([fn]) => !PAGE_IMAGE_NOOPS.has(fn));
  if (drawing.length !== 2 || drawing[0]![0] !== OPS.transform || drawing[1]![0] !== OPS.paintImageXObject) return null;
  const [id, width, height] = drawing[1]![1] as [string, number, number];
  const at = placement(drawing[0]![1] as number[], width, height, page);
  if (!at) return null;
  const img = await new Promise<{ width: number; height: number; kind: number; data?: Uint8Array | Uint8ClampedArray }>((resolve) =>
    page.objs.get(id, resolve),
  );
  const channels = img.kind === ImageKind.RGB_24BPP ? 3 : img.kind === ImageKind.RGBA_32BPP ? 4 : 0;
  if (!img.data || channels === 0 || img.data.length !== img.width * img.height * channels) return null;
  return { image: pgm(img.width, img.height, img.data, channels), ...at };
}

/** Operators that draw nothing. */
const PAGE_IMAGE_NOOPS = new Set<number>([OPS.save, OPS.restore, OPS.dependency]);

function shiftSegment(seg: Segment, dx: number, dy: number): Segment {
  if (dx === 0 && dy === 0) return seg;
  const runs = seg.runs.map((r) => ({ ...r, x0: r.x0 + dx, x1: r.x1 + dx, top: r.top + dy, bottom: r.bottom + dy, baseline: r.baseline + dy }));
  return { ...seg, runs, x0: seg.x0 + dx, x1: seg.x1 + dx, baseline: seg.baseline + dy };
}

/** 8-bit grey PGM from interleaved pixels (RGB or RGBA): tesseract reads it without decoding. */
function pgm(width: number, height: number, pixels: Uint8Array | Uint8ClampedArray, channels: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0, j = header.length; i < pixels.length; i += channels, j++) {
    // ITU-R BT.601 luma, integer
    out[j] = (pixels[i]! * 299 + pixels[i + 1]! * 587 + pixels[i + 2]! * 114) / 1000;
  }
  return out;
}

/**
 * Render a page at `scale` to an 8-bit grey PGM: no image encoding on either side of tesseract.
 * The canvas comes from pdf.js's own factory (its bundled @napi-rs/canvas): a canvas from another
 * copy of the library crashes the process when pdf.js draws its images onto it.
 */
export async function renderGrey(doc: PDFDocumentProxy, page: PDFPageProxy, scale: number): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(width, height);
  try {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: context, viewport } as Parameters<PDFPageProxy['render']>[0]).promise;
    return pgm(width, height, context.getImageData(0, 0, width, height).data, 4);
  } finally {
    factory.destroy({ canvas, context });
  }
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D };
  destroy(pair: { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D }): void;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
