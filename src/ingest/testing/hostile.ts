/**
 * Builders of hostile inputs, for src/ingest/limits.test.ts and scripts/make-hostile-corpus.ts:
 * files whose header, page box or container declares more than the reader may allocate, and the
 * small real containers (DOCX) the corpus hides entities and bombs in.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { constants as zlibConstants, crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

/** A PNG that is only a header: what a decoder would allocate for is all the check reads. */
export function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.set([8, 2, 0, 0, 0], 24);
  return new Uint8Array(b);
}

/**
 * A whole, decodable white greyscale PNG of the given size: small on disk (its rows are all the
 * same, and deflate well), `width × height` bytes once decoded, four times that as RGBA.
 */
export function pngWhite(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}

/**
 * A one-page PDF (pdf.js rebuilds the cross-reference table, so none is written). `extra`: more
 * objects; `catalog`: more keys of the document catalog (an /OpenAction).
 */
export function pdf(pageSize: number, content = '', resources = '', extra = '', catalog = ''): Uint8Array {
  const stream = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  return new Uint8Array(
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${catalog}>> endobj\n` +
        `2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
        `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageSize} ${pageSize}] /Contents 4 0 R /Resources << ${resources} >> >> endobj\n` +
        `4 0 obj ${stream} endobj\n${extra}trailer << /Root 1 0 R >>\n%%EOF\n`,
      'latin1',
    ),
  );
}

/** A one-page PDF whose page is one image XObject of the given size, a baseline JPEG header only. */
export function pdfScanOf(width: number, height: number): Uint8Array {
  // SOI, then SOF0 with the size: all the reader looks at before it would decode
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
  const image = `5 0 obj << /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${jpeg.toString('latin1')}\nendstream endobj\n`;
  return pdf(595, 'q 595 0 0 595 0 0 cm /Im0 Do Q', '/XObject << /Im0 5 0 R >>', image);
}

/** A ZIP of one entry whose central directory declares the given sizes (the data is not real). */
export function zipDeclaring(name: string, packed: number, size: number): Uint8Array {
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

/** One deflated ZIP entry: its name, CRC, sizes and compressed bytes. */
interface ZipEntry {
  name: string;
  crc: number;
  size: number;
  packed: Buffer;
}

/** A real ZIP (deflated entries, a central directory) of the given entries. */
function zipOf(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const header = (signature: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, e.packed);
    centrals.push(central, name);
    offset += local.length + name.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const entry = (name: string, text: string): ZipEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, crc: crc32(data), size: data.length, packed: deflateRawSync(data) };
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** `<w:p>` of each line, text escaped for XML (an `&name;` of the caller's is kept when `raw`). */
export function docxParagraphs(lines: readonly string[], raw = false): string {
  const esc = (s: string) => (raw ? s : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
}

/** A minimal DOCX whose document.xml is a prologue (a DOCTYPE, say) and the given body XML. */
export function docx(body: string, prologue = ''): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prologue}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  return new Uint8Array(zipOf([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', RELS), entry('word/document.xml', document)]));
}

/**
 * A real DOCX zip bomb, written to `path`: its word/document.xml is `paragraphs` copies of one
 * paragraph of 128 bytes, deflated as it is generated, so neither this process nor the file
 * holds the inflated bytes (2 million paragraphs: 256 MB inflated, some 250 times less on disk).
 */
export async function writeDocxBomb(path: string, paragraphs: number): Promise<{ inflated: number; packed: number }> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const paragraph = Buffer.from(docxParagraphs(['Tổng số hồ sơ tiếp nhận trong kỳ: 4.899 hồ sơ, giải quyết 4.874.']).padEnd(128, ' '));
  const block = Buffer.concat(Array.from({ length: 8192 }, () => paragraph));
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on('data', (b: Buffer) => packed.push(b));
  let crc = 0;
  let size = 0;
  const feed = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await feed(head);
  for (let left = paragraphs; left > 0; left -= 8192) await feed(left >= 8192 ? block : block.subarray(0, left * paragraph.length));
  await feed(tail);
  deflate.end();
  await once(deflate, 'end');
  const bomb: ZipEntry = { name: 'word/document.xml', crc, size, packed: Buffer.concat(packed) };
  const zip = zipOf([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', RELS), bomb]);
  const out = createWriteStream(path);
  out.end(zip);
  await once(out, 'finish');
  return { inflated: size, packed: bomb.packed.length };
}

/** A real ZIP of the given files, deflated, their names exactly as given (`../x` and `/etc/x` included). */
export function zipFiles(files: readonly { name: string; data: Uint8Array | string }[]): Uint8Array {
  return new Uint8Array(
    zipOf(
      files.map(({ name, data }) => {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
        return { name, crc: crc32(bytes), size: bytes.length, packed: deflateRawSync(bytes) };
      }),
    ),
  );
}

/**
 * A ZIP bomb: one entry `bao-cao.txt` of `megabytes` MB of spaces, a thousand times smaller on
 * disk. One megabyte is deflated once with a full flush (which ends its blocks and forgets the
 * window) and repeated: a valid deflate stream, made in a second instead of a minute.
 */
export function zipBomb(megabytes: number): Uint8Array {
  const block = Buffer.alloc(1 << 20, 0x20);
  const chunk = deflateRawSync(block, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
  // a final, empty fixed-Huffman block ends the stream
  const packed = Buffer.concat([...Array.from({ length: megabytes }, () => chunk), Buffer.from([0x03, 0x00])]);
  return new Uint8Array(zipOf([{ name: 'bao-cao.txt', crc, size: megabytes * block.length, packed }]));
}

/** An uncompressed 8-bit greyscale TIFF, little-endian, one IFD per page, chained in order. */
export function greyTiff(pages: readonly { width: number; height: number; pixels: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0])];
  let at = 8;
  const ifdOffsets: number[] = [];
  const linkOffsets: number[] = [];
  for (const page of pages) {
    const data = Buffer.from(page.pixels);
    const dataAt = at;
    parts.push(data);
    at += data.length + (data.length % 2); // IFDs start on a word boundary
    if (data.length % 2) parts.push(Buffer.alloc(1));
    // tag, type (3 SHORT, 4 LONG), value
    const tags: [number, number, number][] = [
      [256, 4, page.width],
      [257, 4, page.height],
      [258, 3, 8], // bits per sample
      [259, 3, 1], // no compression
      [262, 3, 1], // black is zero
      [273, 4, dataAt], // the one strip's offset
      [277, 3, 1], // samples per pixel
      [278, 4, page.height], // rows per strip
      [279, 4, data.length], // the strip's bytes
    ];
    const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
    ifd.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, value], k) => {
      ifd.writeUInt16LE(tag, 2 + k * 12);
      ifd.writeUInt16LE(type, 4 + k * 12);
      ifd.writeUInt32LE(1, 6 + k * 12);
      if (type === 3) ifd.writeUInt16LE(value, 10 + k * 12);
      else ifd.writeUInt32LE(value, 10 + k * 12);
    });
    ifdOffsets.push(at);
    linkOffsets.push(at + 2 + tags.length * 12);
    parts.push(ifd);
    at += ifd.length;
  }
  const tiff = Buffer.concat(parts);
  tiff.writeUInt32LE(ifdOffsets[0]!, 4);
  for (let k = 0; k + 1 < ifdOffsets.length; k++) tiff.writeUInt32LE(ifdOffsets[k + 1]!, linkOffsets[k]!);
  return new Uint8Array(tiff);
}
