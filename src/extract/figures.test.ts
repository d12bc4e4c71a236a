import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { extract } from './index.js';
import type { Figure } from './types.js';

function run(name: string) {
  const file = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
  const text = normalise(SourceText.fromOriginal(file));
  const { figures } = extract(segment(text));
  const lineOf = (f: Figure) => text.lineOf(text.toOriginal(f.span).start);
  const onLine = (line: number) => figures.filter((f) => lineOf(f) === line);
  const byId = (id: string | null) => figures.find((f) => f.id === id) ?? null;
  const original = (f: Figure) => text.originalText(f.span);
  return { figures, onLine, byId, original };
}

/** The fields a test pins, in a compact form. */
const brief = (f: Figure) => ({ kind: f.kind, value: f.value, of: f.of, unit: f.unit, subject: f.subject, metric: f.metric, role: f.role });

describe('seed 000 (Cát Hải, tháng 4/2026)', () => {
  const s = run('000_df22d471c82bd4e0.txt');

  it('reads a total and its `trong đó` parts, with the period of the section heading', () => {
    const [total, fresh, carried, ...rest] = s.onLine(103);
    expect(rest).toEqual([]);
    expect(brief(total!)).toEqual({ kind: 'count', value: 1894, of: null, unit: 'hồ sơ', subject: 'Tổng số hồ sơ yêu cầu giải quyết', metric: 'applications.received', role: 'actual' });
    expect(brief(fresh!)).toEqual({ kind: 'count', value: 1852, of: null, unit: 'hồ sơ', subject: 'Số hồ sơ mới tiếp nhận', metric: 'applications.new', role: 'actual' });
    expect(brief(carried!)).toEqual({ kind: 'count', value: 42, of: null, unit: 'hồ sơ', subject: 'số hồ sơ từ kỳ trước chuyển qua', metric: 'applications.carried_over', role: 'actual' });
    expect(total!.parent).toBeNull();
    expect(fresh!.parent).toBe(total!.id);
    expect(carried!.parent).toBe(total!.id);
    for (const f of [total!, fresh!, carried!]) expect([f.period?.from, f.period?.to]).toEqual(['2026-03-15', '2026-04-14']);
    expect(s.original(total!)).toBe('1.894 hồ sơ');
  });

  it('links resolved parts to the resolved total, and keeps the rate out of the sum', () => {
    const [resolved, early, onTime, late, rate] = s.onLine(105);
    expect(resolved!.metric).toBe('applications.resolved');
    expect([early!.value, early!.metric, early!.parent]).toEqual([1622, 'applications.resolved.early', resolved!.id]);
    expect([onTime!.value, onTime!.subject, onTime!.metric, onTime!.parent]).toEqual([103, 'số hồ sơ giải quyết đúng hạn (từ chối, rút)', 'applications.resolved.on_time', resolved!.id]);
    expect([late!.value, late!.metric, late!.parent]).toEqual([0, 'applications.resolved.late', resolved!.id]);
    expect([rate!.kind, rate!.value, rate!.metric, rate!.parent]).toEqual(['percent', 100, 'resolution.on_time.rate', null]);
  });

  it('reads `không có hồ sơ quá hạn` as a zero count under the pending total', () => {
    const [pending, inTime, supplement, overdue] = s.onLine(107);
    expect([pending!.value, pending!.metric]).toEqual([169, 'applications.pending']);
    expect([inTime!.value, inTime!.subject, inTime!.metric, inTime!.parent]).toEqual([167, 'hồ sơ trong hạn', 'applications.pending.on_time', pending!.id]);
    expect([supplement!.value, supplement!.metric, supplement!.parent]).toEqual([2, 'applications.pending.supplement', pending!.id]);
    expect(brief(overdue!)).toEqual({ kind: 'count', value: 0, of: null, unit: 'hồ sơ', subject: 'hồ sơ quá hạn', metric: 'applications.pending.late', role: 'actual' });
    expect(overdue!.parent).toBe(pending!.id);
  });

  it('reads `1.779/1.894 hồ sơ; tỷ lệ đạt: 93,93%` and the per-field list under it', () => {
    const [ratio, rate] = s.onLine(119);
    expect(brief(ratio!)).toEqual({ kind: 'ratio', value: 1779, of: 1894, unit: 'hồ sơ', subject: 'Tổng số hồ sơ đã tiếp nhận trực tuyến', metric: 'applications.online', role: 'actual' });
    expect(brief(rate!)).toEqual({ kind: 'percent', value: 93.93, of: null, unit: '%', subject: 'tỷ lệ đạt', metric: 'online.rate', role: 'actual' });
    const [field, fieldRate] = s.onLine(128);
    expect([field!.kind, field!.value, field!.of, field!.subject, field!.metric, field!.parent]).toEqual(['ratio', 205, 206, 'Lĩnh vực Đất đai', 'applications.online', ratio!.id]);
    expect([fieldRate!.value, fieldRate!.metric, fieldRate!.parent]).toEqual([99.51, 'online.rate', rate!.id]);
  });

  it('reads every line of the 766 index block', () => {
    const [total, rank] = s.onLine(173);
    expect(brief(total!)).toEqual({ kind: 'score', value: 97.61, of: null, unit: 'điểm', subject: 'Tổng hợp chung', metric: 'index766.total', role: 'actual' });
    expect(brief(rank!)).toEqual({ kind: 'rank', value: 72, of: 114, unit: 'xã, phường, đặc khu', subject: 'Tổng hợp chung', metric: 'index766.rank', role: 'actual' });
    const subScores = [174, 175, 176, 177, 178, 179].map((l) => s.onLine(l));
    expect(subScores.map((fs) => fs.map((f) => [f.kind, f.value, f.of, f.subject, f.metric]))).toEqual([
      [['score', 18, 18, 'Công khai, minh bạch', 'index766.publicity']],
      [['score', 19.99, 20, 'Tiến độ giải quyết', 'index766.progress']],
      [['score', 10, 12, 'Dịch vụ công trực tuyến', 'index766.online_service']],
      [['score', 10, 10, 'Thanh toán trực tuyến', 'index766.online_payment']],
      [['score', 18, 18, 'Mức độ hài lòng', 'index766.satisfaction']],
      [['score', 21.62, 22, 'Số hóa hồ sơ', 'index766.digitisation']],
    ]);
  });

  it('reads `Không có` answers as zero counts of their label', () => {
    const fs = s.onLine(163);
    expect(fs.map((f) => [f.value, f.unit, f.metric])).toEqual([
      [0, 'PAKN', 'feedback.received'],
      [0, 'PAKN', 'feedback.resolved.on_time'],
      [0, 'PAKN', 'feedback.resolved.late'],
      [0, 'PAKN', 'feedback.pending'],
    ]);
    // inferred from the label, so less sure than a printed `07 PAKN`
    expect(fs[0]!.confidence).toBeLessThan(s.onLine(161)[0]!.confidence);
  });

  it('never reads a document number or a date as a figure', () => {
    for (const line of [11, 19, 21, 79, 81, 87, 153, 171]) {
      expect(s.onLine(line).filter((f) => f.kind !== 'percent')).toEqual([]);
    }
  });

  it('numbers figures f1, f2… in document order', () => {
    expect(s.figures.map((f) => f.id)).toEqual(s.figures.map((_, i) => `f${i + 1}`));
    const starts = s.figures.map((f) => f.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('seed 001 (Thạch Khôi, tháng 02/2026)', () => {
  const s = run('001_226b3a6e67be8d17.txt');

  it('reads the prose paragraph from `tiếp nhận 4.899 hồ sơ` to `Đang giải quyết trong hạn 25 hồ sơ`', () => {
    const fs = s.onLine(27);
    expect(fs.map((f) => [f.value, f.unit, f.subject, f.metric])).toEqual([
      [4899, 'hồ sơ', 'UBND phường đã tiếp nhận', 'applications.received'],
      [4849, 'hồ sơ', 'Tiếp nhận trong kỳ trực tuyến', 'applications.online'],
      [0, 'hồ sơ', 'hồ sơ trực tiếp và qua dịch vụ bưu chính', 'applications.offline'],
      [50, 'hồ sơ', 'từ kỳ trước chuyển qua', 'applications.carried_over'],
      [4874, 'hồ sơ', 'Số lượng hồ sơ đã giải quyết', 'applications.resolved'],
      [4871, 'hồ sơ', 'giải quyết trước hạn', 'applications.resolved.early'],
      [1, 'hồ sơ', 'từ chối', 'applications.resolved.rejected'],
      [1, 'hồ sơ', 'hồ sơ rút', 'applications.resolved.withdrawn'],
      [1, 'hồ sơ', 'quá hạn', 'applications.resolved.late'],
      [25, 'hồ sơ', 'Đang giải quyết trong hạn', 'applications.pending.on_time'],
    ]);
    const [received, , , , resolved, early] = fs;
    expect(fs.slice(1, 4).map((f) => f.parent)).toEqual([received!.id, received!.id, received!.id]);
    // `Trong đó,` opening the next sentence points back at the resolved total
    expect(fs.slice(5, 9).map((f) => f.parent)).toEqual([resolved!.id, resolved!.id, resolved!.id, resolved!.id]);
    expect(fs[9]!.parent).toBeNull();
    // `4.871` has no unit of its own: it takes the total's, with less confidence
    expect(early!.confidence).toBeLessThan(resolved!.confidence);
    expect([fs[0]!.period?.from, fs[0]!.period?.to]).toEqual(['2026-01-15', '2026-02-14']);
  });

  it('reads `97,68 điểm, xếp 19/114`', () => {
    const [score, rank] = s.onLine(23);
    expect(brief(score!)).toEqual({ kind: 'score', value: 97.68, of: null, unit: 'điểm', subject: 'Tổng số điểm thường được ghi nhận', metric: 'index766.total', role: 'actual' });
    expect([rank!.kind, rank!.value, rank!.of, rank!.metric]).toEqual(['rank', 19, 114, 'index766.rank']);
  });

  it('does not read the Nghị quyết 66.7/2025/NQ-CP or the list enumerators as figures', () => {
    expect(s.onLine(17)).toEqual([]);
    expect(s.onLine(37).map((f) => [f.value, f.unit])).toEqual([[2, 'nhóm TTHC']]);
  });
});

describe('seed 003 (Hải Phòng, quý I/2026)', () => {
  const s = run('003_4b7321f46e9814a7.txt');

  it('reads `142.186 … 24.385 … 117.801 … 117.138 … 663 … 115.170 … 27.016`', () => {
    const fs = s.onLine(59);
    expect(fs.map((f) => [f.value, f.unit, f.metric])).toEqual([
      [142186, 'hồ sơ', 'applications.received'],
      [24385, 'hồ sơ', 'applications.carried_over'],
      [117801, 'hồ sơ', 'applications.new'],
      [117138, 'hồ sơ', 'applications.online'],
      [663, 'hồ sơ', 'applications.offline'],
      [115170, 'hồ sơ', 'applications.resolved'],
      [27016, 'hồ sơ', 'applications.pending'],
    ]);
    const [total, carried, fresh, online, offline, resolved, pending] = fs;
    expect([carried, fresh].map((f) => f!.parent)).toEqual([total!.id, total!.id]);
    expect([online, offline].map((f) => f!.parent)).toEqual([fresh!.id, fresh!.id]);
    // `;` closes a `trong đó` without a colon
    expect([resolved, pending].map((f) => f!.parent)).toEqual([null, null]);
    expect([total!.period?.from, total!.period?.to]).toEqual(['2025-12-15', '2026-03-14']);
  });

  it('joins a sentence broken across a page break (`thẩm định 01` / `thủ tục hành chính`)', () => {
    const [f] = s.onLine(27);
    expect([f!.value, f!.unit, f!.metric]).toEqual([1, 'TTHC', 'procedures.appraised']);
  });
});

describe('seed 002 (Kế hoạch 2026–2030)', () => {
  const s = run('002_6f7bb062664898b6.txt');

  it('reads appendix I rows as targets with their unit, period and responsible body', () => {
    const rows = s.figures.filter((f) => f.responsible !== undefined && f.subject?.startsWith('Mức độ hài lòng trong tiếp nhận'));
    expect(rows.map((f) => [f.kind, f.value, f.unit, f.role, f.metric, f.period?.from, f.period?.to, f.responsible])).toEqual([
      ['percent', 95, '%', 'target', 'satisfaction.rate', '2026-01-01', '2027-12-31', 'Trung tâm Phục vụ hành chính công'],
      ['percent', 95, '%', 'target', 'satisfaction.rate', '2028-01-01', '2030-12-31', 'Trung tâm Phục vụ hành chính công'],
    ]);
    const land = s.figures.filter((f) => f.subject?.startsWith('Mức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất đai'));
    expect(land.map((f) => f.responsible)).toEqual([
      'Phòng Kinh tế; Trung tâm Phục vụ hành chính công',
      'Phòng Kinh tế; Trung tâm Phục vụ hành chính công',
    ]);
  });

  it('makes every percentage of a Kế hoạch a target', () => {
    const [f] = s.onLine(30);
    expect([f!.kind, f!.value, f!.role]).toEqual(['percent', 100, 'target']);
  });
});
