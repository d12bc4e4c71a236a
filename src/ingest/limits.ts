/**
 * Bounds checked before anything is decoded, rendered or read by OCR. A native decoder's memory is
 * not bounded by a worker's JavaScript heap limit: a 30 000 × 30 000 PNG took 1.9 GB, a PDF page
 * of 5 280 pt rendered at 300 dpi 6.3 GB. An A3 page scanned at 600 dpi is 7 016 × 9 921 px
 * (70 Mpx) and 842 × 1 191 pt; the defaults leave room above that. `BAOCAO_MAX_PIXELS` and
 * `BAOCAO_MAX_PAGE_POINTS` set them for a run (a whole-number environment variable).
 */
export const LIMITS = {
  /** Pixels of one image or rendered page. */
  maxPixels: whole(process.env.BAOCAO_MAX_PIXELS) ?? 120_000_000,
  /** Longer side of a page to render, in points (1/72 inch): A0 is 3 370. */
  maxPagePoints: whole(process.env.BAOCAO_MAX_PAGE_POINTS) ?? 3_400,
  /** What a ZIP container (DOCX…) may inflate to, how many entries it may hold, and how much one entry may grow. */
  maxZipBytes: 500_000_000,
  maxZipEntries: 10_000,
  maxZipRatio: 200,
  /** Cells holding a value in one spreadsheet sheet (a dense 1 000 × 1 000 sheet). */
  maxSheetCells: 1_000_000,
};

function whole(s: string | undefined): number | undefined {
  const n = s === undefined ? Number.NaN : Number(s);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Why an image of this size is refused, or null when it is within the limit. */
export function tooManyPixels(width: number, height: number, what: string): string | null {
  const pixels = width * height;
  if (pixels <= LIMITS.maxPixels) return null;
  const mpx = (n: number) => `${Math.round(n / 1e6)} Mpx`;
  return `${what} too large to decode (${width} × ${height} px = ${mpx(pixels)}; the limit is ${mpx(LIMITS.maxPixels)})`;
}

/** Why a page of this size is not rendered, or null when it is within the limit. */
export function pageTooLarge(width: number, height: number, page: number): string | null {
  if (Math.max(width, height) <= LIMITS.maxPagePoints) return null;
  return `page ${page} too large to render (${Math.round(width)} × ${Math.round(height)} pt; the limit is ${LIMITS.maxPagePoints} pt a side)`;
}
