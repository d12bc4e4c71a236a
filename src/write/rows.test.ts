import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../pipelines/report.js';
import { figures } from './rows.js';
import { schemaErrors } from './schema.js';

describe('figures with a comparator and the percent-point kind, written', () => {
  it('match the schema and fill the comparator column of the figures table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-rows-'));
    const file = join(dir, 'kh.txt');
    writeFileSync(
      file,
      'I. MỤC TIÊU\n\nPhấn đấu có ít nhất 10% đội ngũ cán bộ, công chức; tỷ lệ hồ sơ trực tuyến tăng 4,7 điểm phần trăm; năm 2024 tỉnh đứng vị trí thứ nhất cả nước.\n',
    );
    const report = await processFile(file);
    expect(schemaErrors(report)).toBeNull();
    expect(report.figures.map((f) => [f.kind, f.value, f.comparator])).toEqual([
      ['percent', 10, '≥'],
      ['percent-point', 4.7, null],
      ['rank', 1, null],
    ]);
    const rows = figures.rows(report);
    const kind = figures.columns.findIndex(([name]) => name === 'kind');
    const comparator = figures.columns.findIndex(([name]) => name === 'comparator');
    expect(rows.map((r) => [r[kind], r[comparator]])).toEqual([
      ['percent', '≥'],
      ['percent-point', null],
      ['rank', null],
    ]);
  });
});
