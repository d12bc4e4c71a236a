import { isCapitals, type Line } from './lines.js';
import {
  BODY_OPENER,
  DISTRIBUTION_LINE,
  HEADER_NOISE_LINE,
  ISSUER_BLOCK,
  KIND_OPENINGS,
  KIND_TITLES,
  KIND_WORD_HEADS,
  LIST_ITEM,
  MARKDOWN_HEADING,
  MOTTO,
  NAME_LINE,
  NUMBER_FIELD,
  ON_BEHALF_LINE,
  ONE_LINE_SIGNER,
  ON_BEHALF_WORD,
  PLACE_DATE,
  PLACE_WORD,
  RECIPIENTS_LINE,
  ROLE_LINE,
  SUBJECT_LINE,
  SYMBOL_KIND_CODES,
  UNIT_LEVELS,
  UNIT_LEVEL_ABBREVIATIONS,
} from './patterns.js';
import type { DocumentHeader, ReportingUnit } from './types.js';

export interface HeaderResult {
  header: DocumentHeader;
  /** Index of the first body line. */
  bodyStart: number;
  /** Lines of the closing (distribution list, signer block) that are not body. */
  closing: Set<number>;
  /** What could not be read, in words a reader of the report understands. */
  warnings: string[];
}

/**
 * How far into a document the header block may reach, in non-empty lines: a web rendering spends
 * up to 25 lines on the two-column block alone (one `|` per cell, words wrapped).
 */
const HEADER_WINDOW = 45;
/** A title longer than this ran into the body: its end was not found. */
const TITLE_MAX_LINES = 8;
const CAPITALS_TITLE_MAX_LINES = 24;

/** Cells of the header block are joined with this; patterns never match across it. */
const CELL = ' ‖ ';

const stripHashes = (s: string) => s.replace(MARKDOWN_HEADING, '$<rest>').trim();
/** A line as the header reads it: heading marks and emphasis debris gone. */
const clean = (s: string) => stripHashes(s).replace(/\*+/gu, '').trim();

/**
 * The header of an administrative document, in whatever order and layout its parts come: one
 * column, two columns merged on one line (PDF text, OCR), pipe tables of web renderings, DOCX
 * tables (tab-separated cells), one paragraph per line. The block before the kind word (issuer,
 * motto, `Số:`, place and date) is read as one string of cells, field by field; the title runs
 * from the kind word to where body text begins.
 */
