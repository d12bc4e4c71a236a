/**
 * `npm run bench:batch`: an archive of 10 000 generated files (scripts/make-archive.ts: seeds
 * rewritten for other units, months and numbers, DOCX and PDF copies, 5 % broken) through
 * `baocao run` as a user runs it, with `--jobs 1` and `--jobs 2`, and at `--jobs 2` with worker
 * threads instead of processes (the baseline of what process isolation costs). Prints files/s and
 * MB/s (and the ratios), peak memory (PSS) of the process and its children over the whole run and
 * over each tenth of the files (flat means the last tenth is no higher than the first), and checks the outcome:
 * every good file's report present exactly once, every broken file in errors.jsonl, one row per
 * distinct good file in the database, exit code 1. One run per setting (a run is minutes long):
 * the figures are single measurements.
 *
 * Why 10 000: a worker is replaced after 500 files, and its memory rises over its first
 * hundred or so (JIT code, the heap V8 sizes for it). A tenth of 10 000 files spans a whole worker
 * life at either setting, so the first and the last tenth compare like with like and "flat" asks
 * whether memory grows with the archive. With 2 000 files the first tenth at `--jobs 2` is each
 * worker's first 100 files only (docs/batch-memory.md).
 *
 *   BATCH_FILES=2000 npm run bench:batch                 (a smaller archive)
 *   BATCH_SETTINGS=2:process,2:thread npm run bench:batch   (some of the runs)
 *   BATCH_REPEAT=3 …                                        (each setting 3 times, interleaved; medians)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, queryRows, withDatabase } from '../../src/write/duckdb.js';
import { sha256File } from '../../src/write/files.js';
import { mb, median, treePssKb } from '../_measure.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FILES = Number(process.env.BATCH_FILES ?? 10_000);
type Isolation = 'process' | 'thread';
/**
 * The runs, as `jobs:isolation`: workers as processes (what a user runs) at one and two jobs, and
 * as threads at two jobs, the baseline for what process isolation costs, measured in the same run.
 */
const SETTINGS = (process.env.BATCH_SETTINGS ?? '1:process,2:process,2:thread').split(',').map((s) => {
  const [jobs, isolation] = s.split(':');
  return { jobs: Number(jobs), isolation: (isolation ?? 'process') as Isolation };
});

interface Expected {
  files: { path: string; kind: string; broken: string | null }[];
}

