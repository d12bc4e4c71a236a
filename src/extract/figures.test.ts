import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { segment } from '../segment/index.js';
import { SourceText } from '../text/source-text.js';
import { extract } from './index.js';
import type { Figure } from './types.js';
import { inBaseUnit, sameFamily } from './figures/lexicon.js';

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
    expect(brief(rank!)).toEqual({ kind: 'rank', value: 72, of: 114, unit: 'xã', subject: 'Tổng hợp chung', metric: 'index766.rank', role: 'actual' });
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
    expect([f!.value, f!.unit, f!.metric]).toEqual([1, 'thủ tục hành chính', 'procedures.appraised']);
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

/**
 * Real lines of UBND documents that no rule was tuned on (the development part of
 * the shared document set and the vi-admin corpus), each read as the one paragraph of a section
 * (under a heading, so that the segmenter does not take a lone line for the title).
 */
function figuresIn(line: string) {
  const text = normalise(SourceText.fromOriginal(`I. KẾT QUẢ\n\n${line}\n`));
  const { figures } = extract(segment(text));
  return figures.map((f) => ({ text: text.originalText(f.span), kind: f.kind, value: f.value, of: f.of, unit: f.unit, comparator: f.comparator }));
}
const values = (line: string) => figuresIn(line).map((f) => [f.kind, f.value, f.of, f.comparator]);

describe('ranks in their Vietnamese phrasings', () => {
  it('reads `xếp thứ 05`, `đứng thứ 04/34`, `xếp hạng 5/63`, `đứng thứ 3`', () => {
    expect(values('Tỉnh đã kết nối hệ thống thông tin, giám sát của Trung ương; năm 2024 xếp thứ 05 cả nước về Chỉ số chuyển đổi số.')).toEqual([['rank', 5, null, null]]);
    expect(figuresIn('Tăng trưởng 09 tháng đầu năm đạt 10,22%, vượt kịch bản đề ra, đứng thứ 04/34 tỉnh, thành phố trên cả nước.')).toEqual([
      { text: '10,22%', kind: 'percent', value: 10.22, of: null, unit: '%', comparator: null },
      { text: '04/34 tỉnh, thành phố', kind: 'rank', value: 4, of: 34, unit: 'tỉnh', comparator: null },
    ]);
    expect(values('Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 xếp hạng 5/63, đứng thứ 3 khu vực.')).toEqual([['rank', 5, 63, null], ['rank', 3, null, null]]);
    expect(values('Việt Nam đứng thứ 27 trong số 156 quốc gia có biểu hiện tốt.')).toEqual([['rank', 27, 156, null]]);
  });

  it('reads ordinal words: `đứng vị trí thứ nhất` → 1, `xếp thứ ba`, `xếp hạng thứ tư`, `đứng thứ hai`', () => {
    expect(figuresIn('Năm 2024, Chỉ số hài lòng của tỉnh đứng vị trí thứ nhất cả nước.')).toEqual([{ text: 'nhất', kind: 'rank', value: 1, of: null, unit: null, comparator: null }]);
    expect(values('Nhà thầu có giá đánh giá thấp nhất được xếp thứ nhất.')).toEqual([['rank', 1, null, null]]);
    expect(figuresIn('cố đô Huế đứng thứ ba với hơn 2 triệu lượt khách').map((f) => [f.kind, f.value, f.unit, f.comparator])).toEqual([
      ['rank', 3, null, null],
      ['count', 2, 'triệu lượt', '>'],
    ]);
    expect(values('Giải được xếp hạng thứ tư trong số các giải đấu.')).toEqual([['rank', 4, null, null]]);
  });

  it('takes `dẫn đầu` as first only when the number ranked follows', () => {
    expect(values('Phường dẫn đầu 114 xã, phường, đặc khu về Chỉ số phục vụ người dân.')).toEqual([['rank', 1, 114, null]]);
    expect(values('Phấn đấu đến năm 2030, tỉnh nằm trong nhóm các địa phương dẫn đầu cả nước về phát triển kinh tế số.')).toEqual([]);
  });

  it('never reads `sắp xếp`, `thứ năm 2025` or `vị trí thứ tự` as a rank', () => {
    expect(values('Sắp xếp 21 xã thành 7 xã.').map((v) => v[0])).toEqual(['count', 'count']);
    expect(values('Trộn số các bài kiểm tra để đảo vị trí thứ tự của các số báo danh;')).toEqual([]);
  });
});

