/**
 * The DuckDB database of a batch: tables `documents`, `figures`, `references`, `checks` (see
 * rows.ts), `copies`, `reviews`, `metric_catalog`, the view `checks_reviewed` (the checks with QA's
 * corrected values) and the view `metrics`, one row per (reporting unit, period, metric, role).
 *
 * A document counts once however many copies of it the inputs hold (the DOCX, the PDF, the scan):
 * `copies` lists every file with the document it is a copy of (src/identity), and `documents`,
 * `figures`, `references` and `checks` keep the rows of one copy per document, the best: a text
 * layer or DOCX before OCR, a whole copy before a part, then the more confident figures.
 *
 * The file is built under a temporary name and renamed into place, so a kill leaves the previous
 * database or the new one. Rows are appended in a fixed order; the bytes of the file may still
 * differ between runs (DuckDB's layout), the rows do not.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { rename, rm, stat } from 'node:fs/promises';
import { latestMarks, type ReviewMark } from '../review/marks.js';
import { CopyGrouping, decodeFingerprint, identityFields, type CopyFacts, type Sketch } from '../identity/index.js';
import type { DocumentHeader } from '../segment/types.js';
import { metricCatalog } from './catalog.js';
import { TABLES, type Cell, type TableSpec } from './rows.js';

export const DATABASE_FILE = 'baocao.duckdb';

/**
 * One row per (unit, period, metric, role). A report often states the same metric more than once
 * (a total, then per field; a table repeating the prose): the row kept is one QA has not marked
 * wrong, then an exact value over a bound (`comparator`: `tối thiểu 30%` is `≥ 30`), then the
 * top-level figure (no `parent`), then the most confident, then the one in the first document by
 * path, then the first in that document. `candidates` says how many figures
 * competed, so nothing is hidden.
 * A document without a recognised unit is its own unit (never merged with another unknown one).
 * A figure of a table row naming a sub-unit (`Xã An Lão` in a city's per-commune annex) is that
 * unit's, with the report's unit in `parent_unit_level`, `parent_unit_name` (null for the
 * report's own figures); the unit's own report, where there is one, is preferred to the annex row.
 * `check_status`: `fail` if any check on the figure fails, `pass` if all hold, null if unchecked.
 */
