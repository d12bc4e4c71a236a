/**
 * One page per report: the text with every figure and reference highlighted at its span and
 * coloured by check status, the failed checks beside it, and the original text one toggle away.
 * Everything is rendered here, so the page's script only has to add behaviour (no layout work
 * in the browser: a 40-page report opens as fast as any static page).
 */
import { describeCheck, kindLabel } from './describe.js';
import { ariaL, esc, L, langSwitch, page, scriptJson } from './html.js';
import { LOW_CONFIDENCE, lowConfidence } from '../restore/confidence.js';
import { LANGS, t, type LabelKey } from './labels.js';
import type { ReviewMark } from './marks.js';
import type { PageImages } from './page-images.js';
import { pageView } from './page-view.js';
import { runsOf, type Marked } from './segments.js';
import { figureStatuses, summarise, worst } from './status.js';
import type { LoadedReport, RestoredToken, ReviewCheck, ReviewFigure, ReviewReference, ReviewTable, ValueStatus } from './types.js';

type Value = (ReviewFigure & { target: 'figure' }) | (ReviewReference & { target: 'reference' });

export interface DocumentPageOptions {
  /** Relative path from this page to the site root. */
  root: string;
  /** Latest marks already saved for this source (shown before the server answers, and from file://). */
  marks: ReviewMark[];
  /** The page images of a PDF or an image, or why there are none (src/review/page-view.ts). */
  pageImages?: PageImages;
}

