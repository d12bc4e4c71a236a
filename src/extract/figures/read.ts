/**
 * Reading a passage (one paragraph, list item or heading, possibly joined across a page break):
 * sentences, the `trong đó` / `cụ thể` / parenthesis scopes that make a figure a part of another,
 * the units that bare numbers take from their context, and each figure's subject.
 */
import { countUnitIn, foldLabel, sameFamily, singleSpaces } from './lexicon.js';
import type { Mention } from './parsers.js';
import { dropExcluded, resolveConflicts } from './refiners.js';
import { runExclusions, runParsers } from './parsers.js';
import { comparatorOf } from './comparators.js';
import type { Comparator, FigureKind } from '../types.js';

export interface Draft {
  kind: FigureKind;
  value: number;
  of: number | null;
  unit: string | null;
  /** A bound (`tối thiểu 30%` → `≥`), null for an exact value. */
  comparator: Comparator | null;
  /** Span in the passage text: the number and its unit. */
  start: number;
  end: number;
  subject: string | null;
  /** The words around the number that the metric lexicon may look at when the subject says too little. */
  phrase: string;
  /** The sentence the figure stands in. */
  sentence: { start: number; end: number };
  /** Index (into the passage's drafts) of the figure this one is a part of, from inline structure. */
  scopeParent: number | null;
  /** The part was introduced as a breakdown by category (`trong đó các lĩnh vực:`, `cụ thể:`). */
  categoryPart: boolean;
  unitInferred: boolean;
  subjectInferred: boolean;
  /** Index of the figure before this one in the same sentence, if any. */
  previous: number | null;
}

/** Words that carry no subject: verbs and particles between a label and its number. */
const WEAK = new Set(['đạt', 'xếp', 'thứ', 'hạng', 'với', 'là', 'có', 'chiếm', 'khoảng', 'gần', 'trên', 'hơn', 'tối', 'thiểu', 'được', 'gồm', 'và', 'đã', 'phấn', 'đấu', 'còn', 'lại', 'tổng', 'cộng']);
const SCOPE = /(?<![\p{L}])(?:trong\s+đó|trong\s+số\s+đó|cụ\s+thể|bao\s+gồm)(?:\s+(?:có|là|như\s+sau|(?:các|những)\s+lĩnh\s+vực))*\s*:?|[();]/giu;
const LEADING = /^(?:[\s,;:.)\-–]+|(?:và|trong\s+đó(?:\s+có)?|trong\s+số\s+đó|cụ\s+thể(?:\s+như\s+sau)?|bao\s+gồm|gồm|(?:các|những)\s+lĩnh\s+vực|còn\s+lại|ngoài\s+ra|bên\s+cạnh\s+đó|theo\s+đó|tuy\s+nhiên|đồng\s+thời|trong\s+kỳ\s+báo\s+cáo|trong\s+kỳ(?=\s*,))(?![\p{L}]))+/iu;
const TRAILING_WEAK = /(?:[\s,:≥≤<>=]+|(?<![\p{L}])(?:là|đạt|chiếm|đối\s+với|với|có|gồm|bao\s+gồm|được|khoảng|và|hoặc|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+(?:vượt\s+)?quá|không\s+(?:thấp|cao)\s+hơn|không\s+dưới|trên|dưới|hơn|vượt|từ)(?![\p{L}]))+$/iu;
/** The last characters a `TRAILING_WEAK` match can end with (same flags, so the same case folding). */
const MAY_END_WEAK = /^[\s,:àtmiócguaáừn≥≤<>=]$/iu;
/** Words that open a measure's name: where a subject starts inside a longer clause. */
const HEAD = /(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ|tổng\s+số|số\s+lượng|số\s+(?=hồ\s+sơ|TTHC|PAKN|thủ\s+tục))/iu;

interface Scope {
  type: 'colon' | 'plain' | 'paren';
  parent: number | null;
  category: boolean;
  /** For a parenthesis opened between two figures: where the clause started before it. */
  restore?: number;
  openedIn?: number;
}

