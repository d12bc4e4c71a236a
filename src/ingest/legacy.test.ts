import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { ingestBytes, ingestFile } from './index.js';
import tables from './legacy-encodings.json' with { type: 'json' };
import { convertLegacy, detectEightBit, detectLegacy } from './legacy.js';

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

/** Windows-1258 byte of each character it has a code for (from Node's own decoder). */
const CP1258 = new Map([...new TextDecoder('windows-1258').decode(Uint8Array.from({ length: 256 }, (_, i) => i))].map((c, i) => [c, i]));
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A text as Windows-1258 bytes: each letter as its base with the shape mark (â ă ê ô ơ ư đ have
 * codes) and the tone as a combining byte, or, `precomposed`, as one byte where the code page has
 * the toned letter (à á é ì í ò ó ù ú ý…), as Windows itself writes them.
 */
function cp1258(text: string, precomposed = false): Uint8Array {
  const out: number[] = [];
  for (const c of text) {
    if (precomposed && CP1258.has(c)) {
      out.push(CP1258.get(c)!);
      continue;
    }
    const nfd = c.normalize('NFD');
    for (const part of [nfd.replace(TONES, '').normalize('NFC'), ...(nfd.match(TONES) ?? [])]) {
      if (!CP1258.has(part)) throw new Error(`no Windows-1258 code for ${part}`);
      out.push(CP1258.get(part)!);
    }
  }
  return Uint8Array.from(out);
}

/** TCVN3 and VNI bytes of a text, as the fixture script writes them (TCVN3 capitals with the lower-case code). */
function legacyBytes(text: string, encoding: 'tcvn3' | 'vni'): Uint8Array {
  const table = tables[encoding] as Record<string, string>;
  const s = [...text].map((c) => table[c] ?? (encoding === 'tcvn3' ? table[c.toLowerCase()] : undefined) ?? c).join('');
  return Buffer.from(s, 'latin1');
}

describe('Windows-1258 plain text', () => {
  const FILE = 'fixtures/formats/000_df22d471c82bd4e0.cp1258.txt';
  const LINES = [
    seed[LINE]!,
    'Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 4 năm 2026 và nhiệm vụ trọng tâm tháng 5 năm 2026',
    '- Tỷ lệ hồ sơ đã giải quyết trước hạn, đúng hạn đạt 99,98 %',
    'Thực hiện Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của Ủy ban nhân dân thành phố Hải Phòng về việc báo cáo cải cách thủ tục hành chính hàng tháng',
  ];

  it('detects the seed in Windows-1258 and gives its exact text, composed, with the decoded bytes as original', async () => {
    const doc = await ingestFile(FILE);
    const bytes = readFileSync(FILE);
    expect(doc.encoding).toBe('windows-1258');
    expect(doc.text.text).toBe(seed.join('\n'));
    expect(doc.text.original).toBe(new TextDecoder('windows-1258').decode(bytes));
    expect(doc.text.original.length).toBe(bytes.length); // one character per byte: offsets are byte offsets
    // `Tổng`: four letters, five bytes (ô, then the hook above as a combining mark)
    const at = doc.text.text.indexOf(seed[LINE]!) + 2;
    const o = doc.text.toOriginal({ start: at, end: at + 4 });
    expect(doc.text.original.slice(o.start, o.end)).toBe('T\u00F4\u0309ng');
    expect([...bytes.subarray(o.start, o.end)]).toEqual([0x54, 0xf4, 0xd2, 0x6e, 0x67]);
  });

  it.each(LINES)('reads a line in Windows-1258 as Windows-1258, tones combining or precomposed: %s', async (line) => {
    for (const bytes of [cp1258(line), cp1258(line, true)]) {
      expect(detectEightBit(bytes)).toBe('windows-1258');
      const doc = await ingestBytes(bytes, 'line.txt');
      expect([doc.encoding, doc.text.text]).toEqual(['windows-1258', line]);
    }
  });

  it.each(LINES)('does not take TCVN3 or VNI for Windows-1258, nor the other way round: %s', async (line) => {
    expect(detectEightBit(legacyBytes(line, 'tcvn3'))).toBe('tcvn3');
    expect(detectEightBit(legacyBytes(line, 'vni'))).toBe('vni');
    const vni = await ingestBytes(legacyBytes(line, 'vni'), 'line.txt');
    expect([vni.encoding, vni.text.text]).toEqual(['vni', line]);
  });

  it('keeps plain ASCII as UTF-8 and refuses 8-bit text that reads as no Vietnamese encoding', async () => {
    const ascii = await ingestBytes(Buffer.from('Bao cao so 12/BC-UBND ngay 14/4/2026 cua Uy ban nhan dan dac khu Cat Hai\n'), 'ascii.txt');
    expect(ascii.encoding).toBe('utf-8');
    const french = Buffer.from('Le café était très fréquenté à côté de la gare où nous allâmes déjeuner\n', 'latin1');
    expect(detectEightBit(french)).toBeNull();
    await expect(ingestBytes(french, 'french.txt')).rejects.toThrow('french.txt: not UTF-8 at byte 6');
  });
});
