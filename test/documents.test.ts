/**
 * One document however many copies: `baocao run` over every fixture (the five seeds and their
 * DOCX, ODT, PDF, scanned, one-page, legacy-encoding and spreadsheet copies), then the tables,
 * the README's queries, QA verdicts given on one copy, and the outputs beside the tables (Parquet,
 * the metric catalog, Markdown, compact reports).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentPath } from '../src/review/index-page.js';
import { writeSite } from '../src/review/site.js';
import { metricCatalog } from '../src/write/catalog.js';
import { queryRows, withDatabase } from '../src/write/duckdb.js';
import { figures as figureRows } from '../src/write/rows.js';
import type { ReportJson } from '../src/write/report.js';
import { schemaErrors } from '../src/write/schema.js';
import { baocao, readJson, ROOT } from './helpers.js';

const S000 = '000_df22d471c82bd4e0';
const S003 = '003_4b7321f46e9814a7';

/** The SQL blocks of the README (its three analyst queries). */
const README_QUERIES = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** A CSV file's records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

describe('baocao run over every copy of the fixtures', () => {
  const input = mkdtempSync(join(tmpdir(), 'baocao-docs-in-'));
  const out = mkdtempSync(join(tmpdir(), 'baocao-docs-out-'));
  const sql = async (q: string) => withDatabase(join(out, 'baocao.duckdb'), async (db) => (await queryRows(db, q)).rows);
  const report = (path: string): ReportJson => readJson(join(out, `${path}.json`));

  beforeAll(() => {
    cpSync(join(ROOT, 'fixtures'), input, { recursive: true });
    const r = baocao(['run', input, '--out', out, '--jobs', '2', '--text']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 600_000);

  it('groups the 27 distinct files into 6 documents, the text copy first, OCR and parts last', async () => {
    const copies = await sql('SELECT document_key, path, chosen, "rank" FROM copies ORDER BY document_key, "rank"');
    const byDocument = new Map<string, string[]>();
    for (const c of copies) byDocument.set(String(c.document_key), [...(byDocument.get(String(c.document_key)) ?? []), String(c.path)]);
    expect([...byDocument.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual([
      [
        `${S000}.txt`,
        `formats/${S000}.cp1258.txt`,
        `formats/${S000}.doc`,
        `formats/${S000}.docx`,
        `formats/${S000}.odt`,
        `formats/${S000}.pdf`,
        `formats/${S000}.rtf`,
        `formats/${S000}.tcvn3.doc`,
        `formats/${S000}.tcvn3.docx`,
        `formats/${S000}.tcvn3.odt`,
        `formats/${S000}.tcvn3.txt`,
        `formats/${S000}.viqr.txt`,
        `formats/${S000}.vni.txt`,
        `formats/${S000}.scan.pdf`,
        `formats/${S000}.mixed.pdf`,
        `formats/${S000}.page4.png`,
      ],
      ['001_226b3a6e67be8d17.txt'],
      // the annex as spreadsheets: parts of the plan (its Phụ lục I only), after its text
      [
        '002_6f7bb062664898b6.txt',
        'formats/002_6f7bb062664898b6.table.ods',
        'formats/002_6f7bb062664898b6.table.tcvn3.xls',
        'formats/002_6f7bb062664898b6.table.xls',
        'formats/002_6f7bb062664898b6.table.xlsx',
      ],
      // pdf-named.docx has the bytes of the .pdf: one file by content hash
      [`${S003}.txt`, `formats/${S003}.doc`, `formats/${S003}.docx`, `formats/${S003}.odt`, `formats/${S003}.pdf`, `formats/${S003}.rtf`],
      ['004_0ecefb93d6d43162.txt'],
      // the city's report with a per-commune annex (scripts/make-annex-fixture.ts): two copies as
      // good as each other, the first by path kept
      ['annex/hai-phong-tthc-quy-1-2026.docx', 'annex/hai-phong-tthc-quy-1-2026.txt'],
    ]);
    // seed 004 prints its number and full date: its key is its header's
    expect(byDocument.has('BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai')).toBe(true);
    expect(await sql(`SELECT path, len(copies)::INTEGER AS copies FROM documents ORDER BY path`)).toEqual([
      { path: `${S000}.txt`, copies: 15 },
      { path: '001_226b3a6e67be8d17.txt', copies: 0 },
      { path: '002_6f7bb062664898b6.txt', copies: 4 },
      { path: `${S003}.txt`, copies: 5 },
      { path: '004_0ecefb93d6d43162.txt', copies: 0 },
      { path: 'annex/hai-phong-tthc-quy-1-2026.docx', copies: 1 },
    ]);
    // each report states the key of its own copy; the scan lost its issuer, so its key is its fingerprint's
    expect(report(`formats/${S000}.scan.pdf`).documentKey).toMatch(/^text:[0-9a-f]{16}$/);
  });

  it("gives each OCR'd page of the scan its model and confidence: the fast model, sure enough not to warn", () => {
    const scan = report(`formats/${S000}.scan.pdf`);
    expect(scan.source.ocr!.map((p) => [p.page, p.model])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, 'fast']));
    expect(scan.source.ocr!.filter((p) => p.confidence === null || p.confidence < 0.9)).toEqual([]);
    expect(scan.warnings.filter((w) => w.includes('OCR confidence'))).toEqual([]);
  });

  it('keeps only the chosen copies’ rows in figures, references and checks', async () => {
    expect(await sql('SELECT count(DISTINCT sha256)::INTEGER AS n FROM figures')).toEqual([{ n: 6 }]);
    const chosen = await sql('SELECT count(*)::INTEGER AS n FROM figures f JOIN copies c USING (sha256) WHERE NOT c.chosen');
    expect(chosen).toEqual([{ n: 0 }]);
  });

  it('answers the README queries counting each document once', async () => {
    expect(README_QUERIES).toHaveLength(3);
    const [rate, failed, cited] = await Promise.all(README_QUERIES.map((q) => sql(q)));
    expect(rate).toEqual([
      { unit_level: 'đặc khu', unit_name: 'Cát Hải', month: '2025-09', online_rate_percent: 94.38 },
      { unit_level: 'đặc khu', unit_name: 'Cát Hải', month: '2026-04', online_rate_percent: 93.93 },
      { unit_level: 'thành phố', unit_name: 'Hải Phòng', month: '2026-03', online_rate_percent: 99.86 },
      { unit_level: 'phường', unit_name: 'Thạch Khôi', month: '2026-02', online_rate_percent: 100 },
    ]);
    // seed 000 once (it was listed seven times, once per copy with failed checks)
    expect(failed!.map((r) => [r.path, Number(r.failed_checks)])).toEqual([
      [`${S000}.txt`, 3],
      [`${S003}.txt`, 2],
      ['annex/hai-phong-tthc-quy-1-2026.docx', 1],
    ]);
    // Công văn 137 is cited by 2 reports (it was 12: every copy counted)
    expect(cited!.map((r) => [r.key, Number(r.reports)])).toEqual([
      ['Nghị quyết|66|2025|NQ-CP', 3],
      ['Nghị định|118|2025|NĐ-CP', 3],
      ['Công văn|137|2026|UBND-TTPVHCC', 2],
      ['Công văn|321|2026|UBND-TTPVHCC', 2],
      ['Nghị quyết|66.7|2025|NQ-CP', 2],
      ['Thông tư|02|2017|TT-VPCP', 2],
      ['Đề án|06||CP', 2],
    ]);
  });

  describe('a QA verdict given on one copy', () => {
    const onlineRate = `SELECT value, review, source_file FROM metrics WHERE unit_name = 'Cát Hải' AND period_to = DATE '2026-04-14' AND metric = 'online.rate' AND role = 'actual'`;
    /** The figure of a copy's report at the position of the 93,93 % of seed 000's text. */
    const atPosition = (path: string) => {
      const txt = report(`${S000}.txt`);
      const column = figureRows.columns.findIndex(([name]) => name === 'position');
      const position = (r: ReportJson, id: string) => figureRows.rows(r)[r.figures.findIndex((f) => f.id === id)]![column];
      const target = position(txt, txt.figures.find((f) => f.value === 93.93 && f.metric === 'online.rate')!.id);
      const copy = report(path);
      const figure = copy.figures.find((f) => position(copy, f.id) === target)!;
      return { copy, figure, position: target };
    };
    const mark = (path: string, verdict: 'confirmed' | 'wrong', time: string) => {
      const { copy, figure } = atPosition(path);
      const p = figure.provenance;
      return { time, file: copy.source.path, sha256: copy.source.sha256, id: figure.id, target: 'figure', verdict, span: p.span, line: p.line, text: p.text };
    };

    it('shows in metrics on the row taken from another copy (confirmed on the DOCX, row from the .txt)', async () => {
      expect(await sql(onlineRate)).toEqual([{ value: 93.93, review: null, source_file: `${S000}.txt` }]);
      writeFileSync(join(out, 'review.jsonl'), `${JSON.stringify(mark(`formats/${S000}.docx`, 'confirmed', '2026-12-01T10:00:00.000Z'))}\n`);
      expect(baocao(['run', input, '--out', out, '--jobs', '2', '--text']).code).toBe(0);
      expect(await sql(onlineRate)).toEqual([{ value: 93.93, review: 'confirmed', source_file: `${S000}.txt` }]);
    });

    it('follows the value into an OCR copy: wrong on the scan, later, takes the value out of the pick', async () => {
      const { figure, position } = atPosition(`formats/${S000}.scan.pdf`);
      expect(figure.value).toBe(93.93);
      appendFileSync(join(out, 'review.jsonl'), `${JSON.stringify(mark(`formats/${S000}.scan.pdf`, 'wrong', '2026-12-01T11:00:00.000Z'))}\n`);
      expect(baocao(['run', input, '--out', out, '--jobs', '2', '--text']).code).toBe(0);
      const [row] = await sql(onlineRate);
      expect(row!.value).not.toBe(93.93);
      expect(await sql(`SELECT r.position, r.verdict, c.path FROM reviews r JOIN copies c USING (sha256)`)).toEqual([
        { position, verdict: 'wrong', path: `formats/${S000}.scan.pdf` },
      ]);
    });

    it('shows on the same value in the review site page of every copy, naming the copy it was given on', async () => {
      await writeSite(out);
      const embedded = (path: string) => {
        const html = readFileSync(join(out, 'review', documentPath(`${path}.json`)), 'utf8');
        return JSON.parse(/<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html)![1]!).marks as {
          id: string;
          verdict: string;
          note?: string;
          span: { start: number; end: number };
        }[];
      };
      // the later verdict (wrong, on the scan) wins on every copy, at that copy's own value and span
      for (const path of [`${S000}.txt`, `formats/${S000}.docx`]) {
        const { figure } = atPosition(path);
        expect(embedded(path), path).toEqual([
          expect.objectContaining({ id: figure.id, verdict: 'wrong', span: figure.provenance.span, note: `given on formats/${S000}.scan.pdf` }),
        ]);
      }
      expect(embedded(`formats/${S000}.scan.pdf`)).toEqual([expect.objectContaining({ verdict: 'wrong' })]);
      expect(embedded(`formats/${S000}.scan.pdf`)[0]!.note).toBeUndefined();
      // another document's page shows none
      expect(embedded(`${S003}.txt`)).toEqual([]);
    });
  });

  it('writes metrics.parquet with the rows of metrics.csv', async () => {
    const csv = parseCsv(readFileSync(join(out, 'metrics.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const parquet = await queryRows(db, `SELECT * FROM read_parquet('${join(out, 'metrics.parquet')}')`);
    db.closeSync();
    instance.closeSync();
    expect(parquet.columns).toEqual(csv[0]);
    const asCsv = (v: unknown) => (v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v));
    expect(parquet.rows.map((r) => parquet.columns.map((c) => asCsv(r[c])))).toEqual(csv.slice(1));
    expect(csv.length - 1).toBe(Number((await sql('SELECT count(*) AS n FROM metrics'))[0]!.n));
    expect(csv.length).toBeGreaterThan(100);
  });

  it('names the figure’s unit value_unit in metrics.csv, apart from the reporting unit’s level and name', () => {
    const header = parseCsv(readFileSync(join(out, 'metrics.csv'), 'utf8').replace(/^\uFEFF/, ''))[0]!;
    expect(header.filter((c) => /unit/.test(c))).toEqual(['unit_level', 'unit_name', 'parent_unit_level', 'parent_unit_name', 'value_unit']);
  });

  it('writes the metric catalog as a table and a CSV: id, Vietnamese label, English gloss, unit', async () => {
    const csv = parseCsv(readFileSync(join(out, 'metric_catalog.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['id', 'label_vi', 'gloss_en', 'unit']);
    expect(csv.find((r) => r[0] === 'online.rate')).toEqual(['online.rate', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến', 'share of applications received online', '%']);
    expect(csv.find((r) => r[0] === 'applications.received')).toEqual([
      'applications.received',
      'Số hồ sơ tiếp nhận (kỳ trước chuyển sang và mới tiếp nhận)',
      'applications received (new and carried over)',
      'hồ sơ',
    ]);
    expect(await sql(`SELECT * FROM metric_catalog WHERE id = 'feedback.received'`)).toEqual([
      { id: 'feedback.received', label_vi: 'Số phản ánh, kiến nghị tiếp nhận', gloss_en: 'feedback received', unit: 'PAKN' },
    ]);
    // every metric the tables hold is in the catalog, with a label
    const missing = await sql('SELECT DISTINCT m.metric FROM metrics m LEFT JOIN metric_catalog c ON c.id = m.metric WHERE c.label_vi IS NULL');
    expect(missing).toEqual([]);
    expect(csv.length - 1).toBe(metricCatalog().length);
  });

  it('writes each document’s restored text as Markdown beside its report: headings from the sections, tables as tables', () => {
    const md = readFileSync(join(out, '002_6f7bb062664898b6.txt.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^# KẾ HOẠCH|^# Cải cách hành chính|^# /);
    const table = lines.indexOf('| STT | Chỉ tiêu | Đơn vị tính | Kết quả | Cơ quan chịu trách nhiệm theo dõi, đánh giá |');
    expect(table).toBeGreaterThan(0);
    expect(lines.slice(table + 1, table + 4)).toEqual([
      '| --- | --- | --- | --- | --- |',
      '| I | Giai đoạn 2026 - 2027 |  |  |  |',
      '| 1 | Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp | % | 95 | Trung tâm Phục vụ hành chính công |',
    ]);
    const md000 = readFileSync(join(out, `${S000}.txt.md`), 'utf8').split('\n');
    expect(md000.filter((l) => l.startsWith('#')).slice(0, 4)).toEqual([
      '# Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 4 năm 2026 và nhiệm vụ trọng tâm tháng 5 năm 2026',
      '## I. KẾT QUẢ THỰC HIỆN',
      '### 1. Công tác chỉ đạo, điều hành',
      '#### 1.1. Ủy ban nhân dân đặc khu chỉ đạo các cơ quan, đơn vị nghiêm túc thực hiện ý kiến chỉ đạo của Ủy ban nhân dân thành phố tại các văn bản:',
    ]);
    // the scan's Markdown too: every report has one
    expect(statSync(join(out, `formats/${S000}.scan.pdf.md`)).size).toBeGreaterThan(10_000);
  });
});

describe('baocao run --format compact', () => {
  it('writes seed 004’s report in at most a fifth of the full size, schema-valid, with the same values', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-compact-in-'));
    const seed = '004_0ecefb93d6d43162.txt';
    cpSync(join(ROOT, 'fixtures', seed), join(input, seed));
    const [full, compact] = ['full', 'compact'].map((format) => {
      const out = mkdtempSync(join(tmpdir(), `baocao-${format}-`));
      expect(baocao(['run', input, '--out', out, '--format', format]).code).toBe(0);
      return { bytes: statSync(join(out, `${seed}.json`)).size, report: readJson(join(out, `${seed}.json`)) };
    });
    expect(compact!.bytes).toBeLessThanOrEqual(full!.bytes / 5);
    expect(schemaErrors(compact!.report)).toBeNull();
    expect(Object.keys(compact!.report).filter((k) => !(k in full!.report))).toEqual(['detail']);
    expect(Object.keys(full!.report).filter((k) => !(k in compact!.report))).toEqual(['text', 'originalText']);
    expect(compact!.report.detail).toBe('compact');
    expect(compact!.report.restoration).toEqual({ damage: full!.report.restoration.damage, lowConfidence: full!.report.restoration.lowConfidence });
    expect(compact!.report.figures).toEqual(full!.report.figures);
    expect(compact!.report.documentKey).toBe('BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai');
  });
});