const METRICS_VIEW = `
CREATE VIEW metrics AS
WITH candidates AS (
  SELECT f.sha256, f.id, f.period_from, f.period_to, f.metric, f.role,
         coalesce(f.subunit_level || ' ' || f.subunit_name, d.unit_level || ' ' || d.unit_name, 'document ' || f.sha256) AS unit_key,
         -- the order of preference, least first: not marked wrong, an exact value (not a bound),
         -- the unit's own report (not a row of another's table), top level, most confident (an
         -- unknown confidence last), first document by path, first in the document
         {'wrong': coalesce(r.verdict = 'wrong', false), 'bound': f.comparator IS NOT NULL, 'annex': f.subunit_name IS NOT NULL,
          'nested': f.parent IS NOT NULL,
          'confidence': coalesce(-f.confidence, 'infinity'::DOUBLE), 'path': d.path, 'seq': f.seq} AS preference
  FROM figures f
  JOIN documents d ON d.sha256 = f.sha256
  LEFT JOIN reviews r ON r.document_key = d.document_key AND r.position = f.position
  WHERE f.metric IS NOT NULL
), picked AS (
  -- one small state per row of the view (an aggregate), not a sort of every candidate figure
  -- (a window): over 10 000 reports the sort needed more than the build's 64 MB
  SELECT arg_min({'sha256': sha256, 'id': id}, preference) AS pick, CAST(count(*) AS INTEGER) AS candidates
  FROM candidates
  GROUP BY unit_key, period_from, period_to, metric, role
), k AS (
  SELECT pick.sha256 AS sha256, pick.id AS id, candidates FROM picked
), figure_checks AS (
  -- one row per (picked figure, check id it lists), or one with a null id: an equality join
  -- below, not a list search over every check of the document
  SELECT f.sha256, f.id, unnest(CASE WHEN len(f.checks) > 0 THEN f.checks ELSE [NULL] END) AS check_id
  FROM k JOIN figures f ON f.sha256 = k.sha256 AND f.id = k.id
), status AS (
  -- the checks as re-evaluated with QA's corrected values (checks_reviewed)
  SELECT f.sha256, f.id,
         CASE WHEN count(c.id) = 0 THEN NULL WHEN bool_and(coalesce(c.holds, false)) THEN 'pass' ELSE 'fail' END AS check_status
  FROM figure_checks f LEFT JOIN checks_reviewed c ON c.sha256 = f.sha256 AND c.id = f.check_id
  GROUP BY f.sha256, f.id
)
SELECT CASE WHEN f.subunit_name IS NULL THEN d.unit_level ELSE f.subunit_level END AS unit_level,
       CASE WHEN f.subunit_name IS NULL THEN d.unit_name ELSE f.subunit_name END AS unit_name,
       CASE WHEN f.subunit_name IS NOT NULL THEN d.unit_level END AS parent_unit_level,
       CASE WHEN f.subunit_name IS NOT NULL THEN d.unit_name END AS parent_unit_name,
       f.period_from, f.period_to, f.period_text, f.metric, f.role, f.comparator,
       -- a value QA corrected is the corrected one; value_read is the value as read from the document
       coalesce(r.corrected_value, f.value) AS value, f.value AS value_read, f.of, f.value_unit,
       f.subject, d.path AS source_file, f.sha256, f.id AS figure_id, f.page, f.line, f.span_start, f.span_end, f.text,
       f.confidence, s.check_status, r.verdict AS review, k.candidates, d.document_key
FROM k
JOIN figures f ON f.sha256 = k.sha256 AND f.id = k.id
JOIN documents d ON d.sha256 = f.sha256
JOIN status s ON s.sha256 = f.sha256 AND s.id = f.id
LEFT JOIN reviews r ON r.document_key = d.document_key AND r.position = f.position`;

/**
 * Every check with QA's corrections applied: a check that uses a figure QA corrected (`reviews`,
 * verdict `corrected`) is computed again from its relation (the `relation`, `percent`, `constant`
 * and `term_*` columns of `checks`, src/review/relation.ts) with the corrected values in place of
 * the values read, and its own tolerance; every other check is as the report states it.
 * `expected_read`, `actual_read` and `holds_read` are the report's; `corrected` lists the figures
 * whose corrected values were used. A check whose relation is not known keeps the report's result.
 * Only the checks listed by the corrected figures (`figures.checks`) are computed: a few, however
 * large the archive.
 */
