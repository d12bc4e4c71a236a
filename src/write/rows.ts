/**
 * The report JSON flattened into the analysts' tables: one row per document, figure, reference
 * and check, with the columns (name and SQL type) declared once here and used both to create
 * the tables and to fill them.
 */
import { headerKey } from '../identity/index.js';
import type { Provenance } from '../text/provenance.js';
import { relationOf } from '../review/relation.js';
import { fold } from '../vietnamese/letters.js';
import type { ReportJson } from './report.js';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]' | 'DOUBLE[]';
export type Cell = string | number | boolean | Date | string[] | number[] | null;

export interface TableSpec<R> {
  name: string;
  columns: readonly (readonly [string, SqlType])[];
  rows(report: ReportJson): R[][];
}

const date = (iso: string | null | undefined): Date | null => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Where a value came from, the same five columns in every table that holds values. */
const PROVENANCE_COLUMNS: readonly (readonly [string, SqlType])[] = [
  ['page', 'INTEGER'],
  ['line', 'INTEGER'],
  ['span_start', 'INTEGER'],
  ['span_end', 'INTEGER'],
  ['text', 'VARCHAR'],
];

function provenanceCells(p: Provenance): Cell[] {
  return [int(p.page), int(p.line), int(p.span.start), int(p.span.end), p.text];
}