export function parseHeader(lines: readonly Line[], fullText: string): HeaderResult {
  const header: DocumentHeader = {
    kind: null,
    number: null,
    symbol: null,
    issuer: null,
    unit: null,
    place: null,
    date: null,
    title: null,
    recipients: [],
    signer: null,
    distribution: [],
  };
  const warnings: string[] = [];

  const window = headerWindow(lines);
  const kind = kindLine(lines, window);
  const kindAt = kind?.at;
  const subjectAt = window.find((i) => /(?:^|\s)V\/v\s/u.test(clean(lines[i]!.text)));
  const recipientsAt = window.find((i) => RECIPIENTS_LINE.test(clean(lines[i]!.text)));
  // the block before the title: everything up to the kind word, `V/v` or `Kính gửi`
  const blockEnd = Math.min(kindAt ?? Infinity, recipientsAt ?? Infinity, firstBodyLine(lines, window) ?? Infinity);
  const block = window.filter((i) => i < blockEnd);
  const zone = cellsOf(lines, block);
  let bodyStart = block.length > 0 ? block.at(-1)! + 1 : 0;

  readNumber(zone, header);
  readPlaceDate(zone, header);
  const issuerBlock = readIssuer(zone);

  if (kind) {
    const [pattern, code] = kind.kind;
    header.kind = code;
    const sameLine = kind.text.replace(pattern, '').trim();
    const title = collectTitle(lines, kind.next, sameLine);
    header.title = title.text || null;
    if (title.runaway) warnings.push('header: the title has no clear end; only its first lines are kept');
    bodyStart = title.next;
  }
  if (subjectAt !== undefined && header.title === null) {
    // `V/v …` (về việc, "regarding") is the subject of a công văn, up to the end of its cell
    const cell = zone.find((c) => SUBJECT_LINE.test(c)) ?? collectCell(lines, subjectAt);
    header.title = subjectOf(cell);
    header.kind ??= 'CV';
    bodyStart = Math.max(bodyStart, subjectAt + 1);
  }
  if (recipientsAt !== undefined && recipientsAt >= bodyStart - 1) {
    const to = RECIPIENTS_LINE.exec(clean(lines[recipientsAt]!.text))!;
    const list = collectList(lines, recipientsAt + 1);
    header.recipients = [to.groups!.to!, ...list.items].map(cleanListEntry).filter(Boolean);
    bodyStart = Math.max(bodyStart, list.next);
  }
  if (header.title === null && kindAt === undefined && !issuerBlock && header.symbol === null && header.date === null) {
    // no header block at all: a web page's title line (`Báo cáo công tác … tháng 5/2017`)
    const first = window[0];
    const line = first === undefined ? '' : clean(lines[first]!.text);
    const opening = KIND_OPENINGS.find(([word]) => line.startsWith(`${word} `));
    const next = window[1] === undefined ? '' : clean(lines[window[1]]!.text);
    if (opening) {
      header.kind = opening[1];
      header.title = line.slice(opening[0].length).trim();
      bodyStart = first! + 1;
    } else if (line && line.length <= 250 && !/[.:;]$/u.test(line) && !RECIPIENTS_LINE.test(line) && NUMBERED_HEADING.test(next)) {
      // a title line standing over the first numbered heading
      header.title = line;
      bodyStart = first! + 1;
    }
  }

  const kindFromSymbol = header.symbol?.split(/[-/]/u)[0];
  if (kindFromSymbol && SYMBOL_KIND_CODES.has(kindFromSymbol)) header.kind = kindFromSymbol;
  else if (header.symbol && !header.kind) header.kind = 'CV';

  const closing = new Set<number>();
  parseClosing(lines, bodyStart, header, closing);

  if (issuerBlock) {
    header.issuer = issuerBlock.issuer;
    header.unit = issuerBlock.unit;
    if (!header.unit) warnings.push(`header: the issuer block (${issuerBlock.issuer}) names no administrative unit`);
  } else {
    // No issuer block (lost in OCR, cut by a converter): the unit may still be read when the place
    // of issue is named with its level in the text (`Cát Hải` … `đặc khu Cát Hải`). Never the first
    // `Ủy ban nhân dân …` of the body: that is as often the superior body a report answers to.
    header.unit = header.place ? unitNamedWithPlace(fullText, header.place) : null;
    if (header.unit) {
      warnings.push(`header: no issuer block; unit ${header.unit.level} ${header.unit.name} inferred from the place of issue`);
      if (header.symbol?.endsWith('UBND')) header.issuer = `Ủy ban nhân dân ${header.unit.level} ${header.unit.name}`;
    } else {
      warnings.push('header: no issuer block; issuer and unit unknown');
    }
  }
  for (const field of ['number', 'date', 'title'] as const) {
    if (header[field] === null) warnings.push(`header: no ${field} found`);
  }
  return { header, bodyStart, closing, warnings };
}

/** Indexes of the non-empty, non-noise lines the header may use. */
function headerWindow(lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length && out.length < HEADER_WINDOW; i++) {
    if (clean(lines[i]!.text) && !HEADER_NOISE_LINE.test(lines[i]!.text)) out.push(i);
  }
  return out;
}

/**
 * The first line that can only be body text: a sentence opener (`Căn cứ`, `Thực hiện`), a long
 * running line, a numbered heading. Bounds the header block when no kind word or `Kính gửi` does.
 */
function firstBodyLine(lines: readonly Line[], window: readonly number[]): number | undefined {
  return window.find((i) => {
    const text = clean(lines[i]!.text);
    return BODY_OPENER.test(text) || NUMBERED_HEADING.test(text) || (text.length > 120 && !NUMBER_FIELD.test(text) && !PLACE_DATE.test(text));
  });
}

