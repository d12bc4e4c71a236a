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
import { decodeFingerprint, fingerprintKey, fnv1a, sameText, type FingerprintParts, type Sketch } from './fingerprint.js';

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

/** One copy as the grouping keeps it for the whole archive: everything but its fingerprint. */
export interface CopyFacts {
  sha256: string;
  path: string;
  /** Its text came from OCR (a scan, an image, a PDF with scanned pages). */
  ocr: boolean;
  /** Mean confidence of its figures (null without figures). */
  confidence: number | null;
  headerKey: string | null;
  fields: IdentityFields;
}

/** One copy with its fingerprint, decoded (`decodeFingerprint`). */
export interface CopyIdentity extends CopyFacts {
  sketch: Sketch;
}

/** A copy in its document: what its fingerprint told, kept once the fingerprint is dropped. */
export interface GroupedCopy extends CopyFacts {
  /** Shingles in its text sample: a copy much smaller than the fullest is a part of the document. */
  textSize: number;
  /** `fingerprintKey` of its fingerprint. */
  fingerprintKey: string;
}

export interface DocumentGroup {
  /**
   * The document's key: a header key of one of its copies, else the chosen copy's own key; unique
   * among the groups (a header key that several documents print gets the chosen copy's
   * fingerprint key after it).
   */
  key: string;
  /** Best first: the copy whose values the tables use, then the others in order of preference. */
  copies: GroupedCopy[];
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

function known(c: CopyFacts): Known {
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

/** Group copies into documents, their fingerprints at hand (see `CopyGrouping`). */
export function groupCopies(input: readonly CopyIdentity[]): DocumentGroup[] {
  const grouping = new CopyGrouping(input);
  // one part, and part -1: the copies without a unit or a period
  const parts = new Map<number, Map<number, Sketch>>([[-1, new Map()], [0, new Map()]]);
  grouping.partOf(1).forEach((p, i) => parts.get(p)!.set(i, (grouping.copies[i] as CopyIdentity).sketch));
  for (const [part, sketches] of parts) grouping.compare(part, sketches);
  return grouping.groups();
}

/**
 * Copies grouped into documents: equal header keys at once, then the fingerprints, compared
 * within a bucket of one unit and period, and copies without a unit or a period against every
 * other, so an archive of many units and months is not compared pair by pair. The fingerprints
 * come a part of the archive at a time (`compare`), so that an archive's tables are built
 * without holding every fingerprint at once: part -1 first (the copies without a unit or a
 * period), then the others in any order. Deterministic: copies are taken in path order.
 */
export class CopyGrouping {
  /** The copies in path order: what the indices of `partOf` and `compare` count. */
  readonly copies: readonly CopyFacts[];
  private readonly parent: number[];
  /** Known fields of each group (at its root), and of each copy. */
  private readonly facts: Known[];
  private readonly own: Known[];
  private readonly buckets: (string | null)[];
  private readonly textSize: number[];
  private readonly keys: string[];
  /** Part -1's sketches, compared with every copy. */
  private wild = new Map<number, Sketch>();
  /**
   * Pairs of a copy of part -1 and another whose texts match, joined once every part is compared,
   * in one order (the copy of part -1, then the other): a page that matches two documents joins
   * the same one however the archive was cut into parts.
   */
  private readonly wildPairs: [number, number][] = [];

  constructor(input: readonly CopyFacts[]) {
    this.copies = [...input].sort((a, b) => cmp(a.path, b.path) || cmp(a.sha256, b.sha256));
    this.parent = this.copies.map((_, i) => i);
    this.own = this.copies.map(known);
    this.facts = this.copies.map(known);
    this.buckets = this.copies.map(({ fields: f }) => (f.unit && f.periodFrom && f.periodTo ? `${f.unit}|${f.periodFrom}|${f.periodTo}` : null));
    this.textSize = this.copies.map(() => 0);
    this.keys = this.copies.map(() => '');
    // equal header keys first
    const byHeader = new Map<string, number>();
    this.copies.forEach((c, i) => {
      if (!c.headerKey) return;
      const first = byHeader.get(c.headerKey);
      if (first === undefined) byHeader.set(c.headerKey, i);
      else this.union(first, i);
    });
  }

  /** The part each copy's fingerprint is compared in, of `parts`: -1 without a unit or period, else by its bucket. */
  partOf(parts: number): number[] {
    return this.buckets.map((b) => (b === null ? -1 : parts === 1 ? 0 : fnv1a(b) % parts));
  }

  /** Compare the copies of one part, their sketches by index: within each bucket, and each with part -1's. */
  compare(part: number, sketches: ReadonlyMap<number, Sketch>): void {
    for (const [i, s] of sketches) {
      this.textSize[i] = s.text.length;
      this.keys[i] = fingerprintKey(s);
    }
    if (part === -1) {
      this.wild = new Map(sketches);
      const wild = [...sketches.keys()].sort((a, b) => a - b);
      for (let x = 0; x < wild.length; x++) for (let y = x + 1; y < wild.length; y++) this.matchWild(wild[x]!, wild[y]!, sketches);
      return;
    }
    const members = new Map<string, number[]>();
    for (const i of [...sketches.keys()].sort((a, b) => a - b)) {
      const b = this.buckets[i]!;
      members.set(b, [...(members.get(b) ?? []), i]);
    }
    for (const list of members.values()) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) this.tryPair(list[x]!, list[y]!, sketches);
    }
    const both = new Map([...this.wild, ...sketches]);
    for (const w of this.wild.keys()) for (const i of sketches.keys()) this.matchWild(w, i, both);
  }

