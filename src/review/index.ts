/** The `review` command: write the site, and optionally serve it for marking values. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Returns the running server when serving; throws an Error with a human sentence otherwise. */
export async function review(out: string, options: ReviewOptions, log: (line: string) => void): Promise<RunningServer | null> {
  const info = await stat(out).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${out}: not a folder (give the --out folder of baocao run)`);
  const site = await writeSite(out);
  log(`${site.documents} documents, ${site.failedChecks} failed checks → ${join(site.dir, 'index.html')}`);
  if (!options.serve) return null;
  const running = await serve(out, options.port ?? 0);
  log(`serving ${running.url} (verdicts go to ${join(out, MARKS_FILE)}; Ctrl+C to stop)`);
  return running;
}
