import { defineConfig } from 'vitest/config';

/**
 * Tests run in a random order every time, files and the tests inside them, so a test that only passes
 * after another one fails early. The seed is printed; `DELMAL_TEST_SEED=<seed> npm test` replays it.
 */
const seed = Number(process.env.DELMAL_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isSafeInteger(seed)) throw new Error('DELMAL_TEST_SEED must be an integer');
process.stdout.write(`vitest: shuffled with seed ${seed} (replay: DELMAL_TEST_SEED=${seed})\n`);

/**
 * Test files run in parallel workers. Most suites wait on sockets, databases and a browser rather than
 * compute, so three workers (vitest's default on a 2-core box is one) keep both cores busy with headroom for the timing-sensitive suites.
 * `DELMAL_TEST_WORKERS` overrides it.
 */
const workers = Number(process.env.DELMAL_TEST_WORKERS ?? 3);
if (!Number.isSafeInteger(workers) || workers < 1)
  throw new Error('DELMAL_TEST_WORKERS must be a positive integer');

const shared = {
  // PostgreSQL suites create their own databases; SQLite suites use temp files. Files run in parallel.
  testTimeout: 20_000,
  hookTimeout: 60_000,
  sequence: { shuffle: { files: true, tests: true }, seed },
} as const;

export default defineConfig({
  test: {
    reporters: ['default'],
    maxWorkers: workers,
    // `npm run test:unit` runs only the first; `vitest run` runs all three.
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          ...shared,
          // Everything else: integration, e2e and any suite folder added later.
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', '**/node_modules/**'],
          // Builds dist/ once: some suites start the real `delmal` binary.
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
