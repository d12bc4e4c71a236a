/**
 * Writes the spreadsheets `bench/formats.ts` reads, in a process of its own: SheetJS's writers
 * take far more memory than its readers (about 1.7 GB for the .xls), which would otherwise be the
 * bench's peak RSS. Usage: `node --import tsx bench/_sheets.ts <folder> <rows>`.
 */
import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, count] = process.argv.slice(2);
const n = Number(count);
// a per-commune annex as analysts receive it: row number, unit, counts, a rate, a date
const rows: unknown[][] = [['STT', 'Đơn vị', 'Số hồ sơ tiếp nhận', 'Trực tuyến', 'Tỷ lệ trực tuyến', 'Đúng hạn', 'Ngày báo cáo']];
for (let i = 1; i <= n; i++) {
  const received = 500 + ((i * 7919) % 4500);
  const online = Math.floor(received * (0.6 + ((i * 31) % 40) / 100));
  rows.push([i, `Xã số ${i}`, received, online, online / received, received - (i % 17), 46000 + (i % 365)]);
}
const sheet = XLSX.utils.aoa_to_sheet(rows);
for (let r = 1; r <= n; r++) {
  sheet[XLSX.utils.encode_cell({ r, c: 4 })]!.z = '0.00%';
  sheet[XLSX.utils.encode_cell({ r, c: 6 })]!.z = 'dd/mm/yyyy';
}
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, 'Phụ lục');
for (const ext of ['xlsx', 'xls'] as const) {
  const bytes = XLSX.write(book, { type: 'buffer', bookType: ext === 'xls' ? 'biff8' : ext, compression: true }) as Buffer;
  writeFileSync(join(folder!, `communes.${ext}`), bytes);
}
