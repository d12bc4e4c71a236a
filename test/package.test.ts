/**
 * baocao as another project uses it: `npm pack` makes the tarball a registry would serve, a
 * temporary project gets it under node_modules/baocao (its dependencies linked from this
 * checkout's node_modules, as an offline install would find them), and imports it by name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const seedFile = (id: string) => join(ROOT, 'fixtures', readdirSync(join(ROOT, 'fixtures')).find((f) => f.startsWith(`${id}_`))!);
const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT, encoding: 'utf8' }));

describe('the package, installed in another project', () => {
  const project = mkdtempSync(join(tmpdir(), 'baocao-consumer-'));
  const installed = join(project, 'node_modules', 'baocao');
  let files: string[];

  beforeAll(() => {
    // dist/ is built (test/global-setup.ts); pack what `npm publish` would publish
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' }));
    files = packed[0].files.map((f: { path: string }) => f.path);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(project, packed[0].filename), '-C', installed, '--strip-components=1']);
    symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', dependencies: { baocao: `file:${packed[0].filename}` } }));
  }, 120_000);

  const node = (script: string) => {
    writeFileSync(join(project, 'script.mjs'), script);
    const r = spawnSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };

  it('ships the build, its declarations and the data it reads, and no tests', () => {
    for (const f of ['dist/index.js', 'dist/cli.js', 'dist/batch-worker.js', 'dist/types/src/index.d.ts', 'models/restore-lm.bin', 'models/restore-candidates.bin', 'models/vie-fast/vie.traineddata.gz', 'schema/report.schema.json', 'src/restore/data/confusions.json', 'src/review/assets/review.js', 'bin/baocao']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.test.ts') || f.startsWith('models/loo/'))).toEqual([]);
  });

  it('processes a seed with processFile, imported by name', () => {
    const seed = join(project, '000.txt');
    copyFileSync(seedFile('000'), seed);
    const out = node(`
      import { processFile, schemaErrors, SCHEMA_VERSION } from 'baocao';
      const report = await processFile(${JSON.stringify(seed)}, { displayPath: '000.txt' });
      const total = report.figures.find((f) => f.metric === 'applications.received' && f.role === 'actual');
      console.log(JSON.stringify({
        schema: SCHEMA_VERSION, valid: schemaErrors(report), path: report.source.path, symbol: report.document.symbol,
        unit: report.document.unit, total: [total.value, total.unit, total.provenance.text], failed: report.checks.filter((c) => !c.holds).length,
      }));
    `);
    expect(out).toEqual({
      schema: '1.6.0',
      valid: null,
      path: '000.txt',
      symbol: 'BC-UBND',
      unit: { level: 'đặc khu', name: 'Cát Hải' },
      total: [1894, 'hồ sơ', '1.894 hồ sơ'],
      failed: 3,
    });
  });

  it('runs a batch with runBatch in its worker processes, the OCR-garbled seed 004 restored with the shipped model', () => {
    const input = join(project, 'archive');
    mkdirSync(input);
    for (const id of ['000', '004']) copyFileSync(seedFile(id), join(input, `${id}.txt`));
    const out = node(`
      import { readFileSync } from 'node:fs';
      import { runBatch } from 'baocao';
      const events = [];
      const summary = await runBatch([${JSON.stringify(input)}], { out: 'output', jobs: 2, onFile: (e) => events.push([e.file.split('/').pop(), e.status]) });
      const report = JSON.parse(readFileSync('output/004.txt.json', 'utf8'));
      console.log(JSON.stringify({
        counts: [summary.files, summary.written, summary.unchanged, summary.failed], events: events.sort(),
        textUsed: report.textUsed, issuer: report.document.issuer, first: [report.restoration.changes[0].original, report.restoration.changes[0].chosen],
      }));
    `);
    expect(out).toEqual({
      counts: [2, 2, 0, 0],
      events: [['000.txt', 'written'], ['004.txt', 'written']],
      textUsed: 'restored',
      // `PAC KHU CAT HAI` as OCR read it
      issuer: 'Ủy ban nhân dân đặc khu Cát Hải',
      first: ['UY', 'ỦY'],
    });
  });

  it('throws a UsageError naming the path and the reason when a batch cannot run as given', () => {
    writeFileSync(join(project, 'notes.txt'), 'not a folder');
    const out = node(`
      import { runBatch, UsageError } from 'baocao';
      const error = await runBatch(['archive'], { out: 'notes.txt' }).catch((e) => e);
      console.log(JSON.stringify({ usage: error instanceof UsageError, path: error.path, reason: error.reason }));
    `);
    expect(out).toEqual({ usage: true, path: 'notes.txt', reason: 'is a file, not a folder (the output of a run is a folder: give a new or existing folder)' });
  });

  it('type-checks a TypeScript caller, and the README\'s example, against the declarations', () => {
    writeFileSync(
      join(project, 'caller.ts'),
      `import { processFile, runBatch, type Report, type BatchSummary } from 'baocao';
       const report: Report = await processFile('a.txt');
       const value: number | null = report.figures[0]!.value;
       const summary: BatchSummary = await runBatch(['in'], { out: 'out', jobs: 1, onFile: (e) => (e.ok ? e.output : e.error.reason) });
       // @ts-expect-error: a report has no such field
       report.nonsense;
       // @ts-expect-error: jobs is a number
       await runBatch(['in'], { out: 'out', jobs: 'two' });
       export { value, summary };`,
    );
    // and the README's example, as a user would paste it
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = readme.slice(readme.indexOf('## Use it as a library')).match(/```ts\n([\s\S]*?)```/)![1]!;
    writeFileSync(join(project, 'readme-example.ts'), `${example}\nexport {};\n`);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], skipLibCheck: true },
        files: ['caller.ts', 'readme-example.ts'],
      }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps its internals out of reach and runs its command from the same build', () => {
    const out = node(`
      const internal = await import('baocao/dist/cli.js').then(() => 'imported', (e) => e.code);
      const { version } = (await import('baocao/package.json', { with: { type: 'json' } })).default;
      console.log(JSON.stringify({ internal, version }));
    `);
    expect(out).toEqual({ internal: 'ERR_PACKAGE_PATH_NOT_EXPORTED', version: pkg.version });
    const cli = spawnSync(join(installed, 'bin/baocao'), ['--version'], { cwd: project, encoding: 'utf8' });
    expect([cli.status, cli.stdout, cli.stderr]).toEqual([0, `baocao ${pkg.version}, report schema 1.6.0\n`, '']);
  });
});