const CHECKS_REVIEWED_VIEW = `
CREATE VIEW checks_reviewed AS
WITH corrected AS (
  SELECT f.sha256, f.id, f.checks, r.corrected_value
  FROM figures f
  JOIN documents d ON d.sha256 = f.sha256
  JOIN reviews r ON r.document_key = d.document_key AND r.position = f.position
  WHERE r.verdict = 'corrected' AND r.corrected_value IS NOT NULL
), touched AS (
  SELECT DISTINCT sha256, unnest(checks) AS id FROM corrected
), terms AS (
  SELECT c.sha256, c.id, c.relation, c.percent, c.constant,
         unnest(c.term_figures) AS figure, unnest(c.term_fields) AS field, unnest(c.term_parts) AS part,
         unnest(c.term_coefficients) AS coefficient
  FROM checks c JOIN touched t ON t.sha256 = c.sha256 AND t.id = c.id
  WHERE c.relation IS NOT NULL
), valued AS (
  SELECT t.*, k.id IS NOT NULL AND t.field = 'value' AS is_corrected,
         t.coefficient * CASE WHEN t.field = 'of' THEN f.of ELSE coalesce(k.corrected_value, f.value) END AS amount
  FROM terms t
  JOIN figures f ON f.sha256 = t.sha256 AND f.id = t.figure
  LEFT JOIN corrected k ON k.sha256 = t.sha256 AND k.id = t.figure
), sides AS (
  SELECT sha256, id, any_value(relation) AS relation, any_value(percent) AS percent, any_value(constant) AS constant,
         sum(amount) FILTER (WHERE part = 'expected') AS expected, sum(amount) FILTER (WHERE part = 'actual') AS actual,
         sum(amount) FILTER (WHERE part = 'numerator') AS numerator, sum(amount) FILTER (WHERE part = 'denominator') AS denominator,
         list(DISTINCT figure ORDER BY figure) FILTER (WHERE is_corrected) AS corrected
  FROM valued
  GROUP BY sha256, id
), evaluated AS (
  SELECT sha256, id, corrected, relation, coalesce(actual, 0) AS actual,
         CASE WHEN percent THEN CASE WHEN denominator > 0 THEN 100 * numerator / denominator END
              ELSE coalesce(expected, 0) + coalesce(constant, 0) END AS expected
  FROM sides
  WHERE len(corrected) > 0
)
SELECT c.sha256, c.id, c.kind, c.figures,
       coalesce(round(e.expected, 6), c.expected) AS expected, coalesce(e.actual, c.actual) AS actual, c.tolerance,
       CASE WHEN e.id IS NULL THEN c.holds
            WHEN e.expected IS NULL THEN false
            WHEN e.relation = 'equal' THEN abs(e.actual - e.expected) <= c.tolerance + 1e-9
            WHEN e.relation = 'at_most' THEN e.actual - e.expected <= c.tolerance + 1e-9
            ELSE e.actual - e.expected <= 0 AND e.actual >= 1 END AS holds,
       c.expected AS expected_read, c.actual AS actual_read, c.holds AS holds_read,
       coalesce(e.corrected, []) AS corrected
FROM checks c
LEFT JOIN evaluated e ON e.sha256 = c.sha256 AND e.id = c.id`;

/**
 * QA verdicts from `review.jsonl` as given: source hash and span in the original text of the copy
 * the reviewer read. `reviews` (below) keys them by document and value position, so that a verdict
 * given on one copy applies to the value in every copy.
 */
const MARKS_TABLE =
  'CREATE TEMP TABLE review_marks (sha256 VARCHAR, span_start INTEGER, span_end INTEGER, target VARCHAR, verdict VARCHAR, "time" VARCHAR, corrected_value DOUBLE)';

/**
 * The latest verdict per (document, value position), with the copy and span it was given on. A
 * value marked wrong loses the metrics view's pick to any other candidate.
 */
const REVIEWS_TABLE = `
CREATE TABLE reviews AS
WITH located AS (
  SELECT c.document_key, f.position, m.target, m.verdict, m."time", m.sha256, m.span_start, m.span_end, m.corrected_value
  FROM review_marks m
  JOIN figures f ON m.target = 'figure' AND f.sha256 = m.sha256 AND f.span_start = m.span_start AND f.span_end = m.span_end
  JOIN copies c ON c.sha256 = m.sha256
  UNION ALL
  SELECT c.document_key, x.position, m.target, m.verdict, m."time", m.sha256, m.span_start, m.span_end, NULL
  FROM review_marks m
  JOIN "references" x ON m.target = 'reference' AND x.sha256 = m.sha256 AND x.span_start = m.span_start AND x.span_end = m.span_end
  JOIN copies c ON c.sha256 = m.sha256
)
SELECT * FROM located
QUALIFY row_number() OVER (PARTITION BY document_key, position ORDER BY "time" DESC, sha256, span_start, span_end) = 1
ORDER BY document_key, position`;

/** Every input file that became a report, with the document it is a copy of (`chosen`: its rows are the document's). */
const COPIES_TABLE = `CREATE TABLE copies (document_key VARCHAR, sha256 VARCHAR, path VARCHAR, format VARCHAR, text_used VARCHAR,
  ocr BOOLEAN, confidence DOUBLE, chosen BOOLEAN, "rank" INTEGER)`;

const CATALOG_TABLE = 'CREATE TABLE metric_catalog (id VARCHAR, label_vi VARCHAR, gloss_en VARCHAR, unit VARCHAR)';

