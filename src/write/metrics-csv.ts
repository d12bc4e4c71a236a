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

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}