/** Sentence spans: a full stop (or ! ?) followed by space and a capital, digit or bracket. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?](?=\s+[\p{Lu}\d(“"])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

function isWeak(s: string): boolean {
  const words = foldLabel(s).split(/[\s,]+/u).filter(Boolean);
  return words.every((w) => WEAK.has(w));
}

/** A label as printed, without the connectors before it or a dating parenthesis after it. */
function cleanLabel(s: string): string {
  let t = s.replace(LEADING, '');
  // a trailing parenthesis that only dates the figure is the period, not the subject
  if (t.includes('/')) t = t.replace(/\s*\([^()]*\d{1,2}\/\d{1,2}\/\d{4}[^()]*\)\s*$/u, '');
  return singleSpaces(t).trim();
}

/** Words before a number, without the verbs and particles that lead into it. */
function clean(s: string): string {
  const label = cleanLabel(s);
  // only a text ending in a space, `,`, `:` or a weak word's last letter can lose a weak ending
  const trimmed = MAY_END_WEAK.test(label.charAt(label.length - 1)) ? label.replace(TRAILING_WEAK, '') : label;
  return cleanLabel(trimmed);
}

/** Text after the number's unit up to the next delimiter: `167 hồ sơ [trong hạn]`. */
/**
 * The words after a figure that the metric lexicon may read: asides in brackets left out, up to
 * `;`, a `)` closing the figure's own aside, the sentence end, or a comma whose next segment holds
 * another figure. Figures not set off by a comma are read through
 * (`13 TTHC nội bộ thuộc 6 lĩnh vực đã được … phê duyệt phương án đơn giản hóa`).
 */
function phraseTail(text: string, from: number, later: Mention[], sentenceEnd: number): string {
  const starts = later.filter((n) => n.start >= from).map((n) => n.start);
  let depth = 0;
  let end = sentenceEnd;
  for (let i = from; i < sentenceEnd; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    } else if (depth === 0 && c === ';') {
      end = i;
      break;
    } else if (depth === 0 && c === ',') {
      const rest = text.slice(i + 1, sentenceEnd);
      const next = rest.search(/[,;]/u);
      const segmentEnd = i + 1 + (next < 0 ? rest.length : next);
      if (starts.some((st) => st > i && st < segmentEnd)) {
        end = i;
        break;
      }
    }
  }
  return singleSpaces(text.slice(from, end).replace(/\([^()]*\)/gu, ' ')).trim();
}

function tail(text: string, from: number, limit: number): string {
  const rest = text.slice(from, limit);
  const m = /^(?:[^,;.()\n:]|[.,](?=\d))*/u.exec(rest)!;
  return singleSpaces(m[0]).trim();
}

