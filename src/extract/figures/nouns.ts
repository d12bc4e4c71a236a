/**
 * Counts of nouns the unit lexicon lacks: a number counts what follows it when the words after it
 * form a common noun phrase (`05 kịch bản`, `ít nhất 20 tập dữ liệu mở`, `16 mục tiêu`) and the
 * number stands where a count stands (a leading zero, a comparator, a verb of counting before it,
 * or alone in brackets after a heading). The head noun phrase is the unit.
 *
 * What is never counted here is the annotation guide's non-figures: durations and time units,
 * ages, positions (article, clause, page, line, step, level), scale words, `lần` (a time in a
 * sequence), and the numbers that name (`Thông tư 01 hướng dẫn`, `Mẫu 02`, `Đề án 06`).
 * Vietnamese words are matched lower case, as printed.
 */
import { unitOf } from './lexicon.js';

/** Head words after which a number is no count (time, age, position, level, scale, occurrence). */
const NOT_COUNTED = new Set(
  [
    // durations and times of day
    'ngày', 'tháng', 'năm', 'giờ', 'phút', 'giây', 'tuần', 'quý', 'kỳ', 'thế', 'thập', 'đêm', 'tiếng', 'buổi', 'h', 'sáng', 'chiều', 'tối', 'trưa',
    // ages, occurrences and rounds
    'tuổi', 'lần', 'đợt', 'vòng', 'khóa', 'khoá', 'phiên', 'nhiệm',
    // positions in a text or a list, levels and classes
    'điều', 'khoản', 'điểm', 'mục', 'chương', 'phần', 'trang', 'dòng', 'tờ', 'phụ', 'biểu', 'mẫu', 'bước', 'giai', 'cấp', 'bậc', 'hạng', 'số', 'thứ', 'tầng', 'quyển', 'tiết',
    // scale words and units the lexicon keeps out on purpose
    'triệu', 'nghìn', 'ngàn', 'tỷ', 'tỉ', 'trăm', 'chục', 'vạn', 'phần', 'kv', 'kva', 'mg', 'µg', 'μg', 'ml', 'hz', 'ppm', 'độ', 'mức',
    // measures, not counts (and `đông`, a misspelt `đồng`)
    'dpi', 'inch', 'miligam', 'mililít', 'gam', 'gram', 'ea', 'pixel', 'byte', 'bit', 'kb', 'mb', 'gb', 'tb', 'đông', 'ngày', 'g', 'l',
    // numbers in words: `mười hai (12) giờ` is one number
    'một', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'mươi', 'mốt', 'linh', 'lẻ',
    // a range or an alternative, not a noun
    'đến', 'tới', 'trở', 'hoặc', 'và', 'hay', 'với', 'so', 'chiếm', 'bằng',
  ].map((w) => w.normalize('NFC')),
);

/** Second syllables that make a word of `NOT_COUNTED` a noun that is counted (`16 mục tiêu`, `03 phần mềm`). */
const COUNTED_AFTER: Record<string, string[]> = { mục: ['tiêu'], phần: ['mềm', 'việc', 'thưởng', 'quà'], 'thế': ['hệ'] };

/** Function words: they end a noun phrase and never head one. */
const FUNCTION = new Set(
  [
    'của', 'và', 'hoặc', 'hay', 'trên', 'dưới', 'trong', 'ngoài', 'tại', 'cho', 'với', 'về', 'theo', 'để', 'từ', 'đến', 'tới', 'là', 'thì', 'mà', 'như', 'nhằm', 'qua', 'do', 'bởi', 'vì', 'khi', 'nếu', 'sau', 'trước', 'giữa', 'cùng', 'đều', 'cũng', 'chỉ', 'còn', 'vào', 'ra', 'lên', 'xuống', 'trở', 'thuộc', 'gồm', 'bao', 'này', 'đó', 'kia', 'nào', 'mỗi', 'các', 'những', 'được', 'bị', 'đã', 'sẽ', 'đang', 'có', 'không', 'chưa', 'phải', 'cần', 'nên', 'rất', 'hơn', 'nhất', 'đạt', 'so', 'kể', 'đối', 'nay', 'đây', 'khác', 'đi', 'lại', 'ở', 'ngay', 'gần', 'khoảng', 'tính', 'chiếm', 'bằng', 'trở', 'tuy', 'nhưng', 'song',
  ].map((w) => w.normalize('NFC')),
);

