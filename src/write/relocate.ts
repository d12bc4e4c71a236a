/**
 * A report made for one path, restated for another: the content hash is the same, so every
 * figure, span and check is the same; only the displayed path changes. This is how the batch
 * recognises a file that moved (or a copy) without running the pipeline again.
 */
import type { ReportJson } from './report.js';

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
