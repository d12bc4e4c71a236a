/**
 * The review site end to end, in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): `baocao run` on seeds, `baocao review --serve`, then what a QA reviewer does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../src/review/types.js';
import { baocao, BIN, readJson, ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
/** Outside CI a machine without Chromium skips this suite with one line; in CI it must be there. */
const SKIP = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (SKIP) console.warn('skipping test/review.test.ts (the review site in a browser): no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium`');
const SEED = '000_df22d471c82bd4e0.txt';
const OTHER = '001_226b3a6e67be8d17.txt';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let out: string;
let report: ReviewReport;
let other: ReviewReport;
let server: ChildProcess;
let base: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (SKIP) return;
  const input = mkdtempSync(join(tmpdir(), 'baocao-review-in-'));
  out = mkdtempSync(join(tmpdir(), 'baocao-review-out-'));
  for (const f of [SEED, OTHER]) copyFileSync(join(ROOT, 'fixtures', f), join(input, f));
  const run = baocao(['run', input, '--out', out]);
  expect(run.stderr).toBe('');
  report = readJson(join(out, `${SEED}.json`));
  other = readJson(join(out, `${OTHER}.json`));
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
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'baocao-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
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

async function axeViolations() {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.impact}: ${v.id}`);
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
    const expected = [report, other]
      .map((r) => [r.source.path, r.textUsed, String(r.figures.length), String(r.references.length), String(r.checks.length), String(failed(r)), '0', '0'])
      .sort((a, b) => Number(b[5]) - Number(a[5]) || (a[0]! < b[0]! ? -1 : 1));
    expect(rows).toEqual(expected);
    await page.getByRole('button', { name: 'References' }).click();
    const byReferences = await page.$$eval('#documents tbody th a', (as) => as.map((a) => a.textContent));
    expect(byReferences).toEqual([report, other].sort((a, b) => b.references.length - a.references.length).map((r) => r.source.path));
    expect((await axeViolations()).filter((v) => /^(critical|serious)/.test(v))).toEqual([]);
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
    expect((await axeViolations()).filter((v) => /^(critical|serious)/.test(v))).toEqual([]);
  });

  it('marking a value wrong appends a line to review.jsonl, shown again after a reload', async () => {
    await page.goto(docUrl(base, SEED));
    const f = totalFigure();
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await page.getByLabel('Note (optional)').fill('tổng không khớp');
    await page.getByRole('button', { name: 'Wrong' }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toContain('saved to review.jsonl');
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
    await page.getByRole('button', { name: 'Download review.jsonl lines' }).click();
    const path = await (await download).path();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.verdict, l.text])).toEqual([[f.id, 'confirmed', '1.894 hồ sơ']]);
    expect(readFileSync(join(out, 'review.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
