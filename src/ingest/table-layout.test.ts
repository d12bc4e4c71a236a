import { describe, expect, it } from 'vitest';
import { layoutPage, PagedTextBuilder, segmentsFromRuns, type Run } from './layout.js';
import { placeTables, splitTables, type Ruling } from './table-layout.js';

/** A word at `x` on the line whose baseline is `y`, 9 pt, 5 pt a character. */
const word = (text: string, x: number, y: number): Run => ({ text, x0: x, x1: x + 5 * text.length, top: y - 7, bottom: y + 2, baseline: y, size: 9 });

/** The page's text as pdf.ts writes it, tables found as in `readPdf`. */
async function pageText(runs: Run[], rulings: Ruling[] = []): Promise<string> {
  const split = await splitTables(segmentsFromRuns(runs, false), false, async () => rulings);
  const layout = placeTables(layoutPage(split.segments, 842), split.tables, split.joinWithSpace);
  const out = new PagedTextBuilder();
  out.startPage(1, 595, 842);
  out.addLines(layout.lines, 1, '\n\n');
  return out.text();
}

describe('table-layout: a table without ruling lines', () => {
  // `Số hồ sơ tiếp nhận` centred over `Trực tuyến | Trực tiếp`; `TT` and `Đơn vị` between the two
  // header lines, as a cell merged down two rows sets them
  const header = [
    word('Số hồ sơ tiếp nhận', 230, 100),
    word('TT', 60, 106),
    word('Đơn vị', 110, 106),
    word('Trực tuyến', 200, 112),
    word('Trực tiếp', 290, 112),
  ];
  const rows = [
    [word('1', 62, 124), word('Xã An Lư', 100, 124), word('1.366', 230, 124), word('92', 325, 124)],
    [word('2', 62, 136), word('Phường Hải An', 100, 136), word('244', 240, 136), word('276', 320, 136)],
    [word('Tổng cộng', 60, 148), word('1.610', 230, 148), word('368', 320, 148)],
  ].flat();

  it('writes the header with the merged cell at its first column, and the rows under their columns', async () => {
    expect(await pageText([...header, ...rows])).toBe(
      [
        'TT\tĐơn vị\tSố hồ sơ tiếp nhận', // the merged heading's second place is empty, not written at the end
        '\t\tTrực tuyến\tTrực tiếp',
        '1\tXã An Lư\t1.366\t92',
        '2\tPhường Hải An\t244\t276',
        'Tổng cộng\t\t1.610\t368',
        '',
      ].join('\n'),
    );
  });
});

