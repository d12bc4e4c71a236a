/**
 * Run by `src/ingest/ocr.test.ts` in a child process preloaded with `no-network.mjs`: OCR a PNG
 * page and the scanned page of a mixed PDF with one shared pool, and print what the test checks.
 */
import { createIngestContext, ingestFile } from '../index.js';
import { provenanceOf } from '../../text/provenance.js';

// tesseract.js's worker threads are what could reach for the network (the native engine is a local command)
const ctx = createIngestContext({ workers: 2, engine: 'wasm' });
try {
  const [png, mixed] = await Promise.all([
    ingestFile('fixtures/formats/000_df22d471c82bd4e0.page4.png', ctx),
    ingestFile('fixtures/formats/000_df22d471c82bd4e0.mixed.pdf', ctx),
  ]);
  const at = png.text.text.indexOf('1.894');
  const figure = at >= 0 ? provenanceOf(png, png.text, { start: at, end: at + 5 }) : null;
  const confidence = png.boxes.find((b) => b.start <= at && at < b.end)?.confidence ?? null;
  console.log(
    JSON.stringify({
      png: { format: png.format, textOrigin: png.textOrigin, pages: png.pages, text: png.text.text, figure, confidence },
      mixed: { textOrigin: mixed.textOrigin, ocrPages: mixed.ocrPages, pages: mixed.pages, text: mixed.text.text },
      workers: ctx.ocr.size,
      ocrPages: ctx.ocr.pages,
    }),
  );
} finally {
  await ctx.close();
}
