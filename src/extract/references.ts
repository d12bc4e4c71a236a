/**
 * Cited directives: `Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của Ủy ban nhân dân thành phố`.
 *
 * Built the chrono-node way: a configuration of small parsers (kind + number, a `số <number>` whose
 * kind stands further back, a bare number with a type code, a number continuing a list; each a
 * pattern and an extract step that returns a typed candidate with its offsets) followed by refiners
 * that each do one thing to the list (drop a candidate nested in another, attach the date that
 * follows, settle the kind of list items, attach the date and body a `ngày …, <body> đã ban hành`
 * clause puts before it, share the date of a coordinated list, attach `của <body>` after it). The
 * document's own number is dropped last. Vietnamese words live in `lexicon/reference-kinds.json`
 * and `lexicon/issuers.json`.
 *
 * Decisions:
 * - `typeCode` is the symbol's first segment only when it is a known type code (QĐ, NĐ, NQ, KL…);
 *   a Công văn's symbol has none (`137/UBND-TTPVHCC`: typeCode null, issuerCode `UBND-TTPVHCC`).
 *   Party numbers (`183-KL/TW`) split at the slash: typeCode `KL`, issuerCode `TW`.
 * - `year` is the year inside the number (`118/2025/NĐ-CP`) or null (the annotation guide's split:
 *   number, year, symbol); the key still falls back on the year of the mention's date.
 * - Web renderings wrap lines anywhere: a single line break (and Markdown emphasis left over after
 *   normalisation, `số *102 /2025 /QĐ-…`) may stand between kind, `số`, number and symbol, after a
 *   symbol's hyphen (`183-\nKL/TW`, `NĐ-\nCP`) and before its slash (`409\n/TTr-SNN`).
 * - Named kinds: `Luật Tổ chức chính quyền địa phương số 72/2025/QH15`, `Kế hoạch hành động số
 *   459-KHHĐ/TU`, `Nghị quyết của Quốc hội số …`: a `số <number>` with no kind word right before it
 *   takes the nearest kind word of its clause (a capitalised one first, so the `văn bản` of `Luật
 *   Ban hành văn bản quy phạm pháp luật` is part of the name). A list after a colon (`các Văn bản:
 *   số 4104/…, số 5786/…`) gives its kind to each item.
 * - A date stated once after a coordinated list (`Quyết định số 72/QĐ-UBND và Kế hoạch số
 *   04/KH-UBND ngày 20/01/2022`) belongs to each item joined by `và` or `,` with no date of its own.
 * - The document's own number is never a citation: the header's number line (`Số: 120/BC-UBND`,
 *   OCR `S06: …`) is skipped, and any mention of the number the header gives (or the number line
 *   reads) is dropped (`Ban hành kèm theo Quyết định số 2003/QĐ-UBND` in its own appendix).
 * - `key` is kind (from the type code when there is one, so `Bộ chỉ số 766/QĐ-TTg` and
 *   `Quyết định 766/QĐ-TTg` agree; `Văn bản`/`Công văn` with no type code are both Công văn),
 *   number, year and symbol. A mention with no year borrows the year of the other mentions of the
 *   same number and symbol when they all agree, so a dated and an undated citation share a key.
 * - `issuer` is the body the text names after `của`; failing that, the body the issuer code
 *   always stands for (`TTg`, `CP`, `VPCP`…); `UBND` or `TW` alone name no single body: null.
 * - `span` runs from the kind (or the number when there is no kind word) to the end of the symbol,
 *   or of the date when one follows; the `của …` body is not included.
 */
import type { Reference } from './types.js';
import { DATE_SOURCE, isoDate, parseDate } from './dates.js';
import kindLexicon from './lexicon/reference-kinds.json' with { type: 'json' };
import issuerLexicon from './lexicon/issuers.json' with { type: 'json' };

export interface DocumentNumber {
  number: string;
  year: number | null;
  symbol: string | null;
  typeCode: string | null;
  issuerCode: string | null;
}

// ---------------------------------------------------------------------------------------------
// Lexicons

interface KindEntry {
  kind: string;
  forms: string[];
  typeCodes: string[];
}
const KINDS: KindEntry[] = kindLexicon.kinds;
/** Canonical kind for each written form (lower case). */
const KIND_BY_FORM = new Map<string, string>();
/** Canonical kind for each type code. */
const KIND_BY_CODE = new Map<string, string>();
for (const k of KINDS) {
  for (const f of k.forms) KIND_BY_FORM.set(f.toLowerCase(), k.kind);
  for (const c of k.typeCodes) KIND_BY_CODE.set(c, k.kind);
}
const ISSUER_BY_CODE = new Map<string, string>(Object.entries(issuerLexicon.codes));
const ISSUER_HEADS = issuerLexicon.heads;
const ISSUER_STOPS = new Set(issuerLexicon.stops);

// ---------------------------------------------------------------------------------------------
// Patterns

/** Horizontal space. */
const H = '[ \\t\\u00a0]';
/**
 * What may stand between the parts of one number (`118/2025/NĐ-CP`): spaces, Markdown emphasis left
 * over after normalisation, and at most one line break (web renderings wrap lines anywhere).
 */
const J = '[ \\t\\u00a0*_]*(?:\\n[ \\t\\u00a0*_]*)?';
/**
 * One code of a symbol (`UBND`, `TTg`, `QH15`, `BCĐTW`, `XDCQ&TCBC`): a capital and at least one more
 * capital further on, so an ordinary word (`Sức`, `Về`) is never taken for a code.
 */
