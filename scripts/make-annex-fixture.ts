/**
 * Builds fixtures/annex/: a city's quarterly report on administrative procedures (TTHC) with a
 * per-commune annex (Phụ lục I) of 36 rows, as text and as DOCX. The figures are of the kinds the
 * seeds report (hồ sơ tiếp nhận, of which online; đã giải quyết, đúng hạn, trễ hạn; đang giải
 * quyết; tỷ lệ giải quyết đúng hạn), drawn from a fixed seed so the files never change, and the
 * arithmetic holds everywhere but in one place on purpose: the total of the online column is
 * printed with two digits swapped (test/annex.test.ts expects exactly that check to fail).
 *
 * Usage: npx tsx scripts/make-annex-fixture.ts   (from the repository root)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx, docxParagraphs } from '../src/ingest/testing/hostile.js';

const OUT = 'fixtures/annex';
const NAME = 'hai-phong-tthc-quy-1-2026';

/** Communes, wards and special zones of Hải Phòng after the 2025 reorganisation. */
const UNITS = [
  'Phường Hồng Bàng', 'Phường Hồng An', 'Phường Ngô Quyền', 'Phường Gia Viên', 'Phường Lê Chân', 'Phường An Biên',
  'Phường Hải An', 'Phường Đông Hải', 'Phường Kiến An', 'Phường Phù Liễn', 'Phường Đồ Sơn', 'Phường Nam Đồ Sơn',
  'Phường Dương Kinh', 'Phường Hưng Đạo', 'Phường An Dương', 'Phường An Hải', 'Phường Thủy Nguyên', 'Phường Thiên Hương',
  'Phường Bạch Đằng', 'Phường Lưu Kiếm', 'Xã An Lão', 'Xã An Hưng', 'Xã An Khánh', 'Xã An Quang', 'Xã Kiến Thụy',
  'Xã Kiến Minh', 'Xã Nghi Dương', 'Xã Quyết Thắng', 'Xã Tiên Lãng', 'Xã Tân Minh', 'Xã Chấn Hưng', 'Xã Vĩnh Bảo',
  'Xã Nguyễn Bỉnh Khiêm', 'Xã Vĩnh Am', 'Đặc khu Cát Hải', 'Đặc khu Bạch Long Vĩ',
];

/** A small deterministic generator (LCG), so that the fixture is the same on every run. */
let state = 20260408;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Vietnamese notation: `.` groups thousands, `,` is the decimal mark. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const rate = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ','));
const percent = (part: number, whole: number) => Math.round((10_000 * part) / whole) / 100;

interface Row {
  label: string;
  received: number;
  online: number;
  resolved: number;
  onTime: number;
  late: number;
  pending: number;
}

const rows: Row[] = UNITS.map((label) => {
  const received = label.includes('Bạch Long Vĩ') ? between(40, 90) : between(600, 4800);
  const online = Math.round(received * between(62, 99) / 100);
  const pending = Math.round(received * between(1, 7) / 100);
  const resolved = received - pending;
  const late = between(0, 10) < 6 ? 0 : between(1, Math.max(1, Math.round(resolved / 200)));
  return { label, received, online, resolved, onTime: resolved - late, late, pending };
});
const sum = (k: keyof Omit<Row, 'label'>) => rows.reduce((s, r) => s + r[k], 0);
const total: Row = { label: 'Tổng cộng', received: sum('received'), online: sum('online'), resolved: sum('resolved'), onTime: sum('onTime'), late: sum('late'), pending: sum('pending') };

/** The deliberate error: the online total with its tens and units digits swapped (a typing slip). */
const printedOnline = (() => {
  const s = String(total.online);
  const swapped = `${s.slice(0, -2)}${s.at(-1)}${s.at(-2)}`;
  if (swapped === s) throw new Error('the online total ends in two equal digits: change the generator seed');
  return Number(swapped);
})();

