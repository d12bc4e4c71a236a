/**
 * Offline Vietnamese OCR: a pool of tesseract.js workers with the `vie` model read from the
 * `@tesseract.js-data/vie` package folder (gzip as shipped, never fetched, never cached to disk).
 * Workers start on the first page that needs them and are reused for every page of every file.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PSM, Scheduler, Worker } from 'tesseract.js';
import { OcrCache } from './ocr-cache.js';
import { makeSegment, type Run, type Segment } from './layout.js';

const require = createRequire(import.meta.url);

/**
 * The LSTM model in its integer "best" build: the same word accuracy as the package's default
 * 4.0.0 build on page 4 of seed 000's scan (99.41 % both, `npm run eval -- ocr`) at a third of
 * its size, and LSTM-only, which is the engine we run.
 */
export function vieLangPath(): string {
  const pkg = require('@tesseract.js-data/vie') as { langPath: string };
  return join(pkg.langPath, '..', '4.0.0_best_int');
}

export interface OcrWord {
  text: string;
  confidence: number; // [0, 1]
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrResult {
  /** Lines as layout segments, in pixel coordinates scaled by `scale` (1 = pixels). */
  segments: Segment[];
  /** Milliseconds tesseract spent on this image (inside its worker). */
  recognizeMs: number;
}

export interface OcrPoolOptions {
  /** Number of workers; default: the cores available. */
  workers?: number;
  /** Folder of `vie.traineddata.gz`; default: the best_int build (`vieLangPath()`). */
  langPath?: string;
  /** Folder of the OCR cache (ocr-cache.ts); none by default. */
  cacheDir?: string;
}

/**
 * What an OCR result depends on besides the image: tesseract.js's version, the model's bytes and
 * the settings `start` gives every worker. Part of every cache key.
 */
async function engineKey(langPath: string): Promise<string> {
  const version = (require('tesseract.js/package.json') as { version: string }).version;
  const model = createHash('sha256')
    .update(await readFile(join(langPath, 'vie.traineddata.gz')))
    .digest('hex');
  return `tesseract.js ${version}; vie ${model}; ${JSON.stringify(WORKER_PARAMETERS)}`;
}

/** Set on every worker (PSM.AUTO is '3'). */
const WORKER_PARAMETERS = {
  tessedit_pageseg_mode: '3',
  // pages are rendered at 300 dpi; scans without a resolution tag are most often 300 dpi too
  user_defined_dpi: '300',
  // tesseract's progress chatter ("Detected 101 diacritics") is not for the user's screen
  debug_file: '/dev/null',
};

export class OcrPool {
  readonly size: number;
  private readonly langPath: string;
  private scheduler: Scheduler | null = null;
  private starting: Promise<Scheduler> | null = null;
  private workers: Worker[] = [];
  private slots: number;
  private waiting: (() => void)[] = [];
  /** Total time spent in recognize jobs, for the bench's overhead ratio. */
  recognizeMs = 0;
  pages = 0;
  readonly cache: OcrCache | null;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.langPath = options.langPath ?? vieLangPath();
    this.cache = options.cacheDir ? new OcrCache(options.cacheDir, engineKey(this.langPath)) : null;
    // rendering may run ahead of recognition by one page per worker, no more: page images are big
    this.slots = this.size * 2;
  }

  private start(): Promise<Scheduler> {
    if (this.scheduler) return Promise.resolve(this.scheduler);
    this.starting ??= (async () => {
      // loaded on first use: a run with no scans never pays for tesseract.js
      const { createScheduler, createWorker, OEM } = await import('tesseract.js');
      const scheduler = createScheduler();
      const langPath = this.langPath;
      this.workers = await Promise.all(
        Array.from({ length: this.size }, () =>
          createWorker('vie', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }),
        ),
      );
      for (const w of this.workers) {
        await w.setParameters({ ...WORKER_PARAMETERS, tessedit_pageseg_mode: WORKER_PARAMETERS.tessedit_pageseg_mode as PSM });
        scheduler.addWorker(w);
      }
      this.scheduler = scheduler;
      return scheduler;
    })();
    return this.starting;
  }

  /** Hold a slot while an image is produced and recognised, so rendering never runs far ahead. */
  async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.slots === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.slots--;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.slots++;
    }
  }

  /**
   * Recognise one image (PNG, JPEG, TIFF, PNM bytes). Coordinates are divided by `scale`, so a
   * page rendered at 300 dpi comes back in PDF points with scale 300/72.
   */
  async recognize(image: Uint8Array, scale = 1): Promise<OcrResult> {
    const key = this.cache ? await this.cache.key(image, scale) : null;
    const cached = key ? await this.cache!.get(key) : null;
    if (cached) return { segments: cached, recognizeMs: 0 };
    const result = await this.read(image, scale);
    if (key) await this.cache!.set(key, result.segments);
    return result;
  }

  private async read(image: Uint8Array, scale: number): Promise<OcrResult> {
    const scheduler = await this.start();
    const t0 = performance.now();
    const result = await scheduler.addJob('recognize', Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, {
      blocks: true,
      text: false,
      hocr: false,
      tsv: false,
    });
    const ms = performance.now() - t0;
    this.recognizeMs += ms;
    this.pages++;
    return { segments: toSegments(result.data, scale), recognizeMs: ms };
  }

  async close(): Promise<void> {
    const scheduler = this.scheduler ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.scheduler = null;
    this.starting = null;
    if (scheduler) await scheduler.terminate();
    this.workers = [];
  }
}

interface TessLine {
  bbox: { x0: number; y0: number; x1: number; y1: number };
  baseline: { x0: number; y0: number; x1: number; y1: number };
  rowAttributes?: { rowHeight?: number };
  words: OcrWord[];
}

/** tesseract's lines → layout segments; a line with a wide gap (two columns) is split. */
function toSegments(data: unknown, scale: number): Segment[] {
  const blocks = (data as { blocks?: { paragraphs: { lines: TessLine[] }[] }[] | null }).blocks ?? [];
  const out: Segment[] = [];
  for (const block of blocks) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const size = (line.rowAttributes?.rowHeight ?? line.bbox.y1 - line.bbox.y0) / scale;
        // baseline y under a word: tesseract gives the baseline as a line from x0 to x1
        const b = line.baseline;
        const slope = b.x1 !== b.x0 ? (b.y1 - b.y0) / (b.x1 - b.x0) : 0;
        const runs: Run[] = [];
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const mid = (w.bbox.x0 + w.bbox.x1) / 2;
          runs.push({
            text,
            x0: w.bbox.x0 / scale,
            x1: w.bbox.x1 / scale,
            top: w.bbox.y0 / scale,
            bottom: w.bbox.y1 / scale,
            baseline: (b.y0 + slope * (mid - b.x0)) / scale,
            size,
            confidence: Math.round(w.confidence) / 100,
          });
        }
        let current: Run[] = [];
        for (const run of runs) {
          const last = current[current.length - 1];
          if (last && run.x0 - last.x1 > 2.5 * size) {
            out.push(makeSegment(current, true));
            current = [];
          }
          current.push(run);
        }
        if (current.length > 0) out.push(makeSegment(current, true));
      }
    }
  }
  return out;
}
