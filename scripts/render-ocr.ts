/**
 * Renders a text to A4 pages (LibreOffice headless, a flat ODT) and OCRs them with the tesseract
 * CLI: how the restoration dev set (make-restore-devset.ts) and held-out set
 * (make-restore-heldout.ts) are made. Needs Debian's tesseract-ocr, libreoffice-writer-nogui,
 * poppler-utils and imagemagick.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Variant {
  font: string;
  /** All-capital lines set in bold, as in real headers. */
  boldCaps: boolean;
  dpi: number;
  /** JPEG quality after a 0.6 px blur (a poor scan); 0 keeps the PNG. */
  jpeg: number;
}

/** How the restoration sets' reports are rendered: Liberation Serif (Times metrics, as most reports are set), 300 dpi. */
export const LIBERATION_300: Variant = { font: 'Liberation Serif', boldCaps: true, dpi: 300, jpeg: 0 };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A flat ODT with an A4 page and a serif font that has every Vietnamese glyph. */
export function fodt(text: string, v: Variant): string {
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

/** OCR text of `text` rendered as `v`, pages joined by a newline; `lang` 'eng' or 'vie' (from `tessdata`, if given). */
export function renderAndOcr(text: string, v: Variant, work: string, stem: string, lang = 'eng', tessdata?: string): { pages: number; text: string } {
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
  const dir = tessdata ? ['--tessdata-dir', tessdata] : [];
  const ocr = pages.map((p) => execFileSync('tesseract', [join(work, p), '-', ...dir, '-l', lang, '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return { pages: pages.length, text: ocr.join('\n') };
}
