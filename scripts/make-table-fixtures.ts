/**
 * Builds test/data/tables/ (one annex table in every format, for test/tables.test.ts) and
 * eval/data/tables/ (twenty drawn tables, for `npm run eval -- tables`) from scripts/tables/specs.ts.
 * Fixture-build time only: tests and the eval read the committed files. PDFs come from LibreOffice
 * (`apt-get install -y libreoffice-writer-nogui fonts-dejavu`); everything else is written here.
 * Usage: npx tsx scripts/make-table-fixtures.ts   (from the repository root)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docx, imagePdf, markdown, renderPages } from './tables/render.js';
import { annexSpec, drawTable, expectedCells, pathsOf, type TableSpec } from './tables/specs.js';

const tmp = mkdtempSync(join(tmpdir(), 'tables-'));
try {
  // `--dev <dir> [first]`: more tables to tune on (seeds 21–40, or 20 from `first`), written to <dir> instead
  const dev = process.argv.indexOf('--dev');
  const drawn = (from: number, dir: string) =>
    Array.from({ length: 20 }, (_, i) => ({ spec: drawTable(from + i), dir, name: String(from + i).padStart(2, '0'), paragraphs: 1 + (i % 4), scan: false }));
  const jobs: { spec: TableSpec; dir: string; name: string; paragraphs: number; scan: boolean }[] =
    dev > 0
      ? drawn(Number(process.argv[dev + 2] ?? 21), process.argv[dev + 1]!)
      : [
          // enough text before the annex that it breaks across pages 1 and 2, its header repeated
          { spec: annexSpec(), dir: 'test/data/tables', name: 'annex', paragraphs: 12, scan: true },
          ...drawn(1, 'eval/data/tables'),
        ];
  const docs: string[] = [];
  for (const job of jobs) {
    mkdirSync(job.dir, { recursive: true });
    const base = join(job.dir, job.name);
    writeFileSync(`${base}.md`, markdown(job.spec, job.paragraphs));
    writeFileSync(`${base}.docx`, await docx(job.spec, true, job.paragraphs));
    writeFileSync(join(tmp, `${job.name}.docx`), await docx(job.spec, true, job.paragraphs));
    writeFileSync(join(tmp, `${job.name}.unruled.docx`), await docx(job.spec, false, job.paragraphs));
    docs.push(join(tmp, `${job.name}.docx`), join(tmp, `${job.name}.unruled.docx`));
    const expected = { spec: job.spec, paths: pathsOf(job.spec), cells: expectedCells(job.spec) };
    writeFileSync(`${base}.expected.json`, JSON.stringify(expected, null, 1) + '\n');
  }
  // one LibreOffice run for all, with a profile of its own (another soffice may be running)
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', tmp, ...docs], { stdio: 'ignore' });
  for (const job of jobs) {
    const base = join(job.dir, job.name);
    const pdf = readFileSync(join(tmp, `${job.name}.pdf`));
    writeFileSync(`${base}.pdf`, pdf);
    writeFileSync(`${base}.unruled.pdf`, readFileSync(join(tmp, `${job.name}.unruled.pdf`)));
    if (job.scan) writeFileSync(`${base}.scan.pdf`, imagePdf(await renderPages(pdf)));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
