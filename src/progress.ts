/**
 * Progress of a batch for the person watching: a bar (files done/total, errors, rate, ETA) on a
 * terminal, plain lines every few seconds otherwise (logs, CI). The failed files are listed once
 * the run ends (src/cli.ts), near its summary; with `verbose`, each is also printed as it fails,
 * with its stack. Only presentation: the counts come from the batch's events.
 */
import cliProgress from 'cli-progress';
import type { FileEvent } from '../pipelines/batch.js';

export interface ProgressOptions {
  /** Draw a bar (on stderr); otherwise print plain lines on stdout. */
  tty: boolean;
  verbose?: boolean;
  /** Seconds between plain lines. */
  every?: number;
}

export interface Progress {
  start(total: number): void;
  file(event: FileEvent): void;
  /** Takes the bar away and shows the cursor again; safe to call more than once. */
  stop(): void;
  /** Files done so far, and the total. */
  readonly done: number;
  readonly total: number;
}

export function createProgress(options: ProgressOptions): Progress {
  let total = 0;
  let done = 0;
  let errors = 0;
  let started = 0;
  let lastLine = 0;
  let shown = -1; // files done at the last plain line
  const every = (options.every ?? 5) * 1000;
  const multi = options.tty
    ? new cliProgress.MultiBar(
        {
          // the counts first: a narrow terminal cuts the end of the line, and the bar is what can go
          format: '{value}/{total} files | {errors} errors | {rate} files/s | ETA {eta_formatted} {bar}',
          hideCursor: true,
          // cli-progress turns the terminal's line wrapping off while it draws (a bar is cut at the
          // width instead), and a --verbose failure line printed meanwhile was cut with it
          linewrap: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let bar: cliProgress.SingleBar | null = null;
  let stopped = false;

  const rate = () => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  };
  const plainLine = () => {
    const r = rate();
    const eta = r > 0 ? Math.round((total - done) / r) : null;
    shown = done;
    console.log(`progress: ${done}/${total} files, ${errors} errors, ${r.toFixed(1)} files/s, ETA ${eta === null ? '?' : `${eta} s`}`);
  };
  const error = (line: string) => {
    if (multi) multi.log(`${line}\n`);
    else console.error(line);
  };

  return {
    start(n) {
      total = n;
      started = lastLine = Date.now();
      bar = multi?.create(n, 0, { errors: 0, rate: '0.0' }) ?? null;
    },
    file(event) {
      done++;
      if (!event.ok) {
        errors++;
        const e = event.error;
        if (options.verbose) error(`error: ${e.file}: ${e.reason} (${e.stage})${event.stack ? `\n${event.stack}` : ''}`);
      }
      if (bar) bar.update(done, { errors, rate: rate().toFixed(1) });
      // (and at the last file: what comes after it, the tables, is not files)
      else if (Date.now() - lastLine >= every || done === total) {
        lastLine = Date.now();
        plainLine();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // cli-progress prints logged lines at its next redraw, and stop() does not redraw: a
      // --verbose failure logged just before the end would be lost
      multi?.update();
      multi?.stop();
      // the last plain line says where the run ended, however recently the previous one came
      if (!multi && total > 0 && shown !== done) plainLine();
    },
    get done() {
      return done;
    },
    get total() {
      return total;
    },
  };
}
