import type { Line } from './lines.js';
import {
  DISTRIBUTION_LINE,
  ISSUER_LINE,
  KIND_TITLES,
  LIST_ITEM,
  MARKDOWN_HEADING,
  MOTTO_LINE,
  NAME_LINE,
  NUMBER_LINE,
  ON_BEHALF_LINE,
  PLACE_DATE_LINE,
  RECIPIENTS_LINE,
  ROLE_LINE,
  SUBJECT_LINE,
  SYMBOL_KIND_CODES,
  UNIT_LEVELS,
} from './patterns.js';
import type { DocumentHeader, ReportingUnit } from './types.js';

export interface HeaderResult {
  header: DocumentHeader;
  /** Index of the first body line. */
  bodyStart: number;
  /** Lines of the closing (distribution list, signer block) that are not body. */
  closing: Set<number>;
}

/** How far into a document the header block may reach, in non-empty lines. */
const HEADER_WINDOW = 25;

const stripHashes = (s: string) => s.replace(MARKDOWN_HEADING, '$<rest>').trim();

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
  const issuerLines: string[] = [];
  let bodyStart = 0;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_WINDOW; i++) {
    const text = stripHashes(lines[i]!.text);
    if (!text) continue;
    seen++;
    const num = NUMBER_LINE.exec(text);
    if (num && header.symbol === null) {
      header.number = num.groups!.number ?? null;
      header.symbol = num.groups!.symbol!.replace(/\s+/g, '');
      bodyStart = i + 1;
      if (!num.groups!.rest) continue;
    }
    const pd = PLACE_DATE_LINE.exec(num?.groups!.rest ?? text);
    if (pd && header.date === null) {
      const g = pd.groups!;
      header.place = g.place!.trim();
      header.date = { year: toInt(g.year), month: toInt(g.month), day: toInt(g.day) };
      bodyStart = i + 1;
      continue;
    }
    if (header.symbol === null && header.date === null && (ISSUER_LINE.test(text) || MOTTO_LINE.test(text))) {
      if (ISSUER_LINE.test(text)) issuerLines.push(text);
      bodyStart = i + 1;
      continue;
    }
    const kindTitle = KIND_TITLES.find(([p]) => p.test(text));
    if (kindTitle && header.title === null) {
      header.kind ??= kindTitle[1];
      const title = collectParagraph(lines, i + 1);
      header.title = title.text;
      bodyStart = title.next;
      i = title.next - 1;
      continue;
    }
    const subject = SUBJECT_LINE.exec(text);
    if (subject && header.title === null) {
      header.kind ??= 'CV';
      const rest = collectParagraph(lines, i + 1, false);
      header.title = [subject.groups!.title!, rest.text].filter(Boolean).join(' ');
      bodyStart = rest.next;
      i = rest.next - 1;
      continue;
    }
    const to = RECIPIENTS_LINE.exec(text);
    if (to) {
      const list = collectList(lines, i + 1);
      header.recipients = [to.groups!.to!, ...list.items].map(cleanListEntry).filter(Boolean);
      bodyStart = list.next;
      break;
    }
    if (header.title !== null || header.symbol !== null) break;
  }

  const kindFromSymbol = header.symbol?.split('-')[0];
  if (kindFromSymbol && SYMBOL_KIND_CODES.has(kindFromSymbol)) header.kind = kindFromSymbol;
  else if (header.symbol && !header.kind) header.kind = 'CV';

  const closing = new Set<number>();
  parseClosing(lines, bodyStart, header, closing);
  header.unit = findReportingUnit(fullText, header.place);
  header.issuer =
    issuerLines.length > 0
      ? issuerLines.join(' ')
      : header.unit && header.symbol?.endsWith('UBND')
        ? `Ủy ban nhân dân ${header.unit.level} ${header.unit.name}`
        : null;
  return { header, bodyStart, closing };
}

function toInt(s: string | undefined): number | null {
  return s === undefined ? null : Number.parseInt(s, 10);
}

/** Consecutive non-empty lines from `from` (skipping leading blanks), joined by spaces. */
function collectParagraph(lines: readonly Line[], from: number, skipBlank = true): { text: string; next: number } {
  let i = from;
  while (skipBlank && i < lines.length && !lines[i]!.text) i++;
  const parts: string[] = [];
  for (; i < lines.length && lines[i]!.text && !RECIPIENTS_LINE.test(lines[i]!.text); i++) {
    parts.push(stripHashes(lines[i]!.text));
  }
  return { text: parts.join(' '), next: i };
}

/** `- item` lines right after `from` (blank lines between items allowed). */
function collectList(lines: readonly Line[], from: number): { items: string[]; indexes: number[]; next: number } {
  const items: string[] = [];
  const indexes: number[] = [];
  let i = from;
  let next = from;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text) continue;
    const m = LIST_ITEM.exec(text);
    if (!m) break;
    items.push(m.groups!.content!);
    indexes.push(i);
    next = i + 1;
  }
  return { items, indexes, next };
}

const cleanListEntry = (s: string) => s.replace(/[;.,]+$/u, '').trim();

/** The distribution list and the signer block near the end; their lines are marked as closing. */
function parseClosing(lines: readonly Line[], bodyStart: number, header: DocumentHeader, closing: Set<number>): void {
  let from = Math.max(bodyStart, lines.length - 60);
  for (let i = lines.length - 1; i >= bodyStart; i--) {
    if (DISTRIBUTION_LINE.test(stripHashes(lines[i]!.text))) {
      closing.add(i);
      const list = collectList(lines, i + 1);
      header.distribution = list.items.map(cleanListEntry);
      for (const k of list.indexes) closing.add(k);
      from = i;
      break;
    }
  }
  const onBehalf: string[] = [];
  let role: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const text = stripHashes(lines[i]!.text);
    if (ON_BEHALF_LINE.test(text)) {
      onBehalf.push(text);
      closing.add(i);
    } else if (ROLE_LINE.test(text) && (onBehalf.length > 0 || role === null)) {
      role = text;
      closing.add(i);
    } else if ((role || onBehalf.length > 0) && NAME_LINE.test(text)) {
      header.signer = { name: text, role: role ?? onBehalf.at(-1)?.replace(/^\p{Lu}+\.\s*/u, '') ?? null, onBehalfOf: onBehalf.join(' / ') || null };
      closing.add(i);
      return;
    }
  }
  if (role || onBehalf.length > 0) header.signer = { name: null, role, onBehalfOf: onBehalf.join(' / ') || null };
}

const NAME = String.raw`\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3}`;

/** The reporting unit: `đặc khu Cát Hải`; the one named with the place of issue wins. */
export function findReportingUnit(text: string, place: string | null): ReportingUnit | null {
  const levels = UNIT_LEVELS.join('|');
  if (place) {
    const withPlace = new RegExp(`(?<![\\p{L}])(${levels})\\s+${escapeRegExp(place)}(?![\\p{L}])`, 'iu').exec(text);
    if (withPlace) return { level: withPlace[1]!.toLowerCase(), name: place };
  }
  const named = new RegExp(`(?:Ủy ban nhân dân|UBND)\\s+(${levels})\\s+(${NAME})`, 'u').exec(text);
  return named ? { level: named[1]!, name: named[2]! } : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
