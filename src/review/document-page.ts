/**
 * One page per report: the text with every figure and reference highlighted at its span and
 * coloured by check status, the failed checks beside it, and the original text one toggle away.
 * Everything is rendered here, so the page's script only has to add behaviour (no layout work
 * in the browser: a 40-page report opens as fast as any static page).
 */
import { esc, page, scriptJson, viNumber } from './html.js';
import type { ReviewMark } from './marks.js';
import type { PageImages } from './page-images.js';
import { pageView } from './page-view.js';
import { runsOf, type Marked } from './segments.js';
import { figureStatuses, summarise, worst } from './status.js';
import type { LoadedReport, RestoredToken, ReviewCheck, ReviewFigure, ReviewReference, ValueStatus } from './types.js';

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

  const data = {
    file: report.source.path,
    sha256: report.source.sha256,
    values: Object.fromEntries(values.map((v) => [v.id, valueData(v, report.text, statusOf(v.id))])),
    checks: report.checks,
    marks,
  };

  const changes = [...(report.restoration?.changes ?? [])].sort((a, b) => a.span.start - b.span.start);
  const text = renderText(report.text, values.map((v) => ({ id: v.id, ...v.span })),
    { statusOf, byId, changes, prefix: 'v-', current: report.text });
  const originalPre = original === undefined ? '' : renderText(original, values.map((v) => ({ id: v.id, ...v.provenance.span })),
    { statusOf, byId, changes: [], prefix: 'o-', current: report.text });

  const body = `<a class="skip" href="#text">Skip to the text</a>
<header class="top">
  <nav aria-label="Breadcrumb"><a href="${root}index.html">All documents</a></nav>
  <h1>${esc(title)}</h1>
  <p class="meta">${esc(report.source.path)} · ${esc(report.source.format)}${report.source.pages ? ` · ${report.source.pages} pages` : ''} · text: <strong>${esc(report.textUsed)}</strong> · ${summary.figures} figures · ${summary.references} references · ${summary.checks} checks, <strong>${summary.failed} failed</strong></p>${pages?.note ?? ''}
  <ul class="legend" aria-label="Legend">
    <li><mark class="v st-failed">failed check</mark></li><li><mark class="v st-passed">checks hold</mark></li>
    <li><mark class="v st-unchecked">not checked</mark></li><li><mark class="v st-reference">reference</mark></li>
    <li><mark class="v st-unchecked rv-confirmed">confirmed</mark></li><li><mark class="v st-unchecked rv-wrong">marked wrong</mark></li>
  </ul>
</header>
<div class="layout${pages?.panel ? ' with-pages' : ''}">
<main id="text" tabindex="-1">
  ${original === undefined ? '' : `<p class="toggle"><label><input type="checkbox" id="show-original"> Show the ${restoredOrOcr ? 'original (OCR) text' : 'original file text'}</label>${restoredOrOcr ? ' <span class="hint">(hover a value or a restored word to see what OCR read; dotted: restoration unsure)</span>' : ''}</p>`}
  <h2 class="visually-hidden" id="text-heading">Text</h2>
  <pre class="doc" id="doc-text" aria-labelledby="text-heading">
${text}</pre>
  ${original === undefined ? '' : `<pre class="doc" id="doc-original" hidden aria-label="Original text">
${originalPre}</pre>`}
</main>
${pages?.panel ?? ''}
<aside aria-label="Checks and review">
  <section aria-labelledby="failed-heading">
    <h2 id="failed-heading">Failed checks (${failed.length})</h2>
    <p class="hint">Keys: <kbd>n</kbd> / <kbd>p</kbd> next / previous failed check, <kbd>j</kbd> / <kbd>k</kbd> next / previous value, <kbd>c</kbd> confirmed, <kbd>w</kbd> wrong.</p>
    ${failed.length ? `<ol class="checks" id="failed-checks">${failed.map((c) => checkItem(c, byId, report.text)).join('')}</ol>` : '<p>None.</p>'}
  </section>
  <section id="selected" aria-labelledby="selected-heading">
    <h2 id="selected-heading">Selected value</h2>
    <div id="detail"><p>Click a highlighted value, or press <kbd>j</kbd>.</p></div>
    <div class="verdict" role="group" aria-label="Verdict on the selected value">
      <button type="button" id="mark-confirmed" disabled>Confirmed</button>
      <button type="button" id="mark-wrong" disabled>Wrong</button>
    </div>
    <p><label for="note">Note (optional)</label><br><input type="text" id="note" autocomplete="off"></p>
    <p id="save-status" role="status"></p>
  </section>
  ${holding.length ? `<details><summary>Checks that hold (${holding.length})</summary><ol class="checks">${holding.map((c) => checkItem(c, byId, report.text)).join('')}</ol></details>` : ''}
  <section aria-labelledby="marks-heading">
    <h2 id="marks-heading">Review marks</h2>
    <p id="marks-mode">Saved marks: <span id="marks-count">${marks.length}</span>.</p>
    <p><button type="button" id="export-marks">Download review.jsonl lines</button></p>
  </section>
</aside>
</div>
<script type="application/json" id="review-data">${scriptJson(data)}</script>`;
  return page({ title: `${title} · review`, root, body, kind: 'document' });
}

