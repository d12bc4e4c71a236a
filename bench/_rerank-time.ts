/**
 * What the document cache (rerank.ts) costs: fresh restorers with the cache off and on, alternating
 * in one process, on the committed English OCR and stripped text (full mode) and the Vietnamese OCR
 * (default mode), as `restoreText`. Prints wall and CPU medians. `npx tsx bench/_rerank-time.ts [rounds]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfusions, loadModel, loadToneConfusions } from '../src/restore/index.js';
import { Restorer } from '../src/restore/restore.js';
import { placeUnits } from '../src/restore/vocabulary.js';

const read = (d: string) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(d, f), 'utf8'));
const full = ['ocr-eng', 'ocr-eng-scan', 'ocr-eng-times', 'stripped', 'heldout/ocr-eng', 'heldout/ocr-eng-scan'].flatMap((d) => read(join('eval/data/restore', d)));
const vie = ['ocr-vie', 'heldout/ocr-vie'].flatMap((d) => read(join('eval/data/restore', d)));
const kb = Buffer.byteLength([...full, ...vie].join('')) / 1024;
const lm = loadModel('restore-lm.bin');
const confusions = loadConfusions();
const tones = loadToneConfusions();
const places = placeUnits();
const rounds = Number(process.argv[2] ?? 7);
const times: Record<string, { wall: number[]; cpu: number[] }> = { off: { wall: [], cpu: [] }, on: { wall: [], cpu: [] } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let r = 0; r < rounds; r++) {
  for (const k of r % 2 ? ['on', 'off'] : ['off', 'on']) {
    const restorer = new Restorer(lm, confusions, k === 'off' ? { cache: { confident: 0.9, ambiguous: 0.9, pair: 0, smoothing: 0.5 } } : {}, tones, places);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of full) restorer.restoreText(t, { mode: 'full' });
    for (const t of vie) restorer.restoreText(t);
    times[k]!.wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    times[k]!.cpu.push((c.user + c.system) / 1000);
  }
}
console.log(`${kb.toFixed(0)} KB, ${rounds} rounds (the first one warms up V8)`);
for (const [k, t] of Object.entries(times)) console.log(`cache ${k}: wall median ${median(t.wall.slice(1)).toFixed(0)} ms (${t.wall.map((x) => x.toFixed(0)).join(' ')}), CPU median ${median(t.cpu.slice(1)).toFixed(0)} ms`);
