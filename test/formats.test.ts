import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/report.js';
import { ingestFile } from '../src/ingest/index.js';
import type { SourceDocument } from '../src/ingest/types.js';
import type { ReportJson } from '../src/write/report.js';
import { schemaErrors } from '../src/write/schema.js';
import { baocao, formatFreeValues, provenances, readJson, ROOT } from './helpers.js';

const TXT = 'fixtures/000_df22d471c82bd4e0.txt';
const DOCX = 'fixtures/formats/000_df22d471c82bd4e0.docx';
const PDF = 'fixtures/formats/000_df22d471c82bd4e0.pdf';

const values = formatFreeValues;

describe('seed 000 from .txt, .docx and text-layer .pdf', () => {
  const reports: Record<string, ReportJson> = {};
  const docs: Record<string, SourceDocument> = {};
  beforeAll(async () => {
    for (const f of [TXT, DOCX, PDF]) {
      reports[f] = await processFile(f);
      docs[f] = await ingestFile(f);
    }
  });

  it.each(['document', 'period', 'sections', 'figures', 'references', 'checks'] as const)('gives the same %s', (field) => {
    const txt = values(reports[TXT]!)[field];
    expect(values(reports[DOCX]!)[field]).toEqual(txt);
    expect(values(reports[PDF]!)[field]).toEqual(txt);
  });

  it('finds the figures and references at all (the comparison is not of empty lists)', () => {
    const v = values(reports[TXT]!);
    expect((v.figures as unknown[]).length).toBeGreaterThan(100);
    expect((v.references as unknown[]).length).toBeGreaterThan(30);
    expect(v.document).toMatchObject({ kind: 'BC', symbol: 'BC-UBND', date: { year: 2026, month: 4, day: null } });
  });

  it('gives provenance of its own kind for each format, each pointing at the same characters', () => {
    for (const f of [TXT, DOCX, PDF]) expect(schemaErrors(reports[f])).toBeNull();
    const original = (f: string) => docs[f]!.text.original;
    const all = (f: string) => provenances(reports[f]) as unknown as { page: number | null; span: { start: number; end: number }; text: string; boxes?: { page: number }[] }[];
    for (const f of [TXT, DOCX, PDF]) {
      for (const p of all(f)) expect(original(f).slice(p.span.start, p.span.end)).toBe(p.text);
    }
    // same characters, different places: the texts of the provenances agree across formats
    expect(all(DOCX).map((p) => p.text)).toEqual(all(TXT).map((p) => p.text));
    expect(all(PDF).map((p) => p.text)).toEqual(all(TXT).map((p) => p.text));
    // .txt: no pages; .pdf: a page and boxes on that page for every value
    for (const p of all(TXT)) expect(p.page).toBeNull();
    for (const p of all(PDF)) {
      expect(p.page).toBeGreaterThanOrEqual(1);
      expect(p.boxes?.length).toBeGreaterThan(0);
      for (const b of p.boxes!) expect(b.page).toBe(p.page);
    }
    // .docx: every value sits in a run of a paragraph
    const locations = docs[DOCX]!.locations!;
    for (const p of all(DOCX)) {
      expect(locations.some((l) => l.start <= p.span.start && p.span.start < l.end && l.path.includes('/p['))).toBe(true);
    }
  });
});

const DOC = 'fixtures/formats/000_df22d471c82bd4e0.doc';
const RTF = 'fixtures/formats/000_df22d471c82bd4e0.rtf';
const TCVN3_DOC = 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.doc';
const TCVN3_DOCX = 'fixtures/formats/000_df22d471c82bd4e0.tcvn3.docx';

