/**
 * `metrics.csv`: the rows of the `metrics` view for spreadsheets, written with csv-stringify
 * (quoting, embedded newlines and commas handled by a maintained writer), header first,
 * `\n` line ends, UTF-8 with a BOM so that Excel reads the Vietnamese letters correctly.
 */
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from './files.js';

export const METRICS_CSV = 'metrics.csv';

export async function writeMetricsCsv(path: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const csv = stringify(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { header: true, columns: [...columns], record_delimiter: '\n', bom: true },
  );
  await writeFileAtomic(path, csv);
}

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}
