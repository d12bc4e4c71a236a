/**
 * Tables of per-commune figures as reports print them, drawn from a seed: a caption, a header of
 * one to three levels with merged cells, an optional numbering row `(1) (2) …`, 8–20 rows of
 * communes with counts (`1.234`) and rates (`12,5%`, `98,25`), and a total row. Each spec also
 * gives what a reader must find: every filled data cell as (row label, header path, value).
 * Used by scripts/make-table-fixtures.ts (the per-format fixtures and the evaluation tables).
 */
import { mulberry32 } from '../random.js';

export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TableSpec {
  seed: number;
  caption: string;
  /** `Đơn vị tính: hồ sơ` (unit line) under the caption, or null. */
  unitLine: string | null;
  /** Header rows as HTML writes them: each row's cells left to right, places covered from above skipped. */
  header: HeaderCell[][];
  /** One label per column, `(1)`… or `1`…, or null for no numbering row. */
  numbering: string[] | null;
  /** Data rows, one string per column; the total row last. */
  rows: string[][];
  /** How many first columns the total row's label covers (1 or 2). */
  totalSpan: number;
  labelColumn: number;
  width: number;
}

export interface ExpectedCell {
  label: string;
  path: string[];
  value: string;
}

/** A seeded generator, so a seed always draws the same table. */
export const random = (seed: number): (() => number) => mulberry32(seed);

const NAMES = [
  'An Lư', 'Bạch Đằng', 'Cát Hải', 'Đông Hải', 'Hải An', 'Hòa Bình', 'Hồng Bàng', 'Kiến An', 'Lê Chân', 'Ngô Quyền',
  'Nam Triệu', 'Phù Liễn', 'Quang Trung', 'Thủy Nguyên', 'Tiên Lãng', 'Tràng Cát', 'Việt Hải', 'Vĩnh Bảo', 'Yên Bái', 'Đồ Sơn',
  'An Dương', 'An Lão', 'Bạch Long Vĩ', 'Dương Kinh', 'Gia Viên', 'Hưng Đạo', 'Lạch Tray', 'Minh Tân', 'Nghĩa Xá', 'Phù Ninh',
];
const LEVELS = ['Xã', 'Phường', 'Xã', 'Phường', 'Đặc khu'];

type Kind = 'count' | 'percent' | 'rate';
interface Leaf {
  text: string;
  kind: Kind;
}
interface Group {
  text: string;
  children: (Group | Leaf)[];
}
const isLeaf = (n: Group | Leaf): n is Leaf => 'kind' in n;

/** Column groups a report of administrative procedures (thủ tục hành chính) prints, by depth. */
function groups(rnd: () => number, depth: number): (Group | Leaf)[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const pct = (): Kind => (rnd() < 0.5 ? 'percent' : 'rate');
  const two = (a: string, b: string, kind: Kind = 'count'): Leaf[] => [
    { text: a, kind },
    { text: b, kind },
  ];
  const level2: Group[] = [
    { text: 'Số hồ sơ tiếp nhận', children: two('Trực tuyến', 'Trực tiếp') },
    { text: 'Số hồ sơ đã giải quyết', children: two('Đúng hạn', 'Quá hạn') },
    { text: 'Số hồ sơ đang giải quyết', children: two('Trong hạn', 'Quá hạn') },
    { text: 'Thanh toán trực tuyến', children: [{ text: 'Số giao dịch', kind: 'count' }, { text: 'Tỷ lệ (%)', kind: pct() }] },
    { text: `Năm ${pick([2025, 2026])}`, children: two('Kế hoạch', 'Thực hiện') },
  ];
  const leaves: Leaf[] = [
    { text: 'Tổng số hồ sơ', kind: 'count' },
    { text: 'Tỷ lệ giải quyết đúng hạn (%)', kind: pct() },
    { text: 'Mức độ hài lòng (%)', kind: pct() },
    { text: 'Số hồ sơ trả lại', kind: 'count' },
  ];
  const out: (Group | Leaf)[] = [];
  const n = 1 + Math.floor(rnd() * 3);
  const used = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (depth === 1) {
      const k = Math.floor(rnd() * leaves.length);
      if (!used.has(k)) out.push(leaves[k]!);
      used.add(k);
      continue;
    }
    let k = Math.floor(rnd() * level2.length);
    while (used.has(k)) k = (k + 1) % level2.length;
    used.add(k);
    const g = level2[k]!;
    if (depth === 3 && i === 0) {
      // `Số hồ sơ đã giải quyết` / `Đúng hạn` / `Số hồ sơ | Tỷ lệ (%)`
      out.push({ text: g.text, children: g.children.map((c) => ({ text: c.text, children: [{ text: 'Số hồ sơ', kind: 'count' }, { text: 'Tỷ lệ (%)', kind: pct() }] })) });
    } else out.push(g);
  }
  const extra = leaves[1 + Math.floor(rnd() * 2)]!; // a rate column spanning all header rows
  if (rnd() < 0.6 && !out.includes(extra)) out.push(extra);
  if (depth === 1 && out.length < 2) out.push(...leaves.filter((l) => !out.includes(l)).slice(0, 2));
  return out;
}

