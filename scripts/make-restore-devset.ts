/**
 * Builds the diacritic-restoration dev set (issue 5) under eval/data/restore/:
 *   ocr-eng/<id>.txt   seeds 000–003 rendered to A4 pages at 300 dpi in DejaVu Serif 13 pt
 *                      (LibreOffice headless), then OCR'd with Debian's tesseract *English* model:
 *                      the damage archives really have (seed 004 is such a text).
 *   ocr-eng-times/<id>.txt  the same in Liberation Serif (Times metrics, as most reports are set), with
 *                      all-capital lines in bold as in real headers: a second, differently damaged set.
 *   ocr-eng-scan/<id>.txt  as ocr-eng-times, but pages at 200 dpi, blurred (0.6 px) and saved as
 *                      JPEG quality 30 (ImageMagick) before OCR: nearer the damage of a scanned archive.
 *   ocr-vie/<id>.txt   as ocr-eng-times, OCR'd with the `vie` model the pipeline uses
 *                      (@tesseract.js-data/vie 4.0.0_best_int) through the tesseract CLI.
 *   stripped/<id>.txt  the same seeds with every Vietnamese mark removed (đ → d).
 * The references are the fixtures themselves (fixtures/<id>_*.txt).
 *
 * Needs Debian packages (not needed by tests or the main job):
 *   apt-get install -y tesseract-ocr tesseract-ocr-eng libreoffice-writer-nogui fonts-dejavu poppler-utils imagemagick
 * Run: npx tsx scripts/make-restore-devset.ts [variant…]   (variants: dejavu times scan vie; default all)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vieLangPath } from '../src/ingest/ocr.js';
import { stripMarks } from '../src/vietnamese/letters.js';
import { renderAndOcr } from './render-ocr.js';

const out = 'eval/data/restore';
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const VARIANTS = {
  dejavu: { dir: 'ocr-eng', font: 'DejaVu Serif', boldCaps: false, dpi: 300, jpeg: 0 },
  times: { dir: 'ocr-eng-times', font: 'Liberation Serif', boldCaps: true, dpi: 300, jpeg: 0 },
  // closer to a scanned archive like seed 004: 200 dpi, slightly blurred, saved as a poor JPEG
  scan: { dir: 'ocr-eng-scan', font: 'Liberation Serif', boldCaps: true, dpi: 200, jpeg: 30 },
  // tesseract's vie model, as the pipeline runs it: its tone confusions (tĩnh for tỉnh) to learn
  vie: { dir: 'ocr-vie', font: 'Liberation Serif', boldCaps: true, dpi: 300, jpeg: 0 },
} as const;
const chosen = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(VARIANTS)) as (keyof typeof VARIANTS)[];
for (const v of chosen) mkdirSync(join(out, VARIANTS[v].dir), { recursive: true });
mkdirSync(join(out, 'stripped'), { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'restore-devset-'));
try {
  const tessdata = join(work, 'tessdata');
  mkdirSync(tessdata);
  writeFileSync(join(tessdata, 'vie.traineddata'), gunzipSync(readFileSync(join(vieLangPath(), 'vie.traineddata.gz'))));
  copyFileSync('/usr/share/tesseract-ocr/5/tessdata/eng.traineddata', join(tessdata, 'eng.traineddata'));
  for (const seed of seeds) {
    const id = seed.slice(0, 3);
    const text = readFileSync(join('fixtures', seed), 'utf8');
    writeFileSync(join(out, 'stripped', `${id}.txt`), stripMarks(text));
    for (const name of chosen) {
      const v = VARIANTS[name];
      const ocr = renderAndOcr(text, v, work, `${id}-${name}`, name === 'vie' ? 'vie' : 'eng', tessdata);
      writeFileSync(join(out, v.dir, `${id}.txt`), ocr.text);
      console.log(`${id} ${name}: ${ocr.pages} pages, ${text.length} chars → ${ocr.text.length} OCR chars`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
