/**
 * What the review site reads from an output folder: the parts of the report JSON it shows.
 * Kept as a structural subset of `ReportJson` so the site keeps working while fields are added.
 */
import type { ReportJson, ReportFigure, ReportReference, ReportTable } from '../write/report.js';

/** A validation check as written in the report (`schema/report.schema.json#/$defs/check`). */
export interface ReviewCheck {
  id: string;
  kind: string;
  figures: string[];
  expected: number;
  actual: number;
  tolerance: number;
  holds: boolean;
  /** The validator's English sentence; the site describes checks from their data instead (describe.ts). */
  description?: string;
  /** Repairs that would make a failed check hold, best first (absent when none is known). */
  proposals?: CheckProposal[];
}

/** A repair proposed for a failed check: `figure` read as `read`, likely `proposed`. */
export interface CheckProposal {
  figure: string;
  read: number;
  proposed: number;
  probability: number;
}

/**
 * The fields the site reads (new report fields never break it); `restoration` is absent in older
 * reports, `restoration.lowConfidence` before schema 1.5 (the page works it out from `changes`).
 */
export type ReviewReport = Pick<
  ReportJson,
  'schemaVersion' | 'source' | 'textUsed' | 'text' | 'originalText' | 'document' | 'period' | 'figures' | 'references' | 'warnings'
> & { checks: ReviewCheck[]; restoration?: { changes: RestoredToken[]; lowConfidence?: { threshold: number; changes: RestoredToken[] } }; tables?: ReviewTable[] };

/** A table of the report; `columns` (header paths) is absent in reports before schema 1.4. */
export type ReviewTable = Omit<ReportTable, 'columns'> & { columns?: string[][] };

/** A token restoration changed: `span` in `text`, `original` as read, `chosen` as shown. */
export interface RestoredToken {
  span: { start: number; end: number };
  original: string;
  chosen: string;
  runnerUp: string | null;
  confidence: number;
}
export type ReviewFigure = ReportFigure;
export type ReviewReference = ReportReference;

/** Colour of a value on the page: a failed check wins over a passed one. */
export type ValueStatus = 'failed' | 'passed' | 'unchecked' | 'reference';

/** One report of the output folder, with where it was found. */
export interface LoadedReport {
  /** Path of the JSON relative to the output folder, with `/` separators. */
  jsonPath: string;
  report: ReviewReport;
}
