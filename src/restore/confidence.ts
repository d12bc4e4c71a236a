/**
 * Which restored words a reviewer should read first: those whose chosen spelling had less than
 * LOW_CONFIDENCE of the probability among the word's options (`TokenChange.confidence`, the
 * softmax share under the channel and the three trigrams around it). Shared by the report
 * (`restoration.lowConfidence`) and the review page, which marks the same words.
 */

/** Below this, a restoration is listed as low-confidence (the review page's dotted words since Restoration 1). */
export const LOW_CONFIDENCE = 0.9;

/** The changes under `threshold`, least confident first (ties in text order). */
export function lowConfidence<T extends { confidence: number; span: { start: number } }>(changes: readonly T[], threshold = LOW_CONFIDENCE): T[] {
  return changes
    .filter((c) => c.confidence < threshold)
    .sort((a, b) => a.confidence - b.confidence || a.span.start - b.span.start);
}
