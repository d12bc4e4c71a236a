import { describe, expect, it } from 'vitest';
import { createIngestContext } from './context.js';
import { ingestBytes } from './index.js';

/** A PNG that is only a header: what a decoder would allocate for is all the check reads. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.set([8, 2, 0, 0, 0], 24);
  return new Uint8Array(b);
}

/** A one-page PDF (pdf.js rebuilds the cross-reference table, so none is written). */
function pdf(pageSize: number, content = '', resources = '', extra = ''): Uint8Array {
  const stream = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  return new Uint8Array(
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
        `2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
        `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageSize} ${pageSize}] /Contents 4 0 R /Resources << ${resources} >> >> endobj\n` +
        `4 0 obj ${stream} endobj\n${extra}trailer << /Root 1 0 R >>\n%%EOF\n`,
      'latin1',
    ),
  );
}

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
    // a baseline JPEG header (SOI, SOF0 with the size) is all the reader looks at
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0xc3, 0x50, 0xc3, 0x50, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
    const image = `5 0 obj << /Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${jpeg.toString('latin1')}\nendstream endobj\n`;
    const ctx = createIngestContext({ workers: 1 });
    try {
      await expect(ingestBytes(pdf(595, 'q 595 0 0 595 0 0 cm /Im0 Do Q', '/XObject << /Im0 5 0 R >>', image), 'scan.pdf', ctx)).rejects.toThrow(
        'scan.pdf: the scan of page 1 too large to decode (50000 × 50000 px = 2500 Mpx; the limit is 120 Mpx)',
      );
    } finally {
      await ctx.close();
    }
  });
});

/** A ZIP of one entry whose central directory declares the given sizes (the data is not real). */
function zipDeclaring(name: string, packed: number, size: number): Uint8Array {
  const nameBytes = Buffer.from(name, 'latin1');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const data = Buffer.alloc(64);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const cdOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

describe('ZIP containers', () => {
  it('refuses a DOCX whose document inflates a thousand times, before inflating it', async () => {
    await expect(ingestBytes(zipDeclaring('word/document.xml', 3_500_000, 3_800_000_000), 'bomb.docx')).rejects.toThrow(
      'bomb.docx: DOCX refused: ZIP entry inflates 1086 times (3.5 MB to 3800.0 MB; the limit is 200 times)',
    );
  });
});
