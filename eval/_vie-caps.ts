/**
 * Dev set only (seeds 000–003): which capital words and symbols tesseract `vie` damaged, as
 * (reference → OCR) counts; what `repairVieCode` (src/restore/symbols.ts) was learned from.
 * Usage: `npx tsx eval/_vie-caps.ts`. Never pointed at the held-out set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignWords } from '../src/restore/align.js';
const words = (t: string) => t.split(/\s+/).filter(Boolean);
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const tally = new Map<string, number>();
for (const f of seeds) {
  const ref = readFileSync(join('fixtures', f), 'utf8');
  const ocr = readFileSync(join('eval/data/restore/ocr-vie', `${f.slice(0, 3)}.txt`), 'utf8');
  for (const [r, h] of alignWords(words(ref), words(ocr))) {
    if (r === h) continue;
    if (r && !/[A-ZĐ]{2}/.test(r) && !/\d/.test(r)) continue;
    const k = `${r} → ${h}`;
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
}
for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(n, k);
