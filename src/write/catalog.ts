/**
 * The metric catalog: one row per metric id the extractor can give (`src/extract/lexicon/metrics.json`),
 * with its Vietnamese label (`metric-labels.json`), its English gloss and the unit its values are
 * in. The `metric_catalog` table of the database and `metric_catalog.csv` hold it.
 */
import lexiconData from '../extract/lexicon/metrics.json' with { type: 'json' };
import labelData from './metric-labels.json' with { type: 'json' };

export const CATALOG_CSV = 'metric_catalog.csv';

export interface CatalogRow {
  id: string;
  label_vi: string | null;
  gloss_en: string | null;
  unit: string | null;
}

interface Rule {
  metric: string;
  gloss?: string;
  kinds?: string[];
  units?: string[];
}

/** The unit of a metric's values: `%` for percents, `điểm` for scores, the counted noun for counts. */
function unitOf(rules: Rule[]): string | null {
  const kinds = new Set(rules.flatMap((r) => r.kinds ?? []));
  if (kinds.has('percent')) return '%';
  if (kinds.has('score')) return 'điểm';
  if (kinds.has('rank')) return 'hạng';
  return rules.flatMap((r) => r.units ?? [])[0] ?? null;
}

export function metricCatalog(): CatalogRow[] {
  const lexicon = lexiconData as unknown as { rules: Rule[]; rates?: Record<string, string> };
  const labels: Record<string, string> = labelData.labels;
  const byId = new Map<string, Rule[]>();
  for (const r of lexicon.rules) byId.set(r.metric, [...(byId.get(r.metric) ?? []), r]);
  const rows: CatalogRow[] = [...byId].map(([id, rules]) => ({
    id,
    label_vi: labels[id] ?? null,
    gloss_en: rules.find((r) => r.gloss)?.gloss ?? null,
    unit: unitOf(rules),
  }));
  // the rate of a count that a bare `tỷ lệ đạt: 93,93%` after it gets (`rates`), when no rule names it
  for (const [count, rate] of Object.entries(lexicon.rates ?? {})) {
    if (byId.has(rate)) continue;
    const gloss = byId.get(count)?.find((r) => r.gloss)?.gloss;
    rows.push({ id: rate, label_vi: labels[rate] ?? null, gloss_en: gloss ? `share of ${gloss}` : null, unit: '%' });
    byId.set(rate, []);
  }
  return rows;
}
