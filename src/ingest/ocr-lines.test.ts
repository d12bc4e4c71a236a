import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PSM, Worker } from 'tesseract.js';
import { hocrLines, vieLangPath, type TessLine } from './ocr.js';
import { scannedPage } from './testing/scanned-page.js';

describe("the worker's `lines` output (tesseract-worker.cjs)", () => {
  let worker: Worker;
  beforeAll(async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    const workerPath = fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url));
    worker = await createWorker('vie', OEM.LSTM_ONLY, { langPath: vieLangPath('fast'), gzip: true, cacheMethod: 'none', workerPath });
    // the pool's settings (`WORKER_PARAMETERS` in ocr.ts)
    await worker.setParameters({ tessedit_pageseg_mode: '3' as PSM, user_defined_dpi: '300', debug_file: '/dev/null', tessedit_do_invert: '0' });
  }, 60_000);
  afterAll(() => worker?.terminate());

  it("gives a page's lines as its hOCR does: boxes, baselines, row heights, words' confidences and text", async () => {
    const image = Buffer.from(await scannedPage());
    const read = await worker.recognize(image, {}, { text: false, lines: true } as object);
    const lines = (read.data as unknown as { lines: TessLine[] }).lines;
    const hocr = await worker.recognize(image, {}, { text: false, hocr: true });
    expect(lines).toEqual(hocrLines(hocr.data.hocr!));
    expect(lines).toHaveLength(7);
    expect(lines.flatMap((l) => l.words)).toHaveLength(35);
    // the signer's name, the page's last line
    expect(lines.at(-1)!.words.map((w) => w.text).join(' ')).toBe('Vũ Hữu Vững');
  }, 60_000);

  it("leaves tesseract.js's own outputs as they were", async () => {
    const read = await worker.recognize(Buffer.from(await scannedPage()), {}, { text: true });
    expect(read.data.text).toContain('Vũ Hữu Vững');
  }, 60_000);
});
