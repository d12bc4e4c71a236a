/**
 * The batch on a small generated archive (the seeds rewritten, DOCX/PDF copies, one broken file
 * of each kind): outcomes per file, resume after SIGKILL at random points to the same bytes as a
 * clean run, moved files and overlapping runs, and the README's DuckDB queries on the seeds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withDatabase } from '../src/write/duckdb.js';
import { baocao, BIN, filesUnder, readJson, ROOT } from './helpers.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-batch-${name}-`));

interface Expected {
  files: { path: string; kind: string; broken: string | null }[];
}

function makeArchive(dir: string, files: number, broken: number): Expected {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-archive.ts'), dir, '--files', String(files), '--broken', String(broken)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return readJson(join(dir, '.expected.json'));
}

/** The output tree minus what may differ between runs: run metadata, and the DuckDB file (compared by rows). */
function comparable(out: string): string[] {
  return filesUnder(out).filter((f) => !f.startsWith('runs/') && f !== 'baocao.duckdb');
}

async function tableRows(db: string): Promise<Record<string, unknown[]>> {
  return withDatabase(db, async (conn) => {
    const out: Record<string, unknown[]> = {};
    for (const t of ['documents', 'figures', 'references', 'checks', 'metrics']) {
      out[t] = (await queryRows(conn, `SELECT * FROM "${t}" ORDER BY ALL`)).rows;
    }
    return out;
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start the CLI and SIGKILL it once `when` says so (polled every 10 ms); resolves when it is gone. */
function runAndKill(args: string[], when: (elapsedMs: number) => boolean): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { cwd: ROOT, stdio: 'ignore' });
    const t0 = Date.now();
    let killed = false;
    const timer = setInterval(() => {
      if (!killed && when(Date.now() - t0)) {
        killed = child.kill('SIGKILL');
      }
    }, 10);
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ killed });
    });
  });
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0);

