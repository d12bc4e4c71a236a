import { describe, expect, it } from 'vitest';
import { makeSegment, type Run } from './layout.js';
import { ocrPageWarnings, needsBest, pageConfidence, pageSkew } from './ocr.js';

const run = (text: string, confidence: number, x0: number): Run => ({ text, confidence, x0, x1: x0 + 10, top: 0, bottom: 10, baseline: 8, size: 10 });
const line = (...words: [string, number][]) => makeSegment(words.map(([t, c], k) => run(t, c, k * 20)), true);

describe('OCR model choice and page confidence', () => {
  it('weighs each word of a page by its length', () => {
    expect(pageConfidence([line(['ab', 0.9], ['abcd', 0.6])])).toBe(0.7);
    expect(pageConfidence([])).toBeNull();
  });

  it('sends a page to the best model when the fast one is unsure of it, on average or in many words', () => {
    const sure = [line(['Ủy', 0.95], ['ban', 0.96], ['nhân', 0.93], ['dân', 0.94])];
    expect(needsBest({ segments: sure, confidence: pageConfidence(sure) })).toBe(false);
    const unsure = [line(['Ủy', 0.7], ['ban', 0.8], ['nhân', 0.75], ['dân', 0.8])];
    expect(needsBest({ segments: unsure, confidence: pageConfidence(unsure) })).toBe(true);
    // a high mean, but one word in four below 0.6
    const patchy = [line(['Ủy', 0.99], ['ban', 0.99], ['nhân', 0.99], ['dân', 0.5])];
    expect(needsBest({ segments: patchy, confidence: pageConfidence(patchy) })).toBe(true);
    expect(needsBest({ segments: [], confidence: null })).toBe(false);
  });

  it("measures a page's skew from the slope of its lines' word baselines", () => {
    // five words whose baselines fall 1 unit for every 20 across: atan(0.05) = 2.86°
    const words = [0, 1, 2, 3, 4].map((k) => ({ ...run('chữ', 0.9, k * 20), baseline: 100 + k }));
    expect(pageSkew([makeSegment(words, true)]).toFixed(2)).toBe('2.86');
    // lines of fewer than five words say nothing
    expect(pageSkew([line(['Ủy', 0.9], ['ban', 0.9])])).toBe(0);
  });

  it('lists the pages read turned and those below 90 % confidence for the reviewer', () => {
    expect(
      ocrPageWarnings([
        { page: 1, confidence: 0.93 },
        { page: 2, confidence: 0.712 },
        { page: 3, confidence: null },
        { page: 4, confidence: 0.95, turned: 180 },
        { page: 5, confidence: 0.95, turned: 270 },
      ]),
    ).toEqual([
      'page 4: upside down in the file, read turned 180° (its boxes are on the turned page)',
      'page 5: sideways in the file, read turned 270° (its boxes are on the turned page)',
      'page 2: OCR confidence 71 % (below 90 %): check its text against the scan',
    ]);
  });
});
