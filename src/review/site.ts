/** `baocao review <out>`: write the static QA site into `<out>/review/`. */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write/files.js';
import { renderDocument } from './document-page.js';
import { documentPath, renderIndex } from './index-page.js';
import { loadOutput } from './load.js';
import { latestMarks } from './marks.js';

export const SITE_DIR = 'review';
const ASSETS = ['review.css', 'review.js'] as const;

export interface SiteSummary {
  dir: string;
  documents: number;
  failedChecks: number;
}

export async function writeSite(out: string): Promise<SiteSummary> {
  const folder = await loadOutput(out);
  const dir = join(out, SITE_DIR);
  // The site is derived data: pages of reports that are gone must not linger.
  await rm(join(dir, 'docs'), { recursive: true, force: true });
  const latest = [...latestMarks(folder.marks).values()];
  let failedChecks = 0;
  for (const loaded of folder.reports) {
    const rel = documentPath(loaded.jsonPath);
    const depth = rel.split('/').length - 1;
    const marks = latest.filter((m) => m.sha256 === loaded.report.source.sha256);
    await writeFileAtomic(join(dir, rel), renderDocument(loaded, { root: '../'.repeat(depth), marks }));
    failedChecks += loaded.report.checks.filter((c) => !c.holds).length;
  }
  await writeFileAtomic(join(dir, 'index.html'), renderIndex(folder));
  for (const name of ASSETS) {
    await writeFileAtomic(join(dir, 'assets', name), await readFile(new URL(`./assets/${name}`, import.meta.url)));
  }
  return { dir, documents: folder.reports.length, failedChecks };
}