  /** The documents, best copy first, once every part has been compared. */
  groups(): DocumentGroup[] {
    this.wildPairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [w, i] of this.wildPairs.splice(0)) this.union(w, i);
    const groups = new Map<number, number[]>();
    this.copies.forEach((_, i) => {
      const r = this.find(i);
      groups.set(r, [...(groups.get(r) ?? []), i]);
    });
    const out: DocumentGroup[] = [];
    for (const members of groups.values()) {
      const fullest = Math.max(...members.map((i) => this.textSize[i]!));
      const rank = (i: number) => {
        const c = this.copies[i]!;
        // a copy with less than 90 % of the fullest copy's text is a part (a page, a few pages)
        return [c.ocr ? 1 : 0, this.textSize[i]! < 0.9 * fullest ? 1 : 0, -(c.confidence ?? -1)] as const;
      };
      const ordered = [...members].sort((i, j) => {
        const [a, b] = [rank(i), rank(j)];
        return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || i - j;
      });
      const best = ordered.map((i): GroupedCopy => ({ ...this.copies[i]!, textSize: this.textSize[i]!, fingerprintKey: this.keys[i]! }));
      const key = best.find((c) => c.headerKey)?.headerKey ?? best[0]!.fingerprintKey;
      out.push({ key, copies: best });
    }
    out.sort((a, b) => cmp(a.copies[0]!.path, b.copies[0]!.path));
    // One header printed on reports that disagree (another period, another unit) is several
    // documents: each key gets its chosen copy's fingerprint key, so that no two documents share one.
    const uses = new Map<string, number>();
    for (const g of out) uses.set(g.key, (uses.get(g.key) ?? 0) + 1);
    const taken = new Set<string>();
    for (const g of out) {
      if (uses.get(g.key)! > 1) g.key = `${g.key} ${g.copies[0]!.fingerprintKey}`;
      for (let n = 2; taken.has(g.key); n++) g.key = `${g.key.replace(/ #\d+$/, '')} #${n}`;
      taken.add(g.key);
    }
    return out;
  }

  private find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }

  private union(i: number, j: number): void {
    const [a, b] = [this.find(i), this.find(j)];
    if (a === b || !agree(this.facts[a]!, this.facts[b]!)) return;
    const [root, child] = a < b ? [a, b] : [b, a];
    this.parent[child] = root;
    this.facts[root] = { ...this.facts[child], ...this.facts[root] };
  }

  /** Whether two copies, not both with a header key (those were joined at once), are one text. */
  private match(i: number, j: number, sketches: ReadonlyMap<number, Sketch>): boolean {
    if (this.copies[i]!.headerKey && this.copies[j]!.headerKey) return false;
    return agree(this.own[i]!, this.own[j]!) && sameText(sketches.get(i)!, sketches.get(j)!);
  }

  private tryPair(i: number, j: number, sketches: ReadonlyMap<number, Sketch>): void {
    if (this.find(i) !== this.find(j) && this.match(i, j, sketches)) this.union(i, j);
  }

  private matchWild(w: number, i: number, sketches: ReadonlyMap<number, Sketch>): void {
    if (this.match(Math.min(w, i), Math.max(w, i), sketches)) this.wildPairs.push([w, i]);
  }
}
