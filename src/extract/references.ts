/**
 * Cited directives: `Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của Ủy ban nhân dân thành phố`.
 *
 * Built the chrono-node way: a configuration of small parsers (a pattern and an extract step that
 * returns a typed candidate with its offsets) followed by refiners that each do one thing to the
 * list (drop a candidate nested in another, attach the date that follows, attach the date and
 * body a `ngày …, <body> đã ban hành` clause puts before it, attach `của <body>` after it). Vietnamese words live in
 * `lexicon/reference-kinds.json` and `lexicon/issuers.json`.
 *
 * Decisions:
 * - `typeCode` is the symbol's first segment only when it is a known type code (QĐ, NĐ, NQ, KL…);
 *   a Công văn's symbol has none (`137/UBND-TTPVHCC`: typeCode null, issuerCode `UBND-TTPVHCC`).
 *   Party numbers (`183-KL/TW`) split at the slash: typeCode `KL`, issuerCode `TW`.
 * - `year` is the year inside the number (`118/2025/NĐ-CP`), else the year of the mention's date.
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
import { DATE_SOURCE, parseDate } from './dates.js';
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
 * One code of a symbol (`UBND`, `TTg`, `QH15`, `BCĐTW`): a capital and at least one more capital
 * further on, so an ordinary word (`Sức`, `Về`) is never taken for a code.
 */
const CODE = '\\p{Lu}(?=[\\p{Ll}\\d]*\\p{Lu})[\\p{L}\\d]*(?![\\p{L}\\d])';
/** State form: `137/UBND-TTPVHCC`, `118/2025/NĐ-CP`, `66.7/2025/NQ-CP`, `518/ UBND- TTPVHCC`. */
const STATE_NUMBER =
  `(?<num>\\d{1,5}(?:\\.\\d{1,3})?)${H}*/${H}*(?:(?<year>(?:19|20)\\d{2})${H}*/${H}*)?` +
  `(?<sym>${CODE}(?:${H}*-${H}*${CODE})*)`;
/** Party form: `183-KL/TW`, `02-KH/BCĐTW`, also `183-` at a line end and `KL/TW` on the next. */
const PARTY_NUMBER = `(?<pnum>\\d{1,4})-(?:${H}*\\n${H}*)?(?<psym>${CODE}${H}*/${H}*${CODE}(?:-${CODE})*)`;
const DOC_NUMBER = `(?:${PARTY_NUMBER}|${STATE_NUMBER})`;

/** The written kinds as a case-tolerant alternation (longest first: `Thông tư liên tịch` first). */
const KIND_SOURCE = byFirstLetter(
  [...KIND_BY_FORM.keys()]
    .sort((a, b) => b.length - a.length)
    .flatMap((form) => caseVariants(form))
    .map((v) => v.split(' ').map(escapeRegex).join('\\s+')),
);
/** `số` (number), which is often left out. */
const SO = `(?:số|Số|SỐ)(?![\\p{L}\\d])${H}*:?`;

const KIND_REFERENCE = new RegExp(
  `(?<kind>${KIND_SOURCE})(?![\\p{L}\\d])(?:\\s+(?<so>${SO}))?\\s*${DOC_NUMBER}`,
  'gu',
);
/** A number whose symbol opens with a known type code, with no kind word before it. */
const TYPE_CODES = [...KIND_BY_CODE.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
const BARE_REFERENCE = new RegExp(
  `(?:(?<pnum>\\d{1,4})-(?<psym>(?:${TYPE_CODES})/${CODE}(?:-${CODE})*)` +
    `|(?<num>\\d{1,5}(?:\\.\\d{1,3})?)/(?:(?<year>(?:19|20)\\d{2})/)?(?<sym>(?:${TYPE_CODES})(?:-${CODE})+))`,
  'gu',
);
/** A kind word at a given position (sticky). */
const KIND_AT = new RegExp(`(?:${KIND_SOURCE})(?![\\p{L}\\d])`, 'uy');
const DOC_NUMBER_ONLY = new RegExp(`^\\s*${DOC_NUMBER}\\s*$`, 'u');

/** The date right after a number: `ngày 23/01/2026`, `, ngày 05/9/2025`, `ngày\n19/6/2025`. */
const DATE_AFTER = new RegExp(`${H}*,?${H}*(?:\\n${H}*)?ngày\\s+(?<date>${DATE_SOURCE})`, 'uy');
/**
 * A date (and body) before the reference, in the clause `ngày 23/12/2025, <body> đã ban hành
 * <reference>` (on 23/12/2025 <body> issued <reference>).
 */
const CLAUSE_BEFORE = new RegExp(
  `ngày\\s+(?<date>${DATE_SOURCE})${H}*,${H}*(?<between>[^.;\\n]{0,160}?)\\s*(?:đã\\s+)?(?:ký\\s+)?ban hành\\s+$`,
  'ud',
);
/** `của` (of) opening the issuing body. */
const OF = new RegExp(`${H}*,?${H}*(?:\\n${H}*)?của(?:${H}+|${H}*\\n${H}*)`, 'uy');
/** One word of a body's name, after a space or a single line break. */
const NAME_WORD = new RegExp(`(?:${H}+|${H}*\\n${H}*)(?<word>[\\p{L}\\d]+)`, 'uy');
const FIRST_WORD = /(?<word>[\p{L}\d]+)/uy;

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
  date: string | null;
  /** The date came from a `ngày …, … ban hành` clause before the reference. */
  dateBefore: boolean;
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
    return candidate(m, KIND_BY_FORM.get(g.kind!.replace(/\s+/g, ' ').toLowerCase()) ?? null, doc, g.so === undefined);
  },
};