const HEADER = ['STT', 'Xã, phường, đặc khu', 'Số hồ sơ tiếp nhận', 'Trong đó: tiếp nhận trực tuyến', 'Số hồ sơ đã giải quyết', 'Giải quyết đúng hạn', 'Giải quyết trễ hạn', 'Đang giải quyết', 'Tỷ lệ giải quyết đúng hạn (%)'];
const cells = (r: Row, online = r.online) => [count(r.received), count(online), count(r.resolved), count(r.onTime), count(r.late), count(r.pending), rate(percent(r.onTime, r.resolved))];
const tableRows: string[][] = [
  HEADER,
  ...rows.map((r, i) => [String(i + 1), r.label, ...cells(r)]),
  // the total row's label stands in the STT cell, the label cell empty: a cell merged over both
  ['Tổng cộng', '', ...cells(total, printedOnline)],
];

const before = [
  'ỦY BAN NHÂN DÂN',
  'THÀNH PHỐ HẢI PHÒNG',
  'Số: 86/BC-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Hải Phòng, ngày 08 tháng 4 năm 2026',
  'BÁO CÁO',
  'Kết quả tiếp nhận, giải quyết thủ tục hành chính quý I năm 2026 trên địa bàn thành phố',
  'Thực hiện Kế hoạch số 25/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân thành phố về kiểm soát thủ tục hành chính năm 2026, Ủy ban nhân dân thành phố báo cáo kết quả quý I năm 2026 như sau:',
  'I. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
  `Trong quý I năm 2026, các xã, phường, đặc khu trên địa bàn thành phố tiếp nhận tổng số ${count(total.received)} hồ sơ, trong đó: đã giải quyết ${count(total.resolved)} hồ sơ, đang giải quyết ${count(total.pending)} hồ sơ.`,
  `Số hồ sơ đã giải quyết trễ hạn là ${count(total.late)} hồ sơ; tỷ lệ hồ sơ giải quyết đúng hạn đạt ${rate(percent(total.onTime, total.resolved))}%.`,
  'Kết quả của từng xã, phường, đặc khu tại Phụ lục I kèm theo.',
  'II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026',
  'Tiếp tục đẩy mạnh tiếp nhận hồ sơ trực tuyến; chấn chỉnh các đơn vị có hồ sơ giải quyết trễ hạn.',
  'Nơi nhận:',
  '- Văn phòng Chính phủ;',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Nguyễn Văn Tùng',
];
const caption = ['Phụ lục I', 'KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU QUÝ I NĂM 2026', '(Kèm theo Báo cáo số 86/BC-UBND ngày 08/4/2026 của Ủy ban nhân dân thành phố; đơn vị tính: hồ sơ)'];

mkdirSync(OUT, { recursive: true });
// the text as a converter writes it: paragraphs apart by a blank line, a table as tab-separated rows
// the caption's lines stand together right above the table, as in seed 002
const text = [...before, caption.join('\n')].join('\n\n') + '\n\n' + tableRows.map((r) => r.join('\t')).join('\n') + '\n';
writeFileSync(join(OUT, `${NAME}.txt`), text);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (s: string, span = 1) =>
  `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p></w:tc>`;
// in the DOCX the total row's label is one cell merged over STT and the name (gridSpan), as Word makes it
const docxRow = (r: string[]) => (r[0] === 'Tổng cộng' ? [cell(r[0], 2), ...r.slice(2).map((c) => cell(c))] : r.map((c) => cell(c)));
const table = `<w:tbl>${tableRows.map((r) => `<w:tr>${docxRow(r).join('')}</w:tr>`).join('')}</w:tbl>`;
writeFileSync(join(OUT, `${NAME}.docx`), docx(docxParagraphs([...before, ...caption]) + table));

console.log(`${OUT}/${NAME}.txt, .docx: ${rows.length} rows; online total printed ${printedOnline} for ${total.online}`);
