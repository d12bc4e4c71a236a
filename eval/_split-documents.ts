/**
 * Makes `eval/data/documents/split.json`: which of `../shared/documents/` (and its `reports/`) are
 * hand-annotated, and whether each is in the development part (rules may be written while reading
 * it) or the test part (read only to annotate, never while writing rules). Drawn once, before any
 * rule was changed, stratified by kind; the order within a kind is the sha256 of the file name with
 * a fixed salt, so the draw can be repeated. Run: `node --import tsx eval/_split-documents.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const SALT = 'baocao-documents-split-2026-12-04';
/** Per stratum: how many go to dev and to test. */
const PLAN: Record<string, [dev: number, test: number]> = { KH: [4, 4], CT: [1, 0], CV: [3, 2], QĐ: [18, 10], reports: [4, 4] };

const index = JSON.parse(readFileSync('../shared/documents/index.json', 'utf8')) as { documents: { file: string; kind: string }[] };
const strata = new Map<string, string[]>();
for (const d of index.documents) strata.set(d.kind, [...(strata.get(d.kind) ?? []), `documents/${d.file}`]);
strata.set('reports', ['01', '02', '03', '04', '05', '06', '07', '08'].map((n) => `documents/reports/${n}.txt`));

/** Read (in part) before the draw, while learning the layouts: never in the test part. */
const READ_BEFORE_SPLIT = new Set(['documents/09daab284f92e2dd.md', 'documents/8fe888e498bceabd.md', 'documents/reports/06.txt']);

const order = (f: string) => createHash('sha256').update(`${SALT}:${f}`).digest('hex');
const dev: string[] = [];
const test: string[] = [];
for (const [kind, [nDev, nTest]] of Object.entries(PLAN)) {
  const files = [...(strata.get(kind) ?? [])].sort((a, b) => order(a).localeCompare(order(b)));
  const read = files.filter((f) => READ_BEFORE_SPLIT.has(f));
  const unread = files.filter((f) => !READ_BEFORE_SPLIT.has(f));
  dev.push(...read, ...unread.slice(0, Math.max(0, nDev - read.length)));
  test.push(...unread.slice(Math.max(0, nDev - read.length), Math.max(0, nDev - read.length) + nTest));
}
writeFileSync('eval/data/documents/split.json', `${JSON.stringify({ salt: SALT, plan: PLAN, dev: dev.sort(), test: test.sort() }, null, 1)}\n`);
console.log(`dev ${dev.length}, test ${test.length}`);
