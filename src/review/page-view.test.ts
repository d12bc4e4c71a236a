import { describe, expect, it } from 'vitest';
import { PAGE_VIEW_LABELS, pageView, pageViewLabel, type PageViewData } from './page-view.js';
import type { ReviewReport } from './types.js';

const report = {
  source: { path: 'a/b.pdf', sha256: 'f'.repeat(64), format: 'pdf' },
  text: 'Tổng: 1.894 hồ sơ',
  figures: [
    {
      id: 'f1', span: { start: 6, end: 17 },
      provenance: { page: 2, boxes: [{ page: 2, x: 315.877144, y: 468.463, width: 27.839, height: 9.1197 }, { page: 2, x: 349, y: 467.5, width: 12.24, height: 9.6 }] },
    },
    { id: 'f2', span: { start: 0, end: 4 }, provenance: { page: 1, boxes: [] } },
  ],
  references: [],
} as unknown as ReviewReport;

const images = {
  sha256: 'f'.repeat(64),
  dir: 'pages/ffffffffffffffff',
  pages: [1, 2].map((n) => ({ n, width: 595.276, height: 841.89, file: `${n}.webp`, imageWidth: 992, imageHeight: 1403, bytes: 1000 })),
};

describe('pageView', () => {
  it('labels every string in Vietnamese and in English, with the same slots', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(PAGE_VIEW_LABELS.en)).toEqual(Object.keys(PAGE_VIEW_LABELS.vi));
    for (const key of Object.keys(PAGE_VIEW_LABELS.vi) as (keyof typeof PAGE_VIEW_LABELS.vi)[]) {
      expect(slots(PAGE_VIEW_LABELS.en[key]), key).toEqual(slots(PAGE_VIEW_LABELS.vi[key]));
    }
    expect(pageViewLabel('vi', 'where', { n: 4, total: 9 })).toBe('Trang 4/9');
    expect(pageViewLabel('en', 'where', { n: 4, total: 9 })).toBe('Page 4 of 9');
  });

  it('renders the panel with the first page at its size and the boxes of every value that has them', () => {
    const view = pageView(report, images, '../../', () => 'failed')!;
    expect(view.note).toBe('');
    expect(view.panel).toContain('<img id="pv-image" src="../../pages/ffffffffffffffff/1.webp" width="992" height="1403" alt="Ảnh trang 1/2 của a/b.pdf" data-page="1"');
    const data: PageViewData = JSON.parse(/<script type="application\/json" id="page-view-data">([\s\S]*?)<\/script>/.exec(view.panel)![1]!);
    expect(data.pages.map((p) => p.src)).toEqual(['../../pages/ffffffffffffffff/1.webp', '../../pages/ffffffffffffffff/2.webp']);
    expect(data.values).toEqual({
      f1: { read: '1.894 hồ sơ', status: 'failed', boxes: [[2, 315.88, 468.46, 27.84, 9.12], [2, 349, 467.5, 12.24, 9.6]] },
    });
  });

  it('says why there are no page images, and shows nothing for a format without pages', () => {
    const view = pageView(report, { reason: 'archive', file: 'in/x.zip!/b.pdf' }, '../', () => 'passed')!;
    expect(view.panel).toBe('');
    expect(view.note).toContain('>Không có ảnh trang: tệp nằm trong một tệp nén (in/x.zip!/b.pdf).</p>');
    expect(pageView(report, undefined, '../', () => 'passed')).toBeNull();
  });
});
