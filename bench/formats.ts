/**
 * `npm run bench -- formats`: speed of reading each format (medians of 5 runs after a warm-up).
 *
 * - text-layer PDF pages/s on one core (pdf.js text content + layout; seeds 000 and 003, 19 pages);
 * - the table stage's share of a text-layer PDF's time per page: the same PDFs read with and
 *   without it, file by file (seeds 000 and 003; the 40 table PDFs of eval/data/tables), in CPU
 *   time summed over 20 rounds (the wall-time share beside it);
 * - DOCX, ODT, Word 97–2003 (.doc) and RTF of the same two documents, measured alike in the same
 *   run: files/s, KB/s, and pages/s counting the pages of their PDF twins (19; none of these formats
 *   has pages of its own);
 * - spreadsheet rows/s (a 20 000-row workbook of commune figures written by SheetJS, in a child
 *   process, to a temp folder as .xlsx and .xls; ingest alone: parse, cell texts, locations, legacy
 *   check);
 * - legacy-encoded text files/s (TCVN3, VNI, VIQR, Windows-1258);
 * - OCR of the scanned PDF of seed 000 (9 pages, 300 dpi) with a pool of one worker per core and
 *   the default engine (`--ocr-engine auto`: the system tesseract where installed, else tesseract.js):
 *   pages/s, and the ratio of the pipeline's time (text-layer check, image extraction, recognise,
 *   layout) to the pool's own recognize time on the same page images with the same pool (the
 *   target is ≤ 1.2), in wall time and in CPU time of all threads and ended child processes;
 * - OCR CPU-seconds per 300-dpi page of that scan for each `--ocr` setting (one worker, so one
 *   thread reads: CPU time of the whole process over the pages, median of 3 runs), beside the
 *   bare `tesseract` CLI on the same JPEGs in the same run, single-threaded (OMP_THREAD_LIMIT=1),
 *   with Debian's fast model and with the best_int model of @tesseract.js-data/vie; skipped with a
 *   line when the CLI is not installed (`apt-get install tesseract-ocr tesseract-ocr-vie`);
 * - the same CPU-seconds per page for each `--ocr` setting with `--ocr-engine native` (the system
 *   tesseract, one process a page, single-threaded): the process's CPU and its ended children's
 *   (/proc/self/stat), after the WASM lines, which are measured as before;
 * - the default setting (`--ocr auto` with `--ocr-engine auto`) against its target (≤ 1.8 CPU-s a
 *   page) and against the bare CLI's fast model of the same run;
 * - peak RSS of the process (the OCR workers are threads of it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createIngestContext } from '../src/ingest/context.js';
import { ingestBytes } from '../src/ingest/index.js';
import { OCR_MODES, resolveOcrEngine, vieLangPath, type OcrEngineKind, type OcrMode } from '../src/ingest/ocr.js';
import { OCR_DPI, readPdf, renderGrey } from '../src/ingest/pdf.js';
import { RawPdf } from '../src/ingest/pdf-scan.js';
import { cpuClock, median, medianSeconds, peakRssMb } from './_measure.js';
import { INSTALL_TESSERACT, tesseractVersion } from '../src/ingest/native-ocr.js';

const read = (f: string) => ({ file: f, bytes: new Uint8Array(readFileSync(f)) });
const PDFS = ['fixtures/formats/000_df22d471c82bd4e0.pdf', 'fixtures/formats/003_4b7321f46e9814a7.pdf'].map(read);
const twins = (ext: string) => ['000_df22d471c82bd4e0', '003_4b7321f46e9814a7'].map((s) => read(`fixtures/formats/${s}.${ext}`));
const DOCX = twins('docx');
const ODT = twins('odt');
const DOC = twins('doc');
const RTF = twins('rtf');
const LEGACY = ['tcvn3', 'vni', 'viqr', 'cp1258'].map((e) => read(`fixtures/formats/000_df22d471c82bd4e0.${e}.txt`));
const SCAN = read('fixtures/formats/000_df22d471c82bd4e0.scan.pdf');
const OCR_RUNS = Number(process.env.BENCH_OCR_RUNS ?? 5);
// `BENCH_FORMATS=tables npm run bench -- formats`: the table stage's lines alone (a minute, not ten)
const TABLES_ONLY = process.env.BENCH_FORMATS === 'tables';

let pdfPages = 0;
if (!TABLES_ONLY) {
  const pdf = await medianSeconds(async () => {
    pdfPages = 0;
    for (const f of PDFS) pdfPages += (await ingestBytes(f.bytes, f.file)).pages.length;
  });
  console.log(`text-layer PDF: ${(pdfPages / pdf.median).toFixed(1)} pages/s on one core (${pdfPages} pages in ${pdf.median.toFixed(3)} s; target ≥ 50)`);
}

// the table stage (table-layout.ts) against the same reading without it: the two seed PDFs (no
// data tables) and the 40 table PDFs of eval/data/tables (ruled and not). Each file is read with
// and without it back to back (which goes first alternating by file and round), and the times are
// summed per side: on a shared machine another job takes the core for a while, and runs of a
// third of a second each, alternated, moved by ±40 % a round where the stage costs a few per
// cent; file by file both sides see the same load. The share is given in CPU time of the process
// (less moved by other jobs than wall time, which is printed beside it).
const TABLE_PDFS = readdirSync('eval/data/tables').filter((f) => f.endsWith('.pdf')).map((f) => read(join('eval/data/tables', f)));
const TABLE_ROUNDS = 20;
const WARM_UP = 2;
for (const [name, files] of [['seed PDFs', PDFS], ['table PDFs', TABLE_PDFS]] as const) {
  let pages = 0;
  const sum = { on: { cpu: 0, wall: 0 }, off: { cpu: 0, wall: 0 } };
  for (let run = 0; run < WARM_UP + TABLE_ROUNDS; run++) {
    for (const [k, f] of files.entries()) {
      for (const tables of (run + k) % 2 === 0 ? [true, false] : [false, true]) {
        const c0 = process.cpuUsage();
        const started = performance.now();
        const read = await readPdf(f.bytes, f.file, undefined, { tables });
        const c = process.cpuUsage(c0);
        if (run < WARM_UP) continue;
        const side = sum[tables ? 'on' : 'off'];
        side.cpu += (c.user + c.system) / 1e6;
        side.wall += (performance.now() - started) / 1000;
        if (tables) pages += read.pages.length;
      }
    }
  }
  const share = (on: number, off: number) => `${on >= off ? '+' : '−'}${Math.abs(100 * (on / off - 1)).toFixed(1)} %`;
  console.log(
    `table stage, ${name}: ${((1000 * sum.on.cpu) / pages).toFixed(1)} ms/page with, ${((1000 * sum.off.cpu) / pages).toFixed(1)} ms/page without ` +
      `(CPU time, ${pages / TABLE_ROUNDS} pages × ${TABLE_ROUNDS} rounds): ${share(sum.on.cpu, sum.off.cpu)} (target ≤ 10 %); wall time ${share(sum.on.wall, sum.off.wall)}`,
  );
}
if (TABLES_ONLY) process.exit(0);

// word-processor formats: the same documents, so pages/s compare (the PDFs' page count)
for (const [name, files] of [['DOCX', DOCX], ['ODT', ODT], ['.doc', DOC], ['RTF', RTF]] as const) {
  const t = await medianSeconds(async () => {
    for (const f of files) await ingestBytes(f.bytes, f.file);
  });
  const kb = files.reduce((n, f) => n + f.bytes.length, 0) / 1024;
  console.log(
    `${name}: ${(pdfPages / t.median).toFixed(0)} pages/s, ${(files.length / t.median).toFixed(1)} files/s, ` +
      `${(kb / t.median).toFixed(0)} KB/s (${t.median.toFixed(3)} s for ${files.length} files, ${kb.toFixed(0)} KB, ${pdfPages} pages)`,
  );
}

// 20 000 rows of commune figures, written by SheetJS in a child process (bench/_sheets.ts)
const SHEET_ROWS = 20_000;
const sheetDir = mkdtempSync(join(tmpdir(), 'baocao-bench-sheets-'));
const made = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '_sheets.ts'), sheetDir, String(SHEET_ROWS)], { stdio: 'inherit' });
if (made.status !== 0) throw new Error('bench/_sheets.ts failed');
const SHEETS = ['xlsx', 'xls'].map((ext) => read(join(sheetDir, `communes.${ext}`)));
rmSync(sheetDir, { recursive: true });
for (const f of SHEETS) {
  const t = await medianSeconds(async () => {
    await ingestBytes(f.bytes, f.file);
  });
  const ext = f.file.slice(f.file.lastIndexOf('.'));
  console.log(`${ext}: ${Math.round(SHEET_ROWS / t.median).toLocaleString('en-US')} rows/s (${SHEET_ROWS} rows × 7 cells, ${(f.bytes.length / 1e6).toFixed(1)} MB, in ${t.median.toFixed(3)} s)`);
}

const legacy = await medianSeconds(async () => {
  for (const f of LEGACY) await ingestBytes(f.bytes, f.file);
});
console.log(`legacy-encoded text (TCVN3, VNI, VIQR, Windows-1258): ${(LEGACY.length / legacy.median).toFixed(1)} files/s`);

// OCR: one pool for both measurements, started before timing (worker start-up is paid once a
// run). The two measurements alternate, run by run, so that other load on the machine weighs on
// both alike.
const workers = availableParallelism();
const defaultEngine = resolveOcrEngine();
const ctx = createIngestContext({ workers, engine: defaultEngine });
// tesseract alone gets the images the pipeline hands it: each page's stored JPEG (taken out once,
// outside the timing), or the page rendered at 300 dpi where there is none
const doc = await getDocument({ data: new Uint8Array(SCAN.bytes), verbosity: 0 }).promise;
const raw = new RawPdf(SCAN.bytes);
const images: Uint8Array[] = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  images.push(raw.scanImage(page.ref!)?.jpeg ?? (await renderGrey(doc, page, OCR_DPI / 72)));
}
await doc.destroy();
const ocrPages = images.length;
const runPipeline = () => ingestBytes(SCAN.bytes, SCAN.file, ctx);
const runOwn = () => Promise.all(images.map((image) => ctx.ocr.recognize(image, OCR_DPI / 72)));
await runPipeline(); // warm-up: starts the workers, loads the model
const times = { pipeline: [] as number[], own: [] as number[] };
const cpu = { pipeline: [] as number[], own: [] as number[] };
for (let i = 0; i < OCR_RUNS; i++) {
  for (const [name, run] of [['pipeline', runPipeline], ['own', runOwn]] as const) {
    (globalThis as { gc?: () => void }).gc?.();
    // the native engine's tesseract processes count too (ended ones: each page's process ends with its page)
    const clock = cpuClock();
    const t0 = performance.now();
    await run();
    times[name].push((performance.now() - t0) / 1000);
    cpu[name].push(clock.total());
  }
}
const pipeline = { median: median(times.pipeline) };
const own = { median: median(times.own) };
await ctx.close();
console.log(
  `OCR (scanned PDF, ${workers} workers, ${defaultEngine} engine, the default here): ${(ocrPages / pipeline.median).toFixed(2)} pages/s (${ocrPages} pages in ${pipeline.median.toFixed(1)} s); ` +
    `recognize alone ${own.median.toFixed(1)} s; ratio pipeline/recognize ${(pipeline.median / own.median).toFixed(2)} (target ≤ 1.2)`,
);
// CPU time of all threads: the same ratio, less sensitive to other load on a shared machine
console.log(
  `OCR CPU time: pipeline ${median(cpu.pipeline).toFixed(1)} s, recognize alone ${median(cpu.own).toFixed(1)} s, ratio ${(median(cpu.pipeline) / median(cpu.own)).toFixed(2)}`,
);

// CPU-s per page for each setting, one worker: what a page costs whatever the number of cores. With
// `--ocr-engine native` (the system tesseract, one process a page) the whole cost of a page is this
// process's CPU (preparation, layout) and its tesseract children's
const SETTING_RUNS = 3;
async function cpuPerPage(mode: OcrMode, engine: OcrEngineKind): Promise<{ total: number; own: number; retried: number }> {
  const c1 = createIngestContext({ workers: 1, mode, engine });
  await Promise.all(images.slice(0, 1).map((image) => c1.ocr.recognize(image, OCR_DPI / 72))); // warm-up: worker start, model load
  const total: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < SETTING_RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const clock = cpuClock();
    await Promise.all(images.map((image) => c1.ocr.recognize(image, OCR_DPI / 72)));
    total.push(clock.total() / images.length);
    own.push(clock.own() / images.length);
  }
  const retried = c1.ocr.retried;
  await c1.close();
  return { total: median(total), own: median(own), retried };
}
/** CPU-s per page of `--ocr auto` by engine, for the closing line. */
const autoCost: Partial<Record<OcrEngineKind, number>> = {};
for (const mode of OCR_MODES) {
  const r = await cpuPerPage(mode, 'wasm');
  if (mode === 'auto') autoCost.wasm = r.total;
  console.log(`OCR ${mode} (wasm engine): ${r.total.toFixed(2)} CPU-s per 300-dpi page (${images.length} pages, median of ${SETTING_RUNS}; ${r.retried} page reads went on to the best model)`);
}
const nativeVersion = tesseractVersion();
if (!nativeVersion) {
  console.log(`OCR native engine skipped: no tesseract 5 command (${INSTALL_TESSERACT})`);
} else {
  for (const mode of OCR_MODES) {
    const r = await cpuPerPage(mode, 'native');
    if (mode === 'auto') autoCost.native = r.total;
    console.log(
      `OCR ${mode} (native engine): ${r.total.toFixed(2)} CPU-s per 300-dpi page, of which ${r.own.toFixed(2)} in this process ` +
        `(${nativeVersion}, ${images.length} pages, median of ${SETTING_RUNS}; ${r.retried} page reads went on to the best model)`,
    );
  }
}

