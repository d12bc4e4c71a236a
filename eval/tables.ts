/**
 * `npm run eval -- tables`: cell accuracy of tables read from each format, on the twenty drawn
 * tables of eval/data/tables/ (scripts/make-table-fixtures.ts; seeds 1–10 were looked at while
 * building the readers, 11–20 were not, and are reported apart).
 *
 * A cell is every filled data cell outside the row-label column; it is right when the table read
 * has a cell with the same row label, the same header path and the same value (each found cell
 * counts once). Extra cells read (a header line read as a row, a cell split in two) are counted.
 * Scans are the ruled PDF's pages rendered at 300 dpi (scripts/tables/render.ts) and OCR'd; they
 * are slow (some 10 s a page): `TABLE_SCANS=0` leaves them out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIngestContext, ingestBytes, type IngestContext } from '../src/ingest/index.js';
import { normalise } from '../src/normalise/index.js';
import { restoreDiacritics } from '../src/restore/index.js';
import { segment } from '../src/segment/index.js';
import type { ExpectedCell } from '../scripts/tables/specs.js';
import { imagePdf, renderPages } from '../scripts/tables/render.js';

// `TABLE_EVAL_DIR=<dir> TABLE_EVAL_FIRST=21`: the tables `make-table-fixtures.ts --dev <dir>` writes
const DIR = process.env.TABLE_EVAL_DIR ?? 'eval/data/tables';
const FIRST = Number(process.env.TABLE_EVAL_FIRST ?? 1);
// `TABLE_EVAL_ONLY=1,2,25`: only those tables (while tuning: OCR is slow); the totals are then of those only
const ONLY = process.env.TABLE_EVAL_ONLY ? new Set(process.env.TABLE_EVAL_ONLY.split(',').map(Number)) : null;
const FORMATS = ['docx', 'md', 'pdf', 'unruled.pdf', ...(process.env.TABLE_SCANS === '0' ? [] : ['scan.pdf'])] as const;
type Format = (typeof FORMATS)[number];
const NAMES: Record<Format, string> = { docx: 'DOCX', md: 'Markdown', pdf: 'PDF, ruled', 'unruled.pdf': 'PDF, no rules', 'scan.pdf': 'scan 300 dpi' };

const fold = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const key = (c: ExpectedCell) => `${fold(c.label)}|${c.path.map(fold).join(' / ')}|${fold(c.value)}`;

/** The cells of every table read from a file, as the pipeline reads it up to segment. */
async function cellsRead(bytes: Uint8Array, file: string, ctx: IngestContext): Promise<ExpectedCell[]> {
  const doc = await ingestBytes(bytes, file, ctx);
  const normalised = normalise(doc.text);
  const text = doc.textOrigin === 'ocr' ? restoreDiacritics(normalised, { mode: 'light' }).text : normalised;
  const out: ExpectedCell[] = [];
  for (const table of segment(text).tables) {
    for (const row of table.rows) {
      const label = row.label;
      if (!label) continue;
      row.cells.forEach((cell, k) => {
        if (cell === label || cell.text === '' || k === table.labelColumn) return;
        out.push({ label: label.text, path: table.columns[k]?.path ?? [], value: cell.text });
      });
    }
  }
  return out;
}

const ctx = createIngestContext({ workers: 1 });
const tally = new Map<string, { right: number; total: number; extra: number; seconds: number; tables: number }>();
const misses: string[] = [];
try {
  for (let n = FIRST; n < FIRST + 20; n++) {
    if (ONLY && !ONLY.has(n)) continue;
    const base = join(DIR, String(n).padStart(2, '0'));
    const expected = (JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as { cells: ExpectedCell[] }).cells;
    const split = n - FIRST < 10 ? 'tuned (1–10)' : 'held out (11–20)';
    for (const format of FORMATS) {
      const bytes = format === 'scan.pdf' ? imagePdf(await renderPages(readFileSync(`${base}.pdf`))) : new Uint8Array(readFileSync(`${base}.${format}`));
      const started = performance.now();
      const read = await cellsRead(bytes, `${base}.${format}`, ctx);
      const seconds = (performance.now() - started) / 1000;
      const free = new Map<string, number>();
      for (const c of read) free.set(key(c), (free.get(key(c)) ?? 0) + 1);
      let right = 0;
      for (const c of expected) {
        const k = key(c);
        if ((free.get(k) ?? 0) > 0) {
          free.set(k, free.get(k)! - 1);
          right++;
        } else if ((n <= 10 || FIRST > 20) && misses.length < 400) misses.push(`${base}.${format}: ${k}`);
      }
      const extra = [...free.values()].reduce((a, b) => a + b, 0);
      const t = tally.get(`${format}|${split}`) ?? { right: 0, total: 0, extra: 0, seconds: 0, tables: 0 };
      tally.set(`${format}|${split}`, { right: t.right + right, total: t.total + expected.length, extra: t.extra + extra, seconds: t.seconds + seconds, tables: t.tables + 1 });
    }
  }
} finally {
  await ctx.close();
}

console.log(`Cell accuracy (row label, header path and value all right), per format; scans read by the ${ctx.ocr.engine} OCR engine:\n`);
console.log('format          split              cells   right   accuracy   extra   s/table');
for (const format of FORMATS) {
  for (const split of ['tuned (1–10)', 'held out (11–20)']) {
    const t = tally.get(`${format}|${split}`);
    if (!t) continue;
    console.log(
      `${(NAMES[format] ?? format).padEnd(15)} ${split.padEnd(18)} ${String(t.total).padStart(5)}   ${String(t.right).padStart(5)}   ${((100 * t.right) / t.total).toFixed(1).padStart(7)} %   ${String(t.extra).padStart(5)}   ${(t.seconds / t.tables).toFixed(2).padStart(7)}`,
    );
  }
}
if (process.env.SHOW_TABLE_MISSES) console.log('\nMisses (tuning tables 1–10 only):\n' + misses.join('\n'));
