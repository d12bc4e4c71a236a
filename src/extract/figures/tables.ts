/**
 * Figures in tables, read by column: an indicator table (`Chỉ tiêu | Đơn vị tính | Kết quả |
 * Cơ quan chịu trách nhiệm`) gives one figure per row, with its unit from the unit column and the
 * responsible body from its column; other text cells are read as prose.
 */
import type { Outline, TableCell, TableRow } from '../../segment/types.js';
import type { FigureOptions, Placed } from '../figures.js';
import { NUMBER_PATTERN, parseVietnameseNumber } from '../numbers.js';
import { cellComparator } from './comparators.js';
import { foldLabel, unitOf } from './lexicon.js';
import { readPassage, type Draft } from './read.js';

/** Header words of the columns (Vietnamese data, lower case). */
const COLUMNS = {
  index: /^(stt|tt|số tt)$/u, // số thứ tự: row number
  subject: /chỉ tiêu|nội dung|tiêu chí|nhiệm vụ/u, // indicator, content, criterion, task
  unit: /đơn vị tính|đvt/u, // unit of measure
  value: /kết quả|giá trị|mục tiêu|chỉ tiêu|số lượng|tỷ lệ/u, // result, value, target, quantity, rate
  responsible: /chịu trách nhiệm|chủ trì|cơ quan thực hiện|đơn vị thực hiện/u, // responsible / lead body
};

const VALUE = new RegExp(`^(?:(≥|>=|≤|<=|>|<|tối thiểu|ít nhất|tối đa|không quá|trên|dưới)\\s*)?(${NUMBER_PATTERN})\\s*(%)?$`, 'iu');

function column(header: TableRow, pattern: RegExp, skip: number[] = []): number {
  return header.cells.findIndex((c, i) => !skip.includes(i) && pattern.test(foldLabel(c.text)));
}

export function tableFigures(outline: Outline, options: FigureOptions): Placed[] {
  const out: Placed[] = [];
  for (const table of outline.tables) {
    if (!table.header) continue;
    const h = table.header;
    const index = column(h, COLUMNS.index);
    const subjectCol = column(h, COLUMNS.subject, [index]);
    const unitCol = column(h, COLUMNS.unit, [index, subjectCol]);
    const valueCol = column(h, COLUMNS.value, [index, subjectCol, unitCol]);
    const respCol = column(h, COLUMNS.responsible, [index, subjectCol, unitCol, valueCol]);
    let group: TableCell | null = null;
    for (const row of table.rows) {
      const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? null) : null);
      const valueCell = cell(valueCol);
      const m = valueCell ? VALUE.exec(valueCell.text.trim()) : null;
      if (!m && row.cells.filter((c) => c.text !== '').length <= 2) {
        group = row.cells.find((c, i) => i !== index && c.text !== '') ?? group; // `Giai đoạn 2026 - 2027`
        continue;
      }
      const context = `${table.title ?? ''} ${h.cells.map((c) => c.text).join(' ')} ${group?.text ?? ''}`;
      const period = group ? options.periods.find((p) => p.span.start >= group!.span.start && p.span.end <= group!.span.end) : undefined;
      const subject = cell(subjectCol)?.text.trim() || null;
      const responsible = cell(respCol)?.text.trim() || null;
      const base = {
        passage: null,
        block: null,
        section: table.section,
        sentence: row.span,
        parent: null,
        candidates: [],
        previous: null,
        metric: null,
        metricInherited: false,
        role: 'actual' as const,
        period: period ? { from: period.from, to: period.to, text: period.text } : null,
        extraContext: context,
      };
      if (m && valueCell) {
        const value = parseVietnameseNumber(m[2]!);
        const unitText = cell(unitCol)?.text.trim() ?? '';
        const entry = m[3] ? unitOf('%') : unitText ? unitOf(unitText) : null;
        if (value !== null) {
          const draft: Draft = {
            kind: entry?.kind === 'percent' ? 'percent' : entry?.kind ?? 'count',
            value,
            of: null,
            unit: entry?.unit ?? (unitText || null),
            comparator: cellComparator(m[1]),
            start: valueCell.span.start,
            end: valueCell.span.end,
            subject,
            phrase: subject ?? '',
            sentence: { start: 0, end: 0 },
            scopeParent: null,
            categoryPart: false,
            unitInferred: false,
            subjectInferred: false,
            previous: null,
          };
          out.push({ ...base, draft, start: valueCell.span.start, end: valueCell.span.end, responsible, extraContext: `${context} ${m[1] ?? ''}` });
        }
      }
      // the other text cells are prose: `100% văn bản điện tử được gửi/nhận liên thông`
      row.cells.forEach((c, i) => {
        if (i === index || (i === valueCol && m) || i === unitCol || c.text === '') return;
        for (const d of readPassage(c.text)) {
          out.push({ ...base, draft: d, start: c.span.start + d.start, end: c.span.start + d.end, responsible });
        }
      });
    }
  }
  return out;
}