const CODE = '\\p{Lu}(?=[\\p{Ll}\\d&]*\\p{Lu})[\\p{L}\\d&]*(?![\\p{L}\\d&])';
/** A later segment of a symbol may be a capital and digits (`C41` of `1960/QĐ-BCA-C41`), or `V.I`. */
const SEGMENT = '(?:\\p{Lu}\\.[\\p{Lu}\\d]+|\\p{Lu}(?=[\\p{Ll}\\d&]*[\\p{Lu}\\d])[\\p{L}\\d&]*)(?![\\p{L}\\d&])';
/**
 * State form: `137/UBND-TTPVHCC`, `118/2025/NĐ-CP`, `66.7/2025/NQ-CP`, `518/ UBND- TTPVHCC`,
 * `409\n/TTr-SNN`, `48/2017-TT-BYT` (year joined by a hyphen), `88/2016/TTLT/BTC-BTNMT`, `823/PV11(CS)`.
 */
const STATE_NUMBER =
  `(?<num>\\d{1,5}(?:\\.\\d{1,3}|[a-zđA-Z](?=${J}/))?)${J}/${J}(?:(?<year>(?:19|20)\\d{2})(?:${J}[/-]${J}|(?=\\p{Lu})))?` +
  `(?<sym>${CODE}(?:${H}*-${J}${SEGMENT}|/${CODE})*(?:\\(\\p{Lu}{1,6}\\))?)`;
/** Party form: `183-KL/TW`, `02-KH/BCĐTW`, `57- NQ/TW`, also `183-` at a line end and `KL/TW` on the next. */
const PARTY_NUMBER = `(?<pnum>\\d{1,5})${H}*-${J}(?<psym>${CODE}${H}*/${H}*${CODE}(?:-${CODE})*)`;
const DOC_NUMBER = `(?:${PARTY_NUMBER}|${STATE_NUMBER})`;

/** The written kinds as a case-tolerant alternation (longest first: `Thông tư liên tịch` first). */
const KIND_SOURCE = byFirstLetter(
  [...KIND_BY_FORM.keys()]
    .sort((a, b) => b.length - a.length)
    .flatMap((form) => caseVariants(form))
    .map((v) => v.split(' ').map(escapeRegex).join('\\s+')),
);
/** `số` (number), which is often left out; `số142/2018/…` is written too. */
const SO = `(?:số|Số|SỐ)(?![\\p{L}])${H}*:?`;
/** `số` as OCR misreads it (`sô`, `sổ`, `so`): only between a kind word and a number. */
const SO_OCR = `(?:số|Số|SỐ|sô|Sô|SÔ|sổ|sồ|sỗ|sộ|so|So)(?![\\p{L}])${H}*:?`;
/**
 * Type codes written as the kind: `QĐ số 2490/QĐ-BNN`, `VB số 10781/VPCP-CN` (with `số`), `QĐ
 * 270/QĐ- TTg` (without `số` only when the symbol's type code is the same).
 */
const ABBREVIATIONS: Record<string, string> = {
  QĐ: 'Quyết định', NĐ: 'Nghị định', NQ: 'Nghị quyết', TT: 'Thông tư', CT: 'Chỉ thị', KH: 'Kế hoạch', TB: 'Thông báo',
  CV: 'Công văn', BC: 'Báo cáo', TTr: 'Tờ trình', HD: 'Hướng dẫn', KL: 'Kết luận', VB: 'Văn bản',
};

