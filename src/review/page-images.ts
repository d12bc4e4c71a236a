/**
 * Page images for the review site: every page of a PDF (text layer or scan) rendered once with
 * pdf.js onto @napi-rs/canvas, or an image file itself, downscaled and written as WebP into
 * `review/pages/<sha256 prefix>/<n>.webp`, once per distinct file content. `pages.json` beside
 * them says what they are (page sizes in the report's box units) and is written last: a folder
 * whose `pages.json` matches the content hash and the render settings is not rendered again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { ENTRY_SEPARATOR } from '../ingest/archive.js';
import { openPdf } from '../ingest/pdf.js';
import { RawPdf } from '../ingest/pdf-scan.js';
import { sizeAsRead } from '../ingest/ocr.js';
import { storedPixels } from '../ingest/page-prep.js';
import type { Turn } from '../ingest/types.js';
import type { PDFPageProxy } from '../ingest/pdfjs.js';
import { writeFileAtomic } from '../write/files.js';
import type { ManifestEntry } from '../write/manifest.js';
import type { ReviewReport } from './types.js';

/** The site's folder of page images (under `review/`). */
export const PAGES_DIR = 'pages';
/** Every page image is at most this many bytes (README, "Review"). */
export const PAGE_IMAGE_BUDGET = 150 * 1024;
/**
 * PDF pages are rendered at 120 dpi (an A4 page is 992 × 1403 px: 9 pt digits are 15 px tall,
 * legible when the viewer zooms in), and no page image has more pixels than an A4 page at that
 * resolution (an image file is scaled down to it, never up).
 */
export const PAGE_DPI = 120;
export const MAX_PAGE_PIXELS = 992 * 1403;
/** WebP qualities tried in turn until the image fits the budget; then the page is made smaller. */
const QUALITIES = [60, 50, 40] as const;
const SHRINK = 0.85;
/** Changes when the settings above change: cached pages made otherwise are rendered again. */
export const RENDER_VERSION = `2 webp ${PAGE_DPI}dpi ${MAX_PAGE_PIXELS}px q${QUALITIES.join('/')} ${PAGE_IMAGE_BUDGET}B`;
const META_FILE = 'pages.json';

/** One page image: the page's size in the units of the report's boxes, and the image's pixels. */
export interface PageImage {
  n: number;
  /** Page size in box units: PDF points (rotation applied) or the image's pixels. */
  width: number;
  height: number;
  /** File name inside the set's folder, its pixel size, its bytes. */
  file: string;
  imageWidth: number;
  imageHeight: number;
  bytes: number;
}

export interface PageImageSet {
  sha256: string;
  /** Folder of the images, relative to the site root (`pages/<prefix>`). */
  dir: string;
  pages: PageImage[];
}

/** Why a report has no page images. */
export type PageNote =
  | { reason: 'archive'; file: string }
  | { reason: 'missing'; file: string }
  | { reason: 'changed'; file: string }
  /** An image the canvas cannot decode (TIFF: @napi-rs/canvas's loadImage takes the process down on one). */
  | { reason: 'format'; file: string }
  | { reason: 'unreadable'; file: string; detail: string };

export type PageImages = PageImageSet | PageNote;

export interface PageImagesSummary {
  /** By content hash, for every report of a PDF or an image. */
  bySha: Map<string, PageImages>;
  /** Pages rendered by this call (0 when every set was cached). */
  rendered: number;
}

/** Formats with pages to show (`source.format` of the report). */
export const PAGED_FORMATS = new Set(['pdf', 'image']);

export const pageDir = (sha256: string) => `${PAGES_DIR}/${sha256.slice(0, 16)}`;

/**
 * Render (or find cached) the page images of every PDF and image report, the original files found
 * through the manifest (`file`, relative to the working folder as `baocao run` was given it) and
 * checked against the report's hash. Folders of contents no report has any more are removed.
 */
