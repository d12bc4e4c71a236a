/**
 * A scan whose header OCR lost names no unit; its body cites the city above it first. Its figures
 * must stay out of the city's rows in the analysts' table: the unit is unknown, not guessed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../src/write/duckdb.js';
import { baocao, readJson } from './helpers.js';

const CITY = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG

Số: 55/BC-UBND

Hải Phòng, ngày 10 tháng 4 năm 2026

BÁO CÁO

Kết quả giải quyết thủ tục hành chính quý I năm 2026

1. Tổng số hồ sơ tiếp nhận: 142.186 hồ sơ.
`;
// the special zone's report with its header block lost in OCR
const ZONE = `Thực hiện Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân đặc khu báo cáo kết quả quý I năm 2026 như sau:

1. Tổng số hồ sơ tiếp nhận: 1.894 hồ sơ.
`;

describe('a report whose header was lost', () => {
  const input = mkdtempSync(join(tmpdir(), 'baocao-unit-in-'));
  const out = mkdtempSync(join(tmpdir(), 'baocao-unit-out-'));
  beforeAll(() => {
    writeFileSync(join(input, 'city.txt'), CITY);
    writeFileSync(join(input, 'zone-scan.txt'), ZONE);
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
  });

  it('has no unit and says why', () => {
    const report = readJson(join(out, 'zone-scan.txt.json'));
    expect(report.document.unit).toBeNull();
    expect(report.document.issuer).toBeNull();
    expect(report.warnings).toContain('header: no issuer block; issuer and unit unknown');
    expect(readJson(join(out, 'city.txt.json')).document.unit).toEqual({ level: 'thành phố', name: 'Hải Phòng' });
  });

  it('keeps its figures out of the city’s rows of the metrics table', async () => {
    const rows = await withDatabase(join(out, 'baocao.duckdb'), async (db) =>
      (await db.runAndReadAll(`SELECT unit_level, unit_name, value FROM metrics WHERE metric = 'applications.received' ORDER BY value DESC`)).getRowObjectsJson(),
    );
    expect(rows).toEqual([
      { unit_level: 'thành phố', unit_name: 'Hải Phòng', value: 142186 },
      { unit_level: null, unit_name: null, value: 1894 },
    ]);
  });
});