const KIND_REFERENCE = new RegExp(
  `(?:(?<kind>${KIND_SOURCE})(?![\\p{L}\\d])(?:[\\s*_]+(?<so>${SO_OCR}))?|(?<abbr>${Object.keys(ABBREVIATIONS).join('|')})(?![\\p{L}\\d])(?:${H}+(?<aso>${SO}))?)` +
    `[\\s*_]*${DOC_NUMBER}`,
  'gu',
);
/** A number whose symbol opens with a known type code, with no kind word before it. */
const TYPE_CODES = [...KIND_BY_CODE.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
const BARE_REFERENCE = new RegExp(
  `(?:(?<pnum>\\d{1,4})-(?<psym>(?:${TYPE_CODES})/${CODE}(?:-${CODE})*)` +
    `|(?<num>\\d{1,5}(?:\\.\\d{1,3})?)/(?:(?<year>(?:19|20)\\d{2})/)?(?<sym>(?:${TYPE_CODES})(?:-${CODE})+))`,
  'gu',
);
/** `số <number>` with no kind word right before it (the kind stands further back, or in a list). */
const SO_REFERENCE = new RegExp(`(?<so>${SO})[\\s*_]*${DOC_NUMBER}`, 'gu');
/**
 * A number with no `số` after a list separator (`các công văn số 695/TCHQ-GSQL ngày 05/02/2021,
 * 4032/TCHQ-GSQL ngày 16/8/2021 và 1238/GSQL-GQ2`): an item of the list before it, or nothing.
 */
const CONTINUED_REFERENCE = new RegExp(`(?:,|;|(?<![\\p{L}])và)[ \\t*_]*(?:\\n[ \\t*_]*)?${STATE_NUMBER}`, 'gu');
/** Any kind word (global, for the backward scan of a clause). */
const KIND_ANY = new RegExp(`(?<![\\p{L}\\d])(?:${KIND_SOURCE})(?![\\p{L}\\d])`, 'gu');
/** A kind at a given position (sticky). */
const KIND_AT = new RegExp(`(?:${KIND_SOURCE})(?![\\p{L}\\d])`, 'uy');
const DOC_NUMBER_ONLY = new RegExp(`^\\s*${DOC_NUMBER}\\s*$`, 'u');
/**
 * The header's number line before a number: `Số: 120/BC-UBND`, `Số 2696/QĐ-UBND`, OCR `S06:`,
 * `Sô:`, at the start of a line or table cell, or `Số:` anywhere (two columns merged on one line:
 * `ỦY BAN NHÂN DÂN Số: 120/BC-UBND`) (text before the match, to its end).
 */
const NUMBER_LINE_BEFORE =
  /(?:(?:^|\n)[ \t|*_#]*(?:Số|SỐ|Sô|S[\p{Ll}0-9]{1,2}(?=[ \t]*:))[ \t]*:?|(?<![\p{L}])(?:Số|SỐ)[ \t]*:)[ \t*_]*(?:\n[ \t*_]*)?$/u;
const NUMBER_LINE = new RegExp(
  `(?:(?:^|\\n)[ \\t|*_#]*(?:Số|SỐ|Sô|S[\\p{Ll}0-9]{1,2}(?=[ \\t]*:))[ \\t]*:?|(?<![\\p{L}])(?:Số|SỐ)[ \\t]*:)[ \\t*_]*(?:\\n[ \\t*_]*)?${DOC_NUMBER}`,
  'u',
);

/** The date right after a number: `ngày 23/01/2026`, `, ngày 05/9/2025`, `ngày\n19/6/2025`, `NGÀY 21/3/2016`, `(ngày 20/11/2025)`. */
const DATE_AFTER = new RegExp(`${H}*[,(]?${H}*(?:\\n${H}*)?[*_]*ngày[\\s*_]+(?<date>${DATE_SOURCE})`, 'uyi');
/**
 * A date (and body) before the reference, in the clause `ngày 23/12/2025, <body> đã ban hành
 * <reference>` (on 23/12/2025 <body> issued <reference>); also `… có`, `… gửi`, `… ký` (`Ngày
 * 05/11/2025, VPCP có VB số 10781/VPCP-CN`).
 */
const CLAUSE_BEFORE = new RegExp(
  `[Nn]gày\\s+(?<date>${DATE_SOURCE})${H}*,${H}*(?<between>(?:[^.;\\n]|\\n(?![ \\t]*\\n)){0,160}?)\\s*(?:đã\\s+)?(?:ký\\s+)?(?:ban hành|phát hành|có|gửi|ký)\\s+$`,
  'ud',
);
/** What joins the items of a coordinated list: `và`, `,`, `, và`. */
const COORDINATED = /^[\s*_]*(?:,[\s*_]*(?:và[\s*_]+)?|và[\s*_]+)$/u;
/** `của` (of) opening the issuing body. */
const OF = new RegExp(`${H}*,?${H}*(?:\\n${H}*)?của(?:${H}+|${H}*\\n${H}*)`, 'uy');
/** One word of a body's name, after a space or a single line break. */
const NAME_WORD = new RegExp(`(?:${H}+|${H}*\\n${H}*)(?<word>[\\p{L}\\d]+)`, 'uy');
const FIRST_WORD = /(?<word>[\p{L}\d]+)/uy;
/**
 * Words that head some other numbered thing (`Mẫu số 01/…`, `Phụ lục số 2`, `Điều`, `khoản`): a
 * `số` after one of them is not the number of the document a kind word further back names.
 */
const NOT_A_NAME = /(?<![\p{L}])(?:mẫu|biểu|phụ lục|điều|khoản|điểm|mục|chương|phần|tờ khai|thứ tự|tài khoản|điện thoại|hộp thư)[\s*_]*$/iu;
/**
 * Kinds that are also everyday words (`theo quy định`, `hướng dẫn`, `báo cáo`): written in lower
 * case they never head a named mention.
 */
const COMMON_WORD_KINDS = new Set(['Quy định', 'Hướng dẫn', 'Thông báo', 'Kết luận', 'Báo cáo', 'Chương trình', 'Đề án', 'Pháp lệnh']);
/** A kind word right before a position (`Thông báo` of `Thông báo kết luận số 12/TB-UBND`). */
const KIND_BEFORE = new RegExp(`(?<![\\p{L}\\d])(?<kind>${KIND_SOURCE})[\\s*_]+$`, 'u');
/** A sentence or paragraph ends: `. Sau đó`, a blank line. */
const SENTENCE_END = /[.!?][\s*_]+\p{Lu}|\n[ \t*_]*\n/u;
/**
 * Where a clause begins, looking back from a `số`: punctuation, a digit (not of `năm 2024` in a
 * law's name), a bracket, a table cell, a blank line.
 */
const CLAUSE_BOUNDARY = /[;:()[\]|]|(?<!năm[ \t]+\d{0,3})\d|[.!?](?=[\s*_])|\n[ \t*_]*\n/gu;
/** Longest name (in words) between a kind and its `số`: laws have long names, others short ones. */
const NAME_WORDS: Record<string, number> = { 'Luật': 30, 'Bộ luật': 30, 'Pháp lệnh': 30 };
const NAME_WORDS_OTHER = 10;

// ---------------------------------------------------------------------------------------------
// Parsers and refiners

interface Candidate {
  start: number;
  end: number;
  /** Canonical kind, or null when no kind word precedes the number. */
  kind: string | null;
  doc: DocumentNumber;
  /** The symbol was written with spaces (`518/ UBND- TTPVHCC`). */
  spaced: boolean;
  /** Kind, number and symbol run across a line break. */
  multiline: boolean;
  /** A kind word without `số`. */
  noSo: boolean;
  /** A name stands between the kind and `số` (`Luật Đất đai số …`). */
  named: boolean;
  /**
   * A `số <number>` whose kind is not settled yet: `list` when a colon introduced it (`các Văn bản:
   * số …`), `orphan` when no kind word was found in its clause (a list item after `,`/`;` takes the
   * kind of the item before; failing that, the type code's).
   */
  pending: 'list' | 'orphan' | null;
  /** Kind taken from an earlier item of the same list. */
  listed: boolean;
  /** The kind word is plural (`các Quyết định số …`, `các văn bản số: …`): a list follows. */
  listHead: boolean;
  /** A number after a list separator with no `số`: kept only as an item of the list before it. */
  continued: boolean;
  /** Where the number itself begins (a pending `số …` that keeps no kind word starts there). */
  numberStart: number;
  date: string | null;
  /** The date came from a `ngày …, … ban hành` clause before the reference. */
  dateBefore: boolean;
  /** The date is the one stated once after a coordinated list. */
  dateShared: boolean;
  issuer: string | null;
}

interface Parser {
  name: string;
  pattern: RegExp;
  /**
   * Characters that may not come right before a match (checked in the loop, not by a lookbehind,
   * which keeps the regex engine from skipping ahead to the pattern's first letter).
   */
  notAfter: RegExp;
  extract(match: RegExpExecArray): Candidate | null;
}

type Refiner = (candidates: Candidate[], text: string) => Candidate[];

const kindParser: Parser = {
  name: 'kind-number',
  pattern: KIND_REFERENCE,
  notAfter: /[\p{L}\p{N}]/u,
  extract(m) {
    const g = m.groups!;
    const doc = documentNumberOf(g);
    if (!doc) return null;
    const kind = g.abbr !== undefined ? (ABBREVIATIONS[g.abbr] ?? null) : (KIND_BY_FORM.get(g.kind!.replace(/\s+/g, ' ').toLowerCase()) ?? null);
    if (kind === null) return null;
    // `QĐ 270/QĐ-TTg`: an abbreviation without `số` only before its own type code
    if (g.abbr !== undefined && g.aso === undefined && doc.typeCode !== g.abbr) return null;
    const c = candidate(m, kind, doc, g.kind !== undefined && g.so === undefined);
    return atNumberLine(m.input, c.start) ? null : widenKind(m.input, c);
  },
};

const bareParser: Parser = {
  name: 'bare-number',
  pattern: BARE_REFERENCE,
  notAfter: /[\p{L}\p{N}./-]/u,
  extract(m) {
    // `Số: 120/BC-UBND` is the document's own number in its header, not a citation
    if (atNumberLine(m.input, m.index)) return null;
    const doc = documentNumberOf(m.groups!);
    if (!doc) return null;
    return candidate(m, null, doc, false);
  },
};

/**
 * `số <number>` with no kind word right before it: the kind is the nearest kind word back in the
 * same clause (`Luật Tổ chức chính quyền địa phương số 72/2025/QH15`), or it is settled later from
 * the list it stands in.
 */
const namedParser: Parser = {
  name: 'named-number',
  pattern: SO_REFERENCE,
  notAfter: /[\p{L}\p{N}]/u,
  extract(m) {
    const text = m.input;
    if (atNumberLine(text, m.index + Math.max(0, m[0].search(/\d/u)))) return null;
    // `tại văn bản số 661/…`: a kind word right before `số` is the kind parser's, except the
    // `luật` that ends a law's name (`Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15`)
    const before = KIND_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (before && before.groups!.kind !== 'luật') return null;
    const doc = documentNumberOf(m.groups!);
    if (!doc) return null;
    const c = candidate(m, null, doc, false);
    const clause = clauseBefore(text, m.index);
    const head = clause.listIntro ? null : kindHeading(text, clause.from, m.index);
    if (head) return widenKind(text, { ...c, start: head.start, kind: head.kind, named: true, multiline: text.slice(head.start, c.end).includes('\n') });
    if (clause.listIntro) {
      const intro = kindHeading(text, clause.from, clause.listIntro);
      if (intro) return { ...c, kind: intro.kind, pending: 'list' };
    }
    return { ...c, pending: 'orphan' };
  },
};

const continuedParser: Parser = {
  name: 'continued-number',
  pattern: CONTINUED_REFERENCE,
  // the separator may follow anything (a date's year: `ngày 05/02/2021, 4032/…`)
  notAfter: /(?!)/u,
  extract(m) {
    const doc = documentNumberOf(m.groups!);
    if (!doc) return null;
    const c = candidate(m, null, doc, false);
    return { ...c, start: c.numberStart, pending: 'orphan', continued: true, listHead: false };
  },
};

/** When two candidates overlap, keep the one that starts first, then the longer one. */
const dropNested: Refiner = (cs) => {
  const sorted = [...cs].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) continue;
    out.push(c);
  }
  return out;
};

const attachDateAfter: Refiner = (cs, text) =>
  cs.map((c) => {
    DATE_AFTER.lastIndex = c.end;
    const m = DATE_AFTER.exec(text);
    const date = m ? parseDate(m.groups!.date!) : null;
    if (!m || !date) return c;
    return { ...c, date, end: m.index + m[0].length };
  });

/**
 * A `số <number>` in a list takes the kind of the list: of its colon intro (`các Nghị quyết của
 * Quốc hội: số 55/…; số 28/…`), or of the item before it when only `,`, `;` or `và` stand between
 * (`Quyết định số 1/QĐ-UBND, số 2/QĐ-UBND`). Items after a list intro may carry their own clauses
 * (`số 55/2010/QH12 ngày … về miễn, giảm thuế …; số 28/2016/QH14`). What is left keeps the kind of
 * its type code, or is no reference.
 */
const settleLists: Refiner = (cs, text) => {
  const out: Candidate[] = [];
  for (const c of cs) {
    if (c.pending === 'list') {
      out.push({ ...c, pending: null, listed: true });
      continue;
    }
    if (c.pending !== 'orphan') {
      out.push(c);
      continue;
    }
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, c.start) : '';
    const joined =
      (/^[\s*_]*(?:[,;][\s*_]*)?(?:và[\s*_]+)?$/u.test(gap) && /[,;]|và/u.test(gap)) ||
      // `Công văn số 1/UBND-VP của UBND tỉnh, số 2/UBND-VP`: the body of the item before
      (/^[\s*_]*,?[\s*_]*của[\s*_]+[^,;:.()\d]{2,80}?[,;][\s*_]*(?:và[\s*_]+)?$/u.test(gap) && prev !== undefined && bodyName(text, prev.end + gap.indexOf('của') + 4) !== null);
    // the last item of the list this `số` may continue: its clauses may hold other citations
    const item = [...out].reverse().find((o) => o.listed || o.listHead);
    const itemGap = item ? text.slice(item.end, c.start) : '';
    const inList =
      item !== undefined && /[,;][\s*_]*(?:và[\s*_]+)?$/u.test(itemGap) && itemGap.length < 400 && !SENTENCE_END.test(itemGap) && !itemGap.includes(':');
    if (prev && prev.kind !== null && joined) out.push({ ...c, kind: prev.kind, pending: null, listed: true });
    else if (inList && item.kind !== null) out.push({ ...c, kind: item.kind, pending: null, listed: true });
    else if (c.doc.typeCode !== null && !c.continued) out.push({ ...c, start: c.numberStart, pending: null });
  }
  return out;
};