/**
 * First syllables of the verbs and adjectives of quality that follow a counted noun
 * (`05 kịch bản ứng dụng`, `05 bộ dữ liệu mở chất lượng cao`): where a classifier's noun ends.
 */
const VERB_OR_QUALITY = new Set(
  ['phục', 'ứng', 'cung', 'hỗ', 'tạo', 'triển', 'xây', 'phát', 'nâng', 'đảm', 'bảo', 'hướng', 'tiếp', 'giải', 'xử', 'thu', 'đưa', 'áp', 'sử', 'ban', 'đáp', 'góp', 'hoàn', 'kết', 'quản', 'vận', 'thực', 'tổ', 'tham', 'liên', 'gắn', 'mới', 'cao', 'thấp', 'lớn', 'nhỏ', 'tốt', 'hiện', 'đồng', 'chất', 'hiệu', 'trọng', 'tiêu', 'điển', 'xuất', 'chính', 'quan', 'chiến', 'then', 'mạnh', 'tiên', 'toàn', 'đầy', 'công', 'được'].map((w) => w.normalize('NFC')),
);

/** Single-syllable nouns that classify the noun after them (`bộ dữ liệu`, `sàn giao dịch`, `tập dữ liệu`). */
const CLASSIFIERS = new Set(
  ['bộ', 'tập', 'sàn', 'kho', 'gói', 'khối', 'cụm', 'chuỗi', 'bản', 'cái', 'chiếc', 'con', 'bài', 'kênh', 'cổng', 'trạm', 'điểm', 'hệ', 'mạng', 'bãi', 'đoàn', 'đội', 'ngành', 'vùng', 'dãy', 'cuộc', 'cây', 'tuyến', 'lượt', 'phòng', 'trang'].map((w) => w.normalize('NFC')),
);

/** Modifiers that stay in a unit after its head (`bộ dữ liệu mở`, `nền tảng số`, `sàn giao dịch dữ liệu`). */
const KEPT_MODIFIERS = ['số', 'mở', 'điện tử', 'trực tuyến', 'dữ liệu', 'dùng chung', 'thông minh'].map((w) => w.normalize('NFC').split(' '));

const WORD = /^[\p{Ll}]+$/u;

/** The syllables of a text up to its first non-word (punctuation, digit, bracket). */
function syllables(text: string, max: number): { words: string[]; ends: number[] } {
  const words: string[] = [];
  const ends: number[] = [];
  const re = /\s*([\p{L}]+)/uy;
  let at = 0;
  while (words.length < max) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) break;
    words.push(m[1]!);
    at = re.lastIndex;
    ends.push(at);
  }
  return { words, ends };
}

export interface NounPhrase {
  /** The unit as printed: the head noun and the modifiers kept with it. */
  unit: string;
  /** Length of the phrase from the start of `after` (leading spaces included). */
  length: number;
}

/**
 * The counted noun phrase at the start of `after` (the text right after a number), or null when
 * the words there are not a common noun (a capital, a time unit, a function word…): a noun of two
 * syllables (`kịch bản`, `trụ cột`), a classifier and its noun (`bộ dữ liệu`, `sàn giao dịch`),
 * one syllable before a boundary (`05 cầu;`), with the modifiers kept (`nền tảng số`).
 */
