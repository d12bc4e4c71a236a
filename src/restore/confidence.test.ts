import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { lowConfidence, LOW_CONFIDENCE } from './confidence.js';
import { restoreDiacritics } from './index.js';

describe('lowConfidence', () => {
  it('lists the restored words of an OCR line under 0.9, least confident first', () => {
    // English-model OCR of seed 001 (eval/data/restore/ocr-eng/001.txt), as read
    const line = 'thitc, thay d6éi tu duy, thdéi quen trong viéc khai thac, st’ dung thong';
    const result = restoreDiacritics(SourceText.fromOriginal(line));
    expect(result.text.text).toBe('thức, thay đổi tư duy, thói quen trong việc khai thác, sử’ dựng thông');
    const low = lowConfidence(result.changes).map((c) => [c.original, c.chosen, c.runnerUp, Number(c.confidence.toFixed(3)), result.text.text.slice(c.span.start, c.span.end)]);
    // `dung` should be `dụng` (sử dụng): the one wrong word of the line is the first in the list
    expect(low).toEqual([
      ['dung', 'dựng', 'dùng', 0.318, 'dựng'],
      ['thong', 'thông', 'thống', 0.748, 'thông'],
      ['thitc', 'thức', 'thitc', 0.785, 'thức'],
    ]);
    // the other six changes (d6éi → đổi, tu → tư, …) are at 0.9 or above
    expect(result.changes.length).toBe(9);
    expect(LOW_CONFIDENCE).toBe(0.9);
  });

  it('keeps text order among equal confidences and takes a threshold', () => {
    const at = (start: number, confidence: number) => ({ span: { start }, confidence });
    expect(lowConfidence([at(9, 0.5), at(3, 0.95), at(1, 0.5), at(5, 0.2)])).toEqual([at(5, 0.2), at(1, 0.5), at(9, 0.5)]);
    expect(lowConfidence([at(9, 0.5), at(3, 0.95)], 0.4)).toEqual([]);
  });
});
