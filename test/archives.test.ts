import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipBomb, zipFiles } from '../src/ingest/testing/hostile.js';
import { baocao, filesUnder, readJson, ROOT } from './helpers.js';

const S000 = '000_df22d471c82bd4e0';
const fixture = (path: string) => readFileSync(join(ROOT, 'fixtures', path));

describe('baocao run over ZIP archives', () => {
  const root = mkdtempSync(join(tmpdir(), 'baocao-archives-'));
  const input = join(root, 'in');
  const out = join(root, 'out');
  let first: ReturnType<typeof baocao>;

  beforeAll(() => {
    mkdirSync(input);
    // a folder zipped as archivists send them: documents in folders, one broken, one archive inside
    writeFileSync(
      join(input, 'ho-so-2025.zip'),
      zipFiles([
        { name: 'bao-cao/', data: '' },
        { name: `bao-cao/${S000}.txt`, data: fixture(`${S000}.txt`) },
        { name: `bao-cao/${S000}.docx`, data: fixture(`formats/${S000}.docx`) },
        { name: 'bao-cao/hong.docx', data: readFileSync(join(ROOT, 'test/data/broken/truncated.docx')) },
        { name: '__MACOSX/bao-cao/._hong.docx', data: 'resource fork' },
        { name: 'quy-3.zip', data: zipFiles([{ name: '001.txt', data: fixture('001_226b3a6e67be8d17.txt') }]) },
      ]),
    );
    // 2 GB of spaces in 2 MB
    writeFileSync(join(input, 'bomb.zip'), zipBomb(2048));
    writeFileSync(join(input, 'escape.zip'), zipFiles([{ name: 'ok.txt', data: fixture('001_226b3a6e67be8d17.txt') }, { name: '../../evil.txt', data: 'Số: 1/BC-UBND' }]));
    first = baocao(['run', input, '--out', out, '--jobs', '2']);
  }, 300_000);

  it('reads every entry as a file of its own, named archive.zip!/folder/file, nested archives too', () => {
    expect(first.stdout).toContain('6 files: 3 written, 0 unchanged, 3 failed;');
    const reports = filesUnder(out).filter((f) => f.endsWith('.json') && !f.startsWith('.tables/') && !f.startsWith('runs/'));
    expect(reports.sort()).toEqual([
      `ho-so-2025.zip!/bao-cao/${S000}.docx.json`,
      `ho-so-2025.zip!/bao-cao/${S000}.txt.json`,
      'ho-so-2025.zip!/quy-3.zip!/001.txt.json',
    ]);
    const report = readJson(join(out, `ho-so-2025.zip!/bao-cao/${S000}.docx.json`));
    expect(report.source.path).toBe(`ho-so-2025.zip!/bao-cao/${S000}.docx`);
    expect(report.source.format).toBe('docx');
    expect(report.figures.length).toBeGreaterThan(10);
    // the entries are deleted once read: nothing of the run's extraction stays in the output
    expect(existsSync(join(out, '.archives'))).toBe(false);
  });

  it('names a broken entry, a zip bomb and an archive with ../ names, and writes nothing outside --out', () => {
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.file.slice(input.length + 1), e.stage, e.reason])).toEqual([
      ['bomb.zip', 'ingest', 'ZIP archive refused: bao-cao.txt inflates 1010 times (2.1 MB to 2147.5 MB; the limit is 200 times)'],
      ['escape.zip', 'ingest', 'ZIP archive refused: invalid relative path: ../../evil.txt'],
      ['ho-so-2025.zip!/bao-cao/hong.docx', 'ingest', 'truncated DOCX (not a valid zip)'],
    ]);
    expect(first.stderr).toContain(`error: ${join(input, 'bomb.zip')}: ZIP archive refused`);
    expect(readdirSync(root).sort()).toEqual(['in', 'out']);
    expect(filesUnder(root).filter((f) => f.includes('evil'))).toEqual([]);
  });

  it('puts the entries in the tables, and finds them unchanged on the next run', () => {
    const again = baocao(['run', input, '--out', out, '--jobs', '2']);
    expect(again.stdout).toContain('6 files: 0 written, 3 unchanged, 3 failed;');
    // the metrics table holds one copy of each document: seed 000 from one of its two entries
    const sources = new Set(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n').slice(1, -1).map((row) => /,(ho-so[^,]+|[^,]*\.txt),[0-9a-f]{64},/.exec(row)?.[1]));
    expect([...sources].sort()).toEqual([`ho-so-2025.zip!/bao-cao/${S000}.docx`, 'ho-so-2025.zip!/quy-3.zip!/001.txt']);
  }, 300_000);
});
