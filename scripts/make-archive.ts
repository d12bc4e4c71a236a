/**
 * Generates an archive like the ones archivists hand over: the seed reports rewritten for other
 * reporting units, months and numbers, DOCX and PDF copies, and about 5 % broken files
 * (truncated, binary junk, empty, wrong extension, encrypted PDF), in folders by month and unit.
 *
 *   npx tsx scripts/make-archive.ts <dir> [--files 2000] [--seed 1] [--broken 0.05]
 *
 * Deterministic for a given seed. Writes `<dir>/.expected.json` (hidden, so the batch skips it):
 * every file with its kind, `broken` naming what is wrong with it.
 * Reads only `fixtures/` and `test/data/broken/` (committed files).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { mulberry32 } from './random.js';

export type FileKind = 'text' | 'docx' | 'pdf';
export type BrokenKind = 'truncated' | 'junk' | 'empty' | 'wrong-extension' | 'encrypted';
export interface ExpectedFile {
  path: string;
  kind: FileKind | 'broken';
  broken: BrokenKind | null;
}

const ROOT = new URL('..', import.meta.url).pathname;

/** Reporting units to rename the seeds to: level (xã commune, phường ward, đặc khu special zone) and name. */
const UNITS: readonly [string, string][] = [
  ['xã', 'An Lão'],
  ['xã', 'Kiến Thụy'],
  ['xã', 'Tiên Lãng'],
  ['xã', 'Vĩnh Bảo'],
  ['xã', 'Nam An Lão'],
  ['xã', 'Quyết Thắng'],
  ['phường', 'Lê Chân'],
  ['phường', 'Ngô Quyền'],
  ['phường', 'Hồng Bàng'],
  ['phường', 'Kiến An'],
  ['phường', 'Đồ Sơn'],
  ['phường', 'Thủy Nguyên'],
  ['phường', 'Dương Kinh'],
  ['phường', 'Hải An'],
  ['đặc khu', 'Bạch Long Vĩ'],
  ['đặc khu', 'Cát Hải'],
];

/** The unit each seed reports for, as printed; null where the text is too garbled to rename. */
const SEEDS: readonly { file: string; unit: [string, string] | null }[] = [
  { file: '000_df22d471c82bd4e0.txt', unit: ['đặc khu', 'Cát Hải'] },
  { file: '001_226b3a6e67be8d17.txt', unit: ['phường', 'Thạch Khôi'] },
  { file: '002_6f7bb062664898b6.txt', unit: ['đặc khu', 'Cát Hải'] },
  { file: '003_4b7321f46e9814a7.txt', unit: null },
  { file: '004_0ecefb93d6d43162.txt', unit: null },
];
const DOCX = ['000_df22d471c82bd4e0.docx', '003_4b7321f46e9814a7.docx'];
const PDF = ['000_df22d471c82bd4e0.pdf', '003_4b7321f46e9814a7.pdf'];

const upper = (s: string) => s.toLocaleUpperCase('vi');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** Rename the reporting unit everywhere (both cases), with its level. */
function renameUnit(text: string, from: [string, string], to: [string, string]): string {
  const swaps: [string, string][] = [
    [`${from[0]} ${from[1]}`, `${to[0]} ${to[1]}`],
    [upper(`${from[0]} ${from[1]}`), upper(`${to[0]} ${to[1]}`)],
    [from[1], to[1]],
    [upper(from[1]), upper(to[1])],
  ];
  for (const [a, b] of swaps) text = text.split(a).join(b);
  // the level alone (`trên địa bàn đặc khu`: in the special zone)
  return text.replace(new RegExp(`(?<=\\s)${from[0]}(?=[\\s;,.])`, 'g'), to[0]);
}

/** Shift every dd/mm/yyyy date and `tháng m năm yyyy` / `tháng m/yyyy` (month m of yyyy) by `delta` months. */
function shiftMonths(text: string, delta: number): string {
  const shift = (m: number, y: number) => {
    const k = y * 12 + (m - 1) + delta;
    return [(k % 12) + 1, Math.floor(k / 12)] as const;
  };
  const pad = (n: number, like: string) => (like.length === 2 ? String(n).padStart(2, '0') : String(n));
  return text
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(20\d\d)\b(?!\/)/g, (all, d: string, m: string, y: string) => {
      if (+m < 1 || +m > 12) return all;
      const [mm, yy] = shift(+m, +y);
      const day = Math.min(+d, 28);
      return `${pad(day, d)}/${pad(mm, m)}/${yy}`;
    })
    .replace(/(tháng )(\d{1,2})( năm |\/)(20\d\d)/g, (all, t: string, m: string, sep: string, y: string) => {
      if (+m < 1 || +m > 12) return all;
      const [mm, yy] = shift(+m, +y);
      return `${t}${pad(mm, m)}${sep}${yy}`;
    });
}

