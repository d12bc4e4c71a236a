/**
 * Builds the diacritic-restoration dev set (issue 5) under eval/data/restore/:
 *   ocr-eng/<id>.txt   seeds 000–003 rendered to A4 pages at 300 dpi in DejaVu Serif 13 pt
 *                      (LibreOffice headless), then OCR'd with Debian's tesseract *English* model:
 *                      the damage archives really have (seed 004 is such a text).
 *   ocr-eng-times/<id>.txt  the same in Liberation Serif (Times metrics, as most reports are set), with
 *                      all-capital lines in bold as in real headers: a second, differently damaged set.
 *   ocr-eng-scan/<id>.txt  as ocr-eng-times, but pages at 200 dpi, blurred (0.6 px) and saved as
 *                      JPEG quality 30 (ImageMagick) before OCR: nearer the damage of a scanned archive.
 *   stripped/<id>.txt  the same seeds with every Vietnamese mark removed (đ → d).
 * The references are the fixtures themselves (fixtures/<id>_*.txt).
 *
 * Needs Debian packages (not needed by tests or the main job):
 *   apt-get install -y tesseract-ocr tesseract-ocr-eng libreoffice-writer-nogui fonts-dejavu poppler-utils imagemagick
 * Run: npx tsx scripts/make-restore-devset.ts [variant…]   (variants: dejavu times scan; default all)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripMarks } from '../src/vietnamese/letters.js';

const out = 'eval/data/restore';
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
const VARIANTS = {
  dejavu: { dir: 'ocr-eng', font: 'DejaVu Serif', boldCaps: false, dpi: 300, jpeg: 0 },
  times: { dir: 'ocr-eng-times', font: 'Liberation Serif', boldCaps: true, dpi: 300, jpeg: 0 },
  // closer to a scanned archive like seed 004: 200 dpi, slightly blurred, saved as a poor JPEG
  scan: { dir: 'ocr-eng-scan', font: 'Liberation Serif', boldCaps: true, dpi: 200, jpeg: 30 },
} as const;
type Variant = (typeof VARIANTS)[keyof typeof VARIANTS];
const chosen = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(VARIANTS)) as (keyof typeof VARIANTS)[];
for (const v of chosen) mkdirSync(join(out, VARIANTS[v].dir), { recursive: true });
mkdirSync(join(out, 'stripped'), { recursive: true });

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A flat ODT with an A4 page and a serif font that has every Vietnamese glyph. */
function fodt(text: string, v: Variant): string {
  const caps = (line: string) => /\p{Lu}{2}/u.test(line) && line === line.toUpperCase();
  const paras = text
    .split('\n')
    .map((line) => `<text:p text:style-name="${v.boldCaps && caps(line) ? 'B' : 'P'}">${line.split('\t').map(xml).join('<text:tab/>')}</text:p>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${v.font}" svg:font-family="'${v.font}'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:style style:name="P" style:family="paragraph">
<style:paragraph-properties fo:margin-bottom="0.12cm" fo:text-align="justify"/>
<style:text-properties style:font-name="${v.font}" fo:font-size="13pt"/></style:style>
<style:style style:name="B" style:family="paragraph" style:parent-style-name="P"><style:text-properties fo:font-weight="bold"/></style:style></office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
${paras}
</office:text></office:body></office:document>`;
}

const work = mkdtempSync(join(tmpdir(), 'restore-devset-'));
try {
  for (const seed of seeds) {
    const id = seed.slice(0, 3);
    const text = readFileSync(join('fixtures', seed), 'utf8');
    writeFileSync(join(out, 'stripped', `${id}.txt`), stripMarks(text));
    for (const name of chosen) {
      const v = VARIANTS[name];
      const stem = `${id}-${name}`;
      const doc = join(work, `${stem}.fodt`);
      writeFileSync(doc, fodt(text, v));
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, doc], { stdio: 'ignore' });
      execFileSync('pdftoppm', ['-r', String(v.dpi), '-gray', '-png', join(work, `${stem}.pdf`), join(work, stem)]);
      let pages = readdirSync(work).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png')).sort();
      if (v.jpeg > 0) {
        pages = pages.map((p) => {
          const jpg = p.replace(/\.png$/, '.jpg');
          execFileSync('convert', [join(work, p), '-blur', '0x0.6', '-quality', String(v.jpeg), join(work, jpg)]);
          return jpg;
        });
      }
      const ocr = pages.map((p) =>
        execFileSync('tesseract', [join(work, p), '-', '-l', 'eng', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      );
      writeFileSync(join(out, v.dir, `${id}.txt`), ocr.join('\n'));
      console.log(`${id} ${name}: ${pages.length} pages, ${text.length} chars → ${ocr.join('').length} OCR chars`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