export function renderDocument({ report }: LoadedReport, { root, marks, pageImages }: DocumentPageOptions): string {
  const statuses = figureStatuses(report);
  const values: Value[] = [
    ...report.figures.map((f) => ({ ...f, target: 'figure' as const })),
    ...report.references.map((r) => ({ ...r, target: 'reference' as const })),
  ];
  const byId = new Map(values.map((v) => [v.id, v]));
  const statusOf = (id: string): ValueStatus => statuses.get(id) ?? 'reference';
  const summary = summarise(report);
  const failed = report.checks.filter((c) => !c.holds);
  const holding = report.checks.filter((c) => c.holds);
  const restoredOrOcr = report.textUsed !== 'original';
  const original = report.originalText;
  const title = documentTitle(report);
  const pages = pageView(report, pageImages, root, statusOf);

  const figureById = new Map(report.figures.map((f) => [f.id, f]));
  const data = {
    file: report.source.path,
    sha256: report.source.sha256,
    values: Object.fromEntries(values.map((v) => [v.id, valueData(v, report.text, statusOf(v.id))])),
    checks: report.checks.map(({ description: _english, ...c }) => ({
      ...c,
      // what the check compares, in both languages, from its figures and values (describe.ts)
      text: Object.fromEntries(LANGS.map((lang) => [lang, describeCheck(lang, c, figureById)])),
    })),
    marks,
  };

  const changes = [...(report.restoration?.changes ?? [])].sort((a, b) => a.span.start - b.span.start);
  // the report's own list since schema 1.5; worked out the same way for older reports
  const unsure = lowConfidence(changes);
  const text = renderText(report.text, values.map((v) => ({ id: v.id, ...v.span })),
    { statusOf, changes, prefix: 'v-' });
  const originalPre = original === undefined ? '' : renderText(original, values.map((v) => ({ id: v.id, ...v.provenance.span })),
    { statusOf, changes: [], prefix: 'o-' });
  const describedById = new Map(data.checks.map((c) => [c.id, c.text.vi!]));
  const item = (c: ReviewCheck) => checkItem(c, byId, report.text, describedById.get(c.id)!);
  const legend = (cls: string, key: LabelKey) => `<li>${L(key, undefined, 'mark', ` class="v ${cls}"`)}</li>`;

  const body = `${L('skip', undefined, 'a', ' class="skip" href="#text"')}
<header class="top">
  ${langSwitch()}
  <nav${ariaL('doc.breadcrumb')}>${L('doc.all', undefined, 'a', ` href="${root}index.html"`)}</nav>
  <h1>${esc(title)}</h1>
  <p class="meta">${esc(report.source.path)} · ${esc(report.source.format)}${report.source.pages ? ` · ${L('doc.pages', { count: report.source.pages })}` : ''} · ${L('doc.text')}: <strong>${esc(report.textUsed)}</strong> · ${L('doc.counts', { figures: summary.figures, references: summary.references, checks: summary.checks })} ${L('doc.failedCount', { count: summary.failed }, 'strong')}</p>${pages?.note ?? ''}
  <ul class="legend"${ariaL('legend')}>
    ${legend('st-failed', 'legend.failed')}${legend('st-passed', 'legend.passed')}
    ${legend('st-unchecked', 'legend.unchecked')}${legend('st-reference', 'legend.reference')}
    ${legend('st-unchecked rv-confirmed', 'legend.confirmed')}${legend('st-unchecked rv-wrong', 'legend.wrong')}${legend('st-unchecked rv-corrected', 'legend.corrected')}
    ${changes.length ? `<li>${L('legend.restored', undefined, 'span', ' class="rs"')}</li>` : ''}
  </ul>
</header>
<div class="layout${pages?.panel ? ' with-pages' : ''}">
<main id="text" tabindex="-1">
  ${original === undefined ? '' : `<p class="toggle"><label><input type="checkbox" id="show-original"> ${L(restoredOrOcr ? 'doc.showOriginal.ocr' : 'doc.showOriginal.file')}</label>${restoredOrOcr ? ` ${L('doc.restoredHint', undefined, 'span', ' class="hint"')}` : ''}</p>`}
  ${L('doc.textHeading', undefined, 'h2', ' class="visually-hidden" id="text-heading"')}
  <pre class="doc" id="doc-text" aria-labelledby="text-heading">
${text}</pre>
  ${original === undefined ? '' : `<pre class="doc" id="doc-original" hidden${ariaL('doc.originalText')}>
${originalPre}</pre>`}
  ${renderTables(report.tables ?? [], report.figures, report.text, statusOf)}
</main>
${pages?.panel ?? ''}
<aside${ariaL('doc.aside')}>
  ${unsure.length ? unsureSection(unsure) : ''}
  <section aria-labelledby="failed-heading">
    ${L('doc.failedHeading', { count: failed.length }, 'h2', ' id="failed-heading"')}
    ${L('doc.keys', undefined, 'p', ' class="hint" id="keys"')}
    ${failed.length ? `<ol class="checks" id="failed-checks">${failed.map(item).join('')}</ol>` : L('doc.none', undefined, 'p')}
  </section>
  <section id="selected" aria-labelledby="selected-heading">
    ${L('doc.selectedHeading', undefined, 'h2', ' id="selected-heading"')}
    <div id="detail">${L('doc.selectHint', undefined, 'p')}</div>
    <div class="verdict" role="group"${ariaL('doc.verdictGroup')}>
      ${L('doc.confirm', undefined, 'button', ' type="button" id="mark-confirmed" disabled')}
      ${L('doc.wrong', undefined, 'button', ' type="button" id="mark-wrong" disabled')}
    </div>
    <form id="correct-form" class="correct" hidden>
      ${L('doc.correctLabel', undefined, 'label', ' for="correct-value"')}
      <input type="text" id="correct-value" inputmode="decimal" autocomplete="off">
      ${L('doc.correctSave', undefined, 'button', ' type="submit" id="mark-corrected"')}
    </form>
    <p>${L('doc.note', undefined, 'label', ' for="note"')}<br><input type="text" id="note" autocomplete="off"></p>
    <p id="save-status" role="status"></p>
  </section>
  ${holding.length ? `<details><summary>${L('doc.holdingHeading', { count: holding.length })}</summary><ol class="checks">${holding.map(item).join('')}</ol></details>` : ''}
  <section aria-labelledby="marks-heading">
    ${L('doc.marksHeading', undefined, 'h2', ' id="marks-heading"')}
    <p id="marks-mode">${L('doc.marksCount')} <span id="marks-count">${marks.length}</span>.</p>
    <p>${L('doc.download', undefined, 'button', ' type="button" id="export-marks"')}</p>
  </section>
</aside>
</div>
<script type="application/json" id="review-data">${scriptJson(data)}</script>`;
  return page({ title: `${title} · ${t('vi', 'doc.review')}`, root, body, kind: 'document' });
}

export function documentTitle(report: LoadedReport['report']): string {
  const d = report.document;
  const head = [d?.kind, d?.symbol ? `${d.number ?? '…'}/${d.symbol}` : null].filter(Boolean).join(' ');
  const name = d?.title ?? report.source.path;
  return head ? `${head}: ${name}` : name;
}

interface TextContext {
  statusOf: (id: string) => ValueStatus;
  /** Tokens restoration changed in this text, sorted by start. */
  changes: RestoredToken[];
  /** Keeps anchors unique between the two texts. */
  prefix: string;
}

/**
 * The text with a `<mark>` per run of values, and restored words (inside or outside values)
 * carrying what OCR read. Callers put a newline right after `<pre>`: the HTML parser drops one
 * there, and a report's text often starts with one (every offset on the page would shift by 1).
 */
