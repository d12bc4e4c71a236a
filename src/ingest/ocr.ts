/**
 * Offline Vietnamese OCR: pools of tesseract.js workers with a `vie` model read from the package
 * (gzip as shipped, never fetched, never cached to disk), one pool per model. Workers start on the
 * first page that needs them and are reused for every page of every file. Which model reads a page
 * is decided here only (`OcrPool.recognize`), page preparation in page-prep.ts.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { OutputFormats, PSM, Scheduler, Worker } from 'tesseract.js';
import { fileURLToPath } from 'node:url';
import { OcrCache } from './ocr-cache.js';
import { TesseractCli, tesseractVersion } from './native-ocr.js';
import { Slots } from './slots.js';
import { bleedThreshold, liftBleed } from './bleed.js';
import { binarise, decodeGrey, DEFAULT_STEPS, inspect, paperLevel, pgm, plannedSteps, preparation, preparePage, rotatePage, turnedImage, type PreparedPage, type PrepSteps } from './page-prep.js';
import { makeSegment, type Run, type Segment } from './layout.js';
import type { OcrPage, Turn } from './types.js';
import { mergeLines } from './line-merge.js';
import { cellSheet, eraseGrid, type GreyImage, type SheetPiece } from './scan-rulings.js';
import type { Ruling } from './table-layout.js';

const require = createRequire(import.meta.url);

/**
 * The two `vie` models. `fast` is tessdata_fast's (Apache-2.0, as Debian ships it in
 * tesseract-ocr-vie 4.1.0), gzipped in models/vie-fast/: 3.6× cheaper than `best` at the same
 * word accuracy on clean pages (docs/scans.md). `best` is the integer "best" build of
 * @tesseract.js-data/vie: the same accuracy as the package's default 4.0.0 build at a third of its
 * size, kept for the pages the fast model reads with low confidence.
 */
export type OcrModel = 'fast' | 'best';
/** `auto`: the fast model, and the best one again for a page the fast one reads with low confidence. */
export type OcrMode = OcrModel | 'auto';
export const OCR_MODES: readonly OcrMode[] = ['fast', 'best', 'auto'];

/**
 * What runs the models: `wasm`, tesseract.js inside the process (the same readings on every machine);
 * `native`, the system `tesseract` command (native-ocr.ts), a fifth cheaper a page at the same accuracy
 * (docs/scans.md). `auto`, the default, is `native` where a tesseract 5 command is installed, else `wasm`.
 */
export type OcrEngineKind = 'wasm' | 'native';
export type OcrEngineChoice = OcrEngineKind | 'auto';
export const OCR_ENGINES: readonly OcrEngineChoice[] = ['auto', 'wasm', 'native'];

/** The engine `choice` runs on this machine: `auto` is `native` when a tesseract 5 command is on PATH. */
export function resolveOcrEngine(choice: OcrEngineChoice = 'auto'): OcrEngineKind {
  if (choice !== 'auto') return choice;
  return tesseractVersion() === null ? 'wasm' : 'native';
}

export function vieLangPath(model: OcrModel = 'best'): string {
  if (model === 'fast') return fileURLToPath(new URL('../../models/vie-fast', import.meta.url));
  const pkg = require('@tesseract.js-data/vie') as { langPath: string };
  return join(pkg.langPath, '..', '4.0.0_best_int');
}

/**
 * When a page is read upside down too: its first reading's mean word confidence is below `below`; it is
 * read turned when the upside-down reading is surer by `gain` or more. Pages of the bench scan read
 * upside down had 0.38–0.45 against 0.90–0.95 the right way up; the least sure pages of the scan set
 * the right way up, heavy photocopies, 0.65 and more (docs/scans.md).
 */
export const TURN = { below: 0.6, gain: 0.2 };

/**
 * When `auto` reads a page again with the best model: the fast model's mean word confidence on it
 * is below `mean`, or more than `lowShare` of its words are below `low`. Chosen on the seed pages of
 * the scan set's development part (`npm run eval -- scans`), not on the pages it reports.
 */
export const AUTO_RETRY = { mean: 0.86, low: 0.6, lowShare: 0.08 };

/**
 * A page read with a mean word confidence below this (or one `needsBest` would send on) is read again
 * binarised (page-prep.ts), and the surer reading kept. On the scan set's development part the clean
 * pages were read at 0.945–0.957, light photocopies at 0.937–0.939 (docs/scans.md).
 */
export const BINARISE_BELOW = 0.94;
/** Paper at or above this grey level (`paperLevel`) is white: such a page is not binarised. */
const GREY_PAPER = 250;

