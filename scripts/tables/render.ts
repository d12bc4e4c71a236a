/**
 * A table spec (specs.ts) written as a report's annex in each format: Markdown (pipe table, a merged
 * cell's other places empty), DOCX (WordprocessingML written here: `gridSpan`, `vMerge`, header
 * rows marked `tblHeader`, with or without borders), PDF (LibreOffice converts the DOCX) and a
 * 300-dpi scan (the PDF's pages rendered by pdf.js, as JPEG pages of an image-only PDF).
 */
import JSZip from 'jszip';
import { getDocument } from '../../src/ingest/pdfjs.js';
import { headerGrid, type TableSpec } from './specs.js';

/** Paragraphs before the table: enough of them push it across a page break. */
export function preamble(spec: TableSpec, paragraphs: number): string[] {
  const out = ['UBND THÀNH PHỐ HẢI PHÒNG', `Báo cáo kết quả giải quyết thủ tục hành chính (bảng số ${spec.seed})`];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `${i + 1}. Trong kỳ báo cáo, các xã, phường tiếp tục tiếp nhận và giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; kết quả cụ thể của từng đơn vị được tổng hợp tại phụ lục kèm theo báo cáo này.`,
    );
  }
  return out;
}

const lead = (spec: TableSpec) => [spec.caption, ...(spec.unitLine ? [spec.unitLine] : [])];