/**
 * The header block as one string: lines of a cell joined by spaces (a field wrapped over lines
 * reads whole), cells (split by `|` lines, dash rules, blank lines or tabs) joined by `CELL`, and the
 * motto replaced by a cell break so that issuer and unit lines merged with it (OCR) come apart.
 */
function cellsOf(lines: readonly Line[], block: readonly number[]): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  let last = -2;
  const flush = () => {
    if (current.length > 0) cells.push(current.join(' '));
    current = [];
  };
  for (const i of block) {
    if (i !== last + 1) flush();
    last = i;
    for (const [k, part] of lines[i]!.raw.split('\t').entries()) {
      if (k > 0) flush();
      const text = clean(part);
      if (text) current.push(text);
    }
  }
  flush();
  // `V/v …` opens a cell of its own, also where a PDF put it after the date of the other column
  const zone = cells.join(CELL).replace(MOTTO, CELL).replace(/\s+(?=V\/v\s)/gu, CELL);
  return zone.split(CELL).map((c) => c.replace(/\s+/gu, ' ').trim()).filter(Boolean);
}

/** `Số: 35/2025/QĐ-UBND`, `Số: / BC- UBND`, `S06:120 /BC-UBND` (OCR), with the year split off. */
function readNumber(zone: readonly string[], header: DocumentHeader): void {
  for (const cell of zone) {
    const m = NUMBER_FIELD.exec(cell);
    if (!m) continue;
    header.number = m.groups!.number ?? null;
    header.symbol = m.groups!.symbol!.replace(/\s+/gu, '').replace(/–/gu, '-');
    return;
  }
}

/** `Bắc Ninh, ngày 20 tháng 11 năm 2025`: the place is the capitalised words before the comma. */
function readPlaceDate(zone: readonly string[], header: DocumentHeader): void {
  for (const cell of zone) {
    const m = PLACE_DATE.exec(cell);
    if (!m) continue;
    const g = m.groups!;
    header.date = { year: toInt(g.year ?? g.yearNumeric), month: toInt(g.month ?? g.monthNumeric), day: toInt(g.day ?? g.dayNumeric) };
    const place = placeBefore(cell, m.index);
    header.place = place.length > 0 ? place.join(' ') : null;
    return;
  }
}

/** The place's words before the comma of a place–date line at `comma` (at most six, and a dash between two: `Bà Rịa - Vũng Tàu`). */
function placeBefore(cell: string, comma: number): string[] {
  const words = cell.slice(0, comma).trim().split(/\s+/u);
  const place: string[] = [];
  for (let k = words.length - 1; k >= 0 && place.length < 6; k--) {
    const dash = /^[-–]$/u.test(words[k]!) && place.length > 0 && k > 0 && PLACE_WORD.test(words[k - 1]!);
    if (!dash && !PLACE_WORD.test(words[k]!)) break;
    place.unshift(words[k]!);
  }
  return place;
}

/** A công văn's subject, cut before a place–date line that follows it in the same cell (one column, no blank line). */
function subjectOf(cell: string): string {
  const title = SUBJECT_LINE.exec(cell)!.groups!.title!;
  const m = PLACE_DATE.exec(title);
  if (!m) return title.trim();
  // (a date the subject itself names, `… số 12/QĐ-UBND, ngày 20/10/2025`, has no place before it)
  const place = placeBefore(title, m.index);
  return place.length > 0 ? title.slice(0, title.lastIndexOf(place[0]!, m.index)).trim() : title.trim();
}

