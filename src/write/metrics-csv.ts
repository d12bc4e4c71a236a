/**
 * `metrics.csv`: the rows of the `metrics` view for spreadsheets, written with csv-stringify
 * (quoting, embedded newlines and commas handled by a maintained writer), header first,
 * `\n` line ends, UTF-8 with a BOM so that Excel reads the Vietnamese letters correctly.
 */
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { writeFileAtomic } from './files.js';

export const METRICS_CSV = 'metrics.csv';

/** Stream the rows (in batches, as DuckDB hands them out) into the file: the table is never whole in memory. */
export async function writeMetricsCsv(path: string, columns: readonly string[], rows: AsyncIterable<readonly unknown[][]>): Promise<void> {
  const csv = stringify({ header: true, columns: [...columns], record_delimiter: '\n', bom: true });
  const feed = (async () => {
    for await (const batch of rows) {
      for (const row of batch) if (!csv.write(row.map(cell))) await once(csv, 'drain');
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error as Error));
  await Promise.all([writeFileAtomic(path, csv), feed]);
}

export function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return neutralised(Array.isArray(v) ? v.join(' ') : String(v));
}

/**
 * A text cell a spreadsheet would run as a formula (`=1+1+cmd|' _C calc'!A0`, from a file name)
 * gets a leading apostrophe, as OWASP recommends for CSV injection: shown as text, not run.
 */
export const neutralised = (s: string) => (/^[=+\-@\t\r]/u.test(s) ? `'${s}` : s);
