/**
 * The tables view of the review page, in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): `baocao run` on the annex fixture (a city's report with 36 communes, one wrong
 * total), `baocao review`, then a QA reviewer clicking cells.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './browser.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../src/review/server.js';
import type { ReviewReport } from '../src/review/types.js';
import { baocao, readJson, ROOT } from './helpers.js';

/** Outside CI a machine without Chromium skips this suite with one line; in CI it must be there. */
const SKIP = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (SKIP) console.warn('skipping test/review-tables.test.ts (the tables view in a browser): no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium`');
const ANNEX = 'hai-phong-tthc-quy-1-2026.txt';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let out: string;
let report: ReviewReport;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (SKIP) return;
  const input = mkdtempSync(join(tmpdir(), 'baocao-tables-in-'));
  out = mkdtempSync(join(tmpdir(), 'baocao-tables-out-'));
  copyFileSync(join(ROOT, 'fixtures', 'annex', ANNEX), join(input, ANNEX));
  expect(baocao(['run', input, '--out', out]).stderr).toBe('');
  expect(baocao(['review', out]).stderr).toBe('');
  report = readJson(join(out, `${ANNEX}.json`));
  server = await serve(out, 0);
  context = await launchChromium();
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 300_000);

const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await server?.close();
  await context?.close();
});

describe.skipIf(SKIP)('the tables view of the review page', () => {
  it('shows the annex as a table: its header, a row per commune, each figure’s cell coloured by its checks', async () => {
    await page.goto(`${server.url}docs/${ANNEX}.html`);
    const table = page.locator('table.cells');
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator('caption').textContent()).toBe(report.tables![0]!.title);
    expect(await table.locator('thead th').allTextContents()).toEqual(report.tables![0]!.header);
    expect(await table.locator('tbody tr').count()).toBe(37);
    // a cell per figure, coloured as the figure's checks say
    const statusOf = (id: string) => {
      const checks = report.checks.filter((c) => c.figures.includes(id));
      return checks.length === 0 ? 'unchecked' : checks.every((c) => c.holds) ? 'passed' : 'failed';
    };
    const cells = await table.locator('button.cell').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-value'), b.className, b.textContent]));
    const figures = report.figures.filter((f) => f.cell);
    expect(cells).toEqual(figures.map((f) => [f.id, `cell st-${statusOf(f.id)}`, report.text.slice(f.span.start, f.span.end)]));
    // the wrong total is the one cell of the failed check that is not a commune's
    const failed = report.checks.find((c) => !c.holds)!;
    expect(await table.locator(`button[data-value="${failed.figures[0]}"]`).getAttribute('class')).toBe('cell st-failed');
    expect(await table.locator('button.cell.st-failed').count()).toBe(failed.figures.length);
    expect(await table.locator('button.cell.st-passed').count()).toBe(figures.length - failed.figures.length);
  });

  it('shows a clicked cell’s row label and header path, in Vietnamese first and in English on the switch', async () => {
    await page.goto(`${server.url}docs/${ANNEX}.html`);
    const f = report.figures.find((x) => x.cell?.label === 'Xã An Lão' && x.metric === 'applications.resolved.late')!;
    await page.locator(`table.cells button[data-value="${f.id}"]`).click();
    const detail = () => page.locator('#detail dl').evaluate((dl) => {
      const out: Record<string, string> = {};
      dl.querySelectorAll('dt').forEach((dt) => (out[dt.textContent!] = (dt.nextElementSibling as HTMLElement).textContent!));
      return out;
    });
    expect(await detail()).toMatchObject({ 'Hàng trong bảng': 'Xã An Lão', 'Cột trong bảng': 'Giải quyết trễ hạn', 'Chỉ số': 'applications.resolved.late' });
    expect(await page.locator(`table.cells button[data-value="${f.id}"]`).getAttribute('class')).toContain('selected');
    // the same figure is selected in the text above
    expect(await page.locator(`#doc-text mark.selected`).first().textContent()).toBe(report.text.slice(f.span.start, f.span.end));
    await page.locator('#lang-switch').click();
    await page.locator(`table.cells button[data-value="${f.id}"]`).click();
    expect(await detail()).toMatchObject({ 'Table row': 'Xã An Lão', 'Table column': 'Giải quyết trễ hạn' });
    await page.locator('#lang-switch').click();
  });

  it('names each cell for a screen reader by its value, row and column, and axe finds no violation', async () => {
    await page.goto(`${server.url}docs/${ANNEX}.html`);
    const total = report.figures.find((x) => x.cell?.label === 'Tổng cộng' && x.cell.column === 2)!;
    expect(await page.locator(`table.cells button[data-value="${total.id}"]`).getAttribute('aria-label')).toBe(
      `${report.text.slice(total.span.start, total.span.end)}: hàng Tổng cộng, cột Số hồ sơ tiếp nhận`,
    );
    await page.addScriptTag({ content: AXE });
    type Axe = { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> };
    const result = await page.evaluate(() => (window as unknown as { axe: Axe }).axe.run(document));
    expect(result.violations.map((v) => `${v.impact}: ${v.id}`)).toEqual([]);
  });
});
