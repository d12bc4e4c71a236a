/**
 * Figures: every quantitative fact of a report, typed (count, percent, ratio, score, rank,
 * amount), with the subject it counts, the figure it is a part of, its metric id, whether it is a
 * result or a target, and its period.
 *
 * Parsing is in `figures/` (parsers → refiners → reading of each passage); this module places the
 * drafts in the document: spans in the current text, parents across list structure, metrics,
 * periods, roles and confidence.
 */
import type { Block, Outline, Section } from '../segment/types.js';
import { isGenericRate, metricFor, rateOf } from './metrics.js';
import { sameFamily } from './figures/lexicon.js';
import { blockAt, passagesOf, toCurrent, type Passage } from './figures/passages.js';
import { readPassage, type Draft } from './figures/read.js';
import { tableFigures } from './figures/tables.js';
import type { CellRef, Figure, Period, StatedPeriod } from './types.js';

export interface FigureOptions {
  documentKind: string | null;
  /** The reporting, cumulative and plan mentions with both ends: a figure is stated for the one of its sentence or block (a result never for a plan), else for the document period. */
  periods: StatedPeriod[];
  documentPeriod: Period | null;
}

/** A figure while it is being placed: the draft, where it is, and links by index. */
export interface Placed {
  draft: Draft;
  passage: Passage | null;
  block: Block | null;
  section: string | null;
  start: number;
  end: number;
  sentence: { start: number; end: number };
  parent: number | null;
  /** Parent by list structure, still to be confirmed for percentages (same metric). */
  candidates: number[];
  previous: number | null;
  metric: string | null;
  metricInherited: boolean;
  role: 'actual' | 'target';
  period: Period | null;
  /** Set for table rows: the body responsible for the target. */
  responsible?: string | null;
  /** Words that state the role or period (table group rows, captions). */
  extraContext?: string;
  /** Set for numbers read from table cells: the table, row and column. */
  cell?: CellRef;
  /** The administrative unit the cell's row names (`Xã An Lão`). */
  subunit?: { level: string; name: string } | null;
  /** The role a cell's header path or caption states (`Kế hoạch`, `Thực hiện`); null when they say neither. */
  roleFromTable?: 'actual' | 'target' | null;
}

/** Words that make a figure a target rather than a result, in any kind of document. */
const TARGET_CUES = /phấn\s+đấu|tối\s+thiểu|ít\s+nhất|≥|>=|chỉ\s+tiêu|mục\s+tiêu/iu;

export function findFigures(outline: Outline, options: FigureOptions): Figure[] {
  const text = outline.text.text;
  const sections = new Map(outline.sections.map((s) => [s.id, s]));
  const placed: Placed[] = [];
  const byBlock = new Map<string, number[]>();

  for (const p of passagesOf(outline)) {
    const drafts = readPassage(p.text);
    const base = placed.length;
    for (const d of drafts) {
      const block = blockAt(p, d.start);
      const idx = placed.length;
      placed.push({
        draft: d,
        passage: p,
        block,
        section: block.section,
        start: toCurrent(p, d.start, false),
        end: toCurrent(p, d.end, true),
        sentence: { start: toCurrent(p, d.sentence.start, false), end: toCurrent(p, d.sentence.end, true) },
        parent: d.scopeParent === null ? null : base + d.scopeParent,
        candidates: [],
        previous: d.previous === null ? null : base + d.previous,
        metric: null,
        metricInherited: false,
        role: 'actual',
        period: null,
      });
      for (const b of p.blocks) {
        if (!byBlock.has(b.id)) byBlock.set(b.id, []);
      }
      byBlock.get(block.id)!.push(idx);
    }
  }

  // list structure: a figure that is not a part inline may be a part of a figure of the block it hangs under
  const headingBlockOf = new Map<string, Block>();
  for (const b of outline.blocks) if (b.kind === 'heading' && b.section) headingBlockOf.set(b.section, b);
  for (let i = 0; i < placed.length; i++) {
    const f = placed[i]!;
    if (f.parent !== null || !f.block || !f.passage) continue;
    // only the top level of a passage: figures that are inline parts were linked above
    const parentBlockId = f.block.parent;
    if (!parentBlockId) continue;
    const inParent = byBlock.get(parentBlockId) ?? [];
    f.candidates = inParent.filter((j) => j < i && compatible(placed[j]!.draft, f.draft)).reverse();
    if (f.draft.kind !== 'percent' && f.candidates.length > 0) f.parent = f.candidates[0]!;
  }

  placed.push(...tableFigures(outline, options));

  // the headings, sentence and extra words around each figure, that metrics and roles read
  const contexts = placed.map((f) => `${headingChain(f.section, sections)} ${text.slice(f.sentence.start, f.sentence.end)} ${f.extraContext ?? ''}`);

  // metrics, in document order so that a parent's metric is known before its parts'
  for (const [i, f] of placed.entries()) {
    if (f.metric !== null) continue;
    const d = f.draft;
    const parentMetric = f.parent !== null ? placed[f.parent]!.metric : null;
    const context = contexts[i]!;
    let metric = metricFor(d.subject ?? '', d.unit, d.kind, { context, parentMetric, phrase: d.phrase });
    if (metric === null && d.kind === 'percent' && isGenericRate(d.subject) && f.previous !== null) {
      metric = rateOf(placed[f.previous]!.metric);
    }
    if (metric === null && f.parent !== null && (d.categoryPart || /^lĩnh vực/iu.test(d.subject ?? ''))) {
      metric = parentMetric;
      f.metricInherited = metric !== null;
    }
    f.metric = metric;
    // a percentage is a part of another only when both measure the same thing
    if (d.kind === 'percent' && f.parent === null && metric !== null) {
      const same = f.candidates.find((j) => placed[j]!.metric === metric);
      if (same !== undefined) f.parent = same;
    }
  }

  // roles and periods
  const kh = options.documentKind === 'KH';
  // figures of one sentence share their context: test it once
  const targets = new Map<string, boolean>();
  const statesTarget = (context: string): boolean => {
    let target = targets.get(context);
    if (target === undefined) targets.set(context, (target = TARGET_CUES.test(context)));
    return target;
  };
  for (const [i, f] of placed.entries()) {
    f.role = f.roleFromTable ?? (kh || statesTarget(contexts[i]!) ? 'target' : 'actual');
    f.period = f.period ?? periodOf(f, options, sections, outline);
  }

  // ids in document order (table rows were read after the body)
  const order = placed.map((_, i) => i).sort((a, b) => placed[a]!.start - placed[b]!.start || a - b);
  const idOf = new Map(order.map((i, k) => [i, `f${k + 1}`]));
  return order.map((i) => toFigure({ ...placed[i]!, index: i }, idOf));
}

