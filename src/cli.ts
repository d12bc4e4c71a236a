/** The command line: parses arguments and calls a pipeline, nothing else. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BatchSummary } from '../pipelines/batch.js';
import { OutputError, UsageError } from './errors.js';
import pkg from '../package.json' with { type: 'json' };
import { OCR_ENGINES, OCR_MODES, type OcrEngineChoice, type OcrMode } from './ingest/ocr.js';
import { SCHEMA_VERSION } from './write/schema-version.js';
// Each command loads its own modules when it runs: the batch's main thread only orchestrates,
// and every megabyte it holds is held for the whole run next to the workers.

/** Reports and failed files listed after a run, unless --verbose asks for all. */
const LISTED = 10;

interface RunOptions {
  out: string;
  jobs: number;
  timeout: number;
  maxMemory: number;
  retryFailed?: boolean;
  prune?: boolean;
  pruneLimit: number;
  isolation: 'process' | 'thread';
  progressEvery: number;
  verbose?: boolean;
  format: 'full' | 'compact';
  text?: boolean;
  queue?: string;
  ocr: OcrMode;
  ocrEngine: OcrEngineChoice;
}

const program = new Command();
program
  // commander's own errors (an unknown option, a missing argument) exit with 2 like ours
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .name('baocao')
  .description('Turn Vietnamese government reports (báo cáo, kế hoạch, công văn) into structured, traceable JSON.')
  .version(`baocao ${pkg.version}, report schema ${SCHEMA_VERSION}`, '-V, --version')
  .showHelpAfterError();

