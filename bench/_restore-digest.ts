/**
 * `npx tsx bench/_restore-digest.ts`: one hash of every restoration of the committed OCR (and the
 * stripped set and seed 004), in every mode, with the shipped models: the text, the changes
 * (span, original, chosen, runner-up, confidence to the last bit) and the damage figures. A change
 * made for speed must leave it as it was. Checks that `restoreText` writes the same text. Also hashes what `baocao restore` writes for the bench's
 * text (all the committed OCR as one file), when given `--cli`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreDiacritics, restoreText, type RestoreOptions } from '../src/restore/index.js';
import { SourceText } from '../src/text/source-text.js';

const root = 'eval/data/restore';
const dirs = ['ocr-eng', 'ocr-eng-scan', 'ocr-eng-times', 'ocr-vie', 'stripped', 'heldout/ocr-eng', 'heldout/ocr-eng-scan', 'heldout/ocr-vie', 'seed004-aligned'];
const files = dirs.flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(root, d, f)));
files.push(join('fixtures', readdirSync('fixtures').find((f) => f.startsWith('004_'))!));
const modes: RestoreOptions[] = [{}, { mode: 'full' }, { mode: 'light' }, { mode: 'light', tones: true }, { mode: 'full', tones: true }];

const all = createHash('sha256');
let changes = 0;
for (const mode of modes) {
  const h = createHash('sha256');
  for (const f of files) {
    const source = SourceText.fromOriginal(readFileSync(f, 'utf8'));
    const r = restoreDiacritics(source, mode);
    // the text alone (`baocao restore`) must be the same text
    if (restoreText(source.text, mode) !== r.text.text) throw new Error(`restoreText differs: ${f} ${JSON.stringify(mode)}`);
    changes += r.changes.length;
    h.update(JSON.stringify({ f, text: r.text.text, changes: r.changes, damage: r.damage }));
  }
  const d = h.digest('hex');
  all.update(d);
  console.log(`${JSON.stringify(mode).padEnd(30)} ${d.slice(0, 16)}`);
}
console.log(`all: ${all.digest('hex').slice(0, 16)} (${files.length} files × ${modes.length} modes, ${changes} changes)`);

if (process.argv.includes('--cli')) {
  // the bench's CLI text (bench/restore.ts)
  const read = (dir: string) => readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const ocrDirs = ['ocr-eng', 'ocr-eng-scan', 'ocr-eng-times', 'ocr-vie', 'heldout/ocr-eng', 'heldout/ocr-eng-scan', 'heldout/ocr-vie'];
  const text = [...ocrDirs.flatMap((d) => read(join(root, d))), readFileSync(join(root, 'seed004-aligned/ocr.txt'), 'utf8'), readFileSync(files.at(-1)!, 'utf8')].join('\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'baocao-digest-'));
  writeFileSync(join(dir, 'ocr.txt'), text);
  const r = spawnSync('bin/baocao', ['restore', join(dir, 'ocr.txt')], { maxBuffer: 1 << 26 });
  rmSync(dir, { recursive: true });
  if (r.status !== 0) throw new Error(String(r.stderr));
  console.log(`baocao restore of the bench text: ${createHash('sha256').update(r.stdout).digest('hex').slice(0, 16)}`);
}