const heightOf = (n: Group | Leaf): number => (isLeaf(n) ? 1 : 1 + Math.max(...n.children.map(heightOf)));
const widthOf = (n: Group | Leaf): number => (isLeaf(n) ? 1 : n.children.reduce((s, c) => s + widthOf(c), 0));
const leavesOf = (n: Group | Leaf): Leaf[] => (isLeaf(n) ? [n] : n.children.flatMap(leavesOf));

/** `1.234`, Vietnamese thousands separator. */
export const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
/** `12,5%` or `12,5`: one or two decimals, comma. */
const rate = (x: number, decimals: number, sign: boolean) => x.toFixed(decimals).replace('.', ',') + (sign ? '%' : '');

export function drawTable(seed: number): TableSpec {
  const rnd = random(seed * 7919 + 17);
  const depth = 1 + Math.floor(rnd() * 3);
  const hasStt = rnd() < 0.85;
  const top = groups(rnd, depth);
  const height = Math.max(1, ...top.map(heightOf));
  const header: HeaderCell[][] = Array.from({ length: height }, () => []);
  const first: HeaderCell[] = [];
  if (hasStt) first.push({ text: rnd() < 0.5 ? 'TT' : 'STT', colSpan: 1, rowSpan: height });
  first.push({ text: rnd() < 0.5 ? 'Đơn vị' : 'Tên xã, phường', colSpan: 1, rowSpan: height });
  header[0]!.push(...first);
  // place level by level so each row lists its cells left to right
  const byLevel: HeaderCell[][] = Array.from({ length: height }, () => []);
  const visit = (n: Group | Leaf, level: number) => {
    if (isLeaf(n)) byLevel[level]!.push({ text: n.text, colSpan: 1, rowSpan: height - level });
    else {
      byLevel[level]!.push({ text: n.text, colSpan: widthOf(n), rowSpan: 1 });
      n.children.forEach((c) => visit(c, level + 1));
    }
  };
  top.forEach((n) => visit(n, 0));
  byLevel.forEach((cells, level) => header[level]!.push(...cells));
  const leaves = top.flatMap(leavesOf);
  const width = first.length + leaves.length;
  const labelColumn = hasStt ? 1 : 0;
  const numberingStyle = rnd();
  const numbering = numberingStyle < 0.4 ? Array.from({ length: width }, (_, k) => `(${k + 1})`) : numberingStyle < 0.6 ? Array.from({ length: width }, (_, k) => String(k + 1)) : null;

  const nRows = 8 + Math.floor(rnd() * 13);
  const names = [...NAMES].sort(() => rnd() - 0.5).slice(0, nRows);
  const sums = leaves.map(() => 0);
  const decimals = rnd() < 0.5 ? 1 : 2;
  const rows: string[][] = names.map((name, i) => {
    const row: string[] = [];
    if (hasStt) row.push(String(i + 1));
    row.push(`${LEVELS[Math.floor(rnd() * LEVELS.length)]} ${name}`);
    leaves.forEach((leaf, k) => {
      if (leaf.kind === 'count') {
        const big = rnd() < 0.3;
        const v = Math.floor(rnd() * (big ? 25000 : 900));
        sums[k]! += v;
        row.push(rnd() < 0.04 ? '' : count(v));
      } else {
        row.push(rate(50 + rnd() * 50, decimals, leaf.kind === 'percent'));
      }
    });
    return row;
  });
  const totalSpan = hasStt && rnd() < 0.6 ? 2 : 1;
  const total: string[] = [];
  if (totalSpan === 2) total.push('Tổng cộng', '');
  else if (hasStt) total.push('', 'Tổng cộng');
  else total.push('Tổng cộng');
  leaves.forEach((leaf, k) => total.push(leaf.kind === 'count' ? count(sums[k]!) : rate(50 + rnd() * 50, decimals, leaf.kind === 'percent')));
  rows.push(total);
  const caption = `Phụ lục ${['I', 'II', 'III'][seed % 3]}. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CÁC XÃ, PHƯỜNG ${['QUÝ I', '6 THÁNG ĐẦU', 'NĂM'][seed % 3]} NĂM 2026`;
  return { seed, caption, unitLine: rnd() < 0.5 ? '(Đơn vị tính: hồ sơ)' : null, header, numbering, rows, totalSpan, labelColumn, width };
}

