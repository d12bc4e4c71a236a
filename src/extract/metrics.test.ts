import { describe, expect, it } from 'vitest';
import { isGenericRate, metricFor, rateOf } from './metrics.js';

describe('metricFor', () => {
  it('maps the subjects of the seed reports to canonical ids', () => {
    expect(metricFor('Tổng số hồ sơ yêu cầu giải quyết', 'hồ sơ', 'count')).toBe('applications.received');
    expect(metricFor('Số hồ sơ mới tiếp nhận', 'hồ sơ', 'count')).toBe('applications.new');
    expect(metricFor('số hồ sơ từ kỳ trước chuyển qua', 'hồ sơ', 'count')).toBe('applications.carried_over');
    expect(metricFor('Số hồ sơ giải quyết trước hạn', 'hồ sơ', 'count')).toBe('applications.resolved.early');
    expect(metricFor('số hồ sơ giải quyết đúng hạn (từ chối, rút)', 'hồ sơ', 'count')).toBe('applications.resolved.on_time');
    expect(metricFor('Tổng số PAKN đã tiếp nhận', 'PAKN', 'count')).toBe('feedback.received');
    expect(metricFor('Tỷ lệ nộp hồ sơ trực tuyến', '%', 'percent')).toBe('online.rate');
    expect(metricFor('Tỉ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', '%', 'percent')).toBe('digitisation.rate');
  });

  it('reads a part by what it is a part of', () => {
    // `quá hạn` under the resolved total is resolved late, under the pending total pending late
    expect(metricFor('quá hạn', 'hồ sơ', 'count', { parentMetric: 'applications.resolved' })).toBe('applications.resolved.late');
    expect(metricFor('hồ sơ quá hạn', 'hồ sơ', 'count', { parentMetric: 'applications.pending' })).toBe('applications.pending.late');
    expect(metricFor('quá hạn', 'hồ sơ', 'count')).toBeNull();
  });

  it('needs the 766 index in the headings or sentence for index scores', () => {
    expect(metricFor('Tiến độ giải quyết', 'điểm', 'score', { context: 'Kết quả thực hiện Bộ chỉ số 766/QĐ-TTg' })).toBe('index766.progress');
    expect(metricFor('Tiến độ giải quyết', 'điểm', 'score', { context: 'Kết quả giải quyết TTHC' })).toBeNull();
  });

  it('checks unit and kind, and falls back to the wider phrase only when the subject says nothing', () => {
    expect(metricFor('Tổng số hồ sơ tiếp nhận', 'TTHC', 'count')).toBeNull();
    expect(metricFor('Duy trì và đảm bảo', 'TTHC', 'count', { phrase: 'Duy trì và đảm bảo TTHC thuộc thẩm quyền giải quyết thực hiện không phụ thuộc vào địa giới hành chính' })).toBe(
      'procedures.location_independent',
    );
  });

  it('leaves an unmapped subject null: never a guess', () => {
    expect(metricFor('Hồ sơ kiểm thử nộp trực tiếp', 'hồ sơ', 'count')).toBeNull();
    expect(metricFor('Có file kết quả đính kèm', 'hồ sơ', 'count')).toBeNull();
  });
});

describe('rates', () => {
  it('names the rate that follows a count', () => {
    expect(isGenericRate('tỷ lệ đạt')).toBe(true);
    expect(isGenericRate('đạt tỷ lệ')).toBe(true);
    expect(isGenericRate('tỷ lệ giải quyết trước, đúng hạn')).toBe(false);
    expect(rateOf('applications.online')).toBe('online.rate');
    expect(rateOf('applications.resolved')).toBeNull();
  });
});