program
  .command('run')
  .description('process files and folders (recursively) into one JSON report per file')
  .argument('<inputs...>', 'report files or folders (text, Markdown, DOCX, DOC, RTF, ODT, XLSX, XLS, ODS, PDF, images, ZIP archives of them)')
  .requiredOption('-o, --out <dir>', 'output folder')
  .addOption(new Option('-j, --jobs <n>', 'files processed at once').default(availableParallelism()).argParser(positiveInt))
  .addOption(new Option('--timeout <seconds>', 'time limit per file').default(120).argParser(positiveInt))
  .addOption(new Option('--max-memory <mb>', 'memory bound of each worker process (a file that needs more fails alone)').default(1024).argParser(positiveInt))
  .option('--retry-failed', 'process again the files that failed before, even those skipped after failing 3 times')
  .option('--prune', 'remove the reports of files gone from the inputs, however many (without it: at most --prune-limit)')
  .addOption(new Option('--prune-limit <percent>', 'most of the output whose reports a run removes because their files are gone').default(25).argParser(positiveNumber))
  // worker threads instead of processes: no bound on native memory; for `npm run bench:batch`'s baseline
  .addOption(new Option('--isolation <kind>').choices(['process', 'thread']).default('process').hideHelp())
  .addOption(new Option('--progress-every <seconds>', 'seconds between plain progress lines (no terminal)').default(5).argParser(positiveNumber))
  .option('-v, --verbose', 'list every failed file and report with failed checks, and print stack traces')
  .addOption(new Option('--format <format>', 'report JSON: full, or compact (without the texts and restoration details)').choices(['full', 'compact']).default('full'))
  .option('--text', "also write each document's restored text as Markdown beside its report (<out>/<input path>.md)")
  .addOption(
    new Option('--ocr <model>', 'OCR model for scans: fast, best, or auto (fast, and best again for a page fast reads with low confidence)')
      .choices(OCR_MODES)
      .default('auto'),
  )
  .addOption(
    new Option('--ocr-engine <engine>', 'what runs the OCR models: native (the system tesseract 5 command, apt-get install tesseract-ocr; a fifth cheaper), wasm (tesseract.js, built in), or auto (native where installed)')
      .choices(OCR_ENGINES)
      .default('auto'),
  )
  .option('--queue <url>', 'send the files to a Redis queue (redis://HOST:PORT/DB) for `baocao worker` on any machine that sees the inputs and --out at the same paths')
  .addHelpText(
    'after',
    [
      '',
      'Writes <out>/<input path>.json per file, <out>/errors.jsonl (one line per failed file),',
      '<out>/metrics.csv and <out>/baocao.duckdb (tables documents, figures, references, checks;',
      'view metrics), <out>/manifest.jsonl and run metadata under <out>/runs/.',
      'A re-run skips files already done (same content, same pipeline version) and resumes an',
      'interrupted run (Ctrl+C, a kill). A progress bar is drawn when stderr is a terminal, plain',
      'lines otherwise. At the end: the reports with failed checks and the failed files (the first',
      `${LISTED} of each; --verbose for all), then one summary line.`,
      'Symbolic links are followed; broken ones and loops are skipped with a line each.',
      'Exit code 1 when any file failed, 2 when the command cannot run as given.',
      '',
      'Example:',
      '  baocao run archive --out output --jobs 2',
    ].join('\n'),
  )
  .action(async (inputs: string[], opts: RunOptions) => {
    const { createProgress } = await import('./progress.js');
    const progress = createProgress({ tty: Boolean(process.stderr.isTTY), verbose: opts.verbose, every: opts.progressEvery });
    // Ctrl+C (or a kill): the bar goes and the cursor comes back; every finished file is already
    // on disk and in the manifest's journal, so the same command picks up where this one stopped
    const stopping = new AbortController();
    const interrupted = (signal: NodeJS.Signals) => {
      // the workers go now; the files they held are not counted against them
      stopping.abort();
      progress.stop();
      const done = progress.total > 0 ? `${progress.done} of ${progress.total} files done` : 'no file done yet';
      console.error(`interrupted (${signal}): ${done}. Run the same command again to resume:\n  ${commandLine()}`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let summary: BatchSummary;
    try {
      const { runBatch } = await import('../pipelines/batch.js');
      summary = await runBatch(inputs, {
        out: opts.out,
        jobs: opts.jobs,
        timeoutMs: opts.timeout * 1000,
        memoryMb: opts.maxMemory,
        retryFailed: Boolean(opts.retryFailed),
        prune: Boolean(opts.prune),
        pruneShare: opts.pruneLimit / 100,
        isolation: opts.isolation,
        signal: stopping.signal,
        format: opts.format,
        text: Boolean(opts.text),
        ocr: opts.ocr,
        ocrEngine: opts.ocrEngine,
        ...(opts.queue ? { queue: opts.queue } : {}),
        onSkip: (s) => console.error(`skipped: ${s.path}: ${s.reason}`),
        onStart: (total) => progress.start(total),
        onFile: (event) => progress.file(event),
      });
    } catch (error) {
      progress.stop();
      fail(error, opts.verbose);
      return;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
    progress.stop();
    for (const line of summaryLines(summary, opts)) console.log(line);
    for (const line of failureLines(summary, opts)) console.error(line);
    console.log(totalLine(summary, opts.out));
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

/** The reports with failed checks, most first: what QA opens next (`baocao review`). */
function summaryLines(summary: BatchSummary, opts: RunOptions): string[] {
  const { failing } = summary;
  if (failing.length === 0) return [];
  const shown = opts.verbose ? failing : failing.slice(0, LISTED);
  const lines = [`Reports with failed checks (${failing.length}, most first):`];
  for (const r of shown) lines.push(`  ${r.checks.failed} of ${r.checks.made} checks failed: ${r.file}`);
  if (shown.length < failing.length) lines.push(`  … and ${failing.length - shown.length} more (--verbose lists all; baocao review ${opts.out} shows each check)`);
  return lines;
}

/** One line per failed file (reason and stage), on stderr. */
function failureLines(summary: BatchSummary, opts: RunOptions): string[] {
  const { errors } = summary;
  const shown = opts.verbose ? errors : errors.slice(0, LISTED);
  const lines = shown.map((e) => `error: ${e.file}: ${e.reason} (${e.stage})`);
  if (shown.length < errors.length) lines.push(`error: … and ${errors.length - shown.length} more failed files (--verbose lists all; every one is in ${join(opts.out, 'errors.jsonl')})`);
  return lines;
}

/** The last line: what the run did, how long it took, where it went. */
function totalLine(s: BatchSummary, out: string): string {
  const copied = s.reused > 0 ? ` (${s.reused} copied from files of the same content)` : '';
  const links = s.links > 0 ? `, ${s.links} symbolic ${s.links === 1 ? 'link' : 'links'} followed` : '';
  const checks = `${s.failedChecks} failed ${s.failedChecks === 1 ? 'check' : 'checks'}${s.failing.length > 0 ? ` in ${s.failing.length} ${s.failing.length === 1 ? 'report' : 'reports'}` : ''}`;
  return `${s.files} files${links}: ${s.written + s.reused} written${copied}, ${s.unchanged} unchanged, ${s.failed} failed; ${checks}; ${duration(s.durationMs)} → ${out}`;
}

/** 0.4 s, 12.3 s, 4 min 05 s, 1 h 02 min */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** This command as typed, quoted for a POSIX shell where needed. */
function commandLine(): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['baocao', ...process.argv.slice(2)].map(quote).join(' ');
}

interface WorkerOptions {
  queue: string;
  concurrency: number;
  timeout: number;
  maxMemory: number;
  lock: number;
  verbose?: boolean;
}

program
  .command('worker')
  .description('process files from the queue of `baocao run --queue` until stopped (Ctrl+C finishes the files in hand)')
  .requiredOption('--queue <url>', 'the Redis queue: redis://HOST:PORT/DB or unix:///path/redis.sock')
  .addOption(new Option('-c, --concurrency <n>', 'files processed at once').default(availableParallelism()).argParser(positiveInt))
  .addOption(new Option('--timeout <seconds>', 'time limit per file').default(120).argParser(positiveInt))
  .addOption(new Option('--max-memory <mb>', 'memory bound of each worker process (a file that needs more fails alone)').default(1024).argParser(positiveInt))
  // how long a killed worker's file waits before another worker takes it (the tests shorten it)
  .addOption(new Option('--lock <seconds>').default(30).argParser(positiveInt).hideHelp())
  .option('-v, --verbose', 'one line per file done')
  .action(async (opts: WorkerOptions) => {
    const stopping = new AbortController();
    const stop = (signal: NodeJS.Signals) => {
      if (stopping.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
      console.error(`baocao worker: ${signal}: finishing the files in hand (again to stop now)`);
      stopping.abort();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      const { connectionOf, runQueueWorker } = await import('../pipelines/queue.js');
      connectionOf(opts.queue);
      console.error(`baocao worker: ${opts.queue}, ${opts.concurrency} at once`);
      await runQueueWorker(opts.queue, {
        concurrency: opts.concurrency,
        timeoutMs: opts.timeout * 1000,
        memoryMb: opts.maxMemory,
        lockMs: opts.lock * 1000,
        signal: stopping.signal,
        onProblem: (message) => console.error(`baocao worker: ${message} (retrying)`),
        ...(opts.verbose ? { onJob: (e) => console.error(`${e.ok ? 'done' : 'failed'}: ${e.kind === 'page' ? 'a page of ' : ''}${e.file}${e.reason ? `: ${e.reason}` : ''}`) } : {}),
      });
    } catch (error) {
      fail(error, opts.verbose);
    }
    // a Redis client still trying to reconnect would keep the process alive
    process.exit(process.exitCode ?? 0);
  });

program
  .command('review')
  .description('write the QA review site into <out>/review/: every value beside its source, failed checks first')
  .argument('<out>', 'the output folder of baocao run')
  .option('--serve', 'serve the site on 127.0.0.1 so verdicts are saved to <out>/review.jsonl')
  .addOption(new Option('--port <n>', 'port for --serve (0: any free port)').default(8765).argParser(portNumber))
  .addHelpText('after', '\nOpen <out>/review/index.html directly (verdicts stay in the browser, with a download),\nor use --serve to have them appended to <out>/review.jsonl.\n\nExample:\n  baocao review output --serve')
  .action(async (out: string, opts: { serve?: boolean; port: number }) => {
    try {
      const { review } = await import('./review/index.js');
      await review(out, opts, (line) => console.log(line));
    } catch (error) {
      fail(error);
    }
  });

program
  .command('restore')
  .description('print a text file with its Vietnamese diacritics restored (stripped or English-model OCR text)')
  .argument('<file>', 'a text file')
  .action(async (file: string) => {
    try {
      const { restoreCommand } = await import('./restore/cli.js');
      await restoreCommand(file);
    } catch (error) {
      fail(error);
    }
  });

/**
 * A command that could not finish: its reason on stderr (and where it came from, verbose); exit
 * code 2 when it could not start as given (UsageError) or its output could not be written
 * (OutputError), 1 otherwise.
 */
function fail(error: unknown, verbose = false): void {
  console.error(`error: ${(error as Error).message}`);
  if (verbose) console.error((error as Error).stack);
  process.exitCode = error instanceof UsageError || error instanceof OutputError ? 2 : 1;
}

function portNumber(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`expected a port number 0–65535, got ${value}`);
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(n > 0)) throw new InvalidArgumentError(`expected a number > 0, got ${value}`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got ${value}`);
  return n;
}

await program.parseAsync(process.argv);