describe('percentage-point changes', () => {
  it('reads `điểm phần trăm` and `điểm %` as percent-point, not score', () => {
    expect(figuresIn('Tỷ lệ giải ngân đạt 62,5%, tăng 4,7 điểm phần trăm so với cùng kỳ; tỷ lệ hộ nghèo giảm 1,2 điểm % so với năm 2024.')).toEqual([
      { text: '62,5%', kind: 'percent', value: 62.5, of: null, unit: '%', comparator: null },
      { text: '4,7 điểm phần trăm', kind: 'percent-point', value: 4.7, of: null, unit: 'điểm phần trăm', comparator: null },
      { text: '1,2 điểm %', kind: 'percent-point', value: 1.2, of: null, unit: 'điểm phần trăm', comparator: null },
    ]);
    expect(values('Chỉ số SIPAS đạt 97,68 điểm.')).toEqual([['score', 97.68, null, null]]);
  });
});

describe('comparators on targets and thresholds', () => {
  it('keeps ≥ for `ít nhất`, `tối thiểu`, `trở lên`, `không thấp hơn`, and `≥` from LaTeX', () => {
    expect(figuresIn('- 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công chức, viên chức')).toEqual([{ text: '10%', kind: 'percent', value: 10, of: null, unit: '%', comparator: '≥' }]);
    expect(figuresIn('(6) Phát triển tối thiểu 10 doanh nghiệp công nghệ số')).toEqual([{ text: '10 doanh nghiệp', kind: 'count', value: 10, of: null, unit: 'doanh nghiệp', comparator: '≥' }]);
    expect(values('mà việc khai thác và bảo vệ liên quan đến 02 tỉnh trở lên quy định tại điểm a khoản 1 Điều 21 Luật Thủy lợi số 08/2017/QH14')).toEqual([['count', 2, null, '≥']]);
    expect(values('cơ quan, đơn vị, địa phương đạt từ 95 điểm trở lên; đồng thời, không có tiêu chí nào')).toEqual([['score', 95, null, '≥']]);
    expect(values('Có tổng số điểm trên 90 điểm trở lên (trong đó, hoàn thành 100% chỉ tiêu)')).toEqual([['score', 90, null, '≥'], ['percent', 100, null, null]]);
    expect(values('Tỷ lệ hồ sơ giải quyết đúng hạn không thấp hơn 95%.')).toEqual([['percent', 95, null, '≥']]);
    expect(values('Tỷ lệ hồ sơ trực tuyến $\\geq 95$%.')).toEqual([['percent', 95, null, '≥']]);
    expect(values('Phấn đấu tỷ lệ hồ sơ trực tuyến tối thiểu đạt 30% trở lên.')).toEqual([['percent', 30, null, '≥']]);
  });

  it('keeps > for `trên`, `hơn`, `vượt`', () => {
    expect(values('c) Có trên 50% các tiêu chí về kết quả thực hiện nhiệm vụ')).toEqual([['percent', 50, null, '>']]);
    expect(values('Trong tháng, quận đã cấp 115 Giấy chứng nhận đăng ký kinh doanh với số vốn đăng ký hơn 3,8 tỷ đồng')).toEqual([['count', 115, null, null], ['amount', 3.8, null, '>']]);
    expect(values('Doanh thu du lịch vượt 5% kế hoạch năm.')).toEqual([['percent', 5, null, '>']]);
  });

  it('keeps ≤ for `tối đa`, `không quá`, `không vượt quá`, `trở xuống`, and < for `dưới`', () => {
    expect(values('Số lượng thành viên thường trực là không quá 04 người.')).toEqual([['count', 4, null, '≤']]);
    expect(values('được sử dụng nhưng không vượt quá 7% vốn điều lệ')).toEqual([['percent', 7, null, '≤']]);
    expect(values('Cấp tỉnh: Xét tối đa 15 tập thể và 30 cá nhân.')).toEqual([['count', 15, null, '≤'], ['count', 30, null, null]]);
    expect(values('a) Có tổng số điểm dưới 50 điểm trở xuống.')).toEqual([['score', 50, null, '≤']]);
    expect(values('- Có dưới 60% đường thôn và đường liên thôn được cứng hóa')).toEqual([['percent', 60, null, '<']]);
  });

  it('finds no comparator where the cue does not stand right before the number', () => {
    expect(values('Trên địa bàn xã có 15 hộ nghèo; trên cơ sở 3 dự án đã hoàn thành.')).toEqual([['count', 15, null, null], ['count', 3, null, null]]);
    expect(values('đảm bảo khả năng sử dụng chung tối thiểu cho hai doanh nghiệp viễn thông')).toEqual([['count', 2, null, null]]);
  });
});

