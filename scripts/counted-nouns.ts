/**
 * `npx tsx scripts/counted-nouns.ts [corpus.txt.gz] [--top 300] [--min 5]`: the nouns that
 * numbers count in a corpus of official documents, most frequent first, to grow the unit lexicon
 * (`src/extract/lexicon/units.json`) from data rather than from the seeds.
 *
 * For every number in Vietnamese notation (`12`, `1.660`, `253,99`) that is not a name's or a
 * date's (`Điều 1`, `khoản 2`, `ngày 15`, `tháng 11`, `năm 2025`, `Quận 5`, `số 18`, `lần 2`…),
 * the one, two and three words after it are counted (lower case). Each line of output is
 * `count  phrase  [unit]`, where `unit` is what the lexicon reads there now (`-` for nothing), so
 * the frequent phrases the lexicon misses stand out. Curating is by hand: durations (`ngày`,
 * `tháng`, `năm`, `giờ`), ages (`tuổi`), times (`lần`), words that begin a new clause, and
 * nouns that name rather than count stay out; see the `_curation` note in `units.json`.
 *
 * The default corpus is `../shared/corpus/vi-admin.txt.gz` (state documents of 2025, not under
 * copyright: see that folder's README); only counts are printed, never the text.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { unitOf } from '../src/extract/figures/lexicon.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/corpus/vi-admin.txt.gz';
const top = option('--top', 300);
const min = option('--min', 5);

/** Words after which a number is a name, a date or a legal part, not a quantity. */
const NAMING = new Set(
  'điều khoản điểm mục chương phần phụ lục biểu mẫu ngày tháng năm quý số lần thứ quận phường xã huyện tổ khu ấp thôn xóm khóm đội lô thửa tờ đường quốc lộ tỉnh lộ khóa kỳ đợt cấp nhóm loại hạng mức bậc vùng cụm tiểu giai đoạn chương trình đề án dự án nghị định top iso tcvn'
    .split(' '),
);

const text = gunzipSync(readFileSync(file)).toString('utf8').normalize('NFC');
const NUMBER = /(?<![\p{L}\p{N}.,/-])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\p{N}/]|[.,]\d)/gu;
const WORD = /^\s*([\p{L}²³][\p{L}\p{N}²³]*)/u;
const counts = new Map<string, number>();

for (const line of text.split('\n')) {
  for (const m of line.matchAll(NUMBER)) {
    const before = /([\p{L}]+)\s*$/u.exec(line.slice(Math.max(0, m.index! - 20), m.index!));
    if (before && NAMING.has(before[1]!.toLowerCase())) continue;
    let rest = line.slice(m.index! + m[0].length);
    const words: string[] = [];
    for (let k = 0; k < 3; k++) {
      const w = WORD.exec(rest);
      if (!w) break;
      words.push(w[1]!.toLowerCase());
      rest = rest.slice(w[0].length);
      const phrase = words.join(' ');
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
}

const rows = [...counts.entries()].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
for (const [phrase, n] of rows.slice(0, top)) {
  const known = unitOf(phrase)?.unit ?? '-';
  console.log(`${String(n).padStart(6)}  ${phrase}  [${known}]`);
}
