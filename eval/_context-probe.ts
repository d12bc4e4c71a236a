/**
 * Probe (not shipped): would a wider-context feature, the co-occurrence of a word with the words
 * within ±WINDOW of it in the corpus, fix the stripped set's remaining errors? Counts from vi-admin
 * and vi-legal; on the dev set (seeds 000–003, leave-one-out LMs, the restorer as shipped) each
 * doubtful word (local confidence < 0.9) is chosen again among the syllables of its letters by the
 * local trigram score plus beta × Σ PMI with the decoded words around it. Prints fixes and breaks.
 * `npx tsx eval/_context-probe.ts [beta...]`
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { loadModel } from '../src/restore/index.js';
import { BOS, NUM, PUNCT, SPECIALS, UNK } from '../src/restore/lm.js';
import { Restorer } from '../src/restore/restore.js';
import { loadConfusions } from '../src/restore/index.js';
import { pieces } from '../src/restore/tokens.js';
import { canonical, fold } from '../src/vietnamese/letters.js';

const WINDOW = Number(process.env.WINDOW ?? 8);
const CONTEXTS = 4000;
const SKIP = 60; // the commonest words say little
const K = Number(process.env.K ?? 50);
const shipped = loadModel('restore-lm.bin');
const S = SPECIALS.length + shipped.syllableCount;
const idOf = (w: string) => {
  const id = shipped.id(canonical(w.toLowerCase()));
  return id >= SPECIALS.length && id < S ? id : -1;
};
const lines: Int32Array[] = [];
for (const f of ['vi-admin', 'vi-legal']) {
  const rl = createInterface({ input: createReadStream(`/work/shared/corpus/${f}.txt.gz`).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) lines.push(Int32Array.from((line.normalize('NFC').match(/\p{L}+/gu) ?? []).map(idOf)));
}
const uni = new Float64Array(S);
for (const l of lines) for (const id of l) if (id >= 0) uni[id]! += 1;
const ranked = [...uni.keys()].filter((i) => uni[i]! > 0).sort((a, b) => uni[b]! - uni[a]!);
const ctxIndex = new Int32Array(S).fill(-1);
ranked.slice(SKIP, SKIP + CONTEXTS).forEach((id, k) => (ctxIndex[id] = k));
const co = new Uint32Array(S * CONTEXTS);
const rowTotal = new Float64Array(S);
const ctxTotal = new Float64Array(CONTEXTS);
for (const l of lines) {
  for (let i = 0; i < l.length; i++) {
    const w = l[i]!;
    if (w < 0) continue;
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(l.length - 1, i + WINDOW); j++) {
      const c = j === i ? -1 : l[j]! >= 0 ? ctxIndex[l[j]!]! : -1;
      if (c < 0) continue;
      co[w * CONTEXTS + c]! += 1;
      rowTotal[w]! += 1;
      ctxTotal[c]! += 1;
    }
  }
}
const N = ctxTotal.reduce((a, b) => a + b, 0);
console.log(`corpus ${lines.length} lines; pairs counted ${N}`);
/** Σ over the context words of ln P(c | w) / P(c), P(c | w) smoothed towards P(c) */
const bonus = (w: number, ctx: number[]) => {
  let s = 0;
  for (const c of ctx) {
    const pc = ctxTotal[c]! / N;
    s += Math.log((co[w * CONTEXTS + c]! + K * pc) / ((rowTotal[w]! + K) * pc));
  }
  return s;
};
const byFold = new Map<string, number[]>();
for (let id = SPECIALS.length; id < S; id++) {
  const f = fold(shipped.vocab[id]!);
  byFold.set(f, [...(byFold.get(f) ?? []), id]);
}
const betas = process.argv.slice(2).map(Number);
const fixes = betas.map(() => 0);
const breaks = betas.map(() => 0);
const seeds = readdirSync('fixtures').filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
for (const f of seeds) {
  const id = f.slice(0, 3);
  const ref = readFileSync(join('fixtures', f), 'utf8');
  const input = readFileSync(join('eval/data/restore/stripped', `${id}.txt`), 'utf8');
  const lm = loadModel(`loo/restore-lm-no-${id}.bin`);
  const out = new Restorer(lm, loadConfusions()).restoreText(input, { mode: 'full' });
  const rl = ref.split('\n');
  const ol = out.split('\n');
  for (let li = 0; li < rl.length; li++) {
    const rp = pieces(rl[li]!);
    const op = pieces(ol[li] ?? '');
    if (rp.length !== op.length) continue;
    const lid = (w: string) => lm.id(canonical(w.toLowerCase()));
    const ids = op.map((p) => (p.kind === 'word' ? lid(p.text) : p.kind === 'number' ? NUM : p.kind === 'punct' ? PUNCT : UNK));
    const shippedIds = op.map((p) => (p.kind === 'word' ? idOf(p.text) : -1));
    for (let i = 0; i < op.length; i++) {
      const alts = byFold.get(fold(op[i]!.text));
      if (!alts || alts.length < 2 || shippedIds[i]! < 0) continue;
      const ctx: number[] = [];
      for (let j = Math.max(0, i - WINDOW); j <= Math.min(op.length - 1, i + WINDOW); j++) if (j !== i && shippedIds[j]! >= 0 && ctxIndex[shippedIds[j]!]! >= 0) ctx.push(ctxIndex[shippedIds[j]!]!);
      const local = (w: number) => {
        const t = [...ids];
        t[i] = w;
        let s = 0;
        for (let j = i; j <= Math.min(i + 2, t.length - 1); j++) s += j === 0 ? lm.logProb(-1, BOS, t[0]!) : lm.logProb(j >= 2 ? t[j - 2]! : BOS, t[j - 1]!, t[j]!);
        return Math.LN10 * s;
      };
      const altL = alts.map((a) => lm.id(shipped.vocab[a]!));
      const scores = altL.map(local);
      const me = alts.indexOf(shippedIds[i]!);
      if (me < 0) continue;
      const max = Math.max(...scores);
      const z = scores.reduce((a, s) => a + Math.exp(s - max), 0);
      if (Math.exp(scores[me]! - max) / z >= 0.9) continue;
      const b = alts.map((a) => bonus(a, ctx));
      betas.forEach((beta, k) => {
        let best = me;
        for (let a = 0; a < alts.length; a++) if (scores[a]! + beta * b[a]! > scores[best]! + beta * b[best]!) best = a;
        if (best === me) return;
        const right = (w: number) => canonical(shipped.vocab[w]!) === canonical(rp[i]!.text.toLowerCase());
        if (right(alts[best]!) && !right(alts[me]!)) fixes[k]! += 1;
        else if (!right(alts[best]!) && right(alts[me]!)) breaks[k]! += 1;
        if (process.env.SHOW && k === 0) console.log(`${id} ${op.slice(Math.max(0, i - 3), i).map((p) => p.text).join(' ')} [${op[i]!.text} → ${shipped.vocab[alts[best]!]}] ref ${rp[i]!.text}`);
      });
    }
  }
}
betas.forEach((b, k) => console.log(`beta ${b}: fixes ${fixes[k]}, breaks ${breaks[k]}`));