export interface OcrWord {
  text: string;
  confidence: number; // [0, 1]
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrResult {
  /** Lines as layout segments, in pixel coordinates scaled by `scale` (1 = pixels). */
  segments: Segment[];
  /** Milliseconds tesseract spent on this image (inside its worker), every model it went through. */
  recognizeMs: number;
  /** The model whose reading this is. */
  model: OcrModel;
  /** Mean word confidence of the page in [0, 1] (words weighted by length); null for a page without words. */
  confidence: number | null;
  /** A table grid's ruling lines found in the image (scan-rulings.ts), in the segments' coordinates; absent without a grid. */
  rulings?: Ruling[];
  /**
   * The image was not the right way up: the degrees it was turned clockwise to read it (180 upside down;
   * 90 and 270 sideways, the page's width and height swapped); the segments' coordinates are the turned page's.
   */
  turned?: Turn;
}

export interface OcrPoolOptions {
  /** Number of workers per model; default: the cores available. */
  workers?: number;
  /** Which model reads the pages (default `auto`). */
  mode?: OcrMode;
  /** Folder of a `vie.traineddata.gz` that reads every page instead (evals compare models with it). */
  langPath?: string;
  /** Page preparation before OCR (page-prep.ts): the kept steps by default, `false` for none. */
  prepare?: boolean | PrepSteps;
  /** Folder of the OCR cache (ocr-cache.ts); none by default. */
  cacheDir?: string;
  /** Look for a table grid's ruling lines in each page and erase them before OCR (scan-rulings.ts); default true. */
  rulings?: boolean;
  /** What runs the models: `wasm` (tesseract.js), `native` (the system `tesseract` command), `auto` (the default: native where installed). */
  engine?: OcrEngineChoice;
}

/** Names the erasing of a grid's lines in OCR cache keys; a change of scan-rulings.ts's rule must change it. */
const GRID_ERASED = 'grid erased 1';
/** Names a page with its bleed-through lifted to white in OCR cache keys; a change of bleed.ts's rule must change it. */
const BLEED_LIFTED = 'bleed lifted 3';
/** Names a page binarised for a second reading in OCR cache keys (`binarise` in page-prep.ts). */
const BINARISED = 'binarised 1';
/**
 * One cell's reading out of several (fast, best, best and fast on the sheet enlarged 1.5×): word by
 * word when all have as many words, else the cell whole; what most readings agree on, else a
 * figure over lone tokens that are none (`517` over `S17`, `(1)` over `q)`: a cell holds figures),
 * else the more confident of the first two (fast and best), the first on a tie.
 */
function chooseReading(readings: Segment[][]): Segment[] {
  const text = (runs: Run[]) => runs.map((r) => r.text).join(' ');
  const pick = (candidates: Run[][]): Run[] => {
    const counts = new Map<string, number>();
    for (const c of candidates) counts.set(text(c), (counts.get(text(c)) ?? 0) + 1);
    const most = Math.max(...counts.values());
    const leaders = [...counts].filter(([, n]) => n === most);
    if (most >= 2 && leaders.length === 1) return candidates.find((c) => text(c) === leaders[0]![0])!;
    const figures = candidates.filter((runs) => runs.length === 1 && FIGURE_CELL.test(text(runs)));
    if (figures.length > 0 && figures.length < candidates.length && candidates.every((runs) => runs.length === 1)) {
      return figures.reduce((x, y) => ((y[0]!.confidence ?? 0) > (x[0]!.confidence ?? 0) ? y : x));
    }
    // (a reading with no word has no confidence: nothing to make a segment of)
    const conf = (runs: Run[]) => (runs.length === 0 ? 0 : (pageConfidence([makeSegment(runs, true)]) ?? 0));
    const [first, second] = candidates as [Run[], Run[] | undefined];
    return second && conf(second) > conf(first) ? second : first;
  };
  const words = readings.map((segs) => segs.flatMap((x) => x.runs));
  const first = words[0]!;
  if (first.length === 0 || words.some((w) => w.length !== first.length)) {
    const runs = pick(words);
    return readings[words.indexOf(runs)]!;
  }
  // word by word, in the first reading's lines (the readings' boxes of a word agree)
  const chosen = new Map(first.map((run, i) => [run, pick(words.map((w) => [w[i]!]))[0]!]));
  return readings[0]!.map((seg) => makeSegment(seg.runs.map((r) => ({ ...r, text: chosen.get(r)!.text, confidence: chosen.get(r)!.confidence })), seg.joinWithSpace));
}

/** The enlargement of the sheet's second pair of readings (2× measured worse than 1.5× for the third reading: 88.8 against 92.4 % on dev tables 6–10). */
const SHEET_ZOOM = 1.5;

/** A cell's text that is a figure or a column number: `1.366`, `99,5%`, `(3)`. */
const FIGURE_CELL = /^\(?[-+]?\d[\d.,]*%?\)?$/u;
/** Names a table sheet's reading in OCR cache keys (the sheet's bytes are the rest of the key). */
const TABLE_SHEET = 'table sheet 1';

/** Set on every worker (PSM.AUTO is '3'). */
const WORKER_PARAMETERS = {
  tessedit_pageseg_mode: '3',
  // pages are rendered at 300 dpi; scans without a resolution tag are most often 300 dpi too
  user_defined_dpi: '300',
  // tesseract's progress chatter ("Detected 101 diacritics") is not for the user's screen
  debug_file: '/dev/null',
  // tesseract 5 reads every doubtful line a second time upside-down-inverted (white on black); a
  // scanned report has no such lines, and skipping it saves a share of the page's time
  tessedit_do_invert: '0',
  // signs no Vietnamese report prints, which the models put for letters broken by a photocopy's toner
  // loss (`ban` → `b¬n`, `tịch` → `tịcï1`); barred, the model reads its next choice (docs/scans.md). €, £
  // and ¥ are left alone: a report may print them
  tessedit_char_blacklist: '©¬¡¿›‹¢§®™äëïöüÄËÏÖÜ',
};

/**
 * What is read of tesseract's output: named in cache keys, as hOCR's baselines differ from the JSON's
 * by up to a pixel. The lines tesseract-worker.cjs reads are hOCR's values (`hocrLines`), the same
 * on every page compared (docs/scans.md), so the name and the cached readings stay.
 */
const OUTPUT = 'hocr';

/** tesseract.js's worker with the `lines` output (tesseract-worker.cjs): hOCR's values without the cost of writing hOCR. */
const WORKER_SCRIPT = fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url));

