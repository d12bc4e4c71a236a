import { describe, expect, it } from 'vitest';
import { applyCase, canonical, caseShape, fold, stripMarks, toneOf } from './letters.js';

describe('Vietnamese letters', () => {
  it('places tones the new way whatever the input style', () => {
    expect(canonical('hoà')).toBe('hòa');
    expect(canonical('thuỷ')).toBe('thủy');
    expect(canonical('Uỷ')).toBe('Ủy');
    expect(canonical('quyết')).toBe('quyết');
    expect(canonical('hoàng')).toBe('hoàng');
    expect(canonical('người')).toBe('người');
    expect(canonical('giải')).toBe('giải');
    expect(canonical('ngoài')).toBe('ngoài');
  });

  it('folds to base letters and strips marks keeping case', () => {
    expect(fold('Đặc')).toBe('dac');
    expect(stripMarks('Quyết định số 1037/QĐ-BCĐ')).toBe('Quyet dinh so 1037/QD-BCD');
    expect(toneOf('hỏa')).toBe(3);
  });

  it('keeps the case shape of OCR tokens', () => {
    expect(applyCase('đặc', caseShape('PAC'))).toBe('ĐẶC');
    expect(applyCase('đảm', caseShape('BDam'))).toBe('Đảm');
    expect(applyCase('số', caseShape('s6'))).toBe('số');
  });
});
