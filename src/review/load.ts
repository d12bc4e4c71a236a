/** Read an output folder of `baocao run`: the reports, the failed files and the QA marks. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MARKS_FILE, readMarks, type ReviewMark } from './marks.js';
import type { LoadedReport, ReviewReport } from './types.js';

/** Folders of the output that hold no reports (the site itself, run metadata). */
const SKIP = new Set(['review', 'runs']);

export interface OutputFolder {
  reports: LoadedReport[];
  errors: { file: string; stage: string; reason: string }[];
  marks: ReviewMark[];
}

export async function loadOutput(out: string): Promise<OutputFolder> {
  const reports: LoadedReport[] = [];
  for (const path of await jsonFiles(out, out)) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      continue; // not ours, or being written
    }
    if (isReport(value)) reports.push({ jsonPath: relative(out, path).split(sep).join('/'), report: withDefaults(value) });
  }
  reports.sort((a, b) => (a.jsonPath < b.jsonPath ? -1 : a.jsonPath > b.jsonPath ? 1 : 0));
  return { reports, errors: await readErrors(join(out, 'errors.jsonl')), marks: await readMarks(join(out, MARKS_FILE)) };
}

async function jsonFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(dir === root && SKIP.has(entry.name))) out.push(...(await jsonFiles(root, path)));
    } else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

function isReport(v: unknown): v is ReviewReport {
  const r = v as Partial<ReviewReport> | null;
  return !!r && typeof r === 'object' && typeof r.schemaVersion === 'string' && typeof r.text === 'string'
    && !!r.source && Array.isArray(r.figures) && Array.isArray(r.references);
}

function withDefaults(r: ReviewReport): ReviewReport {
  return { ...r, checks: Array.isArray(r.checks) ? r.checks : [], figures: r.figures.map((f) => ({ ...f, checks: f.checks ?? [] })) };
}

async function readErrors(path: string): Promise<OutputFolder['errors']> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const out: OutputFolder['errors'] = [];
  for (const line of content.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line);
      out.push({ file: String(e.file), stage: String(e.stage), reason: String(e.reason) });
    } catch {
      // skip a torn line
    }
  }
  return out;
}