const attachClauseBefore: Refiner = (cs, text) =>
  cs.map((c, i) => {
    if (c.date) return c;
    const from = Math.max(i > 0 ? cs[i - 1]!.end : 0, c.start - 240);
    const m = CLAUSE_BEFORE.exec(text.slice(from, c.start));
    const date = m ? parseDate(m.groups!.date!) : null;
    if (!m || !date || /ngày\s+\d/u.test(m.groups!.between!)) return c;
    // the body is the whole subject of the clause, or nothing
    const bStart = m.indices!.groups!.between![0];
    const body = bodyName(text, from + bStart);
    const issuer = body !== null && body === m.groups!.between!.replace(/\s+/g, ' ').trim() ? body : null;
    return { ...c, date, dateBefore: true, issuer: c.issuer ?? issuer };
  });

/**
 * `Quyết định số 72/QĐ-UBND và Kế hoạch số 04/KH-UBND ngày 20/01/2022`: the date stated after the
 * last item belongs to each item before it that has none, when only `và` or `,` joins them (so
 * never across a clause or a sentence), both come from one issuing body (the issuer code: `UBND`,
 * `CP`, `TU`) and the year in an item's number does not contradict it. A date a clause states
 * before the first item goes forward the same way.
 */
const shareCoordinatedDate: Refiner = (cs, text) => {
  const out = [...cs];
  for (let i = out.length - 2; i >= 0; i--) {
    const c = out[i]!;
    const next = out[i + 1]!;
    if (c.date || !next.date || next.dateBefore || !COORDINATED.test(text.slice(c.end, next.start))) continue;
    if (c.doc.year !== null && String(c.doc.year) !== next.date.slice(0, 4)) continue;
    // issued together means issued by one body: `Luật Đất đai số 31/2024/QH15 và Nghị định số
    // 103/2024/NĐ-CP ngày 30/7/2024` dates the decree only
    if (issuerFamily(c) !== issuerFamily(next)) continue;
    out[i] = { ...c, date: next.date, dateShared: true };
  }
  // `Ngày 20/01/2022, UBND tỉnh ban hành Quyết định số 72/QĐ-UBND và Kế hoạch số 04/KH-UBND`: the
  // date of the clause before goes forward to the items joined to the first
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const c = out[i]!;
    if (c.date || !prev.date || !prev.dateBefore || !COORDINATED.test(text.slice(prev.end, c.start))) continue;
    if (c.doc.year !== null && String(c.doc.year) !== prev.date.slice(0, 4)) continue;
    if (issuerFamily(c) !== issuerFamily(prev)) continue;
    out[i] = { ...c, date: prev.date, dateBefore: true };
  }
  return out;
};

