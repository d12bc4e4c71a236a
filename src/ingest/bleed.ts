/**
 * Bleed-through: the reverse side's print showing through the paper, lighter than the ink. On a
 * page's grey histogram it is a mode of its own between the ink (dark) and the paper (bright), apart
 * from the ink by a valley. `bleedThreshold` finds that mode; `liftBleed` turns every pixel at or
 * above the threshold (the bleed, the paper, the lightest edge of strokes) white, so the models see
 * the ink alone. A page without such a mode is left as it is (docs/scans.md, sixteenth session).
 * The histogram costs some 7 CPU-ms a 300-dpi page (every second row).
 */

/** Levels either side each histogram count is averaged over: a mode is a hump, not a spike. */
const SMOOTH = 4;
/** The paper's level is at least this (white or near-white paper). */
const PAPER_MIN = 200;
/** The ink's mode is darker than this. */
const INK_MAX = 100;
/** Bleed is well lighter than ink: its mode is at least this. */
const MIDDLE_MIN = 140;
/** The middle mode ends this far below the paper's level, so a grey paper's spread is not one. */
const PAPER_GAP = 24;
/** The middle mode's peak stands this many times above the valley between it and the ink. */
const PEAK_OVER_VALLEY = 5;
/** ... and its mean count this many times the mean count of the levels between it and the ink. */
const PEAK_OVER_MEAN = 6;
/** ... and this many times above the valley between it and the paper. */
const PEAK_OVER_PAPER_VALLEY = 3;
/** The middle mode (its peak ± `MASS_SPAN` levels) holds at least this share of the page's pixels. */
const MIDDLE_SHARE = 0.01;
const MASS_SPAN = 12;
/** The ink's mode (± `MASS_SPAN`) holds at least this share: a page whose only print is grey has none. */
const INK_SHARE = 0.005;
/** Rows of the page counted: every second one (as `grain` does; every fourth moved the threshold by up to 13 levels). */
const ROW_STEP = 2;

/**
 * The grey level from which a page's pixels are bleed-through or lighter, or null when its histogram
 * has no middle mode: a bright paper mode, a dark ink mode, and a mode between them at least
 * `MIDDLE_MIN`, standing `PEAK_OVER_VALLEY` times above the valley that parts it from the ink (and
 * `PEAK_OVER_PAPER_VALLEY` times above the one that parts it from the paper), its mean count
 * `PEAK_OVER_MEAN` times the valley's mean, and holding `MIDDLE_SHARE` of the pixels. The threshold is the valley's upper end: the first level below the
 * middle peak whose count falls under twice the valley's.
 */
export function bleedThreshold(grey: Uint8Array, width: number, height: number): number | null {
  // four histograms filled in turn, added up after: one alone stalls on runs of equal pixels (paper)
  const parts = new Uint32Array(4 * 256);
  let n = 0;
  for (let y = 0; y < height; y += ROW_STEP) {
    let i = y * width;
    const end = i + width;
    for (; i + 3 < end; i += 4) {
      parts[grey[i]!]!++;
      parts[256 + grey[i + 1]!]!++;
      parts[512 + grey[i + 2]!]!++;
      parts[768 + grey[i + 3]!]!++;
    }
    for (; i < end; i++) parts[grey[i]!]!++;
    n += width;
  }
  const counts = new Uint32Array(256);
  for (let v = 0; v < 256; v++) counts[v] = parts[v]! + parts[256 + v]! + parts[512 + v]! + parts[768 + v]!;
  if (n === 0) return null;
  const h = new Float64Array(256);
  for (let v = 0; v < 256; v++) {
    let s = 0;
    for (let d = -SMOOTH; d <= SMOOTH; d++) s += counts[Math.min(255, Math.max(0, v + d))]!;
    h[v] = s / (2 * SMOOTH + 1);
  }
  const paper = argmax(h, 128, 255);
  if (paper < PAPER_MIN) return null;
  const ink = argmax(h, 0, INK_MAX);
  const middle = argmax(h, MIDDLE_MIN, paper - PAPER_GAP);
  if (middle < 0 || ink < 0 || massAround(counts, ink) < INK_SHARE * n) return null;
  let valley = Infinity;
  for (let v = ink; v <= middle; v++) valley = Math.min(valley, h[v]!);
  if (h[middle]! < PEAK_OVER_VALLEY * Math.max(valley, 1)) return null;
  // and a valley between it and the paper: a grey paper's slope (a photocopy's) is no mode
  let above = Infinity;
  for (let v = middle; v <= paper; v++) above = Math.min(above, h[v]!);
  if (h[middle]! < PEAK_OVER_PAPER_VALLEY * Math.max(above, 1)) return null;
  const mass = massAround(counts, middle);
  if (mass < MIDDLE_SHARE * n) return null;
  // and above the valley's mean: a page whose greys come in a few levels (a palette PNG) has empty
  // levels between any two, so its least count says nothing
  let between = 0;
  for (let v = ink + MASS_SPAN + 1; v < middle - MASS_SPAN; v++) between += counts[v]!;
  const levels = middle - ink - 2 * MASS_SPAN - 1;
  if (levels > 0 && mass / (2 * MASS_SPAN + 1) < PEAK_OVER_MEAN * (between / levels)) return null;
  // the mode's lower foot: it must not be the ink's own edge
  let t = middle;
  while (t > ink && h[t - 1]! >= 2 * Math.max(valley, 1)) t--;
  return t;
}

/** Every pixel at or above `threshold` made white; the darker ones kept (in place). */
export function liftBleed(grey: Uint8Array, threshold: number): Uint8Array {
  for (let i = 0; i < grey.length; i++) if (grey[i]! >= threshold) grey[i] = 255;
  return grey;
}

/** Pixels within `MASS_SPAN` levels of `level`. */
function massAround(counts: Uint32Array, level: number): number {
  let mass = 0;
  for (let v = Math.max(0, level - MASS_SPAN); v <= Math.min(255, level + MASS_SPAN); v++) mass += counts[v]!;
  return mass;
}

function argmax(h: Float64Array, from: number, to: number): number {
  let best = -1;
  for (let v = from; v <= to; v++) if (best < 0 || h[v]! > h[best]!) best = v;
  return best;
}