export const documents: TableSpec<Cell> = {
  name: 'documents',
  columns: [
    ['sha256', 'VARCHAR'],
    ['path', 'VARCHAR'],
    ['format', 'VARCHAR'],
    ['bytes', 'INTEGER'],
    ['pages', 'INTEGER'],
    ['text_used', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['number', 'VARCHAR'],
    ['symbol', 'VARCHAR'],
    ['issuer', 'VARCHAR'],
    ['unit_level', 'VARCHAR'],
    ['unit_name', 'VARCHAR'],
    ['place', 'VARCHAR'],
    ['date_year', 'INTEGER'],
    ['date_month', 'INTEGER'],
    ['date_day', 'INTEGER'],
    ['title', 'VARCHAR'],
    ['period_from', 'DATE'],
    ['period_to', 'DATE'],
    ['period_text', 'VARCHAR'],
    ['signer', 'VARCHAR'],
    ['figures', 'INTEGER'],
    ['references', 'INTEGER'],
    ['checks', 'INTEGER'],
    ['warnings', 'INTEGER'],
    // the document this file is a copy of, and the paths of its other copies (set when the
    // tables are built: see duckdb.ts, groupDocuments)
    ['document_key', 'VARCHAR'],
    ['copies', 'VARCHAR[]'],
  ],
  rows: (r) => {
    const d = r.document;
    return [
      [
        r.source.sha256,
        r.source.path,
        r.source.format,
        int(r.source.bytes),
        int(r.source.pages),
        r.textUsed,
        d.kind,
        d.number,
        d.symbol,
        d.issuer,
        d.unit?.level ?? null,
        d.unit?.name ?? null,
        d.place,
        int(d.date?.year),
        int(d.date?.month),
        int(d.date?.day),
        d.title,
        date(r.period?.from),
        date(r.period?.to),
        r.period?.text ?? null,
        d.signer?.name ?? null,
        r.figures.length,
        r.references.length,
        r.checks.length,
        r.warnings.length,
        r.documentKey,
        [],
      ],
    ];
  },
};

export const figures: TableSpec<Cell> = {
  name: 'figures',
  columns: [
    ['sha256', 'VARCHAR'],
    ['id', 'VARCHAR'],
    ['seq', 'INTEGER'],
    ['kind', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['of', 'DOUBLE'],
    ['value_unit', 'VARCHAR'],
    ['comparator', 'VARCHAR'],
    ['subject', 'VARCHAR'],
    ['metric', 'VARCHAR'],
    ['role', 'VARCHAR'],
    ['period_from', 'DATE'],
    ['period_to', 'DATE'],
    ['period_text', 'VARCHAR'],
    ['parent', 'VARCHAR'],
    ['section', 'VARCHAR'],
    ['confidence', 'DOUBLE'],
    ...PROVENANCE_COLUMNS,
    ['checks', 'VARCHAR[]'],
    ['position', 'VARCHAR'],
    // a number read from a table cell: the table, the row's index, the column's header path; and
    // the administrative unit the row names (`Xã An Lão` in a city's annex), a part of the report's
    ['table_id', 'VARCHAR'],
    ['table_row', 'INTEGER'],
    ['table_column', 'VARCHAR[]'],
    ['subunit_level', 'VARCHAR'],
    ['subunit_name', 'VARCHAR'],
  ],
  rows: (r) => {
    const position = positions();
    return r.figures.map((f, seq) => {
      const period = f.period ?? r.period;
      return [
        r.source.sha256,
        f.id,
        seq,
        f.kind,
        num(f.value),
        num(f.of),
        f.unit,
        f.comparator ?? null,
        f.subject,
        f.metric,
        f.role,
        date(period?.from),
        date(period?.to),
        period?.text ?? null,
        f.parent,
        f.section,
        num(f.confidence),
        ...provenanceCells(f.provenance),
        (f.checks ?? []).map(String),
        position(figureKind(f)),
        f.cell?.table ?? null,
        int(f.cell?.row),
        f.cell ? f.cell.path.map(String) : null,
        f.subunit?.level ?? null,
        f.subunit?.name ?? null,
      ];
    });
  },
};

/** What a figure measures, as its position names it. */
const figureKind = (f: { metric: string | null; subject: string | null; role: string; kind: string }) =>
  `${f.metric ?? `subject ${fold(f.subject ?? '')}`} ${f.role} ${f.kind}`;
const referenceKind = (x: { key: string }) => `reference ${x.key}`;

/**
 * Each figure's and reference's position (the tables' `position` column), by its id: how the
 * review site shows a verdict given on one copy on the same value of the others.
 */
export function valuePositions(r: {
  figures: readonly { id: string; metric: string | null; subject: string | null; role: string; kind: string }[];
  references: readonly { id: string; key: string }[];
}): Map<string, string> {
  const out = new Map<string, string>();
  const figure = positions();
  for (const f of r.figures) out.set(f.id, figure(figureKind(f)));
  const reference = positions();
  for (const x of r.references) out.set(x.id, reference(referenceKind(x)));
  return out;
}

/**
 * A value's position in its document, the same in every copy (a DOCX and its scan): what it
 * measures (the metric, else the folded subject), its role and kind, and its rank among the
 * document's values alike (`online.rate actual percent #0`). QA verdicts follow a value from copy
 * to copy by it; spans and ids differ between copies.
 */
function positions(): (what: string) => string {
  const seen = new Map<string, number>();
  return (what) => {
    const n = seen.get(what) ?? 0;
    seen.set(what, n + 1);
    return `${what} #${n}`;
  };
}

export const references: TableSpec<Cell> = {
  name: 'references',
  columns: [
    ['sha256', 'VARCHAR'],
    ['id', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['number', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['symbol', 'VARCHAR'],
    ['type_code', 'VARCHAR'],
    ['issuer_code', 'VARCHAR'],
    ['issuer', 'VARCHAR'],
    ['date', 'DATE'],
    ['key', 'VARCHAR'],
    ['confidence', 'DOUBLE'],
    ...PROVENANCE_COLUMNS,
    ['position', 'VARCHAR'],
  ],
  rows: (r) => {
    const position = positions();
    return r.references.map((x) => [
      r.source.sha256,
      x.id,
      x.kind,
      x.number,
      int(x.year),
      x.symbol,
      x.typeCode,
      x.issuerCode,
      x.issuer,
      date(x.date),
      x.key,
      num(x.confidence),
      ...provenanceCells(x.provenance),
      position(referenceKind(x)),
    ]);
  },
};

/** Checks come from the validate stage; read field by field so a new field never breaks the table. */
export const checks: TableSpec<Cell> = {
  name: 'checks',
  columns: [
    ['sha256', 'VARCHAR'],
    ['id', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['figures', 'VARCHAR[]'],
    ['expected', 'DOUBLE'],
    ['actual', 'DOUBLE'],
    ['tolerance', 'DOUBLE'],
    ['holds', 'BOOLEAN'],
    ['json', 'VARCHAR'],
    // what the check compares (src/review/relation.ts), so that the tables re-evaluate it with QA's
    // corrected values (the `checks_reviewed` view): its test (`equal`, `at_most`, `rank`; null
    // when the relation is not known), the constant of its expected side, and its terms as four
    // lists of one length (figure id, `value` or `of`, side, coefficient)
    ['relation', 'VARCHAR'],
    ['percent', 'BOOLEAN'],
    ['constant', 'DOUBLE'],
    ['term_figures', 'VARCHAR[]'],
    ['term_fields', 'VARCHAR[]'],
    ['term_parts', 'VARCHAR[]'],
    ['term_coefficients', 'DOUBLE[]'],
  ],
  rows: (r) => {
    const byId = new Map(r.figures.map((f) => [f.id, f]));
    return r.checks.map((raw) => {
      const c = (raw ?? {}) as Record<string, unknown>;
      const relation = Array.isArray(c.figures) && typeof c.expected === 'number' && typeof c.actual === 'number'
        ? relationOf({ kind: String(c.kind), figures: c.figures.map(String), expected: c.expected, actual: c.actual }, byId)
        : null;
      const terms = relation?.terms ?? [];
      return [
        r.source.sha256,
        String(c.id ?? ''),
        str(c.kind),
        Array.isArray(c.figures) ? c.figures.map(String) : [],
        num(c.expected),
        num(c.actual),
        num(c.tolerance),
        typeof c.holds === 'boolean' ? c.holds : null,
        JSON.stringify(raw),
        relation?.test ?? null,
        relation?.percent ?? null,
        relation?.constant ?? null,
        terms.map((x) => x.figure),
        terms.map((x) => x.field),
        terms.map((x) => x.part),
        terms.map((x) => x.coefficient),
      ];
    });
  },
};

/**
 * What groups copies into documents when the tables are built (duckdb.ts), dropped once it has:
 * the header key, whether the text came from OCR, the figures' mean confidence, the fingerprint.
 */
export const fingerprints: TableSpec<Cell> = {
  name: 'fingerprints',
  columns: [
    ['sha256', 'VARCHAR'],
    ['header_key', 'VARCHAR'],
    ['ocr', 'BOOLEAN'],
    ['confidence', 'DOUBLE'],
    ['text_sample', 'VARCHAR'],
    ['number_sample', 'VARCHAR'],
    ['date_sample', 'VARCHAR'],
  ],
  rows: (r) => {
    const confidences = r.figures.map((f) => f.confidence).filter((c) => typeof c === 'number');
    return [
      [
        r.source.sha256,
        headerKey(r.document),
        r.source.encoding === 'ocr' || r.source.format === 'image',
        confidences.length > 0 ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null,
        r.fingerprint.text,
        r.fingerprint.numbers,
        r.fingerprint.dates,
      ],
    ];
  },
};

export const TABLES = [documents, figures, references, checks, fingerprints] as const;

/**
 * A report's rows for every table as one JSON line, `{"documents": [{column: value, …}], …}`
 * (dates as YYYY-MM-DD), the form DuckDB's reader loads (see duckdb.ts). The batch workers write
 * it beside each report, so building the tables never parses the reports again.
 */
export function tableRowsJson(report: ReportJson): string {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    out[table.name] = table.rows(report).map((row) => {
      const o: Record<string, unknown> = {};
      table.columns.forEach(([name], i) => {
        const v = row[i];
        o[name] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      });
      return o;
    });
  }
  return `${JSON.stringify(out)}\n`;
}