const attachIssuer: Refiner = (cs, text) =>
  cs.map((c) => {
    OF.lastIndex = c.end;
    const m = OF.exec(text);
    if (!m) return c;
    const body = bodyNameAt(text, m.index + m[0].length);
    if (!body) return c;
    // `Quyết định số 411/QĐ-TTg của Thủ tướng Chính phủ ngày 31/3/2022`: the date after the body
    if (c.date === null) {
      DATE_AFTER.lastIndex = body.end;
      const d = DATE_AFTER.exec(text);
      const date = d ? parseDate(d.groups!.date!) : null;
      if (date) return { ...c, issuer: body.name, date };
    }
    return { ...c, issuer: body.name };
  });

/** The configuration: parsers in order, then refiners in order. */
const CONFIGURATION: { parsers: Parser[]; refiners: Refiner[] } = {
  parsers: [kindParser, namedParser, bareParser, continuedParser],
  refiners: [dropNested, attachDateAfter, settleLists, attachClauseBefore, shareCoordinatedDate, attachIssuer],
};

// ---------------------------------------------------------------------------------------------
// API

/** Number, year, symbol and its codes of `137/UBND-TTPVHCC`, `183-KL/TW`, `66.7/2025/NQ-CP`. */
export function parseDocumentNumber(s: string): DocumentNumber | null {
  const m = DOC_NUMBER_ONLY.exec(s);
  return m ? documentNumberOf(m.groups!) : null;
}

/**
 * The document's own number, as its header gives it (`Số: 2003/QĐ-UBND`), and its date (the
 * segment stage's header fits as it is).
 */
export interface OwnNumber {
  number: string | null;
  /** `QĐ-UBND`; a year before it (`2025/QĐ-UBND`) is allowed. */
  symbol: string | null;
  /** The document's date (ISO or parts), when known: a mention dated otherwise is another document. */
  date?: string | { year: number | null; month: number | null; day: number | null } | null;
}

/**
 * Every cited document in a text; spans index into it; ids r1, r2… in text order. `own` is the
 * document's own number (from its header): mentions of it are not citations. The number line at
 * the head of the text is read as well, so the own number is known even when the header reader
 * missed it.
 */
