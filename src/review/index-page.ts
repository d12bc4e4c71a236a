/** The index: every document with its counts, failed checks first, sortable by any column. */
import { documentTitle } from './document-page.js';
import { esc, page } from './html.js';
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
    return { r, s, reviewed, wrong: latest.filter((m) => m.sha256 === r.report.source.sha256 && m.verdict === 'wrong').length };
  });
  rows.sort((a, b) => b.s.failed - a.s.failed || (a.r.jsonPath < b.r.jsonPath ? -1 : 1));
  const totalFailed = rows.reduce((n, x) => n + x.s.failed, 0);
  const columns: [string, 'text' | 'number'][] = [
    ['Document', 'text'], ['Text', 'text'], ['Figures', 'number'], ['References', 'number'],
    ['Checks', 'number'], ['Failed checks', 'number'], ['Reviewed', 'number'], ['Marked wrong', 'number'],
  ];
  const head = columns.map(([name, type], i) =>
    `<th scope="col"${i === 5 ? ' aria-sort="descending"' : ''}><button type="button" data-column="${i}" data-type="${type}">${esc(name)}</button></th>`).join('');
  const body = rows.map(({ r, s, reviewed, wrong }) => `<tr${s.failed ? ' class="has-failed"' : ''}>
<th scope="row" data-sort="${esc(r.report.source.path)}"><a href="${esc(documentHref(r.jsonPath))}">${esc(r.report.source.path)}</a><br><span class="doc-title">${esc(documentTitle(r.report))}</span></th>
<td>${esc(r.report.textUsed)}</td><td class="num">${s.figures}</td><td class="num">${s.references}</td>
<td class="num">${s.checks}</td><td class="num failed-count">${s.failed}</td><td class="num">${reviewed}</td><td class="num">${wrong}</td></tr>`).join('\n');
  const errors = folder.errors.length === 0 ? '' : `<section aria-labelledby="errors-heading"><h2 id="errors-heading">Files that failed (${folder.errors.length})</h2>
<ul>${folder.errors.map((e) => `<li><code>${esc(e.file)}</code>: ${esc(e.reason)} (${esc(e.stage)})</li>`).join('')}</ul></section>`;
  const content = `<header class="top"><h1>Review: ${plural(rows.length, 'document')}, ${plural(totalFailed, 'failed check')}</h1>
<p class="hint">Click a column heading to sort. Documents with failed checks come first.</p></header>
<main>
<table id="documents">
<caption class="visually-hidden">Documents, with counts of figures, references and failed checks</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${errors}
</main>`;
  return page({ title: 'baocao review', root: '', body: content, kind: 'index' });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
