/**
 * What `baocao run` prints, read as a user reads it: the reports with failed checks and the failed
 * files after the run (the first 10, --verbose for all), one summary line, clear errors with exit
 * code 2, symbolic links, and Ctrl+C on a real terminal (util-linux `script` gives the command a
 * pseudo-terminal, and ^C typed into it is the line discipline's SIGINT, as from a keyboard), and
 * `baocao restore` pinned to one core as on all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baocao, BIN, readJson, ROOT } from './helpers.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `baocao-cli-${name}-`));
const seedFile = (id: string) => join(ROOT, 'fixtures', readdirSync(join(ROOT, 'fixtures')).find((f) => f.startsWith(`${id}_`))!);
/** What the report says of its checks: how many were made, how many failed. */
const checksOf = (report: string) => {
  const checks: { holds: boolean }[] = readJson(report).checks;
  return { made: checks.length, failed: checks.filter((c) => !c.holds).length };
};
/** The output without progress lines, and the run's time (which varies) as `<t>`. */
const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('progress:'))
    .map((l) => l.replace(/; (\d+\.\d s|\d+ min \d\d s|\d+ h \d\d min) → /, '; <t> → '));

describe('baocao run: what it prints', () => {
  it('lists the reports with failed checks, most first, and ends with one summary line', () => {
    const input = tmp('in');
    const out = tmp('out');
    for (const id of ['000', '001', '003']) copyFileSync(seedFile(id), join(input, `${id}.txt`));
    writeFileSync(join(input, 'empty.txt'), '');
    const first = baocao(['run', input, '--out', out]);
    const [c000, c003] = [checksOf(join(out, '000.txt.json')), checksOf(join(out, '003.txt.json'))];
    expect(c000.failed).toBeGreaterThan(c003.failed); // seed 000 fails 3 of its checks, seed 003 2
    expect(checksOf(join(out, '001.txt.json')).failed).toBe(0);
    expect(first.code).toBe(1);
    expect(lines(first.stdout)).toEqual([
      'Reports with failed checks (2, most first):',
      `  ${c000.failed} of ${c000.made} checks failed: ${join(input, '000.txt')}`,
      `  ${c003.failed} of ${c003.made} checks failed: ${join(input, '003.txt')}`,
      `4 files: 3 written, 0 unchanged, 1 failed; ${c000.failed + c003.failed} failed checks in 2 reports; <t> → ${out}`,
    ]);
    expect(first.stderr).toBe(`error: ${join(input, 'empty.txt')}: empty file (ingest)\n`);

    // nothing to do the second time: written counts none of the unchanged reports, whose checks still count
    const again = baocao(['run', input, '--out', out]);
    expect(again.code).toBe(1);
    expect(lines(again.stdout).at(-1)).toBe(`4 files: 0 written, 3 unchanged, 1 failed; ${c000.failed + c003.failed} failed checks in 2 reports; <t> → ${out}`);
    expect(again.stderr).toBe(first.stderr);
  });

  it('lists the first 10 failed files and reports with failed checks, counts the rest, and lists all with --verbose', () => {
    const input = tmp('many');
    const out = tmp('many-out');
    for (let i = 1; i <= 11; i++) {
      copyFileSync(seedFile('000'), join(input, `bc-${String(i).padStart(2, '0')}.txt`));
      writeFileSync(join(input, `empty-${String(i).padStart(2, '0')}.txt`), '');
    }
    const r = baocao(['run', input, '--out', out]);
    const { made, failed } = checksOf(join(out, 'bc-01.txt.json'));
    const reports = Array.from({ length: 11 }, (_, i) => `  ${failed} of ${made} checks failed: ${join(input, `bc-${String(i + 1).padStart(2, '0')}.txt`)}`);
    const errors = Array.from({ length: 11 }, (_, i) => `error: ${join(input, `empty-${String(i + 1).padStart(2, '0')}.txt`)}: empty file (ingest)`);
    expect(lines(r.stdout)).toEqual([
      'Reports with failed checks (11, most first):',
      ...reports.slice(0, 10),
      `  … and 1 more (--verbose lists all; baocao review ${out} shows each check)`,
      // the same report eleven times: ten are copies of the first one processed
      expect.stringMatching(new RegExp(`^22 files: 11 written \\(\\d+ copied from files of the same content\\), 0 unchanged, 11 failed; ${11 * failed} failed checks in 11 reports; <t> → `)),
    ]);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([...errors.slice(0, 10), `error: … and 1 more failed files (--verbose lists all; every one is in ${join(out, 'errors.jsonl')})`]);

    const verbose = baocao(['run', input, '--out', out, '--verbose']);
    expect(lines(verbose.stdout)).toEqual(['Reports with failed checks (11, most first):', ...reports, `22 files: 0 written, 11 unchanged, 11 failed; ${11 * failed} failed checks in 11 reports; <t> → ${out}`]);
    // (each also printed as it failed, with its stack: only the list at the end is compared)
    expect(verbose.stderr.split('\n').filter(Boolean).slice(-11)).toEqual(errors);
  });

  it('prints its version', () => {
    const pkg = readJson(join(ROOT, 'package.json'));
    expect(baocao(['--version'])).toEqual({ code: 0, stdout: `baocao ${pkg.version}, report schema 1.6.0\n`, stderr: '' });
  });
});

