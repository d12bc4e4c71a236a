/**
 * One annex table (scripts/make-table-fixtures.ts: a two-level header with merged cells, a
 * numbering row, twelve communes and a total row, across a page break in the PDFs) read from
 * every format: the same rows, header paths and cell values, and every cell's span pointing at
 * its own characters in the file's text (and, in PDFs, at boxes on the right page). The scan (the
 * ruled PDF's pages as 300-dpi JPEGs) is OCR'd, its table read from the grid in its images.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createIngestContext, ingestFile } from '../src/ingest/index.js';
import { normalise } from '../src/normalise/index.js';
import { segment } from '../src/segment/index.js';
import { provenanceOf } from '../src/text/provenance.js';

const expected = JSON.parse(readFileSync('test/data/tables/annex.expected.json', 'utf8')) as {
  spec: { rows: string[][]; width: number };
  paths: string[][];
};

const read = async (format: string) => {
  const doc = await ingestFile(`test/data/tables/annex.${format}`);
  const text = normalise(doc.text);
  const tables = segment(text).tables.filter((t) => t.rows.length > 0);
  return { doc, text, tables };
};

const pad = (cells: string[], width: number) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];

describe.each(['md', 'docx', 'pdf', 'unruled.pdf'])('the annex table from annex.%s', (format) => {
  it('has the caption, the header paths of the merged header, the rows and their labels', async () => {
    const { tables } = await read(format);
    expect(tables).toHaveLength(1); // in the PDFs, one table across the page break
    const [t] = tables;
    expect(t!.title).toBe('Phụ lục I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CÁC XÃ, PHƯỜNG QUÝ I NĂM 2026 — (Đơn vị tính: hồ sơ)');
    expect(t!.columns.map((c) => c.path)).toEqual(expected.paths);
    expect(t!.columns[2]!.path).toEqual(['Số hồ sơ tiếp nhận', 'Trực tuyến']);
    expect(t!.rows.map((r) => pad(r.cells.map((c) => c.text), expected.spec.width))).toEqual(expected.spec.rows);
    expect(t!.rows.map((r) => r.label?.text)).toEqual(expected.spec.rows.map((r) => (r[1] || r[0])!));
    expect(t!.headerRows!.at(-1)!.cells.map((c) => c.text)).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  });

  it('points every cell at its characters', async () => {
    const { doc, text, tables } = await read(format);
    const pages = new Set<number>();
    for (const row of tables[0]!.rows) {
      for (const cell of row.cells) {
        if (!cell.text) continue;
        const p = provenanceOf(doc, text, cell.span);
        expect(p.text.replace(/\*\*/g, '')).toBe(cell.text); // Markdown's `**Tổng cộng**`: emphasis is no text
        if (format.endsWith('pdf')) {
          expect(p.boxes!.length).toBeGreaterThan(0);
          expect(p.boxes!.every((b) => b.page === p.page)).toBe(true);
          pages.add(p.page!);
        }
        if (format === 'docx') {
          const at = doc.locations!.find((l) => l.start <= p.span.start && p.span.start < l.end);
          expect(at!.path).toMatch(/^\/body\/tbl\[1\]\/tr\[\d+\]\/tc\[\d+\]\/p\[1\]\/r\[1\]$/);
        }
      }
    }
    if (format.endsWith('pdf')) expect([...pages]).toEqual([1, 2]);
  });
});

describe('the annex table from annex.scan.pdf (OCR, the grid found in the page images)', () => {
  const ctx = createIngestContext({ workers: 2 });
  afterAll(() => ctx.close());
  // one OCR of the two pages (some 15 s on two cores) for both tests
  let reading: Promise<{ doc: Awaited<ReturnType<typeof ingestFile>>; text: ReturnType<typeof normalise>; tables: ReturnType<typeof segment>['tables'] }> | null = null;
  const scan = () =>
    (reading ??= (async () => {
      const doc = await ingestFile('test/data/tables/annex.scan.pdf', ctx);
      const text = normalise(doc.text);
      return { doc, text, tables: segment(text).tables.filter((t) => t.rows.length > 0) };
    })());

  it('has the same header paths, rows, labels and numbering row as the DOCX and the PDFs', async () => {
    const { doc, tables } = await scan();
    expect(doc.textOrigin).toBe('ocr');
    expect(tables).toHaveLength(1); // one table across the page break, its repeated header dropped
    const [t] = tables;
    expect(t!.columns.map((c) => c.path)).toEqual(expected.paths);
    expect(t!.rows.map((r) => pad(r.cells.map((c) => c.text), expected.spec.width))).toEqual(expected.spec.rows);
    expect(t!.rows.map((r) => r.label?.text)).toEqual(expected.spec.rows.map((r) => (r[1] || r[0])!));
    expect(t!.headerRows!.at(-1)!.cells.map((c) => c.text)).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  });

  it('points every cell at its characters and at word boxes on its page', async () => {
    const { doc, text, tables } = await scan();
    const pages = new Set<number>();
    for (const row of tables[0]!.rows) {
      for (const cell of row.cells) {
        if (!cell.text) continue;
        const p = provenanceOf(doc, text, cell.span);
        expect(p.text).toBe(cell.text);
        expect(p.boxes!.length).toBeGreaterThan(0);
        expect(p.boxes!.every((b) => b.page === p.page)).toBe(true);
        pages.add(p.page!);
      }
    }
    expect([...pages]).toEqual([1, 2]);
  });
});