describe('counts in words', () => {
  it('reads a number word before a count unit, and `ba (03)` once', () => {
    expect(figuresIn('cho tổ chức cộng đồng (thuộc địa bàn từ hai xã trở lên)')).toEqual([{ text: 'hai xã', kind: 'count', value: 2, of: null, unit: 'xã', comparator: '≥' }]);
    expect(values('Quyết định này thay thế ba (03) thủ tục hành chính được công bố tại Quyết định số 1533/QĐ-UBND ngày 22 tháng 10 năm 2025')).toEqual([['count', 3, null, null]]);
    expect(values('Quyết định này thay thế một (01) thủ tục hành chính')).toEqual([['count', 1, null, null]]);
    expect(values('phải bảo đảm khả năng dùng chung cho ít nhất hai doanh nghiệp và mười lăm hộ')).toEqual([['count', 2, null, '≥'], ['count', 15, null, null]]);
    expect(values('hỗ trợ năm mươi hộ và hai mươi lăm xã')).toEqual([['count', 50, null, null], ['count', 25, null, null]]);
  });

  it('never reads `một` (the article), `một số`, `một cửa`, `một lần`, ordinals, `hai cấp` or `năm` as the year', () => {
    for (const line of [
      'UBND tỉnh xử lý hoặc phân công một cơ quan, đơn vị chủ trì, phối hợp giải quyết.',
      'Một số xã chưa thực hiện tốt cơ chế một cửa, một cửa liên thông; một lần trong năm.',
      'Thực hiện thẩm quyền của chính quyền địa phương hai cấp trong lĩnh vực quản lý nhà nước.',
      'xã hội. Hàng năm tổ chức chuyển hóa thành công địa bàn trọng điểm;',
      'là xã có một trong hai trường hợp sau: thứ hai xã có đường giao thông',
      'Kế hoạch thu hút đầu tư công trình giao thông.',
      'Quý I năm báo cáo sẽ ghi toàn bộ danh mục; chi phí nhân công năm cơ sở được xác định theo',
    ]) {
      expect(values(line), line).toEqual([]);
    }
  });
});

