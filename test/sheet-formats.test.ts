/**
 * Seed 002's first annex (Phụ lục I, indicator targets) as spreadsheets: the figures read from
 * each equal those read from the same table in the seed's text, and each points at its cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/report.js';
import { ingestFile } from '../src/ingest/index.js';
import type { SourceDocument } from '../src/ingest/types.js';
import type { ReportJson } from '../src/write/report.js';
import { schemaErrors } from '../src/write/schema.js';

const SEED = 'fixtures/002_6f7bb062664898b6.txt';
const SHEETS = ['xlsx', 'xls', 'ods', 'tcvn3.xls'].map((f) => `fixtures/formats/002_6f7bb062664898b6.table.${f}`);

interface Figure {
  kind: string;
  value: number;
  unit: string | null;
  comparator: string | null;
  subject: string | null;
  metric: string | null;
  role: string;
  period: unknown;
  responsible?: string | null;
  provenance: { span: { start: number; end: number }; text: string; line: number };
}

/** What a figure says, without where it was read. */
const said = (f: Figure) => ({
  kind: f.kind,
  value: f.value,
  unit: f.unit,
  comparator: f.comparator,
  subject: f.subject,
  metric: f.metric,
  role: f.role,
  period: f.period,
  responsible: f.responsible ?? null,
});

describe('seed 002 Phụ lục I from .txt, .xlsx, .xls, .ods and TCVN3 .xls', () => {
  const reports: Record<string, ReportJson> = {};
  const docs: Record<string, SourceDocument> = {};
  const figures = (f: string) => (reports[f] as unknown as { figures: Figure[] }).figures;
  beforeAll(async () => {
    for (const f of [SEED, ...SHEETS]) reports[f] = await processFile(f);
    for (const f of SHEETS) docs[f] = await ingestFile(f);
  });

  // the table's rows in the seed: its caption on line 270, its last row on line 299
  const seedTable = () => figures(SEED).filter((f) => f.provenance.line >= 270 && f.provenance.line <= 299);

  it('reads the 19 indicator targets of the seed table', () => {
    expect(seedTable().map((f) => `${f.comparator ?? ''}${f.value}${f.unit}`)).toEqual([
      '95%', '90%', '80%', '100%', '80%', '100%', '100%', '90%', '100%', '100%',
      '≥95%', '≥90%', '≥80%', '100%', '≥80%', '100%', '100%', '≥90%', '70%',
    ]);
    expect(said(seedTable()[0]!)).toEqual({
      kind: 'percent',
      value: 95,
      unit: '%',
      comparator: null,
      subject: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp',
      metric: 'satisfaction.rate',
      role: 'target',
      period: { from: '2026-01-01', to: '2027-12-31', text: 'Giai đoạn 2026 - 2027' },
      responsible: 'Trung tâm Phục vụ hành chính công',
    });
  });

  it.each(SHEETS)('%s gives the same figures: values, units, subjects, metrics, roles, periods', (f) => {
    expect(schemaErrors(reports[f])).toBeNull();
    expect(figures(f).map(said)).toEqual(seedTable().map(said));
  });

  it.each(SHEETS)('%s: every figure names its cell of the result column in its provenance', (f) => {
    const p = figures(f).map((fig) => fig.provenance as Figure['provenance'] & { cell?: string; displayed?: string });
    expect(p.map((x) => x.cell)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `'Phụ lục I'!D${i + 5}`),
      ...Array.from({ length: 9 }, (_, i) => `'Phụ lục I'!D${i + 16}`),
    ]);
    // LibreOffice displays the percentages as stored: nothing differs to keep
    expect(p.filter((x) => x.displayed !== undefined)).toEqual([]);
  });

  it.each(SHEETS)('%s: every figure points at its cell of the result column', (f) => {
    const doc = docs[f]!;
    const cells = figures(f).map((fig) => {
      const loc = doc.locations!.find((l) => l.start <= fig.provenance.span.start && fig.provenance.span.end <= l.end)!;
      expect(doc.text.original.slice(fig.provenance.span.start, fig.provenance.span.end)).toBe(fig.provenance.text);
      return `${loc.path} ${fig.provenance.text}`;
    });
    // rows 5–14 (2026–2027), then 16–24 (2028–2030) after the group row `II. Giai đoạn 2028 - 2030`
    expect(cells).toEqual([
      ...['95%', '90%', '80%', '100%', '80%', '100%', '100%', '90%', '100%', '100%'].map((t, i) => `'Phụ lục I'!D${i + 5} ${t}`),
      ...['≥ 95', '≥ 90', '≥ 80', '100%', '≥ 80', '100%', '100%', '≥ 90', '70%'].map((t, i) => `'Phụ lục I'!D${i + 16} ${t}`),
    ]);
  });
});