function renderText(text: string, items: Marked[], { statusOf, changes, prefix }: TextContext): string {
  const parts: string[] = [];
  let next = 0; // first change that may still overlap the current run
  for (const run of runsOf(text.length, items)) {
    while (next < changes.length && changes[next]!.span.end <= run.start) next++;
    const chunk = withRestored(text, run.start, run.end, changes, next);
    if (run.ids.length === 0) {
      parts.push(chunk);
      continue;
    }
    const anchors = run.starts.map((id) => `<span class="anchor" id="${prefix}${esc(id)}"></span>`).join('');
    const status = worst(run.ids.map(statusOf));
    // the tooltip is written by the page script on hover, in the reviewer's language
    parts.push(`${anchors}<mark class="v st-${status}" data-ids="${esc(run.ids.join(' '))}">${chunk}</mark>`);
  }
  return parts.join('');
}

/** `text[start, end)` escaped, with each restored token in it (clipped to the range) in a span. */
function withRestored(text: string, start: number, end: number, changes: RestoredToken[], from: number): string {
  let out = '';
  let at = start;
  for (let i = from; i < changes.length && changes[i]!.span.start < end; i++) {
    const c = changes[i]!;
    const s = Math.max(c.span.start, at);
    const e = Math.min(c.span.end, end);
    if (e <= s) continue;
    const unsure = c.confidence < LOW_CONFIDENCE;
    const cls = unsure ? 'rs unsure' : 'rs';
    // the low-confidence list links to a word's first (usually only) piece
    const id = unsure && s === c.span.start ? ` id="rs-${c.span.start}"` : '';
    // focusable by script (r / R, and one tab stop: see review.js), its OCR original read out as
    // its description; the page script writes the hover tooltip from the data attributes
    const alt = c.runnerUp && c.runnerUp !== c.chosen ? ` data-r="${esc(c.runnerUp)}"` : '';
    out += `${esc(text.slice(at, s))}<span class="${cls}"${id} tabindex="-1" data-o="${esc(c.original)}" data-c="${c.confidence.toFixed(2)}"${alt}`
      + ` aria-description="${esc(t('vi', 'restored.description', { original: c.original }))}">${esc(text.slice(s, e))}</span>`;
    at = e;
  }
  return out + esc(text.slice(at, end));
}

/**
 * The restored words restoration was least sure of, least sure first, each a link to the word in
 * the text (which the page script focuses, as r / R would): what a reviewer of OCR text reads first.
 */
function unsureSection(unsure: RestoredToken[]): string {
  const items = unsure.map((c) => `<li><a href="#rs-${c.span.start}" data-restored="${c.span.start}">${esc(c.original)} → ${esc(c.chosen)}</a>`
    + ` <span class="where">${Math.round(c.confidence * 100)}%</span></li>`); // a percentage reads the same in both languages
  return `<section aria-labelledby="unsure-heading">
    ${L('doc.unsureHeading', { count: unsure.length }, 'h2', ' id="unsure-heading"')}
    ${L('doc.unsureHint', { threshold: LOW_CONFIDENCE }, 'p', ' class="hint"')}
    <ol class="unsure-words" id="unsure-words">${items.join('')}</ol>
  </section>`;
}

function checkItem(c: ReviewCheck, byId: Map<string, Value>, text: string, description: string): string {
  const first = c.figures.find((id) => byId.has(id));
  const values = c.figures.map((id) => {
    const v = byId.get(id);
    if (!v) return `<li>${L('check.notInReport', { id })}</li>`;
    const where = `${L('tip.line', { line: String(v.provenance.line) })}${v.provenance.page ? L('tip.page', { page: String(v.provenance.page) }) : ''}`;
    return `<li><a href="#v-${esc(id)}" data-value="${esc(id)}">${esc(text.slice(v.span.start, v.span.end))}</a> <span class="where">${where}</span></li>`;
  });
  const kind = kindLabel('vi', c.kind);
  const kindKey = ['sum', 'balance', 'ratio', 'share', 'score', 'rank', 'consistency'].includes(c.kind) ? ` data-l="kind.${c.kind}"` : '';
  const top = !c.holds ? c.proposals?.[0] : undefined;
  const proposal = top && byId.has(top.figure)
    ? `<p class="proposal">${L('check.proposal', { figure: top.figure, read: top.read, proposed: top.proposed, probability: Math.round(top.probability * 100) / 100 })}
${L('check.proposal.apply', undefined, 'button', ` type="button" class="apply" data-apply="${esc(c.id)}"`)}</p>`
    : '';
  return `<li class="check ${c.holds ? 'holds' : 'fails'}" id="check-${esc(c.id)}">
<a class="check-link" href="#${first ? `v-${esc(first)}` : `check-${esc(c.id)}`}" data-check="${esc(c.id)}"><span class="kind"${kindKey}>${esc(kind)}</span> <span class="desc">${esc(description)}</span></a>
<div class="nums">${L('check.expected', { expected: c.expected, actual: c.actual })}${c.tolerance ? L('check.tolerance', { tolerance: c.tolerance }) : ''}</div>
${proposal}<ul class="check-values">${values.join('')}</ul></li>`;
}