export function readPassage(text: string): Draft[] {
  const found = runParsers(text);
  if (found.length === 0) return [];
  const raw = resolveConflicts(dropExcluded(found, runExclusions(text)));
  for (const m of raw) m.comparator = comparatorOf(text.slice(Math.max(0, m.numberStart - 32), m.numberStart), text.slice(m.unitEnd ?? m.numberEnd, (m.unitEnd ?? m.numberEnd) + 60));
  const drafts: Draft[] = [];
  const sents = sentences(text);
  let lastOfPreviousSentence: number | null = null;
  let next = 0;
  for (const sent of sents) {
    const inSentence: Mention[] = [];
    while (next < raw.length && raw[next]!.numberStart < sent.end) {
      if (raw[next]!.numberStart >= sent.start) inSentence.push(raw[next]!);
      next++;
    }
    const stack: Scope[] = [];
    let cursor = sent.start;
    let previous: number | null = null;
    let previousMention: Mention | null = null;
    let previousSubject: string | null = null;
    for (let k = 0; k < inSentence.length; k++) {
      const m = inSentence[k]!;
      const gapStart = Math.min(cursor, m.start);
      const gapEnd = Math.max(gapStart, m.start);
      const gap = text.slice(gapStart, gapEnd);
      // scope events in the gap, in order
      // after a figure, its own trailing words (`167 hồ sơ [trong hạn], …`) run up to the first delimiter
      const firstDelimiter = previousMention ? gap.search(/[,;]/u) : -1;
      let clauseStart = firstDelimiter >= 0 ? gapStart + firstDelimiter : gapStart;
      SCOPE.lastIndex = 0;
      for (let e = SCOPE.exec(gap); e; e = SCOPE.exec(gap)) {
        const tok = e[0];
        const at = gapStart + e.index;
        if (tok === ';') {
          while (stack.length > 0 && stack[stack.length - 1]!.type === 'plain') stack.pop();
          clauseStart = at + 1;
        } else if (tok === ')') {
          while (stack.length > 0 && stack[stack.length - 1]!.type !== 'paren') stack.pop();
          const closed = stack.pop();
          // an aside inside a label (`đúng hạn (từ chối, rút):`) belongs to the label
          clauseStart = closed?.restore !== undefined && closed.openedIn === k ? closed.restore : at + 1;
        } else if (tok === '(') {
          // an aside right after a figure's words (`828 phản ánh … thuộc phạm vi giải quyết (đã xử lý 761 …)`) details it
          const directlyAfter = previousMention !== null && !/[,;.:]/u.test(text.slice(previousMention.end, at));
          stack.push({ type: 'paren', parent: directlyAfter ? previous : null, category: false, restore: clauseStart, openedIn: k });
          clauseStart = at + 1;
        } else {
          const atSentenceStart = text.slice(sent.start, at).trim() === '';
          const parent = previous ?? (atSentenceStart ? lastOfPreviousSentence : null);
          const category = /lĩnh\s+vực|cụ\s+thể/iu.test(tok);
          stack.push({ type: tok.trimEnd().endsWith(':') ? 'colon' : 'plain', parent, category });
          clauseStart = at + tok.length;
        }
      }
      const scope = stack.length > 0 ? stack[stack.length - 1]! : null;
      const clause = text.slice(clauseStart, gapEnd);

      // label (`Số hồ sơ đã giải quyết:`) and lead (words between the label and the number)
      const colon = clause.lastIndexOf(':');
      let label: string | null = null;
      // words that follow a figure with no delimiter (`50% thời gian … đối với 07 TTHC`) are that figure's
      // and so are those of a list closed by `và`: `742 TTHC được sửa đổi, bổ sung, thay thế và 165 TTHC`
      const ownsNothing = previousMention !== null && ((firstDelimiter < 0 && clauseStart === gapStart) || /\s(?:và|hoặc)\s*$/u.test(clause));
      let lead = ownsNothing ? '' : clause;
      const headInGap = ownsNothing ? HEAD.exec(clause) : null;
      if (headInGap) lead = clause.slice(headInGap.index); // `16 TTHC đặc thù với [tổng số] 71 thành phần hồ sơ`
      if (colon >= 0) {
        const before = clause.slice(0, colon);
        const prevColon = before.lastIndexOf(':');
        label = cleanLabel(before.slice(prevColon + 1)) || null;
        lead = clause.slice(colon + 1);
      }
      const after = m.unitEnd ?? m.numberEnd;
      const next = inSentence.slice(k + 1).find((n) => n.start >= after);
      const limit = next ? Math.min(next.start, sent.end) : sent.end;
      const post = m.kind === 'zero' && m.unit === null ? '' : tail(text, after, limit);
      const unitWords = m.unitEnd !== null && m.kind !== 'percent' ? text.slice(m.numberEnd, m.unitEnd).replace(/^\s*(?:\([^)]*\))?\s*/u, '') : '';

      // bare numbers and bare `Không có` need their context to be figures
      let unit = m.unit;
      let unitInferred = false;
      const parentDraft = scope?.parent !== null && scope?.parent !== undefined ? drafts[scope.parent]! : null;
      const answersLabel = /:\s*$/u.test(gap) && label !== null;
      if (m.kind === 'bare') {
        const delimited = /^\s*(?:[,;.)]|$|và(?![\p{L}]))/u.test(text.slice(m.numberEnd, sent.end));
        if (!delimited) continue;
        if (parentDraft && (parentDraft.kind === 'count' || parentDraft.kind === 'ratio') && parentDraft.unit) {
          unit = parentDraft.unit;
        } else if (answersLabel && countUnitIn(label!)) {
          unit = countUnitIn(label!);
        } else continue;
        unitInferred = true;
      } else if (m.kind === 'zero') {
        if (m.unit === null) {
          if (!answersLabel) continue;
          if (!/^\s*(?:[,;.]|$)/u.test(text.slice(m.end, sent.end))) continue;
          unit = countUnitIn(label!);
          unitInferred = true;
        }
      }
      const kind: FigureKind = m.kind === 'bare' || m.kind === 'zero' ? 'count' : m.kind;

      // subject
      let subject: string | null = null;
      let subjectInferred = false;
      const leadClean = clean(lead);
      let leadSubject = leadClean;
      const head = HEAD.exec(leadSubject);
      if (head && head.index > 0 && /,/u.test(leadSubject.slice(0, head.index))) leadSubject = leadSubject.slice(head.index);
      // `Thành phố Hải Phòng có 16 TTHC đặc thù`: before `có` stands who has them, not what they are
      const weakLead = leadClean === '' || isWeak(leadClean) || (post !== '' && /(?:^|\s)có\s*$/u.test(lead));
      if (/^(?:tổng số|số lượng)$/u.test(foldLabel(leadSubject)) && post === '') leadSubject = `${leadSubject} ${unitWords}`.trim();
      if (m.kind === 'percent' && countUnitIn(post) !== null && countUnitIn(post) === countUnitIn(post.split(/\s/u).slice(0, 4).join(' '))) {
        // `100% TTHC thuộc thẩm quyền giải quyết`: what follows the percentage is what it measures
        subject = post;
      } else if (label && weakLead) subject = label;
      else if (!weakLead && (post === '' || leadClean.split(/\s+/u).length > 2)) subject = leadSubject;
      else if (post !== '' && (unitWords || m.kind !== 'percent' || true)) {
        const prefix = weakLead ? '' : `${leadClean} `;
        subject = clean(`${prefix}${unitWords ? `${unitWords} ` : ''}${post}`) || null;
      } else if (m.kind === 'zero' && m.unit !== null) {
        subject = clean(`${unitWords} ${post}`) || null;
      }
      if (!subject && previousSubject) {
        subject = previousSubject;
        subjectInferred = true;
      }

      const inherited = ownsNothing && firstDelimiter < 0 && previous !== null ? drafts[previous]!.phrase : '';
      const phrase = [inherited, label, clean(clause.slice(colon + 1)), unitWords, phraseTail(text, after, inSentence.slice(k + 1), sent.end)]
        .filter(Boolean)
        .join(' ');
      const compatible =
        parentDraft !== null &&
        parentDraft.kind === kind &&
        (kind === 'percent' || sameFamily(parentDraft.unit, unit));
      drafts.push({
        kind,
        value: m.value,
        of: m.of,
        unit,
        comparator: m.comparator,
        start: m.kind === 'zero' ? m.start : m.numberStart,
        end: m.unitEnd ?? m.numberEnd,
        subject,
        phrase,
        sentence: sent,
        scopeParent: compatible ? scope!.parent : null,
        categoryPart: compatible && scope!.category,
        unitInferred,
        subjectInferred,
        previous,
      });
      previous = drafts.length - 1;
      previousMention = m;
      previousSubject = subject;
      cursor = m.end;
    }
    if (previous !== null) lastOfPreviousSentence = previous;
  }
  return drafts;
}