/** A stable order for the view's rows (the CSV is written in it). */
export const METRICS_ORDER =
  'ORDER BY unit_level NULLS LAST, unit_name NULLS LAST, period_from NULLS LAST, period_to NULLS LAST, metric, role, sha256';

/**
 * Build the database at `path` from the rows files of the reports (`tableRowsJson`, one per
 * report, in a fixed order), then call `after` with the open connection (to export the metrics
 * view) before the file is moved into place. DuckDB's reader streams the files in with buffers the
 * size of the largest, so the build stays within DuckDB's 64 MB and JS parses nothing. Over 1 900
 * reports this takes about 4 s with the metrics export; parsing every report and appending its
 * rows from JS took 15–25 s and about 100 MB more at the peak.
 */
export async function buildDatabase(
  path: string,
  rowsFiles: readonly string[],
  marks: readonly ReviewMark[],
  after?: (db: DuckDBConnection) => Promise<void>,
): Promise<void> {
  let largest = 0;
  for (const file of rowsFiles) largest = Math.max(largest, (await stat(file)).size);
  try {
    await build(path, rowsFiles, largest, marks, after, '64MB');
  } catch (error) {
    // 64 MB served the 10 000-file bench (9 500 reports); a larger archive gets what it needs
    // rather than no tables
    if (!/^Out of Memory Error/.test((error as Error).message)) throw error;
    await build(path, rowsFiles, largest, marks, after, '2GB');
  }
}

async function build(
  path: string,
  rowsFiles: readonly string[],
  /** Size of the largest rows file: the reader's buffer. */
  largest: number,
  marks: readonly ReviewMark[],
  after: ((db: DuckDBConnection) => Promise<void>) | undefined,
  memoryLimit: string,
): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const removeTemporary = async () => {
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
  };
  await removeTemporary();
  // One thread and a small buffer: the batch's workers have the cores, and the tables are small
  // next to what a batch's threads hold. DuckDB's allocator keeps up to 128 MB it has freed unless
  // told otherwise; at 1 MB the build peaks about 40 MB lower over 1 900 reports, no slower.
  const instance = await DuckDBInstance.create(tmp, {
    threads: '1',
    memory_limit: memoryLimit,
    allocator_flush_threshold: '1MB',
    allocator_bulk_deallocation_flush_threshold: '1MB',
  });
  try {
    const db = await instance.connect();
    for (const table of TABLES) await db.run(createTable(table));
    await db.run(MARKS_TABLE);
    const reviews = await db.createAppender('review_marks');
    const latest = [...latestMarks(marks).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, m] of latest) {
      reviews.appendVarchar(m.sha256);
      reviews.appendInteger(m.span.start);
      reviews.appendInteger(m.span.end);
      reviews.appendVarchar(m.target);
      reviews.appendVarchar(m.verdict);
      reviews.appendVarchar(m.time);
      if (m.verdict === 'corrected' && typeof m.value === 'number') reviews.appendDouble(m.value);
      else reviews.appendNull();
      reviews.endRow();
    }
    reviews.closeSync();
    const columns = TABLES.map((t) => `'${t.name}': 'STRUCT(${columnsSql(t)})[]'`).join(', ');
    // a few statements of ROWS_FILES_PER_INSERT files each: rows keep the order of the files and,
    // within a file, of the report
    for (let at = 0; at < rowsFiles.length; at += ROWS_FILES_PER_INSERT) {
      const files = `[${rowsFiles.slice(at, at + ROWS_FILES_PER_INSERT).map((f) => sqlString(globLiteral(f))).join(', ')}]`;
      const source = `read_json(${files}, format = 'newline_delimited', maximum_object_size = ${largest + 1024}, columns = {${columns}})`;
      for (const table of TABLES) await db.run(`INSERT INTO "${table.name}" SELECT unnest("${table.name}", recursive := true) FROM ${source}`);
    }
    await groupDocuments(db);
    await db.run(CHECKS_REVIEWED_VIEW);
    await db.run(METRICS_VIEW);
    await db.run(CATALOG_TABLE);
    const catalog = await db.createAppender('metric_catalog');
    for (const row of metricCatalog()) {
      for (const v of [row.id, row.label_vi, row.gloss_en, row.unit]) (v === null ? catalog.appendNull() : catalog.appendVarchar(v));
      catalog.endRow();
    }
    catalog.closeSync();
    await after?.(db);
    await db.run('CHECKPOINT');
    db.closeSync();
  } catch (error) {
    instance.closeSync();
    await removeTemporary();
    throw error;
  }
  instance.closeSync();
  await rename(tmp, path);
}