const bareParser: Parser = {
  name: 'bare-number',
  pattern: BARE_REFERENCE,
  notAfter: /[\p{L}\p{N}./-]/u,
  extract(m) {
    // `Số: 120/BC-UBND` is the document's own number in its header, not a citation
    const before = m.input.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:^|\n)[ \t]*(?:Số|SỐ)[ \t]*:?[ \t]*$/u.test(before) || (m.index < 12 && /^\s*(?:Số|SỐ)/u.test(before))) return null;
    const doc = documentNumberOf(m.groups!);
    if (!doc) return null;
    return candidate(m, null, doc, false);
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

const attachIssuer: Refiner = (cs, text) =>
  cs.map((c) => {
    OF.lastIndex = c.end;
    const m = OF.exec(text);
    if (!m) return c;
    const issuer = bodyName(text, m.index + m[0].length);
    return issuer ? { ...c, issuer } : c;
  });

/** The configuration: parsers in order, then refiners in order. */
const CONFIGURATION: { parsers: Parser[]; refiners: Refiner[] } = {
  parsers: [kindParser, bareParser],
  refiners: [dropNested, attachDateAfter, attachClauseBefore, attachIssuer],
};

// ---------------------------------------------------------------------------------------------
// API

/** Number, year, symbol and its codes of `137/UBND-TTPVHCC`, `183-KL/TW`, `66.7/2025/NQ-CP`. */
export function parseDocumentNumber(s: string): DocumentNumber | null {
  const m = DOC_NUMBER_ONLY.exec(s);
  return m ? documentNumberOf(m.groups!) : null;
}

/** Every cited document in a text; spans index into it; ids r1, r2… in text order. */
export function findReferences(text: string): Reference[] {
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
  return toReferences(candidates);
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
    date: null,
    dateBefore: false,
    issuer: null,
  };
}

function documentNumberOf(g: Record<string, string | undefined>): DocumentNumber | null {
  if (g.pnum !== undefined && g.psym !== undefined) {
    const symbol = g.psym.replace(/\s+/g, '');
    const slash = symbol.indexOf('/');
    return { number: g.pnum, year: null, symbol, typeCode: symbol.slice(0, slash), issuerCode: symbol.slice(slash + 1) };
  }
  if (g.num === undefined || g.sym === undefined) return null;
  const symbol = g.sym.replace(/\s+/g, '');
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
    if (!isCapitalised(word) && endsName(word, text, end)) break;
    // `của Chính phủ và Quyết định số …`: the next citation is not part of the name
    KIND_AT.lastIndex = end - word.length;
    if (KIND_AT.test(text)) break;
    words.push(word);
    pos = end;
  }
  if (words[words.length - 1] === 'và') words.pop();
  const name = words.join(' ');
  return ISSUER_HEADS.some((h) => name === h || name.startsWith(h + ' ')) ? name : null;
}

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
      year: yearOf(c),
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

function issuerOfCode(code: string | null): string | null {
  if (!code) return null;
  const first = code.split('-')[0]!;
  return ISSUER_BY_CODE.get(first) ?? ISSUER_BY_CODE.get(first.replace(/\d+$/, '')) ?? null;
}

/**
 * How sure we are that this is a citation read right. Each weakness costs a fixed amount:
 * no kind word (kind taken from the type code) 0.2, a type code that contradicts the kind word
 * 0.15, no date 0.07 (0.05 when the date came from an earlier clause), a spaced symbol 0.05,
 * a line break inside 0.03, no `số` 0.02.
 */
function confidenceOf(c: Candidate): number {
  let p = 0.97;
  if (c.kind === null) p -= 0.2;
  const codeKind = c.doc.typeCode ? KIND_BY_CODE.get(c.doc.typeCode) : undefined;
  if (c.kind !== null && codeKind && codeKind !== c.kind && c.kind !== 'Văn bản') p -= 0.15;
  if (!c.date) p -= 0.07;
  else if (c.dateBefore) p -= 0.05;
  if (c.spaced) p -= 0.05;
  if (c.multiline) p -= 0.03;
  if (c.noSo) p -= 0.02;
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
