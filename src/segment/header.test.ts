import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { SourceText } from '../text/source-text.js';
import { segment } from './index.js';

const read = (s: string) => segment(normalise(SourceText.fromOriginal(s)));

/** The header of Kế hoạch 141/KH-UBND of Bắc Ninh, as each format lays it out. */
const BAC_NINH = {
  kind: 'KH',
  number: '141',
  symbol: 'KH-UBND',
  issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  unit: { level: 'tỉnh', name: 'Bắc Ninh' },
  place: 'Bắc Ninh',
  date: { year: 2025, month: 11, day: 20 },
  title: 'NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030',
};
const BAC_NINH_TITLE_AND_BODY = `KẾ HOẠCH
NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG
CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030
Thực hiện Kế hoạch số 14-KH/TU
ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy, UBND tỉnh ban hành Kế hoạch như sau:
**I. MỤC ĐÍCH, YÊU CẦU**
**1**. **Mục đích**
- Triển khai thực hiện kịp thời, đồng bộ, hiệu quả Kế hoạch số 14-KH/TU.`;

describe('header: one reader for every layout', () => {
  it('reads a web rendering: the header as a pipe table, emphasis debris, lines wrapped mid-field', () => {
    const outline = read(`|
**UỶ BAN NHÂN DÂN**
TỈNH BẮC NINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 141/KH-UBND
|
*Bắc Ninh, ngày 20
tháng 11 năm 2025*
|

** **

${BAC_NINH_TITLE_AND_BODY}`);
    expect(outline.header).toMatchObject(BAC_NINH);
    expect(outline.sections.map((s) => s.title)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'Mục đích']);
  });

  it('reads two columns merged on one line (PDF text, OCR)', () => {
    const { header } = read(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC NINH Độc lập - Tự do - Hạnh phúc
Số: 141/KH-UBND Bắc Ninh, ngày 20 tháng 11 năm 2025
${BAC_NINH_TITLE_AND_BODY}`);
    expect(header).toMatchObject(BAC_NINH);
  });

  it('reads a DOCX header table (cells as tab-separated lines)', () => {
    const { header } = read(`ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC NINH\tĐộc lập - Tự do - Hạnh phúc
Số: 141/KH-UBND\tBắc Ninh, ngày 20 tháng 11 năm 2025

${BAC_NINH_TITLE_AND_BODY}`);
    expect(header).toMatchObject(BAC_NINH);
  });

  it('reads the number line before the motto, and a unit name with an apostrophe', () => {
    const { header } = read(`ỦY BAN NHÂN DÂN
XÃ ĐƯNG K’NỚ
Số: 25/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đưng K’Nớ, ngày 05 tháng 3 năm 2025
BÁO CÁO
Kết quả thực hiện nhiệm vụ tháng 3 năm 2025
I. KẾT QUẢ THỰC HIỆN`);
    expect(header).toMatchObject({
      kind: 'BC',
      number: '25',
      issuer: 'Ủy ban nhân dân xã Đưng K’Nớ',
      unit: { level: 'xã', name: 'Đưng K’Nớ' },
      place: 'Đưng K’Nớ',
      date: { year: 2025, month: 3, day: 5 },
      title: 'Kết quả thực hiện nhiệm vụ tháng 3 năm 2025',
    });
  });

  it('ends a title where the body begins when no blank line separates them (one paragraph per line)', () => {
    const outline = read(`|
ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
|
Số: 2003/QĐ-UBND
|
*Cao Bằng, ngày 25
tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
PHÊ DUYỆT DANH SÁCH XÃ, PHƯỜNG MIỀN NÚI TRÊN ĐỊA BÀN TỈNH
CAO BẰNG GIAI ĐOẠN 2026 – 2030
*Căn cứ Luật Tổ chức chính
quyền địa phương ngày 16 tháng 6 năm 2025;*
**QUYẾT ĐỊNH:**
**Điều 1.****
**Phê duyệt xã, phường miền núi trên địa bàn tỉnh Cao Bằng
giai đoạn 2026 – 2030 gồm 56 xã, phường.`);
    expect(outline.header).toMatchObject({
      kind: 'QĐ',
      number: '2003',
      symbol: 'QĐ-UBND',
      title: 'PHÊ DUYỆT DANH SÁCH XÃ, PHƯỜNG MIỀN NÚI TRÊN ĐỊA BÀN TỈNH CAO BẰNG GIAI ĐOẠN 2026 – 2030',
    });
    const first = outline.blocks[0]!;
    expect(outline.text.slice(first.content)).toMatch(/^Căn cứ Luật Tổ chức chính/);
  });

  it('ends a sentence-case title before a report body that opens with a full sentence on the next line', () => {
    const outline = read(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HỒNG HÀ Độc lập - Tự do - Hạnh phúc
Số: 412/BC-UBND Hồng Hà, ngày 10 tháng 12 năm 2025
BÁO CÁO
Tình hình thực hiện nhiệm vụ năm 2025,
phương hướng nhiệm vụ năm 2026
Năm 2025, thu ngân sách trên địa bàn đạt 125 tỷ đồng, tăng 12% so với cùng kỳ.`);
    expect(outline.header.title).toBe('Tình hình thực hiện nhiệm vụ năm 2025, phương hướng nhiệm vụ năm 2026');
    expect(outline.text.slice(outline.blocks[0]!.content)).toMatch(/^Năm 2025, thu ngân sách/);
    // or with the sentence that opens a list
    const listed = read(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HỒNG HÀ Độc lập - Tự do - Hạnh phúc
Số: 412/BC-UBND Hồng Hà, ngày 10 tháng 12 năm 2025
BÁO CÁO
Tình hình thực hiện nhiệm vụ năm 2025
Ủy ban nhân dân phường báo cáo kết quả thực hiện như sau:
Thu ngân sách trên địa bàn đạt 125 tỷ đồng.`);
    expect(listed.header.title).toBe('Tình hình thực hiện nhiệm vụ năm 2025');
  });

  it("ends a công văn's V/v subject before the place–date line under it (one column, no blank line)", () => {
    const outline = read(`UBND THÀNH PHỐ HUẾ
Số: 2301/UBND-VX
V/v tăng cường công tác phòng, chống dịch sốt xuất huyết
Huế, ngày 14 tháng 11 năm 2025
Kính gửi: Sở Y tế.
Trong tháng 10/2025, toàn thành phố ghi nhận 120 ca mắc.`);
    expect(outline.header).toMatchObject({
      kind: 'CV',
      place: 'Huế',
      date: { year: 2025, month: 11, day: 14 },
      title: 'tăng cường công tác phòng, chống dịch sốt xuất huyết',
    });
  });

  it('stops a decision title at the enacting line, and splits the year off a number', () => {
    const { header } = read(`ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
|
Số:
38/2025/QĐ-UBND
|
*Cần Thơ, ngày 20
tháng 11 năm 2025*
|
QUYẾT ĐỊNH
VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ LĨNH VỰC CÔNG
TÁC DÂN TỘC
CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN
THƠ
*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;*`);
    expect(header).toMatchObject({
      number: '38',
      symbol: 'QĐ-UBND',
      issuer: 'Ủy ban nhân dân thành phố Cần Thơ',
      unit: { level: 'thành phố', name: 'Cần Thơ' },
      place: 'Cần Thơ',
      title: 'VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ LĨNH VỰC CÔNG TÁC DÂN TỘC',
    });
  });

  it('reads a công văn whose `V/v` shares the number cell, and its wrapped recipients', () => {
    const { header } = read(`|
ỦY BAN NHÂN DÂN
**
THÀNH PHỐ HỒ CHÍ MINH
-------
|
Số: 4240/UBND-VX
*V/v khẩn trương hoàn thành cập nhật, đồng bộ
cơ sở dữ liệu cán bộ, công chức, viên chức*
|
*Thành phố Hồ Chí
Minh, ngày 28 tháng 11 năm 2025*
|
Kính gửi:
|
- Các cơ quan chuyên môn, cơ quan hành chính khác
thuộc Ủy ban nhân dân Thành phố;
- Ủy ban nhân dân các xã, phường và đặc khu.
|
Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX.`);
    expect(header).toMatchObject({
      kind: 'CV',
      number: '4240',
      symbol: 'UBND-VX',
      place: 'Thành phố Hồ Chí Minh',
      issuer: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
      title: 'khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức',
      recipients: ['Các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố', 'Ủy ban nhân dân các xã, phường và đặc khu'],
    });
  });

  it('reads `S06:`, OCR for `Số:`, in a merged line of a restored scan', () => {
    const { header } = read(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

ĐẶC KHU CÁT HẢI Độc lập - Tự do - Hạnh phúc
S06:120 /BC-UBND Cát Hải, ngày 12 tháng 9 năm 2025
BÁO CÁO`);
    expect(header).toMatchObject({
      number: '120',
      symbol: 'BC-UBND',
      unit: { level: 'đặc khu', name: 'Cát Hải' },
      place: 'Cát Hải',
      date: { year: 2025, month: 9, day: 12 },
    });
  });

  it('leaves the unit unknown when OCR lost the header, never taking a body that is cited first', () => {
    const outline = read(`Thực hiện Công văn số 137/UBND-TTPVHCC ngày 23/01/2026 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân đặc khu báo cáo như sau:
1. Tổng số hồ sơ tiếp nhận: 1.894 hồ sơ.`);
    expect(outline.header.unit).toBeNull();
    expect(outline.header.issuer).toBeNull();
    expect(outline.warnings).toContain('header: no issuer block; issuer and unit unknown');
  });

  it('finds the signer before an appendix with no `Nơi nhận`, and a name wrapped before its last word', () => {
    const outline = read(`Số: 1994/QĐ-UBND
Cao Bằng, ngày 24 tháng 11 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ
Điều 1. Phê duyệt kèm theo Quyết định này.
|
**KT. CHỦ TỊCH **
PHÓ CHỦ TỊCH
**Lê Hải
Hòa**
|
# PHỤ LỤC
THỦ TỤC HÀNH CHÍNH
1. Thủ tục cấp phép
2. Thủ tục gia hạn
3. Thủ tục thu hồi`);
    expect(outline.header.signer).toEqual({ name: 'Lê Hải Hòa', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
  });

  it('takes the title line of a page with no header', () => {
    const { header } = read(`Kết quả xây dựng nông thôn mới nâng cao năm 2020 của xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa

I. ĐẶC ĐIỂM TÌNH HÌNH CHUNG`);
    expect(header).toMatchObject({ kind: null, title: 'Kết quả xây dựng nông thôn mới nâng cao năm 2020 của xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa', unit: null, issuer: null });
  });

  it('reads a Chairman’s decision: `CHỦ TỊCH ỦY BAN NHÂN DÂN` in the issuer block', () => {
    const { header } = read(`CHỦ TỊCH ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
|
Số: 52/2025/QĐ-CTUBND
|
Cao Bằng, ngày 28 tháng 11 năm 2025
|
QUYẾT ĐỊNH
VỀ VIỆC KIỆN TOÀN BAN CHỈ ĐẠO`);
    expect(header).toMatchObject({ kind: 'QĐ', symbol: 'QĐ-CTUBND', issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng', unit: { level: 'tỉnh', name: 'Cao Bằng' } });
  });
});

describe('header: words a web rendering wrapped (documents outside the annotated parts)', () => {
  it('reads a kind word wrapped inside itself (`**QUYẾT` / `ĐỊNH**`), so the title is not taken for the issuer (a53257314ff9bbd2)', () => {
    const { header } = read(`|
|
**ỦY BAN NHÂN DÂN **
TỈNH HÀ TĨNH
--------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 80/2025/QĐ-UBND
|
*Hà Tĩnh, ngày 24 tháng11 năm 2025*
|
**QUYẾT
ĐỊNH**
BÃI BỎ QUYẾT ĐỊNH
SỐ 15/2025/QĐ-UBND NGÀY 01/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH BAN HÀNH QUY ĐỊNH CHỨC
NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ
*Căn cứ Luật Tổ chức chính quyền địa phương số
72/2025/QH15;*`);
    expect(header).toMatchObject({
      kind: 'QĐ',
      issuer: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
      unit: { level: 'tỉnh', name: 'Hà Tĩnh' },
      title: 'BÃI BỎ QUYẾT ĐỊNH SỐ 15/2025/QĐ-UBND NGÀY 01/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ',
    });
  });

  it('reads `Số` without its colon (1f9faa032326f975)', () => {
    const { header } = read(`**ỦY BAN NHÂN
DÂN **
TỈNH QUẢNG TRỊ
|
Số 2696/QĐ-UBND
|
*Quảng Trị,
ngày 18 tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
BAN HÀNH ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ BẢO VỆ MÔI TRƯỜNG`);
    expect(header).toMatchObject({ number: '2696', symbol: 'QĐ-UBND', place: 'Quảng Trị', date: { year: 2025, month: 11, day: 18 } });
  });

  it('reads signer blocks wrapped anywhere: `T/M ỦY` / `BAN NHÂN DÂN`, `PHÓ` / `CHỦ TỊCH`, `Nguyễn` / `Văn Khởi`', () => {
    const signer = (block: string) => read(`Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC THỬ\nĐiều 1. Thử.\nNơi nhận:\n- Như Điều 3;\n|\n${block}\n|`).header.signer;
    expect(signer('**T/M ỦY\nBAN NHÂN DÂN**\nCHỦ TỊCH\n**Phạm Đức Ấn**')).toEqual({ name: 'Phạm Đức Ấn', role: 'CHỦ TỊCH', onBehalfOf: 'T/M ỦY BAN NHÂN DÂN' });
    expect(signer('**KT. CHỦ TỊCH**\n**PHÓ\nCHỦ TỊCH**\n**Nguyễn Thị Nguyệt**')).toEqual({ name: 'Nguyễn Thị Nguyệt', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
    expect(signer('**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Nguyễn\nVăn Khởi**')).toEqual({ name: 'Nguyễn Văn Khởi', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
    expect(signer('**TM. ỦY BAN NHÂN\nDÂN**\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Mai\nSơn**')).toEqual({ name: 'Mai Sơn', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' });
    // a copy's note that it was signed, between the role and the name
    expect(signer('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nLê Thị Thu Hà')).toEqual({ name: 'Lê Thị Thu Hà', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
  });
});

describe('header: closings whose two columns PDF text merged on each line (layouts made from documents outside the annotated parts)', () => {
  const signer = (closing: string) => read(`Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC THỬ\nĐiều 1. Thử.\n${closing}`).header;

  it('reads a name wrapped before its last word beside a list entry (PDF of f709d287088c57b7)', () => {
    const header = signer(`Nơi nhận:                                                             CHỦ TỊCH
- Như Điều 3;                                                          Lê Hải
- Chủ tịch, các PCT UBND tỉnh;
- VP UBND tỉnh: LĐVP, KGVX, TTTT, TTPVHCC;                              Hòa
- Viễn thông Cao Bằng;`);
    expect(header.signer).toEqual({ name: 'Lê Hải Hòa', role: 'CHỦ TỊCH', onBehalfOf: null });
    expect(header.distribution).toEqual(['Như Điều 3', 'Chủ tịch, các PCT UBND tỉnh', 'VP UBND tỉnh: LĐVP, KGVX, TTTT, TTPVHCC', 'Viễn thông Cao Bằng']);
  });

  it('reads a signer block merged onto one line (PDF of 43ce594e2a648040)', () => {
    const header = signer(`Nơi nhận:
- Như Điều 4;
- Lưu: VT, TTPVHCC.
KT. CHỦ TỊCH PHÓ CHỦ TỊCH Mai Sơn`);
    expect(header.signer).toEqual({ name: 'Mai Sơn', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
  });

  it('reads an entry whose dash stands alone, its words on the next line (PDF of a16f8b41d34cc524)', () => {
    const header = signer(`Nơi nhận:                                                    TM. ỦY BAN NHÂN DÂN
-                                                                KT. CHỦ TỊCH
Như Điều 5;
- Vụ Pháp chế - Bộ Tài chính;                                    PHÓ CHỦ TỊCH
- Bộ Tư pháp (Cục KTVB và QLXLVPHC);                           Nguyễn Thành Diệu
- Lưu: VT, P.KT-HSĩ.`);
    expect(header.signer).toEqual({ name: 'Nguyễn Thành Diệu', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' });
    expect(header.distribution?.slice(0, 2)).toEqual(['Như Điều 5', 'Vụ Pháp chế - Bộ Tài chính']);
  });

  it('reads a name alone on its line below the list whole (`Lê Thị Thu Hà`, never `Lê` left and `Thị Thu Hà` right)', () => {
    const header = signer(`Nơi nhận: TM. ỦY BAN NHÂN DÂN
- UBND tỉnh; CHỦ TỊCH
- Lưu: VT.
Lê Thị Thu Hà`);
    expect(header.signer).toEqual({ name: 'Lê Thị Thu Hà', role: 'CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN' });
    expect(header.distribution).toEqual(['UBND tỉnh', 'Lưu: VT']);
  });

  it('reads `TM.` wrapped before its body, and a role after an entry that has no punctuation (518fe8ba9a6bd9dc)', () => {
    const header = signer(`Nơi nhận: TM.
- Như Điều 5; ỦY BAN NHÂN DÂN
- Văn phòng Chính phủ;
- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Bộ KT. CHỦ TỊCH
Tư pháp; PHÓ CHỦ TỊCH
- Vụ Pháp chế, Bộ Nội vụ; Tống Thanh Hải
- Thường trực Tỉnh ủy;`);
    expect(header.signer).toEqual({ name: 'Tống Thanh Hải', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' });
    expect(header.distribution).toEqual([
      'Như Điều 5',
      'Văn phòng Chính phủ',
      'Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Bộ Tư pháp',
      'Vụ Pháp chế, Bộ Nội vụ',
      'Thường trực Tỉnh ủy',
    ]);
  });

  it('reads a name after an entry that has no punctuation, never a body’s name as the signer’s (a5b95740527e665d)', () => {
    const header = signer(`Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như Điều 2; KT. CHỦ TỊCH
- Bộ Xây dựng;
- Cổng TTĐT Chính phủ; PHÓ CHỦ TỊCH
- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính - Bộ Trần Báu Hà
Tư pháp;
- TTr Tỉnh ủy, TTr HĐND tỉnh;`);
    expect(header.signer).toEqual({ name: 'Trần Báu Hà', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' });
    expect(header.distribution).toHaveLength(5);
  });

  it('keeps an entry wrapped below the signer’s lines in the list (817cf0e3de96bc43)', () => {
    const header = signer(`Nơi nhận: KT. CHỦ TỊCH
- Cục KSTTHC, Văn phòng Chính phủ PHÓ CHỦ TỊCH
(b/c);
- Thường trực Tỉnh ủy (b/c); Đặng Ngọc Hậu
- Thường trực HĐND tỉnh (b/c);`);
    expect(header.signer).toEqual({ name: 'Đặng Ngọc Hậu', role: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' });
    expect(header.distribution[0]).toBe('Cục KSTTHC, Văn phòng Chính phủ (b/c)');
  });

  it('keeps a title whose last line is a year after a wrapped dash, and one whose line opens with a body after a comma (PDF of f004d93b21e7fc5f, f709d287088c57b7)', () => {
    const title = (text: string) => read(`Số: 1/KH-UBND\n${text}\nCăn cứ Luật Tổ chức chính quyền địa phương;`).header.title;
    expect(title('KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI GIAI ĐOẠN 2026-\n2030')).toBe(
      'PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI GIAI ĐOẠN 2026- 2030',
    );
    expect(title('QUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO,\nỦY BAN NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG')).toBe(
      'VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO, ỦY BAN NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG',
    );
  });

  it('keeps a capitals title whose year range is wrapped onto a line of its own, with no dash before it (ad5aff6c13929815)', () => {
    const title = (text: string) => read(`Số: 144/KH-UBND\n${text}\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;`).header.title;
    expect(title('KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN\n2026 - 2030')).toBe(
      'PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030',
    );
    expect(title('KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM\n2026')).toBe('THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2026');
    // the years a paragraph of their own in the DOCX, a blank line before them in its PDF's text
    expect(title('KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN\n\n       2026 - 2030')).toBe(
      'PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030',
    );
    // a title closed by its years ends at the blank line as before
    expect(title('KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ GIAI ĐOẠN 2026 - 2030\n\n2025')).toBe('PHÁT TRIỂN KINH TẾ SỐ GIAI ĐOẠN 2026 - 2030');
  });

  it('reads a long title in capitals whole: a decision repealing several others (5545b1799f2968c0, 16 lines)', () => {
    const lines = Array.from({ length: 14 }, (_, k) => `SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ ${k + 1}/2014/QĐ-UBND`);
    const { header, warnings } = read(`Số: 1/2025/QĐ-UBND\nQUYẾT ĐỊNH\n${lines.join('\n')}\nCăn cứ Luật Tổ chức chính quyền địa phương;`);
    expect(header.title).toBe(lines.join(' '));
    expect(warnings).not.toContain('header: the title has no clear end; only its first lines are kept');
  });

  it('ends a title at the Chairman’s line wrapped inside the body’s name (a3b56e35d1c2d0d2)', () => {
    const { header } = read(`Số: 2833/QĐ-UBND
QUYẾT ĐỊNH
VỀ VIỆC
CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH VÀ ĐƯỢC SỬA ĐỔI, BỔ SUNG LĨNH
VỰC ĐỊA CHẤT VÀ KHOÁNG SẢN THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ NÔNG NGHIỆP
VÀ MÔI TRƯỜNG
**CHỦ TỊCH ỦY BAN NHÂN
DÂN THÀNH PHỐ HỒ CHÍ MINH**
*Căn cứ Luật Tổ chức Chính quyền địa
phương ngày 16 tháng 6 năm 2025;*`);
    expect(header.title).toBe(
      'VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH VÀ ĐƯỢC SỬA ĐỔI, BỔ SUNG LĨNH VỰC ĐỊA CHẤT VÀ KHOÁNG SẢN THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
    );
  });
});

describe('header: distribution entries wrapped', () => {
  const closing = (list: string) => read(`Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC THỬ\nĐiều 1. Thử.\nNơi nhận:\n${list}\n|\nCHỦ TỊCH\nVõ Tấn Đức`).header;

  it('keeps the drafter and the copies under `Lưu:` in the list, not in the body (208bf7c0b7e8f27c)', () => {
    const header = closing('- Công báo điện tử tỉnh;\n- Lưu: VT, HCC, HCTC, NC.\nHuy (23 bản)');
    expect(header.distribution).toEqual(['Công báo điện tử tỉnh', 'Lưu: VT, HCC, HCTC, NC. Huy (23 bản)']);
    expect(header.signer).toEqual({ name: 'Võ Tấn Đức', role: 'CHỦ TỊCH', onBehalfOf: null });
  });

  it('joins an entry left open at its end to the next line (PDF text of 32bf80ce6d1e997e)', () => {
    const header = closing('- VP UBND tỉnh: LĐVP, các phòng, đơn vị, TTTT (01 bản giấy,\n01 bản điện tử);\n- Lưu: VT.');
    expect(header.distribution).toEqual(['VP UBND tỉnh: LĐVP, các phòng, đơn vị, TTTT (01 bản giấy, 01 bản điện tử)', 'Lưu: VT']);
  });
});

describe('header: issuer blocks of lower units', () => {
  it('takes the commune, not the district above it, from a two-level block', () => {
    const { header } = read(`UBND HUYỆN HOẰNG HÓA
UBND XÃ HOẰNG LỘC
Số: 45/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hoằng Lộc, ngày 15 tháng 12 năm 2020
BÁO CÁO
Kết quả xây dựng nông thôn mới nâng cao năm 2020
I. ĐẶC ĐIỂM TÌNH HÌNH CHUNG`);
    expect(header).toMatchObject({ issuer: 'Ủy ban nhân dân xã Hoằng Lộc', unit: { level: 'xã', name: 'Hoằng Lộc' }, place: 'Hoằng Lộc', number: '45' });
  });

  it('reads a ward of a city and a special zone', () => {
    expect(read('ỦY BAN NHÂN DÂN\nPHƯỜNG THẠCH KHÔI\n\nSố: /BC-UBND\n\nThạch Khôi, ngày tháng 02 năm 2026\n\nBÁO CÁO\n\nTình hình tháng 02').header.unit).toEqual({ level: 'phường', name: 'Thạch Khôi' });
    expect(read('ỦY BAN NHÂN DÂN\nĐẶC KHU CÁT HẢI\n\nSố: /BC-UBND\n\nCát Hải, ngày tháng 4 năm 2026\n\nBÁO CÁO\n\nTình hình tháng 4').header.issuer).toBe('Ủy ban nhân dân đặc khu Cát Hải');
  });

  it('reads `TP.` for thành phố in the issuer block, and a comma before the year of the date', () => {
    const header = read('ỦY BAN NHÂN DÂN\nTP. HỒ CHÍ MINH\n\nSố: 125/BC-UBND\n\nTP. Hồ Chí Minh, ngày 20 tháng 11, năm 2025\n\nBÁO CÁO\n\nTình hình tháng 11').header;
    expect([header.issuer, header.unit, header.place, header.date]).toEqual([
      'Ủy ban nhân dân thành phố Hồ Chí Minh',
      { level: 'thành phố', name: 'Hồ Chí Minh' },
      'TP. Hồ Chí Minh',
      { year: 2025, month: 11, day: 20 },
    ]);
  });

  it('reads a place with a dash in its name', () => {
    const header = read('ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\n\nSố: 125/BC-UBND\n\nBà Rịa - Vũng Tàu, ngày 20 tháng 11 năm 2024\n\nBÁO CÁO\n\nTình hình tháng 11').header;
    expect([header.place, header.unit]).toEqual(['Bà Rịa - Vũng Tàu', { level: 'tỉnh', name: 'Bà Rịa - Vũng Tàu' }]);
  });
});

describe('header: older and typed forms', () => {
  it('reads a numeric date, a typed kind word, `T/M` and a name in capitals', () => {
    const outline = read(`UBND XÃ HOẰNG LỘC
Số: 45/BC-UBND
Hoằng Lộc, ngày 15/12/2020
Báo cáo
Kết quả xây dựng nông thôn mới năm 2020
I. KẾT QUẢ
Xã đã hoàn thành 19/19 tiêu chí.
T/M ỦY BAN NHÂN DÂN
CHỦ TỊCH
NGUYỄN VĂN HÙNG`);
    expect(outline.header).toMatchObject({
      kind: 'BC',
      date: { year: 2020, month: 12, day: 15 },
      title: 'Kết quả xây dựng nông thôn mới năm 2020',
      signer: { name: 'NGUYỄN VĂN HÙNG', role: 'CHỦ TỊCH', onBehalfOf: 'T/M ỦY BAN NHÂN DÂN' },
    });
  });
});