/** The issuer block: `ỦY BAN NHÂN DÂN` (or `CHỦ TỊCH ỦY BAN NHÂN DÂN`), then its unit line. */
function readIssuer(zone: readonly string[]): { issuer: string; unit: ReportingUnit | null } | null {
  const text = zone.join(CELL);
  // `UBND HUYỆN HOẰNG HÓA` / `UBND XÃ HOẰNG LỘC`: the body above stands first, the issuer last
  const matches = [...text.matchAll(new RegExp(ISSUER_BLOCK.source, 'gu'))];
  const m = [...matches].reverse().find((x) => x.groups!.unit) ?? matches.at(-1);
  if (!m) return null;
  const chair = m.groups!.chair ? 'Chủ tịch ' : '';
  let unitWords = m.groups!.unit?.trim();
  if (!unitWords) return { issuer: `${chair}Ủy ban nhân dân`, unit: null };
  for (const [short, level] of UNIT_LEVEL_ABBREVIATIONS) unitWords = unitWords.replace(short, `${level} `);
  const level = UNIT_LEVELS.find((l) => unitWords.toLowerCase().startsWith(`${l} `));
  if (!level) return { issuer: `${chair}Ủy ban nhân dân`, unit: null };
  const name = titleCase(unitWords.slice(level.length).trim());
  return { issuer: `${chair}Ủy ban nhân dân ${level} ${name}`, unit: { level, name } };
}

/** `ĐƯNG K’NỚ` → `Đưng K’Nớ`, `BÀ RỊA - VŨNG TÀU` → `Bà Rịa - Vũng Tàu`: a capital after a space, hyphen or apostrophe. */
export function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s\-’'])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * The kind word's line in the header window (its text, and the line after it), also when a web rendering wrapped the
 * word itself (`**QUYẾT` then `ĐỊNH**`): the two lines are read as one.
 */
function kindLine(lines: readonly Line[], window: readonly number[]): { at: number; text: string; next: number; kind: [RegExp, string] } | undefined {
  const kindOf = (text: string) => KIND_TITLES.find(([p]) => p.test(text));
  for (const [k, i] of window.entries()) {
    const text = clean(lines[i]!.text);
    const kind = kindOf(text);
    if (kind) return { at: i, text, next: i + 1, kind };
    const after = window[k + 1];
    if (after === undefined || !KIND_WORD_HEADS.has(text)) continue;
    const joined = `${text} ${clean(lines[after]!.text)}`;
    const wrapped = kindOf(joined);
    if (wrapped) return { at: i, text: joined, next: after + 1, kind: wrapped };
  }
  return undefined;
}

/**
 * The title after the kind word: lines up to the first that starts the body. An all-capitals title
 * ends at the first line that is not in capitals; any title ends at a blank line, a `|` cell break,
 * a body opener (`Căn cứ`, `Thực hiện`, the enacting `CHỦ TỊCH ỦY BAN NHÂN DÂN …`) or a heading.
 */
function collectTitle(lines: readonly Line[], from: number, sameLine: string): { text: string; next: number; runaway: boolean } {
  const parts = sameLine ? [sameLine] : [];
  let i = from;
  while (i < lines.length && !clean(lines[i]!.text) && parts.length === 0) i++;
  let capitals = sameLine ? isCapitals(sameLine) : null;
  for (; i < lines.length; i++) {
    const raw = lines[i]!.text;
    const text = clean(raw);
    if (!text || HEADER_NOISE_LINE.test(raw)) {
      if (parts.length > 0 && !yearRangeAfter(lines, i, parts.at(-1)!)) break;
      continue;
    }
    // (a title line may open with a body's name when the line before it left the phrase open: `… ĐÀO TẠO,` / `ỦY BAN
    // NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG`)
    const enacting = ENACTING.test(text) && !/(?:,|\s(?:CỦA|VÀ|CHO|VỚI|THUỘC|TẠI))$/u.test(parts.at(-1) ?? '');
    if (BODY_OPENER.test(text) || RECIPIENTS_LINE.test(text) || enacting || NUMBERED_HEADING.test(text)) break;
    capitals ??= isCapitals(text);
    // (a capitals title goes on over a line of figures alone, a year range wrapped after its words or its dash:
    // `… GIAI ĐOẠN` / `2026 - 2030`, `GIAI ĐOẠN 2026-` / `2030`)
    const figuresOnly = /\d/u.test(text) && !/\p{L}/u.test(text);
    if (capitals && !isCapitals(text) && !/^V[ềỀ]\s/u.test(text) && !figuresOnly) break;
    // a sentence-case title's line is a phrase, not a sentence: a whole line ending at a full stop (or the colon
    // that opens a list) after it is the body's first paragraph when paragraphs are one per line (`Năm 2025, thu ngân
    // sách … so với cùng kỳ.`, `Ủy ban nhân dân xã báo cáo kết quả như sau:`)
    if (!capitals && parts.length > 0 && text.length >= 40 && /[^.:][.:]$/u.test(text)) break;
    parts.push(text);
    // body text is not in capitals: a capitals title may be long (a decision repealing several others)
    if (parts.length >= (capitals ? CAPITALS_TITLE_MAX_LINES : TITLE_MAX_LINES)) return { text: parts.join(' '), next: i + 1, runaway: true };
  }
  return { text: parts.join(' '), next: i, runaway: false };
}