/** One model's reader: tesseract.js's workers, or `tesseract` processes. */
interface Engine {
  readonly model: OcrModel;
  /** What a result depends on besides the image and its preparation; part of every cache key. */
  readonly key: Promise<string>;
  read(image: Uint8Array, scale: number): Promise<OcrResult>;
  close(): Promise<void>;
}

/** What an engine's readings depend on besides the image: the engine (`tesseract.js 7.0.0`), the model's bytes, the settings. */
async function engineKey(engine: string, langPath: string): Promise<string> {
  const model = createHash('sha256').update(await readFile(join(langPath, 'vie.traineddata.gz'))).digest('hex');
  return `${engine}; vie ${model}; ${JSON.stringify(WORKER_PARAMETERS)}; ${OUTPUT}`;
}

/** One model's tesseract.js workers, started on the first page that needs them. */
class WasmEngine implements Engine {
  private scheduler: Scheduler | null = null;
  private starting: Promise<Scheduler> | null = null;
  /**
   * What a result depends on besides the image and its preparation: tesseract.js's version, the
   * model's bytes and the settings every worker gets. Part of every cache key.
   */
  get key(): Promise<string> {
    // on first use: a pool without a cache never reads the model to hash it
    this.keyed ??= (async () => {
      const version = (require('tesseract.js/package.json') as { version: string }).version;
      return engineKey(`tesseract.js ${version}`, this.langPath);
    })();
    return this.keyed;
  }
  private keyed: Promise<string> | null = null;

  constructor(
    readonly model: OcrModel,
    private readonly langPath: string,
    private readonly size: number,
  ) {}

