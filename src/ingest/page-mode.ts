/**
 * Which page-segmentation mode tesseract reads a page in: 6 (the page one uniform block of text) on a
 * clean page, 3 (columns, tab stops, images and rulings found first, tesseract's default) elsewhere.
 * Mode 6 costs some 0.3 CPU-s less on a 300-dpi A4 page, about a sixth, and reads clean pages as well;
 * over every page it lost words on light photocopies and strong phone photos and cut a title in a
 * two-column header (docs/scans.md, fifteenth and sixteenth sessions). So it is chosen before OCR, from
 * the page's decoded grey pixels only, and only where nothing is doubtful.
 */
import { GRAINY, grain, paperLevel } from './page-prep.js';
import type { GreyImage } from './scan-rulings.js';

export type SegMode = 3 | 6;

/** Paper at or above this grey level is white (a photocopy's measures 244–246 on the scan set). */
const WHITE_PAPER = 250;
/** Pages below this resolution keep mode 3: the saving was measured on 300-dpi pages only. */
const MIN_DPI = 250;
/** Paper and grain are measured on every this many rows. */
const SAMPLED_ROWS = 8;
/** The page's frame: this share of its width and height on each side. */
const FRAME = 0.03;
/** A frame with more than this share of ink is a dark border (a phone photo's table, a scanner's lid): mode 3. */
const DARK_FRAME = 0.05;
/** Ink: darker than this. */
const INK = 128;
/** A text row (a band of rows holding ink) with a blank gap this wide between inked columns has two columns. */
const COLUMN_GAP_INCHES = 0.75;
/** The part of the page searched for a two-column header, from its top. */
const HEADER_SHARE = 1 / 3;

/**
 * Mode 6 for a grey page (no colour preparation: `colour` false) of 250 dpi or more whose paper is
 * white and flat (`paperLevel` ≥ 250, `grain` < 4), with no dark border (`darkFrame` ≤ 5 %), and whose
 * top third holds no two-column row (a
 * document's header: `UBND TỈNH …` beside `CỘNG HÒA …`, `Số: …` beside the place and date); mode 3 for
 * any other page, a table grid's page included (the caller's choice).
 */
export function segmentationMode(page: GreyImage, dpi: number, colour: boolean): SegMode {
  if (colour || dpi < MIN_DPI) return 3;
  const { grey, width, height } = page;
  // (every 8th row: a page is a few thousand rows, and a fourth of the full measures' time)
  const paper = paperLevel(grey, width, SAMPLED_ROWS);
  if (paper < WHITE_PAPER || grain(grey, width, height, SAMPLED_ROWS, paper) >= GRAINY) return 3;
  if (darkFrame(page) > DARK_FRAME) return 3;
  return twoColumnRow(page, Math.round(height * HEADER_SHARE), COLUMN_GAP_INCHES * dpi) ? 3 : 6;
}

/**
 * The share of ink in the page's frame (`FRAME` of each side), on every `SAMPLED_ROWS`th row: 0–0.4 %
 * on the scan set's grey pages, 96–99 % on its phone photos (a dark table around the sheet).
 */
export function darkFrame({ grey, width, height }: GreyImage): number {
  const side = Math.round(FRAME * Math.min(width, height));
  let dark = 0;
  let n = 0;
  for (let y = 0; y < height; y += SAMPLED_ROWS) {
    const edge = y < side || y >= height - side;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (!edge && x === side) {
        // the inside of the row is not frame
        x = width - side - 1;
        i = y * width + x;
        continue;
      }
      n++;
      if (grey[i]! < INK) dark++;
    }
  }
  return n > 0 ? dark / n : 0;
}

/**
 * Whether a band of rows holding ink (two pixels or more a row), within the first `rows` rows and
 * 8 rows high or more, has a gap of `gap` pixels or more between inked columns. Justified prose has
 * gaps of a word space; a header's two columns, an inch or more.
 */
export function twoColumnRow({ grey, width }: GreyImage, rows: number, gap: number): boolean {
  const inked = (y: number) => {
    let n = 0;
    for (let i = y * width, end = i + width; i < end && n < 2; i++) if (grey[i]! < INK) n++;
    return n >= 2;
  };
  const used = new Uint8Array(width);
  for (let y = 0; y < rows; ) {
    if (!inked(y)) {
      y++;
      continue;
    }
    let y1 = y + 1;
    while (y1 < rows && inked(y1)) y1++;
    if (y1 - y >= 8) {
      used.fill(0);
      for (let yy = y; yy < y1; yy++) for (let x = 0, i = yy * width; x < width; x++, i++) if (grey[i]! < INK) used[x] = 1;
      let seen = false;
      let blank = 0;
      for (let x = 0; x < width; x++) {
        if (!used[x]) {
          if (seen) blank++;
          continue;
        }
        if (blank >= gap) return true;
        seen = true;
        blank = 0;
      }
    }
    y = y1;
  }
  return false;
}
