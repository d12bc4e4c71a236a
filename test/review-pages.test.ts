/**
 * The page image beside the value, in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): `baocao run` on the scanned fixture, its one-page PNG and a DOCX copy, then
 * `baocao review`, then what a QA reviewer does with the page view.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './browser.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../src/ingest/pdf.js';
import { PAGE_IMAGE_BUDGET, pageDir } from '../src/review/page-images.js';
import { serve, type RunningServer } from '../src/review/server.js';
import type { ReviewReport } from '../src/review/types.js';
import { baocao, filesUnder, readJson, ROOT } from './helpers.js';
import { distanceToPdfJs } from '../src/review/testing/distance.js';

/** Outside CI a machine without Chromium skips this suite with one line; in CI it must be there. */
const SKIP = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (SKIP) console.warn('skipping test/review-pages.test.ts (page images in a browser): no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium`');
const SCAN = '000_df22d471c82bd4e0.scan.pdf';
const PNG = '000_df22d471c82bd4e0.page4.png';
const DOCX = '000_df22d471c82bd4e0.docx';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let input: string;
let out: string;
let scan: ReviewReport;
let png: ReviewReport;
let reviewRuns: string[];
let server: RunningServer;
let context: BrowserContext;
let page: Page;
/** The scan's page sizes in points, as pdf.js reads them (the units of its boxes). */
let pagePoints: { width: number; height: number }[];

beforeAll(async () => {
  if (SKIP) return;
  input = mkdtempSync(join(tmpdir(), 'baocao-pages-in-'));
  out = mkdtempSync(join(tmpdir(), 'baocao-pages-out-'));
  for (const f of [SCAN, PNG, DOCX]) copyFileSync(join(ROOT, 'fixtures', 'formats', f), join(input, f));
  // a shared machine may take long over OCR: the default 120 s per file is not what is tested here
  const run = baocao(['run', input, '--out', out, '--timeout', '900']);
  expect(run.stderr).toBe('');
  scan = readJson(join(out, `${SCAN}.json`));
  png = readJson(join(out, `${PNG}.json`));
  // twice: the second run renders nothing
  reviewRuns = [0, 1].map(() => {
    const r = baocao(['review', out]);
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  });
  // served (as `baocao review --serve` does): from file:// the test could not read the image's pixels back
  server = await serve(out, 0);
  const doc = await openPdf(readFileSync(join(input, SCAN)), SCAN);
  pagePoints = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
    pagePoints.push({ width, height });
  }
  await doc.destroy();
  context = await launchChromium();
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await server?.close();
  await context?.close();
});

const docUrl = (file: string) => `${server.url}docs/${file}.html`;

/** The scan's `1.894 hồ sơ` of `Tổng số hồ sơ yêu cầu giải quyết: 1.894 hồ sơ`, on page 4. */
function totalFigure() {
  const at = scan.text.indexOf('yêu cầu giải quyết: 1.894 hồ sơ') + 'yêu cầu giải quyết: '.length;
  const f = scan.figures.find((x) => x.span.start === at);
  expect(f, 'OCR and extraction found the 1.894 total').toBeDefined();
  return f!;
}

/** The drawn boxes of a value and the image, in CSS pixels of the window. */
function drawn(id: string) {
  return page.evaluate((id) => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const image = document.getElementById('pv-image') as HTMLImageElement;
    const view = document.getElementById('pv-viewport')!;
    return {
      image: rect(image),
      viewport: rect(view),
      page: image.getAttribute('data-page'),
      src: image.getAttribute('src'),
      complete: image.complete && image.naturalWidth > 0,
      natural: [image.naturalWidth, image.naturalHeight],
      boxes: [...document.querySelectorAll(`.pv-box[data-id="${id}"]`)].map((el) => ({
        index: Number(el.getAttribute('data-box')),
        selected: el.classList.contains('selected'),
        ...rect(el),
      })).sort((a, b) => a.index - b.index),
    };
  }, id);
}

