/**
 * The review site end to end, in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): `baocao run` on seeds, `baocao review --serve`, then what a QA reviewer does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './browser.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeCheck } from '../src/review/describe.js';
import { writeSite } from '../src/review/site.js';
import type { ReviewReport } from '../src/review/types.js';
import { DATABASE_FILE, queryRows, withDatabase } from '../src/write/duckdb.js';
import { baocao, BIN, readJson, ROOT } from './helpers.js';

/** Outside CI a machine without Chromium skips this suite with one line; in CI it must be there. */
const SKIP = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (SKIP) console.warn('skipping test/review.test.ts (the review site in a browser): no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium`');
const SEED = '000_df22d471c82bd4e0.txt';
const OTHER = '001_226b3a6e67be8d17.txt';
/** Seed 004: OCR'd text, its diacritics restored (some 2 000 words). */
const RESTORED = '004_0ecefb93d6d43162.txt';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let input: string;
let out: string;
let report: ReviewReport;
let other: ReviewReport;
let restored: ReviewReport;
let server: ChildProcess;
let base: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (SKIP) return;
  input = mkdtempSync(join(tmpdir(), 'baocao-review-in-'));
  out = mkdtempSync(join(tmpdir(), 'baocao-review-out-'));
  for (const f of [SEED, OTHER, RESTORED]) copyFileSync(join(ROOT, 'fixtures', f), join(input, f));
  const run = baocao(['run', input, '--out', out]);
  expect(run.stderr).toBe('');
  report = readJson(join(out, `${SEED}.json`));
  other = readJson(join(out, `${OTHER}.json`));
  restored = readJson(join(out, `${RESTORED}.json`));
  server = spawn(BIN, ['review', out, '--serve', '--port', '0'], { cwd: ROOT });
  base = await new Promise<string>((ok, fail) => {
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (m) ok(m[1]!);
    });
    server.stderr!.on('data', (chunk: Buffer) => fail(new Error(chunk.toString('utf8'))));
    server.on('exit', (code) => fail(new Error(`review --serve exited with ${code}: ${seen}`)));
  });
  context = await launchChromium({ acceptDownloads: true });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

// A script error on any page fails the test that caused it.
const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  // The server first: nothing that follows may leave it running.
  server?.kill();
  await context?.close();
});

const docUrl = (root: string, file: string) => `${root}docs/${file}.html`;

/** Where each mark of a value sits in the shown text: [offset in the text, characters]. */
function placesOf(id: string, pre = '#doc-text') {
  return page.evaluate(
    ({ id, pre }) => {
      const root = document.querySelector(pre)!;
      return [...root.querySelectorAll('mark.v[data-ids]')]
        .filter((el) => el.getAttribute('data-ids')!.split(' ').includes(id))
        .map((el) => {
          const range = document.createRange();
          range.setStart(root, 0);
          range.setEndBefore(el);
          return [range.toString().length, el.textContent] as [number, string];
        });
    },
    { id, pre },
  );
}

/** axe-core's violations on the page (`skip`: rule ids not run). */
async function axeViolations(skip: string[] = []) {
  await page.addScriptTag({ content: AXE });
  type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string }[] }> };
  const result = await page.evaluate((skip) => (window as unknown as { axe: Axe }).axe.run(document, {
    rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])),
  }), skip);
  return result.violations.map((v) => `${v.impact}: ${v.id}`);
}

/** The accessible name and description Chromium gives the focused element (what a screen reader announces). */
async function focusedAccessible(): Promise<{ name: string; description: string }> {
  const cdp = await context.newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId! });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    const ax = nodes[0]!;
    return { name: String(ax.name?.value ?? ''), description: String(ax.description?.value ?? '') };
  } finally {
    await cdp.detach();
  }
}

/** The rows of a query on the output's tables. */
const sql = (query: string) => withDatabase(join(out, DATABASE_FILE), async (db) => (await queryRows(db, query)).rows);

