import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NgramModel, trainKneserNey } from './lm.js';

const ARRAYS = ['p1', 'b1', 'maxLp', 'off2', 'off3', 'w2', 'w3', 'p2', 'b2', 'p3'] as const;
type Arrays = Record<(typeof ARRAYS)[number], ArrayLike<number> & { buffer: ArrayBufferLike; byteLength: number }>;

describe('NgramModel.load', () => {
  const file = readFileSync(new URL('../../models/restore-lm.bin', import.meta.url));

  it('keeps none of the file it was loaded from (a batch worker holds the model for its whole life)', () => {
    const model = NgramModel.load(file) as unknown as Arrays;
    let bytes = 0;
    for (const name of ARRAYS) {
      expect(model[name].buffer).not.toBe(file.buffer);
      bytes += model[name].byteLength;
    }
    // the arrays' one buffer is their data, not the header's vocabulary
    expect(model.p3.buffer.byteLength).toBe(bytes);
  });

  it('gives the same probabilities from a Buffer as from a plain copy of its bytes', () => {
    const fromBuffer = NgramModel.load(file);
    const fromCopy = NgramModel.load(new Uint8Array(file));
    const ids = Array.from({ length: 60 }, (_, i) => (i * 97) % fromBuffer.vocab.length);
    for (const u of ids) for (const v of ids) for (const w of ids.slice(0, 10)) expect(fromBuffer.logProb(u, v, w)).toBe(fromCopy.logProb(u, v, w));
  });

  it('reads the array file (the shipped model) as the packed file it was made from, at any offset', () => {
    const vocab = ['<unk>', '<s>', '</s>', '<num>', '<p>', 'ủy', 'ban', 'nhân', 'dân', 'thành', 'phố', 'xã'];
    const sentences = [[5, 6, 7, 8], [5, 6, 7, 8, 9, 10], [9, 10, 5, 6], [11, 5, 6, 7, 8, 11]].map((w) => Int32Array.from(w));
    const packed = NgramModel.load(trainKneserNey(sentences, vocab, { syllableCount: 6 }));
    const arrays = packed.toArrayFile();
    const shifted = new Uint8Array(arrays.length + 3);
    shifted.set(arrays, 3);
    for (const model of [NgramModel.load(arrays), NgramModel.load(shifted.subarray(3))]) {
      expect(model.vocab).toEqual(vocab);
      expect(model.syllableCount).toBe(6);
      for (const name of ARRAYS) expect(Array.from((model as unknown as Arrays)[name])).toEqual(Array.from((packed as unknown as Arrays)[name]));
    }
  });
});
