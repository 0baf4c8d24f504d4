import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine, which
// then sits idle while a test waits on an fsync, PostgreSQL or Chromium. One more worker than cores
// keeps both busy. VITEST_MAX_WORKERS overrides it (e.g. 1 to debug a test that interferes).
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || os.availableParallelism() + 1;

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      { test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/web/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts'],
          environment: 'node',
          // Migrates one database for the run; each test file's database is a copy of it.
          globalSetup: ['src/server/test/global-setup.ts'],
          // Each file builds its own app on its own database (test/harness.ts) and the server keeps no
          // state between apps but caches, so a worker loads the app's ~400 modules once instead of
          // once per file: that loading was most of the suite's CPU time (9 min → 3.5 min user time).
          isolate: false,
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
          globalSetup: ['src/server/test/global-setup.ts'],
          // Pages render asynchronously: give each expect.poll up to 20 s on a busy machine (the default is 1 s).
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One journey at a time, after the other files. Run beside each other they were faster
          // (npm test 6 instead of ~10 minutes), but two journeys then failed in turn: a page that
          // loads in parts showed them in another order. Parallel again once those waits are sound.
          fileParallelism: false,
        },
      },
    ],
  },
});
