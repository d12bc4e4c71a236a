/**
 * Diacritic restoration (issue 5). The default restorer loads the committed models lazily:
 * models/restore-lm.bin (legal corpus + clean seeds, `npm run train`) and the OCR confusion
 * counts in data/confusions.json.
 */
import { readFileSync } from 'node:fs';
import type { SourceText } from '../text/source-text.js';
import type { ConfusionCounts } from './channel.js';
import type { ToneCounts } from './tones.js';
import { NgramModel, type LanguageModel } from './lm.js';
import { Restorer, type DamageReport, type RestoreOptions, type RestoreResult } from './restore.js';
import { preparedPlaces } from './vocabulary.js';
import { CandidateTable } from './candidate-table.js';

export type { DamageReport, RestoreOptions, RestoreResult, TokenChange, Weights } from './restore.js';
export { Restorer, DAMAGE_THRESHOLDS } from './restore.js';
export { Channel, learnConfusions, type ConfusionCounts, type Candidate } from './channel.js';
export { CandidateTable, candidateKeys, channelDigest, type SearchParameters } from './candidate-table.js';
export { NgramModel, trainKneserNey, type LanguageModel } from './lm.js';
export { canonical, fold, stripMarks, placeTone, toneOf } from '../vietnamese/letters.js';
export { pieces, type Piece } from './tokens.js';
export { learnToneConfusions, type ToneCounts } from './tones.js';

const modelFile = (name: string) => new URL(`../../models/${name}`, import.meta.url);

export function loadModel(name: string): NgramModel {
  return NgramModel.load(readFileSync(modelFile(name)));
}

/** Tone and shape-mark confusions of tesseract's `vie` model (data/vie-tones.json, `npm run train`). */
export function loadToneConfusions(): ToneCounts {
  const { tones, shapes } = JSON.parse(readFileSync(new URL('./data/vie-tones.json', import.meta.url), 'utf8')) as ToneCounts;
  return { tones, shapes };
}

export function loadConfusions(): ConfusionCounts {
  return JSON.parse(readFileSync(new URL('./data/confusions.json', import.meta.url), 'utf8')) as ConfusionCounts;
}

/** The shipped language model. */
export function loadLanguageModel(): LanguageModel {
  return loadModel('restore-lm.bin');
}

/** The shipped candidate table (models/restore-candidates.bin, scripts/candidate-table.ts). */
export function loadCandidateTable(): CandidateTable {
  return CandidateTable.load(readFileSync(modelFile('restore-candidates.bin')));
}

let defaultRestorer: Restorer | undefined;
export function getRestorer(): Restorer {
  if (!defaultRestorer) {
    defaultRestorer = new Restorer(loadLanguageModel(), loadConfusions(), {}, loadToneConfusions(), preparedPlaces());
    // the common spellings' candidates, searched ahead of time: the same lists, not searched cold
    defaultRestorer.channel.useTable(loadCandidateTable());
  }
  return defaultRestorer;
}

/** Measure how damaged a text looks: share of non-syllables and of syllables missing their marks. */
export function detectDamage(text: string): DamageReport {
  return getRestorer().detectDamage(text);
}

/** The text with its marks restored, nothing else (`baocao restore`): no `TokenChange` and its confidence to work out. */
export function restoreText(text: string, options?: RestoreOptions): string {
  return getRestorer().restoreText(text, options);
}

/** Restore marks; `mode` defaults to full for damaged text and light for clean text. */
export function restoreDiacritics(text: SourceText, options?: RestoreOptions): RestoreResult {
  return getRestorer().restore(text, options);
}