/** What the script shows for a selected value and sends with a verdict. */
function valueData(v: Value, text: string, status: ValueStatus) {
  const p = v.provenance;
  const common = {
    target: v.target,
    status,
    read: text.slice(v.span.start, v.span.end),
    provenance: { page: p.page, line: p.line, span: p.span, text: p.text, restoredText: p.restoredText ?? null, boxes: p.boxes ?? [] },
    confidence: v.confidence,
  };
  if (v.target === 'figure') {
    return {
      ...common,
      kind: v.kind, comparator: v.comparator ?? null, value: v.value, of: v.of, unit: v.unit, subject: v.subject, metric: v.metric, role: v.role,
      period: v.period?.text ?? null, parent: v.parent, section: v.section, checks: v.checks,
      cell: v.cell ? { table: v.cell.table, label: v.cell.label, path: v.cell.path } : null,
    };
  }
  return { ...common, kind: v.kind, number: v.number, year: v.year, symbol: v.symbol, issuer: v.issuer, date: v.date, key: v.key };
}

/**
 * The report's tables with figures in their cells, shown as tables: each such cell a button
 * coloured by the figure's checks (failed, held, none), which selects the figure and shows its
 * row label and header path. A column's header path is one header row per level, a level
 * spanning the columns that share it.
 */
function renderTables(tables: ReviewTable[], figures: ReviewFigure[], text: string, statusOf: (id: string) => ValueStatus): string {
  const byCell = new Map<string, ReviewFigure>();
  for (const f of figures) if (f.cell) byCell.set(`${f.cell.table}|${f.cell.row}|${f.cell.column}`, f);
  const shown = tables.filter((tb) => figures.some((f) => f.cell?.table === tb.id));
  if (shown.length === 0) return '';
  const one = (tb: ReviewTable) => {
    const width = Math.max(tb.header?.length ?? 0, tb.columns?.length ?? 0, ...tb.rows.map((r) => r.length));
    const paths = Array.from({ length: width }, (_, k) => tb.columns?.[k] ?? (tb.header?.[k] ? [tb.header[k]!] : []));
    const depth = Math.max(1, ...paths.map((p) => p.length));
    const headRows: string[] = [];
    const prefix = (p: string[], level: number) => JSON.stringify(p.slice(0, level + 1));
    for (let level = 0; level < depth; level++) {
      const cells: string[] = [];
      for (let k = 0; k < width; k++) {
        const p = paths[k]!;
        // a cell stands at the level of its name; the last name spans the levels below it
        if (level >= Math.max(1, p.length)) continue;
        const leaf = level >= p.length - 1;
        let span = 1;
        // an outer name over the columns that share it (`Số hồ sơ tiếp nhận` over `Tổng số`, `Trực tuyến`)
        while (!leaf && k + span < width && paths[k + span]!.length > level + 1 && prefix(paths[k + span]!, level) === prefix(p, level)) span++;
        const rows = leaf ? depth - level : 1;
        cells.push(`<th scope="col"${span > 1 ? ` colspan="${span}"` : ''}${rows > 1 ? ` rowspan="${rows}"` : ''}>${esc(p[level] ?? '')}</th>`);
        k += span - 1;
      }
      headRows.push(`<tr>${cells.join('')}</tr>`);
    }
    const body = tb.rows.map((row, r) => {
      const cells = Array.from({ length: width }, (_, k) => {
        const f = byCell.get(`${tb.id}|${r}|${k}`);
        if (!f) return `<td>${esc(row[k] ?? '')}</td>`;
        const named = ariaL('table.cell', { value: text.slice(f.span.start, f.span.end), row: f.cell!.label ?? String(r + 1), column: f.cell!.path.join(' / ') });
        return `<td class="num"><button type="button" class="cell st-${statusOf(f.id)}" data-value="${esc(f.id)}"${named}>${esc(text.slice(f.span.start, f.span.end))}</button></td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    const caption = tb.title ? esc(tb.title) : L('table.untitled', { id: tb.id });
    return `<div class="table-wrap"><table class="cells" id="table-${esc(tb.id)}"><caption>${caption}</caption>
<thead>${headRows.join('')}</thead>
<tbody>${body.join('\n')}</tbody></table></div>`;
  };
  return `<section class="tables" aria-labelledby="tables-heading">
${L('tables.heading', { count: shown.length }, 'h2', ' id="tables-heading"')}
${L('tables.hint', undefined, 'p', ' class="hint"')}
${shown.map(one).join('\n')}
</section>`;
}
