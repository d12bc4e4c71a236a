/**
 * Passages: the units figures are read in. A passage is one block's content, or several blocks
 * joined where a sentence runs over a page break (the block does not end a sentence and the next
 * body block starts in lower case; footnotes in between are stepped over).
 */
import type { Block, Outline } from '../../segment/types.js';

export interface Passage {
  text: string;
  blocks: Block[];
  /** Piece k of the passage text starts at `starts[k]` and is block k's content. */
  starts: number[];
}

const ENDS_SENTENCE = /[.:;!?…]["”)]?\s*$/u;
const STARTS_LOWER = /^\s*[\p{Ll}\d]/u;

export function passagesOf(outline: Outline): Passage[] {
  const text = outline.text.text;
  const body = outline.blocks.filter((b) => b.kind !== 'footnote' && b.kind !== 'table-row');
  const out: Passage[] = [];
  let current: Passage | null = null;
  for (const b of body) {
    const content = text.slice(b.content.start, b.content.end);
    const joinable =
      current !== null &&
      b.kind === 'paragraph' &&
      current.blocks[current.blocks.length - 1]!.kind !== 'heading' &&
      !ENDS_SENTENCE.test(current.text) &&
      STARTS_LOWER.test(content);
    if (joinable) {
      current!.starts.push(current!.text.length + 1);
      current!.text += ` ${content}`;
      current!.blocks.push(b);
    } else {
      current = { text: content, blocks: [b], starts: [0] };
      out.push(current);
    }
  }
  return out;
}

/** The current-text offset of a passage offset; `end` picks the side of a join an end belongs to. */
export function toCurrent(p: Passage, offset: number, end: boolean): number {
  let k = 0;
  while (k + 1 < p.starts.length && p.starts[k + 1]! <= offset) k++;
  const block = p.blocks[k]!;
  const within = offset - p.starts[k]!;
  const length = block.content.end - block.content.start;
  if (within > length) {
    // on the joining space: an end stays with the piece before, a start moves to the next
    return end || k + 1 >= p.blocks.length ? block.content.end : p.blocks[k + 1]!.content.start;
  }
  return block.content.start + within;
}

/** The block a passage offset lies in. */
export function blockAt(p: Passage, offset: number): Block {
  let k = 0;
  while (k + 1 < p.starts.length && p.starts[k + 1]! <= offset) k++;
  return p.blocks[k]!;
}
