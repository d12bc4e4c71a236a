/**
 * Document identity: which reports are copies of one document (the signed scan, the DOCX draft,
 * the PDF sent by e-mail), and which copy speaks for it.
 *
 * A report's own key (`documentKey` in the report JSON) is its header key when the header is
 * complete (kind, number, symbol, date to the day, issuer: what identifies an administrative
 * document by law), else `text:` and a hash of its fingerprint. Copies are grouped when
 * - both have a complete header: the header keys are equal;
 * - otherwise: no header field or period known in both differs, and the fingerprints say one
 *   text holds the other (fingerprint.ts: `sameText`).
 * A group never takes in two different header keys or two different values of a field, even
 * through a third copy that matches both.
 */
import type { DocumentHeader } from '../segment/types.js';
import { fold } from '../vietnamese/letters.js';
import { decodeFingerprint, fingerprintKey, sameText, type FingerprintParts, type Sketch } from './fingerprint.js';

export { decodeFingerprint, fingerprintOf, FINGERPRINT_SCHEME, sketchOf, THRESHOLDS, type Fingerprint, type Sketch } from './fingerprint.js';

/** Header fields and period that tell two documents apart when both are known. */
export interface IdentityFields {
  kind: string | null;
  number: string | null;
  symbol: string | null;
  unit: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  periodFrom: string | null;
  periodTo: string | null;
}

/** One copy as the grouping sees it. */
export interface CopyIdentity {
  sha256: string;
  path: string;
  /** Its text came from OCR (a scan, an image, a PDF with scanned pages). */
  ocr: boolean;
  /** Mean confidence of its figures (null without figures). */
  confidence: number | null;
  headerKey: string | null;
  fields: IdentityFields;
  /** Its fingerprint, decoded (`decodeFingerprint`). */
  sketch: Sketch;
}

export interface DocumentGroup {
  /**
   * The document's key: a header key of one of its copies, else the chosen copy's own key; unique
   * among the groups (a header key that several documents print gets the chosen copy's
   * fingerprint key after it).
   */
  key: string;
  /** Best first: the copy whose values the tables use, then the others in order of preference. */
  copies: CopyIdentity[];
}

const norm = (s: string | null | undefined) => (s ? fold(s).replace(/\s+/g, ' ').trim() : null);

/** `BC 120/BC-UBND 2025-09-12 uy ban nhan dan dac khu cat hai`, or null when a field is missing. */
export function headerKey(h: DocumentHeader): string | null {
  const d = h.date;
  if (!h.kind || !h.number || !h.symbol || !h.issuer || !d?.year || !d.month || !d.day) return null;
  const date = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return `${h.kind} ${h.number}/${h.symbol.toUpperCase()} ${date} ${norm(h.issuer)}`;
}

/** The report's own key: its header key, else its fingerprint's. */
export function documentKeyOf(h: DocumentHeader, fingerprint: FingerprintParts): string {
  return headerKey(h) ?? fingerprintKey(decodeFingerprint(fingerprint));
}

export function identityFields(h: DocumentHeader, period: { from: string; to: string } | null): IdentityFields {
  return {
    kind: h.kind,
    number: h.number,
    symbol: h.symbol ? norm(h.symbol) : null,
    unit: h.unit ? norm(`${h.unit.level} ${h.unit.name}`) : null,
    year: h.date?.year ?? null,
    month: h.date?.month ?? null,
    day: h.date?.day ?? null,
    periodFrom: period?.from ?? null,
    periodTo: period?.to ?? null,
  };
}

type Known = Partial<Record<keyof IdentityFields | 'headerKey', string | number>>;

function known(c: CopyIdentity): Known {
  const out: Known = {};
  for (const [k, v] of Object.entries(c.fields)) if (v !== null) out[k as keyof IdentityFields] = v;
  if (c.headerKey) out.headerKey = c.headerKey;
  return out;
}

function agree(a: Known, b: Known): boolean {
  for (const k in a) {
    const w = b[k as keyof Known];
    if (w !== undefined && w !== a[k as keyof Known]) return false;
  }
  return true;
}

