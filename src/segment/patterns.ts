/**
 * The Vietnamese forms segment recognises, as data. Each pattern works on one trimmed line of
 * normalised text (NFC, one tone placement, markup removed).
 */

/**
 * `Số: 120 /BC-UBND`, `Số: / BC- UBND`, `Số: 35/2025/QĐ-UBND` (number, year, symbol), blanks
 * allowed, anywhere in a header cell (OCR merges it with the place and date). OCR reads `Số:` as
 * `S6:`, `S06:`, `$6:`, `So:`. A Party-style `Số: 15-CTrHĐ/QU` has a hyphen after the number. Some renderings drop
 * the colon (`Số 2696/QĐ-UBND`): then a number must follow.
 */
export const NUMBER_FIELD =
  /(?:^|\s)(?:(?:Số|SỐ|[S$][ốoóồơ06]{1,2})\s*:|(?:Số|SỐ)(?=\s+\d))\s*(?<number>\d[\d.]*[a-zđ]?)?\s*(?:\/|-(?=\s*\p{Lu}))\s*(?:(?<year>(?:19|20)\d{2})\s*\/\s*)?(?<symbol>[\p{L}\d]+(?:\s*[-–/]\s*[\p{L}\d]+)*)/u;

/**
 * `Cát Hải, ngày tháng 4 năm 2026`, `Hải Phòng, ngày 12 tháng 9 năm 2025` (place, date); blanks
 * allowed. The place is read back from the comma (see `PLACE_WORD`).
 */
export const PLACE_DATE =
  /,\s*ngày\s*(?:(?<day>\d{1,2})?\s*tháng\s*(?<month>\d{1,2})?\s*,?\s*năm\s*(?<year>\d{4})?|(?<dayNumeric>\d{1,2})\s*[/.-]\s*(?<monthNumeric>\d{1,2})\s*[/.-]\s*(?<yearNumeric>\d{4}))/u;
/** A word of a place name: capitalised (`Bắc`, `TP.`), a number (`Quận 5`), or `phố` of `Thành phố`. */
export const PLACE_WORD = /^(?:\p{Lu}[\p{L}.’'-]*|\d+|phố|xã|khu)$/u;

/**
 * The issuer block: `ỦY BAN NHÂN DÂN` (`CHỦ TỊCH ỦY BAN NHÂN DÂN` for the Chairman's decisions),
 * then the unit line in capitals, possibly in the next cell (`‖`). Old tone placement (`UỶ`) and
 * the line break of `ỦY / BAN NHÂN DÂN` are both met.
 */
export const ISSUER_BLOCK =
  /(?<![\p{L}\d/-])(?<![-/]\s+)(?<chair>CHỦ TỊCH\s+)?(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND)(?:\s|‖)*(?<unit>[\p{Lu}\d][\p{Lu}\d’'.-]*(?![\p{Ll}])(?:\s+(?:-\s+)?(?!UBND\b|ỦY\s|UỶ\s)[\p{Lu}\d][\p{Lu}\d’'.-]*(?![\p{Ll}]))*)?/u;

/** The national motto, in any line split: it is cut out of the header block before reading it. */
export const MOTTO =
  /C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Đ[ộo]c\s+l[ậa]p\s*[-–]\s*T[ựu]\s+do\s*[-–]\s*H[ạa]nh\s+ph[úu]c/giu;

/** Lines that only lay the header out: `|` cell breaks, dash rules, emphasis debris. */
export const HEADER_NOISE_LINE = /^(?:[|*\s]+|[-_=–—.]{3,})$/u;

/** Lines that can only be body text: the legal basis, the mandate, the opening of a letter. */
export const BODY_OPENER = /^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Để|Nhằm|Qua|Ngày \d|Trong (?:tháng|quý|năm|kỳ)|Điều 1\b|Chương I\b)/u;

/** A page with no header opens with its title: `Báo cáo công tác chỉ đạo …` (kind word, code). */
export const KIND_OPENINGS: ReadonlyArray<[string, string]> = [
  ['Báo cáo', 'BC'],
  ['Kế hoạch', 'KH'],
  ['Thông báo', 'TB'],
  ['Chỉ thị', 'CT'],
];

/**
 * Title lines naming the document kind (`BÁO CÁO`), mapped to the symbol's kind code: in capitals,
 * possibly with the title after it on the same line; a typed `Báo cáo` alone on its line counts too.
 */