describe('table-layout: tables without ruling lines, harder cases', () => {
  it('gives a heading narrower than its sub-headings, midway between their cells, both of them', async () => {
    // `Số hồ sơ tiếp nhận` stands over neither `Trực tuyến` nor `Trực tiếp` (their cells are wide,
    // the figures right-aligned in them), but midway between them
    const runs = [
      word('Số hồ sơ tiếp nhận', 320, 100),
      word('TT', 60, 106),
      word('Đơn vị', 110, 106),
      word('Trực tuyến', 255, 112),
      word('Trực tiếp', 427.5, 112),
      ...[word('1', 62, 124), word('Xã An Lư', 100, 124), word('1.366', 335, 124), word('92', 520, 124)],
      ...[word('2', 62, 136), word('Phường Hải An', 100, 136), word('244', 345, 136), word('276', 515, 136)],
      ...[word('Tổng cộng', 60, 148), word('1.610', 335, 148), word('368', 515, 148)],
    ];
    expect(await pageText(runs)).toBe(
      ['TT\tĐơn vị\tSố hồ sơ tiếp nhận', '\t\tTrực tuyến\tTrực tiếp', '1\tXã An Lư\t1.366\t92', '2\tPhường Hải An\t244\t276', 'Tổng cộng\t\t1.610\t368', ''].join('\n'),
    );
  });

  it('keeps rows with an empty cell (two chunks of three) in the table', async () => {
    const runs = [
      ...[word('Đơn vị', 60, 100), word('Đúng hạn', 200, 100), word('Quá hạn', 300, 100)],
      ...[word('Xã An Lư', 60, 112), word('712', 215, 112), word('174', 315, 112)],
      ...[word('Xã Hải An', 60, 124), word('861', 215, 124), word('639', 315, 124)],
      ...[word('Xã Đồ Sơn', 60, 136), word('825', 315, 136)],
      ...[word('Xã Phù Liễn', 60, 148), word('388', 215, 148)],
      ...[word('Xã Yên Bái', 60, 160), word('569', 215, 160), word('329', 315, 160)],
    ];
    expect(await pageText(runs)).toBe(
      ['Đơn vị\tĐúng hạn\tQuá hạn', 'Xã An Lư\t712\t174', 'Xã Hải An\t861\t639', 'Xã Đồ Sơn\t\t825', 'Xã Phù Liễn\t388', 'Xã Yên Bái\t569\t329', ''].join('\n'),
    );
  });

  it('leaves the border of a column of figures all of one width midway, so a heading over it and its neighbour is centred', async () => {
    // `Quá hạn` over `Số hồ sơ | Tỷ lệ (%)`: the rates `73,05` left of them are all of one width
    // (right, left and centre line up alike); taken for right-aligned, their border sat a padding
    // from them, and `Quá hạn` did not look centred over its two columns (a LibreOffice page)
    const at = (text: string, x0: number, x1: number, y: number): Run => ({ text, x0, x1, top: y - 7, bottom: y + 2, baseline: y, size: 9 });
    const row = (y: number, cells: [string, number, number][]) => cells.map(([t, x0, x1]) => at(t, x0, x1, y));
    const runs = [
      ...row(291.3, [['Đơn vị', 123.4, 155.6], ['Trong hạn', 255.9, 307.5], ['Quá hạn', 430, 472.2]]),
      ...row(302.4, [['Số hồ sơ', 218.1, 260.5], ['Tỷ lệ (%)', 301.9, 346.2], ['Số hồ sơ', 387.6, 430], ['Tỷ lệ (%)', 471.3, 515.6]]),
      ...row(324.4, [['Phường Minh Tân', 84.8, 165.6], ['18.211', 247.4, 278.8], ['73,05', 311.2, 336.9], ['16.730', 416.8, 448.2], ['73,13%', 476.4, 510.6]]),
      ...row(335.4, [['Phường Hưng Đạo', 84.8, 168.3], ['328', 261.7, 278.8], ['74,10', 311.2, 336.9], ['207', 431.1, 448.2], ['60,01%', 476.4, 510.6]]),
      ...row(347.5, [['Xã Đông Hải', 84.8, 142.5], ['875', 261.7, 278.8], ['91,94', 311.2, 336.9], ['21.576', 416.8, 448.2], ['59,39%', 476.4, 510.6]]),
    ];
    expect((await pageText(runs)).split('\n').slice(0, 2)).toEqual(['Đơn vị\tTrong hạn\t\tQuá hạn', '\tSố hồ sơ\tTỷ lệ (%)\tSố hồ sơ\tTỷ lệ (%)']);
  });

  it("joins back the end of the last row's figure wrapped in its narrow cell", async () => {
    const runs = [
      ...[word('Đơn vị', 60, 100), word('Tiếp nhận', 180, 100), word('Tỷ lệ', 260, 100)],
      ...[word('Xã An Lư', 60, 112), word('710', 200, 112), word('59,6', 260, 112)],
      ...[word('Xã Hải An', 60, 124), word('440', 200, 124), word('86,4', 260, 124)],
      ...[word('Tổng cộng', 60, 136), word('102.90', 185, 136), word('84,4', 260, 136)],
      word('2', 210, 147),
    ];
    expect(await pageText(runs)).toBe(['Đơn vị\tTiếp nhận\tTỷ lệ', 'Xã An Lư\t710\t59,6', 'Xã Hải An\t440\t86,4', 'Tổng cộng\t102.902\t84,4', ''].join('\n'));
  });
});

describe('table-layout: a ruled table', () => {
  // a grid of 3 columns and 3 rows whose first row is one cell across the first two columns; rows
  // of text (`a) | Hồ sơ trực tuyến | Trung tâm`): no columns of figures, so the lines are read
  const h = (y: number): Ruling => ({ x0: 50, x1: 350, y0: y, y1: y });
  const v = (x: number, y0 = 90): Ruling => ({ x0: x, x1: x, y0, y1: 150 });
  const rulings = [h(90), h(110), h(130), h(150), v(50), v(150, 110), v(250), v(350)];
  const runs = [word('Nhiệm vụ', 130, 104), word('Chủ trì', 282, 104), word('a)', 60, 124), word('Trực tuyến', 160, 124), word('Trung tâm', 260, 124), word('b)', 60, 144), word('Đúng hạn', 160, 144), word('Các xã', 260, 144)];

  it('reads the cells from the lines: a missing border merges two cells', async () => {
    expect(await pageText(runs, rulings)).toBe(['Nhiệm vụ\t\tChủ trì', 'a)\tTrực tuyến\tTrung tâm', 'b)\tĐúng hạn\tCác xã', ''].join('\n'));
  });
});

describe('layout: a two-column block under running text', () => {
  it('writes the last lines of a paragraph once, when the signature block below takes them into its left column (a PDF of db39a42d7d789171)', async () => {
    const runs = [
      word('Căn cứ Luật Ban hành văn bản quy phạm pháp luật; Luật sửa đổi, bổ sung một số', 60, 100),
      word('điều của Luật Ban hành văn bản quy phạm pháp luật;', 60, 112),
      word('Căn cứ Nghị định số 78/2025/NĐ-CP ngày', 60, 124),
      word('Nơi nhận:', 60, 136),
      word('TM. ỦY BAN NHÂN DÂN', 400, 136),
      word('- Như Điều 2;', 60, 148),
      word('KT. CHỦ TỊCH', 400, 148),
      word('- Lưu: VT.', 60, 160),
      word('Trần Báu Hà', 400, 172),
    ];
    const text = await pageText(runs);
    expect(text.match(/78\/2025/g)).toHaveLength(1);
    expect(text).toBe(
      'Căn cứ Luật Ban hành văn bản quy phạm pháp luật; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật;\n' +
        'Căn cứ Nghị định số 78/2025/NĐ-CP ngày\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nTrần Báu Hà\n',
    );
  });
});