/** A title line left open before its years (`… GIAI ĐOẠN`, `… ĐẾN NĂM`, `… 2026 -`). */
const OPEN_BEFORE_YEARS = /(?:giai đoạn|thời kỳ|năm|[-–])$/iu;

/**
 * Whether the blank lines from `at` stand between a title line left open before its years and those years on a line
 * of their own (`… GIAI ĐOẠN` / (blank) / `2026 - 2030`: a DOCX whose title is two paragraphs, as its PDF's text).
 */
function yearRangeAfter(lines: readonly Line[], at: number, last: string): boolean {
  if (!OPEN_BEFORE_YEARS.test(last)) return false;
  let i = at;
  while (i < lines.length && !clean(lines[i]!.text)) i++;
  const next = i < lines.length ? clean(lines[i]!.text) : '';
  return /^\(?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\)?$/u.test(next);
}

/** `I. …`, `1. …`: the body's first heading. */
const NUMBERED_HEADING = /^(?:[IVXL]+|\d{1,2})[.)]\s/u;

/** The enacting line after a Quyết định's title: `ỦY BAN NHÂN DÂN TỈNH …`, `CHỦ TỊCH ỦY BAN NHÂN DÂN …`. */
// (also the Chairman's line wrapped inside the body's name: `CHỦ TỊCH ỦY BAN NHÂN` / `DÂN THÀNH PHỐ HỒ CHÍ MINH`)
const ENACTING = /^(?:CHỦ TỊCH )?(?:ỦY|UỶ) BAN NHÂN DÂN\b|^CHỦ TỊCH (?:ỦY|UỶ) BAN(?: NHÂN)?$/u;


/** The lines of the cell that holds line `from` (for a `V/v` outside the header block). */
function collectCell(lines: readonly Line[], from: number): string {
  const parts: string[] = [];
  for (let i = from; i < lines.length && clean(lines[i]!.text) && !HEADER_NOISE_LINE.test(lines[i]!.text); i++) {
    if (i > from && (RECIPIENTS_LINE.test(clean(lines[i]!.text)) || BODY_OPENER.test(clean(lines[i]!.text)))) break;
    parts.push(clean(lines[i]!.text));
    if (parts.length >= 4) break;
  }
  return parts.join(' ');
}

function toInt(s: string | undefined): number | null {
  return s === undefined ? null : Number.parseInt(s, 10);
}

