/**
 * The held-out restoration set's clean text (issue 24). Whole documents stay in ../shared: only their renderings'
 * OCR output is kept in eval/data/restore/heldout/; the reference is made from the shared document when needed, and
 * the stripped set from the reference.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const HELDOUT_DIR = 'eval/data/restore/heldout';
export const SHARED_DOCUMENTS = '../shared/documents';

/** Markdown rendering of a thuvienphapluat page → plain text, one paragraph a line. */
export function plainText(md: string): string {
  const lines = md
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/\*+/g, '').replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim())
    .filter((l) => !/^[|\-–_=\s]*$/.test(l));
  const paras: string[] = [];
  for (const l of lines) {
    const prev = paras.at(-1);
    // a hard wrap: the previous line does not end a sentence or item, and this one does not start a new item
    const wrapped = prev !== undefined && !/[.:;!?]$/.test(prev) && /^[\p{Ll}\d(]/u.test(l) && !/^[a-zđ]\)|^\d+[.)]\s/u.test(l);
    if (wrapped) paras[paras.length - 1] = `${prev} ${l}`;
    else paras.push(l);
  }
  return `${paras.join('\n')}\n`;
}

/** The held-out documents' ids (their file names in ../shared/documents without `.md`). */
export const heldoutIds = (): string[] => readdirSync(join(HELDOUT_DIR, 'ocr-eng')).map((f) => f.replace(/\.txt$/, '')).sort();

/** A held-out document's reference text, from ../shared/documents. */
export const heldoutRef = (id: string): string => plainText(readFileSync(join(SHARED_DOCUMENTS, `${id}.md`), 'utf8'));

/**
 * The files of ../shared/documents/ (as index.json names them) outside the documents eval's test part, in the order of
 * sha256(`salt:file`): how the held-out set and the speed bench's extra text draw their documents.
 */
export function documentsInDrawOrder(salt: string): string[] {
  const { test } = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { test: string[] };
  const testPart = new Set(test);
  const index = JSON.parse(readFileSync(join(SHARED_DOCUMENTS, 'index.json'), 'utf8')) as { documents: { file: string }[] };
  const order = (f: string) => createHash('sha256').update(`${salt}:${f}`).digest('hex');
  return index.documents
    .map((d) => d.file)
    .filter((f) => !testPart.has(`documents/${f}`))
    .sort((a, b) => order(a).localeCompare(order(b)));
}
