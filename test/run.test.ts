import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tesseractVersion } from '../src/ingest/native-ocr.js';
import { schemaErrors } from '../src/write/schema.js';
import { baocao, provenances, readJson, ROOT } from './helpers.js';

const seeds = readdirSync(join(ROOT, 'fixtures')).filter((f) => /^\d{3}_.*\.txt$/.test(f));
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('baocao run on the seed reports', () => {
  const out = mkdtempSync(join(tmpdir(), 'baocao-run-'));
  let result: ReturnType<typeof baocao>;
  beforeAll(() => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-in-'));
    for (const f of seeds) copyFileSync(join(ROOT, 'fixtures', f), join(input, f));
    result = baocao(['run', input, '--out', out]);
  });

  it('writes one schema-valid report per seed and exits 0', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${seeds.length} files: ${seeds.length} written, 0 unchanged, 0 failed;`);
    for (const f of seeds) expect(schemaErrors(readJson(join(out, `${f}.json`)))).toBeNull();
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toBe('');
  });

  it('reports original text that equals the input at every provenance span', () => {
    let checked = 0;
    for (const f of seeds) {
      const input = readFileSync(join(ROOT, 'fixtures', f), 'utf8');
      const report = readJson(join(out, `${f}.json`));
      expect(report.originalText ?? report.text).toBe(input);
      for (const p of provenances(report)) {
        expect(input.slice(p.span.start, p.span.end)).toBe(p.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('writes the same bytes when run again', () => {
    const again = mkdtempSync(join(tmpdir(), 'baocao-again-'));
    const input = mkdtempSync(join(tmpdir(), 'baocao-in2-'));
    for (const f of seeds) copyFileSync(join(ROOT, 'fixtures', f), join(input, f));
    expect(baocao(['run', input, '--out', again, '--jobs', '1']).code).toBe(0);
    for (const f of seeds) expect(readFileSync(join(again, `${f}.json`), 'utf8')).toBe(readFileSync(join(out, `${f}.json`), 'utf8'));
  });
});

describe('baocao run again with another OCR model', () => {
  it('redoes the files done with the default model, then skips them with the same model', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-ocr-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-ocr-out-'));
    copyFileSync(join(ROOT, 'fixtures', seeds[0]!), join(input, 'a.txt'));
    expect(baocao(['run', input, '--out', out, '--jobs', '1']).stdout).toContain('1 files: 1 written, 0 unchanged, 0 failed;');
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr', 'best']).stdout).toContain('1 files: 1 written, 0 unchanged, 0 failed;');
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr', 'best']).stdout).toContain('1 files: 0 written, 1 unchanged, 0 failed;');
  });

  // outside CI a machine without the tesseract command skips this one (src/ingest/ocr-native.test.ts says so)
  it.skipIf(tesseractVersion() === null && process.env.CI !== 'true')('redoes a scan with another OCR engine, whose readings the OCR cache keeps apart', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-engine-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-engine-out-'));
    copyFileSync(join(ROOT, 'fixtures/formats/000_df22d471c82bd4e0.page4.png'), join(input, 'page.png'));
    const cached = () => readdirSync(join(out, '.ocr-cache'), { recursive: true }).filter((f) => String(f).endsWith('.json.gz')).length;
    const engineOf = () => readJson(join(out, 'page.png.json')).source.ocr.map((p: { engine: string }) => p.engine);
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr-engine', 'wasm']).stdout).toContain('1 files: 1 written, 0 unchanged, 0 failed;');
    expect(engineOf()).toEqual(['wasm']);
    const wasm = cached();
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr-engine', 'native']).stdout).toContain('1 files: 1 written, 0 unchanged, 0 failed;');
    expect(engineOf()).toEqual(['native']);
    // the worker read the page with tesseract: as many readings again, under keys of their own
    expect(cached()).toBe(2 * wasm);
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr-engine', 'native']).stdout).toContain('1 files: 0 written, 1 unchanged, 0 failed;');
    // the default engine, where the command is installed, is the native one: the same run
    expect(baocao(['run', input, '--out', out, '--jobs', '1']).stdout).toContain('1 files: 0 written, 1 unchanged, 0 failed;');
    expect(baocao(['run', input, '--out', out, '--jobs', '1', '--ocr-engine', 'wasm']).stdout).toContain('1 files: 1 written, 0 unchanged, 0 failed;');
    expect(engineOf()).toEqual(['wasm']);
  }, 180_000);
});

describe('baocao run with bad files in the batch', () => {
  it('names each bad file and its reason, completes the others and exits 1', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-bad-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-bad-out-'));
    copyFileSync(join(ROOT, 'fixtures', seeds[0]!), join(input, 'good.txt'));
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]));
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'latin1.txt'), Buffer.from('Báo cáo tình hình', 'latin1'));
    const r = baocao(['run', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      `error: ${join(input, 'binary.txt')}: not a text file: NUL byte at byte 6 (ingest)`,
      `error: ${join(input, 'empty.txt')}: empty file (ingest)`,
      `error: ${join(input, 'latin1.txt')}: not UTF-8 at byte 1 (ingest)`,
    ]);
    expect(r.stdout).toContain('4 files: 1 written, 0 unchanged, 3 failed;');
    expect(schemaErrors(readJson(join(out, 'good.txt.json')))).toBeNull();
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.file.slice(input.length + 1), e.stage])).toEqual([
      ['binary.txt', 'ingest'],
      ['empty.txt', 'ingest'],
      ['latin1.txt', 'ingest'],
    ]);
  });

  it('keeps the first of two inputs that would write one report, and lists the other in errors.jsonl', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-clash-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-clash-out-'));
    for (const [dir, seed] of [['a', seeds[0]!], ['b', seeds[1]!]]) {
      mkdirSync(join(input, dir!));
      copyFileSync(join(ROOT, 'fixtures', seed!), join(input, dir!, 'report.txt'));
    }
    const [first, second] = [join(input, 'a', 'report.txt'), join(input, 'b', 'report.txt')];
    for (let run = 0; run < 2; run++) {
      const r = baocao(['run', first, second, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`error: ${second}: same output path as ${first} (write)`);
      expect(readJson(join(out, 'report.txt.json')).source.sha256).toBe(sha256Of(first));
      expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toBe(
        `${JSON.stringify({ file: second, sha256: sha256Of(second), stage: 'write', reason: `same output path as ${first}` })}\n`,
      );
    }
  });
});

describe('baocao run when the tables cannot be built', () => {
  it('names the database and the damaged rows file, keeps the reports and the manifest, exits 1, and heals on the next run', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-in-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-run-'));
    const seed = seeds[0]!;
    copyFileSync(join(ROOT, 'fixtures', seed), join(input, seed));
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
    const report = readFileSync(join(out, `${seed}.json`), 'utf8');
    writeFileSync(join(out, '.tables', `${seed}.json`), '{"documents": [\n'); // a disk that filled up
    const again = baocao(['run', input, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`building ${join(out, 'baocao.duckdb')} failed`);
    expect(again.stderr).toContain(join(out, '.tables', `${seed}.json`));
    expect(readFileSync(join(out, `${seed}.json`), 'utf8')).toBe(report);
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).toContain(seed);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(again.stderr).toContain('1 damaged rows file(s) removed, the next run writes them again from the reports');
    const metrics = readFileSync(join(out, 'metrics.csv'), 'utf8');

    const healed = baocao(['run', input, '--out', out]);
    expect(healed.code).toBe(0);
    expect(healed.stdout).toContain('1 files: 1 written (1 copied from files of the same content), 0 unchanged, 0 failed;');
    expect(readFileSync(join(out, `${seed}.json`), 'utf8')).toBe(report);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8')).toBe(metrics);
  });
});
