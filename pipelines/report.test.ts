import { describe, expect, it, vi } from 'vitest';

// a reader's own error (pdf.js, mammoth) that no ingest code wrapped
vi.mock('../src/ingest/index.js', () => ({
  ingestFile: async () => {
    throw new Error('Invalid PDF structure.');
  },
}));

const { processFile } = await import('./report.js');

describe('processFile', () => {
  it('names a reader’s unwrapped error as the ingest stage’s, not the write stage’s', async () => {
    await expect(processFile('broken.pdf', { ingest: {} as never })).rejects.toMatchObject({
      stage: 'ingest',
      file: 'broken.pdf',
      reason: 'Invalid PDF structure.',
    });
  });
});
