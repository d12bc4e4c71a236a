/** The OCR tests' page: the last page of seed 000's scan (300 dpi, grey JPEG), 7 lines, the signature block. */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { RawPdf } from '../pdf-scan.js';

/** The page's JPEG as the PDF stores it. */
export async function scannedPage(): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync('fixtures/formats/000_df22d471c82bd4e0.scan.pdf'));
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const page = await doc.getPage(doc.numPages);
  const jpeg = new RawPdf(bytes).scanImage(page.ref!)!.jpeg;
  await doc.destroy();
  return jpeg;
}
