import { describe, expect, it } from 'vitest';
import { hocrLines } from './ocr.js';

/** The first line of seed 000's scanned page 1 as tesseract.js's hOCR gives it (the fast model, 300 dpi), shortened to three words. */
const HOCR = `<div class='ocr_page' id='page_1' title='image "unknown"; bbox 0 0 2480 3508; ppageno 0; scan_res 300 300'>
 <div class='ocr_carea' id='block_1_1' title="bbox 675 147 2140 210">
  <p class='ocr_par' id='par_1_1' lang='vie' title="bbox 675 147 2140 210">
   <span class='ocr_line' id='line_1_1' title="bbox 675 147 2140 210; baseline 0.01 -23; x_size 51; x_descenders 11; x_ascenders 14">
    <span class='ocrx_word' id='word_1_1' title='bbox 675 147 739 188; x_wconf 93'>Số:</span>
    <span class='ocrx_word' id='word_1_2' title='bbox 757 151 1014 190; x_wconf 91'>/BC-UBND</span>
    <span class='ocrx_word' id='word_1_9' title='bbox 2032 164 2140 202; x_wconf 96'>2026</span>
   </span>
  </p>
 </div>
 <div class='ocr_carea' id='block_1_2' title="bbox 556 301 2069 537">
  <p class='ocr_par' id='par_1_2' lang='vie' title="bbox 1180 301 1447 354">
   <span class='ocr_header' id='line_1_2' title="bbox 1180 301 1447 354; baseline 0.011 -3; x_size 67.201683; x_descenders 16.201681; x_ascenders 11">
    <span class='ocrx_word' id='word_1_10' title='bbox 1180 301 1303 352; x_wconf 91'>BÁO&amp;</span>
   </span>
  </p>
 </div>
</div>`;

describe("tesseract's hOCR read into lines", () => {
  it('gives each line its box, baseline (from its bottom-left corner) and row height, and each word its box, confidence and text', () => {
    expect(hocrLines(HOCR)).toEqual([
      {
        bbox: { x0: 675, y0: 147, x1: 2140, y1: 210 },
        // y = 210 − 23 at x 675, and 0.01 × 1465 lower at x 2140
        baseline: { x0: 675, y0: 187, x1: 2140, y1: 201.65 },
        rowAttributes: { rowHeight: 51 },
        words: [
          { text: 'Số:', confidence: 93, bbox: { x0: 675, y0: 147, x1: 739, y1: 188 } },
          { text: '/BC-UBND', confidence: 91, bbox: { x0: 757, y0: 151, x1: 1014, y1: 190 } },
          { text: '2026', confidence: 96, bbox: { x0: 2032, y0: 164, x1: 2140, y1: 202 } },
        ],
      },
      {
        bbox: { x0: 1180, y0: 301, x1: 1447, y1: 354 },
        baseline: { x0: 1180, y0: 351, x1: 1447, y1: 351 + 0.011 * 267 },
        rowAttributes: { rowHeight: 67.201683 },
        // a header line is a line; its text unescaped
        words: [{ text: 'BÁO&', confidence: 91, bbox: { x0: 1180, y0: 301, x1: 1303, y1: 352 } }],
      },
    ]);
  });
});