describe('units real documents count', () => {
  it('reads areas, distances, households and persons of a commune report', () => {
    expect(
      values('Hoằng Lộc là xã có tổng diện tích tự nhiên 253,99 ha, xã cách trung tâm huyện lỵ 6 km về phía Bắc. Diện tích đất nông nghiệp là 161,62ha; có 1.660 hộ, với 5.539 khẩu.'),
    ).toEqual([
      ['amount', 253.99, null, null],
      ['amount', 6, null, null],
      ['amount', 161.62, null, null],
      ['count', 1660, null, null],
      ['count', 5539, null, null],
    ]);
  });

  it('reads a scale word before a measure, pupils counted as `em`, identity cards (report phrasings met outside the annotated texts)', () => {
    expect(figuresIn('Sản lượng lương thực đạt 450 nghìn tấn; tổng số học sinh 12.345 em; đã cấp 3.456 căn cước công dân').map((f) => [f.kind, f.value, f.unit])).toEqual([
      ['amount', 450, 'nghìn tấn'],
      ['count', 12345, 'em'],
      ['count', 3456, 'căn cước'],
    ]);
    // the scale is read when figures of one family are compared: 450 nghìn tấn is 450 000 000 kg
    expect([inBaseUnit(450, 'nghìn tấn'), inBaseUnit(2, 'tấn'), sameFamily('nghìn tấn', 'kg')]).toEqual([450_000_000, 2000, true]);
  });

  it('keeps amounts in the unit as printed, with a rate after the unit', () => {
    expect(figuresIn('Giá trị sản xuất ngành thương mại - dịch vụ ước đạt 1.938 tỷ đồng, lũy kế 10 tháng ước đạt 19.331 tỷ đồng, tăng 11,46%').map((f) => [f.value, f.unit])).toEqual([
      [1938, 'tỷ đồng'],
      [19331, 'tỷ đồng'],
      [11.46, '%'],
    ]);
    expect(figuresIn('Mức thu phí: 100.000 đồng/hồ sơ; lệ phí 50.000 đồng / lần.').map((f) => [f.value, f.unit])).toEqual([
      [100000, 'đồng/hồ sơ'],
      [50000, 'đồng/lần'],
    ]);
    expect(figuresIn('200.000 đồng/người/ngày áp dụng với các nội dung chi sau:')).toEqual([
      { text: '200.000 đồng/người/ngày', kind: 'amount', value: 200000, of: null, unit: 'đồng/người/ngày', comparator: null },
    ]);
  });

  it('reads livestock, trees, a scale word before a count unit, and dân số', () => {
    expect(figuresIn('Tổng đàn gia súc 1.200 con; trồng mới 5.000 cây xanh; dân số 1,2 triệu người; tăng trưởng kinh tế đạt 2 con số').map((f) => [f.kind, f.value, f.unit])).toEqual([
      ['count', 1200, 'con'],
      ['count', 5000, 'cây'],
      ['count', 1.2, 'triệu người'],
    ]);
  });

  it('reads doses of vaccine and gift parcels of a health and welfare report', () => {
    expect(figuresIn('Đã tiêm 2.345 liều vắc xin; tặng 200 phần quà').map((f) => [f.kind, f.value, f.unit])).toEqual([
      ['count', 2345, 'liều'],
      ['count', 200, 'phần quà'],
    ]);
  });

  it('reads the nouns of a socio-economic report: yields per hectare, work-days, visitors, families, conscripts', () => {
    expect(
      figuresIn('Năng suất lúa đạt 60 tạ/ha; huy động 1.200 ngày công; đón 2.000 du khách; 1.500 gia đình văn hóa; giao 500 thanh niên nhập ngũ.').map((f) => [f.kind, f.value, f.unit]),
    ).toEqual([
      ['amount', 60, 'tạ/ha'],
      ['count', 1200, 'ngày công'],
      ['count', 2000, 'khách'],
      ['count', 1500, 'gia đình'],
      ['count', 500, 'thanh niên'],
    ]);
    // a list marker's dot keeps `3. Chương trình, đề án` out; `ngõ 5 Tạ Hiện` is an address
    expect(values('3. Chương trình, đề án, dự án phát triển; trụ sở tại ngõ 5 Tạ Hiện')).toEqual([]);
  });

  it('reads households, cases, cooperatives and internal workflows', () => {
    expect(
      figuresIn('(trong đó cấp mới 84 hộ, cấp đổi 31 hộ) và có 70 trường hợp ngưng kinh doanh; 10 hợp tác xã và 01 loại hình kinh tế hợp tác; phê duyệt 40 quy trình nội bộ').map((f) => [f.value, f.unit]),
    ).toEqual([
      [84, 'hộ'],
      [31, 'hộ'],
      [70, 'trường hợp'],
      [10, 'hợp tác xã'],
      [1, 'loại hình'],
      [40, 'quy trình'],
    ]);
  });

  it('keeps out durations, dates, article numbers, names and places with numbers, list positions', () => {
    for (const line of [
      'Trong thời hạn 15 ngày làm việc kể từ ngày nhận đủ hồ sơ; chậm nhất 03 ngày kể từ ngày ban hành.',
      'Điều 1. Phê duyệt kèm theo Quyết định này; khoản 2 Điều 5.',
      'quy mô dân số của Phường 4 và Phường 5 (thành phố Mỹ Tho); Ủy ban nhân dân Quận 5',
      'ra khỏi diện đầu tư của Chương trình 135 giai đoạn II.',
      'Trung tâm Phục vụ hành chính công tỉnh; địa chỉ: Quảng trường 3/2, phường Bắc Giang, tỉnh Bắc Ninh;',
      'khuyến khích mở cửa bán hàng 24/24 kể cả thứ Bảy, Chủ nhật',
      'việc (cắt giảm 01/03 ngày làm việc) kể từ ngày nhận đủ hồ sơ',
      'Quy trình số: 01',
      'người đứng đầu đơn vị sự nghiệp thuộc Bộ nhóm 3, nhóm 4 quyết định nâng bậc lương thường xuyên',
      'hành chính (TTHC số thứ tự 03, 04, 05) được công bố tại Quyết định số 1533/QĐ-UBND',
    ]) {
      expect(values(line), line).toEqual([]);
    }
  });
});

