/** The command line: parses arguments and calls a pipeline, nothing else. */
import { Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { runBatch } from '../pipelines/batch.js';

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
  .option('-v, --verbose', 'print stack traces of failures')
  .addHelpText(
    'after',
    '\nWrites <out>/<input path>.json per file and <out>/errors.jsonl (one line per failed file).\nExit code 1 when any file failed.\n\nExample:\n  baocao run fixtures --out output',
  )
  .action(async (inputs: string[], opts: { out: string; jobs: number; verbose?: boolean }) => {
    const summary = await runBatch(inputs, {
      out: opts.out,
      jobs: opts.jobs,
      onFile: (event) => {
        if (!event.ok) console.error(`error: ${event.error.file}: ${event.error.reason} (${event.error.stage})`);
      },
    });
    console.log(`${summary.files} files: ${summary.ok} written, ${summary.failed} failed → ${opts.out}`);
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

function positiveInt(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a whole number ≥ 1, got ${value}`);
  return n;
}

await program.parseAsync(process.argv);
