/** `baocao restore <file>`: print a file's text with its Vietnamese marks restored. */
import { ingestFile } from '../ingest/index.js';
import { restoreText } from './index.js';

export async function restoreCommand(file: string): Promise<void> {
  // `baocao restore f | head`: a reader that stops early is not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const doc = await ingestFile(file);
  // (the text only: the changes and their confidences are the report's, not this command's)
  const text = restoreText(doc.text.text, doc.textOrigin === 'ocr' ? { mode: 'light' } : {});
  process.stdout.write(text);
  if (!text.endsWith('\n')) process.stdout.write('\n');
}
