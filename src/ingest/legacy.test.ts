import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { ingestFile } from './index.js';
import { convertLegacy, detectLegacy } from './legacy.js';

const seed = readFileSync('fixtures/000_df22d471c82bd4e0.txt', 'utf8').split('\n');
/** Seed line 103 (1-based): figures, a colon list, `đ`, `ư`, `ơ` with tones. */
const LINE = 102;

describe('legacy Vietnamese encodings', () => {
  it.each([
    ['tcvn3', 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.txt'],
    ['vni', 'fixtures/formats/000_df22d471c82bd4e0.vni.txt'],
    ['viqr', 'fixtures/formats/000_df22d471c82bd4e0.viqr.txt'],
  ])('detects %s and converts a seed line to Unicode with the mapping kept', async (encoding, file) => {
    const doc = await ingestFile(file);
    expect(doc.encoding).toBe(encoding);
    const line = doc.text.text.split('\n')[LINE]!;
    expect(line).toBe(seed[LINE]);
    expect(line).toBe('- Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ, trong đó: Số hồ sơ mới tiếp nhận: 1.852 hồ sơ, số hồ sơ từ kỳ trước chuyển qua: 42 hồ sơ.');
    // the span of `Tổng` maps back to its bytes in the file
    const at = doc.text.text.indexOf(line) + 2;
    const bytes = readFileSync(file).toString('latin1');
    const o = doc.text.toOriginal({ start: at, end: at + 4 });
    expect(doc.text.original.slice(o.start, o.end)).toBe(bytes.slice(o.start, o.end));
    expect(doc.text.original.slice(o.start, o.end)).toBe({ tcvn3: 'T\u00E6ng', vni: 'To\u00E5ng', viqr: 'To^?ng' }[encoding]);
  });

  it('restores TCVN3 capitals inside all-capitals words and at the start of a line or item', () => {
    const text = SourceText.fromOriginal('I. K\u00D5T QU\u00B6 TH\u00F9C HI\u00D6N\nS\u00E8: /BC-UBND\n- \u00F1y ban nh\u00A9n d\u00A9n c\u00F1a \u00F1y ban');
    expect(convertLegacy(text, 'tcvn3').text).toBe('I. KẾT QUẢ THỰC HIỆN\nSố: /BC-UBND\n- Ủy ban nhân dân của ủy ban');
  });

  it('converts only inside the given spans (the runs set in a legacy font)', () => {
    // "B¸o c¸o" in .VnTime, then "Cát" already Unicode: its á (U+00E1) is also a TCVN3 code (ỏ)
    const text = SourceText.fromOriginal('B¸o c¸o\nC\u00e1t');
    expect(convertLegacy(text, 'tcvn3').text).toBe('Báo cáo\nCỏt');
    const converted = convertLegacy(text, 'tcvn3', { only: [{ start: 0, end: 7 }] });
    expect(converted.text).toBe('Báo cáo\nCát');
    expect(converted.original).toBe('B¸o c¸o\nC\u00e1t');
  });

  it('leaves Unicode and plain ASCII text alone', () => {
    expect(detectLegacy(seed.join('\n'))).toBeNull();
    expect(detectLegacy('Quyet dinh so 1037/QD-BCD ngay 06/8/2025 cua Ban Chi dao ve viec kien toan to giup viec')).toBeNull();
  });

  it('keeps VIQR escapes literal', () => {
    const text = SourceText.fromOriginal('Vie^.t Nam: cathai\\.haiphong.gov.vn, so+\\. dda^`u');
    expect(convertLegacy(text, 'viqr').text).toBe('Việt Nam: cathai.haiphong.gov.vn, sơ. đầu');
  });
});
