/**
 * Tone confusions of Vietnamese-model OCR (issue 24). tesseract's `vie` model reads the letters
 * of a syllable well but sometimes the wrong tone, most on circumflex vowels (`tĩnh` for `tỉnh`,
 * `dần` for `dẫn`). The counts of (printed tone, OCR tone) over aligned word pairs whose letters
 * agree give the cost of reading a marked word as another tone of the same letters.
 */
import { toneOf, withoutTone } from '../vietnamese/letters.js';

/** counts[printed][read]: tones 0 (none) … 5 (nặng). */
export type ToneCounts = number[][];

/** Counts over (printed, OCR) word pairs with the same letters and shape marks; other pairs are not tone errors. */
export function learnToneConfusions(pairs: Iterable<[printed: string, ocr: string]>, isSyllable: (w: string) => boolean): ToneCounts {
  const counts = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  for (const [p, o] of pairs) {
    const a = p.toLowerCase();
    const b = o.toLowerCase();
    if (!isSyllable(a) || withoutTone(a) !== withoutTone(b)) continue;
    counts[toneOf(a)]![toneOf(b)]!++;
  }
  return counts;
}

/** −ln P(read tone | printed tone), add-one smoothed: the channel cost of a tone. */
export function toneCosts(counts: ToneCounts): Float64Array {
  const out = new Float64Array(36);
  for (let t = 0; t < 6; t++) {
    const row = counts[t]!;
    const total = row.reduce((a, b) => a + b, 0) + 6;
    for (let r = 0; r < 6; r++) out[t * 6 + r] = -Math.log((row[r]! + 1) / total);
  }
  return out;
}