export function markdown(spec: TableSpec, paragraphs = 1): string {
  const grid = headerGrid(spec);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [...preamble(spec, paragraphs).map((p, i) => (i === 1 ? `# ${p}` : p)), ...lead(spec)].flatMap((p) => [p, '']);
  grid.forEach((cells, r) => {
    lines.push(row(cells.map((c) => (c.origin ? c.cell.text : ''))));
    if (r === 0) lines.push(row(cells.map(() => '---')));
  });
  if (spec.numbering) lines.push(row(spec.numbering));
  for (const r of spec.rows) lines.push(row(r.map((c, k) => (k === 0 && c === 'Tổng cộng' ? '**Tổng cộng**' : c))));
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = '<w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/>';

function para(text: string, opts: { bold?: boolean; align?: string; size?: number } = {}): string {
  const ppr = `<w:pPr><w:spacing w:before="0" w:after="${opts.align ? 0 : 120}"/>${opts.align ? `<w:jc w:val="${opts.align}"/>` : ''}</w:pPr>`;
  const rpr = `<w:rPr>${FONT}${opts.bold ? '<w:b/>' : ''}<w:sz w:val="${opts.size ?? 24}"/></w:rPr>`;
  return `<w:p>${ppr}${text ? `<w:r>${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}</w:p>`;
}

const NUMBER = /^[\d.,]+%?$/u;

export function docxXml(spec: TableSpec, ruled: boolean, paragraphs = 1): string {
  const textWidth = 11906 - 2 * 1134;
  const labelWidth = 2300;
  const sttWidth = spec.labelColumn === 1 ? 560 : 0;
  const rest = Math.floor((textWidth - labelWidth - sttWidth) / (spec.width - 1 - (sttWidth ? 1 : 0)));
  const widths = Array.from({ length: spec.width }, (_, k) => (k === spec.labelColumn ? labelWidth : k < spec.labelColumn ? sttWidth : rest));
  const border = ruled ? 'w:val="single" w:sz="4" w:space="0" w:color="000000"' : 'w:val="nil"';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} ${border}/>`).join('');
  const tc = (text: string, width: number, span: number, vMerge: string | null, opts: { bold?: boolean; align?: string }) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge !== null ? `<w:vMerge${vMerge ? ` w:val="${vMerge}"` : ''}/>` : ''}<w:vAlign w:val="center"/></w:tcPr>${para(text, { ...opts, size: 18 })}</w:tc>`;
  const sum = (from: number, n: number) => widths.slice(from, from + n).reduce((a, b) => a + b, 0);
  const rows: string[] = [];
  const headerRow = '<w:trPr><w:tblHeader/></w:trPr>';
  headerGrid(spec).forEach((cells) => {
    let xml = '';
    for (let k = 0; k < cells.length; ) {
      const { cell, top } = cells[k]!;
      const vMerge = cell.rowSpan > 1 ? (top ? 'restart' : '') : null;
      xml += tc(top ? cell.text : '', sum(k, cell.colSpan), cell.colSpan, vMerge, { bold: true, align: 'center' });
      k += cell.colSpan;
    }
    rows.push(`<w:tr>${headerRow}${xml}</w:tr>`);
  });
  if (spec.numbering) rows.push(`<w:tr>${headerRow}${spec.numbering.map((n, k) => tc(n, widths[k]!, 1, null, { align: 'center' })).join('')}</w:tr>`);
  for (const r of spec.rows) {
    let xml = '';
    const total = r.includes('Tổng cộng');
    for (let k = 0; k < r.length; k++) {
      const span = total && k === 0 && spec.totalSpan === 2 ? 2 : 1;
      const align = k === spec.labelColumn || (span === 2 && k === 0) ? 'left' : NUMBER.test(r[k]!) && !r[k]!.includes(',') ? 'right' : 'center';
      xml += tc(r[k]!, sum(k, span), span, null, { bold: total, align: k < spec.labelColumn && span === 1 ? 'center' : align });
      k += span - 1;
    }
    rows.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${xml}</w:tr>`);
  }
  const table = `<w:tbl><w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
  const [issuer, title, ...body] = preamble(spec, paragraphs);
  const paras = [para(issuer!, { bold: true, align: 'center' }), para(title!, { bold: true, align: 'center' }), ...body.map((p) => para(p)), ...lead(spec).map((p) => para(p, { bold: true, align: 'center' }))];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paras.join('') +
    table +
    para('Nơi nhận: như trên.') +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

export async function docx(spec: TableSpec, ruled: boolean, paragraphs = 1): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', docxXml(spec, ruled, paragraphs));
  // a fixed date keeps the bytes the same from one build to the next
  const date = new Date('2026-01-01T00:00:00Z');
  zip.forEach((_, f) => (f.date = date));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The pages of a PDF rendered at `dpi`, as JPEG, with their size in points. */
export async function renderPages(pdf: Uint8Array, dpi = 300): Promise<{ jpeg: Uint8Array; width: number; height: number; pw: number; ph: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const out = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const { width: pw, height: ph } = page.getViewport({ scale: 1 });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      // pdf.js's own canvas factory: a canvas of another copy of @napi-rs/canvas crashes its drawing
      const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { encode(f: string, q: number): Promise<Buffer> }; context: CanvasRenderingContext2D } } }).canvasFactory;
      const { canvas, context } = factory.create(width, height);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
      out.push({ jpeg: new Uint8Array(await canvas.encode('jpeg', 80)), width, height, pw, ph });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** An image-only PDF, one JPEG per page covering it, as a scanner writes them. */
export function imagePdf(pages: { jpeg: Uint8Array; width: number; height: number; pw: number; ph: number }[]): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const obj = (n: number, body: Buffer | string, stream?: Uint8Array) => {
    offsets[n] = length;
    add(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    add(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    if (stream) {
      add(Buffer.from('\nstream\n', 'latin1'));
      add(Buffer.from(stream));
      add(Buffer.from('\nendstream', 'latin1'));
    }
    add(Buffer.from('\nendobj\n', 'latin1'));
  };
  add(Buffer.from('%PDF-1.4\n', 'latin1'));
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const n = 3 + i * 3;
    const content = `q ${p.pw.toFixed(2)} 0 0 ${p.ph.toFixed(2)} 0 0 cm /Im0 Do Q`;
    obj(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.pw.toFixed(2)} ${p.ph.toFixed(2)}] /Contents ${n + 1} 0 R /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> >>`);
    obj(n + 1, `<< /Length ${content.length} >>`, Buffer.from(content, 'latin1'));
    obj(n + 2, `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`, p.jpeg);
  });
  const count = 3 + pages.length * 3;
  const xref = length;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let n = 1; n < count; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  add(Buffer.from(`${table}trailer << /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
