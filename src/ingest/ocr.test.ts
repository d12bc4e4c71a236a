import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

interface Result {
  png: {
    format: string;
    textOrigin: string;
    pages: { number: number; width: number; height: number }[];
    text: string;
    figure: { page: number; text: string; boxes: { page: number; x: number; y: number; width: number; height: number }[] } | null;
    confidence: number | null;
  };
  mixed: { textOrigin: string; ocrPages: number[]; pages: { number: number; start: number; end: number }[]; text: string };
  workers: number;
  ocrPages: number;
}

const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

/** Share of the reference's words found in order in the OCR text (longest common subsequence). */
function wordRecall(reference: string[], ocr: string[]): number {
  let prev = new Array<number>(ocr.length + 1).fill(0);
  for (const r of reference) {
    const row = [0];
    for (let j = 1; j <= ocr.length; j++) row[j] = r === ocr[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[ocr.length]! / reference.length;
}

describe('OCR (tesseract.js, vie, offline)', () => {
  let result: Result;
  let stderr: string;
  beforeAll(() => {
    // one child process, network blocked in every thread, one pool of two workers for both files
    const run = spawnSync(
      process.execPath,
      ['--import', './src/ingest/testing/no-network.mjs', '--import', 'tsx', 'src/ingest/testing/ocr-offline.ts'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    stderr = run.stderr;
    if (run.status !== 0) throw new Error(`OCR child failed (${run.status}): ${run.stderr}`);
    result = JSON.parse(run.stdout.trim().split('\n').pop()!) as Result;
  });

  it('runs with the network blocked in the main thread and in the OCR worker threads', () => {
    expect(stderr).toContain('no-network preload in main thread');
    expect(stderr.match(/no-network preload in worker thread/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(result.workers).toBe(2);
    expect(result.ocrPages).toBe(2);
  });

  it('reads a scanned PNG page of seed 000 into the seed words', () => {
    expect(result.png).toMatchObject({ format: 'image', textOrigin: 'ocr', pages: [{ number: 1, width: 2480, height: 3508 }] });
    const seed = readFileSync('fixtures/000_df22d471c82bd4e0.txt', 'utf8');
    const line = '- Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ, trong đó: Số hồ sơ mới tiếp nhận: 1.852 hồ sơ, số hồ sơ từ kỳ trước chuyển qua: 42 hồ sơ.';
    expect(seed).toContain(line);
    expect(result.png.text).toContain(line);
    // the page's words, in order, against the seed lines the page holds
    const ocr = words(result.png.text);
    const first = seed.indexOf('3.2. Kết quả giải quyết TTHC');
    const reference = words(seed.slice(first, seed.indexOf('b) Trên Hệ thống các Bộ, ngành')));
    expect(wordRecall(reference, ocr)).toBeGreaterThan(0.97);
  });

  it('gives the word box and confidence of 1.894 in image pixels', () => {
    const figure = result.png.figure!;
    expect(figure.text).toBe('1.894');
    expect(figure.page).toBe(1);
    expect(figure.boxes).toHaveLength(1);
    const box = figure.boxes[0]!;
    // a word of five characters at 13 pt is some 100 px wide and 30-50 px high at 300 dpi
    expect(box.width).toBeGreaterThan(60);
    expect(box.width).toBeLessThan(160);
    expect(box.height).toBeGreaterThan(25);
    expect(box.height).toBeLessThan(70);
    expect(result.png.confidence).toBeGreaterThan(0.8);
  });

  it('OCRs only the page of a PDF that has no text layer', () => {
    expect(result.mixed.textOrigin).toBe('ocr');
    expect(result.mixed.ocrPages).toEqual([2]);
    expect(result.mixed.pages.map((p) => p.number)).toEqual([1, 2]);
    const page2 = result.mixed.text.slice(result.mixed.pages[1]!.start, result.mixed.pages[1]!.end);
    expect(result.mixed.text.slice(0, 13)).toBe('Số: /BC-UBND\n');
    expect(page2).toContain('1.894 hồ sơ');
  });
});
