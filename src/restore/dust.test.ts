import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { dustCandidates, dustCost, dustyChunks } from './dust.js';
import { getRestorer, restoreDiacritics } from './index.js';
import { SPECIALS } from './lm.js';
import { pieces } from './tokens.js';

/** The light pass the pipeline runs on its own OCR (pipelines/report.ts). */
const vie = (s: string) => restoreDiacritics(SourceText.fromOriginal(s), { mode: 'light', tones: true }).text.text;
const isSyllable = (w: string) => {
  const id = getRestorer().syllableId(w);
  return id >= SPECIALS.length && id < SPECIALS.length + getRestorer().lm.syllableCount;
};
const chunksOf = (s: string) => dustyChunks(pieces(s), s, isSyllable).map((c) => c.text);

describe('dustyChunks', () => {
  it('finds signs no printed word has against a word, and words that are no syllable beside print-like signs', () => {
    expect(chunksOf("phần lớ:: nguồn, TRÊ*' ĐỊA BÀN, đặc biệt q :an :âm.")).toEqual(['lớ::', "TRÊ*'", ':an', ':âm.']);
    expect(chunksOf('trong d:p Nghỉ Tết, chi“:n 50,2%, Phưòr: Thục Phán')).toEqual(['d:p', 'chi“:n', 'Phưòr:']);
    // a closing quote nothing opened is dust too
    expect(chunksOf('thủ tục hàn”: chính tại nhà')).toEqual(['hàn”:']);
    // a syllable closed by a colon before a word in small letters: the colon is in doubt
    expect(chunksOf('cơ chế mộ: cửa, như sau: các đơn vị; Điều 3: Chánh')).toEqual(['mộ:', 'sau:']);
  });

  it('leaves signs where print puts them: stops, quotes, brackets, list markers, numbers, codes, acronyms', () => {
    const print = 'cụ thể như sau: Điều 3: a) Các đơn vị;\nb) "Quy chế" (nếu có), lúc 8:30 ngày 5/6, mô hình “một cửa”, Số: 12/2025/QĐ-UBND; UBND: TM. ỦY BAN; v.v. và/hoặc\nNơi nhận:\n- Như trên;';
    expect(chunksOf(print)).toEqual([]);
  });
});

describe('dustCost', () => {
  it('makes signs cheap to add or to stand for a letter, marks cheaper than letters', () => {
    expect(dustCost('lớ::', 'lớn')).toBe(2.5); // a sign for n, a sign of dust
    expect(dustCost('phưòr:', 'phường')).toBe(6); // ò for ờ, r for n (like shapes), a sign for g
    expect(dustCost('ziai', 'giai')).toBe(3);
    expect(dustCost('ziai', 'giai', 2)).toBe(Infinity);
  });

  it('finds, through the syllables’ trie, every syllable within the bound at the cost dustCost gives it', () => {
    const syllables = getRestorer().lm.vocab.slice(SPECIALS.length, SPECIALS.length + getRestorer().lm.syllableCount);
    for (const read of ['lớ::', "trê*'", ':an', 'ziai']) {
      const found = dustCandidates(read, syllables, 4);
      const each = syllables.filter((s) => dustCost(read, s) <= 4);
      expect(found.map((c) => c.word).sort()).toEqual([...each].sort());
      for (const c of found) {
        expect(c.cost).toBe(dustCost(read, c.word));
        expect(syllables[c.index]).toBe(c.word);
      }
    }
    // cheapest first: the two signs as dust, then one as a letter (the context chooses which)
    expect(dustCandidates('lớ::', syllables, 2.5).map((c) => [c.word, c.cost])).toEqual([['lớ', 2], ['lới', 2.5], ['lớn', 2.5], ['lớp', 2.5], ['lớt', 2.5]]);
  });
});

describe('the light pass on toner dust (Vietnamese-model OCR of photocopies)', () => {
  it('reads a chunk with dust as the syllable its context asks for', () => {
    expect(vie('tuy nhiên phần lớ:: nguồn nước mặt trong vùng')).toBe('tuy nhiên phần lớn nguồn nước mặt trong vùng');
    expect(vie("THỂ THAO VÀ DU LỊCH TRÊ*' ĐỊA BÀN TỈNH HÀ TĨNH")).toBe('THỂ THAO VÀ DU LỊCH TRÊN ĐỊA BÀN TỈNH HÀ TĨNH');
    expect(vie('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆ” NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(vie('giải quyết TTHC trong d:p Nghỉ Tết Nguyên đán')).toBe('giải quyết TTHC trong dịp Nghỉ Tết Nguyên đán');
    expect(vie('trả kết quả giải quyết thủ tục hàn”: chính tại nhà')).toBe('trả kết quả giải quyết thủ tục hành chính tại nhà');
    expect(vie('Cải cách hành chính trọng tâm ziai đoạn 2026 - 2030')).toBe('Cải cách hành chính trọng tâm giai đoạn 2026 - 2030');
    expect(vie('Số: 2003/QĐ-UBND Cac Bằng, ngày 25 tháng 11 năm 2025')).toBe('Số: 2003/QĐ-UBND Cao Bằng, ngày 25 tháng 11 năm 2025');
  });

  it('keeps the stop a dusty word ends with when the reading has one', () => {
    expect(vie('V/v khẩn trương hoàn thành cập rhật, đồng bộ cơ sở dữ liệu')).toBe('V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu');
  });

  it('drops a colon or semicolon dust made of a letter, only where the context is sure of it', () => {
    expect(vie('Thực hiện cơ chế mộ: cửa, một cửa liên thông')).toBe('Thực hiện cơ chế một cửa, một cửa liên thông');
    expect(vie('tạo điều kiện thuận: lợi cho người dân')).toBe('tạo điều kiện thuận lợi cho người dân');
    expect(vie('bị bãi bỏ trong lĩnh vụ; hoạt động khoa học và công nghệ')).toBe('bị bãi bỏ trong lĩnh vực hoạt động khoa học và công nghệ');
    // the same signs in print: a list after `gồm:` (read without its colon at 0.80 only), `sau:`, `;`
    for (const l of ['Thành phần gồm: các sở, ngành; các xã, phường; đại diện doanh nghiệp.', 'Ban hành kèm theo Quyết định này các nội dung sau: danh mục thủ tục; quy trình nội bộ.', 'Nơi nhận: như trên; lưu: VT.']) expect(vie(l)).toBe(l);
  });

  it('leaves print alone, and English words, codes and list markers', () => {
    const lines = [
      'Điều 3: Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Nội vụ; v.v. và/hoặc các cơ quan.',
      'Theo Quyết định số 12/2025/QĐ-UBND lúc 8:30 ngày 5/6, như sau: a) Các đơn vị; b) "Quy chế" (nếu có).',
      'Đăng ký qua website của Sở, ứng dụng Zalo và email công vụ; họp trực tuyến (online) qua Google Meet, gửi file pdf.',
      'thực hiện mô hình “Ngày thứ Ba không hẹn, Ngày thứ Sáu không chờ” và Kế hoạch',
    ];
    for (const l of lines) expect(vie(l)).toBe(l);
  });

  it('lists the repair as a change of the whole chunk', () => {
    const r = restoreDiacritics(SourceText.fromOriginal('phần lớ:: nguồn nước'), { mode: 'light', tones: true });
    expect(r.changes.map((c) => [c.original, c.chosen])).toEqual([['lớ::', 'lớn']]);
    expect(r.text.text.slice(r.changes[0]!.span.start, r.changes[0]!.span.end)).toBe('lớn');
  });
});
