import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NgramModel } from './lm.js';

describe('NgramModel.load', () => {
  const file = readFileSync(new URL('../../models/restore-lm.bin', import.meta.url));

  it('keeps none of the file it was loaded from (a batch worker holds the model for its whole life)', () => {
    const model = NgramModel.load(file) as unknown as Record<'p2' | 'b2' | 'p3', Uint8Array>;
    for (const name of ['p2', 'b2', 'p3'] as const) {
      expect(model[name].buffer).not.toBe(file.buffer);
      expect(model[name].buffer.byteLength).toBe(model[name].byteLength);
    }
  });

  it('gives the same probabilities from a Buffer as from a plain copy of its bytes', () => {
    const fromBuffer = NgramModel.load(file);
    const fromCopy = NgramModel.load(new Uint8Array(file));
    const ids = Array.from({ length: 60 }, (_, i) => (i * 97) % fromBuffer.vocab.length);
    for (const u of ids) for (const v of ids) for (const w of ids.slice(0, 10)) expect(fromBuffer.logProb(u, v, w)).toBe(fromCopy.logProb(u, v, w));
  });
});
