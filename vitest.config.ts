import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the CLI the tests run (bin/baocao) and the package they install run from dist/
    globalSetup: ['test/global-setup.ts'],
    include: ['src/**/*.test.ts', 'pipelines/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
