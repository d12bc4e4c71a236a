/**
 * Seed 000 as OpenDocument text (Unicode and TCVN3 fonts) and as Windows-1258 plain text gives
 * the same structured output as its .txt, with provenance pointing at the same characters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/report.js';
import { ingestFile } from '../src/ingest/index.js';
import type { SourceDocument } from '../src/ingest/types.js';
import type { ReportJson } from '../src/write/report.js';
import { schemaErrors } from '../src/write/schema.js';
import { formatFreeValues, provenances } from './helpers.js';

const TXT = 'fixtures/000_df22d471c82bd4e0.txt';
const ODT = 'fixtures/formats/000_df22d471c82bd4e0.odt';
const TCVN3_ODT = 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.odt';
const CP1258 = 'fixtures/formats/000_df22d471c82bd4e0.cp1258.txt';
const COPIES = [ODT, TCVN3_ODT, CP1258];

/** A report's field without what depends on the format. */
const values = (report: ReportJson, field: keyof ReturnType<typeof formatFreeValues>): unknown => formatFreeValues(report)[field];

/**
 * The text ingest gave (Unicode) for an original span: the characters whose original lies inside
 * it. For TCVN3 and Windows-1258 the original holds the legacy characters; this is what they read as.
 */
function unicodeOf(doc: SourceDocument, span: { start: number; end: number }): string {
  let out = '';
  for (let i = 0; i < doc.text.length; i++) {
    const o = doc.text.toOriginal({ start: i, end: i + 1 });
    if (o.start >= span.start && o.end <= span.end) out += doc.text.text[i];
  }
  return out;
}

describe('seed 000 from .odt, TCVN3 .odt and Windows-1258 .txt', () => {
  const reports: Record<string, ReportJson> = {};
  const docs: Record<string, SourceDocument> = {};
  beforeAll(async () => {
    for (const f of [TXT, ...COPIES]) {
      reports[f] = await processFile(f);
      docs[f] = await ingestFile(f);
    }
  });

  it('reads each copy in its format and encoding', () => {
    expect(COPIES.map((f) => [docs[f]!.format, docs[f]!.encoding])).toEqual([
      ['odt', 'utf-8'],
      ['odt', 'tcvn3'],
      ['text', 'windows-1258'],
    ]);
  });

  it.each(['document', 'period', 'sections', 'figures', 'references', 'checks'] as const)('gives the same %s as the .txt', (field) => {
    const txt = values(reports[TXT]!, field);
    for (const f of COPIES) expect(values(reports[f]!, field), f).toEqual(txt);
  });

  it('finds the figures and references at all (the comparison is not of empty lists)', () => {
    expect((values(reports[TXT]!, 'figures') as unknown[]).length).toBeGreaterThan(100);
    expect((values(reports[TXT]!, 'references') as unknown[]).length).toBeGreaterThan(30);
  });

  it('gives provenance pointing at the same characters, as the file holds them', () => {
    type P = { span: { start: number; end: number }; text: string; page: number | null };
    const all = (f: string) => provenances(reports[f]) as unknown as P[];
    const txt = all(TXT).map((p) => p.text);
    for (const f of COPIES) {
      expect(schemaErrors(reports[f])).toBeNull();
      const doc = docs[f]!;
      for (const p of all(f)) {
        expect(doc.text.original.slice(p.span.start, p.span.end)).toBe(p.text);
        expect(p.page).toBeNull();
      }
      // the same values, read from the same characters: what the file holds there reads as the .txt's
      expect(all(f).map((p) => unicodeOf(doc, p.span)), f).toEqual(txt);
    }
    // UTF-8 ODT: the characters themselves; TCVN3 and Windows-1258: the file's own characters
    expect(all(ODT).map((p) => p.text)).toEqual(txt);
    const byText = (f: string, text: string) => all(f).find((p) => unicodeOf(docs[f]!, p.span) === text)!.text;
    expect(byText(TCVN3_ODT, '1.894 hồ sơ')).toBe('1.894 h\u00E5 s\u00AC');
    expect(byText(CP1258, '1.894 hồ sơ')).toBe('1.894 h\u00F4\u0300 s\u01A1');
    // every ODT value sits in a paragraph (or a span of one)
    for (const f of [ODT, TCVN3_ODT]) {
      for (const p of all(f)) {
        expect(docs[f]!.locations!.some((l) => l.start <= p.span.start && p.span.start < l.end && l.path.includes('/p['))).toBe(true);
      }
    }
  });
});