/** Whether two copies are one document (before the group-level check of `groupCopies`). */
export function sameDocument(a: CopyIdentity, b: CopyIdentity): boolean {
  if (a.headerKey && b.headerKey) return a.headerKey === b.headerKey;
  return agree(known(a), known(b)) && sameText(a.sketch, b.sketch);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Group copies into documents. Pairs are compared within a bucket of one unit and period, and
 * copies without a unit or a period against every other, so an archive of many units and months
 * is not compared pair by pair. Deterministic: copies are taken in path order.
 */
export function groupCopies(input: readonly CopyIdentity[]): DocumentGroup[] {
  const copies = [...input].sort((a, b) => cmp(a.path, b.path) || cmp(a.sha256, b.sha256));
  const sketches = copies.map((c) => c.sketch);
  const parent = copies.map((_, i) => i);
  const facts = copies.map(known);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number) => {
    const [a, b] = [find(i), find(j)];
    if (a === b || !agree(facts[a]!, facts[b]!)) return;
    const [root, child] = a < b ? [a, b] : [b, a];
    parent[child] = root;
    facts[root] = { ...facts[child], ...facts[root] };
  };
  // equal header keys first
  const byHeader = new Map<string, number>();
  copies.forEach((c, i) => {
    if (!c.headerKey) return;
    const first = byHeader.get(c.headerKey);
    if (first === undefined) byHeader.set(c.headerKey, i);
    else union(first, i);
  });
  // then the fingerprints, within buckets
  const buckets = new Map<string, number[]>();
  const wild: number[] = [];
  copies.forEach((c, i) => {
    const f = c.fields;
    if (f.unit && f.periodFrom && f.periodTo) {
      const k = `${f.unit}|${f.periodFrom}|${f.periodTo}`;
      buckets.set(k, [...(buckets.get(k) ?? []), i]);
    } else wild.push(i);
  });
  // each copy's own known fields, computed once (the pairs are many: thousands of near misses of one report)
  const own = copies.map(known);
  const tryPair = (i: number, j: number) => {
    if (find(i) === find(j)) return;
    const [a, b] = [copies[i]!, copies[j]!];
    if (a.headerKey && b.headerKey) {
      if (a.headerKey === b.headerKey) union(i, j);
      return;
    }
    if (agree(own[i]!, own[j]!) && sameText(sketches[i]!, sketches[j]!)) union(i, j);
  };
  for (const members of buckets.values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) tryPair(members[x]!, members[y]!);
  }
  const isWild = new Set(wild);
  for (const w of wild) {
    for (let j = 0; j < copies.length; j++) if (j !== w && !(isWild.has(j) && j < w)) tryPair(Math.min(w, j), Math.max(w, j));
  }

  const groups = new Map<number, number[]>();
  copies.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const out: DocumentGroup[] = [];
  for (const members of groups.values()) {
    const fullest = Math.max(...members.map((i) => sketches[i]!.text.length));
    const rank = (i: number) => {
      const c = copies[i]!;
      // a copy with less than 90 % of the fullest copy's text is a part (a page, a few pages)
      return [c.ocr ? 1 : 0, sketches[i]!.text.length < 0.9 * fullest ? 1 : 0, -(c.confidence ?? -1)] as const;
    };
    const ordered = [...members].sort((i, j) => {
      const [a, b] = [rank(i), rank(j)];
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || i - j;
    });
    const best = ordered.map((i) => copies[i]!);
    const key = best.find((c) => c.headerKey)?.headerKey ?? fingerprintKey(best[0]!.sketch);
    out.push({ key, copies: best });
  }
  out.sort((a, b) => cmp(a.copies[0]!.path, b.copies[0]!.path));
  // One header printed on reports that disagree (another period, another unit) is several
  // documents: each key gets its chosen copy's fingerprint key, so that no two documents share one.
  const uses = new Map<string, number>();
  for (const g of out) uses.set(g.key, (uses.get(g.key) ?? 0) + 1);
  const taken = new Set<string>();
  for (const g of out) {
    if (uses.get(g.key)! > 1) g.key = `${g.key} ${fingerprintKey(g.copies[0]!.sketch)}`;
    for (let n = 2; taken.has(g.key); n++) g.key = `${g.key.replace(/ #\d+$/, '')} #${n}`;
    taken.add(g.key);
  }
  return out;
}