  private start(): Promise<Scheduler> {
    if (this.scheduler) return Promise.resolve(this.scheduler);
    this.starting ??= (async () => {
      // loaded on first use: a run with no scans never pays for tesseract.js
      const { createScheduler, createWorker, OEM } = await import('tesseract.js');
      const scheduler = createScheduler();
      const langPath = this.langPath;
      const workers: Worker[] = await Promise.all(
        Array.from({ length: this.size }, () => createWorker('vie', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none', workerPath: WORKER_SCRIPT })),
      );
      for (const w of workers) {
        await w.setParameters({ ...WORKER_PARAMETERS, tessedit_pageseg_mode: WORKER_PARAMETERS.tessedit_pageseg_mode as PSM });
        scheduler.addWorker(w);
      }
      this.scheduler = scheduler;
      return scheduler;
    })();
    return this.starting;
  }

  async read(image: Uint8Array, scale: number): Promise<OcrResult> {
    const scheduler = await this.start();
    const t0 = performance.now();
    // the lines as hOCR gives them, read from tesseract's iterator in the worker (tesseract-worker.cjs)
    const output = { blocks: false, text: false, hocr: false, tsv: false, lines: true };
    const result = await scheduler.addJob('recognize', Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, output as Partial<OutputFormats>);
    const segments = toSegments((result.data as unknown as { lines: TessLine[] }).lines, scale);
    return { segments, recognizeMs: performance.now() - t0, model: this.model, confidence: pageConfidence(segments) };
  }

  async close(): Promise<void> {
    const scheduler = this.scheduler ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.scheduler = null;
    this.starting = null;
    if (scheduler) await scheduler.terminate();
  }
}

/**
 * One model read by the system `tesseract` (native-ocr.ts): a process a page, `size` at once, the
 * same settings as the workers', its hOCR read by `hocrLines`.
 */
class NativeEngine implements Engine {
  private readonly cli: TesseractCli;
  private keyed: Promise<string> | null = null;

  constructor(
    readonly model: OcrModel,
    private readonly langPath: string,
    size: number,
  ) {
    this.cli = new TesseractCli(join(langPath, 'vie.traineddata.gz'), WORKER_PARAMETERS, size);
  }

  /** The command's version line (`tesseract 5.3.0`) instead of tesseract.js's: the two engines' readings never mix. */
  get key(): Promise<string> {
    // (async: a missing command rejects the key, as it rejects the page)
    this.keyed ??= (async () => engineKey(`tesseract CLI ${this.cli.version}`, this.langPath))();
    return this.keyed;
  }

  async read(image: Uint8Array, scale: number): Promise<OcrResult> {
    const t0 = performance.now();
    const segments = toSegments(hocrLines(await this.cli.hocr(image)), scale);
    return { segments, recognizeMs: performance.now() - t0, model: this.model, confidence: pageConfidence(segments) };
  }

  close(): Promise<void> {
    return this.cli.close();
  }
}

export class OcrPool {
  readonly size: number;
  readonly mode: OcrMode;
  readonly prepare: PrepSteps | null;
  readonly rulings: boolean;
  readonly engine: OcrEngineKind;
  private readonly engines: Partial<Record<OcrModel, Engine>> = {};
  private readonly slots: Slots;
  /** Total time spent in recognize jobs, for the bench's overhead ratio. */
  recognizeMs = 0;
  /** Readings by the first model (a page deskewed counts twice), and pages `auto` read again with the best one. */
  pages = 0;
  retried = 0;
  readonly cache: OcrCache | null;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    const prepare = options.prepare ?? true;
    this.prepare = prepare === true ? DEFAULT_STEPS : prepare || null;
    this.rulings = options.rulings ?? true;
    this.engine = resolveOcrEngine(options.engine);
    const Kind = this.engine === 'native' ? NativeEngine : WasmEngine;
    if (options.langPath) {
      this.mode = 'best';
      this.engines.best = new Kind('best', options.langPath, this.size);
    } else {
      this.mode = options.mode ?? 'auto';
      for (const model of ['fast', 'best'] as const) this.engines[model] = new Kind(model, vieLangPath(model), this.size);
    }
    this.cache = options.cacheDir ? new OcrCache(options.cacheDir) : null;
    // rendering may run ahead of recognition by one page per worker, no more: page images are big
    this.slots = new Slots(this.size * 2);
  }

  /** Hold a slot while an image is produced and recognised, so rendering never runs far ahead. */
  withSlot<T>(task: () => Promise<T>): Promise<T> {
    return this.slots.run(task);
  }

  /**
   * Recognise one image (PNG, JPEG, TIFF, PNM bytes). Coordinates are divided by `scale`, so a
   * page rendered at 300 dpi comes back in PDF points with scale 300/72.
   */
  async recognize(image: Uint8Array, scale = 1): Promise<OcrResult> {
    const result = await this.recognizeImage(image, scale, true);
    // a page fed sideways: tesseract finds its lines standing and reads them turned, but their boxes stand
    // on the page as stored, where layout would take each word for a line of its own
    if (!this.prepare?.turn || !standing(result.segments)) return result;
    const { rulings: _, ...rest } = result;
    return { ...rest, segments: laidDown(result.segments, inspect(image).width / scale), turned: result.turned === 180 ? 90 : 270 };
  }

  /** `recognize`; `mayTurn`: the image may be upside down (false for an image already turned). */
  private async recognizeImage(image: Uint8Array, scale: number, mayTurn: boolean): Promise<OcrResult> {
    let { prepared, prep } = this.preparedOf(image, scale);
    // bleed-through, judged on the page as prepared (before a grid's cells are blanked, which would
    // add paper), from the pixels the grid search decodes; lifted after (bleed.ts)
    const bleed = this.rulings && this.prepare?.bleed ? await bleedOf(await prepared()) : null;
    // a page with a table grid: the page is read without the table, and the table's cells from a
    // sheet of their own (scan-rulings.ts); a page without one is read as before
    const grid = this.rulings ? await pageGrid(await prepared(), image, scale) : null;
    if (grid) {
      const rest = Promise.resolve(grid.page);
      prepared = () => rest;
      prep = `${prep}; ${GRID_ERASED}`;
    }
    if (bleed !== null) {
      const lifted = liftedPage(await prepared(), bleed);
      prepared = () => lifted;
      prep = `${prep}; ${BLEED_LIFTED}`;
    }
    const result = await this.recognizePrepared(image, scale, prepared, prep, mayTurn);
    // (a page read turned has its own grid's cells, read on the turned page)
    if (!grid || result.turned) return result;
    const cells = grid.sheet ? await this.readSheet(grid.sheet) : { segments: [], recognizeMs: 0 };
    const segments = [...result.segments, ...cells.segments];
    return { ...result, segments, confidence: pageConfidence(segments), recognizeMs: result.recognizeMs + cells.recognizeMs, rulings: grid.rulings };
  }

  /**
   * The cells of a table sheet, each line put back at its cell's place on the page. Four readings
   * (fast and best, on the sheet and on it enlarged 1.5×; both models whatever the pool's mode) and
   * a vote per cell or word (`chooseReading`): alone in a cell, a figure loses the context a line
   * gives, and each reading misreads some the others read right (fast: `S11` for `511`, best:
   * `Trục tiếp`, `TỶ lệ`). Measured on dev tables 1–10: two readings 86.4 % of cells right on 6–10,
   * three 95.5 % on 1–10, four 98.5 % (docs/tables.md).
   */
  private async readSheet(sheet: TableSheet): Promise<{ segments: Segment[]; recognizeMs: number }> {
    const bytes = pgm(sheet.image.width, sheet.image.height, sheet.image.grey);
    const page = Promise.resolve({ image: bytes, scale: 1, steps: [] });
    // the sheet enlarged: the models misread other glyphs there than at 1×
    const big = enlarge(sheet.image, SHEET_ZOOM);
    const bigBytes = pgm(big.width, big.height, big.grey);
    const bigPage = Promise.resolve({ image: bigBytes, scale: SHEET_ZOOM, steps: [] });
    const plan: [OcrModel, boolean][] = [
      ['fast', false],
      ['best', false],
      ['best', true],
      ['fast', true],
    ];
    // (a pool given one model's `langPath` has that model only)
    const readings = await Promise.all(
      plan.filter(([model]) => this.engines[model]).map(([model, enlarged]) => (enlarged ? this.readWith(model, bigBytes, SHEET_ZOOM, () => bigPage, TABLE_SHEET) : this.readWith(model, bytes, 1, () => page, TABLE_SHEET))),
    );
    // each reading's words by the piece (cell) they lie in, in lines
    const byPiece = readings.map((r) => {
      const out = new Map<SheetPiece, Segment[]>();
      for (const seg of r.segments) {
        const groups = new Map<SheetPiece, Run[]>();
        for (const run of seg.runs) {
          const [x, y] = [(run.x0 + run.x1) / 2, (run.top + run.bottom) / 2];
          const piece = sheet.pieces.find((p) => p.sheetX <= x && x <= p.sheetX + p.width && p.sheetY <= y && y <= p.sheetY + p.height);
          if (piece) groups.set(piece, [...(groups.get(piece) ?? []), run]);
        }
        for (const [piece, runs] of groups) out.set(piece, [...(out.get(piece) ?? []), makeSegment(runs, seg.joinWithSpace)]);
      }
      return out;
    });
    const segments: Segment[] = [];
    for (const piece of sheet.pieces) {
      const chosen = chooseReading(byPiece.map((m) => m.get(piece) ?? []));
      const dx = piece.pageX - piece.sheetX;
      const dy = piece.pageY - piece.sheetY;
      const k = sheet.scale;
      for (const seg of chosen) {
        const runs = seg.runs.map((r) => ({ ...r, x0: (r.x0 + dx) / k, x1: (r.x1 + dx) / k, top: (r.top + dy) / k, bottom: (r.bottom + dy) / k, baseline: (r.baseline + dy) / k, size: r.size / k }));
        segments.push(makeSegment(runs, seg.joinWithSpace));
      }
    }
    let recognizeMs = readings.reduce((a, r) => a + r.recognizeMs, 0);
    // cells no reading has a word in: tesseract skips some short lines of a sheet as noise (which
    // ones depends on their neighbours), so they are set on a sheet of their own and read again
    const missed = sheet.pieces.filter((p) => byPiece.every((m) => !m.has(p)));
    if (missed.length > 0 && missed.length < sheet.pieces.length) {
      const again = cellSheet(sheet.image, missed.map((p) => ({ x0: p.sheetX - 1, y0: p.sheetY - 1, x1: p.sheetX + p.width, y1: p.sheetY + p.height })), sheet.dpi);
      if (again) {
        // the new sheet's pieces, taken from the sheet, put back on the page
        const onPage = (q: SheetPiece): SheetPiece => {
          const from = missed.find((p) => p.sheetX <= q.pageX && q.pageX < p.sheetX + p.width && p.sheetY <= q.pageY && q.pageY < p.sheetY + p.height)!;
          return { ...q, pageX: from.pageX + q.pageX - from.sheetX, pageY: from.pageY + q.pageY - from.sheetY };
        };
        const read = await this.readSheet({ ...again, pieces: again.pieces.map(onPage), scale: sheet.scale, dpi: sheet.dpi });
        segments.push(...read.segments);
        recognizeMs += read.recognizeMs;
      }
    }
    return { segments, recognizeMs };
  }

  /**
   * The first model's reading; a skewed page turned straight and read again; a page read with low
   * confidence read again binarised, the surer reading kept; and in `auto`, a page still read with low
   * confidence, or a grainy one (smoothed by `denoise`), read by the best model, each line taken from
   * the fast or the best reading, whichever is surer of it (`mergeLines`).
   */
  private async recognizePrepared(image: Uint8Array, scale: number, prepared: () => Promise<PreparedPage>, prep: string, mayTurn: boolean): Promise<OcrResult> {
    const first = this.mode === 'auto' ? 'fast' : this.mode;
    let result = await this.readWith(first, image, scale, prepared, prep);
    let spent = result.recognizeMs;
    if (mayTurn && this.prepare?.turn && result.confidence !== null && result.confidence < TURN.below) {
      const upright = await this.readTurned(image, scale, first, result.confidence);
      if (upright) return { ...upright, recognizeMs: spent + upright.recognizeMs };
    }
    // a skewed page: turned straight and read again, and every later reading is of the straight page
    const skew = this.prepare?.deskew ? pageSkew(result.segments) : 0;
    let read = prepared;
    let readPrep = prep;
    let unturn = async (r: OcrResult) => r;
    if (Math.abs(skew) >= DESKEW_MIN_DEGREES && Math.abs(skew) <= DESKEW_MAX_DEGREES) {
      let straight: Promise<PreparedPage> | null = null;
      const straightened = () => (straight ??= prepared().then((p) => rotatePage(p, -skew)));
      read = straightened;
      readPrep = `${prep}; deskew ${skew.toFixed(2)}`;
      unturn = async (r: OcrResult) => ({ ...r, segments: turnSegments(r.segments, skew, await straightened()) });
      result = await unturn(await this.readWith(first, image, scale, read, readPrep));
      spent += result.recognizeMs;
    }
    // a page smoothed for its grain (`denoise`) is not binarised too: on the scan set's development
    // pages the binarised reading of such a page was never the one kept, and it costs a reading
    // (the page as prepared, not turned: a page read from the cache is decoded for this, no more)
    const smoothed = (await prepared()).steps.includes('denoise');
    if (this.prepare?.binarise && !smoothed && result.confidence !== null && (result.confidence < BINARISE_BELOW || needsBest(result))) {
      const page = await read();
      const bw = await binarisePage(page, pageDpi(page, image, scale));
      if (bw) {
        const bwPrep = `${readPrep}; ${BINARISED}`;
        const other = await unturn(await this.readWith(first, image, scale, () => Promise.resolve(bw), bwPrep));
        spent += other.recognizeMs;
        if ((other.confidence ?? 0) > (result.confidence ?? 0)) {
          result = other;
          read = () => Promise.resolve(bw);
          readPrep = bwPrep;
        }
      }
    }
    // a grainy page (a photocopy, smoothed by page-prep.ts's `denoise`) goes to the best model
    // however sure the fast one is: on the scan set's 200-dpi photocopies the best model made two
    // errors where the fast one made three, at confidences (0.92–0.94) no threshold tells from
    // clean pages' (docs/scans.md)
    if (this.mode !== 'auto' || !(needsBest(result) || smoothed)) return { ...result, recognizeMs: spent };
    this.retried++;
    const best = await unturn(await this.readWith('best', image, scale, read, readPrep));
    // each model misreads other lines: the page is made of the surer reading of each line (line-merge.ts)
    const segments = mergeLines(best.segments, result.segments);
    return { ...best, segments, confidence: pageConfidence(segments), recognizeMs: spent + best.recognizeMs };
  }

  /** The image as preparation makes it (on first use) and the preparation's name in cache keys. */
  private preparedOf(image: Uint8Array, scale: number): { prepared: () => Promise<PreparedPage>; prep: string } {
    let page: Promise<PreparedPage> | null = null;
    const prepared = () => (page ??= this.prepare ? preparePage(image, scale, this.prepare) : Promise.resolve({ image, scale, steps: [] }));
    return { prepared, prep: preparation(this.prepare ? plannedSteps(image, scale, this.prepare) : []) };
  }

  /**
   * A page fed upside down: the image turned 180° is read by the first model and, when that reading is
   * far surer than the one as given, the turned image is what is read, every step over; null otherwise.
   */
  private async readTurned(image: Uint8Array, scale: number, model: OcrModel, confidence: number): Promise<OcrResult | null> {
    const turned = await turnedImage(image);
    if (!turned) return null;
    const { prepared, prep } = this.preparedOf(turned, scale);
    // the same key the turned image's own first reading has (unless a grid or bleed-through changes it)
    const check = await this.readWith(model, turned, scale, prepared, prep);
    if ((check.confidence ?? 0) < confidence + TURN.gain) return null;
    const upright = await this.recognizeImage(turned, scale, false);
    return { ...upright, turned: 180, recognizeMs: check.recognizeMs + upright.recognizeMs };
  }

  /** One model's reading of the image, from the cache (keyed by the image as given and its preparation) or tesseract. */
  private async readWith(model: OcrModel, image: Uint8Array, scale: number, prepared: () => Promise<PreparedPage>, prep: string): Promise<OcrResult> {
    const engine = this.engines[model]!;
    const key = this.cache ? await this.cache.key(`${await engine.key}; ${prep}`, image, scale) : null;
    const cached = key ? await this.cache!.get(key) : null;
    if (cached) return { segments: cached, recognizeMs: 0, model, confidence: pageConfidence(cached) };
    const page = await prepared();
    const result = await engine.read(page.image, page.scale);
    this.recognizeMs += result.recognizeMs;
    if (model === 'fast' || this.mode !== 'auto') this.pages++;
    if (key) await this.cache!.set(key, result.segments);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.engines).map((e) => e.close()));
  }
}

