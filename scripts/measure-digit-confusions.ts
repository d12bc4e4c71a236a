/**
 * Measures how baocao's OCR (tesseract.js, the `vie` best_int model, LSTM only: src/ingest/ocr.ts)
 * misreads the characters of numbers, and writes the counts to
 * `src/validate/data/digit-confusions.json` (the channel the repairs of failed checks are scored
 * by: src/validate/repair.ts, docs/repairs.md).
 *
 * Lines of random numbers in Vietnamese notation (`1.894 hồ sơ`, `93,93%`, `02 PAKN`, `4874`)
 * are drawn with @napi-rs/canvas in DejaVu Serif and DejaVu Sans at several sizes, blurred by a
 * downscale and upscale the way a 150–200 dpi scan or fax blurs them, and recognised. Each OCR
 * line is aligned with the line drawn (edit distance); every digit, `.`, `,` and `%` drawn is
 * counted under what was read for it: itself, another character, nothing (`""`), or itself with
 * characters read after it (`"11"`: a doubled digit).
 *
 *   npx tsx scripts/measure-digit-confusions.ts [--pages-per-setting 1]
 *
 * Deterministic: a fixed seed draws the numbers.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { vieLangPath } from '../src/ingest/ocr.js';

const OUT = 'src/validate/data/digit-confusions.json';
const LINES_PER_PAGE = 36;
const NUMBERS_PER_LINE = 5;
const WIDTH = 1400;

// mulberry32: a small seeded generator, so the measurement can be repeated exactly
let seed = 0x5eed2026;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** One number as the reports print them, with the word that follows it. */
function number(): string {
  const r = random();
  if (r < 0.3) return `${grouped(int(1000, 99999))} hồ sơ`;
  if (r < 0.5) return `${int(0, 99).toString().padStart(2, '0')} PAKN`;
  if (r < 0.7) return `${int(1, 999)} TTHC`;
  if (r < 0.9) return `${int(0, 100)},${int(0, 99).toString().padStart(2, '0')}%`;
  return `${int(0, 100)}%`;
}

const SETTINGS = [
  { font: 'DejaVu Serif', size: 22, blur: 0.5 },
  { font: 'DejaVu Sans', size: 22, blur: 0.5 },
  { font: 'DejaVu Serif', size: 18, blur: 0.45 },
  { font: 'DejaVu Sans', size: 18, blur: 0.45 },
  { font: 'DejaVu Serif', size: 16, blur: 0.4 },
  { font: 'DejaVu Sans', size: 16, blur: 0.4 },
];

function page(lines: string[], font: string, size: number, blur: number): Buffer {
  const lineHeight = Math.round(size * 1.8);
  const height = lineHeight * (lines.length + 2);
  const canvas = createCanvas(WIDTH, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, WIDTH, height);
  g.fillStyle = '#111';
  g.font = `${size}px "${font}"`;
  lines.forEach((l, i) => g.fillText(l, 40, lineHeight * (i + 1.5)));
  // blur: down to `blur` of the size and back up, as a low-resolution scan does
  const small = createCanvas(Math.round(WIDTH * blur), Math.round(height * blur));
  small.getContext('2d').drawImage(canvas, 0, 0, small.width, small.height);
  const back = createCanvas(WIDTH, height);
  back.getContext('2d').drawImage(small, 0, 0, WIDTH, height);
  return back.toBuffer('image/png');
}

/** Edit-distance alignment: for each character of `truth`, what was read for it. */
function align(truth: string, read: string): string[] {
  const n = truth.length;
  const m = read.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (truth[i - 1] === read[j - 1] ? 0 : 1));
    }
  }
  const out: string[] = Array.from({ length: n }, () => '');
  let i = n;
  let j = m;
  let pending = ''; // characters read after truth[i - 1] (insertions)
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (truth[i - 1] === read[j - 1] ? 0 : 1)) {
      out[i - 1] = read[j - 1]! + pending;
      pending = '';
      i--;
      j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      out[i - 1] = pending;
      pending = '';
      i--;
    } else {
      pending = read[j - 1]! + pending;
      j--;
    }
  }
  return out;
}

const args = process.argv.slice(2);
const perSetting = Number(args[args.indexOf('--pages-per-setting') + 1] ?? 1) || 1;
const { createWorker, OEM, PSM } = await import('tesseract.js');
const worker = await createWorker('vie', OEM.LSTM_ONLY, { langPath: vieLangPath(), gzip: true, cacheMethod: 'none' });
await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, debug_file: '/dev/null' });

const counts: Record<string, Record<string, number>> = {};
let drawn = 0;
let misread = 0;
let linesUnmatched = 0;
for (const s of SETTINGS) {
  for (let p = 0; p < perSetting; p++) {
    const lines = Array.from({ length: LINES_PER_PAGE }, () => Array.from({ length: NUMBERS_PER_LINE }, number).join('; '));
    const { data } = await worker.recognize(page(lines, s.font, s.size, s.blur));
    const read = data.text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (read.length !== lines.length) {
      linesUnmatched += lines.length;
      console.error(`${s.font} ${s.size}px: ${read.length} lines read for ${lines.length} drawn; page left out`);
      continue;
    }
    lines.forEach((truth, k) => {
      const got = align(truth, read[k]!);
      [...truth].forEach((ch, i) => {
        if (!/[\d.,%]/.test(ch)) return;
        // a `.` or `,` that ends a word is punctuation, not part of a number
        if (/[.,]/.test(ch) && !/\d/.test(truth[i + 1] ?? '')) return;
        const r = got[i]!;
        (counts[ch] ??= {})[r] = (counts[ch]![r] ?? 0) + 1;
        drawn++;
        if (r !== ch) misread++;
      });
    });
    console.error(`${s.font} ${s.size}px blur ${s.blur}: done (${misread} of ${drawn} characters misread so far)`);
  }
}
await worker.terminate();

const sorted = Object.fromEntries(
  Object.keys(counts)
    .sort()
    .map((k) => [k, Object.fromEntries(Object.entries(counts[k]!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]),
);
const table = {
  _comment:
    "What baocao's OCR (tesseract.js, vie 4.0.0_best_int, LSTM only) read for each character of a number: counts by the character drawn, then by what was read for it (\"\" nothing; two characters: the character and one read after it). Measured by scripts/measure-digit-confusions.ts on lines of random Vietnamese-notation numbers drawn in DejaVu Serif and Sans at 16–22 px, blurred by a downscale to 40–50 % and back; do not edit by hand.",
  settings: SETTINGS,
  pagesPerSetting: perSetting,
  charactersDrawn: drawn,
  charactersMisread: misread,
  linesLeftOut: linesUnmatched,
  counts: sorted,
};
mkdirSync('src/validate/data', { recursive: true });
writeFileSync(OUT, JSON.stringify(table, null, 1) + '\n');
console.log(`${drawn} characters, ${misread} misread → ${OUT}`);
