import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { detectDamage, restoreDiacritics, restoreText } from './index.js';

const fixture = (prefix: string) => {
  const name = ['000_df22d471c82bd4e0', '001_226b3a6e67be8d17', '002_6f7bb062664898b6', '003_4b7321f46e9814a7', '004_0ecefb93d6d43162'].find((f) => f.startsWith(prefix))!;
  return readFileSync(new URL(`../../fixtures/${name}.txt`, import.meta.url), 'utf8');
};
const seed004 = fixture('004');
/** A line of seed 004 as it stands in the file (so the tests use real OCR output). */
const line = (start: string) => {
  const l = seed004.split('\n').find((x) => x.startsWith(start));
  if (!l) throw new Error(`no line starting ${start}`);
  return l;
};
const restore = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'full' });

describe('restoreDiacritics on seed 004 (English-model OCR)', () => {
  it('repairs the decision reference, its symbol and số', () => {
    const r = restore(line('+ Quyét dinh s6 1037/QD-BCP'));
    expect(r.text.text).toContain('Quyết định số 1037/QĐ-BCĐ ngày 06/8/2025');
  });

  it('restores a merged two-column header line word by word, keeping case, Đ read as P', () => {
    expect(restore(line('PAC KHU CAT HAI')).text.text).toBe('ĐẶC KHU CÁT HẢI Độc lập - Tự do - Hạnh phúc');
    expect(restore(line('UY BAN NHAN DAN')).text.text.startsWith('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ ')).toBe(true);
  });

  it('writes the same text when only the text is asked for (`baocao restore`), the whole of seed 004 in each mode', () => {
    expect(restoreText(line('+ Quyét dinh s6 1037/QD-BCP'), { mode: 'full' })).toContain('Quyết định số 1037/QĐ-BCĐ ngày 06/8/2025');
    for (const options of [{}, { mode: 'full' as const }, { mode: 'light' as const, tones: true }]) {
      expect(restoreText(seed004, options)).toBe(restoreDiacritics(SourceText.fromOriginal(seed004), options).text.text);
    }
  });

  it('reads P and B at the start of a word as Đ where the context wants it', () => {
    // lines 27, 77 and 81 of seed 004 (in the hand-corrected set the confusions learn from)
    expect(restore(line('tao, chuyén doi s6, Pé an')).text.text).toContain('Đề án 06/CP');
    expect(restore(line('+ DPanh gia: BDam bao.')).text.text).toBe('+ Đánh giá: Đảm bảo.');
    expect(restore(line('+ May tinh nguoi ding: Puoc')).text.text.startsWith('+ Máy tính người dùng: Được trang bị đầy đủ')).toBe(true);
    // line 177, outside the hand-corrected lines
    expect(restore(line('- Thudn lgi: Puoc')).text.text.startsWith('- Thuận lợi: Được sự quan tâm, hỗ trợ')).toBe(true);
  });

  it('cuts a token that lost the space between two words, and only such a token', () => {
    const r = restore(line('Tirngay 01/7/2025'));
    expect(r.text.text.startsWith('Từ ngày 01/7/2025 đến ngày 12/9/2025')).toBe(true);
    const cut = r.changes.find((c) => c.original === 'Tirngay')!;
    expect(cut.chosen).toBe('Từ ngày');
    expect(r.text.originalText(cut.span)).toBe('Tirngay');
    expect(restore(line('+ Thiét bi mang:')).text.text).toBe('+ Thiết bị mạng: Hệ thống router, firewall được triển khai đầy đủ, bảo đảm');
  });

  it('reads a capital I before small letters as l (xu Iy → xử lý)', () => {
    expect(restore(line('tac xu Iy van phai')).text.text).toContain('tác xử lý vẫn phải chuyển');
  });

  it('repairs the party plan symbol and a decree symbol, keeping numbers and dates', () => {
    expect(restore('Ké hoach s6 02-KH/BCPTW ngay').text.text).toBe('Kế hoạch số 02-KH/BCĐTW ngày');
    const r = restore(line('trach linh vuc Tu phap - Ho tich nghi theo ché d6 Nghi dinh 178/2024/ND-CP'));
    expect(r.text.text).toContain('178/2024/NĐ-CP');
  });

  it('lets numbers, dates and document numbers through unchanged', () => {
    const text = line('Tirngay 01/7/2025');
    const r = restore(text);
    for (const kept of ['01/7/2025', '12/9/2025']) expect(r.text.text).toContain(kept);
    const figures = restore(line('- Tong s6 hd so tiép nhan: 1.335 ho so')).text.text;
    expect(figures).toContain('1.335');
    const rate = restore(line('+ S6 hd so truc tuyén: 1.260 ho so')).text.text;
    expect(rate).toContain('1.260');
    expect(rate).toContain('94,38%');
  });

  it('maps every changed token back to the OCR characters it replaced', () => {
    const r = restoreDiacritics(SourceText.fromOriginal(seed004));
    expect(r.changes.length).toBeGreaterThan(500);
    for (const c of r.changes) {
      expect(r.text.slice(c.span)).toBe(c.chosen);
      expect(r.text.originalText(c.span)).toBe(c.original);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('detectDamage', () => {
  it('finds the clean seeds clean and the OCR seed damaged', () => {
    for (const id of ['000', '001', '002', '003']) expect(detectDamage(fixture(id)).damaged).toBe(false);
    const d = detectDamage(seed004);
    expect(d.damaged).toBe(true);
    expect(d.invalidShare).toBeGreaterThan(0.2);
  });
});

describe('clean and stripped text', () => {
  it('leaves a clean line alone in the default mode', () => {
    const clean = fixture('003').split('\n').find((l) => l.length > 200)!;
    const r = restoreDiacritics(SourceText.fromOriginal(clean));
    expect(r.text.text).toBe(clean);
    expect(r.changes).toEqual([]);
  });

  it('puts the marks back on a stripped line', () => {
    const r = restore('Uy ban nhan dan thanh pho ban hanh ke hoach cai cach thu tuc hanh chinh');
    expect(r.text.text).toBe('Ủy ban nhân dân thành phố ban hành kế hoạch cải cách thủ tục hành chính');
  });
});

describe('repairs and protections of issue 24', () => {
  it('leaves list markers and acronyms among ordinary words alone', () => {
    expect(restore('b) Tang cudng ing dung AI va IoT trong cac DN').text.text).toBe('b) Tăng cường ứng dụng AI và IoT trong các DN');
    expect(restore('d) Lưu: VT, KT').text.text).toBe('d) Lưu: VT, KT');
  });

  it('still repairs capitals that are a syllable garbled (BO for Bộ)', () => {
    expect(restore('tang cudng trach nhiém cua BO Xay dung').text.text).toBe('tăng cường trách nhiệm của BỘ Xây dựng');
  });

  it('reads S6: and S06: opening a line as Số:, with or without the number', () => {
    expect(restore('S6: /BC-UBND').text.text).toBe('Số: /BC-UBND');
    expect(restore('S06: 15/BC-UBND').text.text).toBe('Số: 15/BC-UBND');
  });

  it("rejoins a word English OCR split with an apostrophe (u' for ư)", () => {
    expect(restore("nang lu'c thu'c hién nhiém vu").text.text).toBe('năng lực thực hiện nhiệm vụ');
  });

  it('repairs tones of Vietnamese-model OCR only when asked to', () => {
    const ocr = 'Ủy ban nhân dân tĩnh Bắc Ninh hướng dần thực hiện';
    expect(restoreDiacritics(SourceText.fromOriginal(ocr), { mode: 'light', tones: true }).text.text).toBe('Ủy ban nhân dân tỉnh Bắc Ninh hướng dẫn thực hiện');
    expect(restoreDiacritics(SourceText.fromOriginal(ocr), { mode: 'light' }).text.text).toBe(ocr);
  });

  it('repairs codes the Vietnamese model damaged, with tone repair (lines of eval/data/restore/ocr-vie)', () => {
    const vie = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light', tones: true });
    expect(vie('TTHOC sửa đổi, bổ sung của các lĩnh vực...thuộc Sở ban ngành.').text.text).toBe('TTHC sửa đổi, bổ sung của các lĩnh vực...thuộc Sở ban ngành.');
    expect(vie('giản hóa thủ tục hành chính theo Thông tư số 02/2017/T1-VPCP của').text.text).toBe('giản hóa thủ tục hành chính theo Thông tư số 02/2017/TT-VPCP của');
    const archive = vie('- Lưu: VI, TTIPVHCC.');
    expect(archive.text.text).toBe('- Lưu: VT, TTPVHCC.');
    expect(archive.changes.map((c) => [c.original, c.chosen, c.confidence])).toEqual([['VI', 'VT', 1], ['TTIPVHCC', 'TTPVHCC', 1]]);
    expect(vie('- CT, các POCT UBNDTP;').text.text).toBe('- CT, các PCT UBNDTP;');
    expect(vie('với các TTHƠ đó.').text.text).toBe('với các TTHC đó.');
    // a Roman numeral heading is no archive line; nor are codes repaired without tone repair
    expect(vie('<b>VI</b> <b>CẢI CÁCH TÀI CHÍNH CÔNG</b>').changes).toEqual([]);
    expect(restoreDiacritics(SourceText.fromOriginal('- Lưu: VI, TTIPVHCC.'), { mode: 'light' }).changes).toEqual([]);
  });

  it('cuts two syllables the Vietnamese model ran together, in light mode', () => {
    const r = restoreDiacritics(SourceText.fromOriginal('Sở Nội vụ chủ trì, phốihợp với các cơ quan'), { mode: 'light' });
    expect(r.text.text).toBe('Sở Nội vụ chủ trì, phối hợp với các cơ quan');
    expect(r.changes.map((c) => [c.original, c.chosen])).toEqual([['phốihợp', 'phối hợp']]);
  });

  it('cuts three run-together syllables, after the word before them (lines of eval/data/restore/ocr-vie)', () => {
    const light = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light' });
    const r = light('hội Phòng Văn hóa -Xãhội  Cáccơquan, đơn vị Chuyên trang,');
    expect(r.text.text).toBe('hội Phòng Văn hóa -Xã hội  Các cơ quan, đơn vị Chuyên trang,');
    expect(r.changes.map((c) => [c.original, c.chosen])).toEqual([['Xãhội', 'Xã hội'], ['Cáccơquan', 'Các cơ quan']]);
    expect(light('vụ được triển khai đúngtiếnđộ Thường xuyên').text.text).toBe('vụ được triển khai đúng tiến độ Thường xuyên');
    // `tục hành` is rare as a pair, `thủ tục hành` is not
    expect(light('trong giải quyết thủ tụchành chính').text.text).toBe('trong giải quyết thủ tục hành chính');
  });

  it('gives an unmarked syllable its marks back and reads ô as ê where the context wants it, with tone repair', () => {
    const vie = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light', tones: true });
    expect(vie('Nghị). Uy ban nhân dân các xã, phường').text.text).toBe('Nghị). Ủy ban nhân dân các xã, phường');
    expect(vie('HÀNH CẢI CÁCH HÀNH CHINH').text.text).toBe('HÀNH CẢI CÁCH HÀNH CHÍNH');
    // ê read as ô, as another shape
    expect(vie('Công văn số 1360/UBND-KT ngày 18/3/2026 vồ việc công khai').text.text).toBe('Công văn số 1360/UBND-KT ngày 18/3/2026 về việc công khai');
    expect(vie('đối với những hồ sơ trỗ hạn').text.text).toBe('đối với những hồ sơ trễ hạn');
    expect(restoreDiacritics(SourceText.fromOriginal('Nghị). Uy ban nhân dân các xã, phường'), { mode: 'light' }).changes).toEqual([]);
  });

  it('puts back the space after a comma and drops a vowel read twice, with tone repair only', () => {
    const vie = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light', tones: true });
    expect(vie('của người dân,doanh nghiệp.').text.text).toBe('của người dân, doanh nghiệp.');
    const heading = vie('I. KẾT QUÁ THỤỰC HIỆN');
    expect(heading.text.text).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(heading.changes.map((c) => [c.original, c.chosen])).toEqual([['QUÁ', 'QUẢ'], ['THỤỰC', 'THỰC']]);
    expect(restoreDiacritics(SourceText.fromOriginal('của người dân,doanh nghiệp. THỤỰC HIỆN'), { mode: 'light' }).changes).toEqual([]);
  });

  it('reads a signature block’s TM. under a stamp’s ring, with tone repair only', () => {
    const vie = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light', tones: true }).text.text;
    // (the combined photocopy pages of the scan set, dev part)
    expect(vie('Nơi nhận:\n- Như trên;\nFM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH')).toBe('Nơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    expect(vie('FM. ỬY BAN NHÂN DÂN')).toBe('TM. ỦY BAN NHÂN DÂN');
    // other labels and codes stay: KT. (ký thay), a code before a stop, FM elsewhere
    for (const l of ['KT. CHỦ TỊCH', 'TL. ỦY BAN NHÂN DÂN', 'Lưu: VT. ỦY BAN', 'sóng FM. Đài phát thanh']) expect(vie(l)).toBe(l);
    expect(restoreDiacritics(SourceText.fromOriginal('FM. ỦY BAN NHÂN DÂN'), { mode: 'light' }).text.text).toBe('FM. ỦY BAN NHÂN DÂN');
  });
});