/**
 * A page image's grey pixels, decoded once however many steps ask for them (the grid search, then the
 * binarised reading of the same page); null when the decoder refuses it.
 */
const decoded = new WeakMap<Uint8Array, Promise<GreyImage | null>>();
function greyOf(image: Uint8Array): Promise<GreyImage | null> {
  let pixels = decoded.get(image);
  if (!pixels) decoded.set(image, (pixels = decodeGrey(image).catch(() => null)));
  return pixels;
}

/** Pixels per inch of a prepared page: a PDF page's scale is pixels per point; an image file's header may say. */
function pageDpi(page: PreparedPage, image: Uint8Array, scale: number): number {
  return scale !== 1 ? 72 * page.scale : (inspect(image).dpi ?? 300) * (page.scale / scale);
}

/**
 * The page binarised (page-prep.ts); null when it cannot be decoded, or when its paper is white (below
 * `GREY_PAPER`): a clean page's low confidence comes from its content (a short closing page read at
 * 0.92), which a threshold does not mend, and a second reading costs as much as the first.
 */
async function binarisePage(page: PreparedPage, dpi: number): Promise<PreparedPage | null> {
  const pixels = await greyOf(page.image);
  if (!pixels || paperLevel(pixels.grey) >= GREY_PAPER) return null;
  return { image: pgm(pixels.width, pixels.height, binarise(pixels.grey, pixels.width, pixels.height, dpi)), scale: page.scale, steps: [...page.steps, 'binarise'] };
}