export function countedNoun(after: string): NounPhrase | null {
  if (!/^\s/u.test(after)) return null;
  const { words, ends } = syllables(after.slice(0, 80), 6);
  const first = words[0];
  if (first === undefined || first.length < 2 || !WORD.test(first) || FUNCTION.has(first)) return null;
  if (NOT_COUNTED.has(first) && !COUNTED_AFTER[first]?.includes(words[1] ?? '')) return null;
  // a lexicon form the quantity parser left is another word there (`2 con số`: `con` before `số`)
  if (unitOf(first) !== null) return null;
  const plain = (i: number) => i < words.length && WORD.test(words[i]!) && !FUNCTION.has(words[i]!) && (i === 1 || !NOT_COUNTED.has(words[i]!));
  const modifierAt = (i: number) => KEPT_MODIFIERS.find((m) => m.every((w, k) => words[i + k] === w));
  // the phrase ends where a word is not plain, is a verb or quality word, or is a kept modifier
  const boundary = (i: number) => !plain(i) || VERB_OR_QUALITY.has(words[i]!) || modifierAt(i) !== undefined;
  let n = 1;
  if (CLASSIFIERS.has(first) && plain(1) && plain(2) && boundary(3)) n = 3;
  else if (plain(1) && !modifierAt(1)) n = 2;
  // one syllable that is no classifier is a noun only before punctuation (`giữa 03 bên:`), not before a function word (`06 lưu tại`: a verb)
  else if (!CLASSIFIERS.has(first) && words.length > 1 && !modifierAt(1)) return null;
  for (let mod = modifierAt(n); mod; mod = modifierAt(n)) n += mod.length;
  const length = ends[n - 1]!;
  // `125 cm3`: a unit glued to a digit is a measure the lexicon does not read, not a noun
  if (/^[\p{L}\p{N}]/u.test(after.slice(length))) return null;
  return { unit: after.slice(0, length).trim().replace(/\s+/gu, ' '), length };
}

/** Words that, right before a number, make it a name or a position rather than a count (`Thông tư 01`, `Mẫu 02`, `mục tiêu 3`). */
const NAMING_BEFORE =
  /(?<![\p{L}])(?:giờ|phút|h|thông\s+tư|nghị\s+định|nghị\s+quyết|quyết\s+định|chỉ\s+thị|kế\s+hoạch|công\s+văn|luật|tờ\s+trình|thông\s+báo|báo\s+cáo|hướng\s+dẫn|mẫu|biểu|phụ\s+lục|mục\s+tiêu|nhiệm\s+vụ|tiêu\s+chí|chỉ\s+tiêu|giải\s+pháp|bước|giai\s+đoạn|phương\s+án|hình\s+thức|văn\s+bản|đề\s+án|dự\s+án|gói\s+thầu|tiểu\s+dự\s+án|hạng\s+mục|công\s+trình|tuyến|đường|cầu|trạm|khu|cụm|lô|tờ|thửa|căn|phòng|tầng|tổ|đội|ấp|khóm|bản|làng|xóm|đợt|khóa|lớp|kỳ|phiên|vòng|số|thứ|mã|ký\s+hiệu|QCVN|TCVN|version|phiên\s+bản|nhóm|loại|hạng|cấp|bậc|mức|vùng|điểm|mục|tiểu\s+mục|tiết|trang|câu|Nghị\s+quyết|Kết\s+luận|kết\s+luận|Quy\s+định|quy\s+định|Chương\s+trình|chương\s+trình|Hiến\s+pháp)\s*$/iu;

/** Verbs and words of counting right before a number: `gồm 05`, `có 16`, `xây dựng 03`, `tổng số 20`. */
const COUNTING_BEFORE =
  /(?<![\p{L}])(?:gồm|bao\s+gồm|có|đạt|hoàn\s+thành|xây\s+dựng|phát\s+triển|triển\s+khai|tổ\s+chức|thành\s+lập|ban\s+hành|thực\s+hiện|hỗ\s+trợ|đào\s+tạo|tập\s+huấn|bồi\s+dưỡng|cấp|cấp\s+mới|tiếp\s+nhận|giải\s+quyết|công\s+bố|bãi\s+bỏ|sửa\s+đổi|phê\s+duyệt|hình\s+thành|thu\s+hút|tạo(?:\s+ra)?|kiểm\s+tra|thanh\s+tra|xử\s+lý|vận\s+hành|đầu\s+tư|nâng\s+cấp|lắp\s+đặt|cải\s+tạo|sửa\s+chữa|xây\s+mới|trồng(?:\s+mới)?|mở|mở\s+mới|lựa\s+chọn|chọn|công\s+nhận|khen\s+thưởng|tặng|trao|ký\s+kết|ký|thành\s+lập\s+mới|duy\s+trì|nhân\s+rộng|số\s+hóa|tích\s+hợp|kết\s+nối|cung\s+cấp|với|tổng\s+số|tổng\s+cộng|trong\s+số|trong\s+đó|còn|thêm|khoảng|gần|hơn|của|trong|từ)\s*$/iu;

