/**
 * A city's quarterly report with a per-commune annex (fixtures/annex/, made by
 * scripts/make-annex-fixture.ts: 36 communes, wards and special zones, one total printed wrong)
 * through `baocao run`: every commune gets its rows in `metrics`, with the city beside it, and
 * the one wrong total is the one failed check. Expected values are read here from the fixture's
 * own tab-separated lines.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../src/write/report.js';
import { queryRows, withDatabase } from '../src/write/duckdb.js';
import { baocao, readJson, ROOT } from './helpers.js';

const NAME = 'hai-phong-tthc-quy-1-2026';
const TEXT = readFileSync(join(ROOT, 'fixtures/annex', `${NAME}.txt`), 'utf8');
const lines = TEXT.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));
const [header, ...body] = lines as [string[], ...string[][]];
const communes = body.filter((r) => /^\d+$/.test(r[0]!));
const totalRow = body.find((r) => r[0] === 'Tổng cộng')!;
const number = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** The metric each column of the annex is, by its header (what an analyst would map by hand). */
const METRIC_OF: Record<string, string> = {
  'Số hồ sơ tiếp nhận': 'applications.received',
  'Trong đó: tiếp nhận trực tuyến': 'applications.online',
  'Số hồ sơ đã giải quyết': 'applications.resolved',
  'Giải quyết đúng hạn': 'applications.resolved.on_time',
  'Giải quyết trễ hạn': 'applications.resolved.late',
  'Đang giải quyết': 'applications.pending',
  'Tỷ lệ giải quyết đúng hạn (%)': 'resolution.on_time.rate',
};