describe('baocao run on a generated archive', () => {
  const archive = tmp('archive');
  const clean = tmp('clean');
  let expected: Expected;
  let result: ReturnType<typeof baocao>;
  beforeAll(() => {
    expected = makeArchive(archive, 16, 0.32);
    result = baocao(['run', archive, '--out', clean, '--jobs', '2']);
  });

  it('writes one report per good file, one error line per broken file, and exits 1', () => {
    const broken = expected.files.filter((f) => f.broken);
    const good = expected.files.filter((f) => !f.broken);
    expect(new Set(broken.map((f) => f.broken))).toEqual(new Set(['truncated', 'junk', 'empty', 'wrong-extension', 'encrypted']));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${expected.files.length} files: ${good.length} written, 0 unchanged, ${broken.length} failed;`);
    const reports = filesUnder(clean).filter((f) => f.endsWith('.json') && !f.startsWith('runs/') && !f.startsWith('.tables/'));
    expect(reports.sort()).toEqual(good.map((f) => `${f.path}.json`).sort());
    // and beside each report its rows for the tables
    const rows = filesUnder(clean).filter((f) => f.startsWith('.tables/'));
    expect(rows.sort()).toEqual(good.map((f) => `.tables/${f.path}.json`).sort());
    const errors = readFileSync(join(clean, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => e.file.slice(archive.length + 1))).toEqual(broken.map((f) => f.path).sort());
    for (const e of errors) {
      expect(Object.keys(e)).toEqual(['file', 'sha256', 'stage', 'reason']);
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.reason.length).toBeGreaterThan(5);
    }
    expect(lines(join(clean, 'manifest.jsonl'))).toBe(expected.files.length);
    expect(existsSync(join(clean, 'manifest.journal.jsonl'))).toBe(false);
    expect(readdirSync(join(clean, 'runs'))).toHaveLength(1);
  });

  it('skips everything on a second run and still exits 1 for the broken files', () => {
    const before = comparable(clean).map((f) => [f, readFileSync(join(clean, f), 'utf8')]);
    const again = baocao(['run', archive, '--out', clean, '--jobs', '2']);
    expect(again.code).toBe(1);
    const good = expected.files.filter((f) => !f.broken).length;
    expect(again.stdout).toContain(`: 0 written, ${good} unchanged, ${expected.files.length - good} failed;`);
    expect(comparable(clean).map((f) => [f, readFileSync(join(clean, f), 'utf8')])).toEqual(before);
  });

  it('resumes after SIGKILL at random points and ends byte-identical to the clean run', async () => {
    const seed = Date.now() % 1e6;
    const rnd = mulberry32(seed);
    const out = tmp('killed');
    const journal = join(out, 'manifest.journal.jsonl');
    const args = ['run', archive, '--out', out, '--jobs', '2'];
    const startLines = () => lines(journal);
    // at a random moment of start-up; after a random number of finished files (twice); while the tables are written
    let base = 0;
    const kills = [
      await runAndKill(args, (ms) => ms > 200 + rnd() * 1500),
      await ((base = startLines()), runAndKill(args, () => lines(journal) >= base + 1 + Math.floor(rnd() * 3))),
      await ((base = startLines()), runAndKill(args, () => lines(journal) >= base + 2 + Math.floor(rnd() * 3))),
      await runAndKill(args, () => existsSync(out) && readdirSync(out).some((f) => f.endsWith('.tmp'))),
    ];
    expect(kills.filter((k) => k.killed).length, `seed ${seed}`).toBeGreaterThanOrEqual(3);
    const last = baocao(args);
    expect(last.code, `seed ${seed}`).toBe(1);

    expect(comparable(out), `seed ${seed}`).toEqual(comparable(clean));
    for (const f of comparable(clean)) {
      expect(readFileSync(join(out, f), 'utf8'), `${f} (seed ${seed})`).toBe(readFileSync(join(clean, f), 'utf8'));
    }
    expect(await tableRows(join(out, 'baocao.duckdb'))).toEqual(await tableRows(join(clean, 'baocao.duckdb')));
  });

  it('recognises moved files by hash and never duplicates rows across overlapping runs', async () => {
    const copy = tmp('moved');
    cpSync(archive, copy, { recursive: true });
    const out = tmp('overlap');
    // one unit's folder for one month (the archive is filed by month, then unit), with no broken file
    const folders = [...new Set(expected.files.map((f) => dirname(f.path)))].sort();
    const sub = folders.find((d) => /\/(xa|phuong)-/.test(d) && !expected.files.some((f) => f.broken && dirname(f.path) === d))!;
    const subFiles = filesUnder(join(copy, sub));
    // a run over that folder, then over the whole archive into the same output
    expect(baocao(['run', join(copy, sub), '--out', out]).code).toBe(0);
    const whole = baocao(['run', copy, '--out', out]);
    expect(whole.stdout).toContain(`(${subFiles.length} copied from files of the same content), 0 unchanged,`);

    const good = expected.files.filter((f) => !f.broken).length;
    const distinct = await withDatabase(join(out, 'baocao.duckdb'), async (db) => ({
      // every good file once among the copies, and one documents row per document
      copies: (await queryRows(db, 'SELECT count(*)::INTEGER AS n, count(DISTINCT sha256)::INTEGER AS d FROM copies')).rows[0],
      documents: (
        await queryRows(
          db,
          `SELECT count(*)::INTEGER AS n, count(DISTINCT document_key)::INTEGER AS d,
                  (SELECT count(DISTINCT document_key) FROM copies)::INTEGER AS grouped FROM documents`,
        )
      ).rows[0],
      metrics: (
        await queryRows(
          db,
          `SELECT count(*)::INTEGER AS n FROM metrics
           GROUP BY unit_level, unit_name, period_from, period_to, metric, role, CASE WHEN unit_name IS NULL THEN sha256 END
           HAVING count(*) > 1`,
        )
      ).rows.length,
    }));
    expect(distinct.copies).toEqual({ n: good, d: good });
    expect(distinct.documents!.n).toBe(distinct.documents!.d);
    expect(distinct.documents!.n).toBe(distinct.documents!.grouped);
    expect(distinct.metrics).toBe(0);

    // move one good file to another folder: its report follows it, computed from the old one
    const moved = expected.files.find((f) => f.kind === 'text')!.path;
    mkdirSync(join(copy, 'moved'), { recursive: true });
    renameSync(join(copy, moved), join(copy, 'moved', 'report.txt'));
    const after = baocao(['run', copy, '--out', out]);
    expect(after.stdout).toContain(`written (1 copied from files of the same content)`);
    expect(existsSync(join(out, `${moved}.json`))).toBe(false);
    const report = readJson(join(out, 'moved', 'report.txt.json'));
    expect(report.source.path).toBe(join('moved', 'report.txt'));
    expect(readJson(join(clean, `${moved}.json`)).source.sha256).toBe(report.source.sha256);
  });
});

describe('the README queries on the seed reports', () => {
  // the clean reports: what seed 004 yields depends on how well restoration reads it
  const seeds = readdirSync(join(ROOT, 'fixtures')).filter((f) => /^00[0-3]_.*\.txt$/.test(f));
  const input = tmp('seeds');
  const out = tmp('seeds-out');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Batch runs and the metrics table'));
  const queries = [...section.slice(0, section.indexOf('\n## ', 5)).matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  let reports: Record<string, any>[];
  const run = async (sql: string) => withDatabase(join(out, 'baocao.duckdb'), async (db) => (await queryRows(db, sql)).rows);
  beforeAll(() => {
    for (const f of seeds) cpSync(join(ROOT, 'fixtures', f), join(input, f));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    reports = seeds.map((f) => readJson(join(out, `${f}.json`)));
  });

  it('has three queries', () => {
    expect(queries).toHaveLength(3);
  });

  it('online rate by unit and month: the rate each report states for its own period', async () => {
    // `tỷ lệ đạt: 93,93%` (000), `Tỷ lệ nộp hồ sơ trực tuyến … 100%` (001), `tỷ lệ tiếp nhận hồ sơ trực tuyến … 99,86%` (003)
    expect(await run(queries[0]!)).toEqual([
      { unit_level: 'đặc khu', unit_name: 'Cát Hải', month: '2026-04', online_rate_percent: 93.93 },
      { unit_level: 'thành phố', unit_name: 'Hải Phòng', month: '2026-03', online_rate_percent: 99.86 },
      { unit_level: 'phường', unit_name: 'Thạch Khôi', month: '2026-02', online_rate_percent: 100 },
    ]);
  });

  it('units whose checks fail: the failed checks of each report JSON', async () => {
    const expectedRows = reports
      .map((r) => ({
        unit_level: r.document.unit?.level ?? null,
        unit_name: r.document.unit?.name ?? null,
        path: r.source.path,
        failed_checks: r.checks.filter((c: { holds: boolean }) => c.holds === false).length,
      }))
      .filter((r) => r.failed_checks > 0)
      .sort((a, b) => b.failed_checks - a.failed_checks || (a.path < b.path ? -1 : 1));
    expect(expectedRows.length).toBeGreaterThan(0); // the seeds' arithmetic does not all add up
    const rows = (await run(queries[1]!)).map((r) => ({ ...r, failed_checks: Number(r.failed_checks) }));
    expect(rows).toEqual(expectedRows);
  });

  it('directives cited by more than one report: the reference keys of the report JSONs', async () => {
    const byKey = new Map<string, Set<number>>();
    reports.forEach((r, i) => r.references.forEach((x: { key: string }) => byKey.set(x.key, (byKey.get(x.key) ?? new Set()).add(i))));
    const expectedRows = [...byKey]
      .filter(([, docs]) => docs.size > 1)
      .map(([key, docs]) => ({
        key,
        reports: docs.size,
        units: [...new Set([...docs].map((i) => reports[i]!.document.unit?.name).filter(Boolean))].sort().join(', '),
      }))
      .sort((a, b) => b.reports - a.reports || (a.key < b.key ? -1 : 1));
    expect(expectedRows.length).toBeGreaterThan(0);
    const rows = (await run(queries[2]!)).map((r) => ({ ...r, reports: Number(r.reports) }));
    expect(rows).toEqual(expectedRows);
  });
  it('a value QA marked wrong in review.jsonl shows in the metrics view and loses the pick', async () => {
    const onlineRate = "SELECT value, review, candidates FROM metrics WHERE unit_name = 'Cát Hải' AND metric = 'online.rate' AND role = 'actual'";
    expect(await run(onlineRate)).toEqual([{ value: 93.93, review: null, candidates: expect.any(Number) }]);
    const r000 = reports.find((r) => r.source.path.startsWith('000_'))!;
    const figure = r000.figures.find((f: { value: number; metric: string }) => f.value === 93.93 && f.metric === 'online.rate');
    const mark = {
      time: '2026-11-23T10:00:00.000Z',
      file: r000.source.path,
      sha256: r000.source.sha256,
      id: figure.id,
      target: 'figure',
      verdict: 'wrong',
      span: figure.provenance.span,
      line: figure.provenance.line,
      text: figure.provenance.text,
    };
    writeFileSync(join(out, 'review.jsonl'), `${JSON.stringify(mark)}\n`);
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const [row] = await run(onlineRate);
    expect(row!.value).not.toBe(93.93);
    expect(row!.review).toBeNull();
    const marked = await run(
      `SELECT r.verdict FROM figures f JOIN reviews r USING (sha256, span_start, span_end) WHERE f.id = '${figure.id}' AND f.sha256 = '${r000.source.sha256}'`,
    );
    expect(marked).toEqual([{ verdict: 'wrong' }]);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0]).toContain('review');
    expect(readFileSync(join(out, 'review.jsonl'), 'utf8')).toBe(`${JSON.stringify(mark)}\n`);
  });
});
