/**
 * `npm run train`: rebuilds the diacritic-restoration models (issue 5).
 *   models/restore-lm.bin       syllable trigram LM (modified Kneser–Ney) on /work/shared/corpus
 *                               vi-legal, vi-admin (--no-admin leaves it out) and vi-wiki (--no-wiki)
 *                               and the clean seeds 000–003 (fixtures, repeated SEED_REPEAT times);
 *                               --min3 N prunes rarer trigrams. Every corpus line sharing a 12-word
 *                               sequence with a held-out reference (scripts/heldout-text.ts) is
 *                               dropped: vi-admin is drawn from the same source as those documents.
 *                               Stored as its in-memory arrays (NgramModel.toArrayFile), the others packed.
 *   models/loo/restore-lm-no-<id>.bin  the same without seed <id>, for leave-one-out evaluation
 *   src/restore/data/vie-tones.json  tone confusions of tesseract's vie model, from the dev set's
 *                               Vietnamese-model OCR (eval/data/restore/ocr-vie against fixtures 000–003)
 *   src/restore/data/confusions.json  OCR confusion counts learned from the dev set pairs
 *                               (eval/data/restore/ocr-eng* against fixtures 000–003) and the
 *                               hand-corrected lines of seed 004 (eval/data/restore/seed004-aligned)
 * Only this script reads /work/shared; the models it writes are committed. After it, run
 * `npx tsx scripts/candidate-table.ts` (models/restore-candidates.bin is searched in the channel
 * these models make: a stale one is not used, and its test fails).
 */
import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { SEED004_ALIGNED, textPairs } from '../src/restore/align.js';
import { learnConfusions } from '../src/restore/channel.js';
import { learnToneConfusions } from '../src/restore/tones.js';
import { NgramModel, SPECIALS, trainKneserNey } from '../src/restore/lm.js';
import { heldoutIds, heldoutRef } from './heldout-text.js';
import { acronymCounts, dictionarySyllables, lineIds, placeSyllables, placeUnits, textIds, vocabularyOf } from '../src/restore/vocabulary.js';

const CORPUS = '/work/shared/corpus';
/** vi-wiki (CC BY-SA, see docs/restoration.md) is on by default: it lifts stripped-text accuracy by 0.3 points. */
const withWiki = !process.argv.includes('--no-wiki');
/** vi-admin: official documents of 2025, the register of the reports (issue 24). */
const withAdmin = !process.argv.includes('--no-admin');
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
/** Trigrams seen fewer times than this are not stored. */
const MIN_TRIGRAM = flag('--min3', 1);
const SEED_REPEAT = flag('--seed-repeat', 8);

/** An all-capital word (UBND, TTHC) gets its own id when seen this often in the corpus or the training seeds. */
const MIN_ACRONYM = { corpus: 20, seeds: 2 };

/**
 * The gazetteer (src/restore/data/places.json, scripts/make-places.ts): the syllables of place
 * names join the dictionary's (`đắk`, `lắk` are not in it), and each unit's name is a training line
 * (`xã Phú Lộc`), so names are likely sequences. --no-gazetteer writes the model without it, for
 * `npm run eval -- restore --no-gazetteer`, and nothing else.
 */
const withGazetteer = !process.argv.includes('--no-gazetteer');
const places = withGazetteer ? placeUnits() : [];
const syllables = [...new Set([...dictionarySyllables(), ...placeSyllables(places)])].sort();
const syllableSet = new Set(syllables);
const isSyllable = (w: string) => syllableSet.has(w);

async function corpusLines(file: string): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) out.push(line.normalize('NFC'));
  return out;
}

const t0 = Date.now();
const corpus = await corpusLines(join(CORPUS, 'vi-legal.txt.gz'));
/** vi-admin counted this many times: the register the reports are written in. */
const ADMIN_REPEAT = flag('--admin-repeat', 1);
if (withAdmin) {
  const admin = await corpusLines(join(CORPUS, 'vi-admin.txt.gz'));
  for (let r = 0; r < ADMIN_REPEAT; r++) corpus.push(...admin);
}
if (withWiki) corpus.push(...(await corpusLines(join(CORPUS, 'vi-wiki.txt.gz'))));
// never train on what the eval measures: the held-out references' 12-word sequences
const SHINGLE = 12;
const shingles = (text: string) => {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= w.length; i++) out.push(w.slice(i, i + SHINGLE).join(' '));
  return out;
};
const heldOut = new Set(heldoutIds().flatMap((id) => heldoutRef(id).split('\n').flatMap(shingles)));
const lines = corpus.filter((l) => !shingles(l).some((s) => heldOut.has(s)));
console.log(`corpus lines ${corpus.length}; ${corpus.length - lines.length} dropped for sharing a ${SHINGLE}-word sequence with the held-out set`);
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).map((f) => join('fixtures', f));
const seedText = new Map(seeds.map((f) => [f.split('/').pop()!.slice(0, 3), readFileSync(f, 'utf8')]));
const corpusAcronyms = new Map<string, number>();
for (const line of lines) acronymCounts(line, isSyllable, corpusAcronyms);
const seedAcronyms = new Map([...seedText].map(([k, t]) => [k, acronymCounts(t, isSyllable)]));
/** The acronyms a model trained on these seeds may know: frequent in the corpus or in those seeds. */
const acronymsFor = (seedKeys: string[]) =>
  [...new Set([...corpusAcronyms.keys(), ...seedKeys.flatMap((k) => [...seedAcronyms.get(k)!.keys()])])]
    .filter((w) => (corpusAcronyms.get(w) ?? 0) >= MIN_ACRONYM.corpus || seedKeys.reduce((n, k) => n + (seedAcronyms.get(k)!.get(w) ?? 0), 0) >= MIN_ACRONYM.seeds)
    .sort();