export function findReferences(original: string, own?: OwnNumber | null): Reference[] {
  // Markdown emphasis left over after normalisation (`năm* *2025`, `số *102`) becomes space, so
  // that every pattern reads through it; offsets are unchanged
  const text = original.replace(/[*_]/gu, ' ');
  let candidates: Candidate[] = [];
  for (const p of CONFIGURATION.parsers) {
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      if (m.index > 0 && p.notAfter.test(text[m.index - 1]!)) {
        p.pattern.lastIndex = m.index + 1;
        continue;
      }
      const c = p.extract(m);
      if (c) candidates.push(c);
    }
  }
  for (const refine of CONFIGURATION.refiners) candidates = refine(candidates, text);
  const owns = ownNumbers(text, own);
  return toReferences(candidates.filter((c) => !owns.some((o) => isOwn(c, o) || (inCaption(text, c.start) && isOwnCaptioned(c, o)))));
}

// ---------------------------------------------------------------------------------------------
// Helpers

function candidate(m: RegExpExecArray, kind: string | null, doc: DocumentNumber, noSo: boolean): Candidate {
  const g = m.groups!;
  const symbolText = g.psym ?? g.sym ?? '';
  return {
    start: m.index,
    end: m.index + m[0].length,
    kind,
    doc,
    spaced: /[ \t\u00a0]/.test(symbolText) || /[ \t\u00a0]\//.test(m[0]) || /\/[ \t\u00a0]/.test(m[0]),
    multiline: m[0].includes('\n'),
    noSo: kind !== null && noSo,
    numberStart: m.index + Math.max(0, m[0].search(/\d/u)),
    named: false,
    pending: null,
    listed: false,
    listHead: /(?:^|[^\p{L}])(?:các|những|Các|Những)[ \t\n*_]+$/u.test(m.input.slice(Math.max(0, m.index - 8), m.index)),
    continued: false,
    date: null,
    dateBefore: false,
    dateShared: false,
    issuer: null,
  };
}

/** Whether a number starting at `at` stands on the header's number line (`Số: 120/BC-UBND`, `S06: …`). */
function atNumberLine(text: string, at: number): boolean {
  const from = Math.max(0, at - 24);
  return NUMBER_LINE_BEFORE.test((from === 0 ? '\n' : '') + text.slice(from, at));
}

/**
 * The clause a `số` at `at` stands in, looking back: where it begins, and the position of a colon
 * right before the `số` when one introduces a list (`các Văn bản: số …`).
 */
function clauseBefore(text: string, at: number): { from: number; listIntro: number | null } {
  const windowStart = Math.max(0, at - 400);
  const before = text.slice(windowStart, at);
  const colon = /:[\s*_]*$/u.exec(before);
  const end = colon ? colon.index : before.length;
  let from = 0;
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m = CLAUSE_BOUNDARY.exec(before); m && m.index < end; m = CLAUSE_BOUNDARY.exec(before)) from = m.index + m[0].length;
  return { from: windowStart + from, listIntro: colon ? windowStart + colon.index : null };
}

/**
 * The kind word that heads the name before a `số` (`Luật` of `Luật Tổ chức chính quyền địa phương
 * số`): the last capitalised kind word of the clause, else (or when its name would be too long)
 * the last lower-case one that is not an everyday word; null when no name fits or the `số` numbers
 * something else (`Mẫu số`).
 */
function kindHeading(text: string, from: number, to: number): { start: number; kind: string } | null {
  const clause = text.slice(from, to);
  if (NOT_A_NAME.test(clause)) return null;
  let capital: RegExpExecArray | null = null;
  let lower: RegExpExecArray | null = null;
  KIND_ANY.lastIndex = 0;
  for (let m = KIND_ANY.exec(clause); m; m = KIND_ANY.exec(clause)) {
    if (/^\p{Lu}/u.test(m[0])) capital = m;
    else if (!COMMON_WORD_KINDS.has(KIND_BY_FORM.get(m[0].replace(/\s+/g, ' ').toLowerCase()) ?? '')) lower = m;
  }
  // the capitalised head when its name is not too long, else the nearer lower-case one (`Luật sửa
  // đổi, bổ sung … của luật chứng khoán, …, luật xử lý vi phạm hành chính số 56/2024/QH15`)
  for (const m of [capital, lower]) {
    if (!m) continue;
    const kind = KIND_BY_FORM.get(m[0].replace(/\s+/g, ' ').toLowerCase())!;
    const name = clause.slice(m.index + m[0].length);
    const words = name.split(/[\s*_]+/u).filter((w) => /[\p{L}\d]/u.test(w)).length;
    if (words <= (NAME_WORDS[kind] ?? NAME_WORDS_OTHER)) return { start: from + m.index, kind };
  }
  return null;
}

/**
 * `Thông báo kết luận số 12/TB-UBND`: when the kind word found is preceded by another kind word that
 * the symbol's type code names, the mention is of that kind.
 */
function widenKind(text: string, c: Candidate): Candidate {
  if (c.kind === null || c.doc.typeCode === null) return c;
  const codeKind = KIND_BY_CODE.get(c.doc.typeCode);
  if (!codeKind || codeKind === c.kind) return c;
  const from = Math.max(0, c.start - 40);
  const m = KIND_BEFORE.exec(text.slice(from, c.start));
  if (!m || KIND_BY_FORM.get(m.groups!.kind!.replace(/\s+/g, ' ').toLowerCase()) !== codeKind) return c;
  return { ...c, kind: codeKind, start: from + m.index, named: true };
}

interface Own {
  number: string;
  symbol: string;
  year: number | null;
  date: string | null;
}

