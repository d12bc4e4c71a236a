/**
 * The system `tesseract` command (Debian's tesseract-ocr, 5 or later) as an OCR engine, chosen with
 * `--ocr-engine native` (and `auto`, the default, where the command is installed): one process a page,
 * single-threaded, the page image on stdin and its hOCR on stdout (parsed by ocr.ts's `hocrLines`), with
 * baocao's own `vie` models unpacked to a tessdata folder in the system's temporary folder. Each OCR'd
 * page of a report names the engine that read it (`source.ocr`), so readings that depend on what the
 * machine has installed say so (docs/scans.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { Slots } from './slots.js';

const gunzipAsync = promisify(gunzip);

/** What a machine without the command is told to run. */
export const INSTALL_TESSERACT = 'apt-get install tesseract-ocr';

/** `tesseract --version` run once: the command's version line when it is 5 or later, else why it cannot serve. */
function probe(): { version: string } | { reason: string } {
  const r = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { reason: 'the tesseract command is not on PATH' };
  const line = r.stdout.split('\n')[0]!.trim();
  const major = /^tesseract v?(\d+)\./.exec(line);
  if (major && Number(major[1]) >= 5) return { version: line };
  return { reason: `the tesseract command is too old (${line}; version 5 or later reads the vie models)` };
}

/** `tesseract 5.3.0`: the first line of `tesseract --version`, or null when the command is missing or older than 5. */
export function tesseractVersion(): string | null {
  const found = probe();
  return 'version' in found ? found.version : null;
}

/** The error of `--ocr-engine native` on a machine that cannot run it. */
export class TesseractMissing extends Error {
  /** The reason and what to do, without the option's name. */
  readonly detail: string;
  constructor(reason: string) {
    const detail = `${reason}; install it with \`${INSTALL_TESSERACT}\` (or run with --ocr-engine wasm, tesseract.js)`;
    super(`--ocr-engine native: ${detail}`);
    this.name = 'TesseractMissing';
    this.detail = detail;
  }
}

/** The version line of a usable `tesseract` command; throws `TesseractMissing` otherwise. */
export function requireTesseract(): string {
  const found = probe();
  if ('reason' in found) throw new TesseractMissing(found.reason);
  return found.version;
}

/**
 * One model read by `tesseract` processes, at most `size` at once (as many as the WASM engine has
 * workers): the model is unpacked on the first page into a tessdata folder of the system's temporary
 * folder named by the model's hash, which every process reading with that model shares and keeps (a
 * batch worker killed mid-page has nothing of its own to leave behind).
 */
export class TesseractCli {
  private dir: Promise<string> | null = null;
  private readonly slots: Slots;

  /**
   * `model`: a `vie.traineddata.gz`; `parameters`: tesseract variables (`tessedit_pageseg_mode` goes
   * as `--psm`, the rest as `-c name=value`).
   */
  constructor(
    private readonly model: string,
    private readonly parameters: Readonly<Record<string, string>>,
    size: number,
  ) {
    this.slots = new Slots(size);
  }

  /** The command's version line (`tesseract 5.3.0`); throws `TesseractMissing` without a usable command. */
  get version(): string {
    this.checked ??= requireTesseract();
    return this.checked;
  }
  private checked: string | null = null;

  /**
   * The tessdata folder, made on first use (written whole under another name, then renamed: processes starting
   * together make it once); checks the command first, so a pool without it fails as it starts.
   */
  private tessdata(): Promise<string> {
    this.dir ??= (async () => {
      const version = this.version;
      const packed = await readFile(this.model);
      const dir = join(tmpdir(), `baocao-tessdata-${createHash('sha256').update(packed).digest('hex').slice(0, 16)}`);
      if (!existsSync(join(dir, 'vie.traineddata'))) {
        const staging = await mkdtemp(`${dir}-`);
        await writeFile(join(staging, 'vie.traineddata'), await gunzipAsync(packed));
        await chmod(staging, 0o755); // other users' runs read it too
        // another process may have made it first: its copy serves
        await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
      }
      // a tesseract that cannot load the model (an LSTM model needs 4 or later) is told apart from a bad page
      const langs = spawnSync('tesseract', ['--tessdata-dir', dir, '--list-langs'], { encoding: 'utf8' });
      if (langs.status !== 0 || !/^vie$/m.test(langs.stdout)) {
        throw new TesseractMissing(`${version} does not list baocao's vie model (${(langs.stderr || langs.stdout).trim().split('\n').pop()})`);
      }
      return dir;
    })();
    return this.dir;
  }

  /** The page's hOCR. A failing process rejects with tesseract's exit and its stderr. */
  async hocr(image: Uint8Array): Promise<string> {
    const dir = await this.tessdata();
    return this.slots.run(() => this.run(dir, image));
  }

  private run(dir: string, image: Uint8Array): Promise<string> {
    const { tessedit_pageseg_mode: psm = '3', ...rest } = this.parameters;
    const args = ['--tessdata-dir', dir, '-l', 'vie', '--oem', '1', '--psm', psm, ...Object.entries(rest).flatMap(([k, v]) => ['-c', `${k}=${v}`]), '-c', 'tessedit_create_hocr=1', '-', '-'];
    return new Promise((resolve, reject) => {
      const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => reject(new Error(`tesseract could not run: ${e.message}`)));
      // a process that dies before reading the whole image closes its stdin: its exit says why
      child.stdin.on('error', () => {});
      child.on('close', (code, signal) => {
        if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
        const stderr = Buffer.concat(err).toString('utf8').trim();
        reject(new Error(`tesseract failed on the page (${signal ? `killed by ${signal}` : `exit ${code}`}): ${stderr || 'no message'}`));
      });
      child.stdin.end(image);
    });
  }

  /** Forgets the tessdata folder (shared and kept; a later page finds it again). */
  async close(): Promise<void> {
    await this.dir?.catch(() => null);
    this.dir = null;
  }
}
