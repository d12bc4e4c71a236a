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
    'triệu', 'nghìn', 'ngàn', 'tỷ', 'tỉ', 'trăm', 'chục', 'vạn', 'kv', 'kva', 'mg', 'µg', 'μg', 'ml', 'hz', 'ppm', 'độ', 'mức',
    // measures, not counts (and `đông`, a misspelt `đồng`)
    'dpi', 'inch', 'miligam', 'mililít', 'gam', 'gram', 'ea', 'pixel', 'byte', 'bit', 'kb', 'mb', 'gb', 'tb', 'đông',
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
    'của', 'và', 'hoặc', 'hay', 'trên', 'dưới', 'trong', 'ngoài', 'tại', 'cho', 'với', 'về', 'theo', 'để', 'từ', 'đến', 'tới', 'là', 'thì', 'mà', 'như', 'nhằm', 'qua', 'do', 'bởi', 'vì', 'khi', 'nếu', 'sau', 'trước', 'giữa', 'cùng', 'đều', 'cũng', 'chỉ', 'còn', 'vào', 'ra', 'lên', 'xuống', 'trở', 'thuộc', 'gồm', 'bao', 'này', 'đó', 'kia', 'nào', 'mỗi', 'các', 'những', 'được', 'bị', 'đã', 'sẽ', 'đang', 'có', 'không', 'chưa', 'phải', 'cần', 'nên', 'rất', 'hơn', 'nhất', 'đạt', 'so', 'kể', 'đối', 'nay', 'đây', 'khác', 'đi', 'lại', 'ở', 'ngay', 'gần', 'khoảng', 'tính', 'chiếm', 'bằng', 'tuy', 'nhưng', 'song',
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

/** Words that, right before a number, make it a name or a position rather than a count (`Thông tư 01`, `Mẫu 02`, `mục tiêu 3`), lower case. */
const NAMING_BEFORE = phrases(
  'giờ|phút|h|thông tư|nghị định|nghị quyết|quyết định|chỉ thị|kế hoạch|công văn|luật|tờ trình|thông báo|báo cáo|hướng dẫn|mẫu|biểu|phụ lục|mục tiêu|nhiệm vụ|tiêu chí|chỉ tiêu|giải pháp|bước|giai đoạn|phương án|hình thức|văn bản|đề án|dự án|gói thầu|tiểu dự án|hạng mục|công trình|tuyến|đường|cầu|trạm|khu|cụm|lô|tờ|thửa|căn|phòng|tầng|tổ|đội|ấp|khóm|bản|làng|xóm|đợt|khóa|lớp|kỳ|phiên|vòng|số|thứ|mã|ký hiệu|qcvn|tcvn|version|phiên bản|nhóm|loại|hạng|cấp|bậc|mức|vùng|điểm|mục|tiểu mục|tiết|trang|câu|kết luận|quy định|chương trình|hiến pháp',
);

/** Verbs and words of counting right before a number: `gồm 05`, `có 16`, `xây dựng 03`, `tổng số 20`, `của 14`, lower case. */
const COUNTING_BEFORE = phrases(
  'gồm|bao gồm|có|đạt|hoàn thành|xây dựng|phát triển|triển khai|tổ chức|thành lập|ban hành|thực hiện|hỗ trợ|đào tạo|tập huấn|bồi dưỡng|cấp|cấp mới|tiếp nhận|giải quyết|công bố|bãi bỏ|sửa đổi|phê duyệt|hình thành|thu hút|tạo|tạo ra|kiểm tra|thanh tra|xử lý|vận hành|đầu tư|nâng cấp|lắp đặt|cải tạo|sửa chữa|xây mới|trồng|trồng mới|mở|mở mới|lựa chọn|chọn|công nhận|khen thưởng|tặng|trao|ký kết|ký|thành lập mới|duy trì|nhân rộng|số hóa|tích hợp|kết nối|cung cấp|với|tổng số|tổng cộng|trong số|trong đó|còn|thêm|khoảng|gần|hơn|của|trong|từ',
);

function phrases(list: string): Set<string> {
  return new Set(list.normalize('NFC').split('|'));
}

/** The last one, two and three words of `b` (lower case) when it ends with a word and spaces; `start` is where the last word begins. */
function lastWords(b: string): { suffixes: string[]; last: string; start: number } | null {
  let i = b.length;
  while (i > 0 && /\s/u.test(b[i - 1]!)) i--;
  const words: string[] = [];
  let start = i;
  while (words.length < 3) {
    let j = i;
    while (j > 0 && /[\p{L}]/u.test(b[j - 1]!)) j--;
    if (j === i) break;
    words.unshift(b.slice(j, i));
    if (words.length === 1) start = j;
    i = j;
    if (i === 0 || !/[ \t\n]/u.test(b[i - 1]!)) break;
    while (i > 0 && /\s/u.test(b[i - 1]!)) i--;
  }
  if (words.length === 0) return null;
  const lower = words.map((w) => w.toLowerCase());
  const suffixes = lower.map((_, k) => lower.slice(k).join(' '));
  return { suffixes, last: words[words.length - 1]!, start };
}

const ends = (w: ReturnType<typeof lastWords>, set: Set<string>) => w !== null && w.suffixes.some((x) => set.has(x));

/**
 * Whether the number at `start` (with `before`, the text before it) stands where a count stands:
 * a leading zero (`05 kịch bản`), a comparator (`ít nhất 20`), a verb of counting (`có 16`), alone
 * in brackets (`(16 mục tiêu)`) or as the next item of a list of counts; and not where a name's
 * or a position's number stands. `bound` says whether a comparator stands with the number.
 */
export function standsAsCount(number: string, before: string, bound: () => boolean, closedBracket: boolean): boolean {
  const b = before.slice(-40);
  const w = lastWords(b);
  if (ends(w, NAMING_BEFORE)) return false;
  // inside a quotation a number is part of a name or a slogan (`“Gia đình 5 không, 3 sạch”`)
  if (b.lastIndexOf('“') > b.lastIndexOf('”')) return false;
  const trimmed = b.trimEnd();
  // `Đơn vị: 01 cọc`: a norm's unit of measure, not a count
  if (trimmed.endsWith(':') && /đơn\s+vị(?:\s+tính)?\s*:$/iu.test(trimmed)) return false;
  // the next of a list of numbers (`Mẫu 01; 02, 03, 04 (nếu có), 06 lưu tại…`): what the list's first number is, it is
  if (/\d\s*(?:\([^()]*\))?\s*(?:[,;/\-–]|và|hoặc)\s*$/u.test(b)) return false;
  const counting = ends(w, COUNTING_BEFORE);
  // `Điều 2`, `Kế hoạch 05`: a capitalised word right before is a name's first word (except at the start of a sentence)
  if (w && /^\p{Lu}/u.test(w.last) && !counting && !/(?:^|[.:;!?(\n]|\s-)\s*$/u.test(b.slice(0, w.start))) return false;
  if (counting) return true;
  if (closedBracket && trimmed.endsWith('(')) return true;
  if (/^0\d/u.test(number)) return true;
  if (bound()) return true;
  // the next item of a list of counts: `đã có 15 bộ, ngành, 25 địa phương, 13 tập đoàn`
  if (trimmed.endsWith(',')) {
    const item = /(?<![\p{L}\p{N}.,/])\d+(\s+\p{Ll}[\p{Ll}\s,]{0,30}),\s*$/u.exec(b);
    if (item && countedNoun(item[1]!) !== null) return true;
  }
  return false;
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
