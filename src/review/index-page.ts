/** The index: every document with its counts, failed checks first, sortable by any column. */
import { documentTitle } from './document-page.js';
import { esc, L, langSwitch, page } from './html.js';
import type { LabelKey } from './labels.js';
import { t } from './labels.js';
import type { OutputFolder } from './load.js';
import { latestMarks } from './marks.js';
import { summarise } from './status.js';

/** Where a report's page sits in the site, relative to the site root (a file path, `/`-separated). */
export const documentPath = (jsonPath: string) => `docs/${jsonPath.replace(/\.json$/, '')}.html`;
/** The same as a link: each segment URL-encoded (file names may hold `#`, `?` or spaces). */
const documentHref = (jsonPath: string) => documentPath(jsonPath).split('/').map(encodeURIComponent).join('/');

export function renderIndex(folder: OutputFolder): string {
  const latest = [...latestMarks(folder.marks).values()];
  const rows = folder.reports.map((r) => {
    const s = summarise(r.report);
    const reviewed = latest.filter((m) => m.sha256 === r.report.source.sha256).length;
    const mine = latest.filter((m) => m.sha256 === r.report.source.sha256);
    return { r, s, reviewed, wrong: mine.filter((m) => m.verdict === 'wrong').length, corrected: mine.filter((m) => m.verdict === 'corrected').length };
  });
  rows.sort((a, b) => b.s.failed - a.s.failed || (a.r.jsonPath < b.r.jsonPath ? -1 : 1));
  const totalFailed = rows.reduce((n, x) => n + x.s.failed, 0);
  const columns: [LabelKey, 'text' | 'number'][] = [
    ['col.document', 'text'], ['col.text', 'text'], ['col.figures', 'number'], ['col.references', 'number'],
    ['col.checks', 'number'], ['col.failed', 'number'], ['col.reviewed', 'number'], ['col.wrong', 'number'], ['col.corrected', 'number'],
  ];
  const head = columns.map(([name, type], i) =>
    `<th scope="col"${i === 5 ? ' aria-sort="descending"' : ''}>${L(name, undefined, 'button', ` type="button" data-column="${i}" data-type="${type}"`)}</th>`).join('');
  const body = rows.map(({ r, s, reviewed, wrong, corrected }) => `<tr${s.failed ? ' class="has-failed"' : ''}>
<th scope="row" data-sort="${esc(r.report.source.path)}"><a href="${esc(documentHref(r.jsonPath))}">${esc(r.report.source.path)}</a><br><span class="doc-title">${esc(documentTitle(r.report))}</span></th>
<td>${esc(r.report.textUsed)}</td><td class="num">${s.figures}</td><td class="num">${s.references}</td>
<td class="num">${s.checks}</td><td class="num failed-count">${s.failed}</td><td class="num">${reviewed}</td><td class="num">${wrong}</td><td class="num">${corrected}</td></tr>`).join('\n');
  const errors = folder.errors.length === 0 ? '' : `<section aria-labelledby="errors-heading">${L('index.errors', { count: folder.errors.length }, 'h2', ' id="errors-heading"')}
<ul>${folder.errors.map((e) => `<li><code>${esc(e.file)}</code>: ${esc(e.reason)} (${esc(e.stage)})</li>`).join('')}</ul></section>`;
  const content = `<header class="top">${langSwitch()}${L('index.heading', { documents: rows.length, failed: totalFailed }, 'h1')}
${L('index.hint', undefined, 'p', ' class="hint"')}</header>
<main>
<table id="documents">
${L('index.caption', undefined, 'caption', ' class="visually-hidden"')}
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${errors}
</main>`;
  return page({ title: t('vi', 'index.title'), root: '', body: content, kind: 'index' });
}