describe('a city report with a per-commune annex, end to end', () => {
  const input = mkdtempSync(join(tmpdir(), 'baocao-annex-in-'));
  const out = mkdtempSync(join(tmpdir(), 'baocao-annex-out-'));
  const report = (ext: string): ReportJson => readJson(join(out, `${NAME}.${ext}.json`));
  let result: ReturnType<typeof baocao>;
  beforeAll(() => {
    for (const ext of ['txt', 'docx']) copyFileSync(join(ROOT, 'fixtures/annex', `${NAME}.${ext}`), join(input, `${NAME}.${ext}`));
    result = baocao(['run', input, '--out', out]);
  }, 120_000);

  it('reads 36 communes and a total row under a nine-column header', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(communes).toHaveLength(36);
    expect(header.slice(2)).toEqual(Object.keys(METRIC_OF));
  });

  it('makes every number of the annex a figure with its commune, header path, metric and the commune as sub-unit, in both copies', () => {
    for (const ext of ['txt', 'docx']) {
      const r = report(ext);
      const cells = r.figures.filter((f) => f.cell);
      expect(cells).toHaveLength((communes.length + 1) * 7);
      const pathsOf = (row: string[]) => cells.filter((f) => f.cell!.label === (row[1] || row[0]));
      for (const row of [...communes, totalRow]) {
        const got = pathsOf(row).map((f) => ({ path: f.cell!.path, metric: f.metric, value: f.value, text: f.provenance.text }));
        expect(got).toEqual(
          header.slice(2).map((h, k) => ({ path: [h], metric: METRIC_OF[h], value: number(row[k + 2]!), text: row[k + 2] })),
        );
      }
      const sample = cells.find((f) => f.cell!.label === 'Xã An Lão' && f.metric === 'applications.received')!;
      expect(sample.subunit).toEqual({ level: 'xã', name: 'An Lão' });
      expect([sample.unit, sample.role, sample.period?.from, sample.period?.to]).toEqual(['hồ sơ', 'actual', '2026-01-01', '2026-03-31']);
      expect(cells.filter((f) => f.cell!.label === 'Tổng cộng').every((f) => f.subunit === undefined)).toBe(true);
    }
  });

  it('fails exactly the wrong total (the online column), proposing the sum, and every other check holds', () => {
    const onlineColumn = header.indexOf('Trong đó: tiếp nhận trực tuyến');
    const sum = communes.reduce((s, r) => s + number(r[onlineColumn]!), 0);
    for (const ext of ['txt', 'docx']) {
      const r = report(ext);
      const failed = r.checks.filter((c) => !c.holds);
      // as every sum check states it: the total printed as `expected`, the sum of its parts as `actual`
      expect(failed.map((c) => [c.kind, c.expected, c.actual])).toEqual([['sum', number(totalRow[onlineColumn]!), sum]]);
      expect(failed[0]!.proposals![0]).toMatchObject({ read: number(totalRow[onlineColumn]!), proposed: sum, set: 0 });
      // a total-row check per column of counts, a percentage check per row, two balances per row
      const sums = r.checks.filter((c) => c.kind === 'sum' && /the total row/.test(c.description));
      expect(sums).toHaveLength(6);
      expect(r.checks.filter((c) => c.kind === 'ratio' && /in row "/.test(c.description))).toHaveLength(37);
      expect(r.checks.length).toBeGreaterThan(100);
    }
  });

  it('gives metrics one row per commune and metric, the city beside it', async () => {
    const rows = await withDatabase(join(out, 'baocao.duckdb'), async (db) =>
      (await queryRows(db, `SELECT unit_level, unit_name, parent_unit_level, parent_unit_name, metric, role, value, period_from, check_status
        FROM metrics WHERE parent_unit_name IS NOT NULL ORDER BY unit_name, metric`)).rows,
    );
    const expected = communes.flatMap((row) => {
      const [, level, name] = /^(Phường|Xã|Đặc khu) (.+)$/u.exec(row[1]!)!;
      return header.slice(2).map((h, k) => ({
        unit_level: level!.toLowerCase(),
        unit_name: name,
        parent_unit_level: 'thành phố',
        parent_unit_name: 'Hải Phòng',
        metric: METRIC_OF[h],
        role: 'actual',
        value: number(row[k + 2]!),
        period_from: '2026-01-01',
        // every commune's figures take part in checks that hold, its online count in the failed column total
        check_status: h.includes('trực tuyến') ? 'fail' : 'pass',
      }));
    });
    const key = (r: Record<string, unknown>) => `${r.unit_name} ${r.metric}`;
    expect(rows.map((r) => ({ ...r, period_from: String(r.period_from) })).sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(
      expected.sort((a, b) => (key(a) < key(b) ? -1 : 1)),
    );
    // the city's own rows stay the city's: the prose and the total row state the same totals
    const city = await withDatabase(join(out, 'baocao.duckdb'), async (db) =>
      (await queryRows(db, `SELECT value, candidates FROM metrics WHERE unit_name = 'Hải Phòng' AND metric = 'applications.received'`)).rows,
    );
    expect(city).toEqual([{ value: number(totalRow[2]!), candidates: 2 }]);
  });
});

describe('a commune in a city’s annex that has a report of its own', () => {
  const input = mkdtempSync(join(tmpdir(), 'baocao-annex-own-in-'));
  const out = mkdtempSync(join(tmpdir(), 'baocao-annex-own-out-'));
  beforeAll(() => {
    copyFileSync(join(ROOT, 'fixtures/annex', `${NAME}.txt`), join(input, 'city.txt'));
    writeFileSync(
      join(input, 'an-lao.txt'),
      [
        'ỦY BAN NHÂN DÂN',
        'XÃ AN LÃO',
        '',
        'Số: 21/BC-UBND',
        '',
        'An Lão, ngày 05 tháng 4 năm 2026',
        '',
        'BÁO CÁO',
        'Kết quả giải quyết thủ tục hành chính quý I năm 2026',
        '',
        // one hồ sơ more than the city's annex says: the commune's own count is the one kept
        `1. Tổng số hồ sơ tiếp nhận: ${communes.find((r) => r[1] === 'Xã An Lão')![2]!.replace(/\d$/, (d) => String((Number(d) + 1) % 10))} hồ sơ.`,
        '',
      ].join('\n'),
    );
    expect(baocao(['run', input, '--out', out]).code).toBe(0);
  }, 120_000);

  it('keeps the commune’s own figure in metrics, the annex row a candidate', async () => {
    const own = readJson(join(out, 'an-lao.txt.json')) as ReportJson;
    expect(own.document.unit).toEqual({ level: 'xã', name: 'An Lão' });
    const stated = own.figures.find((f) => f.metric === 'applications.received')!;
    const rows = await withDatabase(join(out, 'baocao.duckdb'), async (db) =>
      (await queryRows(db, `SELECT unit_name, parent_unit_name, value, source_file, candidates FROM metrics WHERE unit_name = 'An Lão' AND metric = 'applications.received'`)).rows,
    );
    expect(rows).toEqual([{ unit_name: 'An Lão', parent_unit_name: null, value: stated.value, source_file: 'an-lao.txt', candidates: 2 }]);
  });
});