/**
 * The grey level from which a prepared page's pixels are bleed-through or paper (bleed.ts), or null
 * when its histogram shows none (most pages: then the cost is one histogram of pixels the grid search
 * decodes anyway) or it is not decoded.
 */
async function bleedOf(page: PreparedPage): Promise<number | null> {
  const { width, height } = inspect(page.image);
  if (width * height > GRID_MAX_PIXELS) return null;
  const pixels = await greyOf(page.image);
  return pixels && bleedThreshold(pixels.grey, pixels.width, pixels.height);
}

/** The page with every pixel from `threshold` up made white; as it was if it cannot be decoded. */
async function liftedPage(page: PreparedPage, threshold: number): Promise<PreparedPage> {
  const pixels = await greyOf(page.image);
  if (!pixels) return page;
  // a copy: the decoded pixels are shared with other steps
  return { image: pgm(pixels.width, pixels.height, liftBleed(Uint8Array.from(pixels.grey), threshold)), scale: page.scale, steps: [...page.steps, 'bleed'] };
}

/**
 * The table grid of a prepared page (scan-rulings.ts): the page with the grid's lines erased, and
 * the lines in the caller's coordinates. `image` and `scale` are the page as given (its resolution).
 */
async function pageGrid(page: PreparedPage, image: Uint8Array, scale: number): Promise<{ page: PreparedPage; rulings: Ruling[]; sheet: TableSheet | null } | null> {
  // the grid search is optional: a page too large to decode for it, or one the decoder refuses, is read as before
  // (an A4 page at 600 dpi is 35 Mpx)
  const { width, height } = inspect(page.image);
  if (width * height > GRID_MAX_PIXELS) return null;
  const pixels = await greyOf(page.image);
  if (!pixels) return null;
  const dpi = pageDpi(page, image, scale);
  const grid = eraseGrid(pixels, dpi, page.scale);
  if (!grid) return null;
  const sheet = cellSheet(grid.image, grid.cells, dpi);
  // the page without its table: the table is read from the sheet
  const rest = Uint8Array.from(grid.image.grey);
  for (const c of grid.cells) {
    for (let y = Math.max(0, Math.floor(c.y0)); y <= Math.min(grid.image.height - 1, Math.ceil(c.y1)); y++) {
      rest.fill(255, y * grid.image.width + Math.max(0, Math.floor(c.x0)), y * grid.image.width + Math.min(grid.image.width, Math.ceil(c.x1) + 1));
    }
  }
  return {
    page: { image: pgm(grid.image.width, grid.image.height, rest), scale: page.scale, steps: page.steps },
    rulings: grid.rulings,
    sheet: sheet && { ...sheet, scale: page.scale, dpi },
  };
}

