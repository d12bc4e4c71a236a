import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PipelineError } from '../errors.js';
import { SourceText } from '../text/source-text.js';
import { decodeText } from './text.js';
import type { SourceDocument, SourceFormat } from './types.js';

export type { SourceDocument, SourceFormat, Page, Box, TextBox } from './types.js';

/** Guess the format from the first bytes (and, for plain text, the name). */
export function sniffFormat(bytes: Uint8Array, file: string): SourceFormat | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('II*\0') || head.startsWith('MM\0*')) {
    return 'image';
  }
  if (/\.md$/i.test(file)) return 'markdown';
  return 'text';
}

/** Read one file into a SourceDocument. Throws PipelineError('ingest', file, reason). */
export async function ingestFile(file: string): Promise<SourceDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PipelineError('ingest', file, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? error})`);
  }
  return ingestBytes(bytes, file);
}

export async function ingestBytes(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = sniffFormat(bytes, file);
  const base = { path: file, sha256, bytes: bytes.length };
  switch (format) {
    case 'text':
    case 'markdown': {
      const decoded = decodeText(bytes, file);
      return {
        ...base,
        format,
        text: SourceText.fromOriginal(decoded.text),
        textOrigin: 'original',
        encoding: decoded.encoding,
        pages: [],
        boxes: [],
        warnings: [],
      };
    }
    default:
      throw new PipelineError('ingest', file, `${format} files are not supported yet`);
  }
}
