/** `baocao review <out>`: write the static QA site into `<out>/review/`. */
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATABASE_FILE, queryRows, withDatabase } from '../write/duckdb.js';
import { writeFileAtomic } from '../write/files.js';
import { loadManifest } from '../write/manifest.js';
import { valuePositions } from '../write/rows.js';
import { renderDocument } from './document-page.js';
import { documentPath, renderIndex } from './index-page.js';
import { loadOutput } from './load.js';
import { labelsScript } from './labels.js';
import { latestMarks, type ReviewMark } from './marks.js';
import { writePageImages } from './page-images.js';
import type { LoadedReport, ReviewReport } from './types.js';

export const SITE_DIR = 'review';
const ASSETS = ['review.css', 'review.js', 'page-view.css', 'page-view.js'] as const;

export interface SiteSummary {
  dir: string;
  documents: number;
  failedChecks: number;
  /** Page images rendered by this call (cached ones are not counted). */
  pagesRendered: number;
}

export async function writeSite(out: string): Promise<SiteSummary> {
  const folder = await loadOutput(out);
  const dir = join(out, SITE_DIR);
  // The site is derived data: pages of reports that are gone must not linger.
  await rm(join(dir, 'docs'), { recursive: true, force: true });
  const latest = [...latestMarks(folder.marks).values()];
  const copiesOf = await copiesByDocument(out, folder.reports);
  const images = await writePageImages(dir, folder.reports.map((r) => r.report), (await loadManifest(out)).values());
  let failedChecks = 0;
  for (const loaded of folder.reports) {
    const rel = documentPath(loaded.jsonPath);
    const depth = rel.split('/').length - 1;
    const marks = marksOnCopy(loaded, copiesOf(loaded), latest);
    await writeFileAtomic(join(dir, rel), renderDocument(loaded, { root: '../'.repeat(depth), marks, pageImages: images.bySha.get(loaded.report.source.sha256) }));
    failedChecks += loaded.report.checks.filter((c) => !c.holds).length;
  }
  await writeFileAtomic(join(dir, 'index.html'), renderIndex(folder));
  for (const name of ASSETS) {
    await writeFileAtomic(join(dir, 'assets', name), await readFile(new URL(`./assets/${name}`, import.meta.url)));
  }
  // the labels of both languages, for the switch (labels.ts)
  await writeFileAtomic(join(dir, 'assets', 'labels.js'), labelsScript());
  return { dir, documents: folder.reports.length, failedChecks, pagesRendered: images.rendered };
}

/**
 * Each report's copies (itself included) as the tables grouped them (`copies` in baocao.duckdb);
 * each report alone when the tables are not built.
 */
async function copiesByDocument(out: string, reports: readonly LoadedReport[]): Promise<(page: LoadedReport) => LoadedReport[]> {
  const database = join(out, DATABASE_FILE);
  const keyOf = new Map<string, string>();
  if (await stat(database).catch(() => null)) {
    const { rows } = await withDatabase(database, (db) => queryRows(db, 'SELECT sha256, document_key FROM copies'));
    for (const r of rows) keyOf.set(String(r.sha256), String(r.document_key));
  }
  // a report the tables do not hold is a document of its own
  const documentOf = (r: LoadedReport) => keyOf.get(r.report.source.sha256) ?? `file ${r.report.source.sha256}`;
  const byDocument = new Map<string, LoadedReport[]>();
  for (const r of reports) byDocument.set(documentOf(r), [...(byDocument.get(documentOf(r)) ?? []), r]);
  return (page) => byDocument.get(documentOf(page))!;
}

/**
 * The marks a copy's page shows: the latest verdict on each of its values given in any copy of
 * the document (the tables key verdicts the same way: by document and value position), placed on
 * this copy's value, with a note naming the copy it was given on. A mark on this copy whose value
 * is gone from the report stays as it is.
 */
export function marksOnCopy(page: LoadedReport, copies: readonly LoadedReport[], latest: readonly ReviewMark[]): ReviewMark[] {
  const here = page.report;
  const ownMarks = latest.filter((m) => m.sha256 === here.source.sha256);
  const located = new Map<string, { mark: ReviewMark; copy: ReviewReport }>();
  const unplaced: ReviewMark[] = [];
  for (const { report: copy } of copies) {
    const positions = valuePositions(copy);
    const bySpan = new Map(values(copy).map((v) => [`${v.target} ${v.provenance.span.start}-${v.provenance.span.end}`, v.id]));
    for (const mark of copy === here ? ownMarks : latest.filter((m) => m.sha256 === copy.source.sha256)) {
      const id = bySpan.get(`${mark.target} ${mark.span.start}-${mark.span.end}`);
      const position = id === undefined ? undefined : positions.get(id);
      if (position === undefined) {
        if (copy === here) unplaced.push(mark);
        continue;
      }
      const known = located.get(position);
      if (!known || mark.time > known.mark.time || (mark.time === known.mark.time && copy === here)) located.set(position, { mark, copy });
    }
  }
  const atPosition = new Map([...valuePositions(here)].map(([id, position]) => [position, id]));
  const byId = new Map(values(here).map((v) => [v.id, v]));
  const placed: ReviewMark[] = [];
  for (const [position, { mark, copy }] of located) {
    const value = byId.get(atPosition.get(position) ?? '');
    if (!value) continue;
    if (copy === here) placed.push(mark);
    else {
      const note = `given on ${copy.source.path}${mark.note ? `: ${mark.note}` : ''}`;
      const { span, line, text } = value.provenance;
      placed.push({ ...mark, file: here.source.path, sha256: here.source.sha256, id: value.id, span, line, text, note });
    }
  }
  return [...unplaced, ...placed].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

const values = (r: ReviewReport) => [
  ...r.figures.map((f) => ({ id: f.id, target: 'figure' as const, provenance: f.provenance })),
  ...r.references.map((x) => ({ id: x.id, target: 'reference' as const, provenance: x.provenance })),
];
