import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrPool } from './ocr.js';

const PAGE = readFileSync('fixtures/formats/000_df22d471c82bd4e0.page4.png');

describe('the OCR cache', () => {
  it('reads a page once: another pool on the same folder gets the same segments without OCR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-ocr-cache-'));
    const first = new OcrPool({ workers: 1, cacheDir: dir });
    const read = await first.recognize(PAGE);
    await first.close();
    expect(first.pages).toBe(1);
    expect(read.segments.length).toBeGreaterThan(20);
    const entries = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json.gz'));
    expect(entries).toHaveLength(1);

    const second = new OcrPool({ workers: 1, cacheDir: dir });
    const again = await second.recognize(PAGE);
    await second.close();
    expect(second.pages).toBe(0); // tesseract never started
    expect(second.cache!.hits).toBe(1);
    expect(again).toEqual({ ...read, recognizeMs: 0 });
    // the same image at another scale is another result (its coordinates differ)
    expect(await second.cache!.key('engine', PAGE, 1)).not.toBe(await second.cache!.key('engine', PAGE, 300 / 72));
  }, 120_000);
});
