/**
 * Word alignment of a reference text with an OCR'd or restored version of it, for measuring
 * word accuracy and for collecting (printed, OCR) word pairs to learn confusions from.
 */
import { canonical, fold } from '../vietnamese/letters.js';

/** Words as compared: whitespace-separated, outer punctuation removed, those with a letter or digit. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/)) {
    const w = chunk.replace(/^[^\p{L}\p{N}&¢@¥$]+|[^\p{L}\p{N}&¢@¥$]+$/gu, '');
    if (w) out.push(w);
  }
  return out;
}

/** Aligned pairs of reference and hypothesis words (null where one side has no word). */
export type Alignment = [ref: string | null, hyp: string | null][];

/** Cost of putting two words against each other: 0 same, 1 same letters, 1.6 similar start, else 3 (above two gaps). */
function subCost(a: string, b: string): number {
  if (a === b) return 0;
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return 1;
  const n = Math.min(fa.length, fb.length, 2);
  if (n > 0 && fa.slice(0, 1) === fb.slice(0, 1)) return 1.6;
  if (fa.length <= 3 && fb.length <= 3 && (fa.slice(-1) === fb.slice(-1))) return 1.8;
  return 3;
}

/** Edit-distance alignment over words (case-insensitive), in a band around the diagonal. */
export function alignWords(ref: string[], hyp: string[], band = 400): Alignment {
  const n = ref.length;
  const m = hyp.length;
  const r = ref.map((w) => w.toLowerCase());
  const h = hyp.map((w) => w.toLowerCase());
  const GAP = 1;
  const width = 2 * band + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Uint8Array((n + 1) * width); // 0 diag, 1 up (ref gap), 2 left (hyp gap)
  const center = (i: number) => Math.round((i * m) / Math.max(n, 1));
  const at = (i: number, j: number) => i * width + (j - center(i) + band);
  const inBand = (i: number, j: number) => j >= 0 && j <= m && Math.abs(j - center(i)) <= band;
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    const c = center(i);
    for (let j = Math.max(0, c - band); j <= Math.min(m, c + band); j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let how = 0;
      if (i > 0 && j > 0 && inBand(i - 1, j - 1)) {
        const v = cost[at(i - 1, j - 1)]! + subCost(r[i - 1]!, h[j - 1]!);
        if (v < best) (best = v), (how = 0);
      }
      if (i > 0 && inBand(i - 1, j)) {
        const v = cost[at(i - 1, j)]! + GAP * 1.5;
        if (v < best) (best = v), (how = 1);
      }
      if (j > 0) {
        const v = cost[at(i, j - 1)]! + GAP * 1.5;
        if (v < best) (best = v), (how = 2);
      }
      cost[at(i, j)] = best;
      back[at(i, j)] = how;
    }
  }
  const out: Alignment = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = back[at(i, j)];
    if (i > 0 && j > 0 && how === 0) out.push([ref[--i]!, hyp[--j]!]);
    else if (i > 0 && (how === 1 || j === 0)) out.push([ref[--i]!, null]);
    else out.push([null, hyp[--j]!]);
  }
  return out.reverse();
}

/** Two spellings of one word: same letters ignoring case and where the tone mark sits (hoà = hòa). */
export function sameWord(a: string, b: string): boolean {
  return a === b || canonical(a.toLowerCase()) === canonical(b.toLowerCase());
}

/** Share of reference words matched (case-insensitive, tone placement ignored) by the aligned hypothesis word. */
export function wordAccuracy(alignment: Alignment): { correct: number; total: number } {
  let correct = 0;
  let total = 0;
  for (const [r, h] of alignment) {
    if (r === null) continue;
    total++;
    if (h !== null && sameWord(r, h)) correct++;
  }
  return { correct, total };
}

/** (printed syllable, OCR token) pairs, lower-case, from an alignment: the material confusions are learned from. */
export function syllablePairs(alignment: Alignment): [string, string][] {
  const out: [string, string][] = [];
  for (const [r, h] of alignment) {
    if (r === null || h === null || !/^\p{L}+$/u.test(r) || /[/]/.test(h)) continue;
    out.push([canonical(r.toLowerCase()), h.toLowerCase()]);
  }
  return out;
}

/** (printed syllable, OCR token) pairs of a reference text and its OCR'd version. */
export function textPairs(reference: string, ocr: string): [string, string][] {
  return syllablePairs(alignWords(words(reference), words(ocr)));
}

/**
 * Where the hand-corrected lines of seed 004 sit (eval/data/restore/seed004-aligned), and how
 * many times their pairs count in the confusion training: they are the only real (not rendered)
 * damage, and the only place Đ is read as P or B.
 */
export const SEED004_ALIGNED = { dir: 'eval/data/restore/seed004-aligned', repeat: 5 };
