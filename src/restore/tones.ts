/**
 * Mark confusions of Vietnamese-model OCR (issue 24). tesseract's `vie` model reads the letters
 * of a syllable well but sometimes the wrong tone, most on circumflex vowels (`tĩnh` for `tỉnh`,
 * `dần` for `dẫn`), or loses a shape mark (`trục` for `trực`, `băng` for `bằng`). The counts over
 * aligned word pairs whose letters agree give the cost of reading a marked word as another
 * spelling of the same letters.
 */
import { fold, toneOf, withoutTone } from '../vietnamese/letters.js';

export interface ToneCounts {
  /** tones[printed][read]: tones 0 (none) … 5 (nặng), over pairs with the same shape marks. */
  tones: number[][];
  /** Pairs with the same letters whose shape marks (ă â ê ô ơ ư đ) differ, and all pairs with the same letters. */
  shapes: [changed: number, total: number];
}

/** Counts over (printed, OCR) word pairs with the same letters; other pairs are not mark errors. */
export function learnToneConfusions(pairs: Iterable<[printed: string, ocr: string]>, isSyllable: (w: string) => boolean): ToneCounts {
  const tones = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const shapes: [number, number] = [0, 0];
  for (const [p, o] of pairs) {
    const a = p.toLowerCase();
    const b = o.toLowerCase();
    if (!isSyllable(a) || fold(a) !== fold(b)) continue;
    shapes[1]++;
    if (withoutTone(a) !== withoutTone(b)) shapes[0]++;
    else tones[toneOf(a)]![toneOf(b)]!++;
  }
  return { tones, shapes };
}

/** −ln P(read tone | printed tone), add-one smoothed, at [printed * 6 + read]; at [36] the cost of another shape. */
export function toneCosts(counts: ToneCounts): Float64Array {
  const out = new Float64Array(37);
  for (let t = 0; t < 6; t++) {
    const row = counts.tones[t]!;
    const total = row.reduce((a, b) => a + b, 0) + 6;
    for (let r = 0; r < 6; r++) out[t * 6 + r] = -Math.log((row[r]! + 1) / total);
  }
  out[36] = -Math.log((counts.shapes[0] + 1) / (counts.shapes[1] + 2));
  return out;
}