describe('baocao restore', () => {
  // bin/baocao gives node --no-concurrent-recompilation when it has one core: the same text
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
  it.each([['all cores', false], ['one core (taskset -c 0)', true]])('prints OCR text with its marks restored, on %s', (_, pinned) => {
    const file = join(tmp('restore'), 'ocr.txt');
    writeFileSync(file, 'Thuc hién Cong van sO 137/UBND-TTPVHCC ngay 23/01/2026 cua\nUy ban nhan dan thanh pho Hai Phong vé viéc bao cao cai cach thu\n');
    const r = pinned && taskset ? spawnSync(taskset, ['-c', '0', BIN, 'restore', file], { encoding: 'utf8' }) : spawnSync(BIN, ['restore', file], { encoding: 'utf8' });
    expect(r.stdout).toBe('Thực hiện Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của\nỦy ban nhân dân thành phố Hải Phòng về việc báo cáo cải cách thủ\n');
    expect(r.status).toBe(0);
  });
});

describe('baocao: a command that cannot run as given says why and exits 2', () => {
  it('refuses an --out that is a file, and creates nothing', () => {
    const input = tmp('in');
    copyFileSync(seedFile('000'), join(input, '000.txt'));
    const file = join(tmp('file'), 'output.csv');
    writeFileSync(file, 'a,b\n');
    expect(baocao(['run', input, '--out', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${file}: is a file, not a folder (the output of a run is a folder: give a new or existing folder)\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe('a,b\n');
    const below = join(file, 'reports');
    expect(baocao(['run', input, '--out', below]).stderr).toBe(`error: ${below}: cannot create the output folder: part of the path is a file\n`);
  });

  it('refuses an --out that is one of the inputs', () => {
    const input = tmp('in');
    copyFileSync(seedFile('000'), join(input, '000.txt'));
    expect(baocao(['run', input, '--out', input])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${input}: is also an input: the reports go to a folder of their own (e.g. --out output)\n`,
    });
    expect(readdirSync(input)).toEqual(['000.txt']);
  });

  it('refuses an input that does not exist', () => {
    const missing = join(tmp('gone'), 'archive');
    expect(baocao(['run', missing, '--out', tmp('out')])).toEqual({ code: 2, stdout: '', stderr: `error: ${missing}: no such file or folder\n` });
  });

  it('refuses to write the review site into a folder of input documents', () => {
    const input = tmp('in');
    copyFileSync(seedFile('000'), join(input, '000.txt'));
    const r = baocao(['review', input]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error: ${input}: has no reports of baocao run (no manifest.jsonl), and the review site is written into the folder it reviews: ` +
        `give the --out folder of baocao run (e.g. baocao run ${input} --out output, then baocao review output)\n`,
    });
    expect(readdirSync(input)).toEqual(['000.txt']);
  });

  it('names the OCR models --ocr takes', () => {
    const r = baocao(['run', 'fixtures', '--out', tmp('out'), '--ocr', 'quick']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("error: option '--ocr <model>' argument 'quick' is invalid. Allowed choices are fast, best, auto.");
  });

  it('names the OCR engines --ocr-engine takes', () => {
    const r = baocao(['run', 'fixtures', '--out', tmp('out'), '--ocr-engine', 'cuda']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("error: option '--ocr-engine <engine>' argument 'cuda' is invalid. Allowed choices are auto, wasm, native.");
  });

  it('exits 2 on an unknown option', () => {
    const r = baocao(['run', 'fixtures', '--out', tmp('out'), '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown option '--colour'");
  });
});

describe('baocao run: symbolic links', () => {
  it('follows links to files and folders, and skips broken links and loops with a line each', () => {
    const archive = tmp('archive');
    const input = tmp('links');
    const out = tmp('links-out');
    mkdirSync(join(archive, '2026-04'));
    copyFileSync(seedFile('000'), join(archive, '2026-04', '000.txt'));
    copyFileSync(seedFile('003'), join(archive, '003.txt'));
    symlinkSync(join(archive, '2026-04'), join(input, 'thang-4')); // a folder
    symlinkSync(join(archive, '003.txt'), join(input, '003.txt')); // a file
    symlinkSync(join(archive, 'gone.txt'), join(input, 'gone.txt')); // broken
    symlinkSync(input, join(input, 'again')); // a loop
    const r = baocao(['run', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `skipped: ${join(input, 'again')}: symbolic link to a folder that contains it (${input}): a loop`,
      `skipped: ${join(input, 'gone.txt')}: broken symbolic link (to ${join(archive, 'gone.txt')})`,
    ]);
    expect(lines(r.stdout).at(-1)).toMatch(/^2 files, 2 symbolic links followed: 2 written, 0 unchanged, 0 failed; /);
    // reports named by the links' paths
    expect(readJson(join(out, 'thang-4', '000.txt.json')).source.path).toBe('thang-4/000.txt');
    expect(existsSync(join(out, '003.txt.json'))).toBe(true);
  });
});

/** Run the command on a pseudo-terminal `columns` wide; `onOutput` sees the transcript as it grows and may type into it. */
function onTerminal(args: string[], columns: number, onOutput: (transcript: string, type: (keys: string) => void) => void) {
  return new Promise<{ code: number | null; transcript: string }>((resolve) => {
    const command = `stty cols ${columns}; exec ${[BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let transcript = '';
    child.stdout.on('data', (chunk: Buffer) => {
      transcript += chunk.toString('utf8');
      onOutput(transcript, (keys) => child.stdin.write(keys));
    });
    child.on('exit', (code) => resolve({ code, transcript }));
  });
}

describe('baocao run on a terminal', () => {
  it('on Ctrl+C shows the cursor again, says how far it got and how to resume; the same command resumes', async () => {
    const input = tmp('in');
    const out = tmp('out');
    for (const id of ['000', '001', '002', '003', '004']) copyFileSync(seedFile(id), join(input, `${id}.txt`));
    // a scan to OCR last, so that the run is still going when ^C comes
    const scan = join(input, 'zz-scan.pdf');
    copyFileSync(join(ROOT, 'fixtures/formats/000_df22d471c82bd4e0.scan.pdf'), scan);
    let typed = false;
    const { code, transcript } = await onTerminal(['run', input, '--out', out, '--jobs', '1'], 120, (text, type) => {
      // the bar shows a first file done
      if (!typed && /(?<!\d)[1-5]\/6 files/.test(text)) {
        typed = true;
        type('\x03');
      }
    });
    expect(code).toBe(130);
    const hidden = transcript.indexOf('\x1b[?25l');
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(transcript.indexOf('\x1b[?25h', hidden)).toBeGreaterThan(hidden); // the cursor is back
    const said = transcript.match(/interrupted \(SIGINT\): (\d) of 6 files done\. Run the same command again to resume:\r\n {2}(.*)\r\n$/);
    expect(said).not.toBeNull();
    const done = Number(said![1]);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(said![2]).toBe(`baocao run ${input} --out ${out} --jobs 1`);

    rmSync(scan); // (not to wait for its OCR again)
    const resumed = baocao(['run', input, '--out', out, '--jobs', '1']);
    expect(resumed.code).toBe(0);
    // the files finished before ^C are not done again (one more may have finished as it came)
    const unchanged = Number(lines(resumed.stdout).at(-1)!.match(/written, (\d) unchanged/)![1]);
    expect(unchanged).toBeGreaterThanOrEqual(done);
    expect(lines(resumed.stdout).at(-1)).toContain(`5 files: ${5 - unchanged} written, ${unchanged} unchanged, 0 failed;`);
  });

  it('prints a failed file in full on a terminal narrower than its line', async () => {
    const input = tmp('narrow');
    const deep = join(input, 'mot-thu-muc-rat-dai-cua-kho-luu-tru', 'thang-04-nam-2026');
    mkdirSync(deep, { recursive: true });
    copyFileSync(seedFile('001'), join(input, '001.txt'));
    writeFileSync(join(deep, 'bao-cao-bi-hong.txt'), '');
    const line = `error: ${join(deep, 'bao-cao-bi-hong.txt')}: empty file (ingest)`;
    expect(line.length).toBeGreaterThan(80);
    const { code, transcript } = await onTerminal(['run', input, '--out', tmp('out'), '--verbose'], 40, () => {});
    expect(code).toBe(1);
    // the terminal's wrapping is never turned off (ESC [?7l), and the line is there whole, during the run and after it
    expect(transcript).not.toContain('\x1b[?7l');
    expect(transcript.split(line).length - 1).toBe(2);
  });
});