export function documentTitle(report: LoadedReport['report']): string {
  const d = report.document;
  const head = [d?.kind, d?.symbol ? `${d.number ?? '…'}/${d.symbol}` : null].filter(Boolean).join(' ');
  const name = d?.title ?? report.source.path;
  return head ? `${head}: ${name}` : name;
}

interface TextContext {
  statusOf: (id: string) => ValueStatus;
  byId: Map<string, Value>;
  /** Tokens restoration changed in this text, sorted by start. */
  changes: RestoredToken[];
  /** Keeps anchors unique between the two texts. */
  prefix: string;
  /** The text value spans index into (for what was read). */
  current: string;
}

/**
 * The text with a `<mark>` per run of values, and restored words (inside or outside values)
 * carrying what OCR read. Callers put a newline right after `<pre>`: the HTML parser drops one
 * there, and a report's text often starts with one (every offset on the page would shift by 1).
 */
function renderText(text: string, items: Marked[], { statusOf, byId, changes, prefix, current }: TextContext): string {
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
    const tip = run.ids.map((id) => tooltip(byId.get(id)!, current)).join('\n');
    parts.push(`${anchors}<mark class="v st-${status}" data-ids="${esc(run.ids.join(' '))}" title="${esc(tip)}">${chunk}</mark>`);
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
    const cls = c.confidence < UNSURE ? 'rs unsure' : 'rs';
    out += `${esc(text.slice(at, s))}<span class="${cls}" title="${esc(restoredTip(c))}">${esc(text.slice(s, e))}</span>`;
    at = e;
  }
  return out + esc(text.slice(at, end));
}

/** Below this, restoration's choice is shown as doubtful (dotted underline). */
const UNSURE = 0.9;

function restoredTip(c: RestoredToken): string {
  const alt = c.runnerUp && c.runnerUp !== c.chosen ? `, next best ${c.runnerUp}` : '';
  return `OCR: ${c.original} (restored as ${c.chosen}, confidence ${c.confidence.toFixed(2)}${alt})`;
}

function tooltip(v: Value, current: string): string {
  const read = current.slice(v.span.start, v.span.end);
  const what = v.target === 'figure'
    ? `${v.id}: ${v.comparator ? `${v.comparator} ` : ''}${viNumber(v.value)}${v.of !== null ? `/${viNumber(v.of)}` : ''} ${v.unit ?? ''} · ${v.metric ?? v.subject ?? 'no metric'}`
    : `${v.id}: ${v.kind} ${v.number ?? ''}${v.symbol ? `/${v.symbol}` : ''}${v.date ? ` · ${v.date}` : ''}`;
  const where = `line ${v.provenance.line}${v.provenance.page ? `, page ${v.provenance.page}` : ''}`;
  const orig = v.provenance.text !== read ? `\noriginal: ${v.provenance.text}` : '';
  return `${what.trim()} (${where})${orig}`;
}

function checkItem(c: ReviewCheck, byId: Map<string, Value>, text: string): string {
  const first = c.figures.find((id) => byId.has(id));
  const desc = c.description ?? `${c.kind} check`;
  const values = c.figures.map((id) => {
    const v = byId.get(id);
    if (!v) return `<li>${esc(id)} (not in this report)</li>`;
    const where = `line ${v.provenance.line}${v.provenance.page ? `, page ${v.provenance.page}` : ''}`;
    return `<li><a href="#v-${esc(id)}" data-value="${esc(id)}">${esc(text.slice(v.span.start, v.span.end))}</a> <span class="where">${esc(where)}</span></li>`;
  });
  return `<li class="check ${c.holds ? 'holds' : 'fails'}" id="check-${esc(c.id)}">
<a class="check-link" href="#${first ? `v-${esc(first)}` : `check-${esc(c.id)}`}" data-check="${esc(c.id)}"><span class="kind">${esc(c.kind)}</span> ${esc(desc)}</a>
<div class="nums">expected ${esc(viNumber(c.expected))}, actual ${esc(viNumber(c.actual))}${c.tolerance ? ` (± ${esc(viNumber(c.tolerance))})` : ''}</div>
<ul class="check-values">${values.join('')}</ul></li>`;
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
    };
  }
  return { ...common, kind: v.kind, number: v.number, year: v.year, symbol: v.symbol, issuer: v.issuer, date: v.date, key: v.key };
}
