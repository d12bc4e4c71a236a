/**
 * The extract stage: directive references, reporting periods and figures of one outline.
 */
import type { Outline } from '../segment/types.js';
import { findFigures } from './figures.js';
import { periodsOf } from './periods.js';
import { findReferences } from './references.js';
import type { Extraction } from './types.js';

export type * from './types.js';

export function extract(outline: Outline): Extraction {
  const text = outline.text.text;
  const { periods, documentPeriod: period } = periodsOf(outline.header.title, text);
  const figures = findFigures(outline, { documentKind: outline.header.kind, periods, documentPeriod: period });
  return { figures, references: findReferences(text, outline.header), periods, documentPeriod: period };
}