describe('counts of nouns the unit lexicon lacks', () => {
  const counts = (line: string) => figuresIn(line).map((f) => [f.text, f.kind, f.value, f.unit, f.comparator]);

  it('reads a count after a comparator, a leading zero or a verb of counting, with the head noun as unit', () => {
    expect(counts('công bố trên Cổng Dữ liệu mở tỉnh Bắc Ninh và Cổng Dữ liệu mở quốc gia; có tối thiểu 05 kịch bản ứng dụng dữ liệu cấp tỉnh, ngành và địa phương.')).toEqual([
      ['05 kịch bản', 'count', 5, 'kịch bản', '≥'],
    ]);
    expect(counts('Đến năm 2030, tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở phục vụ phát triển kinh tế số và xã hội số được công bố.')).toEqual([
      ['20 tập dữ liệu mở', 'count', 20, 'tập dữ liệu mở', '≥'],
    ]);
    expect(counts('- Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số và xã hội số;')).toEqual([
      ['05 bộ dữ liệu mở', 'count', 5, 'bộ dữ liệu mở', null],
    ]);
    expect(counts('(5) Phát triển và triển khai tối thiểu 01 sàn giao dịch dữ liệu;')).toEqual([['01 sàn giao dịch dữ liệu', 'count', 1, 'sàn giao dịch dữ liệu', '≥']]);
    expect(counts('Thông tư số 03/2024/TT-BTP ngày 16 tháng 4 năm 2024 của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung 08 thông tư liên quan đến thủ tục hành chính')).toEqual([
      ['08 thông tư', 'count', 8, 'thông tư', null],
    ]);
    expect(counts('a) Phát triển kinh tế số ngành, lĩnh vực theo mô hình hợp tác giữa 03 bên: doanh nghiệp công nghệ số, địa phương và các cơ sở kinh tế.')).toEqual([
      ['03 bên', 'count', 3, 'bên', null],
    ]);
    expect(counts('* Số lượng hồ sơ: 02 bộ (01 bộ hồ sơ điện tử và 01 bộ hồ sơ giấy).').map((c) => [c[2], c[3]])).toEqual([
      [2, 'bộ'],
      [1, 'hồ sơ'],
      [1, 'hồ sơ'],
    ]);
  });

  it('reads a count after `của`, `từ`, `trong` and the next item of a list of counts', () => {
    expect(counts('đến ngày 19 tháng 11 năm 2025 đã có 15 bộ, ngành, 25 địa phương, 13 tập đoàn, tổng công ty gửi đăng ký').map((c) => [c[2], c[3]])).toEqual([
      [15, 'bộ'],
      [25, 'địa phương'],
      [13, 'tập đoàn'],
    ]);
    expect(counts('Khai thác hiệu quả cơ hội từ 17 hiệp định thương mại tự do (FTA) đã ký kết')).toEqual([['17 hiệp định', 'count', 17, 'hiệp định', null]]);
    expect(counts('giá trị giới hạn tiếp xúc cho phép của 50 yếu tố hóa học tại nơi làm việc.')).toEqual([['50 yếu tố', 'count', 50, 'yếu tố', null]]);
  });

  it('reads a count alone in brackets after a heading: `(16 mục tiêu)`', () => {
    expect(counts('a) Mục tiêu chung (6 mục tiêu)')).toEqual([['6 mục tiêu', 'count', 6, 'mục tiêu', null]]);
    expect(counts('b) Mục tiêu theo ngành, lĩnh vực (10 mục tiêu)')).toEqual([['10 mục tiêu', 'count', 10, 'mục tiêu', null]]);
  });

  it('counts the persons and news items of security and communication reports', () => {
    expect(counts('Phát hiện, bắt giữ 3 vụ, 5 đối tượng mua bán trái phép chất ma túy; đăng tải 120 tin, bài.')).toEqual([
      ['3 vụ', 'count', 3, 'vụ', null],
      ['5 đối tượng', 'count', 5, 'đối tượng', null],
      ['120 tin, bài', 'count', 120, 'tin bài', null],
    ]);
  });

  it('reads a speed in Gb/s and a multiple `gấp 30 lần` as a ratio whose value is the quotient', () => {
    expect(counts('- Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ 01 Gb/s đạt 100%.')).toEqual([
      ['01 Gb/s', 'amount', 1, 'Gb/s', null],
      ['100%', 'percent', 100, '%', null],
    ]);
    expect(figuresIn('(4) Tổng giá trị giao dịch thanh toán không dùng tiền mặt gấp 30 lần GRDP;')).toEqual([
      { text: '30 lần', kind: 'ratio', value: 30, of: null, unit: 'lần', comparator: null },
    ]);
    expect(values('vốn DDI ước đạt 61,3 nghìn tỷ đồng, cao hơn gần gấp 3 lần so với cùng kỳ; mức thưởng gấp đôi')).toEqual([
      ['amount', 61.3, null, null],
      ['ratio', 3, null, null],
      ['ratio', 2, null, null],
    ]);
    expect(values('Nhà nước hỗ trợ chi phí mai táng bằng 20 lần mức chuẩn; chi khác không thấp hơn 02 lần mức tối thiểu; mức thưởng gấp đôi.')).toEqual([
      ['ratio', 20, null, null],
      ['ratio', 2, null, '≥'],
      ['ratio', 2, null, null],
    ]);
    // `tăng … lần so với` compares two quantities too
    expect(values('Doanh thu du lịch tăng 2,3 lần so với cùng kỳ năm trước.')).toEqual([['ratio', 2.3, null, null]]);
    // `lần` alone is a time in a sequence, not a multiple
    expect(values('Giảm được khoảng 6 lần đi lại cho công dân; tổ chức 2 lần trong năm; gấp lần thứ hai; tăng 3 lần.')).toEqual([]);
  });

  it('reads a count in words before such a noun where the text confirms it', () => {
    // an enumeration of as many items after a colon
    expect(counts('3. Phát triển dựa trên năm yếu tố nền móng đồng bộ: thể chế, chính sách phù hợp và linh hoạt; nhân lực số chất lượng cao; hạ tầng số hiện đại, an toàn, phủ rộng đến cơ sở; dữ liệu trở thành yếu tố sản xuất chủ đạo; và làm chủ các công nghệ chiến lược. Ưu tiên triển khai trong các ngành.')).toEqual([
      ['năm yếu tố', 'count', 5, 'yếu tố', null],
    ]);
    // coordinated counts, `dựa trên` is no comparator
    expect(counts('2. Phát triển đột phá, toàn diện dựa trên ba trụ cột kinh tế và một nền tảng số: Xác định chuyển đổi số là động lực then chốt')).toEqual([
      ['ba trụ cột', 'count', 3, 'trụ cột', null],
      ['một nền tảng số', 'count', 1, 'nền tảng số', null],
    ]);
    // a list announced after it, and `cả ba`
    expect(counts('tạo mô hình tăng trưởng mới, dựa trên sức mạnh tổng hợp của ba trụ cột kinh tế:')).toEqual([['ba trụ cột', 'count', 3, 'trụ cột', null]]);
    expect(counts('bệ đỡ cho sự phát triển của cả ba trụ cột trên;')).toEqual([['ba trụ cột', 'count', 3, 'trụ cột', null]]);
  });

  it('gives a bare number the unit of a total only when that unit is a lexicon unit: `3 bộ phận (1, 2, 3)` lists positions', () => {
    expect(values('(C) Mã số được cấu tạo từ 3 bộ phận (1, 2, 3), viết theo hàng ngang, trong đó:')).toEqual([['count', 3, null, null]]);
  });

  it('keeps out numbers that name, list positions, times, measures, `năm` as the year and `cả hai`', () => {
    for (const line of [
      // a list of form numbers after `Mẫu`
      'Mẫu 01; 02, 03, 04 (nếu có), 06 lưu tại Bộ phận TN&TKQ, Trung tâm Phục vụ hành chính công tỉnh. Mẫu 01, 05 lưu theo hồ sơ;',
      '(Mẫu số 01, 02, 04, 05 ban hành kèm theo Nghị định số 272/2025/NĐ-CP);',
      // one syllable before a function word is a verb
      '06 lưu tại Bộ phận TN&TKQ Sở Nông nghiệp và Môi trường tại Trung tâm Phục vụ HCC tỉnh.',
      // times, years of service, durations, a number in words and its digits
      'tiếp nhận trên Cổng Dịch vụ công quốc gia sau 17 giờ 00 hàng ngày hoặc vào ngày nghỉ',
      'có từ 08 năm kinh nghiệm trở lên; người lao động có từ đủ 15 năm đóng bảo hiểm xã hội trở lên',
      'giá dịch vụ phát điện, tỷ giá quy đổi thực hiện năm liền kề trước',
      'phải đảm bảo tối thiểu là mười hai (12) giờ liên tục trong một ngày',
      // names and codes with numbers, measures the lexicon does not read, `trên` as `on`
      'Căn cứ Thông tư 01 hướng dẫn thực hiện; Kế hoạch 05 của Tỉnh ủy; bắt đầu từ 0001 thể hiện số thứ tự',
      'độ phân giải tối thiểu 300 dpi; xe mô tô có dung tích xi-lanh trên 125 cm3 trở lên; Đường kính: 0.25mm (0,1 inch)',
      'duy trì thực hiện đồng thời trên 2 hệ thống (Hệ thống thông tin giải quyết TTHC tập trung)',
      'Đơn vị: 01 cọc (cột)',
      // `giữa hai` is `between the two`; slogans in quotes; an address
      'chuyển giao dữ liệu giữa hai hệ thống; thỏa thuận giữa 2 bên; địa chỉ: Tầng 1 và tầng 2 (giữa 2 toà nhà A, B)',
      'thực hiện các phong trào “Gia đình 5 không, 3 sạch”; Thực hiện “4 xin, 4 luôn”: xin chào, xin lỗi',
      // `2 con số`, `cả hai` (both), `hai bên` with no count around it, `một` (the article)
      'tăng trưởng kinh tế đạt 2 con số; điều khiển xe buông cả hai tay; hai bên thống nhất; đi trước một bước',
    ]) {
      expect(values(line), line).toEqual([]);
    }
  });
});
