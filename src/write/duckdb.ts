/**
 * The DuckDB database of a batch: tables `documents`, `figures`, `references`, `checks` (see
 * rows.ts) and the view `metrics`, one row per (reporting unit, period, metric, role).
 *
 * The file is built under a temporary name and renamed into place, so a kill leaves the previous
 * database or the new one. Rows are appended in a fixed order; the bytes of the file may still
 * differ between runs (DuckDB's layout), the rows do not.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { rename, rm, stat } from 'node:fs/promises';
import { latestMarks, type ReviewMark } from '../review/marks.js';
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
 * `check_status`: `fail` if any check on the figure fails, `pass` if all hold, null if unchecked.
 */
const METRICS_VIEW = `
CREATE VIEW metrics AS
WITH candidates AS (
  SELECT f.sha256, f.id, f.period_from, f.period_to, f.metric, f.role,
         coalesce(d.unit_level || ' ' || d.unit_name, 'document ' || f.sha256) AS unit_key,
         -- the order of preference, least first: not marked wrong, an exact value (not a bound),
         -- top level, most confident (an unknown confidence last), first document by path, first
         -- in the document
         {'wrong': coalesce(r.verdict = 'wrong', false), 'bound': f.comparator IS NOT NULL, 'nested': f.parent IS NOT NULL,
          'confidence': coalesce(-f.confidence, 'infinity'::DOUBLE), 'path': d.path, 'seq': f.seq} AS preference
  FROM figures f
  JOIN documents d ON d.sha256 = f.sha256
  LEFT JOIN reviews r ON r.sha256 = f.sha256 AND r.span_start = f.span_start AND r.span_end = f.span_end
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
  SELECT f.sha256, f.id,
         CASE WHEN count(c.id) = 0 THEN NULL WHEN bool_and(coalesce(c.holds, false)) THEN 'pass' ELSE 'fail' END AS check_status
  FROM figure_checks f LEFT JOIN checks c ON c.sha256 = f.sha256 AND c.id = f.check_id
  GROUP BY f.sha256, f.id
)
SELECT d.unit_level, d.unit_name, f.period_from, f.period_to, f.period_text, f.metric, f.role, f.comparator, f.value, f.of, f.unit,
       f.subject, d.path AS source_file, f.sha256, f.id AS figure_id, f.page, f.line, f.span_start, f.span_end, f.text,
       f.confidence, s.check_status, r.verdict AS review, k.candidates
FROM k
JOIN figures f ON f.sha256 = k.sha256 AND f.id = k.id
JOIN documents d ON d.sha256 = f.sha256
JOIN status s ON s.sha256 = f.sha256 AND s.id = f.id
LEFT JOIN reviews r ON r.sha256 = f.sha256 AND r.span_start = f.span_start AND r.span_end = f.span_end`;

/**
 * QA verdicts from `review.jsonl` (the latest per value), keyed like the figures: source hash and
 * span in the original text. A value marked wrong loses the pick to any other candidate.
 */
const REVIEWS_TABLE =
  'CREATE TABLE reviews (sha256 VARCHAR, span_start INTEGER, span_end INTEGER, target VARCHAR, verdict VARCHAR, "time" VARCHAR)';

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
    await db.run(REVIEWS_TABLE);
    await db.run(METRICS_VIEW);
    const reviews = await db.createAppender('reviews');
    const latest = [...latestMarks(marks).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, m] of latest) {
      reviews.appendVarchar(m.sha256);
      reviews.appendInteger(m.span.start);
      reviews.appendInteger(m.span.end);
      reviews.appendVarchar(m.target);
      reviews.appendVarchar(m.verdict);
      reviews.appendVarchar(m.time);
      reviews.endRow();
    }
    reviews.closeSync();
    const columns = TABLES.map((t) => `'${t.name}': 'STRUCT(${columnsSql(t)})[]'`).join(', ');
    // a few statements of ROWS_FILES_PER_INSERT files each: rows keep the order of the files and,
    // within a file, of the report
    for (let at = 0; at < rowsFiles.length; at += ROWS_FILES_PER_INSERT) {
      const files = `[${rowsFiles.slice(at, at + ROWS_FILES_PER_INSERT).map(sqlString).join(', ')}]`;
      const source = `read_json(${files}, format = 'newline_delimited', maximum_object_size = ${largest + 1024}, columns = {${columns}})`;
      for (const table of TABLES) await db.run(`INSERT INTO "${table.name}" SELECT unnest("${table.name}", recursive := true) FROM ${source}`);
    }
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
