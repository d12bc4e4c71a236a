/**
 * `npx tsx scripts/candidate-table.ts`: writes models/restore-candidates.bin, the channel's
 * candidate lists for the spellings `candidateKeys` derives from the shipped syllables and
 * confusion counts (src/restore/candidate-table.ts), searched with the default restorer's
 * parameters. It reads only the shipped models (models/restore-lm.bin, data/confusions.json), no
 * text. Run it after `npm run train` or any change to the channel: a table whose channel no longer
 * matches is not used (and src/restore/candidate-table.test.ts fails).
 */
import { writeFileSync } from 'node:fs';
import { CandidateTable, candidateKeys, channelDigest } from '../src/restore/candidate-table.js';
import { SPECIALS } from '../src/restore/lm.js';
import { loadConfusions, loadLanguageModel, Restorer } from '../src/restore/index.js';

const t0 = Date.now();
const lm = loadLanguageModel();
const counts = loadConfusions();
// the default restorer's channel and search parameters
const restorer = new Restorer(lm, counts);
const { channel, candidateSearch: p } = restorer;
const syllables = lm.vocab.slice(SPECIALS.length, SPECIALS.length + lm.syllableCount);
const emissions = [...new Set(Object.values(counts).flatMap((row) => Object.keys(row)))];
const keys = candidateKeys(syllables, emissions, (t, o) => channel.cost(t, o));
const file = CandidateTable.build(keys, (k) => channel.candidates(k, p.maxCost, p.beam, p.limit), syllables, channelDigest(syllables, counts), p);
writeFileSync('models/restore-candidates.bin', file);
const table = CandidateTable.load(file);
console.log(`models/restore-candidates.bin: ${table.size} spellings, ${table.header.entries} candidates, ${(file.length / 1024).toFixed(0)} KiB (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
