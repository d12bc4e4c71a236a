/**
 * The page beside the text: on a document page of a PDF or an image, the page image of the
 * selected value with its boxes drawn, zoomed and scrolled to them, every value's boxes
 * clickable. Rendered here as an empty panel of fixed size (no layout shift) plus the data the
 * script (`assets/page-view.js`) draws from; the labels are Vietnamese, English beside them.
 */
import { esc, scriptJson } from './html.js';
import type { PageImages, PageNote } from './page-images.js';
import type { ReviewReport, ValueStatus } from './types.js';

/** Every string of the panel, Vietnamese first; `{n}`-style slots are filled by the script. */
export const PAGE_VIEW_LABELS = {
  vi: {
    heading: 'Trang gốc',
    region: 'Ảnh trang gốc',
    where: 'Trang {n}/{total}',
    previous: 'Trang trước',
    next: 'Trang sau',
    zoomOut: 'Thu nhỏ',
    zoomIn: 'Phóng to',
    fit: 'Vừa khung',
    zoom: 'Thu phóng {percent}%',
    alt: 'Ảnh trang {n}/{total} của {file}',
    viewport: 'Ảnh trang {n}, cuộn để xem',
    box: 'Chọn giá trị {read} ({id}) trong văn bản',
    hint: 'Nhấp vào một ô trên ảnh (hoặc Tab rồi Enter) để chọn giá trị trong văn bản.',
    noBoxes: 'Giá trị {id} không có vị trí trên ảnh trang.',
    archive: 'Không có ảnh trang: tệp nằm trong một tệp nén ({file}).',
    missing: 'Không có ảnh trang: không tìm thấy tệp gốc ({file}).',
    changed: 'Không có ảnh trang: tệp gốc đã thay đổi sau lần chạy ({file}).',
    format: 'Không có ảnh trang cho định dạng ảnh này ({file}).',
    unreadable: 'Không có ảnh trang: không vẽ được tệp {file} ({detail}).',
  },
  en: {
    heading: 'Source page',
    region: 'Source page image',
    where: 'Page {n} of {total}',
    previous: 'Previous page',
    next: 'Next page',
    zoomOut: 'Zoom out',
    zoomIn: 'Zoom in',
    fit: 'Fit width',
    zoom: 'Zoom {percent}%',
    alt: 'Image of page {n} of {total} of {file}',
    viewport: 'Image of page {n}, scroll to see it all',
    box: 'Select the value {read} ({id}) in the text',
    hint: 'Click a box on the image (or Tab to it and press Enter) to select its value in the text.',
    noBoxes: 'The value {id} has no position on the page image.',
    archive: 'No page images: the file is inside an archive ({file}).',
    missing: 'No page images: the original file was not found ({file}).',
    changed: 'No page images: the original file changed since the run ({file}).',
    format: 'No page images for this image format ({file}).',
    unreadable: 'No page images: {file} could not be rendered ({detail}).',
  },
} as const;

export type PageViewLabel = keyof (typeof PAGE_VIEW_LABELS)['vi'];

/** A label with its slots filled. */
export function pageViewLabel(lang: 'vi' | 'en', key: PageViewLabel, slots: Record<string, string | number> = {}): string {
  return PAGE_VIEW_LABELS[lang][key].replace(/\{(\w+)\}/g, (all, name: string) => (name in slots ? String(slots[name]) : all));
}

/** What the script draws from: the images, and every value's boxes (page, x, y, width, height). */
export interface PageViewData {
  file: string;
  pages: { n: number; width: number; height: number; src: string; imageWidth: number; imageHeight: number }[];
  values: Record<string, { read: string; status: ValueStatus; boxes: [number, number, number, number, number][] }>;
  labels: typeof PAGE_VIEW_LABELS;
}

export interface PageView {
  /** The panel, a third column of the layout ('' without page images). */
  panel: string;
  /** Why there are no page images ('' when there are), for the page's header. */
  note: string;
}

/**
 * The panel for a report with page images, a note for one whose images could not be made, and
 * nothing for a report of a format without pages.
 */
export function pageView(report: ReviewReport, images: PageImages | undefined, root: string, statusOf: (id: string) => ValueStatus): PageView | null {
  if (!images) return null;
  if ('reason' in images) return { panel: '', note: noteLine(images) };
  const values: PageViewData['values'] = {};
  const r2 = (v: number) => Math.round(v * 100) / 100;
  for (const v of [...report.figures, ...report.references]) {
    const boxes = v.provenance.boxes ?? [];
    if (boxes.length === 0) continue;
    values[v.id] = {
      read: report.text.slice(v.span.start, v.span.end),
      status: statusOf(v.id),
      boxes: boxes.map((b) => [b.page, r2(b.x), r2(b.y), r2(b.width), r2(b.height)]),
    };
  }
  const pages = images.pages.map((p) => ({
    n: p.n, width: p.width, height: p.height, src: `${root}${images.dir}/${p.file}`, imageWidth: p.imageWidth, imageHeight: p.imageHeight,
  }));
  const data: PageViewData = { file: report.source.path, pages, values, labels: PAGE_VIEW_LABELS };
  const first = pages[0]!;
  const total = pages.length;
  const label = (key: PageViewLabel, slots: Record<string, string | number> = {}) =>
    `data-pv-label="${key}">${esc(pageViewLabel('vi', key, slots))}`;
  return {
    note: '',
    panel: `<section class="page-view" id="page-view" aria-labelledby="pv-heading">
  <h2 id="pv-heading" ${label('heading')}</h2>
  <div class="pv-bar" role="toolbar" aria-label="${esc(pageViewLabel('vi', 'region'))}" data-pv-aria="region">
    <button type="button" id="pv-previous" ${label('previous')}</button>
    <span id="pv-where" aria-live="polite">${esc(pageViewLabel('vi', 'where', { n: 1, total }))}</span>
    <button type="button" id="pv-next" ${label('next')}</button>
    <button type="button" id="pv-zoom-out" ${label('zoomOut')}</button>
    <button type="button" id="pv-fit" ${label('fit')}</button>
    <button type="button" id="pv-zoom-in" ${label('zoomIn')}</button>
    <span id="pv-zoom" class="pv-zoom">${esc(pageViewLabel('vi', 'zoom', { percent: 100 }))}</span>
  </div>
  <div class="pv-viewport" id="pv-viewport" tabindex="0" role="group" aria-label="${esc(pageViewLabel('vi', 'viewport', { n: 1 }))}">
    <div class="pv-sheet" id="pv-sheet">
      <img id="pv-image" src="${esc(first.src)}" width="${first.imageWidth}" height="${first.imageHeight}" alt="${esc(pageViewLabel('vi', 'alt', { n: 1, total, file: report.source.path }))}" data-page="1" decoding="async">
      <div class="pv-boxes" id="pv-boxes"></div>
    </div>
  </div>
  <p class="hint pv-status" id="pv-status" role="status" ${label('hint')}</p>
  <script type="application/json" id="page-view-data">${scriptJson(data)}</script>
</section>`,
  };
}

function noteLine(note: PageNote): string {
  const slots = { file: note.file, detail: note.reason === 'unreadable' ? note.detail : '' };
  return `<p class="pv-note" id="pv-note" data-pv-label="${note.reason}" data-pv-slots="${esc(JSON.stringify(slots))}">${esc(pageViewLabel('vi', note.reason, slots))}</p>
<script type="application/json" id="page-view-data">${scriptJson({ labels: PAGE_VIEW_LABELS, pages: [], values: {} })}</script>`;
}