/** The header on its grid: for each row, the cell covering each column (a merged cell at every place it covers). */
export function headerGrid(spec: TableSpec): { cell: HeaderCell; origin: boolean; top: boolean }[][] {
  const grid: { cell: HeaderCell; origin: boolean; top: boolean }[][] = spec.header.map(() => []);
  spec.header.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (grid[r]![col]) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![col + dc] = { cell, origin: dr === 0 && dc === 0, top: dr === 0 };
      }
      col += cell.colSpan;
    }
  });
  return grid;
}

export function pathsOf(spec: TableSpec): string[][] {
  const grid = headerGrid(spec);
  return Array.from({ length: spec.width }, (_, k) => {
    const path: string[] = [];
    for (const row of grid) {
      const t = row[k]!.cell.text;
      if (path.at(-1) !== t) path.push(t);
    }
    return path;
  });
}

/** Every filled data cell outside the label column, with its row label and header path. */
export function expectedCells(spec: TableSpec): ExpectedCell[] {
  const paths = pathsOf(spec);
  const out: ExpectedCell[] = [];
  for (const row of spec.rows) {
    const label = row[spec.labelColumn] || row.find((c) => c !== '')!;
    row.forEach((value, k) => {
      if (k === spec.labelColumn || value === '' || value === label) return;
      out.push({ label, path: paths[k]!, value });
    });
  }
  return out;
}

/**
 * The per-format fixture: a two-level header (`Số hồ sơ tiếp nhận` over `Trực tuyến | Trực
 * tiếp`…), `TT` and `Đơn vị` merged down the header rows, a numbering row, twelve communes and a
 * total row whose `Tổng cộng` is merged across the first two columns.
 */
export function annexSpec(): TableSpec {
  const rnd = random(2026);
  const cell = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
  const header = [
    [cell('TT', 1, 2), cell('Đơn vị', 1, 2), cell('Số hồ sơ tiếp nhận', 2), cell('Số hồ sơ đã giải quyết', 2), cell('Tỷ lệ giải quyết đúng hạn (%)', 1, 2)],
    [cell('Trực tuyến'), cell('Trực tiếp'), cell('Đúng hạn'), cell('Quá hạn')],
  ];
  const names = ['Xã An Lư', 'Phường Bạch Đằng', 'Đặc khu Cát Hải', 'Phường Đông Hải', 'Phường Hải An', 'Xã Hòa Bình', 'Phường Hồng Bàng', 'Phường Kiến An', 'Phường Lê Chân', 'Xã Nam Triệu', 'Xã Phù Liễn', 'Xã Việt Hải'];
  const sums = [0, 0, 0, 0];
  const rows = names.map((name, i) => {
    const online = Math.floor(rnd() * (i % 3 === 0 ? 3000 : 600));
    const direct = Math.floor(rnd() * 300);
    const late = Math.floor(rnd() * 12);
    const onTime = online + direct - late - Math.floor(rnd() * 20);
    [online, direct, onTime, late].forEach((v, k) => (sums[k]! += v));
    return [String(i + 1), name, count(online), count(direct), count(onTime), count(late), rate((100 * onTime) / (onTime + late), 1, true)];
  });
  const total = ['Tổng cộng', '', ...sums.map(count), rate((100 * sums[2]!) / (sums[2]! + sums[3]!), 1, true)];
  return {
    seed: 0,
    caption: 'Phụ lục I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA CÁC XÃ, PHƯỜNG QUÝ I NĂM 2026',
    unitLine: '(Đơn vị tính: hồ sơ)',
    header,
    numbering: Array.from({ length: 7 }, (_, k) => `(${k + 1})`),
    rows: [...rows, total],
    totalSpan: 2,
    labelColumn: 1,
    width: 7,
  };
}