/**
 * Group the loaded reports into documents (src/identity: header keys, fingerprints), record every
 * copy in `copies`, key the QA verdicts by document and value position (`reviews`), then keep the
 * rows of each document's chosen copy only, with the paths of its other copies in
 * `documents.copies`.
 */
async function groupDocuments(db: DuckDBConnection): Promise<void> {
  await db.run(COPIES_TABLE);
  // Everything but the fingerprints first, for every copy: small. The fingerprints, the largest
  // column the build reads back, come a part of the archive at a time (copies of one unit and
  // period in one part): 9 500 reports' fingerprints at once held some 100 MB more. Joins and
  // sorts of the fingerprints in DuckDB needed more than the build's 64 MB.
  const info = new Map<string, { format: string; textUsed: string }>();
  const facts: CopyFacts[] = [];
  for await (const r of rowObjects(db, `
    SELECT d.sha256, d.path, d.format, d.text_used, d.kind, d.number, d.symbol, d.unit_level, d.unit_name, d.date_year, d.date_month, d.date_day,
           strftime(d.period_from, '%Y-%m-%d') AS period_from, strftime(d.period_to, '%Y-%m-%d') AS period_to,
           f.header_key, f.ocr, f.confidence
    FROM documents d JOIN fingerprints f USING (sha256)`)) {
    info.set(String(r.sha256), { format: r.format === null ? '' : String(r.format), textUsed: r.text_used === null ? '' : String(r.text_used) });
    facts.push(copyFacts(r));
  }
  const grouping = new CopyGrouping(facts);
  const parts = Math.max(1, Math.ceil(facts.length / COPIES_PER_PART));
  const partOf = grouping.partOf(parts);
  const indexOf = new Map(grouping.copies.map((c, i) => [c.sha256, i]));
  await db.run('CREATE TEMP TABLE fingerprint_parts (sha256 VARCHAR, part INTEGER)');
  const partRows = await db.createAppender('fingerprint_parts');
  grouping.copies.forEach((c, i) => {
    partRows.appendVarchar(c.sha256);
    partRows.appendInteger(partOf[i]!);
    partRows.endRow();
  });
  partRows.closeSync();
  for (let part = -1; part < parts; part++) {
    const sketches = new Map<number, Sketch>();
    for await (const r of rowObjects(db, `
      SELECT f.sha256, f.text_sample, f.number_sample, f.date_sample
      FROM fingerprints f JOIN fingerprint_parts p USING (sha256) WHERE p.part = ${part}`)) {
      const s = (k: string) => (r[k] === null || r[k] === undefined ? '' : String(r[k]));
      sketches.set(indexOf.get(String(r.sha256))!, decodeFingerprint({ text: s('text_sample'), numbers: s('number_sample'), dates: s('date_sample') }));
    }
    grouping.compare(part, sketches);
  }
  await db.run('DROP TABLE fingerprint_parts');
  const appender = await db.createAppender('copies');
  for (const group of grouping.groups()) {
    group.copies.forEach((c, rank) => {
      const { format, textUsed } = info.get(c.sha256)!;
      appender.appendVarchar(group.key);
      appender.appendVarchar(c.sha256);
      appender.appendVarchar(c.path);
      appender.appendVarchar(format);
      appender.appendVarchar(textUsed);
      appender.appendBoolean(c.ocr);
      if (c.confidence === null) appender.appendNull();
      else appender.appendDouble(c.confidence);
      appender.appendBoolean(rank === 0);
      appender.appendInteger(rank);
      appender.endRow();
    });
  }
  appender.closeSync();
  await db.run('UPDATE documents SET document_key = c.document_key FROM copies c WHERE c.sha256 = documents.sha256');
  await db.run(REVIEWS_TABLE);
  for (const table of ['figures', 'references', 'checks', 'documents']) {
    await db.run(`DELETE FROM "${table}" WHERE sha256 IN (SELECT sha256 FROM copies WHERE NOT chosen)`);
  }
  await db.run(`UPDATE documents SET copies = o.paths
    FROM (SELECT document_key, list(path ORDER BY "rank") AS paths FROM copies WHERE NOT chosen GROUP BY document_key) o
    WHERE o.document_key = documents.document_key`);
  await db.run('DROP TABLE fingerprints');
  await db.run('DROP TABLE review_marks');
}

