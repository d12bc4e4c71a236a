import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PipelineError } from '../errors.js';
import { SourceText } from '../text/source-text.js';
import type { IngestContext } from './context.js';
import { convertLegacy, decodeWindows1258, detectEightBit, detectLegacy } from './legacy.js';
import type { FlowText } from './flow.js';
import { decodeText } from './text.js';
import type { SourceDocument, SourceFormat } from './types.js';
import { OleError, readOle } from './ole.js';
import { isDocumentPackage, openDocumentType, zipEntryNames } from './zip.js';

export type { SourceDocument, SourceFormat, Page, Box, TextBox, DocxLocation } from './types.js';
export { createIngestContext, type IngestContext } from './context.js';

/**
 * Guess the format from the content (and, for plain text, the name). `zip` is an archive of other
 * files, which the batch opens (archive.ts); a ZIP whose directory cannot be read is taken for the
 * DOCX it most often is, so its error names a truncated DOCX.
 */
export function sniffFormat(bytes: Uint8Array, file: string): SourceFormat | 'zip' | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) return zipKind(bytes, file);
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('\xd0\xcf\x11\xe0')) return oleKind(bytes, file);
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('II*\0') || head.startsWith('MM\0*')) {
    return 'image';
  }
  if (/\.md$/i.test(file)) return 'markdown';
  return 'text';
}

