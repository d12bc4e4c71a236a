import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../pipelines/batch.js';
import { INSTALL_TESSERACT, tesseractVersion } from './native-ocr.js';
import { OcrPool, resolveOcrEngine, type OcrResult } from './ocr.js';
import { scannedPage } from './testing/scanned-page.js';

/** Outside CI a machine without the tesseract command skips this suite with one line; in CI it must be there. */
const SKIP = tesseractVersion() === null && process.env.CI !== 'true';
if (SKIP) console.warn(`skipping src/ingest/ocr-native.test.ts (--ocr-engine native): no tesseract 5 command; install it with \`${INSTALL_TESSERACT}\``);

const texts = (r: OcrResult) => r.segments.map((s) => s.runs.map((w) => w.text).join(' '));
const boxes = (r: OcrResult) => r.segments.flatMap((s) => s.runs.map(({ x0, x1, top, bottom, baseline }) => ({ x0, x1, top, bottom, baseline })));
const cacheEntries = (dir: string) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json.gz')).length;

describe.skipIf(SKIP)('the native engine (the system tesseract command)', () => {
  let page: Uint8Array;
  let cacheDir: string;
  let wasm: OcrResult;
  let native: OcrResult;
  let nativePages: number;
  beforeAll(async () => {
    page = await scannedPage();
    cacheDir = mkdtempSync(join(tmpdir(), 'baocao-ocr-native-'));
    for (const engine of ['wasm', 'native'] as const) {
      const pool = new OcrPool({ workers: 1, engine, cacheDir });
      const read = await pool.recognize(page, 300 / 72);
      await pool.close();
      if (engine === 'wasm') wasm = read;
      else [native, nativePages] = [read, pool.pages];
    }
  }, 120_000);

  it("reads the page's lines with baocao's fast model", () => {
    expect(native.model).toBe('fast');
    expect(nativePages).toBe(1);
    expect(texts(native)).toEqual([
      '- CT và các PCT UBND đặc khu;',
      '- C, các PCVP HĐND và UBND đặc khu;',
      '- Lưu: VT; TTPVHCC.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Vũ Hữu Vững',
    ]);
  });

  it("gives the WASM engine's word boxes and baselines; one word's text and some confidences differ", () => {
    expect(boxes(native)).toEqual(boxes(wasm));
    // tesseract 5.3.0 with its own SIMD against tesseract.js's 5.1 build in WebAssembly
    expect(texts(wasm)[2]).toBe('- Lưu: VT, TTPVHCC.');
    expect(native.segments[2]!.runs.map((r) => r.confidence)).toEqual([0.93, 0.93, 0.5, 0.88]);
    expect(wasm.segments[2]!.runs.map((r) => r.confidence)).toEqual([0.93, 0.93, 0.85, 0.87]);
  });

  it("keeps the two engines' readings apart in the OCR cache, and reads its own back", async () => {
    expect(cacheEntries(cacheDir)).toBe(2);
    const again = new OcrPool({ workers: 1, engine: 'native', cacheDir });
    const read = await again.recognize(page, 300 / 72);
    await again.close();
    expect(again.pages).toBe(0); // no tesseract process ran
    expect(read).toEqual({ ...native, recognizeMs: 0 });
  });

  it('unpacks the model once into a tessdata folder named by its hash, kept after the pool closes, readable by all', () => {
    const hash = createHash('sha256').update(readFileSync('models/vie-fast/vie.traineddata.gz')).digest('hex').slice(0, 16);
    const folder = join(tmpdir(), `baocao-tessdata-${hash}`);
    expect(readdirSync(folder)).toEqual(['vie.traineddata']);
    expect(statSync(folder).mode & 0o777).toBe(0o755);
  });

  it('is the default engine where the command is installed; an explicit engine stays as asked', async () => {
    expect([resolveOcrEngine(), resolveOcrEngine('auto'), resolveOcrEngine('wasm'), resolveOcrEngine('native')]).toEqual(['native', 'native', 'wasm', 'native']);
    const pool = new OcrPool({ workers: 1 });
    expect(pool.engine).toBe('native');
    await pool.close();
  });

  it("fails a page tesseract cannot read with tesseract's message, and reads the next", async () => {
    const pool = new OcrPool({ workers: 1, engine: 'native', prepare: false, rulings: false });
    try {
      await expect(pool.recognize(new TextEncoder().encode('P5\n2 2\n255\n'))).rejects.toThrow(/^tesseract failed on the page \(exit 1\): .*Error/s);
      expect(texts(await pool.recognize(page, 300 / 72)).at(-1)).toBe('Vũ Hữu Vững');
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('the native engine on a machine without the tesseract command', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('fails as the pool starts, naming the reason and the install command', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'baocao-no-tesseract-'));
    const pool = new OcrPool({ workers: 1, engine: 'native', prepare: false, rulings: false });
    await expect(pool.recognize(await scannedPage())).rejects.toThrow(
      '--ocr-engine native: the tesseract command is not on PATH; install it with `apt-get install tesseract-ocr` (or run with --ocr-engine wasm, tesseract.js)',
    );
    await pool.close();
  });

  it('reads with tesseract.js by default (`auto`)', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'baocao-no-tesseract-'));
    expect(resolveOcrEngine()).toBe('wasm');
    const pool = new OcrPool({ workers: 1, prepare: false, rulings: false });
    expect(pool.engine).toBe('wasm');
    expect(texts(await pool.recognize(await scannedPage(), 300 / 72)).at(-1)).toBe('Vũ Hữu Vững');
    await pool.close();
  }, 60_000);

  it('stops `baocao run --ocr-engine native` before it reads any file', async () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-no-tesseract-in-'));
    writeFileSync(join(input, 'a.txt'), 'Báo cáo\n');
    const out = join(mkdtempSync(join(tmpdir(), 'baocao-no-tesseract-out-')), 'out');
    process.env.PATH = mkdtempSync(join(tmpdir(), 'baocao-no-tesseract-'));
    await expect(runBatch([input], { out, ocrEngine: 'native' })).rejects.toThrow(
      '--ocr-engine native: the tesseract command is not on PATH; install it with `apt-get install tesseract-ocr`',
    );
    process.env.PATH = path;
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});