// the bare CLI on the same images, single-threaded, in the same run
let cliFast: number | null = null;
const cli = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
if (cli.status !== 0 || !time) {
  console.log('tesseract CLI baseline skipped: the tesseract CLI (or /usr/bin/time) is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-bench-cli-'));
  const files = images.map((image, k) => {
    const f = join(dir, `page${k + 1}.jpg`);
    writeFileSync(f, image);
    return f;
  });
  const bestDir = join(dir, 'best');
  mkdirSync(bestDir);
  writeFileSync(join(bestDir, 'vie.traineddata'), gunzipSync(readFileSync(join(vieLangPath('best'), 'vie.traineddata.gz'))));
  for (const [name, extra] of [
    ['fast model (Debian tesseract-ocr-vie)', []],
    ['best_int model', ['--tessdata-dir', bestDir]],
  ] as const) {
    const perPage: number[] = [];
    for (let i = 0; i < SETTING_RUNS; i++) {
      let cpuSeconds = 0;
      for (const f of files) {
        const r = spawnSync(time, ['-f', '%U %S', 'tesseract', ...extra, f, '-', '-l', 'vie', '--psm', '3'], {
          encoding: 'utf8',
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        });
        if (r.status !== 0) throw new Error(`tesseract failed: ${r.stderr}`);
        const [user, system] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
        cpuSeconds += user + system;
      }
      perPage.push(cpuSeconds / files.length);
    }
    console.log(`tesseract CLI ${cli.stdout.split('\n')[0]}, ${name}, OMP_THREAD_LIMIT=1: ${median(perPage).toFixed(2)} CPU-s per page (median of ${SETTING_RUNS})`);
    cliFast ??= median(perPage);
  }
  rmSync(dir, { recursive: true });
}
const defaultCost = autoCost[defaultEngine]!;
console.log(
  `OCR default setting (--ocr auto, --ocr-engine auto: ${defaultEngine} here): ${defaultCost.toFixed(2)} CPU-s per 300-dpi page (target ≤ 1.8)` +
    (cliFast === null ? '' : `, ${(defaultCost / cliFast).toFixed(2)}× the bare CLI's fast model`),
);
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);
