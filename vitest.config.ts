import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/web/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts'],
          environment: 'node',
          // Route-walking tests (authz, fuzz) share 2 cores with the rest of the suite: room for a busy machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // Pages render asynchronously: give each expect.poll up to 20 s on a busy machine (the default is 1 s).
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
