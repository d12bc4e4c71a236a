/**
 * `npm run bench -- restore`: diacritic restoration speed and memory, one core.
 * Text: the English-OCR dev set (eval/data/restore/ocr-eng, seeds 000–003) and seed 004.
 * Prints model load time and the throughput, in full mode, of:
 * - the process's first restoration (the code not yet compiled; one run);
 * - a fresh restorer (cold: every distinct token's candidates searched);
 * - a restorer that has first restored the two other English-OCR renderings of seeds 000–003
 *   (ocr-eng-scan, ocr-eng-times): the same kind of reports with other OCR damage, which is what a
 *   batch worker's restorer has seen after a while: common words cached, new garbles not;
 * - a restorer that has restored this very text before (every cache hit: an upper bound);
 * medians of 5, and peak RSS.
 *
 * Then the issue-24 figure: 1 MB of distinct OCR text as one file through `bin/baocao restore` in a
 * child process pinned to one core (taskset), model load included, beside the same text through a
 * fresh in-process restorer in the same run (the baseline: what the CLI adds is process start,
 * module and model load, ingestion and output). The text: every committed OCR output (the dev set's
 * four renderings of seeds 000–003, the held-out set's three, seed 004 and its hand-aligned lines,
 * some 0.58 MB), then English-model OCR of further documents of ../shared/documents up to 1 MiB,
 * made once by scripts/make-restore-bench-text.ts into bench/.restore-text/ (not in git). Every
 * file is read once: repeating text would only measure the restorer's caches. Medians of 5 (CLI)
 * and 3 (baseline); the child's wall and CPU time and peak RSS come from /usr/bin/time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfusions, loadLanguageModel, loadToneConfusions, Restorer } from '../src/restore/index.js';
import { BENCH_TEXT_DIR, makeBenchText } from '../scripts/make-restore-bench-text.js';
import { SourceText } from '../src/text/source-text.js';
import { median, peakRssMb } from './_measure.js';

const read = (dir: string) => readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const text = [
  ...read('eval/data/restore/ocr-eng'),
  readFileSync(join('fixtures', readdirSync('fixtures').find((f) => f.startsWith('004_'))!), 'utf8'),
].join('\n\n');
const otherOcr = [...read('eval/data/restore/ocr-eng-scan'), ...read('eval/data/restore/ocr-eng-times')];
const kb = Buffer.byteLength(text) / 1024;

const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  new Restorer(loadLanguageModel(), loadConfusions());
  loads.push(performance.now() - t0);
}
console.log(`model load (LM files + confusions + candidate trie): median ${median(loads).toFixed(0)} ms`);

const fresh = () => new Restorer(loadLanguageModel(), loadConfusions());
const timeRestore = (r: Restorer) => {
  const t0 = performance.now();
  r.restore(SourceText.fromOriginal(text), { mode: 'full' });
  return performance.now() - t0;
};
const fiveTimes = (restorer: () => Restorer) => median(Array.from({ length: 5 }, () => timeRestore(restorer())));
const first = timeRestore(fresh());
const cold = fiveTimes(fresh);
const seenOther = fiveTimes(() => {
  const r = fresh();
  for (const t of otherOcr) r.restore(SourceText.fromOriginal(t), { mode: 'full' });
  return r;
});
const same = fresh();
timeRestore(same);
const seenThis = fiveTimes(() => same);
const line = (what: string, ms: number) => console.log(`throughput, ${what}: ${(kb / (ms / 1000)).toFixed(0)} KB/s (${ms.toFixed(0)} ms)`);
console.log(`text: ${kb.toFixed(0)} KB of OCR output`);
line('first restoration in the process', first);
line('fresh restorer (cold), median', cold);
line('restorer that has seen other OCR of these reports, median', seenOther);
line('restorer that has seen this text (every cache hit), median', seenThis);
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);

// --- the issue-24 figure: 1 MB of distinct OCR text through the CLI on one core ---
const ocrDirs = ['ocr-eng', 'ocr-eng-scan', 'ocr-eng-times', 'ocr-vie', 'heldout/ocr-eng', 'heldout/ocr-eng-scan', 'heldout/ocr-vie'];
const committedOcr = [
  ...ocrDirs.flatMap((d) => read(join('eval/data/restore', d))),
  readFileSync('eval/data/restore/seed004-aligned/ocr.txt', 'utf8'),
  readFileSync(join('fixtures', readdirSync('fixtures').find((f) => f.startsWith('004_'))!), 'utf8'),
].join('\n\n');
if (!existsSync(BENCH_TEXT_DIR)) {
  console.log(`\n${BENCH_TEXT_DIR} missing: rendering and OCR-ing documents of ../shared/documents up to 1 MB (once; some minutes)`);
  makeBenchText(Buffer.byteLength(committedOcr));
}
const allOcr = [committedOcr, ...read(BENCH_TEXT_DIR)].join('\n\n');
const allKb = Buffer.byteLength(allOcr) / 1024;
const dir = mkdtempSync(join(tmpdir(), 'baocao-bench-restore-'));
const file = join(dir, 'ocr.txt');
writeFileSync(file, allOcr);
// one core, as the target says: taskset pins the CLI and V8's compiler and collector threads with it
const pin = spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? ['taskset', '-c', '0'] : [];
const cliRun = () => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...pin, 'bin/baocao', 'restore', file], { encoding: 'utf8', maxBuffer: 1 << 27 });
  if (r.status !== 0) throw new Error(`baocao restore failed: ${r.stderr}`);
  const [wall, user, sys, rssKb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
  return { wall, cpu: user + sys, rssMb: rssKb / 1024 };
};
const inProcess = () => {
  const r = new Restorer(loadLanguageModel(), loadConfusions(), {}, loadToneConfusions());
  const t0 = performance.now();
  r.restore(SourceText.fromOriginal(allOcr), {});
  return (performance.now() - t0) / 1000;
};
const cli = Array.from({ length: 5 }, cliRun);
const base = [inProcess(), inProcess(), inProcess()];
rmSync(dir, { recursive: true });
const cliWall = median(cli.map((c) => c.wall));
const cliCpu = median(cli.map((c) => c.cpu));
const baseWall = median(base);
console.log(`\ndistinct OCR text: ${allKb.toFixed(0)} KB (committed: ${ocrDirs.length} OCR sets + seed 004, ${(Buffer.byteLength(committedOcr) / 1024).toFixed(0)} KB; ${BENCH_TEXT_DIR}: the rest)`);
console.log(`baocao restore (CLI, model load included, ${pin.length ? 'pinned to one core' : 'NOT pinned: taskset missing'}), median of 5: ${(allKb / cliWall).toFixed(0)} KB/s wall (${cliWall.toFixed(2)} s; runs ${cli.map((c) => c.wall.toFixed(2)).join(', ')}), ${(allKb / cliCpu).toFixed(0)} KB/s of CPU time (${cliCpu.toFixed(2)} s user+sys) — target ≥ 500 KB/s`);
console.log(`baseline, fresh in-process restorer (no load, not pinned), median of 3: ${(allKb / baseWall).toFixed(0)} KB/s (${baseWall.toFixed(2)} s; runs ${base.map((s) => s.toFixed(2)).join(', ')})`);
console.log(`ratio CLI wall / in-process: ${(cliWall / baseWall).toFixed(2)}`);
console.log(`CLI peak RSS: median ${median(cli.map((c) => c.rssMb)).toFixed(0)} MB, max ${Math.max(...cli.map((c) => c.rssMb)).toFixed(0)} MB — target ≤ 300 MB`);
