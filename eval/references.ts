/**
 * `npm run eval -- references`: precision, recall and F1 of directive references against the
 * hand annotations in `eval/data/references/*.json` (seeds 000, 001, 003, read line by line).
 *
 * A found reference counts as right when line (of its first character), kind, number, symbol and
 * date all equal an annotated one (each annotation matches once). Issuer agreement on the
 * matched pairs is printed as a second figure. Misses and false hits are listed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findReferences } from '../src/extract/references.js';
import { SourceText } from '../src/text/source-text.js';

interface Annotated {
  line: number;
  kind: string;
  number: string;
  symbol: string;
  date: string | null;
  issuer: string | null;
}

const DIR = 'eval/data/references';

const matchKey = (r: Omit<Annotated, 'issuer'>) => `${r.line}|${r.kind}|${r.number}|${r.symbol}|${r.date ?? '-'}`;

let tp = 0;
let fp = 0;
let fn = 0;
let issuerRight = 0;
const problems: string[] = [];

for (const f of readdirSync(DIR).filter((x) => x.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { file: string; references: Annotated[] };
  const text = readFileSync(gold.file, 'utf8').normalize('NFC');
  const source = SourceText.fromOriginal(text);
  const lineOf = (offset: number) => source.lineOf(offset);

  const found = findReferences(text).map((r) => ({
    line: lineOf(r.span.start),
    kind: r.kind,
    number: r.number ?? '',
    symbol: r.symbol ?? '',
    date: r.date,
    issuer: r.issuer,
    text: text.slice(r.span.start, r.span.end).replace(/\s+/g, ' '),
  }));
  const open = new Map<string, Annotated[]>();
  for (const g of gold.references) open.set(matchKey(g), [...(open.get(matchKey(g)) ?? []), g]);

  let fileTp = 0;
  let fileFp = 0;
  for (const r of found) {
    const g = open.get(matchKey(r))?.shift();
    if (g) {
      fileTp++;
      if (g.issuer === r.issuer) issuerRight++;
      else problems.push(`  issuer   ${f} line ${r.line}: ${r.text}: got ${JSON.stringify(r.issuer)}, want ${JSON.stringify(g.issuer)}`);
    } else {
      fileFp++;
      problems.push(`  false    ${f} line ${r.line}: ${r.text} → ${matchKey(r)}`);
    }
  }
  const missed = [...open.values()].flat();
  for (const g of missed) problems.push(`  missed   ${f} line ${g.line}: ${matchKey(g)}`);
  tp += fileTp;
  fp += fileFp;
  fn += missed.length;
  console.log(
    `${f}: annotated ${gold.references.length}, found ${found.length}, right ${fileTp}, ` +
      `P ${ratio(fileTp, fileTp + fileFp)} R ${ratio(fileTp, gold.references.length)}`,
  );
}

const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
console.log(`references: precision ${precision.toFixed(4)} recall ${recall.toFixed(4)} F1 ${f1.toFixed(4)} (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`issuer agreement on matched references: ${issuerRight}/${tp} (${ratio(issuerRight, tp)})`);
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'problems: none');

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : (a / b).toFixed(4);
}
