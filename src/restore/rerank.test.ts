import { describe, expect, it } from 'vitest';
import { loadConfusions, loadModel } from './index.js';
import { Restorer } from './restore.js';

// The model trained without seed 001 (as the eval's leave-one-out), so these lines of it are new to it.
const lm = loadModel('loo/restore-lm-no-001.bin');
const restorer = (pair: number) => new Restorer(lm, loadConfusions(), { cache: { confident: 0.9, ambiguous: 0.9, pair, smoothing: 0.5 } });
// two sentences of seed 001 with their marks stripped
const text = 'UBND phuong da ban hanh cac van ban chi dao, dieu hanh: Cong van 518/UBND-TTPVHCC ngay 10/02/2026 ve viec tra ket qua giai quyet TTHC. Trung tam Phuc vu hanh chinh cong phuong da tham muu UBND ban hanh cac cong van cong khai danh muc thu tuc hanh chinh.';

describe('the document cache (rerank.ts)', () => {
  it('reads a doubtful pair as the same letters read with confidence elsewhere in the text', () => {
    // the trigrams alone: `công phương đã`, `các cống vẫn`
    expect(restorer(0).restoreText(text, { mode: 'full' })).toContain('hành chính công phương đã tham mưu UBND ban hành các cống vẫn công khai');
    // `UBND phường`, `Công văn 518` are read with confidence, and say how the doubtful copies read
    expect(restorer(2).restoreText(text, { mode: 'full' })).toBe(
      'UBND phường đã ban hành các văn bản chỉ đạo, điều hành: Công văn 518/UBND-TTPVHCC ngày 10/02/2026 về việc trả kết quả giải quyết TTHC. Trung tâm Phục vụ hành chính công phường đã tham mưu UBND ban hành các công văn công khai danh mục thủ tục hành chính.',
    );
  });

  it('leaves light mode alone (clean text and Vietnamese-model OCR)', () => {
    const clean = 'Trung tâm Phục vụ hành chính công phường đã tham mưu UBND ban hành các công văn công khai.';
    expect(restorer(2).restoreText(clean, { mode: 'light', tones: true })).toBe(clean);
  });
});