describe('seed 000 from .doc, .rtf and a TCVN3 .doc, as from .txt', () => {
  const reports: Record<string, ReportJson> = {};
  const docs: Record<string, SourceDocument> = {};
  beforeAll(async () => {
    for (const f of [TXT, DOC, RTF, TCVN3_DOC, TCVN3_DOCX]) {
      reports[f] = await processFile(f);
      docs[f] = await ingestFile(f);
    }
  });

  it.each(['document', 'period', 'sections', 'figures', 'references', 'checks'] as const)('gives the same %s', (field) => {
    const txt = values(reports[TXT]!)[field];
    for (const f of [DOC, RTF, TCVN3_DOC]) expect(values(reports[f]!)[field]).toEqual(txt);
  });

  it('reads them as what they are, the TCVN3 one by its fonts', () => {
    expect([DOC, RTF, TCVN3_DOC].map((f) => [reports[f]!.source.format, reports[f]!.source.encoding])).toEqual([
      ['doc', 'utf-8'],
      ['rtf', 'utf-8'],
      ['doc', 'tcvn3'],
    ]);
  });

  it('gives provenance pointing at the same characters, each inside a located paragraph', () => {
    type Prov = { page: number | null; span: { start: number; end: number }; text: string };
    const all = (f: string) => provenances(reports[f]) as unknown as Prov[];
    for (const f of [DOC, RTF, TCVN3_DOC]) {
      expect(schemaErrors(reports[f])).toBeNull();
      const original = docs[f]!.text.original;
      for (const p of all(f)) {
        expect(original.slice(p.span.start, p.span.end)).toBe(p.text);
        expect(p.page).toBeNull();
        expect(docs[f]!.locations!.some((l) => l.start <= p.span.start && p.span.start < l.end && l.path.includes('/p['))).toBe(true);
      }
    }
    // Unicode copies: the very characters of the .txt; the TCVN3 .doc: the TCVN3 bytes its .docx twin has
    expect(all(DOC).map((p) => p.text)).toEqual(all(TXT).map((p) => p.text));
    expect(all(RTF).map((p) => p.text)).toEqual(all(TXT).map((p) => p.text));
    expect(all(TCVN3_DOC).map((p) => [p.span, p.text])).toEqual(all(TCVN3_DOCX).map((p) => [p.span, p.text]));
    // and the spans are the same offsets: .doc, RTF and DOCX lay the text out alike
    expect(all(DOC).map((p) => p.span)).toEqual(all(RTF).map((p) => p.span));
  });
});

describe('baocao run with broken files of every format', () => {
  it('names each bad file and its reason and completes the others', () => {
    const input = mkdtempSync(join(tmpdir(), 'baocao-formats-'));
    const out = mkdtempSync(join(tmpdir(), 'baocao-formats-out-'));
    for (const f of ['corrupt.pdf', 'encrypted.pdf', 'truncated.docx', 'empty.png', 'truncated.doc', 'password.doc', 'unbalanced.rtf']) {
      copyFileSync(join(ROOT, 'test/data/broken', f), join(input, f));
    }
    copyFileSync(join(ROOT, DOCX), join(input, 'good.docx'));
    copyFileSync(join(ROOT, PDF), join(input, 'good.pdf'));
    copyFileSync(join(ROOT, 'fixtures/formats/003_4b7321f46e9814a7.pdf-named.docx'), join(input, 'pdf-named.docx'));
    copyFileSync(join(ROOT, DOC), join(input, 'good.doc'));
    copyFileSync(join(ROOT, RTF), join(input, 'good.rtf'));
    const r = baocao(['run', input, '--out', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      `error: ${join(input, 'corrupt.pdf')}: corrupt PDF (Invalid PDF structure.) (ingest)`,
      `error: ${join(input, 'empty.png')}: empty file (ingest)`,
      `error: ${join(input, 'encrypted.pdf')}: PDF is encrypted (it needs a password) (ingest)`,
      `error: ${join(input, 'password.doc')}: .doc is password-protected (ingest)`,
      `error: ${join(input, 'truncated.doc')}: truncated .doc (a sector lies past the end of the file) (ingest)`,
      `error: ${join(input, 'truncated.docx')}: truncated DOCX (not a valid zip) (ingest)`,
      `error: ${join(input, 'unbalanced.rtf')}: RTF has unbalanced groups (2 not closed: the file is cut short) (ingest)`,
    ]);
    expect(r.stdout).toContain('12 files: 5 written, 0 unchanged, 7 failed;');
    for (const f of ['good.docx', 'good.pdf', 'pdf-named.docx', 'good.doc', 'good.rtf']) expect(schemaErrors(readJson(join(out, `${f}.json`)))).toBeNull();
    expect(readJson(join(out, 'pdf-named.docx.json')).source.format).toBe('pdf');
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.file.slice(input.length + 1), e.stage])).toEqual([
      ['corrupt.pdf', 'ingest'],
      ['empty.png', 'ingest'],
      ['encrypted.pdf', 'ingest'],
      ['password.doc', 'ingest'],
      ['truncated.doc', 'ingest'],
      ['truncated.docx', 'ingest'],
      ['unbalanced.rtf', 'ingest'],
    ]);
  });
});