describe.skipIf(SKIP)('the page beside the value', () => {
  it('renders the 10 pages once: a second baocao review renders none', () => {
    const failed = [scan, png, readJson(join(out, `${DOCX}.json`)) as ReviewReport].reduce((n, r) => n + r.checks.filter((c) => !c.holds).length, 0);
    expect(reviewRuns[0]).toBe(`3 documents, ${failed} failed checks, 10 page images rendered → ${join(out, 'review', 'index.html')}`);
    expect(reviewRuns[1]).toBe(reviewRuns[0]!.replace('10 page images', '0 page images'));
    expect(filesUnder(join(out, 'review', pageDir(scan.source.sha256)))).toEqual(
      [...Array.from({ length: 9 }, (_, i) => `${i + 1}.webp`), 'pages.json'].sort());
  });

  it('selecting the 1.894 on page 4 shows page 4 with a box around the digits, at the OCR word box', async () => {
    await page.goto(docUrl(SCAN));
    const f = totalFigure();
    expect(f.provenance.page).toBe(4);
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await expect.poll(async () => (await drawn(f.id)).complete).toBe(true);
    const d = await drawn(f.id);
    expect(d.page).toBe('4');
    expect(d.src).toBe(`../pages/${scan.source.sha256.slice(0, 16)}/4.webp`);
    expect(d.natural).toEqual([992, 1403]);
    // the page is 595.276 × 841.89 pt: the image is shown at the page's proportions
    const { width: pw, height: ph } = pagePoints[3]!;
    expect(d.image.height / d.image.width).toBeCloseTo(ph / pw, 2);
    // the image's pixels are the page's at (992 / 595.276, 1403 / 841.89): each axis scaled on its own
    const sx = d.image.width / pw;
    const sy = d.image.height / ph;
    const boxes = f.provenance.boxes!;
    expect(boxes.map((b) => b.page)).toEqual([4, 4, 4]);
    expect(d.boxes.map((b) => [b.index, b.selected])).toEqual([[0, true], [1, true], [2, true]].slice(0, boxes.length));
    for (const b of d.boxes) {
      const ocr = boxes[b.index]!;
      expect(b.x - d.image.x).toBeCloseTo(ocr.x * sx, 1);
      expect(b.y - d.image.y).toBeCloseTo(ocr.y * sy, 1);
      expect(b.width).toBeCloseTo(ocr.width * sx, 1);
      expect(b.height).toBeCloseTo(ocr.height * sy, 1);
    }
    // the digits' box: zoomed to a readable height (9.1 pt of a page fit to the panel is 7 px) and scrolled into view
    const digits = d.boxes.find((b) => b.index === 0)!;
    expect(scan.text.slice(f.span.start, f.span.end).split(' ')[0]).toBe('1.894');
    expect(digits.height).toBeGreaterThanOrEqual(20);
    expect(digits.x).toBeGreaterThanOrEqual(d.viewport.x);
    expect(digits.y).toBeGreaterThanOrEqual(d.viewport.y);
    expect(digits.x + digits.width).toBeLessThanOrEqual(d.viewport.x + d.viewport.width);
    expect(digits.y + digits.height).toBeLessThanOrEqual(d.viewport.y + d.viewport.height);
    mkdirSync(join(ROOT, 'output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'output', 'review-pages-000.png') });
  });

  it('the image shown is page 4 of the scan: its pixels are nearest pdf.js’s own rendering of page 4', async () => {
    await page.goto(docUrl(SCAN));
    await page.locator(`#doc-text mark[data-ids~="${totalFigure().id}"]`).first().click();
    await expect.poll(async () => (await drawn(totalFigure().id)).complete).toBe(true);
    // the bytes the browser shows, fetched again from its own address
    const shown = await page.evaluate(async () => {
      const image = document.getElementById('pv-image') as HTMLImageElement;
      const bytes = new Uint8Array(await (await fetch(image.currentSrc)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { src: image.currentSrc, base64: btoa(binary) };
    });
    expect(shown.src).toBe(`${server.url}pages/${scan.source.sha256.slice(0, 16)}/4.webp`);
    const image = await loadImage(Buffer.from(shown.base64, 'base64'));
    // against pdf.js's rendering of page 4 and of its neighbours, straight from the PDF
    const doc = await openPdf(readFileSync(join(input, SCAN)), SCAN);
    const distance: number[] = [];
    for (const n of [3, 4, 5]) distance.push(await distanceToPdfJs(image, doc, n));
    await doc.destroy();
    expect(distance.indexOf(Math.min(...distance))).toBe(1);
    expect(distance[1]).toBeLessThan(4);
    expect(Math.min(distance[0]!, distance[2]!)).toBeGreaterThan(10);
  });

  it('every figure’s box is a button: a click or Enter selects its value in the text', async () => {
    await page.goto(docUrl(SCAN));
    const f = totalFigure();
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    const next = scan.figures.find((x) => x.span.start === scan.text.indexOf('1.852 hồ sơ'))!;
    const onPage4 = scan.figures.filter((x) => x.provenance.boxes?.[0]?.page === 4).length;
    expect(await page.locator('#pv-boxes button.pv-box').count()).toBe(onPage4);
    const button = page.locator(`#pv-boxes button.pv-box[data-id="${next.id}"]`);
    expect(await button.getAttribute('aria-label')).toBe(`Chọn giá trị 1.852 hồ sơ (${next.id}) trong văn bản`);
    await button.click();
    await expect.poll(() => page.locator('#doc-text mark.selected').getAttribute('data-ids')).toBe(next.id);
    expect(await page.locator('#detail p').first().textContent()).toContain(`Số liệu ${next.id}`);
    expect(await page.locator(`.pv-box.selected`).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-id')))])).toEqual([next.id]);
    // by keyboard: focus the 1.894's box and press Enter
    await page.locator(`#pv-boxes button.pv-box[data-id="${f.id}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#doc-text mark.selected').getAttribute('data-ids')).toBe(f.id);
    // j walks the values in the text; the page follows to page 5
    const order = await page.$$eval('#doc-text mark.v[data-ids]', (els) => [...new Set(els.flatMap((e) => e.getAttribute('data-ids')!.split(' ')))]);
    const firstOn5 = order.findIndex((id) => scan.figures.find((x) => x.id === id)?.provenance.boxes?.[0]?.page === 5);
    const at = order.indexOf(f.id);
    await page.locator('#doc-text').click({ position: { x: 1, y: 1 } });
    for (let i = at; i < firstOn5; i++) await page.keyboard.press('j');
    await expect.poll(() => page.locator('#pv-image').getAttribute('data-page')).toBe('5');
    expect(await page.locator('#pv-where').textContent()).toBe('Trang 5/9');
  });

  it('labels in Vietnamese, in English under lang="en", with alt text; no layout shift; no axe violation', async () => {
    await page.goto(docUrl(SCAN));
    // nothing moves as the page and its images load, nor when a value is selected (shifts right
    // after a key or a click are the user's own and not counted, as in Cumulative Layout Shift)
    await page.keyboard.press('j');
    await expect.poll(async () => page.evaluate(() => (document.getElementById('pv-image') as HTMLImageElement).complete)).toBe(true);
    await page.waitForTimeout(600);
    const shift = await page.evaluate(() => new Promise<number>((ok) => {
      new PerformanceObserver((list) => ok(list.getEntries()
        .filter((e) => !(e as unknown as { hadRecentInput: boolean }).hadRecentInput)
        .reduce((s, e) => s + (e as unknown as { value: number }).value, 0)))
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => ok(0), 300);
    }));
    expect(shift).toBe(0);
    await page.reload();
    expect(await page.locator('#pv-heading').textContent()).toBe('Trang gốc');
    expect(await page.locator('#pv-image').getAttribute('alt')).toBe(`Ảnh trang 1/9 của ${SCAN}`);
    await page.locator(`#doc-text mark[data-ids~="${totalFigure().id}"]`).first().click();
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await expect.poll(() => page.locator('#pv-where').textContent()).toBe('Page 4 of 9');
    expect(await page.locator('#pv-heading').textContent()).toBe('Source page');
    expect(await page.locator('#pv-image').getAttribute('alt')).toBe(`Image of page 4 of 9 of ${SCAN}`);
    expect(await page.locator('#pv-zoom-in').textContent()).toBe('Zoom in');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'vi'));
    await expect.poll(() => page.locator('#pv-where').textContent()).toBe('Trang 4/9');
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run());
    expect(result.violations.map((v) => `${v.impact}: ${v.id}`)).toEqual([]);
  });

  it('an image file is its own page: the boxes in pixels of the PNG', async () => {
    await page.goto(docUrl(PNG));
    const f = png.figures.find((x) => png.text.slice(x.span.start, x.span.end) === '378 TTHC')!;
    await page.locator(`#doc-text mark[data-ids~="${f.id}"]`).first().click();
    await expect.poll(async () => (await drawn(f.id)).complete).toBe(true);
    const d = await drawn(f.id);
    expect([d.page, d.natural]).toEqual(['1', [992, 1403]]);
    const sx = d.image.width / 2480;
    const sy = d.image.height / 3508;
    expect(d.boxes).toHaveLength(2);
    for (const b of d.boxes) {
      const ocr = f.provenance.boxes![b.index]!;
      expect(b.x - d.image.x).toBeCloseTo(ocr.x * sx, 1);
      expect(b.y - d.image.y).toBeCloseTo(ocr.y * sy, 1);
      expect(b.width).toBeCloseTo(ocr.width * sx, 1);
      expect(b.height).toBeCloseTo(ocr.height * sy, 1);
    }
  });

  it('a DOCX has no page view, and its layout is the two columns it had', async () => {
    await page.goto(docUrl(DOCX));
    expect(await page.locator('#page-view').count()).toBe(0);
    expect(await page.locator('.layout.with-pages').count()).toBe(0);
  });

  it(`keeps every page image within ${PAGE_IMAGE_BUDGET / 1024} KB, and the site within 1.5 × (the site without them + pages × budget)`, () => {
    const site = join(out, 'review');
    const files = filesUnder(site);
    const size = (f: string) => statSync(join(site, f)).size;
    const images = files.filter((f) => f.startsWith('pages/') && f.endsWith('.webp'));
    expect(images).toHaveLength(10);
    for (const f of images) expect(size(f), f).toBeLessThanOrEqual(PAGE_IMAGE_BUDGET);
    const total = files.reduce((s, f) => s + size(f), 0);
    const withoutPages = files.filter((f) => !f.startsWith('pages/')).reduce((s, f) => s + size(f), 0);
    console.log(`review site: ${total} bytes, ${withoutPages} without pages/, ${images.length} page images, ${images.reduce((s, f) => s + size(f), 0)} bytes of them`);
    expect(total).toBeLessThanOrEqual(1.5 * (withoutPages + images.length * PAGE_IMAGE_BUDGET));
    expect(readdirSync(join(site, 'pages')).sort()).toEqual([scan.source.sha256.slice(0, 16), png.source.sha256.slice(0, 16)].sort());
  });
});
