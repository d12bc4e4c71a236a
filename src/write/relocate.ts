/**
 * A report made for one path, restated for another: the content hash is the same, so every
 * figure, span and check is the same; only the displayed path changes. This is how the batch
 * recognises a file that moved (or a copy) without running the pipeline again.
 */
import { readFile } from 'node:fs/promises';
import { stableJson, writeFileAtomic } from './files.js';
import type { ReportJson } from './report.js';
import { tableRowsJson } from './rows.js';

/** Where a report and what goes with it are written for one path (`markdown` only with --text). */
export interface ReportFiles {
  /** The displayed path: the input relative to its root. */
  path: string;
  output: string;
  rows: string;
  markdown?: string;
}

/** Write the report already made for one path (`from`) for another (`to`): its JSON, its table rows, its Markdown. */
export async function copyRelocated(from: Pick<ReportFiles, 'output' | 'markdown'>, to: ReportFiles): Promise<void> {
  const report = relocateReport(JSON.parse(await readFile(from.output, 'utf8')) as ReportJson, to.path);
  if (to.markdown && from.markdown) await writeFileAtomic(to.markdown, await readFile(from.markdown));
  await writeFileAtomic(to.rows, tableRowsJson(report));
  await writeFileAtomic(to.output, stableJson(report));
}

export function relocateReport(report: ReportJson, path: string): ReportJson {
  const swap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(swap);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = key === 'provenance' && v && typeof v === 'object' ? { ...(v as object), file: path } : swap(v);
    }
    return out;
  };
  const moved = swap(report) as ReportJson;
  return { ...moved, source: { ...moved.source, path } };
}
