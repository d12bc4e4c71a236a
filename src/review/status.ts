import type { ReviewCheck, ReviewReport, ValueStatus } from './types.js';

/** Status of every figure id: failed when any check using it fails, passed when all hold. */
export function figureStatuses(report: ReviewReport): Map<string, ValueStatus> {
  const byId = new Map<string, ReviewCheck>(report.checks.map((c) => [c.id, c]));
  const checksOf = new Map<string, ReviewCheck[]>();
  const add = (figure: string, check: ReviewCheck) => {
    const list = checksOf.get(figure) ?? checksOf.set(figure, []).get(figure)!;
    if (!list.includes(check)) list.push(check);
  };
  for (const c of report.checks) for (const f of c.figures) add(f, c);
  for (const f of report.figures) for (const id of f.checks) {
    const c = byId.get(id);
    if (c) add(f.id, c);
  }
  const out = new Map<string, ValueStatus>();
  for (const f of report.figures) {
    const list = checksOf.get(f.id) ?? [];
    out.set(f.id, list.length === 0 ? 'unchecked' : list.some((c) => !c.holds) ? 'failed' : 'passed');
  }
  return out;
}

/** Failed checks first (in report order), then the ones that hold. */
export function failedChecks(report: ReviewReport): ReviewCheck[] {
  return report.checks.filter((c) => !c.holds);
}

export interface DocumentSummary {
  figures: number;
  references: number;
  checks: number;
  failed: number;
}

export function summarise(report: ReviewReport): DocumentSummary {
  return {
    figures: report.figures.length,
    references: report.references.length,
    checks: report.checks.length,
    failed: failedChecks(report).length,
  };
}

/** A worse status wins when values overlap on the page. */
const RANK: Record<ValueStatus, number> = { failed: 3, passed: 2, unchecked: 1, reference: 0 };
export function worst(statuses: Iterable<ValueStatus>): ValueStatus {
  let out: ValueStatus = 'reference';
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}