/**
 * Whether the number at `start` (with `before`, the text before it) stands where a count stands:
 * a leading zero (`05 kịch bản`), a comparator (`ít nhất 20`), a verb of counting (`có 16`), or
 * alone in brackets (`(16 mục tiêu)`); and not where a name's or a position's number stands.
 */
export function standsAsCount(number: string, before: string, hasComparator: boolean, closedBracket: boolean): boolean {
  const b = before.slice(-40);
  if (NAMING_BEFORE.test(b)) return false;
  // inside a quotation a number is part of a name or a slogan (`“Gia đình 5 không, 3 sạch”`)
  if (b.lastIndexOf('“') > b.lastIndexOf('”')) return false;
  // `Đơn vị: 01 cọc`: a norm's unit of measure, not a count
  if (/(?<![\p{L}])đơn\s+vị(?:\s+tính)?\s*:\s*$/iu.test(b)) return false;
  // the next of a list of numbers (`Mẫu 01; 02, 03, 04 (nếu có), 06 lưu tại…`): what the list's first number is, it is
  if (/\d\s*(?:\([^()]*\))?\s*(?:[,;/\-–]|và|hoặc)\s*$/u.test(b)) return false;
  // `Điều 2`, `Kế hoạch 05`: a capitalised word right before is a name's first word (except at the start of a sentence)
  const prev = /([\p{L}]+)\s*$/u.exec(b);
  if (prev && /^\p{Lu}/u.test(prev[1]!) && !/(?:^|[.:;!?(\n]|\s-)\s*[\p{L}]+\s*$/u.test(b) && !COUNTING_BEFORE.test(b)) return false;
  if (hasComparator) return true;
  if (COUNTING_BEFORE.test(b)) return true;
  if (closedBracket && /\(\s*$/u.test(b)) return true;
  // the next item of a list of counts: `đã có 15 bộ, ngành, 25 địa phương, 13 tập đoàn`
  const item = /(?<![\p{L}\p{N}.,/])\d+(\s+\p{Ll}[\p{Ll}\s,]{0,30}),\s*$/u.exec(b);
  if (item && countedNoun(item[1]!) !== null) return true;
  return /^0\d/u.test(number);
}

/**
 * Whether the text after a counted noun lists `n` items after a colon, up to the end of the
 * sentence: `năm yếu tố nền móng đồng bộ: thể chế…; nhân lực số…; hạ tầng số…; dữ liệu…; và làm
 * chủ…` (items split by `;`, or by `,` and `và` when there is no `;`), or `(1) …; (2) …; (3) …`.
 */
export function enumerates(after: string, n: number): boolean {
  if (n < 2) return false;
  const colon = /^[^.;:\n()]{0,60}?:/u.exec(after);
  if (!colon) return false;
  let body = after.slice(colon[0].length);
  const end = body.search(/\.(?=\s+[\p{Lu}\d]|\s*$)|\n\s*\n/u);
  if (end >= 0) body = body.slice(0, end);
  const numbered = body.match(/\(\s*\d{1,2}\s*\)/gu);
  if (numbered && numbered.length === n) return true;
  const items = (body.includes(';') ? body.split(';') : body.split(/,|\s+và\s+/u)).map((x) => x.replace(/^\s*và\s+/u, '').trim()).filter(Boolean);
  return items.length === n;
}
