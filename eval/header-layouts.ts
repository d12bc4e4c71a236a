/**
 * `npm run eval -- header-layouts`: do the header, and what is extracted from the excerpt's text (periods,
 * references, figures), come out the same whatever the layout, on documents nobody annotated? Every document of `../shared/documents/` outside the test part of `eval/data/documents/split.json`
 * is cut to its opening and closing and rendered as test/data/headers is (scripts/header-layouts.py): the web
 * rendering as stored, a DOCX with the header and the signature as two-column tables, the same as a text-layer
 * PDF, and that PDF's text with the columns merged on each line (`pdftotext -layout`). Prints, per header field,
 * how many documents disagree across the four layouts, and each disagreement. There is no annotation: agreement
 * is what is measured (a field wrong in every layout alike goes unseen here; the documents eval scores those).
 * Needs Debian's libreoffice-writer-nogui and poppler-utils; the renderings go to a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../pipelines/report.js';

const split = JSON.parse(readFileSync('eval/data/documents/split.json', 'utf8')) as { test: string[] };
const test = new Set(split.test);
const names = readdirSync('../shared/documents')
  .filter((f) => f.endsWith('.md') && !test.has(`documents/${f}`) && f !== 'README.md')
  .map((f) => f.slice(0, -3))
  .sort();

const missing = ['soffice', 'pdftotext', 'python3'].filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
if (missing.length > 0) {
  console.log(`skipped: ${missing.join(', ')} not found (apt-get install -y libreoffice-writer-nogui poppler-utils python3)`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'baocao-header-layouts-'));
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error}`);
  return r.stderr;
};
try {
  const skipped = run('python3', ['scripts/header-layouts.py', work, work, ...names]).trim().split('\n').filter(Boolean);
  const rendered = readdirSync(work).filter((f) => f.endsWith('.fodt'));
  run('soffice', ['--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, ...rendered.map((f) => join(work, f))]);
  run('soffice', ['--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, ...rendered.map((f) => join(work, f))]);
  for (const f of rendered) run('pdftotext', ['-layout', join(work, f.replace('.fodt', '.pdf')), join(work, f.replace('.fodt', '.merged.txt'))]);

  const FIELDS = ['kind', 'number', 'symbol', 'date', 'place', 'issuer', 'unit', 'title', 'signer', 'periods', 'references', 'figures'] as const;
  type Report = Awaited<ReturnType<typeof processFile>>;
  /** A field's value in a report, as compared: the header's fields, and the extracted mentions as sorted keys. */
  const valueOf = (r: Report, field: (typeof FIELDS)[number]): unknown => {
    if (field === 'periods') return r.periods.map((p) => `${p.from}..${p.to}`).sort();
    if (field === 'references') return r.references.map((x) => `${x.kind} ${x.number}/${x.symbol} ${x.date}`).sort();
    if (field === 'figures') return r.figures.map((f) => `${f.kind} ${f.value}`).sort();
    if (field === 'signer') return r.document.signer?.name;
    return r.document[field];
  };
  const LAYOUTS = { md: '.md', docx: '.docx', pdf: '.pdf', merged: '.merged.txt' };
  // (case, spaces and a dash's spacing apart, as the documents eval compares titles)
  const fold = (v: unknown) => JSON.stringify(v ?? null).toLowerCase().replace(/\s*-\s*/gu, '-').replace(/\s+/gu, ' ');
  const differing = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<(typeof FIELDS)[number], number>;
  const lines: string[] = [];
  for (const f of rendered) {
    const name = f.replace('.fodt', '');
    const reports: Record<string, Report> = {};
    for (const [layout, ext] of Object.entries(LAYOUTS)) reports[layout] = await processFile(join(work, name + ext));
    for (const field of FIELDS) {
      const values = Object.fromEntries(Object.entries(reports).map(([layout, r]) => [layout, fold(valueOf(r, field))]));
      if (new Set(Object.values(values)).size === 1) continue;
      differing[field]++;
      lines.push(`  ${name} ${field}: ${Object.entries(values).map(([layout, v]) => `${layout} ${v}`).join(' | ')}`);
    }
  }
  console.log(`${rendered.length} documents in 4 layouts (${skipped.length} skipped: no body or no Nơi nhận found)`);
  console.log(`fields differing across layouts: ${FIELDS.map((f) => `${f} ${differing[f]}`).join(', ')}`);
  console.log(`documents × fields that agree: ${rendered.length * FIELDS.length - Object.values(differing).reduce((a, b) => a + b, 0)}/${rendered.length * FIELDS.length}`);
  for (const l of lines) console.log(l);
} finally {
  rmSync(work, { recursive: true, force: true });
}
