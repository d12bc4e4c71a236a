/**
 * Builds the held-out restoration set (issue 24) under eval/data/restore/heldout/ from documents of
 * ../shared/documents/ (real UBND documents of 2025, the register the product reads):
 *   (the reference, the document as plain text with Markdown markup and table pipes removed and hard-wrapped
 *   lines joined, is made from ../shared by scripts/heldout-text.ts when needed, never stored: whole documents
 *   stay in ../shared; so is the stripped set, every Vietnamese mark removed)
 *   ocr-eng/<id>.txt   rendered in Liberation Serif at 300 dpi, OCR'd with tesseract's English model;
 *   ocr-eng-scan/<id>.txt  the same at 200 dpi, blurred and saved as JPEG 30 (a poor scan);
 *   ocr-vie/<id>.txt   rendered as ocr-eng, OCR'd with the `vie` model the pipeline uses
 *                      (@tesseract.js-data/vie 4.0.0_best_int) through the tesseract CLI;
 * The documents are drawn by the sha256 of their name with a fixed salt, skipping those of the
 * extraction test part (eval/data/documents/split.json) and any under 3 000 or over 14 000
 * characters, until 8 are taken. `npm run train` drops every corpus line sharing a 12-word
 * sequence with a reference here, so no model is trained on what is measured.
 * Run: npx tsx scripts/make-restore-heldout.ts   (Debian packages as make-restore-devset.ts)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vieLangPath } from '../src/ingest/ocr.js';
import { documentsInDrawOrder, plainText, SHARED_DOCUMENTS } from './heldout-text.js';
import { LIBERATION_300, renderAndOcr, type Variant } from './render-ocr.js';

const out = 'eval/data/restore/heldout';
const SALT = 'baocao-restore-heldout-2026-12-05';
const COUNT = 8;

const VARIANTS: { dir: string; v: Variant; lang: 'eng' | 'vie' }[] = [
  { dir: 'ocr-eng', v: LIBERATION_300, lang: 'eng' },
  { dir: 'ocr-eng-scan', v: { ...LIBERATION_300, dpi: 200, jpeg: 30 }, lang: 'eng' },
  { dir: 'ocr-vie', v: LIBERATION_300, lang: 'vie' },
];

const chosen: { id: string; text: string }[] = [];
for (const file of documentsInDrawOrder(SALT)) {
  if (chosen.length >= COUNT) break;
  const text = plainText(readFileSync(join(SHARED_DOCUMENTS, file), 'utf8'));
  if (text.length >= 3000 && text.length <= 14000) chosen.push({ id: file.replace(/\.md$/, ''), text });
}

for (const d of VARIANTS.map((x) => x.dir)) mkdirSync(join(out, d), { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'restore-heldout-'));
try {
  // the CLI wants an uncompressed traineddata in a folder of its own
  const tessdata = join(work, 'tessdata');
  mkdirSync(tessdata);
  writeFileSync(join(tessdata, 'vie.traineddata'), gunzipSync(readFileSync(join(vieLangPath(), 'vie.traineddata.gz'))));
  copyFileSync('/usr/share/tesseract-ocr/5/tessdata/eng.traineddata', join(tessdata, 'eng.traineddata'));
  for (const { id, text } of chosen) {
    for (const { dir, v, lang } of VARIANTS) {
      const ocr = renderAndOcr(text, v, work, `${id}-${dir}`, lang, tessdata);
      writeFileSync(join(out, dir, `${id}.txt`), ocr.text);
      console.log(`${id} ${dir}: ${ocr.pages} pages, ${text.length} chars → ${ocr.text.length} OCR chars`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