/** `- item` lines right after `from` (blank and `|` lines between items allowed). */
function collectList(lines: readonly Line[], from: number): { items: string[]; indexes: number[]; next: number } {
  const items: string[] = [];
  const indexes: number[] = [];
  let i = from;
  let next = from;
  // whether the last item took a wrapped line already (`Lưu:` takes one at most)
  let wrappedLast = false;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text || (items.length === 0 && HEADER_NOISE_LINE.test(text))) continue;
    const m = LIST_ITEM.exec(text);
    if (!m) {
      // a wrapped item: the line continues the item above when it starts in lower case, when the item above was left
      // open (`… (01 bản giấy,` / `01 bản điện tử`), or once after `Lưu:` (the drafter's initials and the copies:
      // `- Lưu: VT, NC.` / `Huy (23 bản)`), never a signer's line
      const last = items.at(-1) ?? '';
      const wrapped =
        /^\p{Ll}/u.test(text) ||
        /[,(&]$/u.test(last) ||
        (/^Lưu\b/u.test(last) && !wrappedLast && text.length <= 40 && !ON_BEHALF_LINE.test(text) && !ROLE_LINE.test(text) && !NAME_LINE.test(text));
      if (items.length > 0 && wrapped && !text.startsWith('|')) {
        items[items.length - 1] += ` ${text}`;
        wrappedLast = true;
        indexes.push(i);
        next = i + 1;
        continue;
      }
      break;
    }
    items.push(m.groups!.content!);
    wrappedLast = false;
    indexes.push(i);
    next = i + 1;
  }
  return { items, indexes, next };
}

const cleanListEntry = (s: string) => s.replace(/[;.,]+$/u, '').trim();

/** The distribution list and the signer block; their lines are marked as closing. */
function parseClosing(lines: readonly Line[], bodyStart: number, header: DocumentHeader, closing: Set<number>): void {
  for (let i = bodyStart; i < lines.length; i++) {
    const m = DISTRIBUTION_LINE.exec(clean(lines[i]!.text));
    if (!m) continue;
    closing.add(i);
    if (m.groups!.rest) {
      // the two columns merged on each line (PDF text, OCR): `- Sở Nội vụ; Nguyễn Mạnh Cường`
      const merged = splitMergedClosing(lines, i);
      header.distribution = merged.left.map(cleanListEntry);
      for (const k of merged.indexes) closing.add(k);
      const read = signerFrom(merged.right);
      if (read.block.name || read.block.role) {
        header.signer = read.block;
        return;
      }
    } else {
      const list = collectList(lines, i + 1);
      // (a `Nơi nhận:` with no list under it, its entries beside another one further on: that one is read too)
      if (list.items.length === 0) continue;
      header.distribution = list.items.map(cleanListEntry);
      for (const k of list.indexes) closing.add(k);
    }
    break;
  }
  // The signer block stands beside the distribution list, after it in a rendering, before it in
  // other layouts, and an appendix may follow it: the first block after the body start that ends
  // in a name is the signer's; failing that, the last block without a name.
  let nameless: { block: SignerBlock; lines: number[] } | null = null;
  for (let i = bodyStart; i < lines.length; i++) {
    const text = clean(lines[i]!.text);
    const oneLine = ONE_LINE_SIGNER.exec(text);
    if (oneLine) {
      const { onBehalf, role, name } = oneLine.groups!;
      header.signer = { name: name!, role: role!, onBehalfOf: onBehalf ?? null };
      closing.add(i);
      return;
    }
    if (!ON_BEHALF_LINE.test(text) && !(ROLE_LINE.test(text) && !ENACTING_ROLE.test(text))) continue;
    const texts: string[] = [];
    const indexes: number[] = [];
    for (let k = i; k < lines.length && texts.length < 7; k++) {
      const raw = lines[k]!.text;
      if (raw.includes('|') && texts.length > 0) break;
      if (!clean(raw) || HEADER_NOISE_LINE.test(raw)) continue;
      texts.push(clean(raw));
      indexes.push(k);
    }
    const read = signerFrom(texts);
    const used = indexes.slice(0, read.used);
    if (read.block.name) {
      header.signer = read.block;
      for (const k of used) closing.add(k);
      return;
    }
    nameless = { block: read.block, lines: used };
    i = Math.max(i, used.at(-1) ?? i);
  }
  if (nameless) {
    header.signer = nameless.block;
    for (const k of nameless.lines) closing.add(k);
  }
}

type SignerBlock = NonNullable<DocumentHeader['signer']>;

/**
 * `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / name, from consecutive lines of text.
 * `used` counts the lines that belong to the block.
 */