async function run(archive: string, jobs: number, isolation: Isolation) {
  const out = mkdtempSync(join(tmpdir(), `baocao-bench-out-j${jobs}-${isolation}-`));
  const t0 = performance.now();
  // the command as installed (bin/baocao, which sets glibc's allocator tunables), as a user runs it
  const child = spawn(join(ROOT, 'bin/baocao'), ['run', archive, '--out', out, '--jobs', String(jobs), '--isolation', isolation, '--progress-every', '0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let done = 0;
  let progressLines = 0;
  let stdout = '';
  child.stdout.setEncoding('utf8'); // (a chunk may end inside a multi-byte character)
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    for (const m of chunk.matchAll(/^progress: (\d+)\//gm)) {
      done = Number(m[1]);
      progressLines++;
    }
  });
  child.stderr.resume();
  const samples: { done: number; kb: number }[] = [];
  const timer = setInterval(() => samples.push({ done, kb: treePssKb(child.pid!) }), 250);
  // 'close', not 'exit': the last stdout chunks (the summary) may come after the exit
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  return { out, code, seconds, samples, progressLines, summary: /^\d+ files: .*$/m.exec(stdout)?.[0] ?? `(no summary; output ends: ${JSON.stringify(stdout.slice(-160))})` };
}

async function check(archive: string, out: string, expected: Expected, distinctGood: number, code: number | null, summary: string): Promise<string[]> {
  const problems: string[] = [];
  // exit code 1 is also what a crash gives: the run must also have ended with its summary and tables
  if (code !== 1) problems.push(`exit code ${code}, expected 1`);
  if (!/^\d+ files: /.test(summary)) problems.push(`no summary line: ${summary}`);
  for (const f of ['metrics.csv', 'baocao.duckdb', 'manifest.jsonl']) if (!existsSync(join(out, f))) problems.push(`no ${f}`);
  const errors = new Map<string, number>();
  for (const line of readFileSync(join(out, 'errors.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const e = JSON.parse(line) as { file: string; reason: string };
    const rel = e.file.slice(archive.length + 1);
    errors.set(rel, (errors.get(rel) ?? 0) + 1);
    if (!e.reason) problems.push(`${rel}: error without a reason`);
  }
  for (const f of expected.files) {
    const report = join(out, `${f.path}.json`);
    let present = false;
    try {
      present = statSync(report).isFile();
    } catch {
      present = false;
    }
    if (f.broken && errors.get(f.path) !== 1) problems.push(`${f.path} (${f.broken}): ${errors.get(f.path) ?? 0} error lines`);
    if (f.broken && present) problems.push(`${f.path} (${f.broken}): has a report`);
    if (!f.broken && !present) problems.push(`${f.path}: no report${errors.has(f.path) ? ' (in errors.jsonl)' : ''}`);
    if (!f.broken && errors.has(f.path)) problems.push(`${f.path}: good file in errors.jsonl`);
  }
  // the tables hold one document per distinct content, however many statements loaded them
  if (existsSync(join(out, DATABASE_FILE))) {
    const { rows } = await withDatabase(join(out, DATABASE_FILE), (db) => queryRows(db, 'SELECT count(*) AS n, count(DISTINCT sha256) AS distinct_n FROM copies'));
    const [n, distinct] = [Number(rows[0]!.n), Number(rows[0]!.distinct_n)];
    if (n !== distinctGood || distinct !== distinctGood) problems.push(`copies table: ${n} rows (${distinct} distinct) for ${distinctGood} distinct good files`);
  }
  return problems;
}

const archive = mkdtempSync(join(tmpdir(), 'baocao-bench-archive-'));
const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-archive.ts'), archive, '--files', String(FILES)], { cwd: ROOT, encoding: 'utf8' });
if (made.status !== 0) throw new Error(made.stderr);
console.log(made.stdout.trim());
const expected = JSON.parse(readFileSync(join(archive, '.expected.json'), 'utf8')) as Expected;
// the good files' distinct contents: the rows `copies` must hold after each run (`documents` holds one row per document: copies of a report count once)
const goodHashes = new Set<string>();
for (const f of expected.files) if (!f.broken) goodHashes.add(await sha256File(join(archive, f.path))); // one at a time: 10 000 open files at once could run out of descriptors
const distinctGood = goodHashes.size;
const bytes = expected.files.reduce((n, f) => n + statSync(join(archive, f.path)).size, 0);

// BATCH_REPEAT=3: the settings run in turn that many times (interleaved, so that the machine's
// load falls on each alike), and files/s is compared by medians
const REPEAT = Number(process.env.BATCH_REPEAT ?? 1);
const rates = new Map<string, number[]>();
for (const { jobs, isolation } of Array.from({ length: REPEAT }, () => SETTINGS).flat()) {
  const r = await run(archive, jobs, isolation);
  const peak = Math.max(...r.samples.map((s) => s.kb)) / 1024;
  const n = expected.files.length;
  const tenth = n / 10;
  // peak RSS while the files done are in [from, to); by tenth of the files, so that a ramp at the
  // start can be told from growth all along
  const peakMb = (from: number, to: number) => Math.max(0, ...r.samples.filter((s) => s.done >= from && s.done < to).map((s) => s.kb)) / 1024;
  const byTenth = Array.from({ length: 10 }, (_, i) => (i < 9 ? peakMb(i * tenth + 1, (i + 1) * tenth + 1) : peakMb(n - tenth, n)));
  const [early, late] = [byTenth[0]!, byTenth[9]!];
  // after the last file: the DuckDB file and metrics.csv are built from all the reports
  const tables = peakMb(n, n + 1);
  const problems = await check(archive, r.out, expected, distinctGood, r.code, r.summary);
  const key = `${jobs}:${isolation}`;
  rates.set(key, [...(rates.get(key) ?? []), expected.files.length / r.seconds]);
  console.log(`--jobs ${jobs}, workers as ${isolation === 'process' ? 'processes' : 'threads'}: ${r.summary}`);
  console.log(
    `  ${r.seconds.toFixed(1)} s, ${(expected.files.length / r.seconds).toFixed(2)} files/s, ${(mb(bytes) / r.seconds).toFixed(2)} MB/s (${mb(bytes).toFixed(1)} MB in)`,
  );
  console.log(
    `  peak memory (PSS of the process tree) ${peak.toFixed(0)} MB (target ≤ 300); first 10 % of files ${early.toFixed(0)} MB, last 10 % ${late.toFixed(0)} MB (${late <= early ? 'flat' : 'grew'}); building the tables ${tables.toFixed(0)} MB; ${r.progressLines} progress lines`,
  );
  console.log(`  peak memory by tenth of the files: ${byTenth.map((x) => x.toFixed(0)).join(' ')} MB`);
  console.log(problems.length === 0 ? '  outcome: every good file has one report and one row in copies, every broken file one error line, and the run ended with its summary and tables' : `  outcome: ${problems.length} problems:\n    ${problems.slice(0, 20).join('\n    ')}`);
  rmSync(r.out, { recursive: true, force: true });
}
const ratio = (a: string, b: string, what: string) => {
  if (!rates.has(a) || !rates.has(b)) return;
  const [x, y] = [median(rates.get(a)!), median(rates.get(b)!)];
  const runs = REPEAT > 1 ? ` (medians of ${REPEAT} runs: ${x.toFixed(2)} and ${y.toFixed(2)} files/s)` : '';
  console.log(`${what}: ${(x / y).toFixed(2)}× files/s${runs}`);
};
ratio('2:process', '1:process', '--jobs 2 / --jobs 1 (processes)');
// the target: process isolation costs at most 10 % of files/s against threads
ratio('2:process', '2:thread', '--jobs 2, processes / threads (target ≥ 0.90)');
rmSync(archive, { recursive: true, force: true });
