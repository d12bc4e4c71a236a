import { describe, expect, it } from 'vitest';
import { createIngestContext } from './context.js';
import { ingestBytes } from './index.js';
import { pdf, pdfScanOf, pngHeader, zipDeclaring } from './testing/hostile.js';

describe('limits before decoding, rendering or OCR', () => {
  it('refuses a 30 000 × 30 000 image from its header alone', async () => {
    await expect(ingestBytes(pngHeader(30_000, 30_000), 'huge.png')).rejects.toThrow(
      'huge.png: image too large to decode (30000 × 30000 px = 900 Mpx; the limit is 120 Mpx)',
    );
  });

  it('refuses to render a blank page of 5 280 pt for OCR', async () => {
    const ctx = createIngestContext({ workers: 1 });
    try {
      await expect(ingestBytes(pdf(5280), 'big-page.pdf', ctx)).rejects.toThrow(
        'big-page.pdf: page 1 too large to render (5280 × 5280 pt; the limit is 3400 pt a side)',
      );
    } finally {
      await ctx.close();
    }
  });

  it('refuses a page whose scan is a 50 000 × 50 000 JPEG, before tesseract decodes it', async () => {
    const ctx = createIngestContext({ workers: 1 });
    try {
      await expect(ingestBytes(pdfScanOf(50_000, 50_000), 'scan.pdf', ctx)).rejects.toThrow(
        'scan.pdf: the scan of page 1 too large to decode (50000 × 50000 px = 2500 Mpx; the limit is 120 Mpx)',
      );
    } finally {
      await ctx.close();
    }
  });
});

describe('ZIP containers', () => {
  it('refuses a DOCX whose document inflates a thousand times, before inflating it', async () => {
    await expect(ingestBytes(zipDeclaring('word/document.xml', 3_500_000, 3_800_000_000), 'bomb.docx')).rejects.toThrow(
      'bomb.docx: DOCX refused: ZIP entry inflates 1086 times (3.5 MB to 3800.0 MB; the limit is 200 times)',
    );
  });
});