function signerFrom(texts: readonly string[]): { block: SignerBlock; used: number } {
  const onBehalf: string[] = [];
  let role: string | null = null;
  let k = 0;
  for (; k < texts.length; k++) {
    const text = texts[k]!;
    const next = texts[k + 1] ?? '';
    if (SIGNED_MARK.test(text) && (role || onBehalf.length > 0)) {
      continue; // `(Đã ký)`, `(ký, đóng dấu)` between the role and the name: a web copy's note that it was signed
    } else if (ON_BEHALF_LINE.test(text)) {
      onBehalf.push(text);
    } else if (ON_BEHALF_WORD.test(text) && ON_BEHALF_LINE.test(`${text} ${next}`)) {
      onBehalf.push(`${text} ${next}`); // `TM.` wrapped before `ỦY BAN NHÂN DÂN`
      k++;
    } else if (role === null && text === 'PHÓ' && ROLE_LINE.test(`PHÓ ${next}`)) {
      role = `PHÓ ${next}`; // `PHÓ` wrapped before `CHỦ TỊCH`
      k++;
    } else if (onBehalf.length > 0 && role === null && CAPITAL_WORDS.test(text) && !ROLE_LINE.test(text)) {
      onBehalf[onBehalf.length - 1] += ` ${text}`; // `TM. ỦY BAN NHÂN` wrapped before `DÂN`, `T/M ỦY` before `BAN NHÂN DÂN`
    } else if (ROLE_LINE.test(text) && role === null) {
      role = text;
    } else if ((role || onBehalf.length > 0) && (NAME_LINE.test(text) || NAME_LINE.test(`${text} ${next}`)) && !ROLE_LINE.test(text) && !ENACTING_ROLE.test(text)) {
      let name = text;
      let used = k + 1;
      // a name wrapped after its first word (`Nguyễn` / `Văn Khởi`) or before its last (`Lê Hải` / `Hòa`)
      if (!NAME_LINE.test(text) || /^\p{Lu}\p{Ll}+$/u.test(next)) {
        name += ` ${next}`;
        used++;
      }
      const block = { name, role: role ?? onBehalf.at(-1)?.replace(/^\p{Lu}+\.\s*/u, '') ?? null, onBehalfOf: onBehalf.join(' / ') || null };
      return { block, used };
    } else {
      break;
    }
  }
  return { block: { name: null, role, onBehalfOf: onBehalf.join(' / ') || null }, used: Math.max(k, 1) };
}

/** A copy's note that the original was signed (and sealed): `(Đã ký)`, `(ký, đóng dấu)`, `[đã ký]`. */
const SIGNED_MARK = /^[([]\s*(?:đã\s+)?ký(?:\s+tên)?(?:\s*(?:,|và)\s*(?:đã\s+)?đóng\s+dấu)?\s*[)\]]$/iu;

/** The first word of a body's name in a distribution list (`Bộ Tư pháp`, `Sở Nội vụ`), never of a person's. */
const BODY_WORD = /^(?:Bộ|Sở|Ban|Cục|Vụ|Phòng|Văn|Ủy|Uỷ|Tỉnh|Thành|Huyện|Xã|Phường|Trung|Chi|Đoàn|Hội|Cổng|Báo|Đài|Quỹ|Kho|Lưu)\s/u;
/** Words in capitals only (`NHÂN DÂN`). */
const CAPITAL_WORDS = /^\p{Lu}+(?: \p{Lu}+)*$/u;

/** Where a right-column part may start in a merged closing line: after punctuation, before a capital. */
const MERGED_SPLIT = /[;:.,)]\s+(?=\p{Lu})/gu;

