/** The `review` command: write the site, and optionally serve it for marking values. */
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { MANIFEST_FILE } from '../write/manifest.js';
import { MARKS_FILE } from './marks.js';
import { serve, type RunningServer } from './server.js';
import { writeSite } from './site.js';

export { writeSite } from './site.js';
export { serve } from './server.js';
export { readMarks, latestMarks, markKey, type ReviewMark } from './marks.js';

export interface ReviewOptions {
  serve?: boolean;
  port?: number;
}

/**
 * Returns the running server when serving; throws an Error with a human sentence otherwise (a
 * UsageError when `out` is not the output folder of `baocao run`).
 */
export async function review(out: string, options: ReviewOptions, log: (line: string) => void): Promise<RunningServer | null> {
  const info = await stat(out).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(out, 'not a folder (give the --out folder of baocao run)');
  // the site is written into the folder it reviews: never into an archive of input documents
  if (!(await access(join(out, MANIFEST_FILE)).then(() => true, () => false))) {
    throw new UsageError(
      out,
      `has no reports of baocao run (no ${MANIFEST_FILE}), and the review site is written into the folder it reviews: ` +
        `give the --out folder of baocao run (e.g. baocao run ${out} --out output, then baocao review output)`,
    );
  }
  const site = await writeSite(out);
  log(`${site.documents} documents, ${site.failedChecks} failed checks, ${site.pagesRendered} page images rendered → ${join(site.dir, 'index.html')}`);
  if (!options.serve) return null;
  const running = await serve(out, options.port ?? 0);
  log(`serving ${running.url} (verdicts go to ${join(out, MARKS_FILE)}; Ctrl+C to stop)`);
  return running;
}