/** The own numbers to drop: the one given and the one the text's number line reads. */
function ownNumbers(text: string, own: OwnNumber | null | undefined): Own[] {
  const out: Own[] = [];
  const d = own?.date;
  const head = text.slice(0, 1500);
  const placeDate = PLACE_DATE.exec(head);
  const date =
    (typeof d === 'string' ? d : d?.year && d.month && d.day ? isoDate(d.year, d.month, d.day) : null) ??
    (placeDate ? parseDate(placeDate.groups!.date!) : null);
  if (own?.number && own.symbol) {
    const m = /^\s*(?:(?<year>(?:19|20)\d{2})\s*\/\s*)?(?<symbol>.+)$/u.exec(own.symbol)!;
    out.push({ number: own.number, symbol: normaliseSymbol(m.groups!.symbol!), year: m.groups!.year ? Number(m.groups!.year) : null, date });
  }
  const line = NUMBER_LINE.exec(text.slice(0, 4000));
  const doc = line ? documentNumberOf(line.groups!) : null;
  if (doc?.symbol) out.push({ number: doc.number, symbol: normaliseSymbol(doc.symbol), year: doc.year, date });
  return out;
}

function isOwn(c: Candidate, o: Own): boolean {
  if (stripZeros(c.doc.number) !== stripZeros(o.number) || normaliseSymbol(c.doc.symbol ?? '') !== o.symbol) return false;
  if (c.doc.year !== null && o.year !== null && c.doc.year !== o.year) return false;
  if (c.date !== null && o.date !== null && c.date !== o.date) return false;
  return true;
}

/**
 * An appendix caption (`(Kèm theo …`, `(Ban hành kèm theo …`, `(Ban hành theo …`) names the
 * document the appendix belongs to: `(Kèm theo Quyết định số 203/QĐ-UBND
 * ngày 28 tháng 11 năm 2025 …)` after the signature of Quyết định 2031/QĐ-UBND of that day is the
 * document itself, its number misprinted. A mention at the head of such a caption is the own number
 * when its number or its date agrees.
 */
const APPENDIX_CAPTION = /(?:^|\n)[ \t#|]*\([ \t]*(?:(?:Ban hành[ \t]+)?[Kk]èm[ \t]+theo|Ban hành[ \t]+theo)[ \t]+$/u;

/** The place–date line of the header (`Cao Bằng, ngày 28\ntháng 11 năm 2025`), when the header gave no date. */
const PLACE_DATE = new RegExp(`(?:^|\\n)[ \\t|#*_]*\\p{Lu}[\\p{L} .'’-]{1,40},[ \\t]*ngày\\s+(?<date>${DATE_SOURCE})`, 'u');

function inCaption(text: string, at: number): boolean {
  return APPENDIX_CAPTION.test((at < 60 ? '\n' : '') + text.slice(Math.max(0, at - 60), at));
}

function isOwnCaptioned(c: Candidate, o: Own): boolean {
  if (stripZeros(c.doc.number) === stripZeros(o.number)) return true;
  return c.date !== null && c.date === o.date && (c.doc.typeCode ?? '').toUpperCase() === (o.symbol.split('-')[0] ?? '');
}

function normaliseSymbol(s: string): string {
  return s.replace(/[\s*_]+/gu, '').toUpperCase();
}

function stripZeros(n: string): string {
  return n.replace(/^0+(?=\d)/u, '');
}

function documentNumberOf(g: Record<string, string | undefined>): DocumentNumber | null {
  if (g.pnum !== undefined && g.psym !== undefined) {
    const symbol = g.psym.replace(/[\s*_]+/gu, '');
    const slash = symbol.indexOf('/');
    return { number: g.pnum, year: null, symbol, typeCode: symbol.slice(0, slash), issuerCode: symbol.slice(slash + 1) };
  }
  if (g.num === undefined || g.sym === undefined) return null;
  const symbol = g.sym.replace(/[\s*_]+/gu, '');
  const parts = symbol.split('-');
  const typed = parts.length > 1 && KIND_BY_CODE.has(parts[0]!);
  return {
    number: g.num,
    year: g.year !== undefined ? Number(g.year) : null,
    symbol,
    typeCode: typed ? parts[0]! : null,
    issuerCode: typed ? parts.slice(1).join('-') : symbol,
  };
}

/** The name of a body starting at `at` (`Thủ tướng Chính phủ`), or null if none starts there. */
function bodyName(text: string, at: number): string | null {
  return bodyNameAt(text, at)?.name ?? null;
}

/** The name of a body starting at `at` and where it ends. */
function bodyNameAt(text: string, at: number): { name: string; end: number } | null {
  FIRST_WORD.lastIndex = at;
  const first = FIRST_WORD.exec(text);
  if (!first || !isCapitalised(first.groups!.word!)) return null;
  const words = [first.groups!.word!];
  let pos = FIRST_WORD.lastIndex;
  while (words.length < 12) {
    NAME_WORD.lastIndex = pos;
    const m = NAME_WORD.exec(text);
    if (!m) break;
    const word = m.groups!.word!;
    const end = m.index + m[0].length;
    const prev = words[words.length - 1]!;
    if (!isCapitalised(word) && endsName(word, text, end)) break;
    // a lower-case syllable continues a capitalised word (`Chính phủ`, `Nông nghiệp`) or is one of
    // the unit words (`nhân dân`, `thành phố`): `của Chính phủ sửa đổi…` ends at `phủ`
    if (/^\p{Ll}/u.test(word) && word !== 'và' && !isCapitalised(prev) && !NAME_LOWER.has(word)) break;
    // a number only names a district or ward (`Quận 5`); else it is a footnote mark
    if (/^\d+$/u.test(word) && !/^(?:quận|phường|Quận|Phường)$/u.test(prev)) break;
    // `của Chính phủ và Quyết định số …`: the next citation is not part of the name
    KIND_AT.lastIndex = end - word.length;
    if (KIND_AT.test(text)) break;
    words.push(word);
    pos = end;
  }
  if (words[words.length - 1] === 'và') {
    words.pop();
    pos = text.lastIndexOf('và', pos);
  }
  const name = words.join(' ');
  return ISSUER_HEADS.some((h) => name === h || name.startsWith(h + ' ')) ? { name, end: pos } : null;
}

/** Lower-case syllables that may follow another lower-case one inside a body's name. */
const NAME_LOWER = new Set(['nhân', 'dân', 'tỉnh', 'thành', 'phố', 'xã', 'phường', 'huyện', 'quận', 'thị', 'trấn', 'đặc', 'khu', 'hành', 'chính', 'công', 'nhà', 'nước', 'sát', 'tối', 'cao', 'thư', 'vụ', 'ủy', 'uỷ']);

/** Whether a lower-case word (and the one after it) ends a body's name. */
function endsName(word: string, text: string, after: number): boolean {
  NAME_WORD.lastIndex = after;
  const next = NAME_WORD.exec(text)?.groups!.word ?? '';
  if (word === 'và') return !isCapitalised(next);
  return ISSUER_STOPS.has(word) || ISSUER_STOPS.has(`${word} ${next}`);
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word);
}