/** Pages larger than this are not searched for a table grid. */
const GRID_MAX_PIXELS = 40_000_000;

/** A table's cells set on a sheet (scan-rulings.ts), and the page's pixels per caller unit. */
interface TableSheet {
  image: GreyImage;
  pieces: SheetPiece[];
  scale: number;
  dpi: number;
}

/** A page whose lines slope by this much or more is turned straight and read again (page-prep.ts). */
export const DESKEW_MIN_DEGREES = 1;
/**
 * Beyond this, the slope is not a scanner's skew: a page fed sideways, whose lines tesseract finds
 * standing and reads turned itself (their boxes stand on the page as stored), reads as sloping by ~90°,
 * and turning it by that loses the page (docs/scans.md).
 */
export const DESKEW_MAX_DEGREES = 10;

/**
 * The page's skew in degrees (clockwise positive), from the lines OCR read: the median slope of
 * the word baselines of each line of five words or more; 0 without such lines.
 */
export function pageSkew(segments: readonly Segment[]): number {
  const slopes: number[] = [];
  for (const seg of segments) {
    if (seg.runs.length < 5) continue;
    const xs = seg.runs.map((r) => (r.x0 + r.x1) / 2);
    const ys = seg.runs.map((r) => r.baseline);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
    }
    if (sxx > 0) slopes.push(sxy / sxx);
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  return (Math.atan(slopes[slopes.length >> 1]!) * 180) / Math.PI;
}

/**
 * Segments read on a page turned by −`degrees` (about its centre), back on the page as given:
 * each word's box centre and baseline turned by `degrees`, its size kept.
 */
function turnSegments(segments: Segment[], degrees: number, page: PreparedPage): Segment[] {
  const { width, height } = inspect(page.image);
  const cx = width / 2 / page.scale;
  const cy = height / 2 / page.scale;
  const a = (degrees * Math.PI) / 180;
  const turn = (x: number, y: number) => [cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a), cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)] as const;
  return segments.map((seg) => {
    const runs = seg.runs.map((r) => {
      const [mx, my] = turn((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2);
      const [, by] = turn((r.x0 + r.x1) / 2, r.baseline);
      const w = (r.x1 - r.x0) / 2;
      const h = (r.bottom - r.top) / 2;
      return { ...r, x0: mx - w, x1: mx + w, top: my - h, bottom: my + h, baseline: by };
    });
    return makeSegment(runs, seg.joinWithSpace);
  });
}

/**
 * Whether most lines of three words or more stand on the page, their words going down: the lines of a
 * page stored turned 90° clockwise, read by tesseract turned upright (one turned the other way reads
 * upside down, and `readTurned` turns it over first).
 */
function standing(segments: readonly Segment[]): boolean {
  let up = 0;
  let lying = 0;
  for (const seg of segments) {
    if (seg.runs.length < 3) continue;
    const first = seg.runs[0]!;
    const last = seg.runs[seg.runs.length - 1]!;
    const down = (last.top + last.bottom) / 2 - (first.top + first.bottom) / 2;
    const across = (last.x0 + last.x1) / 2 - (first.x0 + first.x1) / 2;
    if (down > Math.abs(across)) up++;
    else lying++;
  }
  return up >= 3 && up > lying;
}

/**
 * The segments of a page stored turned 90° clockwise, on the page turned back (270° clockwise): a point
 * (x, y) of the stored page, `width` wide, is (y, width − x) there. A line's baseline is where its words'
 * letters stand: the edge nearest the stored page's left.
 */
function laidDown(segments: readonly Segment[], width: number): Segment[] {
  return segments.map((seg) => {
    // the median word's foot: a letter's descender (g, y) reaches below the others'
    const feet = seg.runs.map((r) => r.x0).sort((a, b) => a - b);
    const foot = width - feet[feet.length >> 1]!;
    const runs = seg.runs.map((r) => ({ ...r, x0: r.top, x1: r.bottom, top: width - r.x1, bottom: width - r.x0, baseline: foot }));
    return makeSegment(runs, seg.joinWithSpace);
  });
}

/** Whether `auto` reads the page again with the best model (AUTO_RETRY). */
export function needsBest(result: Pick<OcrResult, 'segments' | 'confidence'>): boolean {
  if (result.confidence === null) return false;
  const runs = result.segments.flatMap((s) => s.runs);
  const low = runs.filter((r) => (r.confidence ?? 1) < AUTO_RETRY.low).length;
  return result.confidence < AUTO_RETRY.mean || low > AUTO_RETRY.lowShare * runs.length;
}