function compatible(parent: Draft, child: Draft): boolean {
  if (parent.kind !== child.kind) return false;
  return child.kind === 'percent' || sameFamily(parent.unit, child.unit);
}

const chains = new WeakMap<Map<string, Section>, Map<string | null, string>>();
function headingChain(sectionId: string | null, sections: Map<string, Section>): string {
  let memo = chains.get(sections);
  if (!memo) chains.set(sections, (memo = new Map()));
  const known = memo.get(sectionId);
  if (known !== undefined) return known;
  const chain = headingChainOf(sectionId, sections);
  memo.set(sectionId, chain);
  return chain;
}

function headingChainOf(sectionId: string | null, sections: Map<string, Section>): string {
  const titles: string[] = [];
  for (let s = sectionId ? sections.get(sectionId) : undefined; s; s = s.parent ? sections.get(s.parent) : undefined) {
    titles.push(s.title);
  }
  return titles.join(' | ');
}

const blockMaps = new WeakMap<Outline, Map<string, Block>>();
function blocksById(outline: Outline): Map<string, Block> {
  let m = blockMaps.get(outline);
  if (!m) blockMaps.set(outline, (m = new Map(outline.blocks.map((b) => [b.id, b]))));
  return m;
}

function within(m: StatedPeriod, start: number, end: number): boolean {
  return m.span.start >= start && m.span.end <= end;
}

/** The period the sentence states, else its block's, its parent block's, its headings', else the document's (`options.periods` holds only those a figure can be stated for). */
function periodOf(f: Placed, options: FigureOptions, sections: Map<string, Section>, outline: Outline): Period | null {
  const strip = (m: StatedPeriod): Period => ({ from: m.from, to: m.to, text: m.text });
  // a result is stated for a reporting or cumulative span; a target also for a plan's
  const periods = f.role === 'target' ? options.periods : options.periods.filter((m) => m.role !== 'plan');
  const before = periods.filter((m) => within(m, f.sentence.start, f.start));
  if (before.length > 0) return strip(before[before.length - 1]!);
  if (f.block) {
    const inBlock = periods.filter((m) => within(m, f.block!.content.start, f.sentence.start));
    if (inBlock.length > 0) return strip(inBlock[inBlock.length - 1]!);
    const blocks = blocksById(outline);
    for (let b = f.block.parent ? blocks.get(f.block.parent) : undefined; b; b = b.parent ? blocks.get(b.parent) : undefined) {
      const hit = periods.filter((m) => within(m, b.span.start, b.span.end));
      if (hit.length > 0) return strip(hit[hit.length - 1]!);
    }
  }
  for (let s = f.section ? sections.get(f.section) : undefined; s; s = s.parent ? sections.get(s.parent) : undefined) {
    const hit = periods.filter((m) => within(m, s.span.start, s.span.end));
    if (hit.length > 0) return strip(hit[hit.length - 1]!);
  }
  return options.documentPeriod;
}

/**
 * Confidence: high when number, unit and subject stand together in one clause; lower for every
 * piece that had to be brought in from around it.
 */
function confidenceOf(f: Placed): number {
  const d = f.draft;
  let c = 0.95;
  if (d.unitInferred) c -= 0.15;
  if (d.subjectInferred) c -= 0.15;
  if (d.subject === null) c -= 0.25;
  if (f.metricInherited) c -= 0.05;
  if (f.passage && f.passage.blocks.length > 1) c -= 0.05;
  return Math.round(Math.max(0.05, Math.min(1, c)) * 100) / 100;
}

function toFigure(f: Placed & { index?: number }, idOf: Map<number, string>): Figure {
  const d = f.draft;
  const figure: Figure = {
    id: idOf.get(f.index!)!,
    kind: d.kind,
    value: d.value,
    of: d.of,
    unit: d.unit,
    comparator: d.comparator,
    subject: d.subject,
    metric: f.metric,
    role: f.role,
    period: f.period,
    parent: f.parent === null ? null : idOf.get(f.parent)!,
    section: f.section,
    confidence: confidenceOf(f),
    span: { start: f.start, end: f.end },
  };
  if (f.responsible !== undefined) figure.responsible = f.responsible;
  if (f.cell) figure.cell = f.cell;
  if (f.subunit) figure.subunit = f.subunit;
  return figure;
}