/**
 * A path as a glob that matches only itself: DuckDB's file readers take every path as a pattern,
 * so an input named `*` or `star*.txt` read every rows file again (13 documents for 7 files).
 */
export const globLiteral = (path: string) => path.replace(/[*?[]/gu, (c) => `[${c}]`);

/** The rows of a query as objects, streamed a chunk at a time. */
async function* rowObjects(db: DuckDBConnection, sql: string): AsyncGenerator<Record<string, string | number | boolean | null>> {
  const result = await db.stream(sql);
  const names = result.columnNames();
  for await (const chunk of result.yieldRowsJson()) {
    for (const row of chunk) yield Object.fromEntries(names.map((n, i) => [n, row[i]])) as Record<string, string | number | boolean | null>;
  }
}

/** A row of the documents and fingerprints tables as the grouping sees it, but the fingerprint. */
function copyFacts(r: Record<string, string | number | boolean | null>): CopyFacts {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
  const header = {
    kind: s('kind'),
    number: s('number'),
    symbol: s('symbol'),
    unit: s('unit_level') && s('unit_name') ? { level: s('unit_level')!, name: s('unit_name')! } : null,
    date: n('date_year') !== null || n('date_month') !== null || n('date_day') !== null ? { year: n('date_year'), month: n('date_month'), day: n('date_day') } : null,
  };
  const period = s('period_from') && s('period_to') ? { from: s('period_from')!, to: s('period_to')! } : null;
  return {
    sha256: String(r.sha256),
    path: String(r.path),
    ocr: r.ocr === true,
    confidence: n('confidence'),
    headerKey: s('header_key'),
    fields: identityFields(header as DocumentHeader, period),
  };
}

/** Copies whose fingerprints the grouping holds at once (about 5 KB each). */
const COPIES_PER_PART = 500;

/**
 * DuckDB's reader keeps some 6 KB for every file a statement lists until the statement ends: one
 * statement over 9 500 rows files held 55 MB more than statements of 1 000 files each.
 */
const ROWS_FILES_PER_INSERT = 1000;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `"name" TYPE, …`: a table's columns, for its CREATE TABLE and for reading its rows. */
function columnsSql(table: TableSpec<Cell>): string {
  return table.columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
}

function createTable(table: TableSpec<Cell>): string {
  return `CREATE TABLE "${table.name}" (${columnsSql(table)})`;
}

export const METRICS_PARQUET = 'metrics.parquet';

/**
 * `metrics.parquet`: the rows of a query (the metrics view, in the CSV's order) written by DuckDB
 * itself, under a temporary name renamed into place.
 */
export async function writeParquet(db: DuckDBConnection, sql: string, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await db.run(`COPY (${sql}) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Column names and rows of a query, as plain JSON values (dates as `YYYY-MM-DD`). */
export async function queryRows(db: DuckDBConnection, sql: string): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const reader = await db.runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Record<string, unknown>[] };
}

/** Open a built database read-only, run `fn`, close it. */
export async function withDatabase<T>(path: string, fn: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const db = await instance.connect();
    try {
      return await fn(db);
    } finally {
      db.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