export async function writePageImages(
  site: string,
  reports: readonly ReviewReport[],
  manifest: Iterable<Pick<ManifestEntry, 'file' | 'sha256'>>,
): Promise<PageImagesSummary> {
  const filesBySha = new Map<string, string[]>();
  for (const e of manifest) filesBySha.set(e.sha256, [...(filesBySha.get(e.sha256) ?? []), e.file]);
  const bySha = new Map<string, PageImages>();
  let rendered = 0;
  for (const report of reports) {
    const { sha256, format } = report.source;
    if (!PAGED_FORMATS.has(format) || bySha.has(sha256)) continue;
    const found = await originalFile(sha256, filesBySha.get(sha256) ?? [], report.source.path);
    if ('reason' in found) {
      bySha.set(sha256, found);
      continue;
    }
    if (format === 'image' && !drawableImage(found.bytes)) {
      bySha.set(sha256, { reason: 'format', file: found.file });
      continue;
    }
    const dir = pageDir(sha256);
    // pages OCR read turned are shown turned, so that the report's boxes fall on them
    const turns: Turns = Object.fromEntries((report.source.ocr ?? []).flatMap((p) => (p.turned ? [[p.page, p.turned]] : [])));
    const cached = await readCached(join(site, dir), sha256, turns);
    if (cached) {
      bySha.set(sha256, { sha256, dir, pages: cached });
      continue;
    }
    try {
      const pages = await renderPages(found.bytes, format, found.file, join(site, dir), turns);
      await writeFileAtomic(join(site, dir, META_FILE), `${JSON.stringify({ version: RENDER_VERSION, sha256, turns, pages }, null, 1)}\n`);
      bySha.set(sha256, { sha256, dir, pages });
      rendered += pages.length;
    } catch (error) {
      bySha.set(sha256, { reason: 'unreadable', file: found.file, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  await prune(join(site, PAGES_DIR), new Set([...bySha.values()].flatMap((s) => ('dir' in s ? [s.dir.slice(PAGES_DIR.length + 1)] : []))));
  return { bySha, rendered };
}

/** PNG, JPEG, GIF or WebP by their first bytes: what the canvas decodes (never hand it anything else). */
export function drawableImage(b: Uint8Array): boolean {
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  return (b[0] === 0x89 && ascii(1, 4) === 'PNG') || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    || ascii(0, 4) === 'GIF8' || (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP');
}

/** The first of the manifest's paths for this content that still holds it. */
async function originalFile(sha256: string, files: string[], path: string): Promise<{ file: string; bytes: Uint8Array } | PageNote> {
  if (files.length === 0) return { reason: 'missing', file: path };
  let changed: string | null = null;
  for (const file of files) {
    if (file.includes(ENTRY_SEPARATOR)) continue;
    const bytes = await readFile(resolve(file)).catch(() => null);
    if (!bytes) continue;
    if (createHash('sha256').update(bytes).digest('hex') === sha256) return { file, bytes };
    changed ??= file;
  }
  if (changed) return { reason: 'changed', file: changed };
  const inArchive = files.find((f) => f.includes(ENTRY_SEPARATOR));
  return inArchive ? { reason: 'archive', file: inArchive } : { reason: 'missing', file: files[0]! };
}

async function readCached(dir: string, sha256: string, turns: Turns): Promise<PageImage[] | null> {
  let meta: { version?: unknown; sha256?: unknown; turns?: unknown; pages?: PageImage[] };
  try {
    meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (meta.version !== RENDER_VERSION || meta.sha256 !== sha256 || !Array.isArray(meta.pages)) return null;
  if (JSON.stringify(meta.turns ?? {}) !== JSON.stringify(turns)) return null;
  for (const p of meta.pages) {
    const info = await stat(join(dir, p.file)).catch(() => null);
    if (info?.size !== p.bytes) return null;
  }
  return meta.pages;
}

async function prune(root: string, keep: Set<string>): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const name of entries) if (!keep.has(name)) await rm(join(root, name), { recursive: true, force: true });
}

/** A canvas the images are drawn on and encoded from (pdf.js's own factory for PDF pages). */
interface Drawn {
  canvas: { width: number; height: number; encode(format: 'webp', quality: number): Promise<Buffer> };
  release(): void;
}

/** Pages read turned (the report's `source.ocr[].turned`): clockwise degrees by page number. */
type Turns = Record<number, Turn>;

/**
 * `draw` for a page shown turned by `turned` degrees clockwise: the page as stored is drawn at its own
 * size (`w` and `h` swapped for 90 and 270) and turned onto a canvas of `w × h`.
 */
function turnedDraw(draw: (w: number, h: number) => Promise<Drawn>, turned: Turn): (w: number, h: number) => Promise<Drawn> {
  return async (w, h) => {
    const [sw, sh] = sizeAsRead(w, h, turned);
    const stored = await draw(sw, sh);
    try {
      const canvas = createCanvas(w, h);
      const context = canvas.getContext('2d');
      context.translate(w / 2, h / 2);
      context.rotate((turned * Math.PI) / 180);
      context.drawImage(stored.canvas as unknown as Parameters<typeof context.drawImage>[0], -sw / 2, -sh / 2);
      return { canvas, release: () => {} };
    } finally {
      stored.release();
    }
  };
}

/** The page's size in box units and its `draw`, turned as OCR read the page. */
function asRead(width: number, height: number, draw: (w: number, h: number) => Promise<Drawn>, turned: Turn | undefined) {
  const [w, h] = sizeAsRead(width, height, turned);
  return { width: w, height: h, draw: turned ? turnedDraw(draw, turned) : draw };
}

async function renderPages(bytes: Uint8Array, format: string, file: string, dir: string, turns: Turns): Promise<PageImage[]> {
  const pages: PageImage[] = [];
  if (format === 'image') {
    // the pixels as stored, as OCR read them (a phone photo's EXIF orientation is not applied: `turns` is)
    const image = await loadImage(Buffer.from(storedPixels(bytes)));
    const { width, height } = image;
    const write = async (w: number, h: number): Promise<Drawn> => {
      const canvas = createCanvas(w, h);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, w, h);
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, w, h);
      return { canvas, release: () => {} };
    };
    const page = asRead(width, height, write, turns[1]);
    pages.push(await encodePage(1, page.width, page.height, Math.min(1, fitScale(width, height)), page.draw, dir));
    return pages;
  }
  const doc = await openPdf(bytes, file);
  let rawPdf: RawPdf | undefined;
  try {
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const scan = page.ref ? (rawPdf ??= new RawPdf(bytes)).scanImage(page.ref) : null;
      const at = scan && uprightImage(scan.matrix, page);
      let draw: (w: number, h: number) => Promise<Drawn>;
      if (scan && at) {
        // a page that is one stored JPEG (a scan): decoded natively, not by pdf.js in JavaScript
        const image = await loadImage(Buffer.from(scan.jpeg));
        draw = async (w, h) => {
          const s = w / width;
          const canvas = createCanvas(w, h);
          const context = canvas.getContext('2d');
          context.fillStyle = '#fff';
          context.fillRect(0, 0, w, h);
          context.imageSmoothingQuality = 'high';
          context.drawImage(image, at.x * s, at.y * s, at.width * s, at.height * s);
          return { canvas, release: () => {} };
        };
      } else {
        draw = async (w, h) => {
          const pair = factory.create(w, h);
          const { canvas, context } = pair;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, w, h);
          // the viewport at the scale that maps the page onto exactly w × h pixels
          const viewport = page.getViewport({ scale: w / width });
          await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
          return { canvas: canvas as unknown as Drawn['canvas'], release: () => factory.destroy(pair) };
        };
      }
      const shown = asRead(width, height, draw, turns[n]);
      pages.push(await encodePage(n, shown.width, shown.height, Math.min(PAGE_DPI / 72, fitScale(width, height)), shown.draw, dir));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/**
 * Where an image drawn with matrix `[a, b, c, d, e, f]` sits on an unrotated page, in points from
 * its top-left corner, when it is drawn upright; otherwise null (pdf.js renders the page).
 */
function uprightImage(matrix: number[], page: PDFPageProxy): { x: number; y: number; width: number; height: number } | null {
  if (page.rotate % 360 !== 0) return null;
  const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  const [vx, , , vy1] = page.view as [number, number, number, number];
  return { x: e - vx, y: vy1 - (f + d), width: a, height: d };
}

/** The scale at which a page of `width × height` units has MAX_PAGE_PIXELS. */
const fitScale = (width: number, height: number) => Math.sqrt(MAX_PAGE_PIXELS / (width * height));

/** Pixel size of a page drawn at `scale`: never 0. */
export function pixelSize(width: number, height: number, scale: number): { w: number; h: number } {
  return { w: Math.max(1, Math.round(width * scale)), h: Math.max(1, Math.round(height * scale)) };
}

/** Draw at `scale`, encode at falling qualities until the budget is met, then smaller. */
async function encodePage(
  n: number,
  width: number,
  height: number,
  scale: number,
  draw: (w: number, h: number) => Promise<Drawn>,
  dir: string,
): Promise<PageImage> {
  for (let s = scale; ; s *= SHRINK) {
    const { w, h } = pixelSize(width, height, s);
    const drawn = await draw(w, h);
    try {
      for (const quality of QUALITIES) {
        const data = await drawn.canvas.encode('webp', quality);
        if (data.length <= PAGE_IMAGE_BUDGET || (w <= 16 && quality === QUALITIES.at(-1))) {
          const file = `${n}.webp`;
          await writeFileAtomic(join(dir, file), data);
          return { n, width: round(width), height: round(height), file, imageWidth: w, imageHeight: h, bytes: data.length };
        }
      }
    } finally {
      drawn.release();
    }
  }
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D };
  destroy(pair: { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D }): void;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