/** The distribution list (left) and the signer lines (right) of a closing whose columns share lines. */
function splitMergedClosing(lines: readonly Line[], from: number): { left: string[]; right: string[]; indexes: number[] } {
  const left: string[] = [];
  const right: string[] = [];
  const indexes: number[] = [];
  for (let i = from; i < lines.length && i < from + 25; i++) {
    const text = clean(lines[i]!.text);
    if (!text) continue;
    // the name alone on its line below a role, the list closed (`Lê Thị Thu Hà`: never `Lê` left and `Thị Thu Hà` right)
    const listOpen = /[,(&]$/u.test(left.at(-1) ?? '');
    if (i > from && right.some((r) => ROLE_LINE.test(r)) && !LIST_ITEM.test(text) && NAME_LINE.test(text) && !BODY_WORD.test(text) && !listOpen) {
      right.push(text);
      indexes.push(i);
      break;
    }
    let head = text;
    let tail: string | undefined;
    // the right column starts after some punctuation of the left one, or at a role or on-behalf line after any word
    // (`… Bộ KT. CHỦ TỊCH`): the first place, in text order, where what follows reads as a signer's line
    const places = [
      ...[...text.matchAll(MERGED_SPLIT)].map((m) => ({ head: m.index + 1, tail: m.index + m[0].length, punctuated: true })),
      ...[...text.matchAll(/(?<=\S)\s(?=\p{Lu})/gu)].map((m) => ({ head: m.index, tail: m.index + 1, punctuated: false })),
    ].sort((a, b) => a.tail - b.tail);
    for (const place of places) {
      const candidate = text.slice(place.tail);
      // (a signer line wrapped in its narrow column: `TM.` / `ỦY BAN NHÂN DÂN`, `TM. ỦY BAN` / `NHÂN DÂN`)
      const wrapped = ON_BEHALF_WORD.test(candidate) || (right.length > 0 && CAPITAL_WORDS.test(candidate));
      // (a name after an unpunctuated entry only below a role, and not from a body's name: `… - Bộ Trần Báu Hà`)
      const named = NAME_LINE.test(candidate) && (place.punctuated || (right.some((r) => ROLE_LINE.test(r)) && !BODY_WORD.test(candidate)));
      // (a name wrapped in its narrow column before its last word: `- Như Điều 3; Lê Hải` … `- VP UBND tỉnh: …; Hòa`)
      const nameEnd = place.punctuated && /^\p{Lu}\p{Ll}+$/u.test(candidate) && right.length > 0 && NAME_LINE.test(right.at(-1)!) && !ROLE_LINE.test(right.at(-1)!);
      const signer = ON_BEHALF_LINE.test(candidate) || ROLE_LINE.test(candidate) || named || nameEnd || (place.punctuated && wrapped);
      if (signer) {
        head = text.slice(0, place.head);
        tail = candidate;
        break;
      }
    }
    const isSigner = tail !== undefined;
    if (i > from) {
      const item = LIST_ITEM.exec(head);
      // an entry's dash alone, its words wrapped to the next line (`- KT. CHỦ TỊCH` / `Như Điều 5;`)
      if (!item && /^[-–•]$/u.test(head.trim())) {
        left.push('');
        if (tail !== undefined) right.push(tail);
        indexes.push(i);
        continue;
      }
      if (!item && !isSigner && right.length > 0 && NAME_LINE.test(text)) {
        right.push(text); // the name alone on its line, below the list
        indexes.push(i);
        break;
      }
      // a list entry wrapped (`- Cục Kiểm tra …, Bộ` / `Tư pháp;`), beside the signer's lines or below them
      if (!item && left.length > 0 && (isSigner || /[,(&]$/u.test(left.at(-1)!) || (head.length < 60 && /[;.)]$/u.test(head)))) left[left.length - 1] += ` ${head}`;
      else if (!item) break;
      else left.push(item.groups!.content!);
    }
    if (tail !== undefined) right.push(tail);
    indexes.push(i);
  }
  return { left, right, indexes };
}

/** `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …` enacts a decision; it is not the signer's role line. */
const ENACTING_ROLE = /ỦY BAN|UỶ BAN/u;

/** The unit named with the place of issue and a level word: `Cát Hải` → `đặc khu Cát Hải`. */
export function unitNamedWithPlace(text: string, place: string): ReportingUnit | null {
  const levels = UNIT_LEVELS.join('|');
  const m = new RegExp(`(?<![\\p{L}])(${levels})\\s+${escapeRegExp(place)}(?![\\p{L}])`, 'iu').exec(text);
  return m ? { level: m[1]!.toLowerCase(), name: place } : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
