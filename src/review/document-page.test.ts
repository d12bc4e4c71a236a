import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocument } from './document-page.js';
import { scriptJson } from './html.js';
import type { LoadedReport, ReviewCheck, ReviewFigure } from './types.js';

const seed = readFileSync(new URL('../../fixtures/000_df22d471c82bd4e0.txt', import.meta.url), 'utf8');
const line = seed.split('\n').find((l) => l.includes('(PAKN) về quy định và hành vi hành chính'))!;

/** The four PAKN figures of the line, as extraction reports them (only the fields the page uses vary). */
function figure(id: string, at: string, from: number, value: number, metric: string): ReviewFigure {
  const start = line.indexOf(at, from);
  const span = { start, end: start + at.length };
  return {
    id, kind: 'count', value, of: null, unit: 'PAKN', subject: null, metric, role: 'actual', period: null, parent: null,
    section: null, confidence: 0.95, span, checks: ['c8'],
    provenance: { file: 'seed.txt', page: null, span, line: 1, text: at },
  } as ReviewFigure;
}

function report(): LoadedReport {
  const received = figure('f110', '07 PAKN', 0, 7, 'feedback.received');
  const onTime = figure('f111', '07 PAKN', received.span.end, 7, 'feedback.resolved.on_time');
  const late = figure('f112', 'Không có', 0, 0, 'feedback.resolved.late');
  const pending = figure('f113', '07 PAKN', late.span.end, 7, 'feedback.pending');
  const check: ReviewCheck = {
    id: 'c8', kind: 'balance', figures: ['f110', 'f111', 'f112', 'f113'], expected: 7, actual: 14, tolerance: 0, holds: false,
    description: 'feedback.received 7 (f110) ≠ feedback.resolved (7 (f111) + 0 (f112)) + feedback.pending 7 (f113) = 14',
  };
  return {
    jsonPath: 'seed.txt.json',
    report: {
      schemaVersion: '1.0.0',
      source: { path: 'seed.txt', sha256: 'c'.repeat(64), format: 'text', bytes: line.length, pages: null, encoding: 'utf-8' },
      textUsed: 'original', text: line, document: null as never, period: null,
      figures: [received, onTime, late, pending], references: [], checks: [check], warnings: [],
    },
  };
}