const KIND_WORDS: ReadonlyArray<[word: string, code: string]> = [
  ['BÁO CÁO', 'BC'], // report
  ['KẾ HOẠCH', 'KH'], // plan
  ['CÔNG VĂN', 'CV'], // official letter
  ['QUYẾT ĐỊNH', 'QĐ'], // decision
  ['THÔNG BÁO', 'TB'], // notice
  ['TỜ TRÌNH', 'TTr'], // submission
  ['CHỈ THỊ', 'CT'], // directive
  ['NGHỊ QUYẾT', 'NQ'], // resolution
  ['CÔNG ĐIỆN', 'CĐ'], // urgent dispatch
  ['HƯỚNG DẪN', 'HD'], // guidance
  ['CHƯƠNG TRÌNH', 'CTr'], // programme
];
const sentenceCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** The first syllable of a kind word alone on its line (`QUYẾT` of a web rendering that wrapped `QUYẾT⏎ĐỊNH`). */
export const KIND_WORD_HEADS: ReadonlySet<string> = new Set(KIND_WORDS.map(([word]) => word.split(' ')[0]!));
export const KIND_TITLES: ReadonlyArray<[RegExp, string]> = KIND_WORDS.map(([word, code]) => [
  // `QUYẾT ĐỊNH:` (colon) enacts the articles of a decision; it is not the kind line
  new RegExp(`^(?:${word}(?![:\\p{L}])|${sentenceCase(word)}$)`, 'u'),
  code,
]);

/** Kind codes that may open a document symbol (`BC-UBND` → BC); a bare `UBND-…` is a công văn. */
export const SYMBOL_KIND_CODES = new Set(['BC', 'KH', 'QĐ', 'TB', 'TTr', 'CT', 'NQ', 'CĐ', 'HD', 'CTr', 'CV', 'GM', 'GP']);

/** `V/v: …` (về việc, "regarding") opens the subject line of a công văn. */
export const SUBJECT_LINE = /^V\/v\s*:?\s*(?<title>.+)$/u;

/** `Kính gửi: Bộ Tư pháp` (respectfully to). */
export const RECIPIENTS_LINE = /^Kính gửi\s*:\s*(?<to>.*)$/u;

/** `Nơi nhận:` (distribution list) closes the body. */
export const DISTRIBUTION_LINE = /^Nơi nhận\s*(?::\s*(?<rest>.*))?$/u;

/** `TM.` (on behalf of), `KT.` (signing for), `TL.`, `TUQ.`, `Q.` and their slashed forms. */
const ON_BEHALF = String.raw`(?:(?:TM|KT|TL|TUQ|Q)\.|T\/M|K\/T|T\/L)`;
/** A signer's role: `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, `GIÁM ĐỐC`… */
const ROLE = '(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|BÍ THƯ)';
/** A person's name in capitalised words (two to six). */
const NAME = String.raw`\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,5}`;

/** `TM.` alone, its body's name wrapped to the next line. */
export const ON_BEHALF_WORD = new RegExp(`^${ON_BEHALF}$`, 'u');
/** Signer block: `TM. ỦY BAN NHÂN DÂN` (on behalf of), `KT. CHỦ TỊCH` (signing for), the role. */
export const ON_BEHALF_LINE = new RegExp(String.raw`^${ON_BEHALF}\s*\p{Lu}[\p{Lu}\s.]*$`, 'u');
export const ROLE_LINE = new RegExp(String.raw`^${ROLE}(?: [\p{Lu} ]+)?$`, 'u');
/**
 * A signer's block merged onto one line (PDF text of a table, OCR): `KT. CHỦ TỊCH PHÓ CHỦ TỊCH Mai Sơn`, `TM. ỦY BAN NHÂN
 * DÂN CHỦ TỊCH Nguyễn Văn An`.
 */
export const ONE_LINE_SIGNER = new RegExp(String.raw`^(?:(?<onBehalf>${ON_BEHALF}\s*\p{Lu}[\p{Lu} ]*?)\s+)?(?<role>${ROLE})\s+(?<name>${NAME})$`, 'u');
/** A person's name: two to six capitalised words, or three to six in capitals. */
export const NAME_LINE = new RegExp(String.raw`^(?:${NAME}|\p{Lu}+(?: \p{Lu}+){2,5})$`, 'u');

/** Header lines of the issuing body: `ỦY BAN NHÂN DÂN`, `ĐẶC KHU CÁT HẢI` (all capitals). */
export const ISSUER_LINE = /^(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|SỞ|BAN|VĂN PHÒNG|PHÒNG|TRUNG TÂM)\b[\p{Lu}\s]*$/u;
export const MOTTO_LINE = /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc)/u;

/** Levels of administrative units, longest first where one begins another (`thị xã` before `xã`). */
/** Reporting unit named in the body: `Ủy ban nhân dân đặc khu Cát Hải`, `UBND phường Thạch Khôi`. */
export const UNIT_LEVELS = ['đặc khu', 'phường', 'thị trấn', 'thị xã', 'xã', 'thành phố', 'tỉnh', 'quận', 'huyện'] as const;
/** Level words an issuer block abbreviates: `UBND TP. HỒ CHÍ MINH`, `UBND TX. BUÔN HỒ`. */
export const UNIT_LEVEL_ABBREVIATIONS: ReadonlyArray<[RegExp, (typeof UNIT_LEVELS)[number]]> = [
  [/^TP\.?\s*(?=\p{Lu})/u, 'thành phố'],
  [/^TX\.?\s*(?=\p{Lu})/u, 'thị xã'],
];

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
