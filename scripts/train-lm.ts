/**
 * `npm run train`: rebuilds the diacritic-restoration models (issue 5).
 *   models/restore-general.bin  syllable trigram LM (modified Kneser–Ney) on /work/shared/corpus
 *                               vi-legal (+ vi-wiki with --wiki), trigrams seen once pruned
 *   models/restore-domain.bin   the same kind of LM on the clean seeds 000–003 (fixtures), unpruned;
 *                               mixed with the general model at run time
 *   src/restore/data/confusions.json  OCR confusion counts learned from the dev set pairs
 *                               (eval/data/restore/ocr-eng against fixtures 000–003)
 * Only this script reads /work/shared; the models it writes are committed.
 */
import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { alignWords, syllablePairs, words } from '../src/restore/align.js';
import { learnConfusions } from '../src/restore/channel.js';
import { SPECIALS, trainKneserNey } from '../src/restore/lm.js';
import { dictionarySyllables, lineIds, textIds, vocabularyOf } from '../src/restore/vocabulary.js';

const CORPUS = '/work/shared/corpus';
const withWiki = process.argv.includes('--wiki');

const vocab = vocabularyOf(dictionarySyllables());
const ids = new Map(vocab.map((w, i) => [w, i]));
const id = (w: string) => ids.get(w) ?? 0;

async function corpusSentences(file: string): Promise<Int32Array[]> {
  const out: Int32Array[] = [];
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    const s = lineIds(line.normalize('NFC'), id);
    if (s.length > 0) out.push(s);
  }
  return out;
}


const t0 = Date.now();
const general = await corpusSentences(join(CORPUS, 'vi-legal.txt.gz'));
if (withWiki) general.push(...(await corpusSentences(join(CORPUS, 'vi-wiki.txt.gz'))));
const tokens = general.reduce((n, s) => n + s.length, 0);
const unk = general.reduce((n, s) => n + s.filter((x) => x === 0).length, 0);
console.log(`vocabulary ${vocab.length}; corpus ${general.length} lines, ${tokens} tokens, ${(100 * unk / tokens).toFixed(2)}% <unk>`);
mkdirSync('models', { recursive: true });
const g = trainKneserNey(general, vocab, { minTrigramCount: 2, minBigramCount: 1 });
writeFileSync('models/restore-general.bin', g);
console.log(`models/restore-general.bin ${(g.length / 1024 / 1024).toFixed(2)} MiB (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).map((f) => join('fixtures', f));
const d = trainKneserNey(seeds.flatMap((f) => textIds(readFileSync(f, 'utf8'), id)), vocab);
writeFileSync('models/restore-domain.bin', d);
console.log(`models/restore-domain.bin ${(d.length / 1024).toFixed(0)} KiB from ${seeds.length} seeds`);

// OCR confusions from the dev set: every (printed syllable, OCR token) pair of seeds 000–003
const pairs = seeds.flatMap((f) => {
  const ocr = join('eval/data/restore/ocr-eng', `${f.split('/').pop()!.slice(0, 3)}.txt`);
  return syllablePairs(alignWords(words(readFileSync(f, 'utf8')), words(readFileSync(ocr, 'utf8'))));
});
const confusions = learnConfusions(pairs, vocab.slice(SPECIALS.length));
// sorted keys, one printed letter per line: deterministic bytes and a readable diff
const sorted = Object.keys(confusions).sort().map((t) => {
  const row = confusions[t]!;
  const inner = Object.keys(row).sort().map((o) => `${JSON.stringify(o)}:${row[o]}`).join(',');
  return `${JSON.stringify(t)}:{${inner}}`;
});
writeFileSync('src/restore/data/confusions.json', `{\n${sorted.join(',\n')}\n}\n`);
console.log(`src/restore/data/confusions.json from ${pairs.length} aligned pairs, ${Object.keys(confusions).length} letters`);
