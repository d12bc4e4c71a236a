import { describe, expect, it } from 'vitest';
import { decodeText } from './text.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8('Số: /BC-UBND'), 'a.txt')).toEqual({ text: 'Số: /BC-UBND', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('BÁO CÁO')]), 'a.txt').text).toBe('BÁO CÁO');
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Cát Hải', 'utf16le')]);
    expect(decodeText(le, 'a.txt')).toEqual({ text: 'Cát Hải', encoding: 'utf-16le' });
    const be = Buffer.from('Cát Hải', 'utf16le').swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]), 'a.txt').encoding).toBe('utf-16be');
  });

  it('names the file and the reason for what is not text', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow('empty.txt: empty file');
    expect(() => decodeText(new Uint8Array([0x41, 0x42, 0x00, 0x43]), 'bin.txt')).toThrow(
      'bin.txt: not a text file: NUL byte at byte 2',
    );
    const bad = new Uint8Array([...utf8('x'.repeat(1204)), 0xc3, 0x28]);
    expect(() => decodeText(bad, 'latin.txt')).toThrow('latin.txt: not UTF-8 at byte 1 204');
  });
});
