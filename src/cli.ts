/** The command line: parses arguments and calls a pipeline, nothing else. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { createProgress } from './progress.js';
// Each command loads its own modules when it runs: the batch's main thread only orchestrates,
// and every megabyte it holds is held for the whole run next to the worker threads.

const program = new Command();
program
  .name('baocao')
  .description('Turn Vietnamese government reports (báo cáo, kế hoạch, công văn) into structured, traceable JSON.')
  .showHelpAfterError();

program
  .command('run')
  .description('process files and folders (recursively) into one JSON report per file')
  .argument('<inputs...>', 'report files or folders (.txt, .md, .docx, .pdf, images)')
  .requiredOption('-o, --out <dir>', 'output folder')
  .addOption(new Option('-j, --jobs <n>', 'files processed at once').default(availableParallelism()).argParser(positiveInt))
  .addOption(new Option('--timeout <seconds>', 'time limit per file').default(120).argParser(positiveInt))
  .addOption(new Option('--max-memory <mb>', 'heap limit per worker thread').default(512).argParser(positiveInt))
  .addOption(new Option('--progress-every <seconds>', 'seconds between plain progress lines (no terminal)').default(5).argParser(positiveNumber))
  .option('-v, --verbose', 'print stack traces of failures')
  .addOption(new Option('--format <format>', 'report JSON: full, or compact (without the texts and restoration details)').choices(['full', 'compact']).default('full'))
  .option('--text', "also write each document's restored text as Markdown beside its report (<out>/<input path>.md)")
  .addHelpText(
    'after',
    [
      '',
      'Writes <out>/<input path>.json per file, <out>/errors.jsonl (one line per failed file),',
      '<out>/metrics.csv and <out>/baocao.duckdb (tables documents, figures, references, checks;',
      'view metrics), <out>/manifest.jsonl and run metadata under <out>/runs/.',
      'A re-run skips files already done (same content, same pipeline version) and resumes an',
      'interrupted run. A progress bar is drawn when stderr is a terminal, plain lines otherwise.',
      'Exit code 1 when any file failed.',
      '',
      'Example:',
      '  baocao run archive --out output --jobs 2',
    ].join('\n'),
  )
  .action(async (inputs: string[], opts: { out: string; jobs: number; timeout: number; maxMemory: number; progressEvery: number; verbose?: boolean; format: 'full' | 'compact'; text?: boolean }) => {
    const progress = createProgress({ tty: Boolean(process.stderr.isTTY), verbose: opts.verbose, every: opts.progressEvery });
    let summary;
    // one line per processed file, printed once the progress bar is gone
    const checkLines: string[] = [];
    try {
      const { runBatch } = await import('../pipelines/batch.js');
      summary = await runBatch(inputs, {
        out: opts.out,
        jobs: opts.jobs,
        timeoutMs: opts.timeout * 1000,
        memoryMb: opts.maxMemory,
        format: opts.format,
        text: Boolean(opts.text),
        onStart: (total) => progress.start(total),
        onFile: (event) => {
          progress.file(event);
          if (event.ok && event.checks) checkLines.push(`checks: ${event.file}: ${event.checks.failed} of ${event.checks.made} failed`);
        },
      });
    } catch (error) {
      progress.stop();
      fail(error, opts.verbose);
      return;
    }
    progress.stop();
    for (const line of checkLines.sort()) console.log(line);
    const skipped = summary.unchanged + summary.reused;
    const detail = skipped > 0 ? ` (${summary.unchanged} unchanged, ${summary.reused} reused by hash)` : '';
    console.log(`${summary.files} files: ${summary.ok} written, ${summary.failed} failed${detail} → ${opts.out}`);
    process.exitCode = summary.failed > 0 ? 1 : 0;
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

/** A command that could not finish: its reason on stderr (and where it came from, verbose), exit code 1. */
function fail(error: unknown, verbose = false): void {
  console.error(`error: ${(error as Error).message}`);
  if (verbose) console.error((error as Error).stack);
  process.exitCode = 1;
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