/** The failed PAKN balance check of seed 000 (`đã tiếp nhận: 07 PAKN; … đang xử lý: 07 PAKN`). */
function paknCheck() {
  const pakn = report.text.indexOf('Tổng số PAKN đã tiếp nhận: 07 PAKN') + 'Tổng số PAKN đã tiếp nhận: '.length;
  const received = report.figures.find((x) => x.span.start === pakn)!;
  const check = report.checks.find((c) => !c.holds && c.figures.includes(received.id));
  expect(check, 'a failed check uses the PAKN received').toBeDefined();
  return check!;
}

/** The count `1.894 hồ sơ` of `Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ, trong đó: …`. */
function totalFigure() {
  const at = report.text.indexOf('yêu cầu giải quyết: 1.894 hồ sơ') + 'yêu cầu giải quyết: '.length;
  const f = report.figures.find((x) => x.span.start === at);
  expect(f, 'extraction found the 1.894 total').toBeDefined();
  return f!;
}

describe.skipIf(SKIP)('baocao review', () => {
  it('lists the documents with their counts, failed checks first, and sorts by a column', async () => {
    await page.goto(base);
    const rows = await page.$$eval('#documents tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th a, td')].map((c) => c.textContent!.trim())));
    const failed = (r: ReviewReport) => r.checks.filter((c) => !c.holds).length;
    const expected = [report, other, restored]
      .map((r) => [r.source.path, r.textUsed, String(r.figures.length), String(r.references.length), String(r.checks.length), String(failed(r)), '0', '0', '0'])
      .sort((a, b) => Number(b[5]) - Number(a[5]) || (a[0]! < b[0]! ? -1 : 1));
    expect(rows).toEqual(expected);
    await page.getByRole('button', { name: 'Trích dẫn' }).click();
    const byReferences = await page.$$eval('#documents tbody th a', (as) => as.map((a) => a.textContent));
    expect(byReferences).toEqual([report, other, restored].sort((a, b) => b.references.length - a.references.length).map((r) => r.source.path));
    expect(await axeViolations()).toEqual([]);
  });

  it('highlights the figure 1.894 at its span in the text', async () => {
    await page.goto(docUrl(base, SEED));
    const f = totalFigure();
    expect(await placesOf(f.id)).toEqual([[f.span.start, '1.894 hồ sơ']]);
    // The text before it is the report's text, character for character.
    const label = 'Tổng số hồ sơ yêu cầu giải quyết: ';
    const before = await page.evaluate(({ end, n }) => document.querySelector('#doc-text')!.textContent!.slice(end - n, end), { end: f.span.start, n: label.length });
    expect(before).toBe(label);
    expect(await page.locator('#doc-text').textContent()).toBe(report.text);
  });

  it('lists the failed PAKN check and n jumps to the spans it used', async () => {
    await page.goto(docUrl(base, SEED));
    const pakn = report.text.indexOf('Tổng số PAKN đã tiếp nhận: 07 PAKN') + 'Tổng số PAKN đã tiếp nhận: '.length;
    const received = report.figures.find((x) => x.span.start === pakn)!;
    const failed = report.checks.filter((c) => !c.holds);
    const check = failed.find((c) => c.figures.includes(received.id));
    expect(check, 'a failed check uses the PAKN received').toBeDefined();
    await expect.poll(() => page.locator('#failed-checks li.check').count()).toBe(failed.length);
    const index = failed.indexOf(check!);
    for (let i = 0; i <= index; i++) await page.keyboard.press('n');
    expect(await page.locator(`#check-${check!.id}`).getAttribute('aria-current')).toBe('true');
    const current = await page.$$eval('#doc-text mark.current', (els) => [...new Set(els.flatMap((e) => e.getAttribute('data-ids')!.split(' ')))]);
    expect(current.filter((id) => check!.figures.includes(id)).sort()).toEqual([...check!.figures].sort());
    for (const id of check!.figures) {
      const f = report.figures.find((x) => x.id === id)!;
      expect((await placesOf(id))[0]).toEqual([f.span.start, report.text.slice(f.span.start, f.span.end)]);
    }
    // The first value of the check is on screen and selected.
    const first = page.locator(`#doc-text mark.selected`).first();
    await expect.poll(() => first.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
    mkdirSync(join(ROOT, 'output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'output', 'review-000.png') });
    // p goes back through the list the other way.
    if (failed.length > 1) {
      await page.keyboard.press('p');
      expect(await page.locator(`#check-${failed[(index - 1 + failed.length) % failed.length]!.id}`).getAttribute('aria-current')).toBe('true');
    }
    expect(await axeViolations()).toEqual([]);
  });

  it('marking a value wrong appends a line to review.jsonl, shown again after a reload', async () => {
    await page.goto(docUrl(base, SEED));
    const f = totalFigure();
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await page.getByLabel('Ghi chú (không bắt buộc)').fill('tổng không khớp');
    await page.getByRole('button', { name: 'Sai', exact: true }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe(`${f.id}: sai, đã lưu vào review.jsonl.`);
    const lines = readFileSync(join(out, 'review.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    const { time, ...mark } = lines[0];
    expect(Number.isNaN(Date.parse(time))).toBe(false);
    expect(mark).toEqual({
      file: SEED, sha256: report.source.sha256, id: f.id, target: 'figure', verdict: 'wrong',
      span: f.provenance.span, line: f.provenance.line, text: '1.894 hồ sơ', value: 1894, metric: f.metric,
      note: 'tổng không khớp',
    });
    await page.reload();
    await expect.poll(() => page.locator(`#doc-text mark[data-ids~="${f.id}"].rv-wrong`).count()).toBe(1);
  });

  it('from file:// keeps verdicts in the browser and downloads them as review.jsonl lines', async () => {
    const site = `file://${join(out, 'review')}/`;
    expect(existsSync(join(out, 'review', 'index.html'))).toBe(true);
    await page.goto(docUrl(site, SEED));
    const f = totalFigure();
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await page.keyboard.press('c');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải các dòng review.jsonl' }).click();
    const path = await (await download).path();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.verdict, l.text])).toEqual([[f.id, 'confirmed', '1.894 hồ sơ']]);
    expect(readFileSync(join(out, 'review.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('speaks Vietnamese by default and English after the switch, kept across pages; axe finds nothing in either', async () => {
    const failed = [report, other, restored].reduce((n, r) => n + r.checks.filter((c) => !c.holds).length, 0);
    const headings = () => page.$$eval('#documents thead button', (bs) => bs.map((b) => b.textContent));
    await page.goto(base);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toBe(`Rà soát: 3 văn bản, ${failed} kiểm tra không đạt`);
    expect(await headings()).toEqual(['Văn bản', 'Nguồn chữ', 'Số liệu', 'Trích dẫn', 'Kiểm tra', 'Không đạt', 'Đã rà soát', 'Đánh dấu sai', 'Đã sửa']);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(`Review: 3 documents, ${failed} failed checks`);
    expect(await headings()).toEqual(['Document', 'Text', 'Figures', 'References', 'Checks', 'Failed checks', 'Reviewed', 'Marked wrong', 'Corrected']);
    expect(await page.title()).toBe('baocao review');
    expect(await axeViolations()).toEqual([]);

    // the choice is kept: the next page opens in English, its checks described from their data
    await page.goto(docUrl(base, SEED));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const check = paknCheck();
    const byId = new Map(report.figures.map((f) => [f.id, f]));
    const description = page.locator(`#check-${check.id} .desc`);
    expect(await description.textContent()).toBe(describeCheck('en', check, byId));
    expect(await description.textContent()).toBe('feedback received 7 (f110) ≠ feedback handled on time 7 (f111) + feedback handled late 0 (f112) + feedback being handled 7 (f113) = 14');
    expect(await page.locator('#failed-heading').textContent()).toBe(`Failed checks (${report.checks.filter((c) => !c.holds).length})`);
    expect(await page.locator('#check-' + check.id + ' .nums').textContent()).toBe('expected 7, actual 14');
    expect(await page.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('lang')).toBe('vi');
    expect(await axeViolations()).toEqual([]);

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await description.textContent()).toBe(describeCheck('vi', check, byId));
    expect(await description.textContent()).toBe('Số phản ánh, kiến nghị tiếp nhận 7 (f110) ≠ Số phản ánh, kiến nghị xử lý đúng hạn 7 (f111) + '
      + 'Số phản ánh, kiến nghị xử lý quá hạn 0 (f112) + Số phản ánh, kiến nghị đang xử lý 7 (f113) = 14');
    expect(await page.locator(`#check-${check.id} .nums`).textContent()).toBe('mong đợi 7, thực tế 14');
    expect(await axeViolations()).toEqual([]);
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('reaches the restored words by keyboard, one tab stop, and reads out what OCR read', async () => {
    await page.goto(docUrl(base, RESTORED));
    const changes = [...restored.restoration!.changes].sort((a, b) => a.span.start - b.span.start);
    expect(changes.length).toBeGreaterThan(1000);
    // thousands of restored words, one tab stop
    expect(await page.locator('#doc-text span.rs[tabindex="0"]').count()).toBe(1);
    expect(await page.locator('#doc-text span.rs:not([tabindex="-1"])').count()).toBe(1);
    /** The restored word that has the focus: its offset in the text, its characters. */
    const focused = () => page.evaluate(() => {
      const root = document.querySelector('#doc-text')!;
      const el = document.activeElement!;
      const range = document.createRange();
      range.setStart(root, 0);
      range.setEndBefore(el);
      return { at: range.toString().length, text: el.textContent, cls: el.className };
    });
    const changeAt = (at: number) => changes.find((c) => c.span.start <= at && at < c.span.end)!;
    // Tab from the control before the text lands on the first restored word
    await page.locator('#show-original').focus();
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.cls).toMatch(/^rs/);
    expect(first.at).toBe(changes[0]!.span.start);
    expect(await focusedAccessible()).toMatchObject({ description: `đã khôi phục từ “${changes[0]!.original}”` });
    // r steps to the next, R back
    await page.keyboard.press('r');
    const second = await focused();
    expect(second.at).toBeGreaterThan(first.at);
    expect(second.text).toBe(restored.text.slice(second.at, second.at + second.text!.length));
    expect(await focusedAccessible()).toMatchObject({ description: `đã khôi phục từ “${changeAt(second.at).original}”` });
    expect(await page.locator('#doc-text span.rs[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('R');
    expect((await focused()).at).toBe(first.at);
    // in English too; from elsewhere, r comes back to the restored word last reached
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('r');
    expect((await focused()).at).toBe(first.at);
    expect(await focusedAccessible()).toMatchObject({ description: `restored from “${changes[0]!.original}”` });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    // one scan (some 2 000 focusable restored words take axe 10 s; colour contrast over them 10 s
    // more: the styles are the seed 000 page's, whose scans check it in both languages)
    expect(await axeViolations(['color-contrast'])).toEqual([]);
  });

  it('lists the restored words in doubt first, least confident first, and focuses one from its link', async () => {
    await page.goto(docUrl(base, RESTORED));
    const unsure = restored.restoration!.lowConfidence!.changes;
    expect(restored.restoration!.lowConfidence!.threshold).toBe(0.9);
    expect(unsure.length).toBeGreaterThan(10);
    expect(unsure.every((c, i) => c.confidence < 0.9 && (i === 0 || unsure[i - 1]!.confidence <= c.confidence))).toBe(true);
    // the first section of the side panel, in the report's order
    expect(await page.locator('aside section').first().getAttribute('aria-labelledby')).toBe('unsure-heading');
    expect(await page.locator('#unsure-heading').textContent()).toBe(`Từ khôi phục chưa chắc chắn (${unsure.length})`);
    const links = page.locator('#unsure-words a');
    expect(await links.count()).toBe(unsure.length);
    expect(await links.nth(1).textContent()).toBe(`${unsure[1]!.original} → ${unsure[1]!.chosen}`);
    // following a link puts the focus on that word in the text, where r / R go on from
    await links.nth(1).click();
    const focused = await page.evaluate(() => ({ id: document.activeElement!.id, text: document.activeElement!.textContent, tab: (document.activeElement as HTMLElement).tabIndex }));
    expect(focused).toEqual({ id: `rs-${unsure[1]!.span.start}`, text: unsure[1]!.chosen, tab: 0 });
    expect(await focusedAccessible()).toMatchObject({ description: `đã khôi phục từ “${unsure[1]!.original}”` });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#unsure-heading').textContent()).toBe(`Restored words in doubt (${unsure.length})`);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('a typed correction goes to review.jsonl, then to metrics after the next run, with its checks re-evaluated', async () => {
    await page.goto(docUrl(base, SEED));
    const f = totalFigure();
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('correct-value');
    await page.keyboard.type('1.895');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#save-status').textContent()).toBe(`${f.id}: đã sửa thành 1.895, đã lưu vào review.jsonl.`);
    await expect.poll(() => page.locator(`#doc-text mark[data-ids~="${f.id}"].rv-corrected`).count()).toBe(1);
    const lines = readFileSync(join(out, 'review.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const { time, ...mark } = lines[1];
    expect(Number.isNaN(Date.parse(time))).toBe(false);
    expect(mark).toEqual({
      file: SEED, sha256: report.source.sha256, id: f.id, target: 'figure', verdict: 'corrected',
      span: f.provenance.span, line: f.provenance.line, text: '1.894 hồ sơ', value: 1895, read: 1894, metric: f.metric,
    });

    const run = baocao(['run', input, '--out', out]);
    expect(run.stderr).toBe('');
    expect(await sql(`SELECT value, value_read, review, check_status FROM metrics WHERE sha256 = '${report.source.sha256}' AND figure_id = '${f.id}'`))
      .toEqual([{ value: 1895, value_read: 1894, review: 'corrected', check_status: 'fail' }]);
    // the total's sum (1.852 + 42) and balance (1.725 resolved + 169 pending) held as read, and fail with 1.895
    const checks = report.checks.filter((c) => c.figures.includes(f.id));
    expect(checks.map((c) => [c.kind, c.holds])).toEqual([['sum', true], ['balance', true]]);
    expect(await sql(`SELECT id, kind, expected, actual, holds, expected_read, actual_read, holds_read, corrected FROM checks_reviewed
      WHERE sha256 = '${report.source.sha256}' AND list_contains(figures, '${f.id}') ORDER BY id`)).toEqual(checks.map((c) => ({
      id: c.id, kind: c.kind, expected: 1895, actual: 1894, holds: false, expected_read: 1894, actual_read: 1894, holds_read: true, corrected: [f.id],
    })));
    // the other checks are as the report states them
    expect(await sql(`SELECT count(*) AS n FROM checks_reviewed c JOIN checks k USING (sha256, id)
      WHERE c.holds IS DISTINCT FROM k.holds OR c.expected IS DISTINCT FROM k.expected`)).toEqual([{ n: String(checks.length) }]);
  });

  it('offers the top repair proposed for a failed check, applied as a correction with one key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-review-proposal-'));
    const check = paknCheck();
    const pending = check.figures[check.figures.length - 1]!;
    const withProposal = {
      ...report,
      checks: report.checks.map((c) => (c.id === check.id
        ? { ...c, proposals: [{ figure: pending, read: 7, proposed: 0, probability: 0.62 }, { figure: check.figures[0]!, read: 7, proposed: 14, probability: 0.2 }] }
        : c)),
    };
    writeFileSync(join(dir, `${SEED}.json`), JSON.stringify(withProposal));
    await writeSite(dir);
    await page.goto(docUrl(`file://${join(dir, 'review')}/`, SEED));
    expect(await page.locator(`#check-${check.id} .proposal [data-l="check.proposal"]`).textContent())
      .toBe(`Đề xuất: ${pending} “7” → 0 (xác suất 0,62). Nhấn a để sửa.`);
    // one line per failed check with a proposal: the injected one, and those the validator made
    expect(await page.locator('.proposal').count()).toBe(withProposal.checks.filter((c) => !c.holds && (c as { proposals?: unknown[] }).proposals?.length).length);
    const failed = report.checks.filter((c) => !c.holds);
    for (let i = 0; i <= failed.indexOf(check); i++) await page.keyboard.press('n');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('#save-status').textContent())
      .toBe(`${pending}: đã sửa thành 0 (giữ trong trình duyệt này: hãy tải các dòng về để lưu lại).`);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('baocao-review-marks')!));
    const figure = report.figures.find((x) => x.id === pending)!;
    expect(stored.at(-1)).toMatchObject({
      id: pending, verdict: 'corrected', value: 0, read: 7, span: figure.provenance.span, text: figure.provenance.text,
    });
  });
});