/**
 * Pages whose mean word confidence is below this are listed as warnings for the reviewer: on the
 * scan set's development pages, those below it (0.82–0.88) had 78–88 % of their words right and
 * all the others (0.92 and more) 95 % or more (docs/scans.md). Confidence cannot see lines
 * tesseract dropped whole: deskewing is what guards against those.
 */
export const LOW_CONFIDENCE = 0.9;

/** A page's width and height as OCR read it: swapped when it was turned sideways. */
export function sizeAsRead(width: number, height: number, turned: Turn | undefined): [number, number] {
  return turned === 90 || turned === 270 ? [height, width] : [width, height];
}

/** A page's entry in `SourceDocument.ocr` (and the report's `source.ocr`) from its reading. */
export function ocrPageEntry(page: number, result: OcrResult, engine: OcrEngineKind): OcrPage {
  return { page, model: result.model, engine, confidence: result.confidence, ...(result.turned ? { turned: result.turned } : {}) };
}

/**
 * For the reviewer, each page read turned (`page 2: upside down in the file, read turned 180°`) and
 * each page under LOW_CONFIDENCE (`page 3: OCR confidence 71 % (below 90 %): check its text against the scan`).
 */
export function ocrPageWarnings(pages: readonly { page: number; confidence: number | null; turned?: Turn }[]): string[] {
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  return [
    ...pages
      .filter((p) => p.turned)
      .map((p) => `page ${p.page}: ${p.turned === 180 ? 'upside down' : 'sideways'} in the file, read turned ${p.turned}° (its boxes are on the turned page)`),
    ...pages
      .filter((p) => p.confidence !== null && p.confidence < LOW_CONFIDENCE)
      .map((p) => `page ${p.page}: OCR confidence ${pct(p.confidence!)} (below ${pct(LOW_CONFIDENCE)}): check its text against the scan`),
  ];
}

/** Mean word confidence of OCR'd segments, each word weighted by its length; null without words. */
export function pageConfidence(segments: readonly Segment[]): number | null {
  let sum = 0;
  let chars = 0;
  for (const seg of segments) {
    for (const run of seg.runs) {
      if (run.confidence === undefined) continue;
      sum += run.confidence * run.text.length;
      chars += run.text.length;
    }
  }
  return chars === 0 ? null : Math.round((sum / chars) * 1000) / 1000;
}

export interface TessLine {
  bbox: { x0: number; y0: number; x1: number; y1: number };
  baseline: { x0: number; y0: number; x1: number; y1: number };
  rowAttributes?: { rowHeight?: number };
  words: OcrWord[];
}

/**
 * tesseract's lines in its hOCR output: what the layout needs of a line (box, baseline, row height)
 * and of its words (box, confidence, text), without the JSON output's letters and their choices,
 * which cost tesseract.js a tenth of the page's time to make (docs/scans.md). The pool's workers
 * give these values without writing hOCR (tesseract-worker.cjs); this reading is what they are
 * checked against (ocr-lines.test.ts).
 */
export function hocrLines(hocr: string): TessLine[] {
  const lines: TessLine[] = [];
  const box = (m: RegExpExecArray) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
  for (const m of hocr.matchAll(HOCR_ITEM)) {
    if (m[1] !== undefined) {
      const title = HOCR_LINE.exec(m[1]);
      if (!title) continue;
      const bbox = box(title);
      // the baseline is given from the box's bottom-left corner: y = bottom + offset + slope × (x − left)
      const slope = Number(title[5] ?? 0);
      const y0 = bbox.y1 + Number(title[6] ?? 0);
      const baseline = { x0: bbox.x0, y0, x1: bbox.x1, y1: y0 + slope * (bbox.x1 - bbox.x0) };
      lines.push({ bbox, baseline, ...(title[7] ? { rowAttributes: { rowHeight: Number(title[7]) } } : {}), words: [] });
      continue;
    }
    const title = HOCR_WORD.exec(m[2]!);
    const line = lines[lines.length - 1];
    if (title && line) line.words.push({ text: unescapeHtml(m[3]!.replace(/<[^>]*>/g, '')), confidence: Number(title[5]), bbox: box(title) });
  }
  return lines;
}

/** A line (any of hOCR's kinds of line) and its title, or a word, its title and its text. */
const HOCR_ITEM = /<span class='(?:ocr_line|ocr_header|ocr_caption|ocr_textfloat)' [^>]*?title="([^"]*)"|<span class='ocrx_word' [^>]*?title='([^']*)'[^>]*>(.*?)<\/span>/g;
const HOCR_LINE = /^bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)(?:; baseline (-?[\d.e-]+) (-?[\d.e-]+))?(?:; x_size ([\d.]+))?/;
const HOCR_WORD = /^bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+); x_wconf (-?\d+)/;

const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** tesseract's lines → layout segments; a line with a wide gap (two columns) is split. */
function toSegments(lines: readonly TessLine[], scale: number): Segment[] {
  const out: Segment[] = [];
  for (const line of lines) {
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
  return out;
}

/** A grey image enlarged `f` times, bilinear. */
function enlarge(img: GreyImage, f: number): GreyImage {
  const width = Math.round(img.width * f);
  const height = Math.round(img.height * f);
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const tx = sx - x0;
      const a = img.grey[y0 * img.width + x0]! * (1 - tx) + img.grey[y0 * img.width + x1]! * tx;
      const b = img.grey[y1 * img.width + x0]! * (1 - tx) + img.grey[y1 * img.width + x1]! * tx;
      grey[y * width + x] = a * (1 - ty) + b * ty;
    }
  }
  return { width, height, grey };
}