describe('renderDocument', () => {
  const html = renderDocument(report(), { root: '../', marks: [] });

  it('marks every figure of a seed line at its span, coloured by its failed check', () => {
    const pre = /<pre class="doc" id="doc-text"[^>]*>\n([\s\S]*?)<\/pre>/.exec(html)![1]!;
    const marks = [...pre.matchAll(/<span class="anchor" id="v-(f\d+)"><\/span><mark class="v st-(\w+)" data-ids="(f\d+)">([^<]*)<\/mark>/g)]
      .map((m) => [m[1], m[2], m[3], m[4]]);
    expect(marks).toEqual([
      ['f110', 'failed', 'f110', '07 PAKN'],
      ['f111', 'failed', 'f111', '07 PAKN'],
      ['f112', 'failed', 'f112', 'Không có'],
      ['f113', 'failed', 'f113', '07 PAKN'],
    ]);
    // Without the markup the text is the line, unchanged (entities decoded).
    expect(pre.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(line);
  });

  it('lists the failed check with links to the spans it used', () => {
    const item = /<ol class="checks" id="failed-checks">([\s\S]*?)<\/ol>/.exec(html)![1]!;
    // described from its data in Vietnamese (the metric catalog's labels), not from the validator's English
    expect(item).toContain('<a class="check-link" href="#v-f110" data-check="c8"><span class="kind" data-l="kind.balance">cân đối</span> '
      + '<span class="desc">Số phản ánh, kiến nghị tiếp nhận 7 (f110) ≠ Số phản ánh, kiến nghị xử lý đúng hạn 7 (f111) + '
      + 'Số phản ánh, kiến nghị xử lý quá hạn 0 (f112) + Số phản ánh, kiến nghị đang xử lý 7 (f113) = 14</span></a>');
    expect(item).toContain('<span data-l="check.expected" data-a="{&quot;expected&quot;:7,&quot;actual&quot;:14}">mong đợi 7, thực tế 14</span>');
    const data = JSON.parse(/<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(html)![1]!);
    expect(data.checks[0].text).toEqual({
      vi: 'Số phản ánh, kiến nghị tiếp nhận 7 (f110) ≠ Số phản ánh, kiến nghị xử lý đúng hạn 7 (f111) + Số phản ánh, kiến nghị xử lý quá hạn 0 (f112) + Số phản ánh, kiến nghị đang xử lý 7 (f113) = 14',
      en: 'feedback received 7 (f110) ≠ feedback handled on time 7 (f111) + feedback handled late 0 (f112) + feedback being handled 7 (f113) = 14',
    });
    expect(data.checks[0].description).toBeUndefined();
    expect([...item.matchAll(/<a href="#v-(f\d+)" data-value="\1">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`))
      .toEqual(['f110 07 PAKN', 'f111 07 PAKN', 'f112 Không có', 'f113 07 PAKN']);
  });

  it('declares UTF-8 and keeps the embedded data inert', () => {
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="vi">');
    const data = /<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(data).values.f112).toMatchObject({ read: 'Không có', status: 'failed', value: 0 });
  });
});

describe('a proposed repair', () => {
  it('shows the top proposal of a failed check with a button to apply it', () => {
    const r = report();
    r.report.checks[0]!.proposals = [
      { figure: 'f110', read: 7, proposed: 14, probability: 0.8123 },
      { figure: 'f113', read: 7, proposed: 0, probability: 0.1 },
    ];
    const html = renderDocument(r, { root: '', marks: [] });
    const proposal = /<p class="proposal">([\s\S]*?)<\/p>/.exec(html)![1]!;
    expect(proposal.replace(/<[^>]+>/g, '')).toBe('Đề xuất: f110 “7” → 14 (xác suất 0,81). Nhấn a để sửa.\nÁp dụng đề xuất');
    expect(proposal).toContain('data-apply="c8"');
    expect(html.match(/class="proposal"/g)).toHaveLength(1);
  });

  it('shows nothing when the check has none', () => {
    expect(renderDocument(report(), { root: '', marks: [] })).not.toContain('class="proposal"');
  });
});

describe('scriptJson', () => {
  it('cannot close the script element it sits in', () => {
    const text = scriptJson({ text: '</script><b>Báo cáo</b>\u2028' });
    expect(text).not.toMatch(/<|\u2028/);
    expect(JSON.parse(text)).toEqual({ text: '</script><b>Báo cáo</b>\u2028' });
  });
});

describe('restored text', () => {
  // Seed 004's OCR `Quyét dinh s6 1037/QD-BCP ngay 06/8/2025`, as restoration writes it.
  const text = 'Quyết định số 1037/QĐ-BCĐ ngày 06/8/2025';
  const base = report();
  const reference = {
    id: 'r1', kind: 'Quyết định', number: '1037', year: null, symbol: 'QĐ-BCĐ', typeCode: 'QĐ', issuerCode: 'BCĐ', issuer: null,
    date: '2025-08-06', key: 'QĐ-BCĐ/1037', confidence: 0.9, span: { start: 0, end: text.length },
    provenance: { file: 'seed.txt', page: null, span: { start: 0, end: text.length }, line: 1, text: 'Quyét dinh s6 1037/QD-BCP ngay 06/8/2025' },
  };
  const html = renderDocument({
    jsonPath: 'r.json',
    report: {
      ...base.report, textUsed: 'restored', text, figures: [], checks: [], references: [reference as never],
      restoration: { changes: [
        { span: { start: 0, end: 5 }, original: 'Quyét', chosen: 'Quyết', runnerUp: 'Quyét', confidence: 0.99 },
        { span: { start: 6, end: 10 }, original: 'dinh', chosen: 'định', runnerUp: 'đinh', confidence: 0.85 },
        { span: { start: 19, end: 25 }, original: 'QD-BCP', chosen: 'QĐ-BCĐ', runnerUp: 'QĐ-BCP', confidence: 0.6 },
      ] },
    },
  }, { root: '', marks: [] });

  it('keeps one mark per value and puts what OCR read on each restored word inside it', () => {
    const mark = /<mark class="v st-reference" data-ids="r1">(.*?)<\/mark>/.exec(html)!;
    // focusable by script, the OCR original as the accessible description (in Vietnamese; the
    // page script writes the hover tooltip and the English from the data attributes)
    expect(mark[1]).toBe('<span class="rs" tabindex="-1" data-o="Quyét" data-c="0.99" data-r="Quyét" aria-description="đã khôi phục từ “Quyét”">Quyết</span> '
      + '<span class="rs unsure" id="rs-6" tabindex="-1" data-o="dinh" data-c="0.85" data-r="đinh" aria-description="đã khôi phục từ “dinh”">định</span> số 1037/'
      + '<span class="rs unsure" id="rs-19" tabindex="-1" data-o="QD-BCP" data-c="0.60" data-r="QĐ-BCP" aria-description="đã khôi phục từ “QD-BCP”">QĐ-BCĐ</span> ngày 06/8/2025');
  });

  it('lists the words under 0.9 first in the side panel, least confident first, each linked to its word', () => {
    const aside = /<aside[^>]*>\s*<section aria-labelledby="(\w+)-heading">([\s\S]*?)<\/section>/.exec(html)!;
    expect(aside[1]).toBe('unsure');
    expect(/<h2 id="unsure-heading"[^>]*>([^<]*)<\/h2>/.exec(aside[2]!)![1]).toBe('Từ khôi phục chưa chắc chắn (2)');
    expect(/<p class="hint"[^>]*>([^<]*)<\/p>/.exec(aside[2]!)![1]).toBe('Độ tin cậy dưới 0,9, thấp nhất trước: chữ OCR đọc → chữ đã khôi phục.');
    expect([...aside[2]!.matchAll(/<li><a href="#(rs-\d+)" data-restored="\d+">([^<]*)<\/a> <span class="where">([^<]*)<\/span><\/li>/g)].map((m) => [m[1], m[2], m[3]]))
      .toEqual([['rs-19', 'QD-BCP → QĐ-BCĐ', '60%'], ['rs-6', 'dinh → định', '85%']]);
  });

  it('has no such list when every restored word is sure', () => {
    const sure = renderDocument({ jsonPath: 'r.json', report: { ...base.report, textUsed: 'restored', text, figures: [], checks: [], references: [],
      restoration: { changes: [{ span: { start: 0, end: 5 }, original: 'Quyét', chosen: 'Quyết', runnerUp: 'Quyét', confidence: 0.99 }] } } }, { root: '', marks: [] });
    expect(sure).not.toContain('unsure-words');
    expect(sure).toContain('<span class="rs" tabindex="-1" data-o="Quyét"');
  });
});

describe('renderDocument: the tables view', () => {
  // `Cát Hải | 1.894 | 1.779 | 115` under a two-level header, as the table reader gives its paths
  const text = '1\tĐặc khu Cát Hải\t1.894\t1.779\t115';
  const cell = (id: string, column: number, at: string, path: string[], checks: string[]): ReviewFigure => {
    const start = text.indexOf(at);
    const span = { start, end: start + at.length };
    return {
      id, kind: 'count', value: Number(at.replace('.', '')), of: null, unit: 'hồ sơ', subject: 'Đặc khu Cát Hải', metric: null, role: 'actual',
      period: null, parent: null, section: null, confidence: 0.95, span, checks, cell: { table: 't1', row: 0, column, path, label: 'Đặc khu Cát Hải' },
      provenance: { file: 'r.txt', page: null, span, line: 1, text: at },
    } as ReviewFigure;
  };
  const figures = [
    cell('f1', 2, '1.894', ['Số hồ sơ tiếp nhận', 'Tổng số'], ['c1']),
    cell('f2', 3, '1.779', ['Số hồ sơ tiếp nhận', 'Trực tuyến'], ['c1']),
    cell('f3', 4, '115', ['Số hồ sơ tiếp nhận', 'Trực tiếp'], []),
  ];
  const html = renderDocument({
    jsonPath: 'r.json',
    report: {
      ...report().report, text, figures, references: [],
      checks: [{ id: 'c1', kind: 'sum', figures: ['f1', 'f2'], expected: 1894, actual: 1779, tolerance: 0, holds: false }],
      tables: [{
        id: 't1', title: 'Phụ lục I', section: null, header: ['STT', 'Đơn vị', 'Tổng số', 'Trực tuyến', 'Trực tiếp'], rows: [text.split('\t')],
        columns: [['STT'], ['Đơn vị'], ['Số hồ sơ tiếp nhận', 'Tổng số'], ['Số hồ sơ tiếp nhận', 'Trực tuyến'], ['Số hồ sơ tiếp nhận', 'Trực tiếp']],
        provenance: { file: 'r.txt', page: null, span: { start: 0, end: text.length }, line: 1, text },
      }],
    },
  }, { root: '', marks: [] });

  it('writes a header row per level of the paths, the outer name over its columns', () => {
    const head = /<thead>(.*?)<\/thead>/.exec(html)![1]!;
    expect(head).toBe('<tr><th scope="col" rowspan="2">STT</th><th scope="col" rowspan="2">Đơn vị</th><th scope="col" colspan="3">Số hồ sơ tiếp nhận</th></tr>'
      + '<tr><th scope="col">Tổng số</th><th scope="col">Trực tuyến</th><th scope="col">Trực tiếp</th></tr>');
  });

  it('makes each figure’s cell a button coloured by its checks, named by its value, row and column', () => {
    const cells = [...html.matchAll(/<button type="button" class="cell st-(\w+)" data-value="(f\d)" aria-label="([^"]*)"/g)].map((m) => [m[2], m[1], m[3]]);
    expect(cells).toEqual([
      ['f1', 'failed', '1.894: hàng Đặc khu Cát Hải, cột Số hồ sơ tiếp nhận / Tổng số'],
      ['f2', 'failed', '1.779: hàng Đặc khu Cát Hải, cột Số hồ sơ tiếp nhận / Trực tuyến'],
      ['f3', 'unchecked', '115: hàng Đặc khu Cát Hải, cột Số hồ sơ tiếp nhận / Trực tiếp'],
    ]);
    expect(html).toContain('<td>1</td><td>Đặc khu Cát Hải</td>');
  });
});
