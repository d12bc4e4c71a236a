/**
 * A hostile corpus: the files that took a batch down (issue 18) or that an archive hands over
 * sooner or later, each with what `baocao run` must make of it. Small on disk (under 2 MB), made in
 * a second or two; test/hostile-corpus.test.ts runs a batch over it.
 *
 *   node --import tsx scripts/make-hostile-corpus.ts <dir>
 *
 * Writes the files under <dir> and prints the cases as JSON lines.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docx, docxParagraphs, pdf, pdfScanOf, pngHeader, writeDocxBomb } from '../src/ingest/testing/hostile.js';

const ROOT = new URL('..', import.meta.url).pathname;

export interface HostileCase {
  /** Path relative to the corpus folder. */
  path: string;
  /** What it is. */
  what: string;
  /**
   * What its line in errors.jsonl must say (a part of the reason); null: it must come out as a
   * normal report. Not used when `skipped` is set.
   */
  error: string | null;
  /** A symbolic link the walk does not follow: part of its `skipped:` line, and no report, no error. */
  skipped?: string;
}

/** A short report in the shape of the real ones: good content whatever its file name. */
export function goodReport(n: number): string {
  return (
    `ỦY BAN NHÂN DÂN\nXÃ AN LÃO\n\nSố: ${n}/BC-UBND\n\nAn Lão, ngày 15 tháng 02 năm 2026\n\nBÁO CÁO\n\n` +
    `Tình hình, kết quả công tác cải cách thủ tục hành chính tháng 02 năm 2026\n\n` +
    `1. Tổng số hồ sơ tiếp nhận: ${1000 + n} hồ sơ, trong đó trực tuyến ${900 + n} hồ sơ.\n` +
    `2. Số hồ sơ đã giải quyết: ${950 + n} hồ sơ.\n`
  );
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** Writes the corpus under `dir` (made if missing) and returns its cases, in path order. */
export async function makeHostileCorpus(dir: string): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const put = (path: string, bytes: Uint8Array | string, what: string, error: string | null) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
    cases.push({ path, what, error });
  };

  put('scan-50000px.pdf', pdfScanOf(50_000, 50_000), 'a PDF whose page is a 50 000 × 50 000 px image', 'the scan of page 1 too large to decode (50000 × 50000 px = 2500 Mpx; the limit is 120 Mpx)');
  put('page-5280pt.pdf', pdf(5280), 'a blank PDF page of 5 280 × 5 280 pt (6.3 GB rendered for OCR)', 'page 1 too large to render (5280 × 5280 pt; the limit is 3400 pt a side)');
  const bomb = await writeDocxBomb(join(dir, 'zip-bomb.docx'), 2_000_000);
  cases.push({
    path: 'zip-bomb.docx',
    what: `a DOCX whose document.xml inflates from ${(bomb.packed / 1e6).toFixed(1)} MB to ${(bomb.inflated / 1e6).toFixed(0)} MB`,
    // the numbers as src/ingest/zip.ts reads them from the central directory
    error: `DOCX refused: ZIP entry inflates ${Math.round(bomb.inflated / bomb.packed)} times (${mb(bomb.packed)} to ${mb(bomb.inflated)}; the limit is 200 times)`,
  });
  put('huge-30000px.png', pngHeader(30_000, 30_000), 'a PNG header declaring 30 000 × 30 000 px', 'image too large to decode (30000 × 30000 px = 900 Mpx; the limit is 120 Mpx)');
  put(
    'xxe.docx',
    docx(docxParagraphs(goodReport(1).split('\n')) + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`),
    'a DOCX with an external entity pointing at file:///etc/passwd',
    // the XML reader (xmldom, in mammoth) defines no entity of a DTD: neither read nor expanded
    'unreadable DOCX (error: [xmldom error]\tentity not found:&xxe;',
  );
  const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  put(
    'billion-laughs.docx',
    docx(docxParagraphs(goodReport(2).split('\n')) + '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', `<!DOCTYPE w:document [<!ENTITY lol0 "lol">${laughs}]>\n`),
    'a DOCX whose DTD nests entities to a billion "lol"s',
    'unreadable DOCX (error: [xmldom error]\tentity not found:&lol9;',
  );
  put(
    'javascript.pdf',
    pdf(
      595,
      'BT /F1 12 Tf 72 700 Td (BAO CAO) Tj 0 -20 Td (Tong so ho so tiep nhan: 1.204 ho so.) Tj ET',
      '/Font << /F1 6 0 R >>',
      '5 0 obj << /Type /Action /S /JavaScript /JS (app.alert\\("baocao"\\); this.exportDataObject\\({cName: "x", nLaunch: 2}\\);) >> endobj\n' +
        '6 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n',
      '/OpenAction 5 0 R ',
    ),
    'a PDF that runs JavaScript when opened (/OpenAction /JS)',
    null,
  );
  const whole = readFileSync(join(ROOT, 'fixtures/formats/003_4b7321f46e9814a7.pdf'));
  put('truncated.pdf', whole.subarray(0, Math.floor(whole.length * 0.4)), 'a real PDF cut at 40 %', 'corrupt PDF (Invalid PDF structure.)');
  copyFileSync(join(ROOT, 'test/data/broken/encrypted.pdf'), join(dir, 'encrypted.pdf'));
  cases.push({ path: 'encrypted.pdf', what: 'a password-protected PDF', error: 'PDF is encrypted (it needs a password)' });
  put('empty.txt', '', 'an empty file', 'empty file');
  put('nul-bytes.txt', Buffer.concat([Buffer.from('BÁO CÁO\n'), Buffer.alloc(4096, 0), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])]), 'binary data with NUL bytes, named .txt', 'not a text file: NUL byte at byte 10');
  // the format is read from the first bytes: the name does not matter
  put('docx-named.pdf', docx(docxParagraphs(goodReport(3).split('\n'))), 'a DOCX named .pdf', null);
  put('*.txt', goodReport(4), 'a file named like a glob', null);
  put('star*.txt', goodReport(5), 'a file named like a glob', null);
  put("=1+1+cmd|' _C calc'!A0.txt", goodReport(6), 'a file named like a spreadsheet formula', null);
  const deep = Array.from({ length: 100 }, (_, i) => `d${i % 10}`).join('/');
  put(`${deep}/deep.txt`, goodReport(7), 'a report 100 folders deep', null);
  mkdirSync(join(dir, 'loop'), { recursive: true });
  // made again over an earlier corpus
  rmSync(join(dir, 'loop', 'up'), { force: true });
  rmSync(join(dir, 'self.txt'), { force: true });
  symlinkSync('..', join(dir, 'loop', 'up'));
  cases.push({ path: 'loop/up', what: 'a symbolic link to a folder above it', error: null, skipped: 'symbolic link to a folder that contains it (..): a loop' });
  symlinkSync('self.txt', join(dir, 'self.txt'));
  cases.push({ path: 'self.txt', what: 'a symbolic link to itself', error: null, skipped: 'broken symbolic link (to self.txt)' });
  return cases.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx scripts/make-hostile-corpus.ts <dir>');
    process.exit(2);
  }
  for (const c of await makeHostileCorpus(dir)) console.log(JSON.stringify(c));
}
