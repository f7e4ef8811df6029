import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // A loaded machine draws charts and saves more slowly: wait up to 10 s for what must appear.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time: the machine has two cores and timing tests need one of them.
          fileParallelism: false,
        },
      },
    ],
  },
});