// ids over the vocabulary of the full model; each leave-one-out model maps the acronyms it may not know to <unk>
const fullAcronyms = acronymsFor([...seedText.keys()]);
const vocab = vocabularyOf(syllables, fullAcronyms);
const ids = new Map(vocab.map((w, i) => [w, i]));
const id = (w: string) => ids.get(w) ?? 0;
const general = [...lines, ...places].map((l) => lineIds(l, id)).filter((s) => s.length > 0);
const tokens = general.reduce((n, s) => n + s.length, 0);
const unk = general.reduce((n, s) => n + s.filter((x) => x === 0).length, 0);
console.log(`vocabulary ${vocab.length} (${fullAcronyms.length} acronyms); corpus ${general.length} lines, ${tokens} tokens, ${(100 * unk / tokens).toFixed(2)}% <unk>`);
mkdirSync('models/loo', { recursive: true });
const seedIds = new Map([...seedText].map(([k, t]) => [k, textIds(t, id)]));
/** The corpus plus seed reports, each seed repeated: report language is thin in the corpus. */
const train = (seedKeys: string[]) => {
  const known = new Set(acronymsFor(seedKeys));
  const local = vocabularyOf(syllables, fullAcronyms.filter((w) => known.has(w)));
  const localIds = new Map(local.map((w, i) => [w, i]));
  const remap = Int32Array.from(vocab, (w) => localIds.get(w) ?? 0);
  const sentences = general.map((s) => s.map((x) => remap[x]!));
  for (const k of seedKeys) {
    const own = seedIds.get(k)!.map((s) => s.map((x) => remap[x]!));
    for (let r = 0; r < SEED_REPEAT; r++) sentences.push(...own);
  }
  return trainKneserNey(sentences, local, { minTrigramCount: MIN_TRIGRAM, minBigramCount: 1, syllableCount: syllables.length });
};
const all = train([...seedIds.keys()]);
if (!withGazetteer) {
  mkdirSync('models/ablation', { recursive: true });
  writeFileSync('models/ablation/restore-lm-no-gazetteer.bin', all);
  console.log(`models/ablation/restore-lm-no-gazetteer.bin ${(all.length / 1024 / 1024).toFixed(2)} MiB`);
  process.exit(0);
}
// the shipped model as its in-memory arrays: every process that restores loads it, without decoding
const shipped = NgramModel.load(all).toArrayFile();
writeFileSync('models/restore-lm.bin', shipped);
console.log(`models/restore-lm.bin ${(shipped.length / 1024 / 1024).toFixed(2)} MiB, ${syllables.length} syllables (${places.length} place names) (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
// leave-one-document-out models for npm run eval: never evaluate on text the model saw
for (const held of seedIds.keys()) {
  const m = train([...seedIds.keys()].filter((k) => k !== held));
  writeFileSync(`models/loo/restore-lm-no-${held}.bin`, m);
  console.log(`models/loo/restore-lm-no-${held}.bin ${(m.length / 1024 / 1024).toFixed(2)} MiB`);
}

// OCR confusions from the dev set: every (printed syllable, OCR token) pair of seeds 000–003, all three renderings
const pairs = seeds.flatMap((f) =>
  ['ocr-eng', 'ocr-eng-times', 'ocr-eng-scan'].flatMap((dir) => {
    const ocr = join('eval/data/restore', dir, `${f.split('/').pop()!.slice(0, 3)}.txt`);
    return textPairs(readFileSync(f, 'utf8'), readFileSync(ocr, 'utf8'));
  }),
);
// the hand-corrected lines of seed 004: real damage, counted SEED004_ALIGNED.repeat times
const real = textPairs(readFileSync(join(SEED004_ALIGNED.dir, 'ref.txt'), 'utf8'), readFileSync(join(SEED004_ALIGNED.dir, 'ocr.txt'), 'utf8'));
for (let r = 0; r < SEED004_ALIGNED.repeat; r++) pairs.push(...real);
const confusions = learnConfusions(pairs, syllables);
// sorted keys, one printed letter per line: deterministic bytes and a readable diff
const sorted = Object.keys(confusions).sort().map((t) => {
  const row = confusions[t]!;
  const inner = Object.keys(row).sort().map((o) => `${JSON.stringify(o)}:${row[o]}`).join(',');
  return `${JSON.stringify(t)}:{${inner}}`;
});
writeFileSync('src/restore/data/confusions.json', `{\n${sorted.join(',\n')}\n}\n`);
console.log(`src/restore/data/confusions.json from ${pairs.length} aligned pairs, ${Object.keys(confusions).length} letters`);

// tone confusions of the Vietnamese model: (printed tone, read tone) over the dev set's vie OCR
const tonePairs = seeds.flatMap((f) => textPairs(readFileSync(f, 'utf8'), readFileSync(join('eval/data/restore/ocr-vie', `${f.split('/').pop()!.slice(0, 3)}.txt`), 'utf8')));
const tones = learnToneConfusions(tonePairs, isSyllable);
writeFileSync('src/restore/data/vie-tones.json', `{\n"_comment": "tones[printed tone][tone read by tesseract vie], tones 0 (none) … 5 (nặng); shapes: [pairs whose shape marks differ, pairs with the same letters]; npm run train",\n"tones": [\n${tones.tones.map((r) => JSON.stringify(r)).join(',\n')}\n],\n"shapes": ${JSON.stringify(tones.shapes)}\n}\n`);
console.log(`src/restore/data/vie-tones.json from ${tonePairs.length} aligned pairs: ${tones.tones.flat().reduce((a, b) => a + b, 0) - tones.tones.reduce((a, r, t) => a + r[t]!, 0)} tone errors, ${tones.shapes[0]} shape errors`);