/** Change the counts and rates a report states (so every copy has its own figures). */
function perturbNumbers(text: string, rnd: () => number): string {
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return text
    .replace(/\b(\d{1,3}(?:\.\d{3})+|\d+)(?= (?:hồ sơ|PAKN|TTHC)\b)/g, (s) => {
      const n = Number(s.replace(/\./g, ''));
      const v = Math.max(0, Math.round(n * (0.7 + 0.6 * rnd())));
      return s.length > 1 && s.startsWith('0') ? String(v).padStart(s.length, '0') : group(v);
    })
    .replace(/\b(\d{1,2}),(\d{1,2})%/g, (_, i: string, f: string) => {
      const v = Math.min(99.99, Math.max(50, Number(`${i}.${f}`) + (rnd() - 0.5) * 10));
      return `${v.toFixed(f.length).replace('.', ',')}%`;
    });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  if (!dir) {
    console.error('usage: tsx scripts/make-archive.ts <dir> [--files 2000] [--seed 1] [--broken 0.05]');
    process.exit(2);
  }
  const total = opt('files', 2000);
  const rnd = mulberry32(opt('seed', 1));
  const brokenCount = Math.round(total * opt('broken', 0.05));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Filed by month, then unit: April 2026 shifted by `delta`. Every stretch of the walk then
  // holds every kind of file (the batch bench's first and last tenth of files are alike).
  const month = (delta = Math.floor(rnd() * 12) - 6) => {
    const k = 2026 * 12 + 3 + delta;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  };
  const unitSlug = (unit: readonly [string, string]) => `${slug(unit[0])}-${slug(unit[1])}`;

  rmSync(dir, { recursive: true, force: true });
  const seeds = SEEDS.map((s) => ({ ...s, text: readFileSync(join(ROOT, 'fixtures', s.file), 'utf8') }));
  const docx = await Promise.all(DOCX.map(async (f) => JSZip.loadAsync(readFileSync(join(ROOT, 'fixtures/formats', f)))));
  const pdfs = PDF.map((f) => readFileSync(join(ROOT, 'fixtures/formats', f)));
  const encrypted = readFileSync(join(ROOT, 'test/data/broken/encrypted.pdf'));

  const expected: ExpectedFile[] = [];
  const hashes = new Set<string>();
  const write = (path: string, bytes: Uint8Array | string, kind: ExpectedFile['kind'], broken: BrokenKind | null = null) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    expected.push({ path, kind, broken });
    hashes.add(createHash('sha256').update(bytes).digest('hex'));
  };
  const fresh = (bytes: Uint8Array | string) => !hashes.has(createHash('sha256').update(bytes).digest('hex'));

  const good = total - brokenCount;
  const docxCount = Math.round(good * 0.1);
  const pdfCount = Math.round(good * 0.05);
  const textCount = good - docxCount - pdfCount;

  for (let i = 0; expected.length < textCount; i++) {
    const seed = seeds[i % seeds.length]!;
    const unit = seed.unit ? pick(UNITS) : null;
    const delta = Math.floor(rnd() * 12) - 6;
    let text = seed.unit && unit ? renameUnit(seed.text, seed.unit, unit) : seed.text;
    text = perturbNumbers(shiftMonths(text, delta), rnd);
    if (!fresh(text)) continue;
    const folder = `${month(delta)}/${unit ? unitSlug(unit) : 'thanh-pho'}`;
    write(`${folder}/${seed.file.slice(0, 3)}-${String(i).padStart(5, '0')}.txt`, text, 'text');
  }
  for (let i = 0; i < docxCount; i++) {
    const base = docx[i % docx.length]!;
    const zip = await JSZip.loadAsync(await base.generateAsync({ type: 'uint8array' }));
    const unit = pick(UNITS);
    let xml = await zip.file('word/document.xml')!.async('string');
    if (i % docx.length === 0) xml = renameUnit(xml, ['đặc khu', 'Cát Hải'], unit);
    zip.file('word/document.xml', `${xml}<!-- copy ${i} -->`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    write(`${month()}/${unitSlug(unit)}/docx-${String(i).padStart(5, '0')}.docx`, bytes, 'docx');
  }
  for (let i = 0; i < pdfCount; i++) {
    // a scanner's or a mailer's trailing bytes: same pages, another hash
    const bytes = Buffer.concat([pdfs[i % pdfs.length]!, Buffer.from(`\n%copy ${i}\n`)]);
    write(`${month()}/scans/${PDF[i % pdfs.length]!.slice(0, 3)}-${String(i).padStart(5, '0')}.pdf`, bytes, 'pdf');
  }

  const kinds: BrokenKind[] = ['truncated', 'junk', 'empty', 'wrong-extension', 'encrypted'];
  for (let i = 0; i < brokenCount; i++) {
    const kind = kinds[i % kinds.length]!;
    const name = `${month()}/${unitSlug(pick(UNITS))}/${kind}-${String(i).padStart(4, '0')}`;
    if (kind === 'truncated') {
      const whole = i % 2 ? pdfs[i % pdfs.length]! : await docx[i % docx.length]!.generateAsync({ type: 'uint8array' });
      write(`${name}.${i % 2 ? 'pdf' : 'docx'}`, whole.subarray(0, Math.floor(whole.length * (0.2 + 0.5 * rnd()))), 'broken', kind);
    } else if (kind === 'junk') {
      const junk = Buffer.alloc(1024 + Math.floor(rnd() * 30000));
      for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(rnd() * 256);
      write(`${name}.${pick(['txt', 'pdf', 'docx'])}`, junk, 'broken', kind);
    } else if (kind === 'empty') {
      write(`${name}.${pick(['txt', 'docx', 'pdf'])}`, new Uint8Array(0), 'broken', kind);
    } else if (kind === 'wrong-extension') {
      // a spreadsheet (a zip without word/document.xml) saved as .docx
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
      zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook><!-- ${i} --></workbook>`);
      write(`${name}.docx`, await zip.generateAsync({ type: 'uint8array' }), 'broken', kind);
    } else {
      write(`${name}.pdf`, Buffer.concat([encrypted, Buffer.from(`\n%copy ${i}\n`)]), 'broken', kind);
    }
  }
  writeFileSync(join(dir, '.expected.json'), `${JSON.stringify({ total: expected.length, files: expected }, null, 1)}\n`);
  const by = (k: string) => expected.filter((e) => (e.broken ?? e.kind) === k).length;
  console.log(
    `${expected.length} files in ${dir}: ${by('text')} text, ${by('docx')} docx, ${by('pdf')} pdf, ` +
      `${brokenCount} broken (${kinds.map((k) => `${by(k)} ${k}`).join(', ')})`,
  );
}

await main();
