/**
 * The header reader on real documents in every layout they reach us in: excerpts of three
 * development documents (scripts/make-header-fixtures.sh) as the web rendering stored (`.md`), a
 * DOCX and a text-layer PDF with the header and the signature in two-column tables, and the PDF's
 * text with the two columns merged on each line (`.merged.txt`, as PDF text extraction and OCR
 * give it). Every layout must give the same header.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/report.js';
import { ROOT } from './helpers.js';

const EXPECTED = {
  '09daab284f92e2dd': {
    kind: 'KH',
    number: '141',
    symbol: 'KH-UBND',
    issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    unit: { level: 'tỉnh', name: 'Bắc Ninh' },
    place: 'Bắc Ninh',
    date: { year: 2025, month: 11, day: 20 },
    title: 'NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030',
    signer: { name: 'Phạm Văn Thịnh', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' },
    recipients: 0,
    distribution: 8,
  },
  a12a41bbbe518be8: {
    kind: 'CV',
    number: '4240',
    symbol: 'UBND-VX',
    issuer: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
    unit: { level: 'thành phố', name: 'Hồ Chí Minh' },
    place: 'Thành phố Hồ Chí Minh',
    date: { year: 2025, month: 11, day: 28 },
    title: 'khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức',
    signer: { name: 'Nguyễn Mạnh Cường', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' },
    recipients: 3,
    distribution: 7,
  },
  '8fe888e498bceabd': {
    kind: 'QĐ',
    number: '2003',
    symbol: 'QĐ-UBND',
    issuer: 'Ủy ban nhân dân tỉnh Cao Bằng',
    unit: { level: 'tỉnh', name: 'Cao Bằng' },
    place: 'Cao Bằng',
    date: { year: 2025, month: 11, day: 25 },
    title: 'PHÊ DUYỆT DANH SÁCH XÃ, PHƯỜNG MIỀN NÚI TRÊN ĐỊA BÀN TỈNH CAO BẰNG GIAI ĐOẠN 2026 – 2030',
    signer: { name: 'Hoàng Văn Thạch', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' },
    recipients: 0,
    distribution: 9,
  },
};
const LAYOUTS = ['md', 'docx', 'pdf', 'merged.txt'];

describe('the header of a real document in each layout', () => {
  for (const [name, want] of Object.entries(EXPECTED)) {
    for (const layout of LAYOUTS) {
      it(`${name}.${layout}`, async () => {
        const { document: d } = await processFile(join(ROOT, 'test/data/headers', `${name}.${layout}`));
        const { recipients, distribution, ...fields } = want;
        expect({ ...d, recipients: d.recipients.length, distribution: d.distribution.length }).toMatchObject({ ...fields, recipients, distribution });
      });
    }
  }
});
