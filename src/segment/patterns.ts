/**
 * The Vietnamese forms segment recognises, as data. Each pattern works on one trimmed line of
 * normalised text (NFC, one tone placement, markup removed).
 */

/**
 * `Số: 120 /BC-UBND`, `Số: / BC- UBND` (number, symbol), blanks allowed. `S6:120` is OCR for `Số:`.
 * In OCR of a two-column header the place and date may follow on the same line (`rest`).
 */
export const NUMBER_LINE =
  /^(?:Số|S[ốoó6])\s*:\s*(?<number>[0-9][\w.]*)?\s*\/\s*(?<symbol>[\p{L}0-9]+(?:\s*-\s*[\p{L}0-9]+)*)(?:\s+(?<rest>\S.*))?$/u;

/** `Cát Hải, ngày tháng 4 năm 2026`, `Hải Phòng, ngày 12 tháng 9 năm 2025` (place, date line). */
export const PLACE_DATE_LINE =
  /^(?<place>[\p{Lu}][\p{L} .'-]{1,40}?),\s*ngày\s*(?<day>\d{1,2})?\s*tháng\s*(?<month>\d{1,2})?\s*năm\s*(?<year>\d{4})?\s*$/u;

/** Title lines naming the document kind (`BÁO CÁO`), mapped to the symbol's kind code. */
export const KIND_TITLES: ReadonlyArray<[RegExp, string]> = [
  [/^BÁO CÁO$/u, 'BC'],
  [/^KẾ HOẠCH$/u, 'KH'],
  [/^CÔNG VĂN$/u, 'CV'],
  [/^QUYẾT ĐỊNH$/u, 'QĐ'],
  [/^THÔNG BÁO$/u, 'TB'],
  [/^TỜ TRÌNH$/u, 'TTr'],
  [/^CHỈ THỊ$/u, 'CT'],
  [/^NGHỊ QUYẾT$/u, 'NQ'],
  [/^CÔNG ĐIỆN$/u, 'CĐ'],
  [/^HƯỚNG DẪN$/u, 'HD'],
  [/^CHƯƠNG TRÌNH$/u, 'CTr'],
];

/** Kind codes that may open a document symbol (`BC-UBND` → BC); a bare `UBND-…` is a công văn. */
export const SYMBOL_KIND_CODES = new Set(['BC', 'KH', 'QĐ', 'TB', 'TTr', 'CT', 'NQ', 'CĐ', 'HD', 'CTr', 'CV', 'GM', 'GP']);

/** `V/v: …` (về việc, "regarding") opens the subject line of a công văn. */
export const SUBJECT_LINE = /^V\/v\s*:?\s*(?<title>.+)$/u;

/** `Kính gửi: Bộ Tư pháp` (respectfully to). */
export const RECIPIENTS_LINE = /^Kính gửi\s*:\s*(?<to>.*)$/u;

/** `Nơi nhận:` (distribution list) closes the body. */
export const DISTRIBUTION_LINE = /^Nơi nhận\s*:?\s*$/u;

/** Signer block: `TM. ỦY BAN NHÂN DÂN` (on behalf of), `KT. CHỦ TỊCH` (signing for), the role. */
export const ON_BEHALF_LINE = /^(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}[\p{Lu}\s]*$/u;
export const ROLE_LINE = /^(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|BÍ THƯ)(?: [\p{Lu} ]+)?$/u;
/** A person's name: two to six capitalised words. */
export const NAME_LINE = /^(?:\p{Lu}\p{Ll}*)(?: \p{Lu}\p{Ll}*){1,5}$/u;

/** Header lines of the issuing body: `ỦY BAN NHÂN DÂN`, `ĐẶC KHU CÁT HẢI` (all capitals). */
export const ISSUER_LINE = /^(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|SỞ|BAN|VĂN PHÒNG|PHÒNG|TRUNG TÂM)\b[\p{Lu}\s]*$/u;
export const MOTTO_LINE = /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc)/u;

/** Reporting unit named in the body: `Ủy ban nhân dân đặc khu Cát Hải`, `UBND phường Thạch Khôi`. */
export const UNIT_LEVELS = ['đặc khu', 'phường', 'xã', 'thành phố', 'tỉnh', 'thị trấn'] as const;

/** Section labels, in the order of their nesting. */
export const HEADING_LABELS: ReadonlyArray<{ pattern: RegExp; level: number }> = [
  { pattern: /^(?<label>[IVXL]+)[.)]\s+(?<title>\S.*)$/u, level: 1 },
  { pattern: /^(?<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?<title>\S.*)$/u, level: 4 },
  { pattern: /^(?<label>\d{1,2}\.\d{1,2})\.?\s+(?<title>\S.*)$/u, level: 3 },
  { pattern: /^(?<label>\d{1,2})[.)]\s+(?<title>\S.*)$/u, level: 2 },
  { pattern: /^(?<label>[a-zđ])[.)]\s+(?<title>\S.*)$/u, level: 5 },
];

/** Markdown headings from upstream converters: `## II. NHIỆM VỤ TRỌNG TÂM`. */
export const MARKDOWN_HEADING = /^(?<hashes>#{1,6})\s+(?<rest>.*)$/u;

/** List markers: `-`, `+`, `*`, `•`, and the nested `- +` of seed 000. Depth 2 for `+`. */
export const LIST_ITEM = /^(?<marker>- \+|[-+*•–])\s+(?<content>\S.*)$/u;

/** Footnote lines: `¹ Quyết định số 5278/QĐ-UBND …`. */
export const FOOTNOTE_LINE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S/u;

/** Table captions: `Phụ lục I` (appendix) and the line after it. */
export const TABLE_CAPTION = /^(?:Phụ lục|PHỤ LỤC|Biểu|BIỂU|Bảng|BẢNG)\b/u;