/** Read one file into a SourceDocument. Throws PipelineError('ingest', file, reason). */
export async function ingestFile(file: string, ctx?: IngestContext): Promise<SourceDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PipelineError('ingest', file, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? error})`);
  }
  return ingestBytes(bytes, file, ctx);
}

/**
 * `ctx` carries the OCR worker pool; scanned PDFs and images need it, other formats do not.
 */
export async function ingestBytes(bytes: Uint8Array, file: string, ctx?: IngestContext): Promise<SourceDocument> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = sniffFormat(bytes, file);
  const base = { path: file, sha256, bytes: bytes.length };
  switch (format) {
    case 'text':
    case 'markdown': {
      const decoded = decodeLegacyBytes(bytes, file);
      return {
        ...base,
        format,
        text: decoded.text,
        textOrigin: 'original',
        encoding: decoded.encoding,
        pages: [],
        boxes: [],
        warnings: [],
      };
    }
    case 'xlsx':
    case 'xls':
    case 'ods': {
      // a password-protected XLSX is an OLE container, refused as such in the `docx` case
      const { readSpreadsheet } = await import('./spreadsheet.js');
      const sheets = readSpreadsheet(bytes, file, format);
      let text = SourceText.fromOriginal(sheets.original);
      let encoding = 'utf-8';
      // cells of old .xls files typed in .VnTime or VNI fonts are legacy bytes read as Latin-1;
      // SheetJS does not give the cells' fonts, so the text decides
      const legacy = detectLegacy(sheets.original);
      if (legacy) {
        text = convertLegacy(text, legacy);
        encoding = legacy;
      }
      return { ...base, format, text, textOrigin: 'original', encoding, pages: [], boxes: [], warnings: sheets.warnings, locations: sheets.locations };
    }
    case 'zip':
      throw new PipelineError('ingest', file, 'ZIP archive: its files are read one by one by `baocao run`');
    case 'docx': {
      const ole = oleReason(bytes, file);
      if (ole) throw new PipelineError('ingest', file, ole);
      // the readers of binary formats (mammoth, pdf.js, tesseract.js) load on first use: plain
      // text runs, the common case in archives, never pay for them in time or memory
      const { readDocx } = await import('./docx.js');
      // mammoth gives a run's font only when the run sets one (not through the styles)
      return { ...base, format, ...wordText(await readDocx(bytes, file), false) };
    }
    case 'odt': {
      const { readOdt } = await import('./odt.js');
      return { ...base, format, ...wordText(await readOdt(bytes, file), true) };
    }
    case 'doc':
    case 'rtf': {
      const read = format === 'doc' ? (await import('./doc.js')).readDoc : (await import('./rtf.js')).readRtf;
      const doc = await read(bytes, file);
      // a file with no text at all would give an empty report: say why instead
      if (doc.original.trim() === '') throw new PipelineError('ingest', file, `${FORMAT_NAMES[format]} has no text`);
      return { ...base, format, ...wordText(doc, true) };
    }
    case 'pdf':
    case 'image': {
      const paged =
        format === 'pdf'
          ? await (await import('./pdf.js')).readPdf(bytes, file, ctx)
          : await (await import('./image.js')).readImage(bytes, file, ctx);
      let text = SourceText.fromOriginal(paged.original);
      let encoding = paged.textOrigin === 'ocr' ? 'ocr' : 'pdf';
      // text layers from old .VnTime / VNI fonts read as Latin-1 soup: convert, keep the boxes
      const legacy = paged.textOrigin === 'original' ? detectLegacy(paged.original) : null;
      if (legacy) {
        text = convertLegacy(text, legacy);
        encoding = legacy;
      }
      const doc: SourceDocument = {
        ...base,
        format,
        text,
        textOrigin: paged.textOrigin,
        encoding,
        pages: paged.pages,
        boxes: paged.boxes,
        warnings: paged.warnings,
      };
      if (paged.ocrPages.length > 0) doc.ocrPages = paged.ocrPages;
      if (paged.ocr.length > 0) doc.ocr = paged.ocr;
      return doc;
    }
    default:
      throw new PipelineError('ingest', file, 'unknown file format');
  }
}

/**
 * The text of a word-processor file (DOCX, ODT, .doc, RTF) with its legacy fonts converted: a run in
 * `.VnTime` is TCVN3 (`.VnTimeH` its capitals), `VNI-…` is VNI; without such fonts, the text itself
 * may still be legacy. When the reader knows every run's font (`fontsKnown`: ODT, .doc and RTF resolve
 * them through styles and defaults), only the legacy runs are converted, so a document that mixes
 * `.VnTime` paragraphs with Unicode ones keeps the Unicode ones as they are; DOCX runs name a font
 * only when they set one, so there a legacy font anywhere converts the whole text.
 */
function wordText(
  doc: FlowText,
  fontsKnown: boolean,
) {
  let text = SourceText.fromOriginal(doc.original);
  let encoding = 'utf-8';
  const tcvn3 = doc.legacyRuns.filter((r) => r.encoding === 'tcvn3');
  const vni = doc.legacyRuns.filter((r) => r.encoding === 'vni');
  const upper = tcvn3.filter((r) => r.upper).map((r) => r.span);
  if (fontsKnown && (tcvn3.length > 0 || vni.length > 0)) {
    // TCVN3 first: it maps one character to one, so the VNI spans (original offsets) still hold
    if (tcvn3.length > 0) text = convertLegacy(text, 'tcvn3', { upper, only: tcvn3.map((r) => r.span) });
    if (vni.length > 0) text = convertLegacy(text, 'vni', { only: vni.map((r) => r.span) });
    const size = (runs: typeof tcvn3) => runs.reduce((n, r) => n + r.span.end - r.span.start, 0);
    encoding = size(tcvn3) >= size(vni) ? 'tcvn3' : 'vni';
  } else {
    const legacy = tcvn3.length > 0 ? 'tcvn3' : vni.length > 0 ? 'vni' : detectLegacy(doc.original);
    if (legacy) {
      text = convertLegacy(text, legacy, { upper });
      encoding = legacy;
    }
  }
  return { text, textOrigin: 'original' as const, encoding, pages: [], boxes: [], warnings: doc.warnings, locations: doc.locations };
}

/**
 * UTF-8/UTF-16 text, or a legacy encoding (TCVN3, VNI, Windows-1258 as 8-bit bytes; VIQR as
 * ASCII) converted with the mapping kept. Bytes that are valid UTF-8 (ASCII among them) are UTF-8.
 */
function decodeLegacyBytes(bytes: Uint8Array, file: string): { text: SourceText; encoding: string } {
  try {
    const decoded = decodeText(bytes, file);
    const legacy = decoded.encoding === 'utf-8' ? detectLegacy(decoded.text) : null;
    if (legacy === 'viqr') return { text: convertLegacy(SourceText.fromOriginal(decoded.text), 'viqr'), encoding: 'viqr' };
    return { text: SourceText.fromOriginal(decoded.text), encoding: decoded.encoding };
  } catch (error) {
    if (!(error instanceof PipelineError) || !error.reason.startsWith('not UTF-8')) throw error;
    // 8-bit bytes: TCVN3 or VNI (from Latin-1, the one decoding that keeps every byte as one
    // character), or Windows-1258, whichever reads as Vietnamese
    const legacy = detectEightBit(bytes);
    if (!legacy) throw error;
    if (legacy === 'windows-1258') return { text: decodeWindows1258(bytes), encoding: legacy };
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return { text: convertLegacy(SourceText.fromOriginal(latin1), legacy), encoding: legacy };
  }
}

function zipKind(bytes: Uint8Array, file: string): SourceFormat | 'zip' {
  const odf = openDocumentType(bytes);
  if (odf === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (odf === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  const names = zipEntryNames(bytes);
  // a ZIP cut short has no directory to tell what it held: its name is the one hint left
  if (!names) return /\.xlsx$/i.test(file) ? 'xlsx' : /\.ods$/i.test(file) ? 'ods' : /\.odt$/i.test(file) ? 'odt' : 'docx';
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml') || names.includes('xl/workbook.bin')) return 'xlsx';
  // an Office package with its main part missing is a broken document, not an archive
  return isDocumentPackage(names) ? 'docx' : 'zip';
}

/** An OLE compound file (D0 CF 11 E0) holds a Word or Excel 97–2003 file, or an encrypted OOXML package. */
function oleKind(bytes: Uint8Array, file: string): SourceFormat {
  // the root's streams name what the container holds (a Word file with an Excel chart inside holds
  // a Workbook stream too, but deeper, in its ObjectPool storage)
  try {
    const root = readOle(bytes).names;
    if (root.includes('WordDocument')) return 'doc';
    if (root.includes('Workbook') || root.includes('Book')) return 'xls';
    return 'docx'; // EncryptedPackage: a password-protected DOCX or XLSX, refused by oleReason
  } catch {
    // a broken container: its reader names the damage; sniffing only guesses the kind
  }
  // directory entry names are UTF-16LE, wherever the directory still is
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  // no directory left: the name is the one hint (the reader then names the damage)
  if (/\.xls$/i.test(file)) return 'xls';
  return 'docx'; // EncryptedPackage: a password-protected DOCX or XLSX, refused by oleReason
}

/**
 * An OLE compound file (D0 CF 11 E0) that is not Word or Excel 97–2003: an encrypted OOXML
 * package, a file cut short before its directory (named by its extension, the one hint left), or
 * something else.
 */
function oleReason(bytes: Uint8Array, file: string): string | null {
  if (!(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) return null;
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  if (names.includes('EncryptedPackage')) return 'Office file is password-protected';
  try {
    readOle(bytes);
  } catch (error) {
    if (!(error instanceof OleError)) throw error;
    const kind = /\.doc$/i.test(file) ? '.doc' : /\.xls$/i.test(file) ? '.xls' : 'Office 97–2003 file';
    return `${error.kind} ${kind} (${error.detail})`;
  }
  return 'OLE compound file that is neither Word nor Excel';
}

/** How error messages name a format. */
export const FORMAT_NAMES: Record<SourceFormat, string> = {
  text: 'text',
  markdown: 'Markdown',
  docx: 'DOCX',
  pdf: 'PDF',
  image: 'image',
  doc: 'Word 97–2003 (.doc)',
  rtf: 'RTF',
  odt: 'OpenDocument text (.odt)',
  xlsx: 'XLSX',
  xls: 'Excel 97–2003 (.xls)',
  ods: 'OpenDocument spreadsheet (.ods)',
};
