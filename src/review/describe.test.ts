import { describe, expect, it } from 'vitest';
import { describeCheck } from './describe.js';
import { evaluate, holdsFor, relationOf, type RelationFigure } from './relation.js';

let at = 0;
/** A figure as the validator sees it; spans follow each other in the order made. */
function fig(id: string, value: number, extra: Partial<RelationFigure> = {}): RelationFigure {
  at += 10;
  return { id, value, of: null, unit: 'hồ sơ', metric: null, parent: null, span: { start: at, end: at + 5 }, ...extra };
}
const map = (...fs: RelationFigure[]) => new Map(fs.map((f) => [f.id, f]));

describe('a check described from its data', () => {
  it('sum: the total and the parts listed under it, in both languages', () => {
    const byId = map(fig('f9', 1894), fig('f10', 1852), fig('f11', 42));
    const check = { kind: 'sum', figures: ['f9', 'f10', 'f11'], expected: 1894, actual: 1894, holds: true };
    expect(describeCheck('vi', check, byId)).toBe('Tổng 1.894 (f9) = tổng các phần ghi dưới nó: 1.852 (f10) + 42 (f11) = 1.894');
    expect(describeCheck('en', check, byId)).toBe('Total 1,894 (f9) = the parts listed under it: 1,852 (f10) + 42 (f11) = 1,894');
  });

  it('sum: parts in another unit of the whole’s family count in its unit', () => {
    const byId = map(fig('f1', 5, { unit: 'tỷ đồng' }), fig('f2', 2500, { unit: 'triệu đồng' }), fig('f3', 2, { unit: 'tỷ đồng' }));
    const relation = relationOf({ kind: 'sum', figures: ['f1', 'f2', 'f3'], expected: 5, actual: 4.5 }, byId)!;
    expect(relation.terms.map((t) => [t.figure, t.part, t.coefficient])).toEqual([['f1', 'expected', 1], ['f2', 'actual', 0.001], ['f3', 'actual', 1]]);
  });

  it('ratio: a rate against its ratio, its part of a whole, and a share of counts', () => {
    const ratio = map(fig('f2', 1779, { of: 1894 }), fig('f3', 93.93));
    expect(describeCheck('vi', { kind: 'ratio', figures: ['f3', 'f2'], expected: 93.928194, actual: 93.93, holds: true }, ratio))
      .toBe('Tỷ lệ 93,93% (f3) khớp với 1.779 (f2) / 1.894 (f2) = 93,9282%');
    const shares = map(fig('f61', 352), fig('f62', 90.51), fig('f63', 37), fig('f64', 9.49));
    const share = { kind: 'ratio', figures: ['f64', 'f61', 'f63'], expected: 9.511568, actual: 9.49, holds: false };
    expect(describeCheck('en', share, shares)).toBe('Rate 9.49% (f64) does not match 37 (f63) / (352 (f61) + 37 (f63)) = 9.5116%');
    // corrected 37 → 36.9: the rate is computed again
    const relation = relationOf(share, shares)!;
    const { expected, actual } = evaluate(relation, (id) => (id === 'f63' ? 36.9 : shares.get(id)!.value));
    expect([Math.round(expected! * 1e4) / 1e4, actual]).toEqual([9.4883, 9.49]);
    expect(holdsFor(relation.test, expected!, actual!, 0.005)).toBe(true);
  });

  it('share, rank, score and consistency', () => {
    const byId = map(
      fig('f1', 90.51), fig('f2', 9.49), fig('f3', 72, { of: 114 }), fig('f4', 19, { of: 20, metric: 'index766.progress' }),
      fig('f5', 93.97, { metric: 'digitisation.rate' }), fig('f6', 93.9, { metric: 'digitisation.rate' }),
    );
    expect(describeCheck('vi', { kind: 'share', figures: ['f1', 'f2'], expected: 100, actual: 100, holds: true }, byId))
      .toBe('Các tỷ lệ 90,51% (f1) + 9,49% (f2) = 100% cộng lại bằng 100%');
    expect(describeCheck('vi', { kind: 'rank', figures: ['f3'], expected: 114, actual: 72, holds: true }, byId))
      .toBe('Thứ hạng 72 (f3) nằm trong khoảng 1…114');
    expect(describeCheck('en', { kind: 'score', figures: ['f4'], expected: 20, actual: 19, holds: true }, byId))
      .toBe('19 (f4) points is within its maximum of 20');
    const consistency = { kind: 'consistency', figures: ['f5', 'f6'], expected: 93.97, actual: 93.9, holds: false };
    expect(describeCheck('en', consistency, byId)).toMatch(/^.+ is stated twice for the same period with different values: 93\.97 \(f5\) and 93\.9 \(f6\)$/);
    const relation = relationOf({ kind: 'rank', figures: ['f3'], expected: 114, actual: 72 }, byId)!;
    expect(holdsFor(relation.test, 114, 115, 0)).toBe(false);
    expect(holdsFor(relation.test, 114, 0, 0)).toBe(false);
  });

  it('a check whose numbers no relation of its kind gives back is described by them alone', () => {
    const byId = map(fig('f1', 10), fig('f2', 3));
    const check = { kind: 'sum', figures: ['f1', 'f2'], expected: 10, actual: 4, holds: false };
    expect(relationOf(check, byId)).toBeNull();
    expect(describeCheck('vi', check, byId)).toBe('Kiểm tra tổng: mong đợi 10, thực tế 4');
    expect(describeCheck('en', check, byId)).toBe('sum check: expected 10, actual 4');
  });
});