function toReferences(cs: Candidate[]): Reference[] {
  const keyKindOf = (c: Candidate): string =>
    (c.doc.typeCode ? KIND_BY_CODE.get(c.doc.typeCode) : undefined) ??
    (c.kind === 'Văn bản' || c.kind === null ? 'Công văn' : c.kind);
  const yearOf = (c: Candidate): number | null => c.doc.year ?? (c.date ? Number(c.date.slice(0, 4)) : null);
  const series = (c: Candidate) => `${keyKindOf(c)}|${c.doc.number}|${(c.doc.symbol ?? '').toUpperCase()}`;
  // the years each series is cited with: an undated mention borrows the year only when they agree
  const years = new Map<string, Set<number>>();
  for (const c of cs) {
    const y = yearOf(c);
    if (y === null) continue;
    const s = years.get(series(c)) ?? new Set<number>();
    s.add(y);
    years.set(series(c), s);
  }
  return cs.map((c, i) => {
    const known = years.get(series(c));
    const keyYear = yearOf(c) ?? (known && known.size === 1 ? [...known][0]! : null);
    const [head, number, symbol] = series(c).split('|');
    return {
      id: `r${i + 1}`,
      kind: c.kind ?? keyKindOf(c),
      number: c.doc.number,
      year: c.doc.year,
      symbol: c.doc.symbol,
      typeCode: c.doc.typeCode,
      issuerCode: c.doc.issuerCode,
      issuer: c.issuer ?? issuerOfCode(c.doc.issuerCode),
      date: c.date,
      key: `${head}|${number}|${keyYear ?? ''}|${symbol}`,
      confidence: confidenceOf(c),
      span: { start: c.start, end: c.end },
    };
  });
}

/** The issuing body's code without its term or office: `UBND` of `UBND-TTPVHCC`, `QH` of `QH15`. */
function issuerFamily(c: Candidate): string {
  return (c.doc.issuerCode ?? '').split(/[-/]/u)[0]!.replace(/\d+$/u, '').toUpperCase();
}

function issuerOfCode(code: string | null): string | null {
  if (!code) return null;
  const first = code.split('-')[0]!;
  return ISSUER_BY_CODE.get(first) ?? ISSUER_BY_CODE.get(first.replace(/\d+$/, '')) ?? null;
}

/**
 * How sure we are that this is a citation read right. Each weakness costs a fixed amount:
 * no kind word (kind taken from the type code) 0.2, a type code that contradicts the kind word
 * 0.15, no date 0.07 (0.05 when the date came from an earlier clause, 0.03 when it is the date
 * stated once after a coordinated list), a spaced symbol 0.05, a line break inside 0.03, no `số`
 * 0.02, a name between kind and number 0.02, the kind taken from an earlier item of a list 0.05.
 */
function confidenceOf(c: Candidate): number {
  let p = 0.97;
  if (c.kind === null) p -= 0.2;
  const codeKind = c.doc.typeCode ? KIND_BY_CODE.get(c.doc.typeCode) : undefined;
  if (c.kind !== null && codeKind && codeKind !== c.kind && c.kind !== 'Văn bản') p -= 0.15;
  if (!c.date) p -= 0.07;
  else if (c.dateBefore) p -= 0.05;
  else if (c.dateShared) p -= 0.03;
  if (c.spaced) p -= 0.05;
  if (c.multiline) p -= 0.03;
  if (c.noSo) p -= 0.02;
  if (c.named) p -= 0.02;
  if (c.listed) p -= 0.05;
  return Math.round(Math.min(0.99, Math.max(0.3, p)) * 100) / 100;
}

function caseVariants(form: string): string[] {
  const lower = form.toLowerCase();
  const sentence = lower.charAt(0).toUpperCase() + lower.slice(1);
  const title = lower.replace(/(^|\s)(\p{L})/gu, (_, s: string, l: string) => s + l.toUpperCase());
  return [...new Set([form, lower, sentence, title, form.toUpperCase()])];
}

/**
 * The alternatives grouped by their first letter, keeping their order within each group
 * (`ax|bz|ay` → `a(?:x|y)|b(?:z)`). It matches exactly as the flat alternation (an alternative
 * whose first letter is not the text's cannot match there, so the order across groups never
 * matters) and lets the engine test one letter where it tried every alternative: the kind scan
 * runs about 1.7× faster.
 */
function byFirstLetter(alternatives: string[]): string {
  const groups = new Map<string, string[]>();
  for (const a of alternatives) {
    const first = String.fromCodePoint(a.codePointAt(0)!);
    if (!/^\p{L}$/u.test(first)) throw new Error(`a kind form must start with a letter: ${a}`);
    const rest = groups.get(first) ?? [];
    rest.push(a.slice(first.length));
    groups.set(first, rest);
  }
  return [...groups].map(([first, rest]) => `${first}(?:${rest.join('|')})`).join('|');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
